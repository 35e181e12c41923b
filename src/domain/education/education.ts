/**
 * Children not in full-time education (statutory-work.md S4): the episodes a caseworker records (suspensions,
 * permanent exclusions, part-time timetables, children missing education, elective home education), when one is
 * open, which ones require the plan to be reviewed (reg 29(2) for a child under 18, reg 30 for a young person of 18
 * or over), when that review is due (the product's 4 weeks), and the authority's duty under the Education Act 1996
 * s19 with the day it starts. Pure: the feature passes the facts in; every date comes with its rule and source.
 */
import { formatDate, fromCivil, isLeapYear, isoWeekday, parseDate, toCivil } from '../clock/dates.ts';
import {
  ASSUMPTIONS,
  fullTimeProvisionFrom,
  notInEducationReviewBy,
  schoolDaysBeginningWith,
  type RuleDate,
} from '../clock/index.ts';
import { ageOn, schoolYearStartOf } from '../school-year.ts';

export const EPISODE_KINDS = [
  'suspension',
  'permanent-exclusion',
  'part-time-timetable',
  'missing-education',
  'home-education',
] as const;
export type EpisodeKind = (typeof EPISODE_KINDS)[number];

export const EPISODE_KIND_LABELS: Record<EpisodeKind, string> = {
  suspension: 'Suspension',
  'permanent-exclusion': 'Permanent exclusion',
  'part-time-timetable': 'Part-time timetable',
  'missing-education': 'Child missing education',
  'home-education': 'Elective home education',
};

/**
 * The episodes that mean a child is not in full-time education and that require the plan to be reviewed (S4). A
 * suspension does not: the child stays on the school's roll and the school arranges education from its sixth day.
 */
export const QUALIFYING_KINDS: readonly EpisodeKind[] = [
  'permanent-exclusion',
  'part-time-timetable',
  'missing-education',
  'home-education',
];

/** A suspension is at most 45 school days in a school year (School Discipline (England) Regulations 2012 [S]). */
export const MAX_SUSPENSION_DAYS = 45;

/** A week at school: 32.5 hours is the DfE's minimum expectation for a mainstream school week since 2024 [S]. */
export const FULL_TIME_HOURS = 32.5;

export interface EpisodeFacts {
  readonly kind: EpisodeKind;
  /** Suspension: its first day; permanent exclusion: its date; timetable: start; CME: referral; EHE: start. */
  readonly start: string;
  /** The day it ended (the child back in full-time education), or null while it lasts. Not used for suspensions. */
  readonly end: string | null;
  /** A suspension's length in school days. */
  readonly days?: number | null;
}

/** The last school day of a suspension: its `days`th school day, its first day being day 1 (working days: [U]). */
export function suspensionLastDay(start: string, days: number): string {
  return schoolDaysBeginningWith(start, days);
}

/** The last day an episode covers, or null while it is open-ended. */
export function episodeLastDay(e: EpisodeFacts): string | null {
  if (e.kind === 'suspension') return e.days ? suspensionLastDay(e.start, e.days) : e.start;
  return e.end;
}

/** Whether the episode covers `asOf`: it has started and has not ended before that day. */
export function isOpenOn(e: EpisodeFacts, asOf: string): boolean {
  const last = episodeLastDay(e);
  return e.start <= asOf && (last === null || last >= asOf);
}

/** Whether the episode is open now or still to come (recorded ahead of its start): not ended before `asOf`. */
export function isCurrentOrComing(e: EpisodeFacts, asOf: string): boolean {
  const last = episodeLastDay(e);
  return last === null || last >= asOf;
}

export interface ChildFacts {
  readonly dateOfBirth: string;
  /** Whether the child has an EHC plan the authority maintains. */
  readonly hasPlan: boolean;
}

export type ReviewRegulation = 'reg-29-2' | 'reg-30';

export interface ReviewDuty {
  readonly regulation: ReviewRegulation;
  /** "Review the plan (reg 29(2))" or "(reg 30)". */
  readonly title: string;
  /** Why, in a sentence a family can read. */
  readonly reason: string;
  /** The product's 4-week target from the day the episode was recorded (not a legal time limit). */
  readonly due: RuleDate;
}

const REVIEW_TITLES: Record<ReviewRegulation, string> = {
  'reg-29-2': 'Review the plan (reg 29(2))',
  'reg-30': 'Review the plan (reg 30)',
};

const WHY: Record<EpisodeKind, string> = {
  suspension: 'has been suspended from school',
  'permanent-exclusion': 'has been permanently excluded from school',
  'part-time-timetable': 'is on a part-time timetable',
  'missing-education': 'is missing education',
  'home-education': 'is being educated at home',
};

/**
 * Whether an episode requires the plan to be reviewed, and by when. A qualifying episode (QUALIFYING_KINDS) that
 * has not ended before `recordedOn`, for a child with a plan: reg 29(2) when the child is under 18 on that day
 * (review and amend the plan so it secures education or training), reg 30 at 18 or over (review the plan of a young
 * person no longer in education or training). Due 4 weeks from the day it was recorded: the product's target.
 * Null when no review is required.
 */
