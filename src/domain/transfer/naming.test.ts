/**
 * S2's naming rule (`namingOf`): the amended plan names the new setting on or before the legal deadline, or it is
 * named late with the rule. By hand for the S2 examples: 14 February 2026 (reg 18(1)(b)), 30 March 2026 (reg 18(1)(a))
 * and a reg 18(2) move on 2027-01-04 (4 August 2026).
 */
import { describe, expect, it } from 'vitest';
import { cohortEntry, namingOf, transferStage, NO_FACTS, type AmendedPlanFact } from './index.ts';

const LEAVING = 'primary';
const NEW = 'secondary';
const OTHER = 'another-secondary';

function deadlineOf(
  dateOfBirth: string,
  setting: { kind: 'school' | 'college'; firstYear: number; lastYear: number },
  moveDate?: string,
) {
  const e = cohortEntry({
    dateOfBirth,
    on: moveDate ? '2026-06-01' : '2025-10-01',
    setting,
    moveDate: moveDate ?? null,
  });
  if (!e.inCohort) throw new Error(e.label);
  return e.dates;
}
const FEB = deadlineOf('2015-03-01', { kind: 'school', firstYear: 0, lastYear: 6 });
const MARCH = deadlineOf('2010-05-01', { kind: 'school', firstYear: 7, lastYear: 11 });
const REG_18_2 = deadlineOf('2009-01-10', { kind: 'college', firstYear: 12, lastYear: 12 }, '2027-01-04');
const FROM = FEB.reviewFrom.date;
const plan = (issued: string, namedSettingId: string | null): AmendedPlanFact => ({ issued, namedSettingId });

describe('the S2 deadlines the rule is checked against', () => {
  it('are 14 February 2026, 30 March 2026 and 4 August 2026 (reg 18(2): 5 months before 2027-01-04)', () => {
    expect([FEB.deadline.date, MARCH.deadline.date, REG_18_2.deadline.date]).toEqual([
      '2026-02-14',
      '2026-03-30',
      '2026-08-04',
    ]);
  });
});

describe('namingOf', () => {
  it('nothing amended: not named', () => {
    expect(namingOf([], LEAVING, FEB, FROM, '2026-03-01')).toEqual({ status: 'not-named' });
  });

  it('issued on the deadline naming the new school: named, 0 days late, with the rule', () => {
    expect(namingOf([plan('2026-02-14', NEW)], LEAVING, FEB, FROM, '2026-02-14')).toEqual({
      status: 'named',
      on: '2026-02-14',
      settingId: NEW,
      daysLate: 0,
      rule: 'Review the plan and amend it to name the new school before 15 February 2026 (SEND Regulations 2014, reg 18(1)(b))',
    });
  });

  it('issued well before the deadline: named', () => {
    expect(namingOf([plan('2026-01-20', NEW)], LEAVING, FEB, FROM, '2026-01-20').status).toBe('named');
  });

  it('issued the day after the deadline: named late, 1 day, never named', () => {
    const n = namingOf([plan('2026-02-15', NEW)], LEAVING, FEB, FROM, '2026-03-01');
    expect(n).toMatchObject({ status: 'named-late', on: '2026-02-15', daysLate: 1 });
  });

  it('issued 1 March, across the month end: 15 days late', () => {
    expect(namingOf([plan('2026-03-01', NEW)], LEAVING, FEB, FROM, '2026-03-01')).toMatchObject({
      status: 'named-late',
      daysLate: 15,
    });
  });

  it('an amended plan that keeps the setting the child is leaving does not name the new one', () => {
    expect(namingOf([plan('2026-01-10', LEAVING)], LEAVING, FEB, FROM, '2026-03-01')).toEqual({
      status: 'not-named',
    });
  });

  it('an amended plan naming no setting does not name the new one', () => {
    expect(namingOf([plan('2026-01-10', null)], LEAVING, FEB, FROM, '2026-03-01')).toEqual({
      status: 'not-named',
    });
  });

  it('a plan amended for another reason first, then naming the new school: the naming one counts', () => {
    const n = namingOf(
      [plan('2026-02-20', NEW), plan('2025-11-01', LEAVING)],
      LEAVING,
      FEB,
      FROM,
      '2026-03-01',
    );
    expect(n).toMatchObject({ status: 'named-late', on: '2026-02-20', daysLate: 6 });
  });

  it('two amended plans naming new settings: the first one decides (named on time, then changed)', () => {
    const n = namingOf(
      [plan('2026-03-01', OTHER), plan('2026-02-10', NEW)],
      LEAVING,
      FEB,
      FROM,
      '2026-03-02',
    );
    expect(n).toMatchObject({ status: 'named', on: '2026-02-10', settingId: NEW });
  });

  it('an amended plan before the review window (an earlier year) does not count', () => {
    expect(FROM).toBe('2025-09-01');
    expect(namingOf([plan('2025-08-31', NEW)], LEAVING, FEB, FROM, '2026-03-01')).toEqual({
      status: 'not-named',
    });
    expect(namingOf([plan('2025-09-01', NEW)], LEAVING, FEB, FROM, '2026-03-01').status).toBe('named');
  });

  it('an amended plan dated after today is not yet', () => {
    expect(namingOf([plan('2026-02-10', NEW)], LEAVING, FEB, FROM, '2026-02-09')).toEqual({
      status: 'not-named',
    });
  });

  it('a child with no current setting on record: any setting named counts', () => {
    expect(namingOf([plan('2026-02-01', NEW)], null, FEB, FROM, '2026-02-01').status).toBe('named');
  });

  it('post-16 (reg 18(1)(a)): named 30 March is on time, 31 March is late, with its rule', () => {
    const from = MARCH.reviewFrom.date;
    expect(namingOf([plan('2026-03-30', NEW)], LEAVING, MARCH, from, '2026-04-01').status).toBe('named');
    const late = namingOf([plan('2026-03-31', NEW)], LEAVING, MARCH, from, '2026-04-01');
    expect(late).toMatchObject({ status: 'named-late', daysLate: 1 });
    expect(late.status !== 'not-named' && late.rule).toContain('reg 18(1)(a)');
  });

  it('reg 18(2): named on 4 August 2026 for a move on 4 January 2027 is on time; 5 August is late', () => {
    const from = REG_18_2.reviewFrom.date;
    expect(namingOf([plan('2026-08-04', NEW)], LEAVING, REG_18_2, from, '2026-09-01').status).toBe('named');
    const late = namingOf([plan('2026-08-05', NEW)], LEAVING, REG_18_2, from, '2026-09-01');
    expect(late).toMatchObject({ status: 'named-late', daysLate: 1 });
    expect(late.status !== 'not-named' && late.rule).toContain('reg 18(2)');
  });

  it('feeds the stage: named on time is "named"; named late is "late" and marked named late', () => {
    const stageOf = (issued: string) => {
      const n = namingOf([plan(issued, NEW)], LEAVING, FEB, FROM, '2026-03-01');
      return transferStage(FEB, { ...NO_FACTS, named: n.status === 'not-named' ? null : n.on }, '2026-03-01');
    };
    expect(stageOf('2026-02-14')).toEqual({ stage: 'named', namedLate: false });
    expect(stageOf('2026-02-15')).toEqual({ stage: 'late', namedLate: true });
  });
});
