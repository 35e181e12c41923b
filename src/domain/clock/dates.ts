/**
 * Calendar dates as integer day numbers (days since 1970-01-01), with 'YYYY-MM-DD' strings only at the edges.
 * There are no times and no time zones: a day number is a civil date in the proleptic Gregorian calendar, so the
 * arithmetic cannot drift by a day the way `new Date('2026-03-29')` in a local time zone can.
 * The conversions are Howard Hinnant's days_from_civil / civil_from_days algorithms.
 */

/** Days since 1970-01-01 (which is day 0, a Thursday). */
export type DayNumber = number;

/** The months' English names, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The day number of a civil date. The month is 1-12 and the day 1-31; they are not checked here. */
export function fromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The year, month (1-12) and day of a day number. */
export function toCivil(dayNumber: DayNumber): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * The day number of a 'YYYY-MM-DD' string, or NaN when the string is not exactly that shape or names a day that
 * does not exist (2026-02-30, 2025-02-29).
 */
export function tryParseDate(s: string): DayNumber {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  const y0 = digit(s, 0);
  const y1 = digit(s, 1);
  const y2 = digit(s, 2);
  const y3 = digit(s, 3);
  const m0 = digit(s, 5);
  const m1 = digit(s, 6);
  const d0 = digit(s, 8);
  const d1 = digit(s, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return NaN;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return fromCivil(year, month, day);
}

export function isIsoDate(s: string): boolean {
  return !Number.isNaN(tryParseDate(s));
}

/** The day number of a 'YYYY-MM-DD' string; throws a RangeError for anything else. */
export function parseDate(s: string): DayNumber {
  const d = tryParseDate(s);
  if (Number.isNaN(d)) throw new RangeError(`not a date: ${JSON.stringify(s)}`);
  return d;
}

// Formatting is the hot path of a timeline (every step prints several dates), so formatted dates are cached by
// day number for 1900-01-01 to 2199-12-31 and computed on demand outside that range.
const CACHE_FIRST = fromCivil(1900, 1, 1);
const CACHE_LAST = fromCivil(2199, 12, 31);
const isoCache: (string | undefined)[] = [];
const longCache: (string | undefined)[] = [];

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function isoOf(dayNumber: DayNumber): string {
  const { year, month, day } = toCivil(dayNumber);
  const y = year < 1000 ? String(year).padStart(4, '0') : String(year);
  return `${y}-${pad2(month)}-${pad2(day)}`;
}

function longOf(dayNumber: DayNumber): string {
  const { year, month, day } = toCivil(dayNumber);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** 'YYYY-MM-DD'. */
export function formatDate(dayNumber: DayNumber): string {
  if (dayNumber < CACHE_FIRST || dayNumber > CACHE_LAST) return isoOf(dayNumber);
  const i = dayNumber - CACHE_FIRST;
  return (isoCache[i] ??= isoOf(dayNumber));
}

/** The date as people write it: '16 February 2026'. */
export function formatLong(dayNumber: DayNumber): string {
  if (dayNumber < CACHE_FIRST || dayNumber > CACHE_LAST) return longOf(dayNumber);
  const i = dayNumber - CACHE_FIRST;
  return (longCache[i] ??= longOf(dayNumber));
}

export function addDays(dayNumber: DayNumber, days: number): DayNumber {
  return dayNumber + days;
}

/**
 * Adds whole calendar months, keeping the day of the month and clamping to the month's last day when that day does
 * not exist: 2024-01-31 + 1 month = 2024-02-29; 2024-02-29 + 12 months = 2025-02-28.
 */
export function addMonths(dayNumber: DayNumber, months: number): DayNumber {
  const { year, month, day } = toCivil(dayNumber);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return fromCivil(y, m, Math.min(day, daysInMonth(y, m)));
}

/** ISO day of the week: Monday = 1 ... Sunday = 7. */
export function isoWeekday(dayNumber: DayNumber): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

export function yearOf(dayNumber: DayNumber): number {
  return toCivil(dayNumber).year;
}
