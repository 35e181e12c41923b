/** The register of what families raise (migration 0039; docs/register.md). Owned by src/features/register. */
import type { Generated } from 'kysely';
import type { DateString, Timestamp } from './types.ts';

export interface RegisterPolicyTable {
  la_code: string;
  acknowledge_days: number;
  concern_days: number;
  stage1_days: number;
  stage2_days: number;
  provision_task_days: number;
  updated_by: string | null;
  updated_at: Timestamp;
}

export type RegisterKind = 'concern' | 'complaint' | 'provision-not-delivered' | 'compliment';
export type RegisterChannel = 'online' | 'online-public' | 'phone' | 'letter' | 'email' | 'in-person';
export type RegisterOutcome = 'upheld' | 'partly-upheld' | 'not-upheld' | 'resolved';
export type RegisterTheme =
  | 'communication'
  | 'delay'
  | 'provision-not-delivered'
  | 'placement'
  | 'assessment-and-plans'
  | 'health'
  | 'social-care'
  | 'transport'
  | 'other';

export interface RegisterItemTable {
  la_code: string;
  id: Generated<string>;
  reference: string;
  kind: RegisterKind;
  channel: RegisterChannel;
  child_id: string | null;
  raised_by: string | null;
  recorded_by: string | null;
  raiser_name: string;
  raiser_contact: string | null;
  summary: string;
  provision: string | null;
  received_on: DateString;
  owner_id: string | null;
  team_id: string | null;
  ethnicity: string | null;
  first_language: string | null;
  acknowledged_on: DateString | null;
  answered_on: DateString | null;
  answer: string | null;
  outcome: RegisterOutcome | null;
  stage2_requested_on: DateString | null;
  stage2_answered_on: DateString | null;
  stage2_answer: string | null;
  stage2_outcome: RegisterOutcome | null;
  ombudsman_on: DateString | null;
  withdrawn_on: DateString | null;
  address_key: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface RegisterItemThemeTable {
  la_code: string;
  item_id: string;
  theme: RegisterTheme;
}

export interface RegisterTaskTable {
  la_code: string;
  id: Generated<string>;
  item_id: string;
  child_id: string;
  assigned_to: string | null;
  raised_on: DateString;
  due_date: DateString;
  done_on: DateString | null;
  done_note: string | null;
}

export interface RegisterYouSaidTable {
  la_code: string;
  id: Generated<string>;
  theme: RegisterTheme;
  you_said: string;
  we_did: string;
  published_on: DateString | null;
  created_by: string | null;
  updated_at: Timestamp;
}

export type SurveyMilestone = 'request-decided' | 'plan-issued' | 'review-decided';
export type SurveyOverall = 'very-good' | 'good' | 'neither' | 'poor' | 'very-poor';
export type SurveyListened = 'yes' | 'partly' | 'no';

/** One invitation to a family after a milestone (migration 0057; ADR 0034). */
export interface SurveyOfferTable {
  la_code: string;
  id: Generated<string>;
  token: string;
  child_id: string;
  event_id: number;
  milestone: SurveyMilestone;
  milestone_on: DateString;
  offered_on: DateString;
  team_id: string | null;
  ethnicity: string | null;
  first_language: string | null;
  answered: Generated<boolean>;
  /** The code in the milestone letter's short address: a keyed hash of the event (migration 0076; ADR 0057). */
  short_code: string | null;
}

/** The authority's key for the survey's short codes (migration 0076; ADR 0057). */
export interface SurveyCodeKeyTable {
  la_code: string;
  key: string;
}

/** One answer: no child, user, offer or moment (ADR 0034). */
export interface SurveyResponseTable {
  la_code: string;
  id: Generated<string>;
  milestone: SurveyMilestone;
  month: string;
  team_id: string | null;
  ethnicity: string | null;
  first_language: string | null;
  overall: SurveyOverall;
  listened: SurveyListened;
  comment: string | null;
  contact_name: string | null;
  contact: string | null;
}

export interface SurveyResponseThemeTable {
  la_code: string;
  response_id: string;
  theme: RegisterTheme;
}

export type ResolutionRequester = 'parent' | 'young-person' | 'school' | 'council' | 'health' | 'other';
export type ResolutionOutcome = 'agreed' | 'partly-agreed' | 'not-agreed' | 'not-held';

/** The record of one disagreement resolution meeting about a child (migration 0068; ADR 0047). */
export interface DisagreementResolutionTable {
  la_code: string;
  id: Generated<string>;
  child_id: string;
  item_id: string | null;
  requested_by: ResolutionRequester;
  requested_on: DateString;
  provider: string;
  parties: string;
  about: string;
  held_on: DateString | null;
  outcome: ResolutionOutcome;
  agreement: string | null;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

/** One thing an agreement obliges someone to do by a date: a task for the child's caseworker until done. */
export interface DisagreementResolutionObligationTable {
  la_code: string;
  id: Generated<string>;
  resolution_id: string;
  child_id: string;
  what: string;
  due: DateString;
  assigned_to: string | null;
  done_on: DateString | null;
  done_note: string | null;
}

export type LearningSource = 'theme' | 'item' | 'tribunal';

/** What was learnt from a theme, an item or a tribunal appeal, and the improvement plan action it went to (migration 0069). */
export interface RegisterLearningTable {
  la_code: string;
  id: Generated<string>;
  source: LearningSource;
  theme: RegisterTheme | null;
  item_id: string | null;
  disagreement_id: string | null;
  learnt: string;
  improvement_action_id: string;
  raised_by: string | null;
  raised_on: DateString;
}

export interface RegisterTables {
  register_learning: RegisterLearningTable;
  disagreement_resolution: DisagreementResolutionTable;
  disagreement_resolution_obligation: DisagreementResolutionObligationTable;
  survey_offer: SurveyOfferTable;
  survey_code_key: SurveyCodeKeyTable;
  survey_response: SurveyResponseTable;
  survey_response_theme: SurveyResponseThemeTable;
  register_policy: RegisterPolicyTable;
  register_item: RegisterItemTable;
  register_item_theme: RegisterItemThemeTable;
  register_task: RegisterTaskTable;
  register_you_said: RegisterYouSaidTable;
}
