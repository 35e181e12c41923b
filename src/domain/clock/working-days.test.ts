import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BANK_HOLIDAYS_ENGLAND_AND_WALES } from './bank-holidays.ts';
import { addDays, formatDate, fromCivil, isoWeekday, parseDate, toCivil } from './dates.ts';
import { addWorkingDayNumbers, addWorkingDays, isWorkingDay, planTransferSendBy } from './working-days.ts';

const holidays = (year: number): string[] =>
  BANK_HOLIDAYS_ENGLAND_AND_WALES.filter((h) => h.date.startsWith(`${year}-`)).map((h) => h.date);

/** Easter Sunday by the anonymous Gregorian algorithm, to check the data independently. */
function easter(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return fromCivil(year, month, day);
}

const firstMonday = (year: number, month: number): number => {
  let day = fromCivil(year, month, 1);
  while (isoWeekday(day) !== 1) day++;
  return day;
};
const lastMonday = (year: number, month: number): number => {
  let day = fromCivil(year, month + 1, 1) - 1;
  while (isoWeekday(day) !== 1) day--;
  return day;
};
/** The first weekday on or after a fixed date, skipping days already taken. */
const substitute = (day: number, taken: Set<number>): number => {
  let x = day;
  while (isoWeekday(x) > 5 || taken.has(x)) x++;
  return x;
};

/** The usual rules, before any one-off change by proclamation. */
function usualHolidays(year: number): string[] {
  const days = new Set<number>();
  days.add(substitute(fromCivil(year, 1, 1), days));
  days.add(easter(year) - 2);
  days.add(easter(year) + 1);
  days.add(firstMonday(year, 5));
  days.add(lastMonday(year, 5));
  days.add(lastMonday(year, 8));
  days.add(substitute(fromCivil(year, 12, 25), days));
  days.add(substitute(fromCivil(year, 12, 26), days));
  return [...days].sort((a, b) => a - b).map(formatDate);
}

describe('§1 bank holidays in England and Wales, 2012-2030', () => {
  const expectedCounts: Record<number, number> = {
    2012: 9,
    2013: 8,
    2014: 8,
    2015: 8,
    2016: 8,
    2017: 8,
    2018: 8,
    2019: 8,
    2020: 8,
    2021: 8,
    2022: 10,
    2023: 9,
    2024: 8,
    2025: 8,
    2026: 8,
    2027: 8,
    2028: 8,
    2029: 8,
    2030: 8,
  };

  it.each(Object.entries(expectedCounts))('§1 %s has %i bank holidays', (year, count) => {
    expect(holidays(Number(year))).toHaveLength(count);
  });

  it('§1 no bank holiday falls on a weekend and none is listed twice', () => {
    const dates = BANK_HOLIDAYS_ENGLAND_AND_WALES.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    for (const date of dates) expect(isoWeekday(parseDate(date)), date).toBeLessThanOrEqual(5);
  });

  it("§1 the moved and extra holidays: VE Day 2020, Platinum Jubilee and the Queen's funeral 2022, the Coronation 2023", () => {
    expect(holidays(2020)).toContain('2020-05-08');
    expect(holidays(2020)).not.toContain('2020-05-04');
    expect(holidays(2022)).toEqual(expect.arrayContaining(['2022-06-02', '2022-06-03', '2022-09-19']));
    expect(holidays(2022)).not.toContain('2022-05-30');
    expect(holidays(2023)).toEqual(expect.arrayContaining(['2023-05-01', '2023-05-08', '2023-05-29']));
  });

  it('§1 substitute days when Christmas, Boxing Day or New Year fall at a weekend', () => {
    expect(holidays(2012)).toContain('2012-01-02');
    expect(holidays(2015)).toEqual(expect.arrayContaining(['2015-12-25', '2015-12-28']));
    expect(holidays(2016)).toEqual(expect.arrayContaining(['2016-12-26', '2016-12-27']));
    expect(holidays(2017)).toContain('2017-01-02');
    expect(holidays(2020)).toEqual(expect.arrayContaining(['2020-12-25', '2020-12-28']));
    expect(holidays(2021)).toEqual(expect.arrayContaining(['2021-12-27', '2021-12-28']));
    expect(holidays(2022)).toEqual(expect.arrayContaining(['2022-01-03', '2022-12-26', '2022-12-27']));
    expect(holidays(2023)).toContain('2023-01-02');
    expect(holidays(2026)).toEqual(expect.arrayContaining(['2026-12-25', '2026-12-28']));
    expect(holidays(2027)).toEqual(expect.arrayContaining(['2027-12-27', '2027-12-28']));
    expect(holidays(2028)).toContain('2028-01-03');
  });

  it('§1 every other year follows the usual rules exactly (Easter computed independently)', () => {
    for (let year = 2012; year <= 2030; year++) {
      if (year === 2012 || year === 2020 || year === 2022 || year === 2023) continue;
      expect(holidays(year), String(year)).toEqual(usualHolidays(year));
    }
    // The special years differ from the usual rules only by the known changes.
    expect(holidays(2012)).toEqual(
      [...usualHolidays(2012).filter((x) => x !== '2012-05-28'), '2012-06-04', '2012-06-05'].sort(),
    );
    expect(holidays(2020)).toEqual(
      usualHolidays(2020)
        .map((x) => (x === '2020-05-04' ? '2020-05-08' : x))
        .sort(),
    );
    expect(holidays(2022)).toEqual(
      [
        ...usualHolidays(2022).filter((x) => x !== '2022-05-30'),
        '2022-06-02',
        '2022-06-03',
        '2022-09-19',
      ].sort(),
    );
    expect(holidays(2023)).toEqual([...usualHolidays(2023), '2023-05-08'].sort());
  });
});

