/** Personal budgets and direct payments (migration 0050; docs/personal-budgets.md). Owned by src/features/personal-budgets. */
import type { Generated } from 'kysely';
import type { DateString } from './types.ts';

export type PbStage = 'draft' | 'review' | 'reassessment';
export type PbArrangement = 'direct-payment' | 'notional' | 'third-party';
export type PbElement = 'education' | 'health' | 'social-care';

export interface PbRequestTable {
  la_code: string;
  id: Generated<string>;
  child_id: string;
  requested_on: DateString;
  stage: PbStage;
  elements: string;
  wants_direct_payment: Generated<boolean>;
  made_by: 'family' | 'staff';
  details: string | null;
  plan_due: DateString | null;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

export interface PbDecisionTable {
  la_code: string;
  id: Generated<string>;
  request_id: string;
  decided_on: DateString;
  education_pence: number | null;
  education_arrangement: PbArrangement | null;
  health_pence: number | null;
  health_arrangement: PbArrangement | null;
  social_care_pence: number | null;
  social_care_arrangement: PbArrangement | null;
  refuses: boolean;
  reasons: string | null;
  review_requested_on: DateString | null;
  reviewed_on: DateString | null;
  review_outcome: 'upheld' | 'changed' | null;
  review_notes: string | null;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

export interface DpAgreementTable {
  la_code: string;
  id: Generated<string>;
  decision_id: string;
  element: PbElement;
  recipient: string;
  nominee: string | null;
  provision: string;
  pence: number;
  start_on: DateString;
  on_premises: Generated<boolean>;
  setting_name: string | null;
  setting_agreed_on: DateString | null;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

export interface DpReviewTable {
  la_code: string;
  id: Generated<string>;
  agreement_id: string;
  reviewed_on: DateString;
  outcome: 'continue' | 'change-terms' | 'reduce' | 'stop';
  notes: string;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

export interface DpChangeTable {
  la_code: string;
  id: Generated<string>;
  agreement_id: string;
  kind: 'reduce' | 'stop';
  notice_on: DateString;
  effective_on: DateString;
  reasons: string;
  new_pence: number | null;
  reconsideration_requested_on: DateString | null;
  reconsideration_decided_on: DateString | null;
  reconsideration_outcome: 'confirmed' | 'withdrawn' | null;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

export interface PersonalBudgetTables {
  pb_request: PbRequestTable;
  pb_decision: PbDecisionTable;
  dp_agreement: DpAgreementTable;
  dp_review: DpReviewTable;
  dp_change: DpChangeTable;
}
