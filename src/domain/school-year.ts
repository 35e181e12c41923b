/**
 * School years in England (section 2.3 of the statutory clock document): the National Curriculum year group of a
 * child on any date, and whether the child moves to a new phase next September, which fixes the statutory
 * phase-transfer deadline (SEND Regulations 2014, reg 18(1)).
 */
import { atLeastMonthsBefore, before15February, before31March } from './clock/counting.ts';
import { formatDate, fromCivil, parseDate, toCivil, type DayNumber } from './clock/dates.ts';
import { day, ruleDate, type RuleDate } from './clock/rules/rule-date.ts';
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

/**
 * The year group in words, as a family or a school says it: 'Nursery', 'Reception', 'Year 6'; younger than nursery,
 * 'Early years (2 years before Reception)'; past Year 13, 'Post-16 (2 years after Year 13)'. Never 'Year -1' or
 * 'Year 18' (the walk-through's finding).
 */
export function yearGroupName(yearGroup: number): string {
  if (yearGroup === 0) return 'Reception';
  if (yearGroup === -1) return 'Nursery';
  if (yearGroup < -1) return `Early years (${-yearGroup} years before Reception)`;
  if (yearGroup > 13) {
    const after = yearGroup - 13;
    return `Post-16 (${after} ${after === 1 ? 'year' : 'years'} after Year 13)`;
  }
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
   * when there is no move, or when the move is between post-16 institutions, which reg 18(1) gives no fixed date
   * (phaseTransferFor handles reg 18(2) moves, with a date).
   */
  readonly kind: Exclude<PhaseTransferKind, 'post-16-move'> | null;
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
  const kind = yearGroup + 1 >= 12 ? 'post-16' : 'school';
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

/** What kind of setting a child is in: a school (including special, middle and all-through schools and sixth forms),
 * an early years setting, or a post-16 institution (a further education or sixth form college). */
export type SettingKind = 'early-years' | 'school' | 'post-16-institution';

/** Where the child goes next, when known: a school (not its sixth form), another school's sixth form, or a post-16
 * institution. */
export type Destination = 'school' | 'school-sixth-form' | 'post-16-institution';

export interface PhaseTransferPlan {
  /** The child's National Curriculum year group in the school year containing `on`. */
  readonly yearGroup: number;
  /** The calendar year of the move (for reg 18(1), the September after this school year starts). */
  readonly moveYear: number;
  /** Whether the child leaves the setting at the end of this school year (or on the move date given). */
  readonly transfers: boolean;
  /** Whether the plan must be reviewed and amended by a statutory deadline (reg 18): the child is in this cohort. */
  readonly inCohort: boolean;
  /** reg 18(1) `school` or `post-16`, reg 18(2) `post-16-move`, or null (no statutory phase transfer). */
  readonly kind: PhaseTransferKind | null;
  /** The last day to issue the amended plan naming the new setting; null with no statutory deadline. */
  readonly deadline: RuleDate | null;
  /** deadline - 15 days: the last day to send the proposed amendments so the 15 days for comments end before it. */
  readonly latestProposal: RuleDate | null;
  /** The day the schools consulted should answer by, so their answers can be considered with the proposal. */
  readonly consultationResponsesBy: RuleDate | null;
  /** The earliest day a review counts as the phase-transfer review: within the 12 months before the move. */
  readonly reviewFrom: RuleDate | null;
  /** What this means, in words: "Moves to secondary school in September 2026". */
  readonly label: string;
}

const REG_18_1 = 'SEND Regulations 2014, reg 18(1)';

/**
 * S2 (statutory-work.md): whether a child with a plan is in this year's phase-transfer cohort, from the date of
 * birth, the setting's age range and, when known, the destination or (between post-16 institutions) the move date;
 * and the legal deadline with the planning dates. In the school year containing `on`:
 * - a child in the setting's last year group moves next September; a school's own sixth form is not a move (an
 *   11-18 school keeps its Year 11s), and all-through and special schools move children only at their last year;
 * - from a school into Year 12 or beyond, to a post-16 institution (or destination unknown): before 31 March
 *   (reg 18(1)(a)); to another school's sixth form: "not a statutory phase transfer — local deadline" (a school is
 *   not a post-16 institution [U: CFA s83]);
 * - any other move between phases (early years to school, infant to junior, first to middle, primary or middle to
 *   secondary): before 15 February (reg 18(1)(b));
 * - between post-16 institutions on a given date: at least 5 months before it (reg 18(2)).
 * Child born 2015-03-01 at a 0-6 primary on 2025-10-01 → transfer 2026, deadline 2026-02-14.
 */
export function phaseTransferFor(input: {
  dateOfBirth: string;
  on: string;
  setting: SettingYears & { kind?: SettingKind | null };
  destination?: Destination | null;
  moveDate?: string | null;
}): PhaseTransferPlan {
  const { setting } = input;
  const s = schoolYearStartOf(day(input.on, 'on'));
  const yearGroup = yearGroupInSchoolYear(input.dateOfBirth, s);
  const base = phaseTransferCheck(yearGroup, setting, s);
  const settingKind: SettingKind =
    setting.kind ??
    (setting.firstYear >= 12 ? 'post-16-institution' : setting.lastYear < 0 ? 'early-years' : 'school');
  const move = input.moveDate ? day(input.moveDate, 'moveDate') : null;
  const none = (transfers: boolean, moveYear: number, label: string): PhaseTransferPlan => ({
    yearGroup,
    moveYear,
    transfers,
    inCohort: false,
    kind: null,
    deadline: null,
    latestProposal: null,
    consultationResponsesBy: null,
    reviewFrom: null,
    label,
  });

  if (settingKind === 'post-16-institution') {
    if (move !== null) {
      const deadline = ruleDate(
        atLeastMonthsBefore(move, 5),
        'Review the plan and amend it to name the new post-16 institution at least 5 months before the move',
        'SEND Regulations 2014, reg 18(2)',
      );
      return planned(
        yearGroup,
        toCivil(move).year,
        'post-16-move',
        deadline,
        move,
        `Moves to another post-16 institution on ${formatDate(move)}`,
      );
    }
    return none(
      base.transfers,
      base.moveYear,
      base.transfers
        ? 'Leaves the post-16 institution: reg 18(1) sets no date; give the move date if another post-16 institution follows (reg 18(2))'
        : 'Not moving this year',
    );
  }
  if (!base.transfers) return none(false, base.moveYear, 'Not moving this year');
  const september = fromCivil(base.moveYear, 9, 1);
  if (base.kind === 'post-16' && input.destination === 'school-sixth-form') {
    return none(
      true,
      base.moveYear,
      'Moves to another school’s sixth form: not a statutory phase transfer — local deadline (a school is not a post-16 institution)',
    );
  }
  if (base.kind === 'post-16') {
    return planned(
      yearGroup,
      base.moveYear,
      'post-16',
      ruleDate(
        before31March(base.moveYear),
        `Review the plan and amend it to name the post-16 institution before 31 March ${base.moveYear}`,
        `${REG_18_1}(a)`,
      ),
      move ?? september,
      `Moves from secondary school to a post-16 institution in ${base.moveYear}`,
    );
  }
  return planned(
    yearGroup,
    base.moveYear,
    'school',
    ruleDate(
      before15February(base.moveYear),
      `Review the plan and amend it to name the new school before 15 February ${base.moveYear}`,
      `${REG_18_1}(b)`,
    ),
    move ?? september,
    `Moves to a new phase of education (${yearGroupName(yearGroup + 1)}) in September ${base.moveYear}`,
  );
}

function planned(
  yearGroup: number,
  moveYear: number,
  kind: PhaseTransferKind,
  deadline: RuleDate,
  move: DayNumber,
  label: string,
): PhaseTransferPlan {
  const d = parseDate(deadline.date);
  return {
    yearGroup,
    moveYear,
    transfers: true,
    inCohort: true,
    kind,
    deadline,
    latestProposal: ruleDate(
      d - 15,
      'Send the proposed amendments by this day, so the family’s 15 days for comments end before the deadline',
      'SEND Regulations 2014, reg 22(2)(c) with reg 18',
    ),
    consultationResponsesBy: ruleDate(
      d - 15,
      'Ask the schools or colleges consulted to answer by the day the proposed amendments go out, so their answers can be considered',
      'Children and Families Act 2014, s39 [S]; SEND Code of Practice 9.83 [S]',
      { statutory: false },
    ),
    reviewFrom: ruleDate(
      atLeastMonthsBefore(move, 12),
      'The phase-transfer review must be held within the 12 months before the move',
      'SEND Regulations 2014, reg 18',
    ),
    label,
  };
}
