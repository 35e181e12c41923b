/**
 * Personal budgets and direct payments (statutory-work.md S8; the SEN (Personal Budgets) Regulations 2014, "PB
 * Regs"; docs/personal-budgets.md). Pure rules over 'YYYY-MM-DD' strings: what a request, a decision, a direct
 * payment agreement, a monitoring review and a reduction or stop must hold; the dates they raise (with their rule
 * text and source, from the clock); where a personal budget stands; the SEN2 module 4a flags; and the information
 * paragraph every draft plan and amendment proposal carries (reg 3).
 *
 * Working assumptions ([U], kept here so they can be corrected once): "reasonable notice" of a reduction or stop
 * (regs 12 and 14) is taken as at least 28 days; the product asks for the decision on a request before the final
 * or amended plan is issued (a product rule, not a legal time limit).
 */
import { addDays, addMonths, formatDate, parseDate } from '../clock/dates.ts';
import { firstDirectPaymentReviewBy, type RuleDate } from '../clock/rules/index.ts';

/** The elements a personal budget may cover: the provision in sections F, G and H of the plan. */
export const ELEMENTS = ['education', 'health', 'social-care'] as const;
export type Element = (typeof ELEMENTS)[number];
export const ELEMENT_LABELS: Record<Element, string> = {
  education: 'Education (section F)',
  health: 'Health (section G)',
  'social-care': 'Social care (section H)',
};

