/**
 * The structured EHC plan (migration 0006). Owned by src/features/plans.
 */
import type { ColumnType, Generated } from 'kysely';
import type { DateString, Timestamp, Json } from './types.ts';

export interface EhcPlanTable {
  la_code: string;
  id: Generated<string>;
  child_id: string;
  case_id: string | null;
  status: Generated<'draft' | 'final' | 'amended'>;
  writer_id: string | null;
  team_id: string | null;
  placement_setting_id: string | null;
  budget_requested: Generated<boolean>;
  budget_pence: number | null;
  revision: Generated<number>;
  shared_version_id: string | null;
  draft_served: DateString | null;
  final_issued: DateString | null;
  review_due: DateString | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface EhcPlanAdviceTable {
  la_code: string;
  id: Generated<string>;
  plan_id: string;
  assessment_advice_id: string | null;
  agency: string;
  author_role: string;
  service_name: string | null;
  received: DateString;
  summary: Generated<string>;
  position: number;
}

export interface EhcPlanItemTable {
  la_code: string;
  id: Generated<string>;
  plan_id: string;
  section: 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H1' | 'H2' | 'J';
  position: number;
  text: string;
  whose: string | null;
  area: string | null;
  timescale_text: string | null;
  timescale_by: DateString | null;
  success_measure: string | null;
  pfa_area: string | null;
  /** numeric: comes back as a string from PostgreSQL. */
  amount_value: ColumnType<string | number | null, number | null | undefined, number | null>;
  amount_unit: string | null;
  frequency_times: ColumnType<string | number | null, number | null | undefined, number | null>;
  frequency_per: string | null;
  deliverer_role: string | null;
  deliverer_qualification: string | null;
  grouping_kind: string | null;
  grouping_size: number | null;
  where_text: string | null;
  oversight: string | null;
  review: string | null;
  source_kind: 'advice' | 'authority-decision' | null;
  source_advice_id: string | null;
  source_recommendation: string | null;
  source_reason: string | null;
  annual_amount_pence: number | null;
  need_ids: Json;
  outcome_ids: Json;
  provision_ids: Json;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface EhcPlanVersionTable {
  la_code: string;
  id: Generated<string>;
  plan_id: string;
  number: number;
  kind: 'draft' | 'final' | 'amended';
  issued_on: DateString;
  issued_by: string | null;
  snapshot: Json;
  thread_errors: Generated<number>;
  override_id: string | null;
  created_at: Generated<Date>;
}

export interface EhcPlanOverrideTable {
  la_code: string;
  id: Generated<string>;
  plan_id: string;
  revision: number;
  reason: string;
  errors: Json;
  recorded_by: string;
  recorded_at: Generated<Date>;
}

export interface EhcPlanCommentTable {
  la_code: string;
  id: Generated<string>;
  plan_id: string;
  version_id: string;
  section: string;
  item_id: string | null;
  author_id: string;
  author_kind: 'family' | 'adviser';
  body: string;
  idempotency_key: string;
  response: string | null;
  changed: boolean | null;
  change_note: string | null;
  responded_by: string | null;
  responded_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface PlanTables {
  ehc_plan: EhcPlanTable;
  ehc_plan_advice: EhcPlanAdviceTable;
  ehc_plan_item: EhcPlanItemTable;
  ehc_plan_version: EhcPlanVersionTable;
  ehc_plan_override: EhcPlanOverrideTable;
  ehc_plan_comment: EhcPlanCommentTable;
}
