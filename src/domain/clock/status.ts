/** Section 4 of the statutory clock document: a step's status, daysLate and daysRemaining. */
import type { DayNumber } from './dates.ts';
import type { Status } from './types.ts';

/**
 * met: completed on or before due; late: completed after due; open: not completed and asOf on or before due;
 * overdue: not completed and asOf after due.
 */
export function statusOf(due: DayNumber, completed: DayNumber | null, asOf: DayNumber): Status {
  if (completed !== null) return completed <= due ? 'met' : 'late';
  return asOf <= due ? 'open' : 'overdue';
}

/** completed - due when late, asOf - due when overdue, otherwise 0. */
export function daysLateOf(due: DayNumber, completed: DayNumber | null, asOf: DayNumber): number {
  if (completed !== null) return completed > due ? completed - due : 0;
  return asOf > due ? asOf - due : 0;
}

/** due - asOf while open, otherwise null. */
export function daysRemainingOf(due: DayNumber, completed: DayNumber | null, asOf: DayNumber): number | null {
  return completed === null && asOf <= due ? due - asOf : null;
}
