/**
 * S1 (statutory-work.md): annual reviews and amendments. M is the date of the review meeting actually held; P the
 * date the plan was first made. Every date is a RuleDate with its rule and source.
 */
import { periodOfDaysBeginningWith, periodOfMonthsBeginningWith } from '../counting.ts';
import { addMonths, formatLong, parseDate } from '../dates.ts';
import { ageOn } from '../../school-year.ts';
import { ASSUMPTIONS } from './assumptions.ts';
import { day, ruleDate, type RuleDate } from './rule-date.ts';

/**
 * The review meeting's due date: the last day of the 12 months beginning with the previous meeting M, or with the
 * date the plan was first made P for the first review (CFA s44(1); counted from the meeting, the stricter reading).
 * Never from an amendment: an amended plan does not move the review date (J2).
 */
export function reviewMeetingDue(input: { firstIssued: string; previousMeeting?: string | null }): RuleDate {
  const p = day(input.firstIssued, 'firstIssued');
  if (input.previousMeeting) {
    const m = day(input.previousMeeting, 'previousMeeting');
    return ruleDate(
      periodOfMonthsBeginningWith(m, 12),
      'Hold the next review meeting within the 12 months starting with the last review meeting (counted from the meeting itself, the stricter reading; an amendment never moves it)',
      'Children and Families Act 2014, s44(1)(b)',
    );
  }
  return ruleDate(
    periodOfMonthsBeginningWith(p, 12),
    'Hold the first review meeting within the 12 months starting with the date the plan was first made',
    'Children and Families Act 2014, s44(1)(a)',
  );
}

/** The next review after a meeting on M: the last day of the 12 months beginning with M (never from an amendment). */
export function nextReviewDue(meeting: string): RuleDate {
  return reviewMeetingDue({ firstIssued: meeting, previousMeeting: meeting });
}

export interface ReviewPaperworkDates {
  /** Invitations to everyone reg 20(2) or 21(2) names, at least 2 weeks before the meeting. */
  readonly invitations: RuleDate;
  /** Advice and information obtained from the invitees and circulated to them. */
  readonly adviceCirculated: RuleDate;
  /** The review report to everyone invited, with recommended amendments and differences of opinion. */
  readonly report: RuleDate;
  /** The authority's decision (maintain, amend or cease), notified to the family and the head. */
  readonly decision: RuleDate;
  /** If amending: the proposal (current plan, notice of the amendments, evidence, right to ask for a school). */
  readonly amendmentProposal: RuleDate;
}

/** The paperwork around a review meeting on M (reg 20, 21, 22(2); Devon). M = 2026-02-02 → 01-19, 02-16, 03-02. */
export function reviewPaperworkDates(meeting: string): ReviewPaperworkDates {
  const m = day(meeting, 'meeting');
  return {
    invitations: ruleDate(
      m - 14,
      "Send the invitations to the review meeting at least 2 weeks before it (2 weeks' notice)",
      'SEND Regulations 2014, reg 20(3), 21(3)',
    ),
    adviceCirculated: ruleDate(
      m - 14,
      'Obtain advice and information from the people invited and send it to them at least 2 weeks before the meeting',
      'SEND Regulations 2014, reg 20(4), 21(4)',
    ),
    report: ruleDate(
      m + 14,
      'Send the review report to everyone invited within 2 weeks of the meeting',
      'SEND Regulations 2014, reg 20 [S], 21(7)',
    ),
    decision: ruleDate(
      m + 28,
      'Decide whether to keep, amend or cease the plan, and tell the family and the head, within 4 weeks of the meeting',
      'SEND Regulations 2014, reg 20 [S: councils’ guidance], 21',
    ),
    amendmentProposal: ruleDate(
      m + 28,
      'If amending, send the proposed amendments with the decision, within 4 weeks of the meeting',
      'SEND Regulations 2014, reg 22(2); R (L, M and P) v Devon [2022] EWHC 493 (Admin)',
    ),
  };
}

export interface AmendmentDates {
  /** The last day of the 15 days for comments, beginning with the day the proposal was served. */
  readonly commentsEnd: RuleDate;
  /** The earliest day the amended plan may be issued: the day after the comment period. */
  readonly earliestIssue: RuleDate;
  /** The amended plan: min(proposal + 8 weeks, meeting + 12 weeks). */
  readonly amendedPlanDue: RuleDate;
  /** True when a late proposal leaves no lawful day to issue in time (the due date is inside the comment period). */
  readonly dueBeforeCommentsEnd: boolean;
  /** If, after the comments, the authority decides not to amend: the notice with reasons and rights. */
  readonly notToAmendNotice: RuleDate;
}

