/**
 * The letters about a plan (issue 12 item 2; docs/reviews.md "Letters"): a review's decision (keep, amend or stop the
 * plan), the decision to stop a plan (S9) and the letter that the council is considering it (reg 31(1)), the amended
 * plan (reg 22(3)), the decision not to amend it after all (reg 22(4)) and the notice to the family of a plan
 * transferred in from another council (reg 15(4)). Pure: the owners of the records (reviews,
 * ceasing, amendments) give the facts through the composition root, and the words are the same on the page, in the
 * PDF and in the Word document (`noticeBlocks`). An appealable decision carries the full rights block
 * (src/domain/rights); a decision to amend does not (the rights come with the amended plan or the decision not to
 * amend after all), and says so.
 */
import { longDate } from '../../domain/calendar.ts';
import { buildRightsBlock, missingRightsItems, RIGHTS_ITEM_LABELS } from '../../domain/rights/rights.ts';
import type { AuthoritySettings } from '../../platform/people/authority-settings.ts';
import { rightsContactsOf, type NoticeSection, type NoticeView } from './notice.ts';

export const PLAN_LETTER_KINDS = [
  'review-decision',
  'to-cease',
  'not-to-amend',
  'transfer-in',
  'amended-plan',
  'considering-cease',
] as const;
export type PlanLetterKind = (typeof PLAN_LETTER_KINDS)[number];
export const isPlanLetterKind = (v: string): v is PlanLetterKind =>
  (PLAN_LETTER_KINDS as readonly string[]).includes(v);

export const PLAN_LETTER_LABELS: Record<PlanLetterKind, string> = {
  'review-decision': 'Decision after the annual review',
  'to-cease': 'Decision to stop maintaining the EHC plan',
  'not-to-amend': 'Decision not to amend the EHC plan',
  'transfer-in': 'Your EHC plan has transferred to us',
  'amended-plan': 'Amended EHC plan issued',
  'considering-cease': 'We are considering stopping the EHC plan',
};

/** A date with the rule it comes from, as the clock gives it. */
export interface LetterRuleDate {
  readonly date: string;
  readonly rule: string;
  readonly source: string;
}

/**
 * What a letter is written from. `date` is the day the letter was sent (the decision's, or the day the family was
 * told); null when it has not been sent, and then there is no letter.
 */
export interface PlanLetterFacts {
  readonly childId: string;
  readonly planId: string;
  readonly date: string | null;
  /** The school or setting the plan names (section I), if it is on the register: a decision to cease goes there. */
  readonly namedSettingId?: string | null;
  readonly review?: {
    readonly number: number;
    readonly held: string | null;
    readonly decision: 'maintain' | 'amend' | 'cease';
    /** The next review's due date, with its rule. */
    readonly nextDue: LetterRuleDate | null;
  };
  readonly cessation?: { readonly groundLabel: string | null; readonly reasons: string | null };
  readonly amendment?: { readonly proposalSent: string | null; readonly reasons: string };
  readonly transfer?: {
    readonly fromAuthority: string;
    readonly transferredOn: string;
    readonly reviewDue: LetterRuleDate;
    /** Whether the council proposes to carry out a new EHC needs assessment (reg 15(4)); null if not recorded. */
    readonly proposesReassessment: boolean | null;
  };
  /** The amended plan (reg 22(3)): its version, the proposal it came from, what changed and when it was due. */
  readonly amended?: {
    readonly version: number;
    readonly proposalSent: string | null;
    /** The sections that changed, by title ("Section F: special educational provision"). */
    readonly sections: readonly string[];
    /** The day the amended plan was due, with its rule: issued after it, the letter says so. */
    readonly due: LetterRuleDate | null;
    /** The next review's due date: an amendment never moves it (CFA s44(1)). */
    readonly nextDue: LetterRuleDate | null;
  };
  /** Considering whether to stop the plan (reg 31(1)): why, and by when the council asks for views. */
  readonly considering?: {
    readonly reason: string;
    /** The day the council asks for views by (a product convention, not a legal time limit). */
    readonly viewsBy: string;
    /** The school or college consulted with the family, by name, if there is one. */
    readonly institution: string | null;
  };
}

/** The child, the authority and the officer the letter names. */
export interface LetterParties {
  readonly givenName: string;
  readonly familyName: string;
  readonly preferredName: string | null;
  readonly reference: string;
  readonly dateOfBirth: string;
  readonly officerName: string | null;
  readonly officerEmail: string | null;
}

