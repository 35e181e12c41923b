/**
 * Section 3 of the statutory clock document: the exceptions that relieve a local authority (or an adviser) of a
 * time limit, which of them qualify, and the overlap days and adjusted due date they give a step.
 */
import type { DayNumber } from './dates.ts';
import { days, listOf, long } from './prose.ts';
import type { ExceptionInput, ExceptionKind } from './types.ts';

/** Which steps an exception can relieve: the three assessment decisions, or an advice step. */
export type ReliefTarget = 'assessment' | 'advice';

/** An exception with its dates as day numbers and its qualifying condition already checked. */
export interface PreparedException {
  readonly kind: ExceptionKind;
  readonly from: DayNumber;
  /** The last day; for one still going on, asOf. */
  readonly to: DayNumber;
  readonly ongoing: boolean;
  readonly appliesTo: readonly string[];
}

/** A continuous period of at least 4 weeks: to - from + 1 >= 28. */
export const FOUR_WEEKS = 28;

/**
 * Keeps the exceptions that qualify under section 3:
 * - school-closure: closed for at least 28 continuous days, and the authority asked that setting (an advice request
 *   named in appliesTo) for advice on a date from (from - 7 days) to (reopening day - 7 days), reopening day = to + 1;
 * - personal-circumstances: always (during the period);
 * - absence-from-area: away for at least 28 continuous days;
 * - missed-appointment: always (it relieves only the advice steps it names).
 * An exception with no end date is still going on and is counted up to asOf; one that starts after asOf is ignored.
 */
export function prepareExceptions(
  exceptions: readonly ExceptionInput[] | null | undefined,
  parse: (date: string) => DayNumber,
  adviceRequested: ReadonlyMap<string, DayNumber>,
  asOf: DayNumber,
): PreparedException[] {
  const out: PreparedException[] = [];
  if (!exceptions) return out;
  for (const e of exceptions) {
    const from = parse(e.from);
    let to: DayNumber;
    let ongoing = false;
    if (e.to !== null && e.to !== undefined) {
      to = parse(e.to);
    } else if (e.kind === 'missed-appointment') {
      to = from;
    } else {
      if (from > asOf) continue;
      to = asOf;
      ongoing = true;
    }
    const appliesTo = e.appliesTo ?? [];
    if (!qualifies(e.kind, from, to, appliesTo, adviceRequested)) continue;
    out.push({ kind: e.kind, from, to, ongoing, appliesTo });
  }
  return out;
}

function qualifies(
  kind: ExceptionKind,
  from: DayNumber,
  to: DayNumber,
  appliesTo: readonly string[],
  adviceRequested: ReadonlyMap<string, DayNumber>,
): boolean {
  switch (kind) {
    case 'personal-circumstances':
    case 'missed-appointment':
      return true;
    case 'absence-from-area':
      return to - from + 1 >= FOUR_WEEKS;
    case 'school-closure': {
      if (to - from + 1 < FOUR_WEEKS) return false;
      const reopening = to + 1;
      for (const id of appliesTo) {
        const asked = adviceRequested.get(id);
        if (asked !== undefined && asked >= from - 7 && asked <= reopening - 7) return true;
      }
      return false;
    }
  }
}

function relieves(e: PreparedException, target: ReliefTarget, adviceId: string | undefined): boolean {
  switch (e.kind) {
    case 'school-closure':
      return target === 'assessment';
    case 'personal-circumstances':
    case 'absence-from-area':
      return true;
    case 'missed-appointment':
      return target === 'advice' && adviceId !== undefined && e.appliesTo.includes(adviceId);
  }
}

export interface Relief {
  readonly kinds: ExceptionKind[];
  readonly overlapDays: number;
  readonly used: readonly PreparedException[];
}

/**
 * The qualifying exceptions that relieve this step and overlap its window [start, due], and the number of days in
 * the union of their periods that fall inside the window (overlapping exceptions are counted once).
 * Null when none applies.
 */
export function reliefFor(
  exceptions: readonly PreparedException[],
  target: ReliefTarget,
  adviceId: string | undefined,
  start: DayNumber,
  due: DayNumber,
): Relief | null {
  if (exceptions.length === 0) return null;
  let used: PreparedException[] | null = null;
  for (const e of exceptions) {
    if (e.to < start || e.from > due || !relieves(e, target, adviceId)) continue;
    (used ??= []).push(e);
  }
  if (used === null) return null;
  const clipped = used
    .map((e): [DayNumber, DayNumber] => [Math.max(e.from, start), Math.min(e.to, due)])
    .sort((a, b) => a[0] - b[0]);
  let overlapDays = 0;
  let [curFrom, curTo] = clipped[0]!;
  for (let i = 1; i < clipped.length; i++) {
    const [f, t] = clipped[i]!;
    if (f <= curTo + 1) {
      if (t > curTo) curTo = t;
    } else {
      overlapDays += curTo - curFrom + 1;
      curFrom = f;
      curTo = t;
    }
  }
  overlapDays += curTo - curFrom + 1;
  const kinds: ExceptionKind[] = [];
  for (const e of used) if (!kinds.includes(e.kind)) kinds.push(e.kind);
  return { kinds, overlapDays, used };
}

function reason(e: PreparedException): string {
  const span = e.ongoing ? `since ${long(e.from)}` : `from ${long(e.from)} to ${long(e.to)}`;
  switch (e.kind) {
    case 'school-closure':
      return `the school or setting was closed ${span}`;
    case 'personal-circumstances':
      return `something serious happened in the family's life (exceptional personal circumstances) ${span}`;
    case 'absence-from-area':
      return `the child or family was away from the area ${span}`;
    case 'missed-appointment':
      return `the appointment on ${long(e.from)} was missed`;
  }
}

/** Why the adjusted date applies, for the family (CoP 9.43: they must be told when an exception is relied on). */
export function reliefSentence(
  relief: Relief,
  actor: string,
  start: DayNumber,
  due: DayNumber,
  adjustedDue: DayNumber,
): string {
  const because = listOf(relief.used.map(reason));
  return (
    `The law gives extra time because ${because}. ` +
    `${days(relief.overlapDays)} of this fell between ${long(start)} and ${long(due)}, so ${actor} has a working ` +
    `target of ${long(adjustedDue)}, ${days(relief.overlapDays)} later. The legal date is still ${long(due)}, ` +
    `and ${actor} must still do this as soon as possible.`
  );
}
