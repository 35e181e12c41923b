/**
 * The improvement plan tracker (migration 0002). Owned by src/features/improvement.
 */
import type { Generated } from 'kysely';
import type { DateString, Json } from './types.ts';

export const IMPROVEMENT_PLAN_KINDS = [
  'written-statement-of-action',
  'priority-action-plan',
  'send-strategy',
] as const;
export type ImprovementPlanKind = (typeof IMPROVEMENT_PLAN_KINDS)[number];

export const BRAG_STATUSES = [
  'complete',
  'on-track',
  'significant-risk',
  'high-risk',
  'not-started',
] as const;
export type BragStatus = (typeof BRAG_STATUSES)[number];

export const GROUP_KINDS = ['board', 'programme-group', 'workstream'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export const EVIDENCE_KINDS = ['text', 'link', 'file', 'minutes', 'indicator'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const REPORT_AUDIENCES = ['programme-group', 'board', 'families', 'government'] as const;
export type ReportAudience = (typeof REPORT_AUDIENCES)[number];

export interface ImprovementPlanTable {
  la_code: string;
  id: Generated<string>;
  kind: ImprovementPlanKind;
  title: string;
  inspection_date: DateString | null;
  published: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
  /**
   * The import's notes, `[{ row, column, message }]` in row order (migration 0016): what was read generously so that
   * no row with a reference and an action was refused. '[]' for plans made before it or not imported.
   */
  import_notes: Json;
}

export interface ImprovementAreaTable {
  la_code: string;
  id: Generated<string>;
  plan_id: string;
  key: string;
  title: string;
  /** The inspection findings this area for improvement answers. */
  findings: Generated<string>;
  position: number;
}

export interface ImprovementFocusAreaTable {
  la_code: string;
  id: Generated<string>;
  plan_id: string;
  area_id: string | null;
  key: string;
  title: string;
  overall_impact: Generated<string>;
  position: number;
}

export interface ImprovementGroupTable {
  la_code: string;
  id: Generated<string>;
  plan_id: string;
  kind: GroupKind;
  name: string;
  meets: Generated<string>;
  position: number;
}

export interface ImprovementGroupMemberTable {
  la_code: string;
  id: Generated<string>;
  group_id: string;
  user_id: string | null;
  job_title: string | null;
  role_in_group: Generated<'chair' | 'lead' | 'member'>;
  position: number;
}

export interface ImprovementActionTable {
  la_code: string;
  id: Generated<string>;
  plan_id: string;
  area_id: string | null;
  focus_area_id: string | null;
  workstream_id: string | null;
  ref: string;
  action: string;
  start_date: DateString | null;
  end_date: DateString | null;
  start_note: string | null;
  end_note: string | null;
  ongoing: Generated<boolean>;
  /** The status before any update: as imported or as created. */
  initial_status: BragStatus;
  /** The current status: the latest update's status, else the initial one. */
  status: BragStatus;
  evidence_expected: Generated<string>;
  /** The kinds of evidence of impact expected, comma-separated in the fixed order PI, Audit, Voice, Review, Minutes. */
  evidence_types: Generated<string>;
  /** The overall impact written on the action's own row of the imported plan (migration 0019); '' when none. */
  overall_impact: Generated<string>;
  /** The leaders' figure this action's performance indicator follows (migration 0037; docs/figures.md), or null. */
  figure: string | null;
  position: number;
  source_row: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ImprovementActionOwnerTable {
  la_code: string;
  id: Generated<string>;
  action_id: string;
  user_id: string | null;
  job_title: string | null;
  position: number;
}

export interface ImprovementUpdateTable {
  la_code: string;
  id: Generated<string>;
  action_id: string;
  update_date: DateString;
  status: BragStatus | null;
  body: string;
  author_user_id: string | null;
  author_title: string | null;
  created_at: Generated<Date>;
  /** The one-use token of the form the update was posted from (migration 0008); null when saved without one. */
  form_token: string | null;
}

export interface ImprovementEvidenceTable {
  la_code: string;
  id: Generated<string>;
  update_id: string;
  action_id: string;
  kind: EvidenceKind;
  description: string;
  url: string | null;
  file_name: string | null;
  content_type: string | null;
  content: Uint8Array | null;
  storage_ref: string | null;
  meeting: string | null;
  meeting_date: DateString | null;
  indicator_name: string | null;
  indicator_value: number | null;
  created_at: Generated<Date>;
}

export interface ImprovementReportTable {
  la_code: string;
  id: Generated<string>;
  plan_id: string;
  meeting_date: DateString;
  audience: ReportAudience;
  generated_at: Generated<Date>;
  generated_by: string | null;
}

export interface ImprovementTables {
  improvement_plan: ImprovementPlanTable;
  improvement_area: ImprovementAreaTable;
  improvement_focus_area: ImprovementFocusAreaTable;
  improvement_group: ImprovementGroupTable;
  improvement_group_member: ImprovementGroupMemberTable;
  improvement_action: ImprovementActionTable;
  improvement_action_owner: ImprovementActionOwnerTable;
  improvement_update: ImprovementUpdateTable;
  improvement_evidence: ImprovementEvidenceTable;
  improvement_report: ImprovementReportTable;
}
