/**
 * Annual reviews (migrations 0025, 0026). Owned by src/features/reviews.
 */
import type { Generated } from 'kysely';
import type { DateString } from './types.ts';

export interface PlanReviewTable {
  la_code: string;
  id: Generated<string>;
  plan_id: string;
  child_id: string;
  number: number;
  kind: 'annual' | 'early' | 'phase-transfer' | 'transfer-in';
  arranged_by: 'school' | 'authority';
  meeting_date: DateString | null;
  invitations_sent: DateString | null;
  advice_circulated: DateString | null;
  held: DateString | null;
  report_sent: DateString | null;
  decision: 'maintain' | 'amend' | 'cease' | null;
  decision_date: DateString | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PlanReviewEarlyRequestTable {
  la_code: string;
  id: Generated<string>;
  plan_id: string;
  child_id: string;
  reason:
    | 'school-request'
    | 'family-request'
    | 'not-in-education'
    | 'change-of-need'
    | 'placement-at-risk'
    | 'other';
  details: string;
  requested_on: DateString;
  requested_by: string | null;
  review_id: string | null;
  created_at: Generated<Date>;
}

export interface PlanReviewScheduleTable {
  la_code: string;
  plan_id: string;
  child_id: string;
  first_issued: DateString;
  next_number: number;
  next_due: DateString;
  basis: 'first-plan' | 'last-meeting' | 'transfer-in';
  counted_from: DateString;
  open_review_id: string | null;
  stage: 'not-arranged' | 'scheduled' | 'arranged';
  officer_id: string | null;
  setting_id: string | null;
  setting_name: string | null;
  phase_transfer_deadline: DateString | null;
  not_in_full_time_education: boolean | null;
  out_of_area_or_independent: Generated<boolean>;
  looked_after: Generated<boolean>;
  quality_grade: 'outstanding' | 'good' | 'requires-improvement' | 'inadequate' | null;
  refreshed_on: DateString;
}

export interface PlanReviewTransferInTable {
  la_code: string;
  plan_id: string;
  child_id: string;
  transferred_on: DateString;
  from_authority: string;
  notice_sent: DateString | null;
  /** Whether the council proposes to reassess (reg 15(4)); null until the family is told. Migration 0047. */
  proposes_reassessment: boolean | null;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

export interface ReviewsTables {
  plan_review: PlanReviewTable;
  plan_review_early_request: PlanReviewEarlyRequestTable;
  plan_review_schedule: PlanReviewScheduleTable;
  plan_review_transfer_in: PlanReviewTransferInTable;
}
