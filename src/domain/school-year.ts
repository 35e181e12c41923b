/**
 * School years in England (section 2.3 of the statutory clock document): the National Curriculum year group of a
 * child on any date, and whether the child moves to a new phase next September, which fixes the statutory
 * phase-transfer deadline (SEND Regulations 2014, reg 18(1)).
 */
import { before15February, before31March } from './clock/counting.ts';
import { formatDate, parseDate, toCivil, type DayNumber } from './clock/dates.ts';
import type { PhaseTransferKind } from './clock/types.ts';

/** The calendar year S in which the school year containing this day started (school years start on 1 September). */
export function schoolYearStartOf(day: DayNumber): number {
  const { year, month } = toCivil(day);
  return month >= 9 ? year : year - 1;
}

/**
 * The National Curriculum year group, in the school year starting 1 September S, of a child born on dateOfBirth:
 * born between 1 September (S - 5 - N) and 31 August (S - 4 - N) means year N. Reception is 0; nursery and younger
 * are negative (-1 is the year before Reception); young people past Year 13 carry on counting (14, 15, ...).
 */
export function yearGroupInSchoolYear(dateOfBirth: string, schoolYearStart: number): number {
  return schoolYearStart - 5 - schoolYearStartOf(parseDate(dateOfBirth));
}

/** The year group on a given date ('YYYY-MM-DD'). */
export function yearGroupOn(dateOfBirth: string, on: string): number {
  return yearGroupInSchoolYear(dateOfBirth, schoolYearStartOf(parseDate(on)));
}

/** 'Nursery (year -1)', 'Reception', 'Year 6'. */
export function yearGroupName(yearGroup: number): string {
  if (yearGroup === 0) return 'Reception';
  if (yearGroup < 0) return `Nursery (year ${yearGroup})`;
  return `Year ${yearGroup}`;
}

/** A setting's age range as National Curriculum year groups: a primary school is 0 to 6, a middle school 5 to 8. */
export interface SettingYears {
  readonly firstYear: number;
  readonly lastYear: number;
}

export interface PhaseTransferCheck {
  /** Whether the child is in the setting's last year group, and so moves to a new setting next September. */
  readonly transfers: boolean;
  /** The calendar year of the move (the September after the current school year starts). */
  readonly moveYear: number;
  /**
   * `school` (before 15 February) or `post-16` (before 31 March, secondary school to a post-16 institution); null
   * when there is no move, or when the move is between post-16 institutions, which reg 18(1) gives no fixed date.
   */
  readonly kind: PhaseTransferKind | null;
  /** The last compliant date for the amended plan naming the new setting, or null. */
  readonly deadline: string | null;
}

/**
 * Given a child's year group in the school year starting 1 September `schoolYearStart` and their setting's first
 * and last year groups: a child in the setting's last year group moves next September. The move is `post-16` when
 * it takes a pupil from a school (a setting that starts before Year 12) into Year 12 or beyond, and `school`
 * otherwise (early years to school, infant to junior, first to middle, primary or middle to secondary).
 */
export function phaseTransferCheck(
  yearGroup: number,
  setting: SettingYears,
  schoolYearStart: number,
): PhaseTransferCheck {
  if (
    !Number.isInteger(setting.firstYear) ||
    !Number.isInteger(setting.lastYear) ||
    setting.firstYear > setting.lastYear
  ) {
    throw new RangeError(
      `a setting's first year group must not be after its last (${setting.firstYear} to ${setting.lastYear})`,
    );
  }
  if (yearGroup < setting.firstYear || yearGroup > setting.lastYear) {
    throw new RangeError(
      `year group ${yearGroup} is outside the setting's years ${setting.firstYear} to ${setting.lastYear}`,
    );
  }
  const moveYear = schoolYearStart + 1;
  if (yearGroup !== setting.lastYear) return { transfers: false, moveYear, kind: null, deadline: null };
  if (setting.firstYear >= 12) return { transfers: true, moveYear, kind: null, deadline: null };
  const kind: PhaseTransferKind = yearGroup + 1 >= 12 ? 'post-16' : 'school';
  const deadline = kind === 'post-16' ? before31March(moveYear) : before15February(moveYear);
  return { transfers: true, moveYear, kind, deadline: formatDate(deadline) };
}

/** The same check from a date of birth, on a given date. */
export function phaseTransferOn(dateOfBirth: string, setting: SettingYears, on: string): PhaseTransferCheck {
  const s = schoolYearStartOf(parseDate(on));
  return phaseTransferCheck(yearGroupInSchoolYear(dateOfBirth, s), setting, s);
}

/** Whole years of age on a date; someone born on 29 February turns a year older on 1 March in other years. */
export function ageOn(dateOfBirth: string, on: string): number {
  const b = toCivil(parseDate(dateOfBirth));
  const d = toCivil(parseDate(on));
  const hadBirthday = d.month > b.month || (d.month === b.month && d.day >= b.day);
  return d.year - b.year - (hadBirthday ? 0 : 1);
}
