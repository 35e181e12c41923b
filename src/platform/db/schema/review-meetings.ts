/**
 * The review meeting (migration 0031): invitees and the meeting's record. Owned by src/features/reviews.
 */
import type { Generated } from 'kysely';
import type { DateString, Json } from './types.ts';

export interface PlanReviewInviteeTable {
  la_code: string;
  id: Generated<string>;
  review_id: string;
  child_id: string;
  kind: 'family' | 'setting' | 'health' | 'social-care' | 'authority' | 'other';
  user_id: string | null;
  name: string;
  email: string;
  invited_on: DateString;
  invited_by: string | null;
  attendance: 'attended' | 'apologies' | 'absent' | null;
  created_at: Generated<Date>;
}

export interface PlanReviewMeetingTable {
  la_code: string;
  review_id: string;
  child_id: string;
  views: Json;
  outcome_progress: Json;
  recommended_changes: Json;
  differences: Generated<string>;
  pfa_considered: boolean;
  pfa: Json | null;
  recorded_by: string | null;
  recorded_at: Generated<Date>;
}

export interface ReviewMeetingTables {
  plan_review_invitee: PlanReviewInviteeTable;
  plan_review_meeting: PlanReviewMeetingTable;
}
