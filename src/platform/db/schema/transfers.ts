/** The phase-transfer cohort's own records (migration 0048; docs/transfers.md). Owned by src/features/transfers. */
import type { Generated } from 'kysely';
import type { DateString, Timestamp } from './types.ts';

export type TransferPreferenceSource = 'family' | 'review';
export type TransferDestinationKind = 'school' | 'school-sixth-form' | 'post-16-institution';

export interface TransferPreferenceTable {
  la_code: string;
  id: Generated<string>;
  child_id: string;
  school_year: number;
  setting_id: string | null;
  setting_text: string | null;
  reasons: string | null;
  received: DateString;
  source: TransferPreferenceSource;
  recorded_by: string | null;
  created_at: Timestamp;
}

export interface TransferDestinationTable {
  la_code: string;
  child_id: string;
  school_year: number;
  destination: TransferDestinationKind;
  move_date: DateString | null;
  recorded_on: DateString;
  recorded_by: string | null;
  updated_at: Timestamp;
}

export interface TransferNoticeTable {
  la_code: string;
  child_id: string;
  school_year: number;
  sent_on: DateString;
  sent_by: string | null;
  recipients: number;
}

/** One child of a school year's cohort as the board reads it (migration 0056, ADR 0033). */
export interface TransferCohortTable {
  la_code: string;
  school_year: number;
  child_id: string;
  as_of: DateString;
  reference: string;
  given_name: string;
  family_name: string;
  setting_id: string;
  setting_name: string;
  officer_id: string | null;
  officer_name: string | null;
  deadline: DateString;
  stage: string;
  next_by: DateString | null;
  told: boolean;
  detail: unknown;
}

export interface TransferCohortStateTable {
  la_code: string;
  school_year: number;
  derived_on: DateString;
  audit_seen: number;
}

export interface TransferTables {
  transfer_preference: TransferPreferenceTable;
  transfer_destination: TransferDestinationTable;
  transfer_notice: TransferNoticeTable;
  transfer_cohort: TransferCohortTable;
  transfer_cohort_state: TransferCohortStateTable;
}
