/**
 * The Kysely types of every table. One interface per table; the migrations in ./migrations are the source of truth
 * and a schema test checks the rules every table follows (la_code on every table, key and foreign key).
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** A calendar date the law counts, as 'YYYY-MM-DD' (never a timestamp). */
export type DateString = string;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;

export const ROLES = [
  'caseworker',
  'team-manager',
  'send-leader',
  'professional',
  'parent',
  'young-person',
  'local-offer-editor',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = [
  'local-authority',
  'educational-psychology',
  'health',
  'social-care',
  'school',
  'voluntary',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** SEN2 primary need codes. */
export const PRIMARY_NEEDS = [
  'ASD',
  'SLCN',
  'SEMH',
  'MLD',
  'SPLD',
  'SLD',
  'PD',
  'PMLD',
  'HI',
  'VI',
  'MSI',
  'OTH',
] as const;
export type PrimaryNeed = (typeof PRIMARY_NEEDS)[number];

export const GRANT_KINDS = ['parent', 'young-person', 'adviser'] as const;
export type GrantKind = (typeof GRANT_KINDS)[number];

export interface LocalAuthorityTable {
  la_code: string;
  name: string;
  team_email: string;
  team_phone: string;
  sendiass_name: string;
  sendiass_phone: string;
  sendiass_email: string;
  sendiass_url: string;
  created_at: Generated<Date>;
}

export interface OrganisationTable {
  la_code: string;
  id: Generated<string>;
  name: string;
  kind: OrganisationKind;
}

export interface TeamTable {
  la_code: string;
  id: Generated<string>;
  organisation_id: string;
  name: string;
  email: string | null;
  phone: string | null;
}

export interface AppUserTable {
  la_code: string;
  id: Generated<string>;
  email: string;
  display_name: string;
  role: Role;
  job_title: string | null;
  team_id: string | null;
  password_hash: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  last_signed_in_at: Timestamp | null;
}

export interface SettingTable {
  la_code: string;
  id: Generated<string>;
  urn: string | null;
  name: string;
  kind: 'early-years' | 'school' | 'college' | 'other';
  type: string;
  phase: string;
  first_year_group: number;
  last_year_group: number;
  in_area: boolean;
  location_authority: string | null;
  postcode: string | null;
}

export interface ChildTable {
  la_code: string;
  id: Generated<string>;
  reference: string;
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  date_of_birth: DateString;
  sex: 'F' | 'M';
  ethnicity: string | null;
  postcode: string | null;
  upn: string | null;
  uln: string | null;
  upn_missing_reason: string | null;
  first_language: string | null;
  looked_after: Generated<boolean>;
  known_to_social_care: Generated<boolean>;
  primary_need: PrimaryNeed | null;
  plan_status: 'none' | 'assessment' | 'plan' | 'ceased';
  plan_first_issued: DateString | null;
  lead_officer_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface FamilyMemberTable {
  la_code: string;
  id: Generated<string>;
  child_id: string;
  given_name: string;
  family_name: string;
  relationship: string;
  parental_responsibility: boolean;
  email: string | null;
  phone: string | null;
  address_line: string | null;
  town: string | null;
  postcode: string | null;
  contact_preference: 'email' | 'phone' | 'text' | 'letter';
  preferred_language: string | null;
  needs_interpreter: Generated<boolean>;
  user_id: string | null;
}

export interface ChildSettingTable {
  la_code: string;
  id: Generated<string>;
  child_id: string;
  setting_id: string;
  start_date: DateString;
  end_date: DateString | null;
  attendance: 'full-time' | 'part-time' | 'dual-registered';
}

export interface AccessGrantTable {
  la_code: string;
  id: Generated<string>;
  user_id: string;
  child_id: string;
  kind: GrantKind;
  reason: string | null;
  granted_by: string | null;
  granted_at: Generated<Date>;
  revoked_at: Timestamp | null;
}

export interface SessionTable {
  la_code: string;
  /** SHA-256 of the session token: the token itself is only ever in the browser's cookie. */
  id: string;
  user_id: string;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  absolute_expires_at: Timestamp;
  ended_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  la_code: string;
  id: Generated<number>;
  at: Generated<Date>;
  user_id: string | null;
  session_id: string | null;
  action: string;
  record_type: string;
  record_id: string | null;
  child_id: string | null;
  outcome: 'ok' | 'denied';
  detail: Json | null;
  ip: string | null;
}

export interface CaseEventTable {
  la_code: string;
  id: Generated<number>;
  child_id: string;
  at: Generated<Date>;
  actor_user_id: string | null;
  kind: string;
  summary: string;
  detail: Json | null;
}

export interface NotificationTable {
  la_code: string;
  id: Generated<string>;
  created_at: Generated<Date>;
  sent_at: Timestamp | null;
  channel: 'email' | 'sms' | 'letter';
  recipient: string;
  template: string;
  subject: string | null;
  body: string;
  child_id: string | null;
  user_id: string | null;
  reference: string | null;
  status: Generated<'queued' | 'sent' | 'delivered' | 'failed'>;
  provider_id: string | null;
  error: string | null;
}

export interface DB {
  local_authority: LocalAuthorityTable;
  organisation: OrganisationTable;
  team: TeamTable;
  app_user: AppUserTable;
  setting: SettingTable;
  child: ChildTable;
  family_member: FamilyMemberTable;
  child_setting: ChildSettingTable;
  access_grant: AccessGrantTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  case_event: CaseEventTable;
  notification: NotificationTable;
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

export type User = Selectable<AppUserTable>;
export type NewUser = Insertable<AppUserTable>;
export type UserUpdate = Updateable<AppUserTable>;
export type Child = Selectable<ChildTable>;
export type NewChild = Insertable<ChildTable>;

// ---------------------------------------------------------------------------------------------------------------
// The improvement plan tracker (migration 0002).

export const PLAN_KINDS = ['written-statement-of-action', 'priority-action-plan', 'send-strategy'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

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
  kind: PlanKind;
  title: string;
  inspection_date: DateString | null;
  published: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
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