/** When a family may ask (PB Regs reg 4 [S]): once a draft plan is sent, at a review, at a reassessment. */
export const STAGES = ['draft', 'review', 'reassessment'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, string> = {
  draft: 'The draft plan',
  review: 'A review of the plan',
  reassessment: 'A reassessment',
};

/** How each element's money is held: paid to the family, kept by the council or school, or held by a third party. */
export const ARRANGEMENTS = ['direct-payment', 'notional', 'third-party'] as const;
export type Arrangement = (typeof ARRANGEMENTS)[number];
export const ARRANGEMENT_LABELS: Record<Arrangement, string> = {
  'direct-payment': 'Direct payment (paid to the family)',
  notional: 'Notional arrangement (the council or school holds the money and arranges the support)',
  'third-party': 'Third-party arrangement (another organisation holds the money and pays for the support)',
};

export const REVIEW_OUTCOMES = ['upheld', 'changed'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];
export const MONITORING_OUTCOMES = ['continue', 'change-terms', 'reduce', 'stop'] as const;
export type MonitoringOutcome = (typeof MONITORING_OUTCOMES)[number];
export const MONITORING_LABELS: Record<MonitoringOutcome, string> = {
  continue: 'Continue as agreed',
  'change-terms': 'Continue with changed terms',
  reduce: 'Reduce the payment (give notice)',
  stop: 'Stop the payment (give notice)',
};
export const CHANGE_KINDS = ['reduce', 'stop'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export const RECONSIDERATION_OUTCOMES = ['confirmed', 'withdrawn'] as const;
export type ReconsiderationOutcome = (typeof RECONSIDERATION_OUTCOMES)[number];

/** The least notice of a reduction or a stop the product accepts as "reasonable" (regs 12 and 14) [U]. */
export const MINIMUM_NOTICE_DAYS = 28;

export interface Problem {
  readonly field: string;
  readonly message: string;
}

// -------------------------------------------------------------------------------------------- information (reg 3)

/** The sentence that marks the paragraph: a draft or proposal without it fails (S8 acceptance). */
export const INFORMATION_MARK = 'You can ask for a personal budget';

/**
 * What every draft plan and every amendment proposal tells the family about personal budgets (reg 3): that they
 * may ask, when, for which provision, the arrangements, and where to get free advice. `advice` names the
 * authority's information, advice and support service where known.
 */
export function personalBudgetInformation(advice?: { name: string; contact?: string | null } | null): string {
  const where = advice
    ? `${advice.name}${advice.contact ? ` (${advice.contact})` : ''}`
    : 'your local SEND information, advice and support service (SENDIASS)';
  return (
    `${INFORMATION_MARK}: an amount of money identified to pay for some of the support in the plan (education, ` +
    'health or social care). Ask while the plan is a draft, at a review or at a reassessment. The money can be paid ' +
    'to you as a direct payment, held by the council or school (a notional arrangement), or held by another ' +
    'organisation (a third-party arrangement), or a mix. If the council says no, it will tell you why and you can ' +
    `ask it to think again. For free, independent advice, contact ${where}.`
  );
}

/** Whether a letter or message carries the personal budget paragraph. */
export function hasPersonalBudgetInformation(text: string): boolean {
  return text.includes(INFORMATION_MARK) && /direct payment/.test(text) && /notional/.test(text);
}

// -------------------------------------------------------------------------------------------- the request (reg 4)

export interface RequestInput {
  readonly requestedOn: string;
  readonly stage: Stage;
  readonly elements: readonly Element[];
  readonly wantsDirectPayment: boolean;
  /** Where the child's plan stands: an assessment under way (a draft to come), a plan, none or ceased. */
  readonly planStatus: 'none' | 'assessment' | 'plan' | 'ceased';
  /** The day the plan was first issued (null before it is). */
  readonly planSince: string | null;
}

/** A request's problems against today (null when it may be recorded). */
export function requestProblem(r: RequestInput, today: string): Problem | null {
  if (r.requestedOn > today)
    return { field: 'requestedOn', message: 'The date of the request must be today or in the past' };
  if (!r.elements.length)
    return { field: 'elements', message: 'Select the support the personal budget is for' };
  if (r.planStatus === 'none' || r.planStatus === 'ceased')
    return {
      field: 'stage',
      message:
        'A personal budget can be asked for once a draft plan has been sent, at a review or at a reassessment: this child has no plan and no assessment under way',
    };
  if (r.planStatus === 'assessment' && r.stage !== 'draft')
    return {
      field: 'stage',
      message: 'Before the first plan is issued, a personal budget is asked for at the draft plan',
    };
  if (r.planStatus === 'plan' && r.planSince && r.requestedOn < r.planSince)
    return { field: 'requestedOn', message: 'The request must be on or after the plan was issued' };
  return null;
}

/**
 * When the decision on a request is wanted: before the final or amended plan is issued (a product rule, so the
 * plan's section J can say what was agreed). Null when no plan date is known yet.
 */
export function decisionWantedBy(planDue: string | null): RuleDate | null {
  if (!planDue) return null;
  return {
    date: planDue,
    rule: 'Decide the request before the final or amended plan is issued, so the plan can set out the personal budget',
    source: 'Product rule (statutory-work.md S8); SEN (Personal Budgets) Regulations 2014, reg 8',
    statutory: false,
    assumption: null,
  };
}

// -------------------------------------------------------------------------------------------- the decision (regs 5-8)

export interface ElementDecision {
  readonly element: Element;
  /** The amount identified, in pence a year; null when this element is not agreed. */
  readonly pence: number | null;
  readonly arrangement: Arrangement | null;
}

export interface DecisionInput {
  readonly decidedOn: string;
  readonly requestedOn: string;
  readonly requested: readonly Element[];
  readonly wantsDirectPayment: boolean;
  readonly elements: readonly ElementDecision[];
  readonly reasons: string | null;
}

/** Whether any part of what the family asked for was refused (so reasons and the right to a review are owed). */
export function refusesSomething(d: Omit<DecisionInput, 'decidedOn' | 'requestedOn' | 'reasons'>): boolean {
  const agreed = d.elements.filter((e) => e.pence !== null && e.pence > 0);
  const notAgreed = d.requested.some((el) => !agreed.some((a) => a.element === el));
  const noDirectPayment = d.wantsDirectPayment && !agreed.some((a) => a.arrangement === 'direct-payment');
  return notAgreed || noDirectPayment;
}

/** A decision's problems (null when it may be saved). A refusal, in whole or part, without reasons cannot be saved. */
export function decisionProblem(d: DecisionInput, today: string): Problem | null {
  if (d.decidedOn > today)
    return { field: 'decidedOn', message: 'The date of the decision must be today or in the past' };
  if (d.decidedOn < d.requestedOn)
    return { field: 'decidedOn', message: 'The date of the decision must be on or after the request' };
  for (const e of d.elements) {
    const field = `${e.element}Pence`;
    if (e.pence !== null && (!Number.isInteger(e.pence) || e.pence < 0 || e.pence > 100_000_000))
      return { field, message: 'Enter an amount between £0 and £1,000,000' };
    if (e.pence !== null && e.pence > 0 && !e.arrangement)
      return {
        field: `${e.element}Arrangement`,
        message: `Select how the ${e.element === 'social-care' ? 'social care' : e.element} money is held`,
      };
    if ((e.pence === null || e.pence === 0) && e.arrangement)
      return { field, message: 'Enter the amount for the arrangement selected' };
  }
  if (refusesSomething(d) && !d.reasons?.trim())
    return {
      field: 'reasons',
      message:
        'Give the reasons for refusing what the family asked for: they are told them with their right to ask for a review',
    };
  return null;
}

/** The arrangement as SEN2 and the letter name it: one kind, or a combination. */
export function arrangementOf(elements: readonly ElementDecision[]): Arrangement | 'combination' | null {
  const kinds = new Set(elements.filter((e) => e.pence && e.arrangement).map((e) => e.arrangement!));
  if (!kinds.size) return null;
  return kinds.size === 1 ? [...kinds][0]! : 'combination';
}

export const totalPence = (elements: readonly ElementDecision[]) =>
  elements.reduce((sum, e) => sum + (e.pence ?? 0), 0);

/** The review of a refusal (reg 7): asked for after the decision, decided after it was asked for. */
export function refusalReviewProblem(
  r: { decidedOn: string; requestedOn: string; reviewedOn: string | null; outcome: ReviewOutcome | null },
  today: string,
): Problem | null {
  if (r.requestedOn > today)
    return {
      field: 'reviewRequestedOn',
      message: 'The date the review was asked for must be today or in the past',
    };
  if (r.requestedOn < r.decidedOn)
    return { field: 'reviewRequestedOn', message: 'The review must be asked for on or after the decision' };
  if (r.reviewedOn && (r.reviewedOn > today || r.reviewedOn < r.requestedOn))
    return {
      field: 'reviewedOn',
      message: 'The review date must be between the request for a review and today',
    };
  if (r.reviewedOn && !r.outcome)
    return { field: 'reviewOutcome', message: 'Select the outcome of the review' };
  if (r.outcome && !r.reviewedOn) return { field: 'reviewedOn', message: 'Enter the date of the review' };
  return null;
}

// -------------------------------------------------------------------------------------------- direct payments (reg 6)

export interface AgreementInput {
  readonly element: Element;
  readonly decided: ElementDecision | undefined;
  readonly decidedOn: string;
  readonly recipient: string;
  readonly pence: number;
  readonly startOn: string;
  readonly onPremises: boolean;
  readonly settingAgreedOn: string | null;
  /** The recipient consents and the council is satisfied of reg 6's conditions. */
  readonly conditionsMet: boolean;
  /** The payment is not for the school or college place itself. */
  readonly notForPlace: boolean;
}

export function agreementProblem(a: AgreementInput): Problem | null {
  if (!a.decided || a.decided.arrangement !== 'direct-payment' || !a.decided.pence)
    return { field: 'element', message: 'Select an element the decision pays by direct payment' };
  if (!a.recipient.trim()) return { field: 'recipient', message: 'Enter who receives the direct payment' };
  if (!Number.isInteger(a.pence) || a.pence <= 0)
    return { field: 'pence', message: 'Enter the amount of the direct payment' };
  if (a.pence > a.decided.pence)
    return {
      field: 'pence',
      message: 'The direct payment cannot be more than the amount the decision identified',
    };
  if (a.startOn < a.decidedOn)
    return { field: 'startOn', message: 'The direct payment must start on or after the decision' };
  if (!a.conditionsMet)
    return {
      field: 'conditionsMet',
      message: 'Confirm the recipient agrees and the conditions for a direct payment are met',
    };
  if (!a.notForPlace)
    return {
      field: 'notForPlace',
      message: 'A direct payment cannot pay for the school or college place itself',
    };
  if (a.onPremises && !a.settingAgreedOn)
    return {
      field: 'settingAgreedOn',
      message: 'Enter the date the head or principal agreed: the support is on their premises',
    };
  if (a.onPremises && a.settingAgreedOn && a.settingAgreedOn > a.startOn)
    return {
      field: 'settingAgreedOn',
      message: 'The head or principal must agree before the direct payment starts',
    };
  return null;
}

// -------------------------------------------------------------------------------------------- monitoring (reg 11)

/**
 * When the next monitoring review of a direct payment is due: the first within the period of 3 months beginning
 * with its start (start 2026-05-01 → 2026-07-31), then at each review of the plan, which the product takes as 12
 * months after the last monitoring review at the latest.
 */
export function nextMonitoringDue(startOn: string, reviews: readonly string[]): RuleDate {
  if (!reviews.length) return firstDirectPaymentReviewBy(startOn);
  const last = [...reviews].sort().at(-1)!;
  return {
    date: formatDate(addMonths(parseDate(last), 12)),
    rule: 'Review the direct payment again at the next review of the plan, within 12 months of the last review',
    source: 'SEN (Personal Budgets) Regulations 2014, reg 11 [S]; SEND Regulations 2014, reg 18',
    statutory: true,
    assumption: null,
  };
}

export function monitoringProblem(
  m: { reviewedOn: string; startOn: string; outcome: MonitoringOutcome | null; notes: string },
  today: string,
): Problem | null {
  if (m.reviewedOn > today)
    return { field: 'reviewedOn', message: 'The date of the review must be today or in the past' };
  if (m.reviewedOn < m.startOn)
    return { field: 'reviewedOn', message: 'The review must be on or after the direct payment started' };
  if (!m.outcome) return { field: 'outcome', message: 'Select the outcome of the review' };
  if (!m.notes.trim()) return { field: 'notes', message: 'Say what the review found' };
  return null;
}

// -------------------------------------------------------------------------------------------- reduce and stop (regs 12, 14)

/** The earliest a reduction or stop may take effect after notice given on N: N + 28 days [U]. */
export function earliestEffective(noticeOn: string): RuleDate {
  return {
    date: formatDate(addDays(parseDate(noticeOn), MINIMUM_NOTICE_DAYS)),
    rule: `Give reasonable notice, with reasons, before reducing or stopping a direct payment: at least ${MINIMUM_NOTICE_DAYS} days (working assumption, not yet checked: the regulations say "reasonable notice")`,
    source: 'SEN (Personal Budgets) Regulations 2014, regs 12 and 14 [S] [U]',
    statutory: true,
    assumption: {
      id: 'personal-budget-notice',
      statement: `reasonable notice of a reduction or stop of a direct payment is at least ${MINIMUM_NOTICE_DAYS} days`,
      confidence: 'U',
      basis: 'statutory-work.md S8',
    },
  };
}

export interface ChangeInput {
  readonly kind: ChangeKind;
  readonly noticeOn: string;
  readonly effectiveOn: string;
  readonly reasons: string;
  readonly newPence: number | null;
  readonly currentPence: number;
  readonly startOn: string;
}

export function changeProblem(c: ChangeInput, today: string): Problem | null {
  if (c.noticeOn > today)
    return { field: 'noticeOn', message: 'The date notice was given must be today or in the past' };
  if (c.noticeOn < c.startOn)
    return { field: 'noticeOn', message: 'Notice must be given on or after the direct payment started' };
  if (!c.reasons.trim())
    return { field: 'reasons', message: 'Give the reasons: the family is told them with the notice' };
  const earliest = earliestEffective(c.noticeOn).date;
  if (c.effectiveOn < earliest)
    return {
      field: 'effectiveOn',
      message: `The change can take effect no earlier than ${MINIMUM_NOTICE_DAYS} days after notice is given`,
    };
  if (c.kind === 'reduce') {
    if (c.newPence === null || !Number.isInteger(c.newPence) || c.newPence <= 0)
      return { field: 'newPence', message: 'Enter the reduced amount' };
    if (c.newPence >= c.currentPence)
      return { field: 'newPence', message: 'The reduced amount must be less than the amount paid now' };
  } else if (c.newPence !== null) {
    return { field: 'newPence', message: 'A stop has no new amount' };
  }
  return null;
}

export interface ReconsiderationInput {
  readonly noticeOn: string;
  /** Whether this change already has a reconsideration asked for (the family has one only). */
  readonly alreadyRequested: boolean;
  readonly requestedOn: string;
  readonly decidedOn: string | null;
  readonly outcome: ReconsiderationOutcome | null;
}

/** One reconsideration of a reduction or stop (regs 12 and 14): asked for after the notice, decided after that. */
export function reconsiderationProblem(r: ReconsiderationInput, today: string): Problem | null {
  if (r.alreadyRequested)
    return {
      field: 'reconsiderationRequestedOn',
      message: 'The family has already asked for the one reconsideration the regulations give',
    };
  if (r.requestedOn > today)
    return { field: 'reconsiderationRequestedOn', message: 'The date asked must be today or in the past' };
  if (r.requestedOn < r.noticeOn)
    return {
      field: 'reconsiderationRequestedOn',
      message: 'The reconsideration must be asked for after the notice',
    };
  if (r.decidedOn && (r.decidedOn > today || r.decidedOn < r.requestedOn))
    return {
      field: 'reconsiderationDecidedOn',
      message: 'The decision must be between the request and today',
    };
  if (r.decidedOn && !r.outcome)
    return { field: 'reconsiderationOutcome', message: 'Select the outcome of the reconsideration' };
  if (r.outcome && !r.decidedOn)
    return { field: 'reconsiderationDecidedOn', message: 'Enter the date of the reconsideration' };
  return null;
}

/** A change whose reconsideration withdrew it never takes effect. */
export function changeTakesEffect(
  c: { effectiveOn: string; reconsiderationOutcome: ReconsiderationOutcome | null },
  on: string,
) {
  return c.reconsiderationOutcome !== 'withdrawn' && c.effectiveOn <= on;
}

/** The amount a direct payment pays on a day, after the changes in effect by then (null once stopped). */
export function paymentOn(
  agreement: { pence: number; startOn: string },
  changes: readonly {
    kind: ChangeKind;
    effectiveOn: string;
    newPence: number | null;
    reconsiderationOutcome: ReconsiderationOutcome | null;
  }[],
  on: string,
): number | null {
  if (agreement.startOn > on) return null;
  let pence: number | null = agreement.pence;
  for (const c of [...changes].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn))) {
    if (!changeTakesEffect(c, on)) continue;
    pence = c.kind === 'stop' ? null : c.newPence;
  }
  return pence;
}