export function reviewDutyFor(child: ChildFacts, e: EpisodeFacts, recordedOn: string): ReviewDuty | null {
  if (!child.hasPlan || !QUALIFYING_KINDS.includes(e.kind) || !isCurrentOrComing(e, recordedOn)) return null;
  const regulation: ReviewRegulation = ageOn(child.dateOfBirth, recordedOn) < 18 ? 'reg-29-2' : 'reg-30';
  const target = notInEducationReviewBy(recordedOn);
  const due: RuleDate =
    regulation === 'reg-29-2'
      ? target
      : {
          ...target,
          rule: 'Product target, not a legal time limit: review the plan of a young person aged 18 or over who is no longer in education or training within 4 weeks, and decide whether to amend or cease it',
          source: 'SEND Regulations 2014, reg 30 (the duty; the 4 weeks are the product’s target)',
        };
  const who = regulation === 'reg-29-2' ? 'Your child' : 'The young person';
  return {
    regulation,
    title: REVIEW_TITLES[regulation],
    reason: `${who} ${WHY[e.kind]}, so the council must review the education, health and care plan to make sure it secures suitable education or training.`,
    due,
  };
}

/**
 * The first day of compulsory school age: the prescribed day (31 August, 31 December or 31 March) on or after the
 * fifth birthday (Education Act 1996 s8; Education (Start of Compulsory School Age) Order 1998 [S]).
 */
export function compulsorySchoolAgeFrom(dateOfBirth: string): string {
  const b = toCivil(parseDate(dateOfBirth));
  const year = b.year + 5;
  // someone born on 29 February turns five on 1 March when the year has no 29 February (as ageOn reads it)
  const fifth =
    b.month === 2 && b.day === 29 && !isLeapYear(year)
      ? fromCivil(year, 3, 1)
      : fromCivil(year, b.month, b.day);
  const candidates = [
    fromCivil(year, 3, 31),
    fromCivil(year, 8, 31),
    fromCivil(year, 12, 31),
    fromCivil(year + 1, 3, 31),
  ];
  return formatDate(candidates.find((d) => d >= fifth)!);
}

/**
 * The last day of compulsory school age: the school leaving date, the last Friday in June of the school year in
 * which the child turns 16 (Education Act 1996 s8(3)-(4); Education (School Leaving Date) Order 1997 [S]).
 */
export function compulsorySchoolAgeTo(dateOfBirth: string): string {
  const b = toCivil(parseDate(dateOfBirth));
  const sixteenth =
    b.month === 2 && b.day === 29 && !isLeapYear(b.year + 16)
      ? fromCivil(b.year + 16, 3, 1)
      : fromCivil(b.year + 16, b.month, b.day);
  const leavingYear = schoolYearStartOf(sixteenth) + 1;
  let d = fromCivil(leavingYear, 6, 30);
  while (isoWeekday(d) !== 5) d -= 1;
  return formatDate(d);
}

export function isOfCompulsorySchoolAge(dateOfBirth: string, on: string): boolean {
  return compulsorySchoolAgeFrom(dateOfBirth) <= on && on <= compulsorySchoolAgeTo(dateOfBirth);
}

export type S19Duty =
  { readonly applies: true; readonly from: RuleDate } | { readonly applies: false; readonly why: string };

const S19_SOURCE = 'Education Act 1996, s19(1) [V]';

/**
 * The authority's duty to arrange suitable education (Education Act 1996 s19) for a child of compulsory school age
 * who may not otherwise receive it, and the day it starts: a permanent exclusion's sixth school day; a part-time
 * timetable's or a child missing education's first day ([U]: s19 names no day). Not for a suspension (the school
 * arranges education from its sixth day), elective home education (the parents have chosen to provide it: the
 * authority's check of its suitability is s437, not s19), an episode that ended before `asOf`, or a child outside
 * compulsory school age on the day it would start. `schoolHolidays` undefined: school days are working days ([U]).
 */
export function s19DutyFor(
  child: Pick<ChildFacts, 'dateOfBirth'>,
  e: EpisodeFacts,
  asOf: string,
  schoolHolidays?: Iterable<string>,
): S19Duty {
  if (e.kind === 'suspension')
    return {
      applies: false,
      why: 'For a suspension the school arranges education from the sixth school day.',
    };
  if (e.kind === 'home-education')
    return {
      applies: false,
      why: 'The parents have chosen to educate the child at home: the council checks the education is suitable (s437) rather than arranging it (s19).',
    };
  if (!isCurrentOrComing(e, asOf)) return { applies: false, why: 'The episode has ended.' };
  const from: RuleDate =
    e.kind === 'permanent-exclusion'
      ? fullTimeProvisionFrom(e.start, schoolHolidays)
      : {
          date: e.start,
          rule: `The council must arrange suitable education for a child of compulsory school age who may not otherwise receive it, from the first day of the ${EPISODE_KIND_LABELS[e.kind].toLowerCase()} (working assumption, not yet checked: ${ASSUMPTIONS.s19From.statement})`,
          source: `${S19_SOURCE} [U]`,
          statutory: true,
          assumption: ASSUMPTIONS.s19From,
        };
  if (!isOfCompulsorySchoolAge(child.dateOfBirth, from.date))
    return {
      applies: false,
      why: 'The child is not of compulsory school age on that day, so s19 does not apply (the plan must still secure education or training).',
    };
  return { applies: true, from };
}

