/**
 * Where one child's phase transfer stands (S2 states: in-cohort -> review-held -> preference-received -> consulting ->
 * proposal-sent -> named | late), derived from the facts the reviews, consultation and amendments features hold, and
 * what must happen next, by when, for the plan to name the new setting before the deadline.
 */
import { amendmentDates } from '../clock/rules/review.ts';
import { formatLong, parseDate } from '../clock/dates.ts';
import type { TransferDates } from './cohort.ts';

export const TRANSFER_STAGES = [
  'in-cohort',
  'review-held',
  'preference-received',
  'consulting',
  'proposal-sent',
  'named',
  'late',
] as const;
export type TransferStage = (typeof TRANSFER_STAGES)[number];

export const TRANSFER_STAGE_LABELS: Readonly<Record<TransferStage, string>> = {
  'in-cohort': 'Review not held yet',
  'review-held': 'Review held',
  'preference-received': 'Preference received',
  consulting: 'Consulting',
  'proposal-sent': 'Proposal sent',
  named: 'Named',
  late: 'Late',
};

/**
 * What the other features know about the child since the cohort began (the start of the review window, 12 months
 * before the move): the first date each thing happened, or null.
 */
export interface TransferFacts {
  /** A review meeting held within the 12 months before the move. */
  readonly reviewHeld: string | null;
  /** The family's preference for a setting (or type) received. */
  readonly preferenceReceived: string | null;
  /** The first consultation sent to a setting. */
  readonly consultationSent: string | null;
  /** How many settings were consulted, and how many have answered. */
  readonly consultations: number;
  readonly consultationsAnswered: number;
  /** Proposed amendments sent to the family. */
  readonly proposalSent: string | null;
  /** The amended plan naming the new setting issued. */
  readonly named: string | null;
}

export const NO_FACTS: TransferFacts = {
  reviewHeld: null,
  preferenceReceived: null,
  consultationSent: null,
  consultations: 0,
  consultationsAnswered: 0,
  proposalSent: null,
  named: null,
};

export interface StageResult {
  readonly stage: TransferStage;
  /** True when the plan was named, but after the deadline (stage `late`). */
  readonly namedLate: boolean;
}

/**
 * The stage on `today`: named on or before the deadline is `named`; past the deadline without that (or named after
 * it) is `late`; otherwise the furthest step reached.
 */
export function transferStage(dates: TransferDates, facts: TransferFacts, today: string): StageResult {
  const deadline = dates.deadline.date;
  if (facts.named !== null && facts.named <= deadline) return { stage: 'named', namedLate: false };
  if (facts.named !== null) return { stage: 'late', namedLate: true };
  if (today > deadline) return { stage: 'late', namedLate: false };
  if (facts.proposalSent !== null) return { stage: 'proposal-sent', namedLate: false };
  if (facts.consultationSent !== null) return { stage: 'consulting', namedLate: false };
  if (facts.preferenceReceived !== null) return { stage: 'preference-received', namedLate: false };
  if (facts.reviewHeld !== null) return { stage: 'review-held', namedLate: false };
  return { stage: 'in-cohort', namedLate: false };
}

export type Urgency = 'overdue' | 'this-week' | 'later' | 'done';

export interface NextAction {
  /** What must happen, in words a caseworker acts on. */
  readonly action: string;
  /** The latest day for it ('YYYY-MM-DD'), or null when nothing is left to do. */
  readonly by: string | null;
  /** Whether `by` is a legal time limit (the deadline) or a planning date. */
  readonly statutory: boolean;
  /** Past `by`; within the 7 days beginning with today; later; or nothing left to do. */
  readonly urgency: Urgency;
  /** Something that makes the date impossible to meet lawfully, in words (the 15 days end after the deadline). */
  readonly warning: string | null;
}

/** The 7 days beginning with `today` are "this week". */
export function urgencyOf(by: string, today: string): Exclude<Urgency, 'done'> {
  const d = parseDate(by) - parseDate(today);
  if (d < 0) return 'overdue';
  return d <= 6 ? 'this-week' : 'later';
}

/** What must happen next for this child, by when. */
export function nextAction(
  dates: TransferDates,
  facts: TransferFacts,
  stage: TransferStage,
  today: string,
): NextAction {
  const make = (
    action: string,
    by: string,
    statutory = false,
    warning: string | null = null,
  ): NextAction => ({
    action,
    by,
    statutory,
    urgency: urgencyOf(by, today),
    warning,
  });
  switch (stage) {
    case 'named':
      return {
        action: 'Nothing: the plan names the new setting',
        by: null,
        statutory: false,
        urgency: 'done',
        warning: null,
      };
    case 'late':
      return facts.named !== null
        ? {
            action: 'Nothing left to do: the plan named the new setting after the deadline',
            by: null,
            statutory: false,
            urgency: 'done',
            warning: null,
          }
        : make(
            'Issue the amended plan naming the new setting now: the legal deadline has passed',
            dates.deadline.date,
            true,
          );
    case 'in-cohort':
      return make('Hold the phase-transfer review', dates.latestReview.date);
    case 'review-held':
      return make('Get the family’s preference for a setting', dates.latestPreference.date);
    case 'preference-received':
      return make('Consult the settings the family asked for', dates.latestPreference.date);
    case 'consulting': {
      const waiting = facts.consultations - facts.consultationsAnswered;
      return make(
        waiting > 0
          ? `Send the proposed amendments naming the setting (${waiting} of ${facts.consultations} consulted ${waiting === 1 ? 'has' : 'have'} not answered yet)`
          : 'Send the proposed amendments naming the setting',
        dates.latestProposal.date,
      );
    }
    case 'proposal-sent': {
      const sent = facts.proposalSent ?? today;
      const { commentsEnd, earliestIssue } = amendmentDates({ meeting: null, proposalSent: sent });
      const warning =
        earliestIssue.date > dates.deadline.date
          ? `The family’s 15 days for comments end on ${formatLong(parseDate(commentsEnd.date))}, after the deadline: the plan cannot be named in time`
          : null;
      return make(
        today < earliestIssue.date
          ? `Issue the amended plan naming the setting once the family’s comments are in (from ${formatLong(parseDate(earliestIssue.date))})`
          : 'Issue the amended plan naming the setting',
        dates.deadline.date,
        true,
        warning,
      );
    }
  }
}
