/**
 * Annual reviews (S1), ceasing (S9) and transfers (S11): the pure rules the reviews feature builds on. Dates are
 * 'YYYY-MM-DD' strings; every date comes with its rule and source (the clock's RuleDate); no I/O, no clock reads.
 * The time limits themselves are the clock's (src/domain/clock: steps/review.ts and rules/); this module adds the
 * schedule of a plan, the life of one review record, early reviews, when a plan may be ceased, and the backlog's
 * order.
 */
export * from './schedule.ts';
export * from './lifecycle.ts';
export * from './meeting.ts';
export * from './early.ts';
export * from './cease.ts';
export * from './backlog.ts';
export * from './ending.ts';
export {
  amendedPlanIssueCheck,
  amendmentDates,
  ceaseDates,
  reviewPaperworkDates,
  transferInDates,
  transferOutSendBy,
  underFiveReviewAdvice,
  type AmendmentDates,
  type CeaseDates,
  type RuleDate,
} from '../clock/index.ts';
export * from './amendment.ts';
export * from './voices.ts';
