/**
 * S1 (statutory-work.md) and reg 22: amending a plan, after a review's decision to amend or at any other time (a
 * change of need, for example; reg 22 applies "at any other time" too). One amendment moves
 * preparing → proposal sent (the family's 15 days) → comments closed → amended | not amended.
 *
 * The dates are the clock's (`amendmentDates`, `reviewPaperworkDates`), never restated here. Each move is checked: a
 * move out of order, a date in the future or before the step it follows, an amended plan with no proposal or inside
 * the comment period, or a decision not to amend with no reasons is refused with `{ field, message }` errors for the
 * GOV.UK error summary; a step done after its time limit is accepted and returned as an `AmendmentLateness` naming
 * the rule, so it is visibly late and never silently accepted.
 */
import {
  amendedPlanIssueCheck,
  amendmentDates,
  reviewPaperworkDates,
  type AmendmentDates,
  type RuleDate,
} from '../clock/index.ts';
import { formatLong, parseDate } from '../clock/dates.ts';
import { daysLateOf, daysRemainingOf, statusOf } from '../clock/status.ts';
import type { Status } from '../clock/types.ts';
import { checkedDate } from './dates.ts';
import type { FieldError } from './lifecycle.ts';

/** Why the plan is being amended: a review's decision to amend, or a reason outside a review. */
export const AMENDMENT_TRIGGERS = ['review', 'change-of-need', 'change-of-placement', 'other'] as const;
export type AmendmentTrigger = (typeof AMENDMENT_TRIGGERS)[number];

export const TRIGGER_LABELS: Readonly<Record<AmendmentTrigger, string>> = {
  review: 'The annual review decided to amend the plan',
  'change-of-need': 'A change in the child’s or young person’s needs',
  'change-of-placement': 'A change of school, college or other setting',
  other: 'Another reason',
};

export const AMENDMENT_STATES = [
  'preparing',
  'proposal-sent',
  'comments-closed',
  'amended',
  'not-amended',
] as const;
export type AmendmentState = (typeof AMENDMENT_STATES)[number];

export const AMENDMENT_STATE_LABELS: Readonly<Record<AmendmentState, string>> = {
  preparing: 'Preparing the proposal',
  'proposal-sent': 'Proposal sent: family commenting',
  'comments-closed': 'Comments closed: amended plan to issue',
  amended: 'Amended plan issued',
  'not-amended': 'Decided not to amend',
};

/** The dated facts of one amendment. */
export interface AmendmentFacts {
  readonly trigger: AmendmentTrigger;
  /** The review meeting held, when the amendment follows a review (null outside a review). */
  readonly meeting: string | null;
  /** The day the amendment was started: the review's decision to amend, or the day the caseworker began. */
  readonly started: string;
  readonly proposalSent: string | null;
  readonly amendedIssued: string | null;
  readonly notAmended: string | null;
}

export function amendmentState(f: AmendmentFacts, asOf: string): AmendmentState {
  if (f.amendedIssued) return 'amended';
  if (f.notAmended) return 'not-amended';
  if (!f.proposalSent) return 'preparing';
  const dates = amendmentDates({ meeting: f.meeting, proposalSent: f.proposalSent });
  return checkedDate(asOf, 'asOf') <= parseDate(dates.commentsEnd.date) ? 'proposal-sent' : 'comments-closed';
}

/** A step done after its time limit: accepted, and shown with its rule. */
export interface AmendmentLateness {
  readonly step: AmendmentStepId;
  readonly due: RuleDate;
  readonly daysLate: number;
  readonly message: string;
}

export type AmendmentCheck =
  | { readonly ok: true; readonly warnings: readonly AmendmentLateness[] }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

export type AmendmentStepId = 'proposal' | 'comments' | 'amended-plan' | 'not-to-amend';

export interface AmendmentStep {
  readonly id: AmendmentStepId;
  readonly label: string;
  readonly due: RuleDate;
  readonly completed: string | null;
  readonly status: Status;
  readonly daysLate: number;
  readonly daysRemaining: number | null;
}

const STEP_LABELS: Readonly<Record<AmendmentStepId, string>> = {
  proposal: 'Proposed amendments sent to the family',
  comments: 'The family’s 15 days to comment',
  'amended-plan': 'Amended plan issued',
  'not-to-amend': 'Decision not to amend sent, with reasons and rights',
};

/** The proposal's due date: after a review, with the decision (meeting + 4 weeks); outside a review, none. */
export function proposalDue(f: Pick<AmendmentFacts, 'meeting'>): RuleDate | null {
  return f.meeting ? reviewPaperworkDates(f.meeting).amendmentProposal : null;
}

/** The clock's dates once the proposal has been sent; null before. */
export function datesOf(f: Pick<AmendmentFacts, 'meeting' | 'proposalSent'>): AmendmentDates | null {
  return f.proposalSent ? amendmentDates({ meeting: f.meeting, proposalSent: f.proposalSent }) : null;
}

