/**
 * Working days: Monday to Friday except a bank holiday in England and Wales (Christmas Day and Good Friday are in
 * the list), and, for a local authority's own counts, not one of its closure days. Used for "N working days" in
 * the Regulations (reg 15(2) plan transfers, mediation) and for the Tribunal's own time rule (HESC r12), which
 * never uses a local authority's closure days. Weeks and months in the other time limits are never paused for
 * holidays (section 1 of the clock document).
 */
import {
  BANK_HOLIDAYS_ENGLAND_AND_WALES,
  BANK_HOLIDAYS_FIRST_YEAR,
  BANK_HOLIDAYS_LAST_YEAR,
} from './bank-holidays.ts';
import {
  formatDate,
  formatLong,
  fromCivil,
  isoWeekday,
  parseDate,
  toCivil,
  type DayNumber,
} from './dates.ts';

/** The first and last days the product knows bank holidays for. */
export const WORKING_DAYS_FIRST_KNOWN: DayNumber = fromCivil(BANK_HOLIDAYS_FIRST_YEAR, 1, 1);
export const WORKING_DAYS_LAST_KNOWN: DayNumber = fromCivil(BANK_HOLIDAYS_LAST_YEAR, 12, 31);
const BANK_HOLIDAYS: ReadonlySet<DayNumber> = new Set(
  BANK_HOLIDAYS_ENGLAND_AND_WALES.map((h) => parseDate(h.date)),
);

/** Is this day a bank holiday in England and Wales? Throws outside the years the product holds data for. */
export function isBankHoliday(day: DayNumber): boolean {
  if (day < WORKING_DAYS_FIRST_KNOWN || day > WORKING_DAYS_LAST_KNOWN) {
    throw new RangeError(
      `bank holidays are known only for ${BANK_HOLIDAYS_FIRST_YEAR} to ${BANK_HOLIDAYS_LAST_YEAR}, not ${formatDate(day)}`,
    );
  }
  return BANK_HOLIDAYS.has(day);
}

/** Monday to Friday, not a bank holiday in England and Wales, and not one of `closures` (day numbers). */
export function isWorkingDay(day: DayNumber, closures?: ReadonlySet<DayNumber>): boolean {
  const weekday = isoWeekday(day);
  if (weekday > 5) return false;
  if (isBankHoliday(day)) return false;
  return closures === undefined || !closures.has(day);
}

/** Day numbers of a local authority's own closure days, given as 'YYYY-MM-DD'. */
export function closureSet(closures: Iterable<string> | undefined): ReadonlySet<DayNumber> | undefined {
  if (closures === undefined) return undefined;
  const set = new Set<DayNumber>();
  for (const c of closures) set.add(parseDate(c));
  return set;
}

/** The day itself when it is a working day, otherwise the next working day. */
export function firstWorkingDayOnOrAfter(day: DayNumber, closures?: ReadonlySet<DayNumber>): DayNumber {
  let d = day;
  while (!isWorkingDay(d, closures)) d += 1;
  return d;
}

/** "N working days after X" on day numbers: the Nth working day counting forward from the day after X. */
export function addWorkingDayNumbers(
  start: DayNumber,
  n: number,
  closures?: ReadonlySet<DayNumber>,
): DayNumber {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`working days must be a whole number 0 or more, not ${n}`);
  let day = start;
  let left = n;
  while (left > 0) {
    day += 1;
    if (isWorkingDay(day, closures)) left -= 1;
  }
  return day;
}

/**
 * "within N working days beginning with X" on day numbers (D6): X is day 1 when it is a working day, otherwise the
 * next working day is; the last day is day N. Monday 2026-03-02, 15 working days → 2026-03-20.
 */
export function workingDaysBeginningWith(
  x: DayNumber,
  n: number,
  closures?: ReadonlySet<DayNumber>,
): DayNumber {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`working days must be a whole number 1 or more, not ${n}`);
  return addWorkingDayNumbers(firstWorkingDayOnOrAfter(x, closures), n - 1, closures);
}

/**
 * "N working days after X": count forward N days that are Monday to Friday and not a bank holiday in England and
 * Wales (nor one of `extraClosures`, the local authority's own closure days). X itself is not counted.
 */
export function addWorkingDays(date: string, n: number, extraClosures?: Iterable<string>): string {
  return formatDate(addWorkingDayNumbers(parseDate(date), n, closureSet(extraClosures)));
}

