/**
 * Calendar-date arithmetic for the demo generator, on 'YYYY-MM-DD' strings in UTC (never the clock). Ages, year
 * groups and school years come from the one calendar (src/domain/calendar.ts), so the demo agrees with the service.
 */
import { schoolYearStart } from '../domain/calendar.ts';
import type { Random } from './random.ts';

export { schoolYearStart };

const DAY_MS = 86_400_000;

function parts(date: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`Not a date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

export function dayNumber(date: string): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOf(dayNumber(date) + days);
}

/** Adds whole years; 29 February becomes 28 February in a year that has none. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = parts(date);
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** The first and last dates of birth of children in year group N in the school year that contains `date`. */
export function birthRangeForYearGroup(yearGroupN: number, date: string): [string, string] {
  const s = schoolYearStart(date);
  return [`${s - 5 - yearGroupN}-09-01`, `${s - 4 - yearGroupN}-08-31`];
}

/** 1 September of the school year in which a child now in year `currentYear` was (or will be) in year `year`. */
export function septemberOfYearGroup(currentYear: number, year: number, today: string): string {
  return `${schoolYearStart(today) - (currentYear - year)}-09-01`;
}

/** The day EHC plans began (Children and Families Act 2014 Part 3 in force). */
export const EHC_PLANS_BEGAN = '2014-09-01';

/** A time in the working day (08:00 to 16:59 UTC, to the minute) on `date`, drawn from `rng`. */
export function timestamp(date: string, rng: Random): Date {
  return new Date(
    `${date}T${String(rng.int(8, 16)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00.000Z`,
  );
}
