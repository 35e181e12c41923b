/** The clock's input and output, as section 5 of the statutory clock document defines them. Dates are 'YYYY-MM-DD'. */

export type IsoDate = string;

export type Status = 'met' | 'late' | 'open' | 'overdue';
export type Owner = 'local-authority' | 'adviser' | 'family';
export type ExceptionKind =
  'school-closure' | 'personal-circumstances' | 'absence-from-area' | 'missed-appointment';
export type DecisionToAssessOutcome = 'assess' | 'not-assess';
export type AssessmentOutcome = 'issue-plan' | 'no-plan';
export type ReviewOutcome = 'maintain' | 'amend' | 'cease';
/** `school` and `post-16`: reg 18(1), by year; `post-16-move`: reg 18(2), between post-16 institutions, by date. */
export type PhaseTransferKind = 'school' | 'post-16' | 'post-16-move';
/**
 * The agencies of section 5. Every one but `family` is a body asked to co-operate and has an `advice:<id>` step
 * (reg 8(1)); `family`, the parent's or young person's own views (reg 6(1)(a)), has no statutory time limit.
 * The library also accepts other names (the features' own agencies); only `family` has no step.
 */
export type AdviceAgency =
  'educational-psychology' | 'health' | 'social-care' | 'school' | 'other' | 'family';
export type Warning = 'final-issued-during-comment-period' | 'amended-plan-issued-during-comment-period';

export const EXCEPTION_KINDS: readonly ExceptionKind[] = [
  'school-closure',
  'personal-circumstances',
  'absence-from-area',
  'missed-appointment',
];
export const DECISION_TO_ASSESS_OUTCOMES: readonly DecisionToAssessOutcome[] = ['assess', 'not-assess'];
export const ASSESSMENT_OUTCOMES: readonly AssessmentOutcome[] = ['issue-plan', 'no-plan'];
export const REVIEW_OUTCOMES: readonly ReviewOutcome[] = ['maintain', 'amend', 'cease'];
export const PHASE_TRANSFER_KINDS: readonly PhaseTransferKind[] = ['school', 'post-16', 'post-16-move'];
export const ADVICE_AGENCIES: readonly AdviceAgency[] = [
  'educational-psychology',
  'health',
  'social-care',
  'school',
  'other',
  'family',
];

// ---- input: every field optional except asOf; absent (or null) means "not yet" ----

export interface ClockInput {
  asOf: IsoDate;
  assessment?: AssessmentInput | null;
  exceptions?: ExceptionInput[] | null;
  plan?: PlanInput | null;
  reassessment?: ReassessmentInput | null;
  appeal?: AppealInput | null;
}

export interface AssessmentInput {
  requestReceived?: IsoDate | null;
  decisionToAssess?: { date?: IsoDate | null; outcome?: DecisionToAssessOutcome | null } | null;
  adviceRequests?: AdviceRequestInput[] | null;
  assessmentOutcome?: { date?: IsoDate | null; outcome?: AssessmentOutcome | null } | null;
  draftServed?: IsoDate | null;
  finalIssued?: IsoDate | null;
}

export interface AdviceRequestInput {
  id: string;
  agency?: string | null;
  requested?: IsoDate | null;
  received?: IsoDate | null;
}

export interface ExceptionInput {
  /** The caller's own id for the exception (library only; not part of the command's contract). */
  id?: string | null;
  kind: ExceptionKind;
  from: IsoDate;
  /** The last day of the period; absent while it is still going on (it is then counted up to asOf). */
  to?: IsoDate | null;
  /** Advice request ids: the ones a missed appointment affects, or the one to the closed school. */
  appliesTo?: string[] | null;
  /**
   * Library only: a caseworker has confirmed, and recorded why, that this exception caused the delay (issue 10
   * item 2; CoP 9.43). Only confirmed exceptions give an adjusted due date and take a step out of the "excluding
   * exceptions" measure; the others are reported as candidates in `exceptionChecks`. The command's contract has no
   * such field: the command treats every recorded exception as confirmed (see docs/clock.md).
   */
  confirmed?: boolean | null;
}

