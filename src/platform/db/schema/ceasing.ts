/**
 * Ceasing plans and transfers out (migrations 0035, 0036). Owned by src/features/ceasing (ADR 0018).
 */
import type { Generated } from 'kysely';
import type { DateString } from './types.ts';

export interface PlanCessationTable {
  la_code: string;
  id: Generated<string>;
  plan_id: string;
  child_id: string;
  review_id: string | null;
  started_on: DateString;
  reason: string;
  family_consulted: DateString | null;
  family_response: string | null;
  institution_consulted: DateString | null;
  institution_response: string | null;
  decision: 'cease' | 'not-cease' | null;
  decision_date: DateString | null;
  ground:
    | 'no-longer-necessary'
    | 'higher-education'
    | 'paid-employment'
    | 'left-education'
    | 'maximum-age'
    | 'left-england'
    | null;
  sen2_reason: string | null;
  decision_reasons: string | null;
  review_establishing_no_return: DateString | null;
  appeal_registered: DateString | null;
  appeal_ended: DateString | null;
  appeal_outcome: 'dismissed' | 'withdrawn' | 'decision-overturned' | null;
  ceased_on: DateString | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PlanTransferOutTable {
  la_code: string;
  plan_id: string;
  child_id: string;
  learned_on: DateString;
  move_date: DateString | null;
  to_authority: string;
  to_authority_code: string | null;
  sent_on: DateString | null;
  health_told_on: DateString | null;
  left_on: DateString | null;
  recorded_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CeasingTables {
  plan_cessation: PlanCessationTable;
  plan_transfer_out: PlanTransferOutTable;
}
