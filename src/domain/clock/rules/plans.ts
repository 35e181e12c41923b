/**
 * Date rules for plans that are not steps of the clock: the family's own views (D4), personal budgets (S8),
 * reassessment (S10), transfers between authorities (S11) and children not in full-time education (S4).
 */
import { periodOfMonthsBeginningWith, withinWeeks } from '../counting.ts';
import { formatDate, type DayNumber } from '../dates.ts';
import { reassessmentFinalDue } from '../steps/reassessment.ts';
import { closureSet, planTransferSendBy, workingDaysBeginningWith } from '../working-days.ts';
import { ASSUMPTIONS } from './assumptions.ts';
import { reviewMeetingDue } from './review.ts';
import { day, ruleDate, type RuleDate } from './rule-date.ts';

/**
 * The date the council asks the family for its own views and advice by: a request, not a legal time limit. The
 * family's views (reg 6(1)(a)) have no statutory deadline, because reg 8(1) binds only bodies asked to co-operate
 * (D4); the product asks for them within the 6 weeks it gives advisers and never shows them as late.
 */
export function familyViewsAskedBy(requested: string): RuleDate {
  return ruleDate(
    withinWeeks(day(requested, 'requested'), 6),
    "Not a legal time limit: the council asks for the family's own views within the same 6 weeks it gives advisers, so it can take them into account; they are never late",
    'SEND Regulations 2014, reg 6(1)(a) (no time limit; reg 8(1) binds only bodies asked to co-operate under CFA s31)',
    { statutory: false },
  );
}

/**
 * S3: a school or college consulted on a draft or proposed plan should answer within 15 days of being sent it
 * (sent 2026-04-20 → 2026-05-05). Guidance, not a legal time limit: the authority must still decide on time.
 */
export function consultationResponseDue(sent: string): RuleDate {
  return ruleDate(
    day(sent, 'sent') + 15,
    'The school or college consulted should answer within 15 days (guidance: the council must still meet its own legal deadlines if the answer is late)',
    'Children and Families Act 2014, s39(2) [S]; SEND Code of Practice 9.83 [S]',
    { statutory: false },
  );
}

/**
 * S8: the first review of a direct payment, within the period of 3 months beginning with the day it started
 * (start 2026-05-01 → 2026-07-31); later ones come with each review of the plan.
 */
export function firstDirectPaymentReviewBy(start: string): RuleDate {
  return ruleDate(
    periodOfMonthsBeginningWith(day(start, 'start'), 3),
    'Review the direct payment within the first 3 months after it starts, then at each review of the plan',
    'SEN (Personal Budgets) Regulations 2014, reg 11 [S]',
  );
}

/** S10: the final amended or replacement plan within 14 weeks of notifying the decision to reassess (N + 98). */
export function reassessmentFinalPlanDue(decisionNotified: string): RuleDate {
  return ruleDate(
    reassessmentFinalDue(day(decisionNotified, 'decisionNotified')),
    'Issue the final amended or replacement plan within 14 weeks of telling the family the council will reassess',
    'Children and Families Act 2014, s44(2)-(3); SEND Regulations 2014, reg 27(2)',
  );
}

/** S10: the decision whether to reassess, 15 days from the request: a working assumption (reg 25(1) [U]). */
export function reassessmentDecisionDue(requestReceived: string): RuleDate {
  return ruleDate(
    day(requestReceived, 'requestReceived') + 15,
    'Tell the family whether the council will reassess within 15 days of the request',
    'SEND Regulations 2014, reg 25(1)',
    { assumption: ASSUMPTIONS.reassessmentDecision },
  );
}

/**
 * S11 inbound: after the old authority transferred the plan on T (not the date of the move, D8): the notice to the
 * family by T + 6 weeks (reg 15(4)), and the next review by the later of its normal date and the last day of the 3
 * months beginning with T (reg 15(5)). T = 2026-03-31, plan made 2025-06-01 → notice by 2026-05-12, review by
 * 2026-06-30.
 */
