/** Decisions sent to organisations (migration 0018; docs/rights.md). Owned by src/features/notices. */
import type { Generated } from 'kysely';
import type { DateString, Timestamp } from './types.ts';

export const INBOX_KINDS = [
  'decision-to-assess',
  'not-to-assess',
  'not-to-issue',
  'final-plan',
  'amended-plan',
  'not-to-amend',
  'to-cease',
  // Not a decision: a request received, the council considering whether an EHC needs assessment is necessary (reg
  // 4(2)); its date is the day the request was received (migration 0029).
  'considering-assessment',
] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

export const INBOX_REASONS = ['commissioner', 'social-care', 'school', 'named-setting'] as const;
export type InboxReason = (typeof INBOX_REASONS)[number];

export interface OrganisationInboxItemTable {
  la_code: string;
  id: Generated<string>;
  organisation_id: string;
  child_id: string;
  case_id: string;
  kind: InboxKind;
  decision_date: DateString;
  reason: InboxReason;
  email: string | null;
  created_at: Generated<Date>;
  read_at: Timestamp | null;
  read_by: string | null;
}

/** A letter about a plan sent to an organisation (migrations 0041, 0061; docs/reviews.md "Letters"). */
export interface PlanLetterInboxItemTable {
  la_code: string;
  id: Generated<string>;
  organisation_id: string;
  child_id: string;
  plan_id: string;
  kind:
    | 'review-decision'
    | 'to-cease'
    | 'not-to-amend'
    | 'transfer-in'
    | 'amended-plan'
    // Not a decision: the council considering whether to stop the plan, consulting the named setting (migration 0061).
    | 'considering-cease';
  /** The review, ceasing procedure, amendment or (for a transfer in) plan the letter is about. */
  record_id: string;
  letter_date: DateString;
  reason: InboxReason;
  email: string | null;
  created_at: Generated<Date>;
  read_at: Timestamp | null;
  read_by: string | null;
}

export interface NoticesTables {
  organisation_inbox_item: OrganisationInboxItemTable;
  plan_letter_inbox_item: PlanLetterInboxItemTable;
}