/** The labels of the episodes that put a child outside full-time education on `asOf`, in EPISODE_KINDS order. */
export function notInFullTimeEducationReasons(
  episodes: readonly EpisodeFacts[],
  asOf: string,
): EpisodeKind[] {
  const open = new Set(
    episodes.filter((e) => QUALIFYING_KINDS.includes(e.kind) && isOpenOn(e, asOf)).map((e) => e.kind),
  );
  return EPISODE_KINDS.filter((k) => open.has(k));
}

/** Persistently absent: missing 10% or more of possible sessions, so attendance under 90% (DfE definition [S]). */
export function persistentlyAbsent(attendancePercent: number): boolean {
  return attendancePercent < 90;
}

export const TERMS = ['autumn', 'spring', 'summer'] as const;
export type Term = (typeof TERMS)[number];
export const TERM_LABELS: Record<Term, string> = { autumn: 'Autumn', spring: 'Spring', summer: 'Summer' };

/** "Autumn 2026 to 2027": the term of the school year that began on 1 September `schoolYear`. */
export function termName(term: Term, schoolYear: number): string {
  return `${TERM_LABELS[term]} term ${schoolYear} to ${schoolYear + 1}`;
}

export interface EpisodeInput {
  readonly kind: EpisodeKind;
  readonly start: string;
  /** The day it ended (closed), if it has. */
  readonly end: string | null;
  readonly days: number | null;
  readonly hoursAWeek: number | null;
  readonly reason: string | null;
  /** A part-time timetable's agreed end or review date. */
  readonly reviewDate: string | null;
}

export interface EpisodeProblem {
  readonly field: 'start' | 'end' | 'days' | 'hoursAWeek' | 'reason' | 'reviewDate';
  readonly message: string;
}

const START_NAMES: Record<EpisodeKind, string> = {
  suspension: 'The first day of the suspension',
  'permanent-exclusion': 'The date of the exclusion',
  'part-time-timetable': 'The start of the timetable',
  'missing-education': 'The referral date',
  'home-education': 'The start of home education',
};

/**
 * The rules an episode must meet before it is stored (the forms show each against its field): what each kind needs,
 * dates in order, an exclusion or referral not in the future, an end (closing date) not in the future, a suspension
 * of 1 to 45 school days, a part-time timetable of fewer hours than a full-time week, with a reason and an agreed end
 * or review date on or after its start.
 */
export function episodeProblems(input: EpisodeInput, today: string): EpisodeProblem[] {
  const problems: EpisodeProblem[] = [];
  const { kind } = input;
  if ((kind === 'permanent-exclusion' || kind === 'missing-education') && input.start > today)
    problems.push({ field: 'start', message: `${START_NAMES[kind]} must be today or in the past` });
  if (input.end !== null && kind !== 'suspension') {
    if (input.end < input.start)
      problems.push({ field: 'end', message: `The end date must be the same as or after the start date` });
    else if (input.end > today)
      problems.push({ field: 'end', message: 'The end date must be today or in the past' });
  }
  if (kind === 'suspension') {
    const d = input.days;
    if (d === null)
      problems.push({ field: 'days', message: 'Enter how many school days the suspension is for' });
    else if (!Number.isInteger(d) || d < 1 || d > MAX_SUSPENSION_DAYS)
      problems.push({
        field: 'days',
        message: `A suspension must be a whole number of school days from 1 to ${MAX_SUSPENSION_DAYS}`,
      });
  }
  if (kind === 'part-time-timetable') {
    const h = input.hoursAWeek;
    if (h === null)
      problems.push({ field: 'hoursAWeek', message: 'Enter the hours a week the child is taught' });
    else if (!(h >= 0 && h < FULL_TIME_HOURS))
      problems.push({
        field: 'hoursAWeek',
        message: `Hours a week must be 0 or more and fewer than ${FULL_TIME_HOURS} (a full-time week)`,
      });
    if (input.reviewDate === null)
      problems.push({
        field: 'reviewDate',
        message: 'Enter the date the timetable is agreed to end or be reviewed',
      });
    else if (input.reviewDate < input.start)
      problems.push({
        field: 'reviewDate',
        message: 'The agreed end or review date must be the same as or after the start of the timetable',
      });
  }
  if ((kind === 'part-time-timetable' || kind === 'missing-education') && !input.reason?.trim())
    problems.push({
      field: 'reason',
      message:
        kind === 'part-time-timetable'
          ? 'Enter why the child is on a part-time timetable'
          : 'Enter why the child was referred as missing education',
    });
  return problems;
}
