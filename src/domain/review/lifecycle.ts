/**
 * S1: one review from arranging it to the authority's decision. A review record moves scheduled → arranged (the
 * invitations sent) → held → report sent → decided (maintain, amend or cease). Each move is checked here: a move out
 * of order, a date in the future or before the step it follows is refused with a message for the GOV.UK error
 * summary; a step done after its legal time limit is accepted but returned as a `Lateness` naming the rule, so it is
 * visibly late and never silently accepted.
 */
import { reviewPaperworkDates, type RuleDate, type ReviewOutcome } from '../clock/index.ts';
import { formatLong, parseDate } from '../clock/dates.ts';
import { daysLateOf, daysRemainingOf, statusOf } from '../clock/status.ts';
import type { Status } from '../clock/types.ts';
import { checkedDate } from './dates.ts';

export type { ReviewOutcome } from '../clock/index.ts';
export { REVIEW_OUTCOMES } from '../clock/index.ts';

export const REVIEW_STATES = ['scheduled', 'arranged', 'held', 'report-sent', 'decided'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** annual: the yearly review; early: called before it is due; phase-transfer: reg 18; transfer-in: reg 15(5). */
export const REVIEW_KINDS = ['annual', 'early', 'phase-transfer', 'transfer-in'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** reg 20(1): a school's head arranges it (the authority may require it); reg 21: the authority, with no school. */
export const ARRANGERS = ['school', 'authority'] as const;
export type Arranger = (typeof ARRANGERS)[number];

export const STATE_LABELS: Readonly<Record<ReviewState, string>> = {
  scheduled: 'Scheduled',
  arranged: 'Invitations sent',
  held: 'Meeting held',
  'report-sent': 'Report sent',
  decided: 'Decided',
};

export const OUTCOME_LABELS: Readonly<Record<ReviewOutcome, string>> = {
  maintain: 'Keep the plan as it is',
  amend: 'Amend the plan',
  cease: 'Stop the plan',
};

/** The dated facts of one review record. */
export interface ReviewFacts {
  /** The meeting's date: planned until it is held, then the day it was held. */
  readonly meetingDate: string | null;
  readonly invitationsSent: string | null;
  readonly adviceCirculated: string | null;
  readonly held: string | null;
  readonly reportSent: string | null;
  readonly decision: { readonly date: string; readonly outcome: ReviewOutcome } | null;
}

export function reviewState(f: ReviewFacts): ReviewState {
  if (f.decision) return 'decided';
  if (f.reportSent) return 'report-sent';
  if (f.held) return 'held';
  if (f.invitationsSent) return 'arranged';
  return 'scheduled';
}

export interface FieldError {
  /** The form field the message belongs to, for the error summary's link. */
  readonly field: string;
  readonly message: string;
}

/** A step done after its time limit: accepted, and shown with its rule. */
export interface Lateness {
  readonly step: PaperworkStepId;
  readonly due: RuleDate;
  readonly daysLate: number;
  readonly message: string;
}

export type CheckResult =
  | { readonly ok: true; readonly warnings: readonly Lateness[] }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

export type PaperworkStepId = 'invitations' | 'adviceCirculated' | 'report' | 'decision';

export interface PaperworkStep {
  readonly id: PaperworkStepId;
  readonly label: string;
  readonly due: RuleDate;
  readonly completed: string | null;
  readonly status: Status;
  readonly daysLate: number;
  readonly daysRemaining: number | null;
}

const STEP_LABELS: Readonly<Record<PaperworkStepId, string>> = {
  invitations: 'Invitations sent',
  adviceCirculated: 'Advice and information sent round',
  report: 'Review report sent',
  decision: 'Decision sent to the family',
};

/**
 * The paperwork of a review with a meeting date, each step with its due date, rule and status on asOf (the clock's
 * met/late/open/overdue). Empty while no meeting date is set.
 */
export function paperworkSteps(f: ReviewFacts, asOf: string): PaperworkStep[] {
  const meeting = f.held ?? f.meetingDate;
  if (!meeting) return [];
  const dates = reviewPaperworkDates(meeting);
  const today = checkedDate(asOf, 'asOf');
  const done: Record<PaperworkStepId, string | null> = {
    invitations: f.invitationsSent,
    adviceCirculated: f.adviceCirculated,
    report: f.reportSent,
    decision: f.decision?.date ?? null,
  };
  const due: Record<PaperworkStepId, RuleDate> = {
    invitations: dates.invitations,
    adviceCirculated: dates.adviceCirculated,
    report: dates.report,
    decision: dates.decision,
  };
  return (Object.keys(STEP_LABELS) as PaperworkStepId[]).map((id) => {
    const d = parseDate(due[id].date);
    const c = done[id] === null ? null : parseDate(done[id]);
    return {
      id,
      label: STEP_LABELS[id],
      due: due[id],
      completed: done[id],
      status: statusOf(d, c, today),
      daysLate: daysLateOf(d, c, today),
      daysRemaining: daysRemainingOf(d, c, today),
    };
  });
}

export function lateness(step: PaperworkStepId, due: RuleDate, done: string): Lateness | null {
  const late = parseDate(done) - parseDate(due.date);
  if (late <= 0) return null;
  return {
    step,
    due,
    daysLate: late,
    message: `${STEP_LABELS[step]} ${late === 1 ? '1 day' : `${late} days`} late: it was due by ${formatLong(parseDate(due.date))}. ${due.rule} (${due.source}).`,
  };
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

function refuse(...errors: FieldError[]): CheckResult {
  return { ok: false, errors };
}

function wrongState(f: ReviewFacts, expected: readonly ReviewState[], doing: string): CheckResult | null {
  const state = reviewState(f);
  if (expected.includes(state)) return null;
  return refuse({
    field: 'state',
    message: `You cannot ${doing} now: this review is at “${STATE_LABELS[state]}”.`,
  });
}

/**
 * Setting (or moving) the meeting date of a review not yet held. Refused: no date, or a date before the plan was
 * made. Warned: a date after the review is due (the meeting would be late), or with fewer than 14 days to give
 * notice.
 */
export function checkSchedule(
  f: ReviewFacts,
  input: { meetingDate: string | null | undefined; planFirstIssued: string; reviewDue: RuleDate | null },
  asOf: string,
): CheckResult {
  const state = wrongState(f, ['scheduled', 'arranged'], 'change the meeting date');
  if (state) return state;
  if (!input.meetingDate)
    return refuse({ field: 'meetingDate', message: 'Enter the date of the review meeting' });
  let m: number;
  try {
    m = parseDate(input.meetingDate);
  } catch {
    return refuse({ field: 'meetingDate', message: 'The date of the review meeting must be a real date' });
  }
  if (m < parseDate(input.planFirstIssued)) {
    return refuse({
      field: 'meetingDate',
      message: 'The review meeting must be after the plan was first made',
    });
  }
  const warnings: Lateness[] = [];
  if (input.reviewDue) {
    const late = lateness('decision', input.reviewDue, input.meetingDate);
    if (late) {
      warnings.push({
        ...late,
        message: `This meeting would be ${late.daysLate === 1 ? '1 day' : `${late.daysLate} days`} after the review is due (${formatLong(parseDate(input.reviewDue.date))}). ${input.reviewDue.rule} (${input.reviewDue.source}).`,
      });
    }
  }
  const noticeBy = reviewPaperworkDates(input.meetingDate).invitations;
  const moved = f.invitationsSent !== null && f.meetingDate !== input.meetingDate;
  if ((!f.invitationsSent || moved) && parseDate(noticeBy.date) < parseDate(asOf)) {
    warnings.push({
      step: 'invitations',
      due: noticeBy,
      daysLate: parseDate(asOf) - parseDate(noticeBy.date),
      // once invited, everyone is told of the new date today: the 2 weeks' notice counts from today
      message: moved
        ? `Everyone invited is told of the new date today, fewer than 2 weeks before the meeting, so they do not get the notice the law requires (it was due by ${formatLong(parseDate(noticeBy.date))}). ${noticeBy.rule} (${noticeBy.source}).`
        : `There are fewer than 2 weeks before this meeting, so the invitations cannot give the notice the law requires (they were due by ${formatLong(parseDate(noticeBy.date))}). ${noticeBy.rule} (${noticeBy.source}).`,
    });
  }
  return { ok: true, warnings };
}

/** Sending the invitations (and, when given, the advice): scheduled → arranged. */
export function checkArrange(
  f: ReviewFacts,
  input: { invitationsSent: string | null | undefined; adviceCirculated?: string | null },
  asOf: string,
): CheckResult {
  const state = wrongState(f, ['scheduled'], 'send the invitations');
  if (state) return state;
  if (!f.meetingDate) {
    return refuse({
      field: 'meetingDate',
      message: 'Set the date of the review meeting before sending invitations',
    });
  }
  const sent = dateField(input.invitationsSent, 'invitationsSent', 'the invitations were sent', asOf);
  const errors: FieldError[] = sent.ok ? [] : [sent.error];
  let advice: DateCheck | null = null;
  if (input.adviceCirculated) {
    advice = dateField(input.adviceCirculated, 'adviceCirculated', 'the advice was sent round', asOf);
    if (!advice.ok) errors.push(advice.error);
  }
  if (errors.length > 0) return refuse(...errors);
  const dates = reviewPaperworkDates(f.meetingDate);
  const warnings = [
    lateness('invitations', dates.invitations, input.invitationsSent as string),
    input.adviceCirculated
      ? lateness('adviceCirculated', dates.adviceCirculated, input.adviceCirculated)
      : null,
  ].filter((w): w is Lateness => w !== null);
  return { ok: true, warnings };
}

/** Recording the meeting as held on a day: arranged → held. */
export function checkHold(
  f: ReviewFacts,
  input: { held: string | null | undefined },
  asOf: string,
): CheckResult {
  const state = wrongState(f, ['arranged'], 'record the meeting');
  if (state) return state;
  const held = dateField(input.held, 'held', 'the meeting was held', asOf);
  if (!held.ok) return refuse(held.error);
  if (f.invitationsSent && held.day < parseDate(f.invitationsSent)) {
    return refuse({ field: 'held', message: 'The meeting cannot be before the invitations were sent' });
  }
  const dates = reviewPaperworkDates(input.held as string);
  const warnings = [
    lateness('invitations', dates.invitations, f.invitationsSent as string),
    f.adviceCirculated ? lateness('adviceCirculated', dates.adviceCirculated, f.adviceCirculated) : null,
  ].filter((w): w is Lateness => w !== null);
  return { ok: true, warnings };
}

/** Sending the review report: held → report sent; late after 2 weeks (reg 20, 21(7)). */
export function checkReport(
  f: ReviewFacts,
  input: { reportSent: string | null | undefined },
  asOf: string,
): CheckResult {
  const state = wrongState(f, ['held'], 'send the report');
  if (state) return state;
  const sent = dateField(input.reportSent, 'reportSent', 'the report was sent', asOf);
  if (!sent.ok) return refuse(sent.error);
  if (sent.day < parseDate(f.held as string)) {
    return refuse({ field: 'reportSent', message: 'The report cannot be sent before the meeting was held' });
  }
  const w = lateness('report', reviewPaperworkDates(f.held as string).report, input.reportSent as string);
  return { ok: true, warnings: w ? [w] : [] };
}

/** The authority's decision: report sent → decided; late after 4 weeks from the meeting. */
export function checkDecision(
  f: ReviewFacts,
  input: { date: string | null | undefined; outcome: string | null | undefined },
  asOf: string,
): CheckResult {
  const state = wrongState(f, ['report-sent'], 'record the decision');
  if (state) return state;
  const errors: FieldError[] = [];
  if (!input.outcome || !(input.outcome in OUTCOME_LABELS)) {
    errors.push({ field: 'outcome', message: 'Select whether to keep, amend or stop the plan' });
  }
  const sent = dateField(input.date, 'date', 'the decision was sent', asOf);
  if (!sent.ok) errors.push(sent.error);
  else if (sent.day < parseDate(f.reportSent as string)) {
    errors.push({ field: 'date', message: 'The decision cannot be sent before the review report' });
  }
  if (errors.length > 0) return refuse(...errors);
  const w = lateness('decision', reviewPaperworkDates(f.held as string).decision, input.date as string);
  return { ok: true, warnings: w ? [w] : [] };
}