/**
 * Every dated step of an amendment on asOf, with the clock's met/late/open/overdue. The amended plan's and the
 * decision not to amend's steps appear once the proposal is sent; whichever ends the amendment is shown, and while
 * neither has, the amended plan (the usual end) is shown with the not-to-amend date beside it.
 */
export function amendmentSteps(f: AmendmentFacts, asOf: string): AmendmentStep[] {
  const today = checkedDate(asOf, 'asOf');
  const step = (id: AmendmentStepId, due: RuleDate, completed: string | null): AmendmentStep => {
    const d = parseDate(due.date);
    const c = completed === null ? null : parseDate(completed);
    return {
      id,
      label: STEP_LABELS[id],
      due,
      completed,
      status: statusOf(d, c, today),
      daysLate: daysLateOf(d, c, today),
      daysRemaining: daysRemainingOf(d, c, today),
    };
  };
  const steps: AmendmentStep[] = [];
  const pDue = proposalDue(f);
  if (pDue) steps.push(step('proposal', pDue, f.proposalSent));
  const dates = datesOf(f);
  if (!dates) return steps;
  const commentsEnd = parseDate(dates.commentsEnd.date);
  steps.push(step('comments', dates.commentsEnd, today > commentsEnd ? dates.commentsEnd.date : null));
  if (!f.notAmended) steps.push(step('amended-plan', dates.amendedPlanDue, f.amendedIssued));
  if (!f.amendedIssued) steps.push(step('not-to-amend', dates.notToAmendNotice, f.notAmended));
  return steps;
}

/** What the caseworker does next, in plain English. */
export function nextAction(f: AmendmentFacts, asOf: string): string {
  const state = amendmentState(f, asOf);
  const dates = datesOf(f);
  switch (state) {
    case 'preparing': {
      const due = proposalDue(f);
      return `Make the proposed changes in the plan editor, then send the proposal to the family${due ? ` by ${formatLong(parseDate(due.date))}` : ''}.`;
    }
    case 'proposal-sent':
      return `Wait for the family’s comments until ${formatLong(parseDate(dates!.commentsEnd.date))}; answer each comment and, if they ask for a school, consult it.`;
    case 'comments-closed':
      return `Issue the amended plan by ${formatLong(parseDate(dates!.amendedPlanDue.date))}, or decide not to amend after all (with reasons) by ${formatLong(parseDate(dates!.notToAmendNotice.date))}.`;
    case 'amended':
      return 'Nothing: the amended plan has been issued. The next review date does not move.';
    case 'not-amended':
      return 'Nothing: the family has been told the plan will not be amended, with their rights.';
  }
}

function lateness(step: AmendmentStepId, due: RuleDate, done: string): AmendmentLateness | null {
  const late = parseDate(done) - parseDate(due.date);
  if (late <= 0) return null;
  return {
    step,
    due,
    daysLate: late,
    message: `${STEP_LABELS[step]} ${late === 1 ? '1 day' : `${late} days`} late: it was due by ${formatLong(parseDate(due.date))}. ${due.rule} (${due.source}).`,
  };
}

function refuse(...errors: FieldError[]): AmendmentCheck {
  return { ok: false, errors };
}

type DateCheck = { ok: true; day: number } | { ok: false; error: FieldError };

function dateField(value: string | null | undefined, field: string, what: string, asOf: string): DateCheck {
  if (!value) return { ok: false, error: { field, message: `Enter the date ${what}` } };
  let d: number;
  try {
    d = parseDate(value);
  } catch {
    return { ok: false, error: { field, message: `The date ${what} must be a real date` } };
  }
  if (d > parseDate(asOf)) {
    return { ok: false, error: { field, message: `The date ${what} must be today or in the past` } };
  }
  return { ok: true, day: d };
}

const MIN_REASONS = 20;

/**
 * Starting an amendment. After a review: the review must have decided to amend, and no amendment may already be
 * open. Outside a review: a reason (change of need, of placement, other) with details of at least 20 characters.
 */
