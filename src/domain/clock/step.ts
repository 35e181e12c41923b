/** Builds one output step from its dates: status, days, exception and the plain-English explanation. */
import { formatDate, type DayNumber } from './dates.ts';
import {
  exceptionsFor,
  reliefSentence,
  type PreparedException,
  type ReliefTarget,
  type Relief,
} from './exceptions.ts';
import { days, long } from './prose.ts';
import { daysLateOf, daysRemainingOf, statusOf } from './status.ts';
import type { ExceptionCheck, Owner, Period, Status, Step, Warning } from './types.ts';

/** What a timeline is being built from and into. */
export interface Context {
  readonly asOf: DayNumber;
  readonly steps: Step[];
  readonly periods: Period[];
  readonly warnings: Warning[];
  /** The recorded exceptions (section 3). */
  readonly exceptions: readonly PreparedException[];
  /** Advice request ids and the day each was asked for (null when not yet), for school closures. */
  readonly adviceRequested: ReadonlyMap<string, DayNumber | null>;
}

/** The exceptions checked against a step, and the relief from the confirmed, qualifying ones. */
export interface StepExceptions {
  readonly checks: readonly ExceptionCheck[];
  readonly relief: Relief | null;
}

const NO_CHECKS: readonly ExceptionCheck[] = Object.freeze([]);

/** Checks every recorded exception against a step whose window is [start, due] (section 3). */
export function stepExceptions(
  ctx: Context,
  target: ReliefTarget,
  adviceId: string | undefined,
  start: DayNumber,
  due: DayNumber,
  completed: DayNumber | null,
  cite: string,
): StepExceptions | null {
  if (ctx.exceptions.length === 0) return null;
  return exceptionsFor(ctx.exceptions, ctx.adviceRequested, {
    target,
    adviceId,
    start,
    due,
    completed,
    asOf: ctx.asOf,
    cite,
  });
}

export interface StepWords {
  /** What is due and why, ending with a full stop: "The council must decide by ... on 5 January 2026." */
  readonly duty: string;
  /** Past tense, without the date: "The council sent its decision". */
  readonly done: string;
  /** A full sentence for a step not done yet: "The council has not sent its decision yet." */
  readonly notDone: string;
  /** Who the exception sentence speaks of: "the council". */
  readonly actor?: string;
  /** Replaces "It is N days late." for an overdue step; given the days as words ("3 days"). */
  readonly overdue?: (late: string) => string;
  /** Anything to add at the end (a comment period, a warning, where to get advice). */
  readonly more?: string;
}

function statusSentence(
  status: Status,
  due: DayNumber,
  completed: DayNumber | null,
  asOf: DayNumber,
  words: StepWords,
): string {
  switch (status) {
    case 'met':
      return `${words.done} on ${long(completed!)}, in time.`;
    case 'late':
      return `${words.done} on ${long(completed!)}, ${days(completed! - due)} late.`;
    case 'open':
      return due === asOf
        ? `${words.notDone} Today is the last day.`
        : `${words.notDone} There ${due - asOf === 1 ? 'is' : 'are'} ${days(due - asOf)} left.`;
    case 'overdue':
      return `${words.notDone} ${words.overdue ? words.overdue(days(asOf - due)) : `It is ${days(asOf - due)} late.`}`;
  }
}

function againstTarget(status: Status, due: DayNumber, completed: DayNumber | null, asOf: DayNumber): string {
  switch (status) {
    case 'met':
      return 'Against the working target it was done in time.';
    case 'late':
      return `Against the working target it was ${days(completed! - due)} late.`;
    case 'open':
      return `Against the working target there ${due - asOf === 1 ? 'is' : 'are'} ${days(due - asOf)} left.`;
    case 'overdue':
      return `Against the working target it is ${days(asOf - due)} late.`;
  }
}

/** Adds a step to the timeline and returns it. `exceptions` come from stepExceptions over [start, due]. */
export function addStep(
  ctx: Context,
  id: string,
  owner: Owner,
  due: DayNumber,
  completed: DayNumber | null,
  rule: string,
  words: StepWords,
  exceptions: StepExceptions | null = null,
  start: DayNumber = due,
): Step {
  const relief = exceptions?.relief ?? null;
  const asOf = ctx.asOf;
  const status = statusOf(due, completed, asOf);
  let explanation = `${words.duty} ${statusSentence(status, due, completed, asOf, words)}`;
  let exception: Step['exception'] = null;
  if (relief !== null) {
    const adjustedDue = due + relief.overlapDays;
    const adjustedStatus = statusOf(adjustedDue, completed, asOf);
    exception = {
      kinds: relief.kinds,
      overlapDays: relief.overlapDays,
      adjustedDue: formatDate(adjustedDue),
      status: adjustedStatus,
    };
    explanation += ` ${reliefSentence(relief, words.actor ?? 'the council', start, due, adjustedDue)} ${againstTarget(adjustedStatus, adjustedDue, completed, asOf)}`;
  }
  if (words.more) explanation += ` ${words.more}`;
  const step: Step = {
    id,
    owner,
    due: formatDate(due),
    completed: completed === null ? null : formatDate(completed),
    status,
    daysLate: daysLateOf(due, completed, asOf),
    daysRemaining: daysRemainingOf(due, completed, asOf),
    rule,
    exception,
    exceptionChecks: exceptions?.checks ?? NO_CHECKS,
    explanation,
  };
  ctx.steps.push(step);
  return step;
}
