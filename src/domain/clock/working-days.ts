/**
 * Working days: Monday to Friday, not a bank holiday in England and Wales, and not one of the local authority's own
 * closure days. Used for the 15-working-day plan transfer rule (SEND Regulations 2014, reg 15(2)).
 * Weeks and months in the other time limits are never paused for holidays (section 1 of the clock document).
 */
import {
  BANK_HOLIDAYS_ENGLAND_AND_WALES,
  BANK_HOLIDAYS_FIRST_YEAR,
  BANK_HOLIDAYS_LAST_YEAR,
} from './bank-holidays.ts';
import { formatDate, formatLong, fromCivil, isoWeekday, parseDate, type DayNumber } from './dates.ts';

const FIRST_KNOWN = fromCivil(BANK_HOLIDAYS_FIRST_YEAR, 1, 1);
const LAST_KNOWN = fromCivil(BANK_HOLIDAYS_LAST_YEAR, 12, 31);
const BANK_HOLIDAYS: ReadonlySet<DayNumber> = new Set(
  BANK_HOLIDAYS_ENGLAND_AND_WALES.map((h) => parseDate(h.date)),
);

/** Is this day a bank holiday in England and Wales? Throws outside the years the product holds data for. */
export function isBankHoliday(day: DayNumber): boolean {
  if (day < FIRST_KNOWN || day > LAST_KNOWN) {
    throw new RangeError(
      `bank holidays are known only for ${BANK_HOLIDAYS_FIRST_YEAR} to ${BANK_HOLIDAYS_LAST_YEAR}, not ${formatDate(day)}`,
    );
  }
  return BANK_HOLIDAYS.has(day);
}

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
 * "N working days after X": count forward N days that are Monday to Friday and not a bank holiday in England and
 * Wales (nor one of `extraClosures`, the local authority's own closure days). X itself is not counted.
 */
export function addWorkingDays(date: string, n: number, extraClosures?: Iterable<string>): string {
  return formatDate(addWorkingDayNumbers(parseDate(date), n, closureSet(extraClosures)));
}

export interface PlanTransferDeadline {
  /** The last day the old authority may send the plan to the new one. */
  readonly sendBy: string;
  /** Whether the old authority knew of the move at least 15 working days before it. */
  readonly knewInTime: boolean;
  readonly rule: string;
  readonly explanation: string;
}

/**
 * SEND Regulations 2014, reg 15(2): when a child or young person with a plan moves to another local authority's
 * area on `moveDate`, the old authority must send the plan to the new one on the day of the move if it knew of the
 * move at least 15 working days before, and otherwise within 15 working days of learning of it (`learnedOn`).
 * "Knew at least 15 working days before" means counting 15 working days on from the day it learned reaches the
 * day of the move or earlier, so the answer is always the later of the move and learnedOn + 15 working days.
 */
export function planTransferSendBy(
  moveDate: string,
  learnedOn: string,
  extraClosures?: Iterable<string>,
): PlanTransferDeadline {
  const move = parseDate(moveDate);
  const learned = parseDate(learnedOn);
  const fifteen = addWorkingDayNumbers(learned, 15, closureSet(extraClosures));
  const knewInTime = fifteen <= move;
  const sendBy = knewInTime ? move : fifteen;
  const explanation = knewInTime
    ? `The old council knew about the move on ${formatLong(learned)}, at least 15 working days before the move on ${formatLong(move)}, so it must send the plan to the new council on the day of the move, ${formatLong(move)}.`
    : `The old council learned about the move on ${formatLong(learned)}, less than 15 working days before the move on ${formatLong(move)}, so it must send the plan to the new council within 15 working days of learning about it: by ${formatLong(sendBy)}. Weekends and bank holidays do not count as working days.`;
  return {
    sendBy: formatDate(sendBy),
    knewInTime,
    rule: 'SEND Regulations 2014, reg 15(2): send the plan on the day of the move, or within 15 working days of learning of it',
    explanation,
  };
}
