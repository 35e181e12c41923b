import { describe, expect, it } from 'vitest';
import {
  ageOn,
  phaseTransferCheck,
  phaseTransferOn,
  schoolYearStartOf,
  yearGroupInSchoolYear,
  yearGroupName,
  yearGroupOn,
} from './school-year.ts';
import { parseDate } from './clock/dates.ts';

describe('§2.3 National Curriculum year groups', () => {
  it('§2.3 the school year starts on 1 September', () => {
    expect(schoolYearStartOf(parseDate('2025-09-01'))).toBe(2025);
    expect(schoolYearStartOf(parseDate('2025-08-31'))).toBe(2024);
    expect(schoolYearStartOf(parseDate('2026-07-20'))).toBe(2025);
  });

  it('§2.3 the document’s example: born 2015-03-01 is in year 6 in 2025/26 and must be amended by 2026-02-14', () => {
    expect(yearGroupInSchoolYear('2015-03-01', 2025)).toBe(6);
    expect(phaseTransferOn('2015-03-01', { firstYear: 0, lastYear: 6 }, '2025-11-01')).toEqual({
      transfers: true,
      moveYear: 2026,
      kind: 'school',
      deadline: '2026-02-14',
    });
  });

  it('§2.3 born 1 September (S - 5 - N) to 31 August (S - 4 - N) is year N: the 31 August / 1 September edge', () => {
    expect(yearGroupInSchoolYear('2020-09-01', 2025)).toBe(0); // Reception
    expect(yearGroupInSchoolYear('2021-08-31', 2025)).toBe(0);
    expect(yearGroupInSchoolYear('2020-08-31', 2025)).toBe(1);
    expect(yearGroupInSchoolYear('2021-09-01', 2025)).toBe(-1);
  });

  it('§2.3 the year group changes on 1 September, not on the birthday', () => {
    expect(yearGroupOn('2015-03-01', '2026-08-31')).toBe(6);
    expect(yearGroupOn('2015-03-01', '2026-09-01')).toBe(7);
    expect(yearGroupOn('2015-03-01', '2026-03-01')).toBe(6);
  });

  it('§2.3 nursery and younger are negative; young people past Year 13 keep counting', () => {
    expect(yearGroupOn('2022-06-01', '2025-10-01')).toBe(-1);
    expect(yearGroupOn('2024-01-01', '2025-10-01')).toBe(-3);
    expect(yearGroupOn('2005-10-01', '2025-10-01')).toBe(15);
    expect(yearGroupName(0)).toBe('Reception');
    expect(yearGroupName(-1)).toBe('Nursery');
    expect(yearGroupName(-2)).toBe('Early years (2 years before Reception)');
    expect(yearGroupName(-4)).toBe('Early years (4 years before Reception)');
    expect(yearGroupName(1)).toBe('Year 1');
    expect(yearGroupName(11)).toBe('Year 11');
    expect(yearGroupName(13)).toBe('Year 13');
    expect(yearGroupName(14)).toBe('Post-16 (1 year after Year 13)');
    expect(yearGroupName(18)).toBe('Post-16 (5 years after Year 13)');
    for (let yg = -5; yg <= 20; yg++)
      expect(yearGroupName(yg)).not.toMatch(/(^|\s|year )-\d|Year (1[4-9]|[2-9]\d)/);
  });

  it('§2.3 a child born on 29 February', () => {
    expect(yearGroupOn('2016-02-29', '2025-10-01')).toBe(5);
    expect(ageOn('2016-02-29', '2025-02-28')).toBe(8);
    expect(ageOn('2016-02-29', '2025-03-01')).toBe(9);
    expect(ageOn('2016-02-29', '2024-02-29')).toBe(8);
  });
});

describe('§2.3 who transfers phase next September, and which deadline applies', () => {
  it('§2.3 primary (0-6): year 6 transfers to secondary, kind school; year 5 does not', () => {
    expect(phaseTransferCheck(6, { firstYear: 0, lastYear: 6 }, 2025)).toEqual({
      transfers: true,
      moveYear: 2026,
      kind: 'school',
      deadline: '2026-02-14',
    });
    expect(phaseTransferCheck(5, { firstYear: 0, lastYear: 6 }, 2025)).toEqual({
      transfers: false,
      moveYear: 2026,
      kind: null,
      deadline: null,
    });
  });

  it('§2.3 middle schools work: years 5-8 transfer at year 8; a first school (0-4) at year 4', () => {
    expect(phaseTransferCheck(8, { firstYear: 5, lastYear: 8 }, 2026)).toMatchObject({
      transfers: true,
      kind: 'school',
      deadline: '2027-02-14',
    });
    expect(phaseTransferCheck(5, { firstYear: 5, lastYear: 8 }, 2026)).toMatchObject({ transfers: false });
    expect(phaseTransferCheck(4, { firstYear: 0, lastYear: 4 }, 2026)).toMatchObject({
      transfers: true,
      kind: 'school',
    });
    expect(phaseTransferCheck(2, { firstYear: 0, lastYear: 2 }, 2026)).toMatchObject({
      transfers: true,
      kind: 'school',
    }); // infant to junior
  });

  it('§2.3 early years to school: the last nursery year transfers to Reception, kind school', () => {
    expect(phaseTransferCheck(-1, { firstYear: -2, lastYear: -1 }, 2025)).toMatchObject({
      transfers: true,
      kind: 'school',
      deadline: '2026-02-14',
    });
  });

  it('§2.3 secondary to post-16: year 11 at an 11-16 school, kind post-16, due Y-03-30', () => {
    expect(phaseTransferOn('2010-01-01', { firstYear: 7, lastYear: 11 }, '2025-10-01')).toEqual({
      transfers: true,
      moveYear: 2026,
      kind: 'post-16',
      deadline: '2026-03-30',
    });
  });

  it('§2.3 a school with a sixth form: year 11 stays; year 13 moves on to post-16', () => {
    expect(phaseTransferCheck(11, { firstYear: 7, lastYear: 13 }, 2025)).toMatchObject({ transfers: false });
    expect(phaseTransferCheck(13, { firstYear: 7, lastYear: 13 }, 2025)).toMatchObject({
      transfers: true,
      kind: 'post-16',
      deadline: '2026-03-30',
    });
  });

  it('§2.3 between post-16 institutions there is no fixed reg 18(1) date', () => {
    expect(phaseTransferCheck(13, { firstYear: 12, lastYear: 13 }, 2025)).toEqual({
      transfers: true,
      moveYear: 2026,
      kind: null,
      deadline: null,
    });
  });

  it('§2.3 a year group outside the setting’s range, or a backwards range, is an error', () => {
    expect(() => phaseTransferCheck(7, { firstYear: 0, lastYear: 6 }, 2025)).toThrow(RangeError);
    expect(() => phaseTransferCheck(3, { firstYear: 6, lastYear: 0 }, 2025)).toThrow(RangeError);
  });
});
