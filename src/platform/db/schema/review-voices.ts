/**
 * The voices before a review meeting (migration 0032) and the reminders before its dates (migration 0063). Owned by
 * src/features/reviews.
 */
import type { Generated } from 'kysely';
import type { DateString, Timestamp } from './types.ts';

export interface PlanReviewViewTable {
  la_code: string;
  id: Generated<string>;
  review_id: string;
  plan_id: string;
  child_id: string;
  about: 'family' | 'child';
  author_user_id: string;
  easy_read: Generated<boolean>;
  going_well: Generated<string>;
  hard: Generated<string>;
  changed: Generated<string>;
  next: Generated<string>;
  future: Generated<string>;
  meeting: Generated<string>;
  sent_on: DateString | null;
  sent_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PlanReviewAdviceTable {
  la_code: string;
  id: Generated<string>;
  review_id: string;
  plan_id: string;
  child_id: string;
  agency: 'health' | 'social-care' | 'educational-psychology' | 'setting' | 'other';
  professional_user_id: string;
  question: Generated<string>;
  requested: DateString;
  due: DateString;
  received: DateString | null;
  progress: string | null;
  working: string | null;
  not_working: string | null;
  changes: string | null;
  requested_by: string | null;
  submitted_by: string | null;
  created_at: Generated<Date>;
  /** A document attached to the advice (migration 0072): its name, type and size; the bytes are apart. */
  document_name: string | null;
  document_type: string | null;
  document_size: number | null;
}

/** The bytes of a document attached to review advice (migration 0072), read only to download it. */
export interface PlanReviewAdviceDocumentTable {
  la_code: string;
  advice_id: string;
  content: Uint8Array;
  created_at: Generated<Date>;
}

/** A reminder sent before a review's date (migration 0063; docs/reviews.md "Reminders"). */
export interface PlanReviewReminderTable {
  la_code: string;
  id: Generated<string>;
  kind: 'review-advice' | 'review-views' | 'proposal-comments';
  /** The advice request, the review, or the amendment the reminder is about. */
  record_id: string;
  child_id: string;
  /** The account reminded, or null for a family member without one (migration 0071). */
  user_id: string | null;
  /** The family member without an account reminded by email or post, or null for an account. */
  family_member_id: string | null;
  /** The date the person was reminded of. */
  due: DateString;
  sent_at: Generated<Date>;
}

export interface ReviewVoicesTables {
  plan_review_view: PlanReviewViewTable;
  plan_review_advice: PlanReviewAdviceTable;
  plan_review_advice_document: PlanReviewAdviceDocumentTable;
  plan_review_reminder: PlanReviewReminderTable;
}
