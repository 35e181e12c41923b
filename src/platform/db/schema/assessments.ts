/**
 * The EHC needs assessment journey (migrations 0005 and 0007). Owned by src/features/assessments.
 */
import type { Generated } from 'kysely';
import type { DateString, Timestamp, Json } from './types.ts';

export const REQUEST_METHODS = ['letter', 'email', 'phone', 'online'] as const;
export type RequestMethod = (typeof REQUEST_METHODS)[number];
export const REQUESTERS = ['parent', 'young-person', 'school', 'other'] as const;
export type Requester = (typeof REQUESTERS)[number];
export const ASSESSMENT_STAGES = [
  'request',
  'assessment',
  'draft',
  'final',
  'not-assessed',
  'no-plan',
  'linked',
  'withdrawn',
  'moved-out',
] as const;
export type AssessmentStage = (typeof ASSESSMENT_STAGES)[number];
export const ADVICE_AGENCIES = [
  'family',
  'educational',
  'educational-psychology',
  'health',
  'social-care',
  'setting',
  'preparation-for-adulthood',
  'other',
] as const;
export type AdviceAgency = (typeof ADVICE_AGENCIES)[number];
export const ADVICE_ANSWERS = ['advice', 'no-involvement', 'existing-advice-current'] as const;
export type AdviceAnswer = (typeof ADVICE_ANSWERS)[number];

export interface AssessmentCaseTable {
  la_code: string;
  id: Generated<string>;
  child_id: string;
  request_received: DateString;
  request_method: RequestMethod;
  requested_by: Requester;
  requester_name: string | null;
  request_answers: Json;
  idempotency_key: string;
  linked_case_id: string | null;
  team_id: string;
  officer_id: string | null;
  allocated_at: Timestamp | null;
  stage: Generated<AssessmentStage>;
  is_open: Generated<boolean>;
  decision_date: DateString | null;
  decision_outcome: 'assess' | 'not-assess' | null;
  decision_reasons: string | null;
  panel_notes: string | null;
  outcome_date: DateString | null;
  outcome: 'issue-plan' | 'no-plan' | null;
  outcome_reasons: string | null;
  draft_served: DateString | null;
  family_response_date: DateString | null;
  family_comments: string | null;
  school_requested: string | null;
  final_issued: DateString | null;
  plan_reference: string | null;
  /** Who asked online (migration 0007); 'pending' until a caseworker confirms their link to the child. */
  requester_user_id: string | null;
  requester_link: 'known' | 'pending' | 'confirmed' | 'declined' | null;
  next_step: string | null;
  next_owner: string | null;
  next_due: DateString | null;
  next_adjusted_due: DateString | null;
  /** The clock's final-plan step, kept on every refresh for the 20-week figures (ADR 0063): its statutory due date,
   * the day it was done, and whether a confirmed exception relieved it. Null when the case has no such step. */
  final_plan_due: DateString | null;
  final_plan_done: DateString | null;
  final_plan_excepted: boolean | null;
  /** J1 (migration 0010): the family said their comments on the draft are complete. */
  family_comments_complete: Generated<boolean>;
  /** J8 (migration 0010): an initial assessment or a reassessment of a child or young person with a plan. */
  kind: Generated<'initial' | 'reassessment'>;
  /** The plan being reassessed (the plans feature's ehc_plan id; no foreign key across owners). */
  reassessed_plan_id: string | null;
  reassessment_result: 'amended' | 'replaced' | null;
  /** A request withdrawn, or the child moved out of the area before the assessment finished (SEN2 module 2). */
  closed_reason: 'withdrawn' | 'moved-out' | null;
  closed_date: DateString | null;
  closed_notes: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AssessmentAdviceTable {
  la_code: string;
  id: Generated<string>;
  case_id: string;
  child_id: string;
  agency: AdviceAgency;
  service_name: string | null;
  professional_user_id: string | null;
  requested: DateString;
  due: DateString;
  received: DateString | null;
  status: Generated<'requested' | 'received'>;
  answer: AdviceAnswer | null;
  needs: Json | null;
  outcomes: string | null;
  provision: Json | null;
  document_text: string | null;
  /** An attached document (migration 0007): kept with the advice, served only as a download. */
  document_name: string | null;
  document_type: string | null;
  document_size: number | null;
  submitted_by: string | null;
  submitted_at: Timestamp | null;
  reminder_two_weeks_at: Timestamp | null;
  reminder_three_days_at: Timestamp | null;
  escalated_at: Timestamp | null;
  requested_by: string | null;
  /** The advice form's words as typed, kept until it is sent (migration 0053): field name to text, no file. */
  draft: Json | null;
  draft_saved_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface AssessmentExceptionTable {
  la_code: string;
  id: Generated<string>;
  case_id: string;
  kind: 'school-closure' | 'personal-circumstances' | 'absence-from-area' | 'missed-appointment';
  from_date: DateString;
  to_date: DateString | null;
  reason: string;
  applies_to: Json;
  recorded_by: string | null;
  recorded_at: Generated<Date>;
  /** J10 (migration 0010): a caseworker confirmed, with a reason, that it caused the delay. */
  confirmed_at: Timestamp | null;
  confirmed_by: string | null;
  confirmation_reason: string | null;
}

/** J3 (migration 0010): advice reused with the family's agreement that it is sufficient (reg 6(4)). */
export interface AssessmentAdviceReuseTable {
  la_code: string;
  id: Generated<string>;
  case_id: string;
  agency: AdviceAgency;
  existing_advice: string;
  family_agreed: DateString;
  recorded_by: string | null;
  recorded_at: Generated<Date>;
}

export interface AssessmentRequestDraftTable {
  la_code: string;
  id: Generated<string>;
  user_id: string;
  answers: Json;
  submitted_case_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AssessmentFormTokenTable {
  la_code: string;
  token: string;
  case_id: string | null;
  used_at: Generated<Date>;
}

/** The bytes of a document attached to advice (migration 0007). */
export interface AssessmentAdviceDocumentTable {
  la_code: string;
  advice_id: string;
  content: Uint8Array;
  created_at: Generated<Date>;
}

export interface AssessmentTables {
  assessment_case: AssessmentCaseTable;
  assessment_advice: AssessmentAdviceTable;
  assessment_advice_document: AssessmentAdviceDocumentTable;
  assessment_exception: AssessmentExceptionTable;
  assessment_advice_reuse: AssessmentAdviceReuseTable;
  assessment_request_draft: AssessmentRequestDraftTable;
  assessment_form_token: AssessmentFormTokenTable;
}