function body(
  kind: PlanLetterKind,
  f: PlanLetterFacts,
  name: string,
): {
  title: string;
  sections: NoticeSection[];
  rights: 'not-to-amend' | 'to-cease' | 'amended-plan' | null;
} {
  const date = longDate(f.date!);
  switch (kind) {
    case 'review-decision': {
      const r = f.review!;
      const held = r.held
        ? `We held ${name}'s annual review meeting (review ${r.number}) on ${longDate(r.held)} and sent everyone the report.`
        : `We reviewed ${name}'s EHC plan (review ${r.number}).`;
      const next = r.nextDue
        ? [
            `The next review must be held by ${longDate(r.nextDue.date)}. ${r.nextDue.rule} (${r.nextDue.source}).`,
          ]
        : [];
      if (r.decision === 'maintain')
        return {
          title: `We will keep ${name}'s EHC plan as it is`,
          sections: [
            {
              heading: 'Our decision',
              paragraphs: [held, `On ${date} we decided to keep the EHC plan as it is, with no changes.`],
            },
            { heading: 'What happens next', paragraphs: next },
          ],
          rights: 'not-to-amend',
        };
      if (r.decision === 'amend')
        return {
          title: `We propose to change ${name}'s EHC plan`,
          sections: [
            {
              heading: 'Our decision',
              paragraphs: [held, `On ${date} we decided to amend (change) the EHC plan.`],
            },
            {
              heading: 'What happens next',
              paragraphs: [
                'We will send you the proposed changes, section by section, with the evidence for them. You will have 15 days to comment, to ask for a meeting and to ask for a particular school, college or other setting to be named.',
                'You can appeal about the amended plan once we issue it, or about a decision not to amend it after all: that letter will set out your rights.',
                ...next,
              ],
            },
          ],
          rights: null,
        };
      return {
        title: `We have decided to stop ${name}'s EHC plan`,
        sections: [
          {
            heading: 'Our decision',
            paragraphs: [
              held,
              `On ${date}, after consulting you and the school or college, we decided to stop maintaining the EHC plan.`,
              'The plan stays in force while you can appeal, and while an appeal goes on.',
            ],
          },
        ],
        rights: 'to-cease',
      };
    }
    case 'to-cease': {
      const c = f.cessation!;
      return {
        title: `We have decided to stop ${name}'s EHC plan`,
        sections: [
          {
            heading: 'Our decision',
            paragraphs: [
              `On ${date}, after consulting you and the head of the school or college, we decided to stop maintaining ${name}'s EHC plan${c.groundLabel ? `: ${c.groundLabel.toLowerCase()}` : ''}.`,
              'The plan stays in force until the time to appeal has passed with no appeal, or until an appeal ends.',
            ],
          },
          ...(c.reasons ? [{ heading: 'Why', paragraphs: [c.reasons] }] : []),
        ],
        rights: 'to-cease',
      };
    }
    case 'not-to-amend': {
      const a = f.amendment!;
      return {
        title: `We will not change ${name}'s EHC plan`,
        sections: [
          {
            heading: 'Our decision',
            paragraphs: [
              `${a.proposalSent ? `On ${longDate(a.proposalSent)} we sent you proposed changes to ${name}'s EHC plan. ` : ''}On ${date}, after the time for your comments, we decided not to amend the plan after all. The plan stays as it was.`,
            ],
          },
          { heading: 'Why', paragraphs: [a.reasons] },
        ],
        rights: 'not-to-amend',
      };
    }
    case 'amended-plan': {
      const a = f.amended!;
      const late =
        a.due && f.date! > a.due.date
          ? [
              `We should have issued it by ${longDate(a.due.date)}: ${a.due.rule} (${a.due.source}). We are sorry it is late.`,
            ]
          : [];
      return {
        title: `We have amended ${name}'s EHC plan`,
        sections: [
          {
            heading: 'Our decision',
            paragraphs: [
              `${a.proposalSent ? `On ${longDate(a.proposalSent)} we sent you the changes we proposed to ${name}'s EHC plan. ` : ''}After the time for your comments, on ${date} we issued the amended plan (version ${a.version}).`,
              ...late,
            ],
          },
          {
            heading: 'What has changed',
            paragraphs: a.sections.length
              ? [`These parts of the plan have changed: ${a.sections.join('; ')}.`]
              : [],
          },
          {
            heading: 'Reading the amended plan',
            paragraphs: [
              'You can read the amended plan, and compare it with the plan before, when you sign in to Goldthread. Ask us if you would like a paper copy.',
              'We have also sent it to the school, college or other setting the plan names, and to the health service that commissions health care for the area.',
            ],
          },
          {
            heading: 'When the plan will next be reviewed',
            paragraphs: a.nextDue
              ? [
                  `The next review must be held by ${longDate(a.nextDue.date)}. Amending the plan does not change this date. ${a.nextDue.rule} (${a.nextDue.source}).`,
                ]
              : [],
          },
        ],
        rights: 'amended-plan',
      };
    }
    case 'considering-cease': {
      const c = f.considering!;
      return {
        title: `We are considering stopping ${name}'s EHC plan`,
        sections: [
          {
            heading: 'What is happening',
            paragraphs: [
              `On ${date} we started to consider whether we should stop maintaining ${name}'s EHC plan. We have not decided yet.`,
              `Why we are considering it: ${c.reason}`,
            ],
          },
          {
            heading: 'Tell us what you think',
            paragraphs: [
              `Before we decide, the law says we must ask you${c.institution ? `, and the head of ${c.institution},` : ''} what you think (SEND Regulations 2014, reg 31(1)). Please tell us by ${longDate(c.viewsBy)}, so that we can take your views into account. This is a date we ask for, not a legal time limit: we will still listen if you need longer.`,
              'You can ask to meet us to talk about it before we decide. Contact us using the details below.',
            ],
          },
          {
            heading: 'What happens next',
            paragraphs: [
              'We will write to you with our decision. If we decide to stop the plan, the letter will tell you how to appeal, and the plan stays in force while you can appeal and while an appeal goes on.',
              `Until then, ${name}'s plan stays as it is.`,
            ],
          },
        ],
        rights: null,
      };
    }
    case 'transfer-in': {
      const t = f.transfer!;
      return {
        title: `${name}'s EHC plan has transferred to us`,
        sections: [
          {
            heading: 'What has happened',
            paragraphs: [
              `${t.fromAuthority} transferred ${name}'s EHC plan to us on ${longDate(t.transferredOn)}. We now maintain the plan and arrange the support it sets out.`,
              'The school, college or other setting the plan names stays the same until the plan is amended.',
            ],
          },
          {
            heading: 'Whether we will assess again',
            paragraphs: [
              t.proposesReassessment === true
                ? `We propose to carry out a new EHC needs assessment of ${name}'s needs. We will write to you about it, and ask for your views and those of the people who work with ${name}. The plan stays in place while we do.`
                : t.proposesReassessment === false
                  ? `We do not propose to carry out a new EHC needs assessment of ${name}'s needs: we will look at whether the plan still meets them at the review. You can ask us for a new assessment at any time, and we will tell you our decision.`
                  : `We have not yet decided whether to carry out a new EHC needs assessment of ${name}'s needs. We will write to you when we have.`,
            ],
          },
          {
            heading: 'When we will review the plan',
            paragraphs: [
              `We will review the plan by ${longDate(t.reviewDue.date)}. ${t.reviewDue.rule} (${t.reviewDue.source}).`,
            ],
          },
        ],
        rights: null,
      };
    }
  }
}

