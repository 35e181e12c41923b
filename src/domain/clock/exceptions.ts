/**
 * Section 3 of the statutory clock document: the exceptions that relieve a local authority (or an adviser) of a
 * time limit. For each step the clock says which recorded exceptions CAN qualify, and why the others cannot (a
 * plain-English reason a caseworker can read); the adjusted due date uses only the ones a caseworker has confirmed
 * caused the delay (issue 10 item 2). The law relieves the authority only when meeting the limit is impractical
 * *because of* the exception, so an exception can qualify only if it could have caused the delay (D2, D3).
 */
import type { DayNumber } from './dates.ts';
import { days, listOf, long } from './prose.ts';
import type { ExceptionCheck, ExceptionInput, ExceptionKind } from './types.ts';

/** Which steps an exception can relieve: the assessment decisions (and reassessment), or an advice step. */
export type ReliefTarget = 'assessment' | 'advice';

/** A recorded exception with its dates as day numbers. */
export interface PreparedException {
  readonly index: number;
  readonly id: string | null;
  readonly kind: ExceptionKind;
  readonly from: DayNumber;
  /** The last day; for one still going on, asOf (or from, if it starts after asOf). */
  readonly to: DayNumber;
  readonly ongoing: boolean;
  readonly appliesTo: readonly string[];
  readonly confirmed: boolean;
}

/** A continuous period of at least 4 weeks: 28 days. */
export const FOUR_WEEKS = 28;

/**
 * The recorded exceptions as day numbers. One with no end date is still going on and is counted up to asOf; a
 * missed appointment with no end date is the one day `from`.
 */
export function prepareExceptions(
  exceptions: readonly ExceptionInput[] | null | undefined,
  parse: (date: string) => DayNumber,
  asOf: DayNumber,
): PreparedException[] {
  const out: PreparedException[] = [];
  if (!exceptions) return out;
  for (let index = 0; index < exceptions.length; index++) {
    const e = exceptions[index]!;
    const from = parse(e.from);
    let to: DayNumber;
    let ongoing = false;
    if (e.to !== null && e.to !== undefined) {
      to = parse(e.to);
    } else if (e.kind === 'missed-appointment') {
      to = from;
    } else {
      to = Math.max(from, asOf);
      ongoing = true;
    }
    out.push({
      index,
      id: e.id ?? null,
      kind: e.kind,
      from,
      to,
      ongoing,
      appliesTo: e.appliesTo ?? [],
      confirmed: e.confirmed === true,
    });
  }
  return out;
}

/** The step an exception is checked against. */
export interface StepWindow {
  readonly target: ReliefTarget;
  /** The advice request's id, for an advice step. */
  readonly adviceId?: string | undefined;
  /** The window [start, due]. */
  readonly start: DayNumber;
  readonly due: DayNumber;
  /** The date the step was completed, or null while it is not (the cut-off E is then asOf). */
  readonly completed: DayNumber | null;
  readonly asOf: DayNumber;
  /** The regulation that gives this step its exceptions: 'reg 5(4)', 'reg 8(2)'. */
  readonly cite: string;
}

export interface Relief {
  readonly kinds: ExceptionKind[];
  readonly overlapDays: number;
  readonly used: readonly PreparedException[];
}

function span(e: PreparedException): string {
  return e.ongoing ? `since ${long(e.from)}` : `from ${long(e.from)} to ${long(e.to)}`;
}

/**
 * Whether one exception can qualify for one step (section 3, conditions 1-3), and why in words. `adviceRequested`
 * maps advice request ids to the date each was asked for (null when not asked yet).
 */
