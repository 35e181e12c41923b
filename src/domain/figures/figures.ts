/**
 * Counting a figure's items (items.ts): the 12 months a figure covers, its tally, its breakdown by team, school,
 * primary need, ethnicity or age, and its trend by month. Pure; the same items give the number and the children.
 */
import {
  addDays,
  addMonths,
  formatDate,
  parseDate,
  toCivil,
  fromCivil,
  daysInMonth,
} from '../clock/dates.ts';
import { ageOn } from '../school-year.ts';
import type { FigureItem } from './items.ts';

export interface Period {
  readonly from: string;
  readonly to: string;
}

/** The 12 months ending with `asOf`: from the day after the same day a year before, to `asOf`. */
export function yearEndingOn(asOf: string): Period {
  return { from: formatDate(addDays(addMonths(parseDate(asOf), -12), 1)), to: asOf };
}

/**
 * The `count` calendar months ending with the month of `asOf`, oldest first; the last runs only to `asOf`.
 */
export function monthsEndingOn(asOf: string, count: number): Array<Period & { month: string }> {
  const { year, month } = toCivil(parseDate(asOf));
  const months: Array<Period & { month: string }> = [];
  for (let i = count - 1; i >= 0; i--) {
    const index = year * 12 + (month - 1) - i;
    const y = Math.floor(index / 12);
    const m = index - y * 12 + 1;
    const from = formatDate(fromCivil(y, m, 1));
    const end = formatDate(fromCivil(y, m, daysInMonth(y, m)));
    months.push({ month: from.slice(0, 7), from, to: end < asOf ? end : asOf });
  }
  return months;
}

export const within = (items: readonly FigureItem[], period: Period): FigureItem[] =>
  items.filter((i) => i.date >= period.from && i.date <= period.to);

export interface Tally {
  /** Things counted. */
  readonly counted: number;
  /** Of those, within the time limit (or good or better). */
  readonly met: number;
  /** met / counted as a whole percentage, rounded; null when nothing was counted. */
  readonly percent: number | null;
}

export function tally(items: readonly FigureItem[]): Tally {
  const met = items.filter((i) => i.met).length;
  return {
    counted: items.length,
    met,
    percent: items.length ? Math.round((met / items.length) * 100) : null,
  };
}

