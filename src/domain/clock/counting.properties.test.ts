/**
 * Property tests (fast-check) for the counting rules of section 1 on dates nobody wrote down: each against an
 * independent reading of the rule, day by day where it can be.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atLeastMonthsBefore, periodOfMonthsBeginningWith, withinMonths } from './counting.ts';
import { daysInMonth, formatDate, fromCivil, parseDate, toCivil } from './dates.ts';
import { appealLastDay } from './steps/appeal.ts';
import {
  isWorkingDay,
  planTransferSendBy,
  tribunalLastDay,
  workingDaysBeginningWith,
} from './working-days.ts';

const day = fc.integer({ min: parseDate('2012-01-01'), max: parseDate('2030-10-31') });
const months = fc.integer({ min: 1, max: 24 });

/** Christmas to New Year's Day, or August: the days HESC r12(3)(a) moves a deadline out of. */
function inR12Window(d: number): boolean {
  const { month, day: dom } = toCivil(d);
  return month === 8 || (month === 12 && dom >= 25) || (month === 1 && dom === 1);
}

describe('§1 the period of N months beginning with X (corresponding-date rule, D5)', () => {
  it('ends the day before the day with X’s day of the month N months on, or on the end month’s last day when it has none', () => {
    fc.assert(
      fc.property(day, months, (x, n) => {
        const { year, month, day: dom } = toCivil(x);
        const index = year * 12 + (month - 1) + n;
        const y = Math.floor(index / 12);
        const m = (index % 12) + 1;
        const expected =
          dom <= daysInMonth(y, m) ? fromCivil(y, m, dom) - 1 : fromCivil(y, m, daysInMonth(y, m));
        expect(formatDate(periodOfMonthsBeginningWith(x, n))).toBe(formatDate(expected));
      }),
      { numRuns: 2000 },
    );
  });

  it('is never shorter than the clamped (X + N months) - 1 day, never later than X + N months, and moves forward with X', () => {
    fc.assert(
      fc.property(day, months, fc.integer({ min: 1, max: 40 }), (x, n, gap) => {
        const last = periodOfMonthsBeginningWith(x, n);
        expect(last).toBeGreaterThanOrEqual(withinMonths(x, n) - 1);
        expect(last).toBeLessThanOrEqual(withinMonths(x, n));
        expect(last).toBeGreaterThan(x);
        expect(periodOfMonthsBeginningWith(x + gap, n)).toBeGreaterThanOrEqual(last);
        // the day after the period is in the month N months on, or the first of the month after it
        const next = toCivil(last + 1);
        const start = toCivil(x);
        const offset = next.year * 12 + next.month - (start.year * 12 + start.month);
        expect(offset === n || (offset === n + 1 && next.day === 1)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('"at least N months before X" is the day N months earlier, clamped, and never after X - 28N days', () => {
    fc.assert(
      fc.property(day, months, (x, n) => {
        const d = atLeastMonthsBefore(x, n);
        expect(d).toBeLessThanOrEqual(x - 28 * n);
        expect(withinMonths(d, n)).toBeLessThanOrEqual(x);
        expect(toCivil(d).day).toBe(Math.min(toCivil(x).day, daysInMonth(toCivil(d).year, toCivil(d).month)));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('§1 "within N working days beginning with X" (D6)', () => {
  it('lands on a working day, with exactly N working days from X to it inclusive', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 30 }), (x, n) => {
        const last = workingDaysBeginningWith(x, n);
        expect(isWorkingDay(last)).toBe(true);
        expect(last).toBeGreaterThanOrEqual(x);
        let count = 0;
        for (let d = x; d <= last; d++) if (isWorkingDay(d)) count++;
        expect(count).toBe(n);
      }),
      { numRuns: 1000 },
    );
  });

  it('an authority’s own closure days only ever make it later', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.integer({ min: 0, max: 40 })),
        (x, n, offs) => {
          const closures = new Set(offs.map((o) => x + o));
          expect(workingDaysBeginningWith(x, n, closures)).toBeGreaterThanOrEqual(
            workingDaysBeginningWith(x, n),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reg 15(2): the plan is sent on the move day when the 15 working days from learning fit before it, else on the 15th', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -30, max: 60 }), (learned, offset) => {
        const move = learned + offset;
        const r = planTransferSendBy(formatDate(move), formatDate(learned));
        const fifteenth = workingDaysBeginningWith(learned, 15);
        let before = 0;
        for (let d = learned; d < move; d++) if (isWorkingDay(d)) before++;
        expect(r.knewInTime).toBe(before >= 15);
        expect(parseDate(r.sendBy)).toBe(Math.max(move, fifteenth));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('§2.5 HESC rule 12 on the appeal deadline (D1)', () => {
  it('always lands on a working day, never before L, outside August and 25 December-1 January when L is in them, and as early as the rule allows', () => {
    fc.assert(
      fc.property(day, (l) => {
        const { last, moved } = tribunalLastDay(l);
        expect(last).toBeGreaterThanOrEqual(l);
        expect(isWorkingDay(last)).toBe(true);
        if (inR12Window(l)) {
          // r12(3)(a): the first working day after 1 January or 31 August
          expect(inR12Window(last)).toBe(false);
          for (let d = l; d < last; d++) expect(inR12Window(d) || !isWorkingDay(d), formatDate(d)).toBe(true);
          expect(moved === 'august' || moved === 'christmas').toBe(true);
        } else {
          // r12(2): the next working day (which can be 27 December or 2 August: the rule looks only at L)
          for (let d = l; d < last; d++) expect(isWorkingDay(d), formatDate(d)).toBe(false);
          expect(moved).toBe(isWorkingDay(l) ? null : 'non-working-day');
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('the literal reading of rule 12 keeps a next working day that falls in the August or Christmas window', () => {
    // Saturday 23 December 2023 → Wednesday 27 December; Saturday 31 July 2027 → Monday 2 August (docs/clock.md)
    expect(formatDate(tribunalLastDay(parseDate('2023-12-23')).last)).toBe('2023-12-27');
    expect(formatDate(tribunalLastDay(parseDate('2027-07-31')).last)).toBe('2027-08-02');
  });

  it('the appeal deadline is the rule-12 day after the later of D + 2 months and certificate + 1 month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: parseDate('2012-01-01'), max: parseDate('2030-06-30') }),
        fc.option(fc.integer({ min: 0, max: 90 })),
        (d, certOffset) => {
          const certificate = certOffset === null ? null : d + certOffset;
          const { l, last } = appealLastDay(d, certificate);
          expect(l).toBe(
            Math.max(withinMonths(d, 2), certificate === null ? 0 : withinMonths(certificate, 1)),
          );
          expect(last).toBeGreaterThanOrEqual(l);
          expect(isWorkingDay(last)).toBe(true);
          if (inR12Window(l)) expect(inR12Window(last)).toBe(false);
          expect(last - l).toBeLessThanOrEqual(35); // at most all of August plus a bank holiday weekend
        },
      ),
      { numRuns: 1000 },
    );
  });
});