export function checkException(
  e: PreparedException,
  w: StepWindow,
  adviceRequested: ReadonlyMap<string, DayNumber | null>,
): { canQualify: boolean; reason: string } {
  const cutoff = w.completed ?? w.asOf;
  const window = (): string => `this step's time (${long(w.start)} to ${long(w.due)})`;
  const no = (reason: string) => ({ canQualify: false, reason });

  // Which exceptions relieve which steps (the table in section 3).
  if (e.kind === 'school-closure' && w.target === 'advice') {
    return no(
      "A school or setting closure does not relieve an adviser's 6 weeks: the law gives advisers no closure exception (reg 8(2)).",
    );
  }
  if (e.kind === 'missed-appointment') {
    if (w.target !== 'advice') {
      return no(
        `A missed appointment relieves only the advice it was for (reg 8(2)); it cannot relieve this step (${w.cite} does not list it).`,
      );
    }
    if (w.adviceId === undefined || !e.appliesTo.includes(w.adviceId)) {
      return no('This missed appointment was for other advice, not this request.');
    }
  }

  // 1. It overlaps the window and began on or before the cut-off.
  if (e.from > w.due || e.to < w.start) {
    return no(
      e.kind === 'missed-appointment'
        ? `The appointment on ${long(e.from)} was outside ${window()}, so it cannot have caused a delay.`
        : `It was ${span(e)}, outside ${window()}, so it cannot have caused a delay.`,
    );
  }
  if (e.from > cutoff) {
    return no(
      w.completed !== null
        ? `It began on ${long(e.from)}, after this step was done on ${long(w.completed)}, so it cannot have caused the delay.`
        : `It had not begun by ${long(w.asOf)}, so it cannot have caused a delay yet.`,
    );
  }

  switch (e.kind) {
    case 'school-closure': {
      const length = e.to - e.from + 1;
      if (!e.ongoing && length < FOUR_WEEKS) {
        return no(
          `The setting was closed for ${days(length)}; a closure must last at least 4 weeks (28 days) in a row (${w.cite}).`,
        );
      }
      if (e.ongoing && length < FOUR_WEEKS) {
        return no(
          `The setting has been closed for ${days(length)} so far; a closure must last at least 4 weeks (28 days) in a row (${w.cite}).`,
        );
      }
      // 2. An advice request to that setting made from (from - 7) to (reopening - 7), and on or before the cut-off.
      const earliest = e.from - 7;
      const latest = e.ongoing ? Number.POSITIVE_INFINITY : e.to + 1 - 7;
      const allowed = e.ongoing
        ? `from 1 week before it closed (${long(earliest)}) until 1 week before it reopens`
        : `from 1 week before it closed (${long(earliest)}) to 1 week before it reopened (${long(latest)})`;
      let afterCutoff: DayNumber | null = null;
      let outside: DayNumber | null = null;
      for (const id of e.appliesTo) {
        const asked = adviceRequested.get(id);
        if (asked === undefined || asked === null) continue;
        if (asked < earliest || asked > latest) {
          outside ??= asked;
          continue;
        }
        if (asked > cutoff) {
          afterCutoff ??= asked;
          continue;
        }
        return {
          canQualify: true,
          reason: `The setting was closed ${span(e)} (${days(length)}) and the council asked it for advice on ${long(asked)}, ${allowed} (${w.cite}).`,
        };
      }
      if (afterCutoff !== null) {
        return no(
          w.completed !== null
            ? `The council asked the closed setting for advice on ${long(afterCutoff)}, after this step was done on ${long(w.completed)}, so the closure cannot have caused the delay (${w.cite}).`
            : `The council asked the closed setting for advice on ${long(afterCutoff)}, which is after ${long(w.asOf)}, so the closure cannot have caused a delay yet (${w.cite}).`,
        );
      }
      if (outside !== null) {
        return no(
          `The council asked the setting for advice on ${long(outside)}, outside the time the law allows, ${allowed} (${w.cite}).`,
        );
      }
      return no(
        `A closure counts only when the council asked that setting for advice ${allowed} (${w.cite}); no such request is named.`,
      );
    }
    case 'absence-from-area': {
      // 3. At least 28 days of this absence inside the window.
      const inside = Math.min(e.to, w.due) - Math.max(e.from, w.start) + 1;
      if (inside < FOUR_WEEKS) {
        return no(
          `Only ${days(inside)} of the time away from the area fell within ${window()}; the law needs at least 4 weeks (28 days) in a row within it (${w.cite}).`,
        );
      }
      return {
        canQualify: true,
        reason: `The child or family was away from the area for ${days(inside)} in a row within ${window()} (${w.cite}).`,
      };
    }
    case 'personal-circumstances':
      return {
        canQualify: true,
        reason: `Exceptional personal circumstances ${span(e)}, within ${window()} (${w.cite}).`,
      };
    case 'missed-appointment':
      return {
        canQualify: true,
        reason: `The appointment on ${long(e.from)} for this advice was missed (${w.cite}).`,
      };
  }
}

const CONFIRMED = ' A caseworker has confirmed that it caused the delay, so the working target relies on it.';
const NOT_CONFIRMED =
  ' It can be relied on only once a caseworker confirms, with a reason, that it caused the delay.';

/**
 * Every recorded exception checked against a step, and the relief the confirmed, qualifying ones give: the number
 * of days in the union of their periods inside [start, due] (overlapping exceptions are counted once). Relief is
 * null when none is relied on.
 */
export function exceptionsFor(
  exceptions: readonly PreparedException[],
  adviceRequested: ReadonlyMap<string, DayNumber | null>,
  w: StepWindow,
): { checks: ExceptionCheck[]; relief: Relief | null } {
  const checks: ExceptionCheck[] = [];
  let used: PreparedException[] | null = null;
  for (const e of exceptions) {
    const { canQualify, reason } = checkException(e, w, adviceRequested);
    const reliedOn = canQualify && e.confirmed;
    checks.push({
      index: e.index,
      id: e.id,
      kind: e.kind,
      canQualify,
      confirmed: e.confirmed,
      reliedOn,
      reason: canQualify ? reason + (e.confirmed ? CONFIRMED : NOT_CONFIRMED) : reason,
    });
    if (reliedOn) (used ??= []).push(e);
  }
  return { checks, relief: used === null ? null : reliefOf(used, w.start, w.due) };
}

function reliefOf(used: PreparedException[], start: DayNumber, due: DayNumber): Relief {
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
  switch (e.kind) {
    case 'school-closure':
      return `the school or setting was closed ${span(e)}`;
    case 'personal-circumstances':
      return `something serious happened in the family's life (exceptional personal circumstances) ${span(e)}`;
    case 'absence-from-area':
      return `the child or family was away from the area ${span(e)}`;
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
