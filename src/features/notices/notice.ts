/**
 * A decision notice as its page, PDF and Word document give it (docs/rights.md): which notices a case has, the
 * notice's words, and the same words as document blocks. Pure: the service passes the case's facts and the
 * authority's settings in. Every appealable decision carries the full rights block (src/domain/rights).
 */
import { longDate } from '../../domain/calendar.ts';
import { formatDate, parseDate } from '../../domain/clock/dates.ts';
import {
  buildRightsBlock,
  DECISION_KINDS,
  missingRightsItems,
  RIGHTS_ITEM_LABELS,
  type DecisionKind,
  type RightsBlock,
  type RightsContacts,
} from '../../domain/rights/rights.ts';
import type { Block } from '../../platform/documents/documents.ts';
import type { AuthoritySettings } from '../../platform/people/authority-settings.ts';

/**
 * Every notice: the decision to assess (no appeal), the appealable decisions, and the notice that the council is
 * considering whether an assessment is necessary (reg 4(2): not a decision, no appeal), sent when a request arrives.
 */
export const NOTICE_KINDS = ['decision-to-assess', ...DECISION_KINDS, 'considering-assessment'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_LABELS: Record<NoticeKind, string> = {
  'decision-to-assess': 'Decision to carry out an EHC needs assessment',
  'not-to-assess': 'Decision not to carry out an EHC needs assessment',
  'not-to-issue': 'Decision not to issue an EHC plan',
  'final-plan': 'Final EHC plan issued',
  'amended-plan': 'Amended EHC plan issued',
  'not-to-amend': 'Decision not to amend the EHC plan',
  'to-cease': 'Decision to stop maintaining the EHC plan',
  'considering-assessment': 'Considering whether an EHC needs assessment is necessary',
};

export const isNoticeKind = (v: string): v is NoticeKind => (NOTICE_KINDS as readonly string[]).includes(v);
export const isAppealable = (k: NoticeKind): k is DecisionKind =>
  (DECISION_KINDS as readonly string[]).includes(k);

/** What a case's record says about its decisions (the assessments feature's decisionFacts has these and more). */
export interface CaseDecisions {
  readonly id: string;
  readonly decision_date: string | null;
  readonly decision_outcome: string | null;
  readonly outcome_date: string | null;
  readonly outcome: string | null;
  readonly final_issued: string | null;
  /** J8: an initial assessment or a reassessment of a plan, and whether the reassessment amended or replaced it. */
  readonly kind: 'initial' | 'reassessment';
  readonly reassessment_result: 'amended' | 'replaced' | null;
}

/**
 * The notice a plan issued at the end of a case gives: a reassessment that amended the plan issues an amended plan
 * (CFA s44(2)-(3), regs 24-27); a first plan, or a reassessment's replacement plan, a final plan.
 */
export function planNoticeKind(
  c: Pick<CaseDecisions, 'kind' | 'reassessment_result'>,
): 'final-plan' | 'amended-plan' {
  return c.kind === 'reassessment' && c.reassessment_result === 'amended' ? 'amended-plan' : 'final-plan';
}

/** The notices a case has, oldest first, each with the date it was sent. */
export function noticesOf(c: CaseDecisions): Array<{ kind: NoticeKind; date: string }> {
  const out: Array<{ kind: NoticeKind; date: string }> = [];
  if (c.decision_date && c.decision_outcome === 'assess')
    out.push({ kind: 'decision-to-assess', date: c.decision_date });
  if (c.decision_date && c.decision_outcome === 'not-assess')
    out.push({ kind: 'not-to-assess', date: c.decision_date });
  if (c.outcome_date && c.outcome === 'no-plan') out.push({ kind: 'not-to-issue', date: c.outcome_date });
  if (c.final_issued) out.push({ kind: planNoticeKind(c), date: c.final_issued });
  return out;
}

/** The facts a notice is written from. */
export interface NoticeFacts extends CaseDecisions {
  readonly child_id: string;
  readonly request_received: string;
  readonly decision_reasons: string | null;
  readonly outcome_reasons: string | null;
  readonly plan_reference: string | null;
  readonly given_name: string;
  readonly family_name: string;
  readonly preferred_name: string | null;
  readonly reference: string;
  readonly date_of_birth: string;
  readonly team_name: string;
  readonly team_email: string | null;
  readonly team_phone: string | null;
  readonly officer_name: string | null;
  readonly officer_email: string | null;
}

export interface NoticeSection {
  readonly heading: string;
  readonly paragraphs: readonly string[];
}

export interface NoticeView {
  /** The notice's kind, or a plan letter's (letters.ts). */
  readonly kind: string;
  readonly label: string;
  /** The child's or young person's full name. */
  readonly childName: string;
  readonly title: string;
  readonly date: string;
  readonly from: readonly string[];
  readonly about: string;
  readonly sections: readonly NoticeSection[];
  readonly rights: RightsBlock | null;
  /** The rights items the notice lacks (the authority's contacts not filled in): shown to staff as a warning. */
  readonly missing: readonly string[];
  readonly contact: string;
}

export function rightsContactsOf(s: AuthoritySettings): RightsContacts {
  return {
    mediationAdviser: s.mediationAdviser,
    authorityMediation: s.authorityMediation,
    disagreementResolution: s.disagreementResolution,
    sendiass: s.sendiass,
  };
}

const TWENTY_WEEKS = 140;
/** Reg 5(1): the decision whether to assess, 6 weeks from the request (the clock's `decision-to-assess` step). */
const SIX_WEEKS = 42;

function body(kind: NoticeKind, f: NoticeFacts, name: string): { title: string; sections: NoticeSection[] } {
  const received = `We received the request for an education, health and care (EHC) needs assessment on ${longDate(f.request_received)}.`;
  switch (kind) {
    case 'decision-to-assess': {
      const due = formatDate(parseDate(f.request_received) + TWENTY_WEEKS);
      return {
        title: `We will assess ${name}'s needs`,
        sections: [
          {
            heading: 'Our decision',
            paragraphs: [
              received,
              `On ${longDate(f.decision_date!)} we decided to carry out an EHC needs assessment.`,
            ],
          },
          { heading: 'Why', paragraphs: [f.decision_reasons || 'The reasons are held on the case record.'] },
          {
            heading: 'What happens next',
            paragraphs: [
              `We will ask people who know ${name} for advice, including you. By law we must issue the final EHC plan, or tell you that we will not issue one, by ${longDate(due)}: 20 weeks from the day we received the request.`,
            ],
          },
        ],
      };
    }
    case 'not-to-assess':
      return {
        title: `We will not assess ${name}'s needs`,
        sections: [
          {
            heading: 'Our decision',
            paragraphs: [
              received,
              `On ${longDate(f.decision_date!)} we decided not to carry out an EHC needs assessment.`,
            ],
          },
          { heading: 'Why', paragraphs: [f.decision_reasons || 'The reasons are held on the case record.'] },
        ],
      };
    case 'not-to-issue':
      return {
        title: `We will not issue an EHC plan for ${name}`,
        sections: [
          {
            heading: 'Our decision',
            paragraphs: [
              received,
              `On ${longDate(f.outcome_date!)}, after the assessment, we decided not to issue an EHC plan.`,
            ],
          },
          { heading: 'Why', paragraphs: [f.outcome_reasons || 'The reasons are held on the case record.'] },
          {
            heading: 'What happens next',
            paragraphs: [
              `The advice gathered in the assessment can still help ${name}'s school or setting plan their support.`,
            ],
          },
        ],
      };
    case 'final-plan':
      return {
        title: `${name}'s final EHC plan`,
        sections: [
          {
            heading: 'Our decision',
            paragraphs: [
              `On ${longDate(f.final_issued!)} we issued ${name}'s final education, health and care (EHC) plan${f.plan_reference ? `, reference ${f.plan_reference}` : ''}.`,
              'The plan is reviewed at least once a year.',
            ],
          },
        ],
      };
    case 'amended-plan':
      return {
        title: `${name}'s amended EHC plan`,
        sections: [
          {
            heading: 'Our decision',
            paragraphs: [
              `We reassessed ${name}'s needs. On ${longDate(f.final_issued!)} we issued ${name}'s amended education, health and care (EHC) plan${f.plan_reference ? `, reference ${f.plan_reference}` : ''}.`,
              'The amended plan replaces the one it amends. It does not change when the plan must next be reviewed.',
            ],
          },
        ],
      };
    case 'considering-assessment':
      // Reg 4(2): what the organisations are told when a request arrives. Only the request's date and what happens
      // next: not who asked, nor what the request says.
      return {
        title: `We are considering whether to assess ${name}'s needs`,
        sections: [
          {
            heading: 'What we are doing',
            paragraphs: [
              f.kind === 'reassessment'
                ? `We received a request on ${longDate(f.request_received)} to assess ${name}'s needs again (a reassessment of the EHC plan).`
                : received,
              'We are considering whether an EHC needs assessment is necessary. This is not a decision: we have not yet decided whether to assess.',
            ],
          },
          {
            heading: 'What happens next',
            paragraphs: [
              f.kind === 'reassessment'
                ? 'We will decide whether to assess again, and tell you our decision.'
                : `By law we must decide whether to assess by ${longDate(formatDate(parseDate(f.request_received) + SIX_WEEKS))}: 6 weeks from the day we received the request. We will tell you our decision.`,
            ],
          },
        ],
      };
    default:
      // Not amending and ceasing have no journey yet (docs/rights.md): the domain builds their rights.
      return { title: NOTICE_LABELS[kind], sections: [] };
  }
}

/** The notice for one of the case's decisions, or undefined when the case has no such decision. */
export function noticeView(
  f: NoticeFacts,
  kind: NoticeKind,
  s: AuthoritySettings,
  /** The organisations sent this decision (their inbox), by name. */
  told: readonly string[] = [],
): NoticeView | undefined {
  const sent =
    kind === 'considering-assessment'
      ? { kind, date: f.request_received }
      : noticesOf(f).find((n) => n.kind === kind);
  if (!sent) return undefined;
  const name = f.preferred_name || f.given_name;
  const { title, sections } = body(kind, f, name);
  const rights = isAppealable(kind)
    ? buildRightsBlock({ kind, decisionSent: sent.date, childName: name, contacts: rightsContactsOf(s) })
    : null;
  return {
    kind,
    label: NOTICE_LABELS[kind],
    childName: `${f.given_name} ${f.family_name}`,
    title,
    date: sent.date,
    from: [s.name, f.team_name, f.team_phone || s.teamPhone, f.team_email || s.teamEmail].filter(Boolean),
    about: `About: ${f.given_name} ${f.family_name}, born ${longDate(f.date_of_birth)}, reference ${f.reference}.`,
    sections: told.length
      ? [
          ...sections,
          {
            heading: 'Who else we have told',
            paragraphs: [
              `We have also sent this ${kind === 'considering-assessment' ? 'notice' : 'decision'} to ${told.join(', ')}.`,
            ],
          },
        ]
      : sections,
    rights,
    missing: rights ? missingRightsItems(rights).map((i) => RIGHTS_ITEM_LABELS[i]) : [],
    contact: `Your contact: ${f.officer_name || f.team_name}, ${f.officer_email || f.team_email || s.teamEmail}.`,
  };
}

/**
 * The history event a notice's decision wrote (assessments' `assessment-agreed` or `-refused`, `plan-issued`, each
 * with the case's id): the milestone whose survey invitation the notice carries (ADR 0057). None for the others.
 */
export function noticeMilestone(
  kind: NoticeKind,
  caseId: string,
): { kinds: readonly string[]; detail: Readonly<Record<string, string>> } | undefined {
  if (kind === 'decision-to-assess' || kind === 'not-to-assess')
    return { kinds: ['assessment-agreed', 'assessment-refused'], detail: { caseId } };
  if (kind === 'final-plan' || kind === 'amended-plan') return { kinds: ['plan-issued'], detail: { caseId } };
  return undefined;
}

/** The letter with the survey's invitation (ADR 0057) as its last section, when there is one. */
export function withSurvey(v: NoticeView, paragraphs: readonly string[] | undefined): NoticeView {
  return paragraphs?.length
    ? { ...v, sections: [...v.sections, { heading: 'Tell us how it went', paragraphs }] }
    : v;
}

/** The notice as document blocks: the same words as its page. */
export function noticeBlocks(v: NoticeView): Block[] {
  const out: Block[] = [
    { kind: 'title', text: v.title },
    { kind: 'p', text: v.from.join(', ') },
    { kind: 'p', text: `Date of this notice: ${longDate(v.date)}` },
    { kind: 'p', text: v.about },
  ];
  for (const s of v.sections) {
    out.push({ kind: 'h1', text: s.heading });
    for (const p of s.paragraphs) out.push({ kind: 'p', text: p });
  }
  if (v.rights) {
    out.push({ kind: 'h1', text: 'If you disagree: your rights' });
    for (const g of v.rights.groups) {
      out.push({ kind: 'h2', text: g.heading });
      for (const p of g.paragraphs) out.push({ kind: 'p', text: p.text });
    }
  }
  out.push({ kind: 'p', text: v.contact });
  return out;
}

/** The rights block as plain text, for messages. */
export function rightsText(block: RightsBlock): string {
  return block.groups
    .map((g) => `${g.heading}\n\n${g.paragraphs.map((p) => p.text).join('\n\n')}`)
    .join('\n\n');
}
