/**
 * Section 1 of the statutory clock document: each form of words the law uses for a time limit, as arithmetic on
 * day numbers. Every step's due date is built from one of these, so the wording and the sum stay side by side.
 * Working-day counts are in working-days.ts.
 */
import { addMonths, fromCivil, toCivil, type DayNumber } from './dates.ts';

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

/**
 * "the period of N months beginning (or starting) with X", by the corresponding-date rule (Dodds v Walker [1981]
 * 1 WLR 1027, HL; D5): C = X + N months; the period ends the day before C when C keeps X's day of the month, and
 * otherwise (the end month has no such day, so C was clamped to its last day) on C itself, the end month's last day.
 * 12 months beginning 2025-03-10 end 2026-03-09; beginning 2024-02-29 end 2025-02-28; 3 months beginning 2026-03-31
 * end 2026-06-30; beginning 2026-03-01 end 2026-05-31.
 */
export function periodOfMonthsBeginningWith(x: DayNumber, months: number): DayNumber {
  const c = addMonths(x, months);
  return toCivil(c).day === toCivil(x).day ? c - 1 : c;
}

/** The same rule under the wording CFA s44(1) uses ("the period of 12 months starting with"). */
export const periodOfMonthsStartingWith = periodOfMonthsBeginningWith;

/**
 * "at least N months before X": the last compliant date is X - N months, clamped to the month's end
 * (transfer 2027-01-04, 5 months → 2026-08-04; 2027-07-31 → 2027-02-28).
 */
export function atLeastMonthsBefore(x: DayNumber, months: number): DayNumber {
  return addMonths(x, -months);
}

/** "before 15 February" of year Y: the last compliant date is Y-02-14. */
export function before15February(year: number): DayNumber {
  return fromCivil(year, 2, 14);
}

/** "before 31 March" of year Y: the last compliant date is Y-03-30. */
export function before31March(year: number): DayNumber {
  return fromCivil(year, 3, 30);
}
