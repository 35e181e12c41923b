/**
 * S1 (statutory-work.md): each plan's review schedule. The next review meeting is due within the 12 months starting
 * with the date the plan was first made and then with each review meeting actually held (annual, early, phase
 * transfer alike), never with an amendment (J2); after a plan is transferred in, by the later of that date and the
 * end of the 3 months starting with the transfer (reg 15(5)). Built on the clock's own review steps, so the schedule
 * and every timeline agree to the day; children under 5 also get the Code of Practice's advice (not a time limit).
 */
import { computeTimeline, underFiveReviewAdvice, type RuleDate, type Step } from '../clock/index.ts';
import { periodOfMonthsBeginningWith } from '../clock/counting.ts';
import { formatDate, parseDate } from '../clock/dates.ts';
import { ageOn } from '../school-year.ts';
import { checkedDate, daysBetween, ruleDateOfStep } from './dates.ts';

/** How many days ahead a review counts as coming up (the backlog shows overdue and due within 8 weeks). */
export const DUE_SOON_DAYS = 56;

export interface ScheduleInput {
  /** Today, 'YYYY-MM-DD': the caller passes it (the domain never reads a clock). */
  readonly asOf: string;
  /** P: the date the plan was first made (the first final plan). */
  readonly firstIssued: string;
  readonly dateOfBirth?: string | null;
  /** The dates of every review meeting held (annual, early or phase transfer), in any order. */
  readonly meetings?: readonly string[] | null;
  /** T: the date the old authority transferred the plan to this one (reg 15(2)), when it moved in. */
  readonly transferredIn?: string | null;
  /**
   * The dates amended plans were issued. Accepted so callers can pass the whole history; they never move the review
   * date (an amendment is not a review, J2), and a test holds the schedule to that.
   */
  readonly amendmentsIssued?: readonly string[] | null;
}

/** What the next review is counted from. */
export type ScheduleBasis = 'first-plan' | 'last-meeting' | 'transfer-in';

export interface PastReview {
  readonly number: number;
  readonly meeting: string;
  readonly due: string;
  readonly onTime: boolean;
  readonly daysLate: number;
}

export interface UnderFiveAdvice {
  /** "Consider a review every 3 to 6 months": advice from the Code of Practice, never shown as late. */
  readonly text: string;
  readonly considerFrom: RuleDate;
  readonly considerBy: RuleDate;
}

export interface ReviewSchedule {
  /** The next review's number (1 for the first review of the plan). */
  readonly number: number;
  /** The last day the next review meeting may be held, with its rule and source. */
  readonly due: RuleDate;
  readonly basis: ScheduleBasis;
  /** The date the 12 months are counted from (P, the last meeting, or T when the transfer rule gives the date). */
  readonly countedFrom: string;
  readonly status: 'open' | 'overdue';
  /** asOf - due while overdue, otherwise 0. */
  readonly daysOverdue: number;
  /** due - asOf while open, otherwise null. */
  readonly daysUntilDue: number | null;
  /** Overdue, or due within 8 weeks: the plans the backlog lists. */
  readonly inBacklog: boolean;
  /** Due within the 7 days from asOf, or overdue: a caseworker's "this week and overdue". */
  readonly dueThisWeekOrOverdue: boolean;
  /** The clock's plain-English account of the date. */
  readonly explanation: string;
  /** For a child under 5 on asOf; null otherwise. */
  readonly underFive: UnderFiveAdvice | null;
  /** The reviews held, each against the date it was due. */
  readonly history: readonly PastReview[];
}

export const UNDER_FIVE_ADVICE =
  'Consider a review every 3 to 6 months (advice for children under 5, not a legal time limit).';

/**
 * The review schedule of one plan on asOf. Throws a RangeError naming the field for a malformed date, a meeting
 * before the plan was made or after asOf, or a plan made after asOf.
 */
export function reviewSchedule(input: ScheduleInput): ReviewSchedule {
  const asOf = checkedDate(input.asOf, 'asOf');
  const p = checkedDate(input.firstIssued, 'firstIssued');
  if (p > asOf) throw new RangeError(`firstIssued: ${input.firstIssued} is after asOf ${input.asOf}`);
  const meetings = [...(input.meetings ?? [])].sort();
  for (const m of meetings) {
    const d = checkedDate(m, 'meetings');
    if (d < p)
      throw new RangeError(`meetings: ${m} is before the plan was first made (${input.firstIssued})`);
    if (d > asOf) throw new RangeError(`meetings: ${m} is after asOf ${input.asOf} (a meeting not yet held)`);
  }
  for (const a of input.amendmentsIssued ?? []) checkedDate(a, 'amendmentsIssued');
  if (input.transferredIn) checkedDate(input.transferredIn, 'transferredIn');

  const timeline = computeTimeline({
    asOf: input.asOf,
    plan: {
      firstIssued: input.firstIssued,
      reviews: meetings.map((meeting) => ({ meeting })),
      transferIn: input.transferredIn ? { date: input.transferredIn } : null,
    },
  });
  const reviewSteps = timeline.steps.filter((s) => s.id.startsWith('review:'));
  const next = reviewSteps[reviewSteps.length - 1] as Step;
  const number = reviewSteps.length;
  const history: PastReview[] = reviewSteps.slice(0, -1).map((s, i) => ({
    number: i + 1,
    meeting: s.completed as string,
    due: s.due,
    onTime: s.status === 'met',
    daysLate: s.daysLate,
  }));

  const due = ruleDateOfStep(next);
  const lastMeeting = meetings[meetings.length - 1] ?? null;
  const normalFrom = lastMeeting ?? input.firstIssued;
  const normalDue = formatDate(periodOfMonthsBeginningWith(parseDate(normalFrom), 12));
  // reg 15(5) gave the date only when the end of the 3 months after the transfer is later than the normal date.
  const transferredIn = input.transferredIn ?? null;
  const byTransfer = transferredIn !== null && next.rule.includes('reg 15(5)') && due.date !== normalDue;
  const basis: ScheduleBasis = byTransfer ? 'transfer-in' : lastMeeting ? 'last-meeting' : 'first-plan';
  const countedFrom = byTransfer && transferredIn !== null ? transferredIn : normalFrom;
  const toDue = daysBetween(input.asOf, due.date);
  const overdue = toDue < 0;

  let underFive: UnderFiveAdvice | null = null;
  if (input.dateOfBirth && ageOn(input.dateOfBirth, input.asOf) < 5) {
    const advice = underFiveReviewAdvice({
      dateOfBirth: input.dateOfBirth,
      lastReviewOrIssued: normalFrom,
      on: input.asOf,
    });
    if (advice) underFive = { text: UNDER_FIVE_ADVICE, ...advice };
  }

  return {
    number,
    due,
    basis,
    countedFrom,
    status: overdue ? 'overdue' : 'open',
    daysOverdue: overdue ? -toDue : 0,
    daysUntilDue: overdue ? null : toDue,
    inBacklog: toDue <= DUE_SOON_DAYS,
    dueThisWeekOrOverdue: toDue <= 6,
    explanation: next.explanation,
    underFive,
    history,
  };
}