/**
 * "within N working days beginning with X" (D6): X is day 1 when it is a working day (otherwise the next working
 * day is), and the last day is day N. Local authority closure days may be added for the authority's own counts.
 */
export function withinWorkingDaysBeginningWith(
  date: string,
  n: number,
  extraClosures?: Iterable<string>,
): string {
  return formatDate(workingDaysBeginningWith(parseDate(date), n, closureSet(extraClosures)));
}

/** Why the Tribunal's rule 12 moved a last day, or null when it did not. */
export type TribunalMove = 'august' | 'christmas' | 'non-working-day' | null;

/**
 * HESC Rules 2008 r12 for the time to start special educational needs proceedings (D1), given the outer date L from
 * r20(1)(c): if L falls on 25 December to 1 January inclusive, or on any day in August, the last day is the first
 * working day after 1 January or 31 August (r12(3)(a)); otherwise, if L is not a working day, the next working day
 * (r12(2)). Working days here are the statutory ones (Christmas Day, Good Friday and bank holidays are not); a local
 * authority's own closure days never count. The result is never earlier than L.
 */
export function tribunalLastDay(l: DayNumber): { last: DayNumber; moved: TribunalMove } {
  const { year, month, day } = toCivil(l);
  if (month === 8) return { last: firstWorkingDayOnOrAfter(fromCivil(year, 9, 1)), moved: 'august' };
  if (month === 12 && day >= 25) {
    return { last: firstWorkingDayOnOrAfter(fromCivil(year + 1, 1, 2)), moved: 'christmas' };
  }
  if (month === 1 && day === 1) {
    return { last: firstWorkingDayOnOrAfter(fromCivil(year, 1, 2)), moved: 'christmas' };
  }
  const last = firstWorkingDayOnOrAfter(l);
  return { last, moved: last === l ? null : 'non-working-day' };
}

export interface PlanTransferDeadline {
  /** The last day the old authority may send the plan to the new one. */
  readonly sendBy: string;
  /** Whether the old authority knew of the move at least 15 working days before it. */
  readonly knewInTime: boolean;
  readonly rule: string;
  readonly source: string;
  readonly explanation: string;
}

export const PLAN_TRANSFER_RULE =
  'SEND Regulations 2014, reg 15(2): send the plan on the day of the move if the old council knew of it at least 15 working days before; otherwise within 15 working days beginning with the day it learned of it';

/**
 * SEND Regulations 2014, reg 15(2) (D6): when a child or young person with a plan moves to another local authority's
 * area on `moveDate`, the old authority must transfer the plan on the day of the move if it became aware of the move
 * at least 15 working days before it, and otherwise within 15 working days beginning with the day it became aware
 * (`learnedOn`, day 1 when it is a working day). "At least 15 working days before" is read on the same count: the
 * 15 working days beginning with the day it learned all fall before the move. So the send-by date is the later of
 * the move and the 15th working day beginning with the day it learned (learned Monday 2026-03-02, move 2026-03-10
 * → 2026-03-20; learned Saturday 2026-03-07 → the 15th working day is 2026-03-27).
 */
export function planTransferSendBy(
  moveDate: string,
  learnedOn: string,
  extraClosures?: Iterable<string>,
): PlanTransferDeadline {
  const move = parseDate(moveDate);
  const learned = parseDate(learnedOn);
  const fifteenth = workingDaysBeginningWith(learned, 15, closureSet(extraClosures));
  const knewInTime = fifteenth < move;
  const sendBy = knewInTime ? move : fifteenth;
  const explanation = knewInTime
    ? `The old council knew about the move on ${formatLong(learned)}, at least 15 working days before the move on ${formatLong(move)}, so it must send the plan to the new council on the day of the move, ${formatLong(move)}.`
    : `The old council learned about the move on ${formatLong(learned)}, less than 15 working days before the move on ${formatLong(move)}, so it must send the plan to the new council within 15 working days counting the day it learned (or the next working day) as the first: by ${formatLong(sendBy)}. Weekends and bank holidays are not working days.`;
  return {
    sendBy: formatDate(sendBy),
    knewInTime,
    rule: PLAN_TRANSFER_RULE,
    source: 'SEND Regulations 2014, reg 15(2)',
    explanation,
  };
}