/** What a figure can be broken down by. */
export const DIMENSIONS = ['team', 'school', 'need', 'ethnicity', 'age'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const isDimension = (v: unknown): v is Dimension =>
  typeof v === 'string' && (DIMENSIONS as readonly string[]).includes(v);

export const DIMENSION_LABELS: Readonly<Record<Dimension, string>> = {
  team: 'Team',
  school: 'School or setting',
  need: 'Primary need',
  ethnicity: 'Ethnicity',
  age: 'Age',
};

/** The key a child or item falls under in each dimension ('none' when not recorded). */
export interface Subject {
  readonly team: string | null;
  readonly school: string | null;
  readonly need: string | null;
  readonly ethnicity: string | null;
  readonly dateOfBirth: string;
}

export const NOT_RECORDED = 'none';

/** The SEN2 age bands, on a day: under 5, 5 to 10, 11 to 15, 16 to 19, 20 to 25 (and over 25). */
export const AGE_BANDS = ['0-4', '5-10', '11-15', '16-19', '20-25', '26+'] as const;
export const AGE_BAND_LABELS: Readonly<Record<(typeof AGE_BANDS)[number], string>> = {
  '0-4': 'Under 5',
  '5-10': '5 to 10',
  '11-15': '11 to 15',
  '16-19': '16 to 19',
  '20-25': '20 to 25',
  '26+': 'Over 25',
};

export function ageBand(dateOfBirth: string, on: string): (typeof AGE_BANDS)[number] {
  const age = ageOn(dateOfBirth, on);
  if (age < 5) return '0-4';
  if (age <= 10) return '5-10';
  if (age <= 15) return '11-15';
  if (age <= 19) return '16-19';
  if (age <= 25) return '20-25';
  return '26+';
}

/** The DfE ethnicity codes' main groups (the school census's), so a breakdown shows communities, not 20 codes. */
export const ETHNIC_GROUPS = ['white', 'mixed', 'asian', 'black', 'chinese', 'other', 'refused'] as const;
export const ETHNIC_GROUP_LABELS: Readonly<Record<(typeof ETHNIC_GROUPS)[number], string>> = {
  white: 'White',
  mixed: 'Mixed or multiple ethnic groups',
  asian: 'Asian or Asian British',
  black: 'Black, Black British, Caribbean or African',
  chinese: 'Chinese',
  other: 'Any other ethnic group',
  refused: 'Refused or not obtained',
};

export function ethnicGroup(code: string | null): (typeof ETHNIC_GROUPS)[number] | null {
  if (!code) return null;
  const c = code.toUpperCase();
  if (c === 'REFU' || c === 'NOBT') return 'refused';
  if (c === 'CHNE') return 'chinese';
  const first = c[0];
  if (first === 'W') return 'white';
  if (first === 'M') return 'mixed';
  if (first === 'A') return 'asian';
  if (first === 'B') return 'black';
  if (first === 'O') return 'other';
  return null;
}

/** The key of an item in a dimension: the item's own team when it names one, otherwise its child's. */
export function keyOf(
  item: FigureItem,
  subject: Subject | undefined,
  dimension: Dimension,
  asOf: string,
): string {
  switch (dimension) {
    case 'team':
      return item.teamId ?? subject?.team ?? NOT_RECORDED;
    case 'school':
      return subject?.school ?? NOT_RECORDED;
    case 'need':
      return subject?.need ?? NOT_RECORDED;
    case 'ethnicity':
      return ethnicGroup(subject?.ethnicity ?? null) ?? NOT_RECORDED;
    case 'age':
      return subject ? ageBand(subject.dateOfBirth, asOf) : NOT_RECORDED;
  }
}

/** The items by key in a dimension, each with its tally; keys in first-seen order (the caller sorts for display). */
export function breakdown(
  items: readonly FigureItem[],
  subjects: ReadonlyMap<string, Subject>,
  dimension: Dimension,
  asOf: string,
): Array<{ key: string; tally: Tally }> {
  const groups = new Map<string, FigureItem[]>();
  for (const item of items) {
    const key = keyOf(item, subjects.get(item.childId), dimension, asOf);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return [...groups].map(([key, list]) => ({ key, tally: tally(list) }));
}

/** The items of each month, tallied: the figure's trend. */
export function trend(
  items: readonly FigureItem[],
  months: ReadonlyArray<Period & { month: string }>,
): Array<{ month: string; tally: Tally }> {
  const byMonth = new Map<string, FigureItem[]>(months.map((m) => [m.month, []]));
  const first = months[0]?.from ?? '';
  const last = months[months.length - 1]?.to ?? '';
  for (const item of items) {
    if (item.date < first || item.date > last) continue;
    byMonth.get(item.date.slice(0, 7))?.push(item);
  }
  return months.map((m) => ({ month: m.month, tally: tally(byMonth.get(m.month) ?? []) }));
}

/** Which items to list: all of them, those within the limit (or good or better), or the others. */
export type Show = 'all' | 'met' | 'not-met';

export function selectItems(
  items: readonly FigureItem[],
  filter: {
    subjects: ReadonlyMap<string, Subject>;
    asOf: string;
    dimension?: Dimension | undefined;
    key?: string | undefined;
    group?: string | undefined;
    show: Show;
  },
): FigureItem[] {
  return items.filter(
    (i) =>
      (filter.show === 'all' || (filter.show === 'met') === i.met) &&
      (filter.group === undefined || i.group === filter.group) &&
      (filter.dimension === undefined ||
        filter.key === undefined ||
        keyOf(i, filter.subjects.get(i.childId), filter.dimension, filter.asOf) === filter.key),
  );
}
