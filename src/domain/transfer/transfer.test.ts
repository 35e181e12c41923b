import { describe, expect, it } from 'vitest';
import {
  cohortEntry,
  cohortYearLabel,
  nextAction,
  NO_FACTS,
  transferStage,
  urgencyOf,
  type CohortEntry,
  type TransferDates,
  type TransferSetting,
} from './index.ts';

const school = (firstYear: number, lastYear: number): TransferSetting => ({
  kind: 'school',
  firstYear,
  lastYear,
});
const PRIMARY = school(0, 6);
const SECONDARY_11_16 = school(7, 11);
const SECONDARY_11_18 = school(7, 13);

function inCohort(e: CohortEntry): Extract<CohortEntry, { inCohort: true }> {
  if (!e.inCohort) throw new Error(`not in cohort: ${e.label}`);
  return e;
}

function datesOf(e: CohortEntry) {
  const d = inCohort(e).dates;
  return {
    deadline: d.deadline.date,
    latestProposal: d.latestProposal.date,
    latestPreference: d.latestPreference.date,
    latestReview: d.latestReview.date,
    reviewFrom: d.reviewFrom.date,
    consultationResponsesBy: d.consultationResponsesBy.date,
  };
}

describe('S2 acceptance examples', () => {
  it('born 2015-03-01 at a 0-6 primary on 2025-10-01: transfer 2026, deadline 2026-02-14 (reg 18(1)(b))', () => {
    const e = inCohort(cohortEntry({ dateOfBirth: '2015-03-01', on: '2025-10-01', setting: PRIMARY }));
    expect(e).toMatchObject({ kind: 'school', yearGroup: 6, moveYear: 2026 });
    expect(datesOf(e)).toEqual({
      deadline: '2026-02-14',
      latestProposal: '2026-01-30',
      latestPreference: '2026-01-15',
      latestReview: '2026-01-02',
      reviewFrom: '2025-09-01',
      consultationResponsesBy: '2026-01-30',
    });
    expect(e.dates.deadline.source).toContain('reg 18(1)(b)');
    expect(e.dates.deadline.statutory).toBe(true);
    expect(e.dates.latestPreference.statutory).toBe(false);
    expect(e.dates.latestReview.statutory).toBe(false);
  });

  it('born 2010-05-01 at an 11-16 school: deadline 2026-03-30, latest proposal 2026-03-15 (reg 18(1)(a))', () => {
    const e = inCohort(
      cohortEntry({ dateOfBirth: '2010-05-01', on: '2025-10-01', setting: SECONDARY_11_16 }),
    );
    expect(e).toMatchObject({ kind: 'post-16', yearGroup: 11, moveYear: 2026 });
    expect(datesOf(e)).toMatchObject({
      deadline: '2026-03-30',
      latestProposal: '2026-03-15',
      latestPreference: '2026-02-28',
      latestReview: '2026-02-15',
    });
    expect(e.dates.deadline.source).toContain('reg 18(1)(a)');
  });

  it('born 2010-05-01 at an 11-18 school: not in the cohort (the school’s own sixth form is not a phase transfer)', () => {
    const e = cohortEntry({ dateOfBirth: '2010-05-01', on: '2025-10-01', setting: SECONDARY_11_18 });
    expect(e).toMatchObject({ inCohort: false, kind: null, yearGroup: 11, movesWithoutStatutoryDate: false });
  });

  it('FE college year 12-12, moving to another college on 2027-01-04: deadline 2026-08-04 (reg 18(2))', () => {
    const e = inCohort(
      cohortEntry({
        dateOfBirth: '2009-01-15',
        on: '2026-06-01',
        setting: { kind: 'college', firstYear: 12, lastYear: 12 },
        moveDate: '2027-01-04',
      }),
    );
    expect(e.kind).toBe('post-16-move');
    expect(e.dates.deadline).toMatchObject({
      date: '2026-08-04',
      source: 'SEND Regulations 2014, reg 18(2)',
    });
    expect(e.dates.latestProposal.date).toBe('2026-07-20');
    expect(e.dates.reviewFrom.date).toBe('2026-01-04');
  });

  it('a move from Year 11 to another school’s sixth form: not a statutory phase transfer, local deadline', () => {
    const e = cohortEntry({
      dateOfBirth: '2010-05-01',
      on: '2025-10-01',
      setting: SECONDARY_11_16,
      destination: 'school-sixth-form',
    });
    expect(e).toMatchObject({ inCohort: false, kind: null, movesWithoutStatutoryDate: true, moveYear: 2026 });
    expect(e.label).toContain('not a statutory phase transfer');
    expect(e.label).toContain('local deadline');
  });

  it('the same Year 11 going to a post-16 institution, or destination unknown, keeps 31 March', () => {
    for (const destination of ['post-16-institution', null] as const) {
      const e = cohortEntry({
        dateOfBirth: '2010-05-01',
        on: '2025-10-01',
        setting: SECONDARY_11_16,
        destination,
      });
      expect(datesOf(e).deadline).toBe('2026-03-30');
    }
  });
});