/** The letter, or undefined when it has not been sent (no decision or no date yet). */
export function letterView(
  kind: PlanLetterKind,
  f: PlanLetterFacts,
  p: LetterParties,
  s: AuthoritySettings,
  /** The organisations sent it (their inbox), by name. */
  told: readonly string[] = [],
): NoticeView | undefined {
  if (!f.date) return undefined;
  if (kind === 'review-decision' && !f.review) return undefined;
  if (kind === 'to-cease' && !f.cessation) return undefined;
  if (kind === 'not-to-amend' && !f.amendment) return undefined;
  if (kind === 'transfer-in' && !f.transfer) return undefined;
  if (kind === 'amended-plan' && !f.amended) return undefined;
  if (kind === 'considering-cease' && !f.considering) return undefined;
  const name = p.preferredName || p.givenName;
  const { title, sections, rights: rightsKind } = body(kind, f, name);
  const rights = rightsKind
    ? buildRightsBlock({
        kind: rightsKind,
        decisionSent: f.date,
        childName: name,
        contacts: rightsContactsOf(s),
      })
    : null;
  return {
    // The notice page's kind is only used for its document names and links: the letter's own kind.
    kind,
    label: PLAN_LETTER_LABELS[kind],
    childName: `${p.givenName} ${p.familyName}`,
    title,
    date: f.date,
    from: [s.name, s.teamPhone, s.teamEmail].filter(Boolean),
    about: `About: ${p.givenName} ${p.familyName}, born ${longDate(p.dateOfBirth)}, reference ${p.reference}.`,
    sections: [
      ...sections.filter((x) => x.paragraphs.length > 0),
      ...(told.length
        ? [
            {
              heading: 'Who else we have sent this to',
              paragraphs: [`We have also sent this letter to ${told.join(', ')}.`],
            },
          ]
        : []),
    ],
    rights,
    missing: rights ? missingRightsItems(rights).map((i) => RIGHTS_ITEM_LABELS[i]) : [],
    contact: `Your contact: ${p.officerName || s.name}, ${p.officerEmail || s.teamEmail}.`,
  };
}