describe('§1 working days and reg 15(2)', () => {
  it('§1 N working days after X skips weekends and bank holidays, not counting X', () => {
    expect(addWorkingDays('2026-01-09', 1)).toBe('2026-01-12'); // Friday → Monday
    expect(addWorkingDays('2026-01-05', 0)).toBe('2026-01-05');
    expect(addWorkingDays('2026-01-05', 5)).toBe('2026-01-12');
    expect(addWorkingDays('2026-12-18', 5)).toBe('2026-12-29'); // 25 and 28 December 2026 are holidays
    expect(addWorkingDays('2022-05-31', 3)).toBe('2022-06-07'); // Jubilee 2 and 3 June 2022
    expect(addWorkingDays('2022-09-16', 1)).toBe('2022-09-20'); // the Queen's funeral
    expect(addWorkingDays('2023-05-05', 1)).toBe('2023-05-09'); // the Coronation
    expect(addWorkingDays('2026-03-31', 3)).toBe('2026-04-07'); // Good Friday and Easter Monday
    expect(addWorkingDays('2012-06-01', 1)).toBe('2012-06-06'); // spring bank holiday moved, and the Diamond Jubilee
    expect(addWorkingDays('2016-12-23', 1)).toBe('2016-12-28'); // Boxing Day and Christmas Day's substitute
  });

  it("§1 a local authority's own closure days are added on top", () => {
    expect(addWorkingDays('2026-01-02', 1, ['2026-01-05'])).toBe('2026-01-06');
    expect(addWorkingDays('2026-12-23', 2, ['2026-12-24', '2026-12-29', '2026-12-30', '2026-12-31'])).toBe(
      '2027-01-05',
    );
    expect(isWorkingDay(parseDate('2026-12-24'))).toBe(true);
    expect(isWorkingDay(parseDate('2026-12-24'), new Set([parseDate('2026-12-24')]))).toBe(false);
  });

  it('§1 working days are only known for the years held as data', () => {
    expect(() => addWorkingDays('2030-12-30', 5)).toThrow(RangeError);
    expect(() => addWorkingDays('2011-12-20', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-01-05', -1)).toThrow(RangeError);
  });

  it('§2.4 reg 15(2): old authority knew 15 working days before the move → send on the day of the move', () => {
    // the 15 working days beginning with Friday 9 January end on Thursday 29 January, before the move
    const r = planTransferSendBy('2026-01-30', '2026-01-09');
    expect(r).toMatchObject({ sendBy: '2026-01-30', knewInTime: true });
    expect(r.rule).toMatch(/^SEND Regulations 2014, reg 15\(2\)/);
    expect(r.explanation).toContain('on the day of the move, 30 January 2026');
    expect(planTransferSendBy('2026-01-30', '2026-01-02').sendBy).toBe('2026-01-30');
  });

  it('§2.4 reg 15(2): learned later → within 15 working days beginning with the day it learned (D6)', () => {
    // Monday 12 January is day 1; day 15 is Friday 30 January, the day of the move itself
    expect(planTransferSendBy('2026-01-30', '2026-01-12')).toMatchObject({
      sendBy: '2026-01-30',
      knewInTime: false,
    });
    expect(planTransferSendBy('2026-01-29', '2026-01-12').sendBy).toBe('2026-01-30');
    // the document's examples: aware Monday 2026-03-02 → 2026-03-20; aware Saturday 2026-03-07 → 2026-03-27
    expect(planTransferSendBy('2026-03-10', '2026-03-02').sendBy).toBe('2026-03-20');
    expect(planTransferSendBy('2026-03-10', '2026-03-07').sendBy).toBe('2026-03-27');
    // learned after the move, across Christmas 2026 (25 and 28 December and 1 January are bank holidays)
    expect(planTransferSendBy('2026-12-01', '2026-12-10').sendBy).toBe('2027-01-04');
    expect(planTransferSendBy('2026-12-01', '2026-12-10', ['2026-12-29']).sendBy).toBe('2027-01-05');
  });

  it('§1 property: the Nth working day after X is a working day with exactly N working days after X up to it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: parseDate('2012-01-01'), max: parseDate('2030-10-01') }),
        fc.integer({ min: 1, max: 40 }),
        (start, n) => {
          const end = addWorkingDayNumbers(start, n);
          expect(isWorkingDay(end)).toBe(true);
          let count = 0;
          for (let x = addDays(start, 1); x <= end; x++) if (isWorkingDay(x)) count++;
          expect(count).toBe(n);
          expect(toCivil(end).year).toBeGreaterThanOrEqual(toCivil(start).year);
        },
      ),
    );
  });
});
