/**
 * A disagreement with an appealable decision (statutory-work.md S7; docs/tribunal.md): the family's contact with the
 * mediation adviser, mediation, certificates, agreements and what they oblige, the appeal, and the authority's
 * dates after a tribunal order or a concession. Pure: the caller passes the facts and `asOf`; every date comes from
 * the clock's rules (src/domain/clock/rules/tribunal.ts) with its rule, its source and a plain-English explanation.
 */
import { formatDate, formatLong, parseDate } from '../clock/dates.ts';
import {
  appealDeadline,
  certificateAfterMediation,
  certificateWhenNoMediation,
  commissionerToldOfHealthIssues,
  complianceAfterAgreement,
  complianceAfterConcession,
  complianceAfterOrder,
  complianceExceptionCheck,
  mediationContactBy,
  mediationHeldBy,
  mediationAgreementDates,
  type ComplianceDate,
  type ComplianceExceptionKind,
  type ConcessionKind,
  type OrderKind,
  type RuleDate,
} from '../clock/rules/index.ts';
import { daysLateOf, daysRemainingOf, statusOf } from '../clock/status.ts';
import type { Status } from '../clock/types.ts';

/** The appealable decisions (the rights block's kinds, src/domain/rights). */
export const DECISION_KINDS = [
  'not-to-assess',
  'not-to-issue',
  'final-plan',
  'amended-plan',
  'not-to-amend',
  'to-cease',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const DECISION_LABELS: Record<DecisionKind, string> = {
  'not-to-assess': 'Not to carry out an EHC needs assessment',
  'not-to-issue': 'Not to issue an EHC plan',
  'final-plan': 'The final EHC plan',
  'amended-plan': 'The amended EHC plan',
  'not-to-amend': 'Not to amend the EHC plan',
  'to-cease': 'To cease the EHC plan',
};

/** The decision inside a sentence: its label with a small first letter, "EHC" kept ("the amended EHC plan"). */
export function decisionPhrase(kind: DecisionKind): string {
  const label = DECISION_LABELS[kind];
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** The grounds of an appeal (S7.2). */
export const GROUNDS = [
  'refusal-to-assess',
  'refusal-to-issue',
  'contents',
  'refusal-to-amend',
  'cease',
  'placement-only',
] as const;
export type Ground = (typeof GROUNDS)[number];

export const GROUND_LABELS: Record<Ground, string> = {
  'refusal-to-assess': 'Refusal to carry out an EHC needs assessment',
  'refusal-to-issue': 'Refusal to issue an EHC plan',
  contents: 'What the plan says (sections B, F and I)',
  'refusal-to-amend': 'Refusal to amend the plan',
  cease: 'Decision to cease the plan',
  'placement-only': 'Only the school or other institution named (section I)',
};

/** The sections of a plan an appeal about its contents can be about (CFA s51(2)(c)). */
export const SECTIONS = ['B', 'F', 'I'] as const;
export type Section = (typeof SECTIONS)[number];

/** The grounds a decision of each kind opens. */
export const GROUNDS_FOR: Record<DecisionKind, readonly Ground[]> = {
  'not-to-assess': ['refusal-to-assess'],
  'not-to-issue': ['refusal-to-issue'],
  'final-plan': ['contents', 'placement-only'],
  'amended-plan': ['contents', 'placement-only'],
  'not-to-amend': ['refusal-to-amend'],
  'to-cease': ['cease'],
};

/**
 * A mediation certificate is needed before appealing, except for an appeal only about the school or institution
 * named (CFA s55(3); reg 32). Sections B, F or I together are not "only about section I".
 */
export function certificateNeeded(ground: Ground, sections: readonly Section[] = []): boolean {
  if (ground === 'placement-only') return false;
  if (ground === 'contents') return !(sections.length === 1 && sections[0] === 'I');
  return true;
}

export const OUTCOMES = ['allowed', 'partly-allowed', 'dismissed', 'withdrawn', 'conceded'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  allowed: 'Appeal allowed',
  'partly-allowed': 'Appeal allowed in part',
  dismissed: 'Appeal dismissed',
  withdrawn: 'Withdrawn by the family',
  conceded: 'Conceded by the council (not opposed)',
};

export const ORDER_LABELS: Record<OrderKind, string> = {
  'cease-dismissed': 'Appeal against ceasing dismissed: the plan may cease',
  assess: 'Carry out an EHC needs assessment',
  'make-and-maintain': 'Make and maintain an EHC plan',
  amend: 'Amend the plan',
  'change-school': 'Change the school or institution named',
  'continue-to-maintain': 'Continue to maintain the plan',
};

export const CONCESSION_LABELS: Record<ConcessionKind, string> = {
  assess: 'Carry out an EHC needs assessment',
  amend: 'Amend the plan',
  placement: 'Name the school or institution the family asked for',
};

export const COMPLIANCE_LABELS: Record<string, string> = {
  notify: 'Tell the family the council will assess',
  'no-plan-decision': 'Decide not to issue a plan (if no plan is needed)',
  'final-plan': 'Issue the final plan',
  'draft-plan': 'Send the draft plan',
  'amended-plan': 'Issue the amended plan',
  cease: 'Cease the plan',
  continue: 'Continue to maintain the plan',
};

/** Who a date binds. */
export type StepOwner = 'family' | 'local-authority' | 'mediation-adviser' | 'commissioner';

/** A reg 44(3) / 45 exception recorded against one compliance date. */
export interface ComplianceException {
  readonly kind: ComplianceExceptionKind;
  readonly from: string;
  readonly to: string | null;
  /** A caseworker confirmed it made the date impractical. */
  readonly confirmed: boolean;
}

export interface AgreementFacts {
  readonly id: string;
  readonly agreedOn: string;
  /** What an agreement on appealable matters obliges, with reg 44's periods (reg 42(2)); null when none. */
  readonly appealableKind: OrderKind | null;
  /** It also settles matters that cannot be appealed (reg 42(3): 2 weeks). */
  readonly nonAppealable: boolean;
  /** A health commissioner made it without the authority (reg 42(4): tell the authority within 1 week). */
  readonly commissionerOnly: boolean;
  /** When each obligation was done, by its id ('draft-plan', 'non-appealable', 'commissioner-tells', ...). */
  readonly done: Readonly<Record<string, string | null | undefined>>;
}

export interface DisagreementFacts {
  /** D: the day the decision notice was sent. */
  readonly decisionSent: string;
  /** The day the family contacted the mediation adviser. */
  readonly adviserContacted?: string | null;
  /** The day the family told the adviser they do not want mediation. */
  readonly declinedMediationOn?: string | null;
  /** The day the authority was told the family wants mediation (reg 33-37). */
  readonly mediationRequestedOn?: string | null;
  /** The family wants mediation about health provision too. */
  readonly healthIssues?: boolean;
  /** Only health provision: the commissioner, not the authority, arranges it (30 days from its being told). */
  readonly healthOnly?: boolean;
  /** The day the authority told the health commissioner. */
  readonly commissionerToldOn?: string | null;
  readonly mediationHeldOn?: string | null;
  readonly certificateIssuedOn?: string | null;
  readonly agreements?: readonly AgreementFacts[];
  readonly appeal?: AppealFacts | null;
}

export interface AppealFacts {
  readonly registeredOn: string;
  /** The date the tribunal's letter set for the authority's response, as written on it. */
  readonly responseDue?: string | null;
  readonly responseSentOn?: string | null;
  readonly hearingOn?: string | null;
  readonly outcome?: Outcome | null;
  /** O: the date of the tribunal's decision. */
  readonly decidedOn?: string | null;
  readonly orderKind?: OrderKind | null;
  /** C: the day the authority told the tribunal it would not oppose. */
  readonly concededOn?: string | null;
  readonly concessionKind?: ConcessionKind | null;
  /** When each compliance step was done, by id ('draft-plan', ...). */
  readonly done?: Readonly<Record<string, string | null | undefined>>;
  /** Exceptions recorded against compliance steps, by id. */
  readonly exceptions?: Readonly<Record<string, readonly ComplianceException[]>>;
}

export interface DisagreementStep {
  /** 'mediation-contact', 'appeal-deadline', 'order:draft-plan', 'agreement:<id>:final-plan', ... */
  readonly id: string;
  readonly label: string;
  readonly owner: StepOwner;
  readonly due: string;
  readonly completed: string | null;
  readonly status: Status;
  readonly daysLate: number;
  readonly daysRemaining: number | null;
  readonly rule: string;
  readonly source: string;
  /** True for the authority's compliance dates after an order, concession or agreement. */
  readonly compliance: boolean;
  /** A date the law sets for the authority or those acting for it: shown as late when missed. */
  readonly markLate: boolean;
  /** A confirmed, qualifying reg 44(3) exception: the date is not shown as late. */
  readonly excused: boolean;
  readonly exceptionReasons: readonly string[];
  /** The date and its rule, and where things stand, in plain English. */
  readonly explanation: string;
}

const OWNER_WORDS: Record<StepOwner, string> = {
  family: 'The family',
  'local-authority': 'The council',
  'mediation-adviser': 'The mediation adviser',
  commissioner: 'The health commissioning body',
};

function step(
  asOf: string,
  id: string,
  label: string,
  owner: StepOwner,
  rd: RuleDate,
  completed: string | null | undefined,
  from: string,
  options: { compliance?: boolean; exceptions?: readonly ComplianceException[]; more?: string } = {},
): DisagreementStep {
  const due = parseDate(rd.date);
  const done = completed ? parseDate(completed) : null;
  const today = parseDate(asOf);
  const status = statusOf(due, done, today);
  const markLate = owner !== 'family' && rd.statutory;
  const checks = (options.exceptions ?? []).map((e) => ({
    e,
    check: complianceExceptionCheck(e, formatDate(parseDate(from)), rd.date, asOf),
  }));
  const excused = checks.some((c) => c.check.qualifies && c.e.confirmed);
  const late = daysLateOf(due, done, today);
  const left = daysRemainingOf(due, done, today);
  const s = (n: number) => (n === 1 ? '1 day' : `${n} days`);
  const where =
    status === 'met'
      ? `Done on ${formatLong(done!)}, in time.`
      : status === 'late'
        ? `Done on ${formatLong(done!)}, ${s(late)} late.`
        : status === 'open'
          ? left === 0
            ? 'Not done yet: today is the last day.'
            : `Not done yet: ${s(left!)} left.`
          : owner === 'family'
            ? `This date passed ${s(late)} ago.`
            : `Not done yet: ${s(late)} late.`;
  const rule = /[.!?]$/.test(rd.rule) ? rd.rule : `${rd.rule}.`;
  let explanation = `${OWNER_WORDS[owner]}: ${label.charAt(0).toLowerCase()}${label.slice(1)} by ${formatLong(due)}, counted from ${formatLong(parseDate(from))}. ${rule} Source: ${rd.source}. ${where}`;
  if (excused)
    explanation +=
      ' An exception the council recorded excuses the date (reg 44(3)); it must still act as soon as practicable.';
  if (options.more) explanation += ` ${options.more}`;
  return {
    id,
    label,
    owner,
    due: rd.date,
    completed: completed ?? null,
    status,
    daysLate: late,
    daysRemaining: left,
    rule: rd.rule,
    source: rd.source,
    compliance: options.compliance ?? false,
    markLate,
    excused,
    exceptionReasons: checks.map((c) => c.check.reason),
    explanation,
  };
}

/**
 * Of an assessment order's two ends, only one happens: once the decision not to issue a plan or the final plan is
 * done, the other is dropped.
 */
function alternatives(dates: ComplianceDate[], done: Readonly<Record<string, string | null | undefined>>) {
  if (done['no-plan-decision']) return dates.filter((d) => d.id !== 'final-plan');
  if (done['final-plan']) return dates.filter((d) => d.id !== 'no-plan-decision');
  return dates;
}

/** Every date of a disagreement, in the order they arise, with status as of `asOf`. */
export function disagreementSteps(f: DisagreementFacts, asOf: string): DisagreementStep[] {
  const out: DisagreementStep[] = [];
  const d = f.decisionSent;
  out.push(
    step(
      asOf,
      'mediation-contact',
      'Contact the mediation adviser',
      'family',
      mediationContactBy(d),
      f.adviserContacted,
      d,
      { more: 'Not needed for an appeal only about the school or institution named.' },
    ),
  );
  if (f.declinedMediationOn)
    out.push(
      step(
        asOf,
        'certificate-no-mediation',
        'Issue the mediation certificate (the family does not want mediation)',
        'mediation-adviser',
        certificateWhenNoMediation(f.declinedMediationOn),
        f.certificateIssuedOn,
        f.declinedMediationOn,
      ),
    );
  if (f.mediationRequestedOn) {
    if (f.healthIssues)
      out.push(
        step(
          asOf,
          'commissioner-told',
          'Tell the health commissioning body of the health issues',
          'local-authority',
          commissionerToldOfHealthIssues(f.mediationRequestedOn),
          f.commissionerToldOn,
          f.mediationRequestedOn,
        ),
      );
    const told = f.healthOnly ? (f.commissionerToldOn ?? null) : f.mediationRequestedOn;
    if (told) {
      const heldBy = mediationHeldBy(told);
      out.push(
        step(
          asOf,
          'mediation-held',
          'Hold the mediation',
          f.healthOnly ? 'commissioner' : 'local-authority',
          heldBy,
          f.mediationHeldOn,
          told,
        ),
      );
      const certificateFrom = f.mediationHeldOn ?? (asOf > heldBy.date ? heldBy.date : null);
      if (certificateFrom && !f.declinedMediationOn)
        out.push(
          step(
            asOf,
            'certificate-after-mediation',
            f.mediationHeldOn
              ? 'Issue the mediation certificate after the mediation'
              : 'Issue the mediation certificate (mediation not held in 30 days)',
            'mediation-adviser',
            certificateAfterMediation(certificateFrom),
            f.certificateIssuedOn,
            certificateFrom,
          ),
        );
    }
  }
  for (const a of f.agreements ?? []) {
    if (a.appealableKind)
      for (const c of alternatives(complianceAfterAgreement(a.appealableKind, a.agreedOn), a.done))
        out.push(
          step(
            asOf,
            `agreement:${a.id}:${c.id}`,
            COMPLIANCE_LABELS[c.id] ?? c.id,
            'local-authority',
            c,
            a.done[c.id],
            a.agreedOn,
            { compliance: true },
          ),
        );
    const other = mediationAgreementDates(a.agreedOn);
    if (a.nonAppealable)
      out.push(
        step(
          asOf,
          `agreement:${a.id}:non-appealable`,
          'Do what the agreement says on matters that cannot be appealed',
          'local-authority',
          other.nonAppealableMatters,
          a.done['non-appealable'],
          a.agreedOn,
          { compliance: true },
        ),
      );
    if (a.commissionerOnly)
      out.push(
        step(
          asOf,
          `agreement:${a.id}:commissioner-tells`,
          'Tell the council of the agreement',
          'commissioner',
          other.commissionerTellsAuthority,
          a.done['commissioner-tells'],
          a.agreedOn,
        ),
      );
  }
  out.push(
    step(
      asOf,
      'appeal-deadline',
      'Appeal to the tribunal',
      'family',
      appealDeadline(d, f.certificateIssuedOn),
      f.appeal?.registeredOn,
      d,
      {
        more: f.certificateIssuedOn
          ? `Recalculated from the mediation certificate of ${formatLong(parseDate(f.certificateIssuedOn))}.`
          : 'A mediation certificate dated later than 1 month before this would give until 1 month after it.',
      },
    ),
  );
  const appeal = f.appeal;
  if (appeal) {
    // A response is owed until the appeal ends; one that ended by withdrawal or concession before it needs none.
    const ended = appeal.outcome === 'withdrawn' || appeal.outcome === 'conceded';
    if (appeal.responseDue && !(ended && !appeal.responseSentOn))
      out.push(
        step(
          asOf,
          'response',
          "Send the council's response to the tribunal",
          'local-authority',
          {
            date: appeal.responseDue,
            rule: "The date the tribunal's letter set for the council's response",
            source: "The tribunal's case directions",
            statutory: true,
            assumption: null,
          },
          appeal.responseSentOn,
          appeal.registeredOn,
        ),
      );
    const done = appeal.done ?? {};
    const exceptions = appeal.exceptions ?? {};
    const compliance = (prefix: string, from: string, dates: ComplianceDate[]) => {
      for (const c of alternatives(dates, done))
        out.push(
          step(
            asOf,
            `${prefix}:${c.id}`,
            COMPLIANCE_LABELS[c.id] ?? c.id,
            'local-authority',
            c,
            done[c.id],
            from,
            { compliance: true, exceptions: exceptions[c.id] ?? [] },
          ),
        );
    };
    if (appeal.outcome === 'conceded' && appeal.concededOn && appeal.concessionKind)
      compliance(
        'concession',
        appeal.concededOn,
        complianceAfterConcession(appeal.concessionKind, appeal.concededOn),
      );
    else if (appeal.decidedOn && appeal.orderKind)
      compliance('order', appeal.decidedOn, complianceAfterOrder(appeal.orderKind, appeal.decidedOn));
  }
  return out;
}

/** The authority's dates that are late or overdue and not excused (what the caseworker's list marks late). */
export function isMarkedLate(s: DisagreementStep): boolean {
  return s.markLate && !s.excused && (s.status === 'late' || s.status === 'overdue');
}

/** Where a disagreement stands, in a few words. */
export type DisagreementState =
  | 'advice'
  | 'mediation-requested'
  | 'mediation-held'
  | 'certificate-issued'
  | 'appeal-registered'
  | 'hearing-listed'
  | 'decided'
  | 'conceded'
  | 'withdrawn'
  | 'closed';

export const STATE_LABELS: Record<DisagreementState, string> = {
  advice: 'Mediation advice',
  'mediation-requested': 'Mediation asked for',
  'mediation-held': 'Mediation held',
  'certificate-issued': 'Certificate issued',
  'appeal-registered': 'Appeal registered',
  'hearing-listed': 'Hearing listed',
  decided: 'Tribunal decided',
  conceded: 'Conceded',
  withdrawn: 'Appeal withdrawn',
  closed: 'Closed',
};

export function disagreementState(f: DisagreementFacts): DisagreementState {
  const a = f.appeal;
  if (a) {
    if (a.outcome === 'withdrawn') return 'withdrawn';
    if (a.outcome === 'conceded') return 'conceded';
    if (a.outcome) return 'decided';
    if (a.hearingOn) return 'hearing-listed';
    return 'appeal-registered';
  }
  if (f.certificateIssuedOn) return 'certificate-issued';
  if (f.mediationHeldOn) return 'mediation-held';
  if (f.mediationRequestedOn) return 'mediation-requested';
  return 'advice';
}

/** Checks on the order of events; returns the field at fault and a message, or null. */
export function factsProblem(f: DisagreementFacts, today: string): { field: string; message: string } | null {
  const dates: [string, string | null | undefined, string][] = [
    ['adviserContacted', f.adviserContacted, 'The date the family contacted the adviser'],
    ['declinedMediationOn', f.declinedMediationOn, 'The date the family said they do not want mediation'],
    ['mediationRequestedOn', f.mediationRequestedOn, 'The date the council was told'],
    ['mediationHeldOn', f.mediationHeldOn, 'The date of the mediation'],
    ['certificateIssuedOn', f.certificateIssuedOn, 'The certificate date'],
  ];
  for (const [field, value, words] of dates) {
    if (!value) continue;
    if (value > today) return { field, message: `${words} must be today or in the past` };
    if (value < f.decisionSent)
      return { field, message: `${words} must be on or after the decision was sent` };
  }
  if (f.mediationHeldOn && f.mediationRequestedOn && f.mediationHeldOn < f.mediationRequestedOn)
    return { field: 'mediationHeldOn', message: 'The mediation must be on or after the council was told' };
  if (f.declinedMediationOn && f.mediationHeldOn)
    return { field: 'mediationHeldOn', message: 'The family said they did not want mediation' };
  return null;
}