describe('the cohort across kinds of setting', () => {
  const on = '2025-11-15';
  // Year group N in the school year from 1 September 2025: born 1 September (2020 - N) to 31 August (2021 - N).
  const bornInYear = (n: number) => `${2020 - n}-12-01`;

  it.each([
    [
      'nursery to Reception (early years to school)',
      { kind: 'early-years', firstYear: -2, lastYear: -1 },
      -1,
    ],
    ['infant to junior', school(0, 2), 2],
    ['first to middle', school(0, 4), 4],
    ['primary to secondary', PRIMARY, 6],
    ['middle to secondary (deemed secondary 9-13)', school(5, 8), 8],
    ['middle to upper', school(4, 7), 7],
  ] as const)('%s: in the cohort at the last year group, 15 February', (_name, setting, last) => {
    const e = inCohort(cohortEntry({ dateOfBirth: bornInYear(last), on, setting }));
    expect(e.kind).toBe('school');
    expect(e.dates.deadline.date).toBe('2026-02-14');
    const before = cohortEntry({ dateOfBirth: bornInYear(last - 1), on, setting });
    if (setting.firstYear <= last - 1) expect(before.inCohort).toBe(false);
  });

  it('an all-through school (Reception to Year 13) keeps its Year 6 and Year 11; its Year 13 leaves by 31 March', () => {
    const allThrough = school(0, 13);
    expect(cohortEntry({ dateOfBirth: bornInYear(6), on, setting: allThrough }).inCohort).toBe(false);
    expect(cohortEntry({ dateOfBirth: bornInYear(11), on, setting: allThrough }).inCohort).toBe(false);
    expect(datesOf(cohortEntry({ dateOfBirth: bornInYear(13), on, setting: allThrough })).deadline).toBe(
      '2026-03-30',
    );
  });

  it('a special school for 2 to 19 moves a child only from its last year group', () => {
    const special = school(-2, 14);
    for (const n of [-1, 6, 11, 13]) {
      expect(cohortEntry({ dateOfBirth: bornInYear(n), on, setting: special }).inCohort).toBe(false);
    }
    expect(inCohort(cohortEntry({ dateOfBirth: bornInYear(14), on, setting: special })).kind).toBe('post-16');
  });

  it('a primary with a nursery class keeps its nursery children (no phase transfer into Reception)', () => {
    expect(cohortEntry({ dateOfBirth: bornInYear(-1), on, setting: school(-1, 6) }).inCohort).toBe(false);
  });

  it('a post-16 institution’s last year with no later move recorded: no statutory date (reg 18(1) sets none)', () => {
    const e = cohortEntry({
      dateOfBirth: bornInYear(13),
      on,
      setting: { kind: 'college', firstYear: 12, lastYear: 13 },
    });
    expect(e).toMatchObject({ inCohort: false, movesWithoutStatutoryDate: false });
  });

  it('reg 18(2) clamps to the month’s end: a move on 2027-07-31 is due 2027-02-28', () => {
    const e = cohortEntry({
      dateOfBirth: bornInYear(12),
      on,
      setting: { kind: 'college', firstYear: 12, lastYear: 14 },
      moveDate: '2027-07-31',
    });
    expect(datesOf(e).deadline).toBe('2027-02-28');
  });

  it('no setting, an "other" setting or an age range that does not hold the child: not placed in a cohort', () => {
    expect(cohortEntry({ dateOfBirth: bornInYear(6), on, setting: null })).toMatchObject({
      inCohort: false,
      label: 'No current setting recorded',
    });
    expect(
      cohortEntry({ dateOfBirth: bornInYear(6), on, setting: { kind: 'other', firstYear: 0, lastYear: 6 } })
        .inCohort,
    ).toBe(false);
    expect(cohortEntry({ dateOfBirth: bornInYear(9), on, setting: PRIMARY }).label).toContain('outside');
  });

  it('the cohort is the school year’s: born 31 August is a year above born 1 September', () => {
    expect(cohortEntry({ dateOfBirth: '2014-09-01', on, setting: PRIMARY }).inCohort).toBe(true);
    expect(cohortEntry({ dateOfBirth: '2015-08-31', on, setting: PRIMARY }).inCohort).toBe(true);
    expect(cohortEntry({ dateOfBirth: '2015-09-01', on, setting: PRIMARY }).inCohort).toBe(false);
    expect(cohortEntry({ dateOfBirth: '2014-08-31', on, setting: PRIMARY }).inCohort).toBe(false);
  });

  it('the cohort lasts the school year: in on 31 August 2026, and a new cohort from 1 September 2026', () => {
    expect(cohortEntry({ dateOfBirth: '2015-03-01', on: '2026-08-31', setting: PRIMARY }).inCohort).toBe(
      true,
    );
    expect(cohortEntry({ dateOfBirth: '2015-03-01', on: '2026-09-01', setting: PRIMARY }).inCohort).toBe(
      false,
    );
    expect(
      datesOf(cohortEntry({ dateOfBirth: '2016-03-01', on: '2026-09-01', setting: PRIMARY })).deadline,
    ).toBe('2027-02-14');
    expect(cohortYearLabel('2026-08-31')).toBe('2025 to 2026');
    expect(cohortYearLabel('2026-09-01')).toBe('2026 to 2027');
  });

  it('a leap year does not move the planning dates off their day counts (deadline 2028-02-14)', () => {
    const e = cohortEntry({ dateOfBirth: '2017-03-01', on: '2027-10-01', setting: PRIMARY });
    expect(datesOf(e)).toMatchObject({
      deadline: '2028-02-14',
      latestProposal: '2028-01-30',
      latestPreference: '2028-01-15',
      latestReview: '2028-01-02',
    });
  });
});

