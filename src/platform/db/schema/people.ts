/**
 * The core records every feature reads: authorities, organisations, teams, users, settings, children, their
 * families, settings and access grants, and each child's one history (case_event). Owned by src/platform/people.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { DateString, Timestamp, Json } from './types.ts';

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
  /** The rights block's contacts and who is told of decisions (migration 0018; docs/rights.md). */
  mediation_adviser_name: Generated<string>;
  mediation_adviser_phone: Generated<string>;
  mediation_adviser_email: Generated<string>;
  mediation_adviser_url: Generated<string>;
  mediation_contact_name: Generated<string>;
  mediation_contact_phone: Generated<string>;
  mediation_contact_email: Generated<string>;
  disagreement_name: Generated<string>;
  disagreement_phone: Generated<string>;
  disagreement_email: Generated<string>;
  disagreement_url: Generated<string>;
  commissioner_organisation_id: string | null;
  commissioner_email: Generated<string>;
  social_care_organisation_id: string | null;
  social_care_email: Generated<string>;
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

/** A child's team, primary need and ethnicity from the day they changed (migration 0060; written by triggers). */
export interface ChildKeyHistoryTable {
  la_code: string;
  id: Generated<string>;
  child_id: string;
  changed_on: DateString;
  changed_at: Generated<Date>;
  team_id: string | null;
  primary_need: string | null;
  ethnicity: string | null;
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

export type User = Selectable<AppUserTable>;
export type NewUser = Insertable<AppUserTable>;
export type UserUpdate = Updateable<AppUserTable>;
export type Child = Selectable<ChildTable>;
export type NewChild = Insertable<ChildTable>;

export interface PeopleTables {
  local_authority: LocalAuthorityTable;
  organisation: OrganisationTable;
  team: TeamTable;
  app_user: AppUserTable;
  setting: SettingTable;
  child: ChildTable;
  family_member: FamilyMemberTable;
  child_setting: ChildSettingTable;
  access_grant: AccessGrantTable;
  case_event: CaseEventTable;
  child_key_history: ChildKeyHistoryTable;
}
