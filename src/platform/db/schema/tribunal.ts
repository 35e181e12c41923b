/** Mediation and the tribunal (migrations 0044 and 0051; docs/tribunal.md). Owned by src/features/tribunal. */
import type { Generated } from 'kysely';
import type { DateString, Timestamp } from './types.ts';

export type DisagreementDecisionKind =
  'not-to-assess' | 'not-to-issue' | 'final-plan' | 'amended-plan' | 'not-to-amend' | 'to-cease';
export type AppealGround =
  'refusal-to-assess' | 'refusal-to-issue' | 'contents' | 'refusal-to-amend' | 'cease' | 'placement-only';
export type AppealOutcome = 'allowed' | 'partly-allowed' | 'dismissed' | 'withdrawn' | 'conceded';
export type TribunalOrderKind =
  'cease-dismissed' | 'assess' | 'make-and-maintain' | 'amend' | 'change-school' | 'continue-to-maintain';
export type TribunalConcessionKind = 'assess' | 'amend' | 'placement';

export interface DisagreementTable {
  la_code: string;
  id: Generated<string>;
  child_id: string;
  decision_kind: DisagreementDecisionKind;
  decision_sent: DateString;
  adviser_contacted_on: DateString | null;
  declined_mediation_on: DateString | null;
  mediation_requested_on: DateString | null;
  mediation_issues: string | null;
  health_issues: Generated<boolean>;
  health_only: Generated<boolean>;
  commissioner_told_on: DateString | null;
  mediation_held_on: DateString | null;
  certificate_issued_on: DateString | null;
  appeal_registered_on: DateString | null;
  ground: AppealGround | null;
  sections: string | null;
  care_recommendations: Generated<boolean>;
  response_due: DateString | null;
  response_sent_on: DateString | null;
  hearing_on: DateString | null;
  outcome: AppealOutcome | null;
  decided_on: DateString | null;
  order_kind: TribunalOrderKind | null;
  conceded_on: DateString | null;
  concession_kind: TribunalConcessionKind | null;
  recorded_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface DisagreementAgreementTable {
  la_code: string;
  id: Generated<string>;
  disagreement_id: string;
  agreed_on: DateString;
  terms: string;
  obliges: TribunalOrderKind | null;
  non_appealable: Generated<boolean>;
  commissioner_only: Generated<boolean>;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

export interface DisagreementDoneTable {
  la_code: string;
  disagreement_id: string;
  step_id: string;
  done_on: DateString;
  recorded_by: string | null;
}

export interface DisagreementExceptionTable {
  la_code: string;
  id: Generated<string>;
  disagreement_id: string;
  step_id: string;
  kind: 'personal-circumstances' | 'absence';
  from_on: DateString;
  to_on: DateString | null;
  confirmed: Generated<boolean>;
  details: string | null;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

export interface TribunalTables {
  disagreement_exception: DisagreementExceptionTable;
  disagreement: DisagreementTable;
  disagreement_agreement: DisagreementAgreementTable;
  disagreement_done: DisagreementDoneTable;
}