/**
 * After a review meeting on M with proposed amendments served on `proposalSent`: the comment period, the earliest
 * and latest days for the amended plan (never before the comment period ends; due min(proposal + 56, M + 84)), and
 * the reg 22(4) notice if the authority decides not to amend (proposal + 56). Meeting 2026-02-02, proposal
 * 2026-03-02 → comments until 2026-03-16, amended plan by 2026-04-27. An amendment proposed outside a review (reg 22
 * applies "at any other time" too) has no meeting: the amended plan is due 8 weeks after the proposal alone.
 */
export function amendmentDates(input: { meeting: string | null; proposalSent: string }): AmendmentDates {
  const proposal = day(input.proposalSent, 'proposalSent');
  const m = input.meeting === null ? null : day(input.meeting, 'meeting');
  const commentsEnd = periodOfDaysBeginningWith(proposal, 15);
  const due = m === null ? proposal + 56 : Math.min(proposal + 56, m + 84);
  return {
    commentsEnd: ruleDate(
      commentsEnd,
      'The family has 15 days, beginning with the day the proposed amendments were sent, to comment and to ask for a meeting or for a school to be named',
      'SEND Regulations 2014, reg 22(2)(c)',
    ),
    earliestIssue: ruleDate(
      commentsEnd + 1,
      'The amended plan cannot be issued until the 15 days for comments are over',
      'SEND Regulations 2014, reg 22(2)(c), 22(3)',
    ),
    amendedPlanDue:
      m === null
        ? ruleDate(
            due,
            'Issue the amended plan within 8 weeks of sending the proposed amendments (an amendment proposed outside a review)',
            'SEND Regulations 2014, reg 22(3)',
          )
        : ruleDate(
            due,
            'Issue the amended plan within 8 weeks of sending the proposed amendments, and no later than 12 weeks after the review meeting',
            'SEND Regulations 2014, reg 22(3); R (L, M and P) v Devon [2022] EWHC 493 (Admin)',
          ),
    dueBeforeCommentsEnd: due <= commentsEnd,
    notToAmendNotice: ruleDate(
      proposal + 56,
      'If, after the comments, the council decides not to amend the plan, tell the family, with reasons and their rights, within 8 weeks of the proposed amendments',
      'SEND Regulations 2014, reg 22(4)',
      { assumption: ASSUMPTIONS.notToAmend },
    ),
  };
}

/**
 * Whether an amended plan may be issued on `issueDate`: only after proposed amendments were sent and their comment
 * period is over (reg 22(2)-(3); J2). Proposal 2026-03-02: 2026-03-10 is refused, 2026-03-17 is allowed.
 */
export function amendedPlanIssueCheck(input: {
  proposalSent: string | null;
  issueDate: string;
}): { allowed: true } | { allowed: false; reason: string } {
  const issue = day(input.issueDate, 'issueDate');
  if (input.proposalSent === null) {
    return {
      allowed: false,
      reason:
        'An amended plan can only be issued after the proposed amendments have been sent to the family (reg 22(2)).',
    };
  }
  const proposal = day(input.proposalSent, 'proposalSent');
  const commentsEnd = periodOfDaysBeginningWith(proposal, 15);
  if (issue <= commentsEnd) {
    return {
      allowed: false,
      reason: `The family can comment on the proposed amendments up to and including ${formatLong(commentsEnd)}, so the amended plan cannot be issued before ${formatLong(commentsEnd + 1)} (reg 22(2)(c)).`,
    };
  }
  return { allowed: true };
}

/**
 * Advice for children under 5 (not a statutory step): the Code of Practice says a review should be considered
 * every 3 to 6 months. Null when the child is 5 or over on `on`.
 */
export function underFiveReviewAdvice(input: {
  dateOfBirth: string;
  lastReviewOrIssued: string;
  on: string;
}): { considerFrom: RuleDate; considerBy: RuleDate } | null {
  if (ageOn(input.dateOfBirth, input.on) >= 5) return null;
  const last = day(input.lastReviewOrIssued, 'lastReviewOrIssued');
  parseDate(input.on);
  const source = 'SEND Code of Practice 0 to 25 years (2015), chapter 9 (reviews for children under 5) [S]';
  return {
    considerFrom: ruleDate(
      addMonths(last, 3),
      'Advice, not a legal time limit: for a child under 5, consider reviewing the plan 3 to 6 months after the last review',
      source,
      { statutory: false },
    ),
    considerBy: ruleDate(
      addMonths(last, 6),
      'Advice, not a legal time limit: for a child under 5, consider a review within 6 months of the last one',
      source,
      { statutory: false },
    ),
  };
}
