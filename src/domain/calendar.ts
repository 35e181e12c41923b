/**
 * The one calendar for code outside the statutory clock: dates are 'YYYY-MM-DD' strings, and every rule here is the
 * clock's exact day arithmetic (./clock/dates.ts) or the one school-year rule (./school-year.ts), never `Date`.
 * Web forms, views, the demo and features use this module, so a change to either rule reaches them all.
 */
import { formatLong, isIsoDate, parseDate } from './clock/dates.ts';
import { schoolYearStartOf } from './school-year.ts';

export { daysInMonth, isLeapYear, parseDate, tryParseDate, type DayNumber } from './clock/dates.ts';
export { ageOn, yearGroupOn, yearGroupName } from './school-year.ts';

/** Whether a string is exactly 'YYYY-MM-DD' and names a day that exists (no 30 February). */
export function isRealDate(value: string): boolean {
  return isIsoDate(value);
}

/** A 'YYYY-MM-DD' date as people write it: '16 February 2026'. */
export function longDate(iso: string): string {
  return formatLong(parseDate(iso));
}

/** The calendar year in which the school year containing a 'YYYY-MM-DD' date began (1 September). */
export function schoolYearStart(iso: string): number {
  return schoolYearStartOf(parseDate(iso));
}
