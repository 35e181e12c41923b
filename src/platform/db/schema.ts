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
  'local-offer-provider',
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
  assessment_advice_document: AssessmentRequestTables['assessment_advice_document'];
  ehc_plan: EhcPlanTable;
  ehc_plan_advice: EhcPlanAdviceTable;
  ehc_plan_item: EhcPlanItemTable;
  ehc_plan_version: EhcPlanVersionTable;
  ehc_plan_override: EhcPlanOverrideTable;
  ehc_plan_comment: EhcPlanCommentTable;
  plan_audit: PlanAuditTable;
  plan_audit_action: PlanAuditActionTable;
  assessment_case: AssessmentCaseTable;
  assessment_advice: AssessmentAdviceTable;
  assessment_exception: AssessmentExceptionTable;
  assessment_request_draft: AssessmentRequestDraftTable;
  assessment_form_token: AssessmentFormTokenTable;
  local_offer_organisation: LocalOfferOrganisationTable;
  local_offer_provider_user: LocalOfferProviderUserTable;
  local_offer_location: LocalOfferLocationTable;
  local_offer_service: LocalOfferServiceTable;
  local_offer_service_location: LocalOfferServiceLocationTable;
  local_offer_search_word: LocalOfferSearchWordTable;
  local_offer_pending_edit: LocalOfferPendingEditTable;
  local_offer_link_check: LocalOfferLinkCheckTable;
  local_offer_reminder: LocalOfferReminderTable;
  local_offer_you_said: LocalOfferYouSaidTable;
  local_offer_feedback: LocalOfferFeedbackTable;
  local_offer_usage_daily: LocalOfferUsageDailyTable;
  local_offer_zero_result_term: LocalOfferZeroResultTermTable;
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
  /** The overall impact written on the action's own row of the imported plan (migration 0019); '' when none. */
  overall_impact: Generated<string>;
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

// ---------------------------------------------------------------------------------------------------------------
// The SEND Local Offer (migration 0004).

export interface LocalOfferOrganisationTable {
  la_code: string;
  id: Generated<string>;
  name: string;
  description: Generated<string>;
  kind: 'council' | 'nhs' | 'school' | 'college' | 'early-years' | 'charity' | 'community-group' | 'business';
  website: string | null;
  email: string | null;
  phone: string | null;
  created_at: Generated<Date>;
}

export interface LocalOfferProviderUserTable {
  la_code: string;
  user_id: string;
  organisation_id: string;
  created_at: Generated<Date>;
}

export interface LocalOfferLocationTable {
  la_code: string;
  id: Generated<string>;
  organisation_id: string;
  name: string;
  address_line1: string;
  address_line2: string | null;
  town: string;
  county: string;
  postcode: string;
  latitude: number;
  longitude: number;
  accessibility: string | null;
}

export interface LocalOfferServiceTable {
  la_code: string;
  id: Generated<string>;
  organisation_id: string;
  name: string;
  description: string;
  how_to_get_it: string | null;
  min_age: number | null;
  max_age: number | null;
  needs: Generated<string[]>;
  needs_note: string | null;
  staff_training: Generated<string[]>;
  categories: Generated<string[]>;
  cost: Json;
  is_free: boolean;
  schedules: Json;
  contacts: Json;
  service_area: string | null;
  areas: Generated<string[]>;
  url: string | null;
  owner_organisation_id: string | null;
  owner_user_id: string | null;
  review_by: DateString;
  last_checked_on: DateString;
  last_checked_by: string;
  last_checked_by_email: string | null;
  status: Generated<'active' | 'inactive'>;
  last_modified: Timestamp;
  search_name: Generated<string>;
  search_needs: Generated<string>;
  search_categories: Generated<string>;
  search_training: Generated<string>;
  search_organisation: Generated<string>;
  search_description: Generated<string>;
  trigram: Generated<string>;
  search_vector: ColumnType<string, never, never>;
}

