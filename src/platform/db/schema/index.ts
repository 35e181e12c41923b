/**
 * The Kysely types of every table, one file per area (each exporting its tables as one interface), intersected here
 * into DB. The migrations in ../migrations are the source of truth; a schema test checks the rules every table follows
 * (la_code on every table, key and foreign key), and OWNERS (./owners.ts) says which module owns each table.
 */
import type { AmendmentTables } from './amendments.ts';
import type { AssessmentTables } from './assessments.ts';
import type { ConsultationTables } from './consultation.ts';
import type { EducationTables } from './education.ts';
import type { ImprovementTables } from './improvement.ts';
import type { LocalOfferTables } from './local-offer.ts';
import type { NoticesTables } from './notices.ts';
import type { PeopleTables } from './people.ts';
import type { PlanAuditTables } from './plan-audits.ts';
import type { PlanTables } from './plans.ts';
import type { PlatformTables } from './platform.ts';
import type { ReturnsTables } from './returns.ts';
import type { OneLoginTables } from './one-login.ts';
import type { SsoTables } from './sso.ts';
import type { ReviewsTables } from './reviews.ts';
import type { ReviewMeetingTables } from './review-meetings.ts';
import type { RegisterTables } from './register.ts';
import type { FiguresTables } from './figures.ts';
import type { TribunalTables } from './tribunal.ts';
import type { PersonalBudgetTables } from './personal-budgets.ts';
import type { CeasingTables } from './ceasing.ts';
import type { ReviewVoicesTables } from './review-voices.ts';
import type { TransferTables } from './transfers.ts';

export * from './types.ts';
export * from './people.ts';
export * from './platform.ts';
export * from './improvement.ts';
export * from './local-offer.ts';
export * from './assessments.ts';
export * from './plans.ts';
export * from './plan-audits.ts';
export * from './consultation.ts';
export * from './returns.ts';
export * from './notices.ts';
export * from './sso.ts';
export * from './reviews.ts';
export * from './review-meetings.ts';
export * from './ceasing.ts';
export * from './review-voices.ts';
export * from './one-login.ts';
export * from './education.ts';
export * from './register.ts';
export * from './figures.ts';
export * from './tribunal.ts';
export * from './personal-budgets.ts';
export * from './amendments.ts';
export * from './transfers.ts';

export type DB = PeopleTables &
  PlatformTables &
  ImprovementTables &
  LocalOfferTables &
  AssessmentTables &
  PlanTables &
  PlanAuditTables &
  ConsultationTables &
  ReturnsTables &
  NoticesTables &
  SsoTables &
  ReviewsTables &
  ReviewMeetingTables &
  CeasingTables &
  ReviewVoicesTables &
  OneLoginTables &
  EducationTables &
  RegisterTables &
  AmendmentTables &
  FiguresTables &
  TribunalTables &
  TransferTables &
  PersonalBudgetTables;