// -------------------------------------------------------------------------------------------- where it stands

export type BudgetState =
  'requested' | 'agreed' | 'refused' | 'review-requested' | 'review-upheld' | 'review-changed';

export const BUDGET_STATE_LABELS: Record<BudgetState, string> = {
  requested: 'Waiting for the council’s decision',
  agreed: 'Agreed',
  refused: 'Refused in whole or part',
  'review-requested': 'Review of the refusal asked for',
  'review-upheld': 'Refusal reviewed and upheld',
  'review-changed': 'Refusal reviewed and changed',
};

export interface DecisionFacts {
  readonly refuses: boolean;
  readonly reviewRequestedOn: string | null;
  readonly reviewOutcome: ReviewOutcome | null;
}

/** Where a request stands from its latest decision (none: waiting). */
export function budgetState(latest: DecisionFacts | null): BudgetState {
  if (!latest) return 'requested';
  if (!latest.refuses) return 'agreed';
  if (latest.reviewOutcome === 'upheld') return 'review-upheld';
  if (latest.reviewOutcome === 'changed') return 'review-changed';
  return latest.reviewRequestedOn ? 'review-requested' : 'refused';
}

/** A new decision may be recorded on a request with none yet, or whose refusal a review changed. */
export const mayDecide = (latest: DecisionFacts | null) => !latest || latest.reviewOutcome === 'changed';

