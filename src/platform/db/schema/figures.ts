/** The leaders' figures as counted by the job (migration 0046; docs/figures.md). Owned by src/features/figures. */
import type { Generated } from 'kysely';
import type { DateString, Json, Timestamp } from './types.ts';

export interface FigureCountTable {
  la_code: string;
  id: Generated<string>;
  as_of: DateString;
  counted_at: Timestamp;
  with_plan: number;
  /** { "YYYY-MM": children out of full-time education at the month's end }. */
  not_in_education_by_month: Json;
  items: number;
  /** A day asked for whose count the usual rules would not keep: kept until this day (migration 0077, ADR 0061). */
  kept_until: DateString | null;
}

export interface FigureItemTable {
  la_code: string;
  count_id: string;
  seq: number;
  measure: string;
  child_id: string;
  record_id: string;
  grp: string | null;
  day: DateString;
  due: DateString | null;
  met: boolean;
  exception: boolean;
  k_team: string;
  k_school: string;
  k_need: string;
  k_ethnicity: string;
  k_age: string;
}

export interface FigureTallyTable {
  la_code: string;
  count_id: string;
  seq: number;
  /** '' (by group only), a breakdown ('team', 'school', 'need', 'ethnicity', 'age') or 'month'. */
  dimension: string;
  measure: string;
  grp: string | null;
  /** The breakdown's key, or the month (YYYY-MM); null for ''. */
  key: string | null;
  counted: number;
  met: number;
}

export interface FiguresTables {
  figure_count: FigureCountTable;
  figure_item: FigureItemTable;
  figure_tally: FigureTallyTable;
}