export function transferInDates(input: {
  transferred: string;
  firstIssued: string;
  lastReviewMeeting?: string | null;
}): { notice: RuleDate; review: RuleDate } {
  const t = day(input.transferred, 'transferred');
  const normal = reviewMeetingDue({
    firstIssued: input.firstIssued,
    previousMeeting: input.lastReviewMeeting ?? null,
  });
  const threeMonths = periodOfMonthsBeginningWith(t, 3);
  const normalDay = day(normal.date, 'review');
  return {
    notice: ruleDate(
      withinWeeks(t, 6),
      'Within 6 weeks of the date the old council transferred the plan, tell the family the council now holds it, whether it will reassess and when it will review it',
      'SEND Regulations 2014, reg 15(4)',
    ),
    review: ruleDate(
      Math.max(normalDay, threeMonths),
      'Review the plan by the later of its normal review date and the end of the 3 months beginning with the date it was transferred',
      `${normal.source}; SEND Regulations 2014, reg 15(5)`,
    ),
  };
}

/**
 * S11 outbound: when the old authority must send the plan to the new one (reg 15(2), D6). With the move date: on
 * the day of the move if it knew at least 15 working days before, otherwise within 15 working days beginning with
 * the day it learned (learned Monday 2026-03-02, move 2026-03-10 → 2026-03-20). Without a move date yet: the 15th
 * working day beginning with the day it learned. `closures` are the authority's own closure days.
 */
export function transferOutSendBy(input: {
  learnedOn: string;
  moveDate?: string | null;
  closures?: Iterable<string>;
}): RuleDate & { knewInTime: boolean } {
  if (input.moveDate) {
    const r = planTransferSendBy(input.moveDate, input.learnedOn, input.closures);
    return { ...ruleDate(day(r.sendBy, 'sendBy'), r.rule, r.source), knewInTime: r.knewInTime };
  }
  const learned = day(input.learnedOn, 'learnedOn');
  return {
    ...ruleDate(
      workingDaysBeginningWith(learned, 15, closureSet(input.closures)),
      'Send the plan to the new council within 15 working days beginning with the day the council learned of the move (or on the day of the move, if it learns of it at least 15 working days before)',
      'SEND Regulations 2014, reg 15(2)',
    ),
    knewInTime: false,
  };
}

/**
 * The Nth school day beginning with X: X is day 1 when it is a school day (otherwise the next school day is).
 * School days are working days less the school holidays given ('YYYY-MM-DD', e.g. half term and INSET days).
 */
export function schoolDaysBeginningWith(x: string, n: number, schoolHolidays: Iterable<string> = []): string {
  const holidays = closureSet(schoolHolidays) ?? new Set<DayNumber>();
  const start = day(x, 'date');
  return formatDate(workingDaysBeginningWith(start, n, holidays));
}

/**
 * S4: after a permanent exclusion on X, the authority must arrange full-time education from the sixth school day,
 * counting the day of the exclusion as day 1 when it is a school day (Monday 2026-03-02, no holidays → 2026-03-09).
 * With the school's holidays (term dates, training days) the count skips them; without them (`undefined`: Goldthread
 * holds no term dates yet) school days are working days and the date says it rests on that assumption ([U]).
 */
export function fullTimeProvisionFrom(exclusionDate: string, schoolHolidays?: Iterable<string>): RuleDate {
  const holidays = closureSet(schoolHolidays ?? []) ?? new Set<DayNumber>();
  return ruleDate(
    workingDaysBeginningWith(day(exclusionDate, 'exclusionDate'), 6, holidays),
    'After a permanent exclusion, suitable full-time education must be arranged from the sixth school day (the day of the exclusion is day 1 when it is a school day)',
    'Education Act 1996, s19 [V]; full-time provision from the sixth day [S: IPSEA]',
    { assumption: schoolHolidays === undefined ? ASSUMPTIONS.schoolDays : null },
  );
}

/**
 * S4: a child with a plan who is not in full-time education (part-time timetable, missing education, elective home
 * education, permanent exclusion): review the plan within 4 weeks of the day it became known. A product target for
 * the reg 29(2) duty, not a legal time limit.
 */
export function notInEducationReviewBy(knownOn: string): RuleDate {
  return ruleDate(
    day(knownOn, 'knownOn') + 28,
    'Product target, not a legal time limit: review and amend the plan of a child not receiving suitable education within 4 weeks',
    'SEND Regulations 2014, reg 29(2) (the duty; the 4 weeks are the product’s target)',
    { statutory: false },
  );
}