// -------------------------------------------------------------------------------------------- SEN2 module 4a

export interface Sen2BudgetFacts {
  readonly decidedOn: string;
  readonly elements: readonly ElementDecision[];
  /** The direct payments made under this decision, with their changes. */
  readonly payments: readonly {
    readonly element: Element;
    readonly pence: number;
    readonly startOn: string;
    readonly changes: readonly {
      kind: ChangeKind;
      effectiveOn: string;
      newPence: number | null;
      reconsiderationOutcome: ReconsiderationOutcome | null;
    }[];
  }[];
}

/**
 * A child's SEN2 personal budget items at the census date, from the latest decision of each request decided by
 * then (S8 acceptance: the module 4 flags derive from the decisions): PBTakeUp, a personal budget identified;
 * PBOrganised, any element held by the council, the school or a third party; PBDirectPayments, any element paid
 * as a direct payment that has not stopped by the census date.
 */
export function sen2Flags(decisions: readonly Sen2BudgetFacts[], census: string) {
  const inForce = decisions.filter((d) => d.decidedOn <= census);
  let organised = false;
  let direct = false;
  for (const d of inForce) {
    for (const e of d.elements) {
      if (!e.pence || !e.arrangement) continue;
      if (e.arrangement === 'direct-payment') {
        const payments = d.payments.filter((p) => p.element === e.element);
        // agreed as a direct payment: counted while no agreement stopped it (or before one was signed)
        const stopped =
          payments.length > 0 &&
          payments.every((p) => paymentOn(p, p.changes, census) === null && p.startOn <= census);
        if (!stopped) direct = true;
      } else organised = true;
    }
  }
  const yn = (b: boolean) => (b ? 'Y' : 'N');
  return {
    personalBudget: yn(organised || direct),
    organisedArrangements: yn(organised),
    directPayments: yn(direct),
  };
}
