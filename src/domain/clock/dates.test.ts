import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  formatDate,
  formatLong,
  fromCivil,
  isIsoDate,
  isoWeekday,
  parseDate,
  toCivil,
  tryParseDate,
} from './dates.ts';

const d = parseDate;
const plusMonths = (x: string, n: number): string => formatDate(addMonths(d(x), n));

describe('§1 dates as day numbers', () => {
  it('§1 day 0 is 1970-01-01, a Thursday', () => {
    expect(d('1970-01-01')).toBe(0);
    expect(isoWeekday(0)).toBe(4);
    expect(isoWeekday(d('2026-01-05'))).toBe(1); // a Monday
    expect(isoWeekday(d('2026-01-04'))).toBe(7); // a Sunday
  });

  it('§1 parses and formats YYYY-MM-DD both ways', () => {
    expect(formatDate(d('2026-02-16'))).toBe('2026-02-16');
    expect(d('2026-01-01') - d('2025-12-31')).toBe(1);
    expect(d('2024-03-01') - d('2024-02-28')).toBe(2);
    expect(d('2025-03-01') - d('2025-02-28')).toBe(1);
    expect(d('2000-03-01') - d('2000-02-28')).toBe(2); // 2000 is a leap year
    expect(d('2100-03-01') - d('2100-02-28')).toBe(1); // 2100 is not
  });

  it('§5 rejects impossible and malformed dates', () => {
    for (const bad of [
      '2026-02-30',
      '2025-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '2026-1-05',
      '26-01-05',
      '2026/01/05',
      '2026-01-05T00:00:00Z',
      '',
      ' 2026-01-05',
    ]) {
      expect(isIsoDate(bad), bad).toBe(false);
      expect(Number.isNaN(tryParseDate(bad)), bad).toBe(true);
    }
    expect(() => parseDate('2026-02-30')).toThrow(RangeError);
    expect(isIsoDate('2024-02-29')).toBe(true);
  });

  it('§1 writes dates in prose as people do: 16 February 2026', () => {
    expect(formatLong(d('2026-02-16'))).toBe('16 February 2026');
    expect(formatLong(d('2026-03-01'))).toBe('1 March 2026');
    expect(formatLong(d('1850-12-25'))).toBe('25 December 1850'); // outside the cache
    expect(formatDate(d('2250-06-30'))).toBe('2250-06-30');
  });

  it('§1 adding months keeps the day and clamps to the month end', () => {
    expect(plusMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(plusMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(plusMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(plusMonths('2026-01-31', 2)).toBe('2026-03-31');
    expect(plusMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(plusMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(plusMonths('2025-12-15', 1)).toBe('2026-01-15'); // year end
    expect(plusMonths('2025-10-31', 2)).toBe('2025-12-31');
    expect(plusMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('§1 property: civil dates round-trip through day numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const { year, month, day } = toCivil(n);
        expect(fromCivil(year, month, day)).toBe(n);
        if (year >= 1 && year <= 9999) expect(parseDate(formatDate(n))).toBe(n);
      }),
    );
  });

  it('§1 property: adding months moves the month exactly and never past the original day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -30_000, max: 80_000 }),
        fc.integer({ min: -48, max: 48 }),
        (n, months) => {
          const a = toCivil(n);
          const b = toCivil(addMonths(n, months));
          expect(b.year * 12 + b.month - (a.year * 12 + a.month)).toBe(months);
          expect(b.day).toBeLessThanOrEqual(a.day);
          if (b.day < a.day) expect(toCivil(addMonths(n, months) + 1).month).not.toBe(b.month); // clamped to month end
        },
      ),
    );
  });
});
