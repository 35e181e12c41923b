/**
 * The family's preference for a school and the consultation of schools on a draft plan (migration 0011; S3). Owned
 * by src/features/consultation.
 */
import type { Generated } from 'kysely';
import type { DateString } from './types.ts';

export interface PlacementPreferenceTable {
  la_code: string;
  id: Generated<string>;
  /** The assessment case the preference is about, or null when it is about an issued plan (migration 0054). */
  case_id: string | null;
  /** The issued plan the preference is about (an amendment, a phase transfer), or null for a case. */
  plan_id: string | null;
  /** The plan's round: the day the version in force when the family asked was issued (null for a case). */
  plan_in_force: DateString | null;
  child_id: string;
  kind: 'setting' | 'type' | 'otherwise';
  setting_id: string | null;
  setting_type: string | null;
  received: DateString;
  source: 'request' | 'caseworker';
  recorded_by: string | null;
  refusal_ground: 'unsuitable' | 'others-education' | 'resources' | null;
  refusal_reasons: string | null;
  refused_on: DateString | null;
  refused_by: string | null;
  created_at: Generated<Date>;
}

export interface ConsultationTable {
  la_code: string;
  id: Generated<string>;
  /** The assessment case consulted on, or null when the consultation is about an issued plan (migration 0054). */
  case_id: string | null;
  plan_id: string | null;
  plan_in_force: DateString | null;
  child_id: string;
  setting_id: string;
  consultee: 'setting' | 'maintaining-authority';
  authority_name: string | null;
  sent: DateString;
  sent_by: string | null;
  answer: 'can-meet' | 'cannot-meet' | null;
  ground: 'unsuitable' | 'others-education' | 'resources' | null;
  reasons: string | null;
  answered: DateString | null;
  answered_by: string | null;
  answered_by_name: string | null;
  created_at: Generated<Date>;
}

export interface ConsultationTables {
  placement_preference: PlacementPreferenceTable;
  consultation: ConsultationTable;
}
