import { describe, expect, it } from 'vitest';
import {
  atLeastMonthsBefore,
  before15February,
  before31March,
  periodOfDaysBeginningWith,
  periodOfMonthsBeginningWith,
  periodOfMonthsStartingWith,
  withinMonths,
  withinWeeks,
} from './counting.ts';
import { formatDate, parseDate } from './dates.ts';

const d = parseDate;
const f = formatDate;

describe('§1 counting time: the wording of the law as arithmetic', () => {
  it('§1 "within N weeks of X": X + 7N days (2026-01-05, 6 weeks → 2026-02-16)', () => {
    expect(f(withinWeeks(d('2026-01-05'), 6))).toBe('2026-02-16');
    expect(f(withinWeeks(d('2025-12-01'), 6))).toBe('2026-01-12'); // across the year end
    expect(f(withinWeeks(d('2024-02-01'), 6))).toBe('2024-03-14'); // leap February
    expect(f(withinWeeks(d('2025-02-01'), 6))).toBe('2025-03-15');
  });

  it('§1 "a period of N days beginning with X": X + N - 1 (served 2026-04-20, 15 days → 2026-05-04)', () => {
    expect(f(periodOfDaysBeginningWith(d('2026-04-20'), 15))).toBe('2026-05-04');
    expect(f(periodOfDaysBeginningWith(d('2025-12-25'), 15))).toBe('2026-01-08');
  });

  it('§1 "within N months of X": X + N months (2026-01-31 + 2 months → 2026-03-31)', () => {
    expect(f(withinMonths(d('2026-01-31'), 2))).toBe('2026-03-31');
    expect(f(withinMonths(d('2025-12-31'), 2))).toBe('2026-02-28');
    expect(f(withinMonths(d('2023-12-31'), 2))).toBe('2024-02-29');
  });

  it('§1 "the period of N months beginning with X": the day before the corresponding date, or the end month’s last day when it has none (D5)', () => {
    // the document's examples
    expect(f(periodOfMonthsBeginningWith(d('2025-03-10'), 12))).toBe('2026-03-09');
    expect(f(periodOfMonthsBeginningWith(d('2024-02-29'), 12))).toBe('2025-02-28');
    expect(f(periodOfMonthsBeginningWith(d('2026-03-31'), 3))).toBe('2026-06-30');
    expect(f(periodOfMonthsBeginningWith(d('2026-03-01'), 3))).toBe('2026-05-31');
    // neither (X + N months) - 1 day nor (X - 1 day) + N months
    expect(f(periodOfMonthsBeginningWith(d('2023-03-01'), 12))).toBe('2024-02-29');
    expect(f(periodOfMonthsBeginningWith(d('2025-01-01'), 12))).toBe('2025-12-31');
    expect(f(periodOfMonthsBeginningWith(d('2025-11-30'), 3))).toBe('2026-02-28');
    expect(f(periodOfMonthsBeginningWith(d('2025-01-31'), 1))).toBe('2025-02-28');
    expect(f(periodOfMonthsBeginningWith(d('2024-01-30'), 1))).toBe('2024-02-29');
    expect(f(periodOfMonthsBeginningWith(d('2024-01-29'), 1))).toBe('2024-02-28');
    expect(periodOfMonthsStartingWith).toBe(periodOfMonthsBeginningWith);
  });

  it('§1 "at least N months before X": X - N months, clamped (2027-01-04, 5 months → 2026-08-04)', () => {
    expect(f(atLeastMonthsBefore(d('2027-01-04'), 5))).toBe('2026-08-04');
    expect(f(atLeastMonthsBefore(d('2027-07-31'), 5))).toBe('2027-02-28');
    expect(f(atLeastMonthsBefore(d('2028-07-31'), 5))).toBe('2028-02-29');
  });

  it('§1 "before 15 February" of Y is Y-02-14; "before 31 March" is Y-03-30', () => {
    expect(f(before15February(2026))).toBe('2026-02-14');
    expect(f(before31March(2026))).toBe('2026-03-30');
    expect(f(before31March(2028))).toBe('2028-03-30');
  });
});
