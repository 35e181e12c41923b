/** The clock's input and output, as section 5 of the statutory clock document defines them. Dates are 'YYYY-MM-DD'. */

export type IsoDate = string;

export type Status = 'met' | 'late' | 'open' | 'overdue';
export type Owner = 'local-authority' | 'adviser' | 'family';
export type ExceptionKind =
  'school-closure' | 'personal-circumstances' | 'absence-from-area' | 'missed-appointment';
export type DecisionToAssessOutcome = 'assess' | 'not-assess';
export type AssessmentOutcome = 'issue-plan' | 'no-plan';
export type ReviewOutcome = 'maintain' | 'amend' | 'cease';
export type PhaseTransferKind = 'school' | 'post-16';
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
export const PHASE_TRANSFER_KINDS: readonly PhaseTransferKind[] = ['school', 'post-16'];

// ---- input: every field optional except asOf; absent (or null) means "not yet" ----

export interface ClockInput {
  asOf: IsoDate;
  assessment?: AssessmentInput | null;
  exceptions?: ExceptionInput[] | null;
  plan?: PlanInput | null;
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
  kind: ExceptionKind;
  from: IsoDate;
  /** The last day of the period; absent while it is still going on (it is then counted up to asOf). */
  to?: IsoDate | null;
  /** Advice request ids: the ones a missed appointment affects, or the one to the closed school. */
  appliesTo?: string[] | null;
}

export interface PlanInput {
  firstIssued?: IsoDate | null;
  reviews?: ReviewInput[] | null;
  phaseTransfer?: PhaseTransferInput | null;
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
  year?: number | null;
  kind?: PhaseTransferKind | null;
  amendedPlanIssued?: IsoDate | null;
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
  exception: StepException | null;
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
