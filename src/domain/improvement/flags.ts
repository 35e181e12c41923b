/**
 * The flags a milestone action raises as of a date. Pure functions over plain objects: an action's imported state
 * plus its dated progress updates. Updates dated after the as-of date are ignored, so the flags are right as of any
 * date, past or present. All dates are 'YYYY-MM-DD'.
 */
import type { Status } from './types.ts';

/** A progress update an owner posted: its date, the status it set (if any) and how much evidence it attached. */
export interface ProgressUpdate {
  date: string;
  status?: Status | undefined;
  /** The number of pieces of evidence attached (text, link, file, minutes, performance indicator). */
  evidence?: number | undefined;
}

/** What the flags need to know about an action. */
export interface TrackedAction {
  ref: string;
  start: string | null;
  end: string | null;
  ongoing: boolean;
  /** The status before any update: as imported or as created. */
  status: Status;
  updates?: readonly ProgressUpdate[] | undefined;
}

export type Flag =
  | 'overdue'
  | 'due-this-month'
  | 'no-update-six-weeks'
  | 'complete-without-evidence'
  | 'ongoing-not-updated-since-report';

export const FLAGS: readonly Flag[] = [
  'overdue',
  'due-this-month',
  'no-update-six-weeks',
  'complete-without-evidence',
  'ongoing-not-updated-since-report',
];

/** Six weeks: an action is stale when its last update is more than this many days before the as-of date. */
export const STALE_AFTER_DAYS = 42;

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function updatesAsOf(action: TrackedAction, asOf: string): ProgressUpdate[] {
  // A stable sort by date keeps same-day updates in the order they were given.
  return (action.updates ?? [])
    .filter((u) => u.date <= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The status as of a date: the latest update on or before it that set one, else the action's own status. */
export function statusAsOf(action: TrackedAction, asOf: string): Status {
  let status = action.status;
  for (const u of updatesAsOf(action, asOf)) if (u.status !== undefined) status = u.status;
  return status;
}

/** The date of the last update on or before the as-of date, or null. */
export function lastUpdateAsOf(action: TrackedAction, asOf: string): string | null {
  return updatesAsOf(action, asOf).at(-1)?.date ?? null;
}

/** Overdue: it has an end date before the as-of date, is not complete and is not ongoing. */
export function isOverdue(action: TrackedAction, asOf: string): boolean {
  return (
    action.end !== null && action.end < asOf && !action.ongoing && statusAsOf(action, asOf) !== 'complete'
  );
}

/** Due this month: its end date falls in the as-of date's calendar month and it is not complete. */
export function isDueThisMonth(action: TrackedAction, asOf: string): boolean {
  return (
    action.end !== null &&
    action.end.slice(0, 7) === asOf.slice(0, 7) &&
    statusAsOf(action, asOf) !== 'complete'
  );
}

/**
 * No update for six weeks: the action is not complete, has started (its start is on or before the as-of date, or
 * it has no start date) and either its last update is more than 42 days before the as-of date, or it has never been
 * updated and started more than 42 days before it. An action with no start date and no update is flagged: nothing
 * shows it was ever reported on.
 */
export function isStale(action: TrackedAction, asOf: string): boolean {
  if (statusAsOf(action, asOf) === 'complete') return false;
  if (action.start !== null && action.start > asOf) return false;
  const since = lastUpdateAsOf(action, asOf) ?? action.start;
  return since === null || daysBetween(since, asOf) > STALE_AFTER_DAYS;
}

/** Complete without evidence: complete as of the date, with no evidence attached by any update up to then. */
export function isCompleteWithoutEvidence(action: TrackedAction, asOf: string): boolean {
  if (statusAsOf(action, asOf) !== 'complete') return false;
  return !updatesAsOf(action, asOf).some((u) => (u.evidence ?? 0) > 0);
}

/**
 * An ongoing action with no update since the last reporting cycle: it is ongoing, not complete, and has no update
 * dated on or after the last reporting date (and on or before the as-of date). Without a last reporting date there
 * is no cycle to measure against, so nothing is flagged.
 */
export function isOngoingNotUpdated(
  action: TrackedAction,
  asOf: string,
  lastReportDate: string | null,
): boolean {
  if (lastReportDate === null || !action.ongoing || statusAsOf(action, asOf) === 'complete') return false;
  return !updatesAsOf(action, asOf).some((u) => u.date >= lastReportDate);
}

export interface FlagOptions {
  asOf: string;
  /** The date of the last report to the programme group or board, if there has been one. */
  lastReportDate?: string | null | undefined;
}

/** Every flag the action raises as of the date, in the order of FLAGS. */
export function flagsFor(action: TrackedAction, options: FlagOptions): Flag[] {
  const { asOf } = options;
  const raised: Flag[] = [];
  if (isOverdue(action, asOf)) raised.push('overdue');
  if (isDueThisMonth(action, asOf)) raised.push('due-this-month');
  if (isStale(action, asOf)) raised.push('no-update-six-weeks');
  if (isCompleteWithoutEvidence(action, asOf)) raised.push('complete-without-evidence');
  if (isOngoingNotUpdated(action, asOf, options.lastReportDate ?? null)) {
    raised.push('ongoing-not-updated-since-report');
  }
  return raised;
}