export function checkStart(input: {
  trigger: string | null | undefined;
  details: string | null | undefined;
  review: { decision: string | null; held: string | null } | null;
  openAmendment: boolean;
  planIssued: boolean;
}): AmendmentCheck {
  if (!input.planIssued) {
    return refuse({
      field: 'trigger',
      message: 'Only an issued plan can be amended: issue the final plan first',
    });
  }
  if (input.openAmendment) {
    return refuse({
      field: 'trigger',
      message: 'This plan already has an amendment in progress: finish it, or decide not to amend, first',
    });
  }
  if (!input.trigger || !(AMENDMENT_TRIGGERS as readonly string[]).includes(input.trigger)) {
    return refuse({ field: 'trigger', message: 'Select why the plan is being amended' });
  }
  if (input.trigger === 'review') {
    if (!input.review || input.review.decision !== 'amend' || !input.review.held) {
      return refuse({
        field: 'trigger',
        message: 'An amendment after a review needs the review’s decision to amend the plan on record first',
      });
    }
    return { ok: true, warnings: [] };
  }
  if (!input.details || input.details.trim().length < MIN_REASONS) {
    return refuse({
      field: 'details',
      message: `Say what has changed and why the plan needs amending (at least ${MIN_REASONS} characters)`,
    });
  }
  return { ok: true, warnings: [] };
}

/**
 * Sending the proposal (reg 22(2)): preparing → proposal sent. Refused: no date, a future date, a date before the
 * amendment started, or a proposal that proposes no change. Late after the review's 4 weeks (with the decision).
 */
export function checkProposal(
  f: AmendmentFacts,
  input: { date: string | null | undefined; changes: number },
  asOf: string,
): AmendmentCheck {
  if (amendmentState(f, asOf) !== 'preparing') {
    return refuse({ field: 'date', message: 'The proposed amendments have already been sent' });
  }
  const d = dateField(input.date, 'date', 'the proposal was sent', asOf);
  if (!d.ok) return refuse(d.error);
  const errors: FieldError[] = [];
  if (d.day < parseDate(f.started)) {
    errors.push({
      field: 'date',
      message: `The proposal cannot be sent before the amendment was started (${formatLong(parseDate(f.started))})`,
    });
  }
  if (input.changes <= 0) {
    errors.push({
      field: 'date',
      message:
        'The plan has no proposed changes yet: make the changes in the plan editor before sending the proposal',
    });
  }
  if (errors.length) return refuse(...errors);
  const due = proposalDue(f);
  const late = due ? lateness('proposal', due, input.date as string) : null;
  return { ok: true, warnings: late ? [late] : [] };
}

/**
 * Issuing the amended plan (reg 22(3)): refused with no proposal (reg 22(2)), inside the 15 days for comments, in
 * the future, or after the amendment ended; accepted and shown late after the clock's due date (8 weeks of the
 * proposal; after a review, no later than 12 weeks after the meeting).
 */
export function checkAmendedIssue(
  f: AmendmentFacts,
  input: { date: string | null | undefined },
  asOf: string,
): AmendmentCheck {
  if (f.amendedIssued || f.notAmended) {
    return refuse({
      field: 'date',
      message: 'This amendment has ended: start a new one to amend the plan again',
    });
  }
  const d = dateField(input.date, 'date', 'the amended plan was issued', asOf);
  if (!d.ok) return refuse(d.error);
  const clock = amendedPlanIssueCheck({ proposalSent: f.proposalSent, issueDate: input.date as string });
  if (!clock.allowed) return refuse({ field: 'date', message: clock.reason });
  const dates = datesOf(f)!;
  const late = lateness('amended-plan', dates.amendedPlanDue, input.date as string);
  return { ok: true, warnings: late ? [late] : [] };
}

/**
 * Deciding not to amend after all (reg 22(4)): only after the proposal and its 15 days (the decision follows the
 * family's comments), with reasons of at least 20 characters; late after 8 weeks of the proposal (the clock's
 * `not-to-amend` assumption, said in the rule).
 */
export function checkNotToAmend(
  f: AmendmentFacts,
  input: { date: string | null | undefined; reasons: string | null | undefined },
  asOf: string,
): AmendmentCheck {
  if (f.amendedIssued || f.notAmended) {
    return refuse({ field: 'date', message: 'This amendment has ended' });
  }
  if (!f.proposalSent) {
    return refuse({
      field: 'date',
      message:
        'No amendments have been proposed: a decision not to amend follows a proposal and the family’s comments (reg 22(4))',
    });
  }
  const errors: FieldError[] = [];
  const d = dateField(input.date, 'date', 'the decision was sent', asOf);
  const dates = datesOf(f)!;
  if (!d.ok) errors.push(d.error);
  else if (d.day <= parseDate(dates.commentsEnd.date)) {
    errors.push({
      field: 'date',
      message: `The family can comment until ${formatLong(parseDate(dates.commentsEnd.date))}: decide after their 15 days (reg 22(2)(c), 22(4))`,
    });
  }
  if (!input.reasons || input.reasons.trim().length < MIN_REASONS) {
    errors.push({
      field: 'reasons',
      message: `Give the reasons the plan will not be amended (at least ${MIN_REASONS} characters): the family is told them`,
    });
  }
  if (errors.length) return refuse(...errors);
  const late = lateness('not-to-amend', dates.notToAmendNotice, input.date as string);
  return { ok: true, warnings: late ? [late] : [] };
}
