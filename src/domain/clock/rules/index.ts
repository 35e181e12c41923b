/**
 * The pure date rules later features build on, each returning dates with their rule text and source (RuleDate):
 * reviews and amendments (S1), phase transfer (S2, in ../../school-year.ts), children not in full-time education
 * (S4), mediation and the tribunal (S7), personal budgets (S8), ceasing a plan (S9), reassessment (S10) and
 * transfers between authorities (S11). The working assumptions they rest on are in assumptions.ts.
 */
export { ALL_ASSUMPTIONS, ASSUMPTIONS, type Assumption } from './assumptions.ts';
export { type RuleDate } from './rule-date.ts';
export {
  amendedPlanIssueCheck,
  amendmentDates,
  nextReviewDue,
  reviewMeetingDue,
  reviewPaperworkDates,
  underFiveReviewAdvice,
  type AmendmentDates,
  type ReviewPaperworkDates,
} from './review.ts';
export {
  appealDeadline,
  certificateAfterMediation,
  certificateWhenNoMediation,
  commissionerToldOfHealthIssues,
  complianceAfterAgreement,
  complianceAfterConcession,
  complianceAfterOrder,
  complianceExceptionCheck,
  COMPLIANCE_EXCEPTION_KINDS,
  CONCESSION_KINDS,
  mediationAgreementDates,
  mediationContactBy,
  mediationHeldBy,
  ORDER_KINDS,
  type AppealDeadline,
  type ComplianceDate,
  type ComplianceExceptionCheck,
  type ComplianceExceptionKind,
  type ConcessionKind,
  type OrderKind,
} from './tribunal.ts';
export { ceaseDates, type CeaseDates } from './cease.ts';
export {
  consultationResponseDue,
  familyViewsAskedBy,
  firstDirectPaymentReviewBy,
  fullTimeProvisionFrom,
  notInEducationReviewBy,
  reassessmentDecisionDue,
  reassessmentFinalPlanDue,
  schoolDaysBeginningWith,
  transferInDates,
  transferOutSendBy,
} from './plans.ts';
export {
  phaseTransferFor,
  yearGroupInSchoolYear,
  yearGroupOn,
  type Destination,
  type PhaseTransferPlan,
  type SettingKind,
} from '../../school-year.ts';