describe('the stage of a child’s transfer', () => {
  const dates: TransferDates = inCohort(
    cohortEntry({ dateOfBirth: '2015-03-01', on: '2025-10-01', setting: PRIMARY }),
  ).dates;
  const stage = (facts: Partial<typeof NO_FACTS>, today = '2025-12-01') =>
    transferStage(dates, { ...NO_FACTS, ...facts }, today);

  it('moves through the S2 states as the facts arrive', () => {
    expect(stage({}).stage).toBe('in-cohort');
    expect(stage({ reviewHeld: '2025-11-01' }).stage).toBe('review-held');
    expect(stage({ reviewHeld: '2025-11-01', preferenceReceived: '2025-11-05' }).stage).toBe(
      'preference-received',
    );
    expect(
      stage({ preferenceReceived: '2025-11-05', consultationSent: '2025-11-06', consultations: 2 }).stage,
    ).toBe('consulting');
    expect(stage({ consultationSent: '2025-11-06', proposalSent: '2025-11-20' }).stage).toBe('proposal-sent');
    expect(stage({ proposalSent: '2025-11-20', named: '2025-12-05' }, '2025-12-05').stage).toBe('named');
  });

  it('named on the deadline is named; the day after, without naming, late; named after it, late and named', () => {
    expect(stage({ named: '2026-02-14' }, '2026-03-01')).toEqual({ stage: 'named', namedLate: false });
    expect(stage({ proposalSent: '2026-01-20' }, '2026-02-14').stage).toBe('proposal-sent');
    expect(stage({ proposalSent: '2026-01-20' }, '2026-02-15')).toEqual({ stage: 'late', namedLate: false });
    expect(stage({ named: '2026-02-16' }, '2026-02-20')).toEqual({ stage: 'late', namedLate: true });
  });

  it('what must happen next, by when, and how urgent', () => {
    const next = (facts: Partial<typeof NO_FACTS>, today: string) => {
      const f = { ...NO_FACTS, ...facts };
      return nextAction(dates, f, transferStage(dates, f, today).stage, today);
    };
    expect(next({}, '2025-12-01')).toMatchObject({
      action: 'Hold the phase-transfer review',
      by: '2026-01-02',
      urgency: 'later',
      statutory: false,
    });
    expect(next({}, '2025-12-28').urgency).toBe('this-week');
    expect(next({}, '2026-01-03').urgency).toBe('overdue');
    expect(next({ reviewHeld: '2025-11-01' }, '2026-01-10')).toMatchObject({
      by: '2026-01-15',
      urgency: 'this-week',
    });
    expect(next({ preferenceReceived: '2025-11-01' }, '2026-01-10').action).toContain('Consult');
    expect(
      next({ consultationSent: '2026-01-05', consultations: 3, consultationsAnswered: 1 }, '2026-01-10')
        .action,
    ).toContain('2 of 3 consulted have not answered yet');
    expect(next({ proposalSent: '2026-01-20' }, '2026-01-25')).toMatchObject({
      action:
        'Issue the amended plan naming the setting once the family’s comments are in (from 4 February 2026)',
      by: '2026-02-14',
      statutory: true,
      warning: null,
    });
    expect(next({ proposalSent: '2026-02-05' }, '2026-02-06').warning).toContain('19 February 2026');
    expect(next({ proposalSent: '2026-01-20' }, '2026-02-16')).toMatchObject({
      urgency: 'overdue',
      statutory: true,
    });
    expect(next({ named: '2026-02-01' }, '2026-02-16')).toMatchObject({ by: null, urgency: 'done' });
    expect(next({ named: '2026-02-20' }, '2026-02-21')).toMatchObject({ by: null, urgency: 'done' });
  });

  it('this week is the 7 days beginning with today', () => {
    expect(urgencyOf('2026-01-07', '2026-01-01')).toBe('this-week');
    expect(urgencyOf('2026-01-08', '2026-01-01')).toBe('later');
    expect(urgencyOf('2026-01-01', '2026-01-01')).toBe('this-week');
    expect(urgencyOf('2025-12-31', '2026-01-01')).toBe('overdue');
  });
});
