/**
 * Which module owns each table: the only code that may name the table in SQL is its owner's store (issue 11,
 * docs/adr/0006-feature-modules.md). Others ask the owner through its public surface (a feature's index.ts, or the
 * platform module). `src/platform/db/ownership.test.ts` fails when a table is named in SQL outside its owner's store,
 * and `scripts/measure-structure.ts` counts what is left.
 *
 * Typed against DB, so a new table does not compile until it is given an owner.
 */
import type { DB } from './index.ts';

/** Platform modules that own tables: the core records every feature reads, and the platform's own records. */
export const PLATFORM_OWNERS = {
  /**
   * Authorities, organisations, teams, users, settings, children, their families, settings and grants, history.
   * The core records are the platform's: any platform module may join them (access reads grants, sessions read
   * users, the audit search names people); features ask src/platform/people.
   */
  people: ['src/platform/people/', 'src/platform/'],
  /** Sessions, failed sign-ins (the throttle) and second factors. */
  auth: ['src/platform/auth/'],
  /** The append-only audit log. */
  audit: ['src/platform/audit/'],
  /** The notification outbox. */
  notify: ['src/platform/notify/'],
  /** One-use form tokens (double submits). */
  change: ['src/platform/change/'],
} as const;

export const FEATURE_OWNERS = [
  'assessments',
  'consultation',
  'plans',
  'plan-audits',
  'local-offer',
  'improvement',
  'returns',
  'notices',
  'sso',
  'reviews',
  'ceasing',
  'one-login',
  'education',
  'register',
  'tribunal',
  'amendments',
  'figures',
  'transfers',
  'personal-budgets',
] as const;

export type Owner = keyof typeof PLATFORM_OWNERS | (typeof FEATURE_OWNERS)[number];

/** The files that are an owner's store: a feature's `store.ts` or `store/` folder; a platform module's folder. */
export function storeFiles(owner: Owner): readonly string[] {
  if (owner in PLATFORM_OWNERS) return PLATFORM_OWNERS[owner as keyof typeof PLATFORM_OWNERS];
  return [`src/features/${owner}/store.ts`, `src/features/${owner}/store/`];
}

/** The folder an owner's code lives in (its store and everything else it has): the widest of its store prefixes. */
export function ownerFolder(owner: Owner): string {
  if (!(owner in PLATFORM_OWNERS)) return `src/features/${owner}/`;
  const prefixes: readonly string[] = PLATFORM_OWNERS[owner as keyof typeof PLATFORM_OWNERS];
  return [...prefixes].sort((a, b) => a.length - b.length)[0]!;
}

export const OWNERS: { readonly [Table in keyof DB]: Owner } = {
  local_authority: 'people',
  organisation: 'people',
  team: 'people',
  app_user: 'people',
  setting: 'people',
  child: 'people',
  family_member: 'people',
  child_setting: 'people',
  access_grant: 'people',
  case_event: 'people',
  child_key_history: 'people',
  session: 'auth',
  sign_in_attempt: 'auth',
  second_factor: 'auth',
  recovery_code: 'auth',
  audit_log: 'audit',
  notification: 'notify',
  form_submission: 'change',
  assessment_case: 'assessments',
  assessment_advice: 'assessments',
  assessment_advice_document: 'assessments',
  assessment_exception: 'assessments',
  assessment_advice_reuse: 'assessments',
  assessment_request_draft: 'assessments',
  assessment_form_token: 'assessments',
  placement_preference: 'consultation',
  consultation: 'consultation',
  ehc_plan: 'plans',
  ehc_plan_advice: 'plans',
  ehc_plan_item: 'plans',
  ehc_plan_version: 'plans',
  ehc_plan_override: 'plans',
  ehc_plan_comment: 'plans',
  plan_audit: 'plan-audits',
  plan_audit_action: 'plan-audits',
  local_offer_organisation: 'local-offer',
  local_offer_provider_user: 'local-offer',
  local_offer_location: 'local-offer',
  local_offer_service: 'local-offer',
  local_offer_service_location: 'local-offer',
  local_offer_search_word: 'local-offer',
  local_offer_pending_edit: 'local-offer',
  local_offer_link_check: 'local-offer',
  local_offer_reminder: 'local-offer',
  local_offer_you_said: 'local-offer',
  local_offer_feedback: 'local-offer',
  local_offer_usage_daily: 'local-offer',
  local_offer_zero_result_term: 'local-offer',
  local_offer_directory_version: 'local-offer',
  improvement_plan: 'improvement',
  improvement_area: 'improvement',
  improvement_focus_area: 'improvement',
  improvement_group: 'improvement',
  improvement_group_member: 'improvement',
  improvement_action: 'improvement',
  improvement_action_owner: 'improvement',
  improvement_update: 'improvement',
  improvement_evidence: 'improvement',
  improvement_report: 'improvement',
  sen2_extra: 'returns',
  sen2_export: 'returns',
  organisation_inbox_item: 'notices',
  plan_letter_inbox_item: 'notices',
  identity_provider: 'sso',
  identity_provider_domain: 'sso',
  identity_provider_group_role: 'sso',
  sso_identity: 'sso',
  sso_pending_account: 'sso',
  sso_sign_in: 'sso',
  sso_session: 'sso',
  plan_review: 'reviews',
  plan_review_early_request: 'reviews',
  plan_review_schedule: 'reviews',
  plan_review_transfer_in: 'reviews',
  plan_review_invitee: 'reviews',
  plan_review_meeting: 'reviews',
  plan_cessation: 'ceasing',
  plan_transfer_out: 'ceasing',
  plan_review_view: 'reviews',
  plan_review_advice: 'reviews',
  plan_review_advice_document: 'reviews',
  plan_review_reminder: 'reviews',
  one_login_link_code: 'one-login',
  one_login_identity: 'one-login',
  one_login_sign_in: 'one-login',
  one_login_session: 'one-login',
  education_episode: 'education',
  education_attendance: 'education',
  education_duty: 'education',
  register_policy: 'register',
  register_item: 'register',
  register_item_theme: 'register',
  register_task: 'register',
  register_you_said: 'register',
  survey_offer: 'register',
  survey_code_key: 'register',
  survey_response: 'register',
  survey_response_theme: 'register',
  disagreement_resolution: 'register',
  register_learning: 'register',
  disagreement_resolution_obligation: 'register',
  transfer_preference: 'transfers',
  transfer_destination: 'transfers',
  transfer_notice: 'transfers',
  transfer_cohort: 'transfers',
  transfer_cohort_state: 'transfers',
  plan_amendment: 'amendments',
  figure_count: 'figures',
  figure_item: 'figures',
  figure_tally: 'figures',
  disagreement: 'tribunal',
  disagreement_agreement: 'tribunal',
  disagreement_done: 'tribunal',
  disagreement_exception: 'tribunal',
  pb_request: 'personal-budgets',
  pb_decision: 'personal-budgets',
  dp_agreement: 'personal-budgets',
  dp_review: 'personal-budgets',
  dp_change: 'personal-budgets',
};
