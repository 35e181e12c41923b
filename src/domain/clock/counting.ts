/**
 * Section 1 of the statutory clock document: each form of words the law uses for a time limit, as arithmetic on
 * day numbers. Every step's due date is built from one of these, so the wording and the sum stay side by side.
 */
import { addMonths, fromCivil, type DayNumber } from './dates.ts';

/** "within N weeks of X": the last compliant date is X + 7N days. */
export function withinWeeks(x: DayNumber, weeks: number): DayNumber {
  return x + 7 * weeks;
}

/** "a period of N days beginning with X": the period's last day is X + N - 1. */
export function periodOfDaysBeginningWith(x: DayNumber, days: number): DayNumber {
  return x + days - 1;
}

/** "within N months of X": the last compliant date is X + N months (clamped to the month's end). */
export function withinMonths(x: DayNumber, months: number): DayNumber {
  return addMonths(x, months);
}

/** "the period of N months starting with X": the last compliant date is (X + N months) - 1 day. */
export function periodOfMonthsStartingWith(x: DayNumber, months: number): DayNumber {
  return addMonths(x, months) - 1;
}

/** "before 15 February" of year Y: the last compliant date is Y-02-14. */
export function before15February(year: number): DayNumber {
  return fromCivil(year, 2, 14);
}

/** "before 31 March" of year Y: the last compliant date is Y-03-30. */
export function before31March(year: number): DayNumber {
  return fromCivil(year, 3, 30);
}