export interface PlanInput {
  firstIssued?: IsoDate | null;
  reviews?: ReviewInput[] | null;
  phaseTransfer?: PhaseTransferInput | null;
  /** `date` is the date the old authority transferred the plan (reg 15(2)), not the date of the move (D8). */
  transferIn?: { date?: IsoDate | null; noticeSent?: IsoDate | null } | null;
}

export interface ReviewInput {
  meeting: IsoDate;
  invitationsSent?: IsoDate | null;
  adviceCirculated?: IsoDate | null;
  reportSent?: IsoDate | null;
  decision?: { date?: IsoDate | null; outcome?: ReviewOutcome | null } | null;
  amendmentProposalSent?: IsoDate | null;
  amendedPlanIssued?: IsoDate | null;
}

export interface PhaseTransferInput {
  /** The calendar year of the move, for kinds `school` and `post-16` (reg 18(1)). */
  year?: number | null;
  kind?: PhaseTransferKind | null;
  /** The day of the transfer, for kind `post-16-move` (reg 18(2)). */
  transferDate?: IsoDate | null;
  amendedPlanIssued?: IsoDate | null;
}

/** A reassessment of a child or young person with a plan (CFA s44(2)-(3); reg 27(2)). */
export interface ReassessmentInput {
  /** N: the date the decision to reassess was notified. */
  decisionSent?: IsoDate | null;
  /** The date the final amended or replacement plan was issued. */
  finalIssued?: IsoDate | null;
}

export interface AppealInput {
  decisionSent?: IsoDate | null;
  certificateIssued?: IsoDate | null;
  registered?: IsoDate | null;
}

// ---- output ----

export interface StepException {
  /** The kinds of the qualifying exceptions that overlap the step's window, in the order they were given. */
  kinds: ExceptionKind[];
  /** Days of the union of those exceptions' periods inside [start, due]. */
  overlapDays: number;
  /** due + overlapDays: a working target shown beside the statutory date, never instead of it. */
  adjustedDue: IsoDate;
  /** The step's status measured against adjustedDue. */
  status: Status;
}

/** Whether one recorded exception can relieve one step, and why (issue 10 item 2: confirmed, not assumed). */
export interface ExceptionCheck {
  /** The exception's position in the input's `exceptions`. */
  index: number;
  /** The caller's id for it, when one was given. */
  id: string | null;
  kind: ExceptionKind;
  /** Whether it can qualify for this step under section 3 (could have caused the delay). */
  canQualify: boolean;
  /** Whether a caseworker has confirmed that it caused the delay. */
  confirmed: boolean;
  /** canQualify and confirmed: the exception is relied on for the adjusted due date. */
  reliedOn: boolean;
  /** Why it can or cannot qualify, in plain English for a caseworker. */
  reason: string;
}

export interface Step {
  id: string;
  owner: Owner;
  due: IsoDate;
  completed: IsoDate | null;
  status: Status;
  /** completed - due when late, asOf - due when overdue, otherwise 0. */
  daysLate: number;
  /** due - asOf while open, otherwise null. */
  daysRemaining: number | null;
  /** The law the due date comes from and what it says, in short. */
  rule: string;
  /** From the confirmed exceptions that qualify; null when there are none. */
  exception: StepException | null;
  /**
   * Library only (not in the command's output): every recorded exception checked against this step, for the steps
   * section 3 lets exceptions relieve (the assessment decisions, the final plan, advice, reassessment); empty for
   * the others.
   */
  exceptionChecks: readonly ExceptionCheck[];
  /** A plain-English account of the date, for families: what is due, why, whether it was done, any exception. */
  explanation: string;
}

export interface Period {
  id: string;
  from: IsoDate;
  to: IsoDate;
}

export interface Timeline {
  asOf: IsoDate;
  steps: Step[];
  periods: Period[];
  warnings: Warning[];
}

/** A step exactly as section 5 of the document shows it: the command's output. */
export type ContractStep = Omit<Step, 'exceptionChecks' | 'explanation'>;

/** The command's output (section 5). */
export interface ContractTimeline {
  asOf: IsoDate;
  steps: ContractStep[];
  periods: Period[];
  warnings: Warning[];
}