export interface LocalOfferServiceLocationTable {
  la_code: string;
  service_id: string;
  location_id: string;
  position: Generated<number>;
}

export interface LocalOfferSearchWordTable {
  la_code: string;
  word: string;
}

export interface LocalOfferPendingEditTable {
  la_code: string;
  id: Generated<string>;
  service_id: string;
  submitted_by: string;
  submitted_at: Timestamp;
  changes: Json;
  previous: Json;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
}

export interface LocalOfferLinkCheckTable {
  la_code: string;
  id: Generated<string>;
  url: string;
  status: 'ok' | 'broken' | 'redirected' | 'timeout' | 'error';
  http_status: number | null;
  final_url: string | null;
  permanent: Generated<boolean>;
  error: string | null;
  checked_at: Timestamp;
}

export interface LocalOfferReminderTable {
  la_code: string;
  service_id: string;
  review_by: DateString;
  stage: string;
  recipient: string;
  sent_at: Generated<Date>;
}

export interface LocalOfferYouSaidTable {
  la_code: string;
  id: Generated<string>;
  year: number;
  title: string;
  you_said: string;
  response: string;
  action: string;
  owner: string;
  status: Generated<'planned' | 'in-progress' | 'done'>;
  published: Generated<boolean>;
  published_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface LocalOfferFeedbackTable {
  la_code: string;
  id: Generated<string>;
  created_at: Timestamp;
  kind: 'rating' | 'problem' | 'comment';
  page_path: string;
  service_id: string | null;
  useful: boolean | null;
  accurate: boolean | null;
  body: string | null;
  triage: 'new' | 'publishable' | 'complaint' | 'vexatious' | null;
  triaged_by: string | null;
  triaged_at: Timestamp | null;
  you_said_id: string | null;
}

export interface LocalOfferUsageDailyTable {
  la_code: string;
  day: DateString;
  metric: 'search' | 'zero-result' | 'page-view' | 'feedback';
  count: Generated<number>;
}

export interface LocalOfferZeroResultTermTable {
  la_code: string;
  day: DateString;
  term: string;
  count: Generated<number>;
}

// ---------------------------------------------------------------------------------------------------------------
// The EHC needs assessment journey (migration 0005).

export const REQUEST_METHODS = ['letter', 'email', 'phone', 'online'] as const;
export type RequestMethod = (typeof REQUEST_METHODS)[number];
export const REQUESTERS = ['parent', 'young-person', 'school', 'other'] as const;
export type Requester = (typeof REQUESTERS)[number];
export const ASSESSMENT_STAGES = [
  'request',
  'assessment',
  'draft',
  'final',
  'not-assessed',
  'no-plan',
  'linked',
] as const;
export type AssessmentStage = (typeof ASSESSMENT_STAGES)[number];
export const ADVICE_AGENCIES = [
  'family',
  'educational',
  'educational-psychology',
  'health',
  'social-care',
  'setting',
  'preparation-for-adulthood',
  'other',
] as const;
export type AdviceAgency = (typeof ADVICE_AGENCIES)[number];
export const ADVICE_ANSWERS = ['advice', 'no-involvement', 'existing-advice-current'] as const;
export type AdviceAnswer = (typeof ADVICE_ANSWERS)[number];

export interface AssessmentCaseTable {
  la_code: string;
  id: Generated<string>;
  child_id: string;
  request_received: DateString;
  request_method: RequestMethod;
  requested_by: Requester;
  requester_name: string | null;
  request_answers: Json;
  idempotency_key: string;
  linked_case_id: string | null;
  team_id: string;
  officer_id: string | null;
  allocated_at: Timestamp | null;
  stage: Generated<AssessmentStage>;
  is_open: Generated<boolean>;
  decision_date: DateString | null;
  decision_outcome: 'assess' | 'not-assess' | null;
  decision_reasons: string | null;
  panel_notes: string | null;
  outcome_date: DateString | null;
  outcome: 'issue-plan' | 'no-plan' | null;
  outcome_reasons: string | null;
  draft_served: DateString | null;
  family_response_date: DateString | null;
  family_comments: string | null;
  school_requested: string | null;
  final_issued: DateString | null;
  plan_reference: string | null;
  /** Who asked online (migration 0007); 'pending' until a caseworker confirms their link to the child. */
  requester_user_id: string | null;
  requester_link: 'known' | 'pending' | 'confirmed' | 'declined' | null;
  next_step: string | null;
  next_owner: string | null;
  next_due: DateString | null;
  next_adjusted_due: DateString | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AssessmentAdviceTable {
  la_code: string;
  id: Generated<string>;
  case_id: string;
  child_id: string;
  agency: AdviceAgency;
  service_name: string | null;
  professional_user_id: string | null;
  requested: DateString;
  due: DateString;
  received: DateString | null;
  status: Generated<'requested' | 'received'>;
  answer: AdviceAnswer | null;
  needs: Json | null;
  outcomes: string | null;
  provision: Json | null;
  document_text: string | null;
  /** An attached document (migration 0007): kept with the advice, served only as a download. */
  document_name: string | null;
  document_type: string | null;
  document_size: number | null;
  submitted_by: string | null;
  submitted_at: Timestamp | null;
  reminder_two_weeks_at: Timestamp | null;
  reminder_three_days_at: Timestamp | null;
  escalated_at: Timestamp | null;
  requested_by: string | null;
  created_at: Generated<Date>;
}

export interface AssessmentExceptionTable {
  la_code: string;
  id: Generated<string>;
  case_id: string;
  kind: 'school-closure' | 'personal-circumstances' | 'absence-from-area' | 'missed-appointment';
  from_date: DateString;
  to_date: DateString | null;
  reason: string;
  applies_to: Json;
  recorded_by: string | null;
  recorded_at: Generated<Date>;
}

export interface AssessmentRequestDraftTable {
  la_code: string;
  id: Generated<string>;
  user_id: string;
  answers: Json;
  submitted_case_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AssessmentFormTokenTable {
  la_code: string;
  token: string;
  case_id: string | null;
  used_at: Generated<Date>;
}

// ---------------------------------------------------------------------------------------------------------------
// The structured EHC plan and its quality audits (migration 0006).

export interface PlanTables {
  ehc_plan: EhcPlanTable;
  ehc_plan_advice: EhcPlanAdviceTable;
  ehc_plan_item: EhcPlanItemTable;
  ehc_plan_version: EhcPlanVersionTable;
  ehc_plan_override: EhcPlanOverrideTable;
  ehc_plan_comment: EhcPlanCommentTable;
  plan_audit: PlanAuditTable;
  plan_audit_action: PlanAuditActionTable;
}

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

export interface PlanAuditTable {
  la_code: string;
  id: Generated<string>;
  plan_id: string;
  version_id: string;
  kind: 'first' | 'moderation';
  moderates_id: string | null;
  auditor_id: string;
  writer_id: string | null;
  team_id: string | null;
  grades: Json;
  overall: number;
  overall_evidence: string;
  sampled: Generated<boolean>;
  audited_on: DateString;
  idempotency_key: string;
  created_at: Generated<Date>;
}

export interface PlanAuditActionTable {
  la_code: string;
  id: Generated<string>;
  audit_id: string;
  plan_id: string;
  child_id: string;
  section: string;
  text: string;
  assigned_to: string | null;
  done_at: Timestamp | null;
  done_by: string | null;
  created_at: Generated<Date>;
}

export interface AssessmentRequestTables {
  /** The bytes of a document attached to advice (migration 0007). */
  assessment_advice_document: {
    la_code: string;
    advice_id: string;
    content: Uint8Array;
    created_at: Generated<Date>;
  };
}
