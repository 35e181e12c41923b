/**
 * Amendments of issued plans (migrations 0033, 0062). Owned by src/features/amendments (ADR 0017).
 */
import type { Generated } from 'kysely';
import type { DateString } from './types.ts';

export interface PlanAmendmentTable {
  la_code: string;
  id: Generated<string>;
  plan_id: string;
  child_id: string;
  trigger: 'review' | 'change-of-need' | 'change-of-placement' | 'other';
  review_id: string | null;
  meeting_date: DateString | null;
  details: string | null;
  started_on: DateString;
  started_by: string | null;
  in_force_version_id: string;
  proposal_version_id: string | null;
  proposal_sent: DateString | null;
  amended_version_id: string | null;
  amended_issued: DateString | null;
  not_amended_on: DateString | null;
  not_amended_reasons: string | null;
  /** The family asked to meet an officer about the proposal (reg 22(2)(c); migration 0062). */
  meeting_requested_on: DateString | null;
  meeting_requested_via: 'online' | 'caseworker' | null;
  meeting_request_note: string | null;
  meeting_held_on: DateString | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AmendmentTables {
  plan_amendment: PlanAmendmentTable;
}
