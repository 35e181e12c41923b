import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  flagsFor,
  isCompleteWithoutEvidence,
  isDueThisMonth,
  isOngoingNotUpdated,
  isOverdue,
  isStale,
  lastUpdateAsOf,
  statusAsOf,
} from './flags.ts';
import type { TrackedAction } from './flags.ts';

const base: TrackedAction = {
  ref: '1 A',
  start: '2022-01-01',
  end: '2022-03-31',
  ongoing: false,
  status: 'on-track',
};
const a = (over: Partial<TrackedAction>): TrackedAction => ({ ...base, ...over });

describe('status and last update as of a date', () => {
  const action = a({
    updates: [
      { date: '2022-03-10', status: 'complete', evidence: 1 },
      { date: '2022-02-01', status: 'significant-risk' },
      { date: '2022-02-15' },
    ],
  });
  it('takes the latest update on or before the date, ignoring later ones', () => {
    expect(statusAsOf(action, '2022-01-31')).toBe('on-track');
    expect(statusAsOf(action, '2022-02-01')).toBe('significant-risk');
    expect(statusAsOf(action, '2022-02-20')).toBe('significant-risk');
    expect(statusAsOf(action, '2022-03-10')).toBe('complete');
    expect(lastUpdateAsOf(action, '2022-01-31')).toBeNull();
    expect(lastUpdateAsOf(action, '2022-03-01')).toBe('2022-02-15');
  });
  it('counts days across months and leap years', () => {
    expect(daysBetween('2022-01-01', '2022-02-12')).toBe(42);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2022-03-01', '2022-02-28')).toBe(-1);
  });
});

describe('overdue', () => {
  it('is overdue from the day after its end', () => {
    expect(isOverdue(base, '2022-03-31')).toBe(false);
    expect(isOverdue(base, '2022-04-01')).toBe(true);
  });
  it('is not overdue when complete, ongoing or without an end', () => {
    expect(isOverdue(a({ status: 'complete' }), '2022-05-01')).toBe(false);
    expect(isOverdue(a({ updates: [{ date: '2022-03-30', status: 'complete' }] }), '2022-05-01')).toBe(false);
    expect(isOverdue(a({ ongoing: true }), '2022-05-01')).toBe(false);
    expect(isOverdue(a({ end: null }), '2022-05-01')).toBe(false);
  });
  it('was overdue before a later completion', () => {
    const late = a({ updates: [{ date: '2022-05-10', status: 'complete', evidence: 1 }] });
    expect(isOverdue(late, '2022-05-01')).toBe(true);
    expect(isOverdue(late, '2022-05-10')).toBe(false);
  });
  it('counts every status but complete', () => {
    for (const status of ['on-track', 'significant-risk', 'high-risk', 'not-started'] as const) {
      expect(isOverdue(a({ status }), '2022-04-01')).toBe(true);
    }
  });
});

describe('due this month', () => {
  it('is due when its end is in the as-of calendar month, overdue or not', () => {
    expect(isDueThisMonth(base, '2022-03-01')).toBe(true);
    expect(isDueThisMonth(base, '2022-03-31')).toBe(true);
    expect(isDueThisMonth(a({ end: '2022-03-10' }), '2022-03-20')).toBe(true);
    expect(isDueThisMonth(base, '2022-02-28')).toBe(false);
    expect(isDueThisMonth(base, '2022-04-01')).toBe(false);
    expect(isDueThisMonth(a({ end: '2021-03-31' }), '2022-03-15')).toBe(false);
  });
  it('is not due when complete or undated', () => {
    expect(isDueThisMonth(a({ status: 'complete' }), '2022-03-15')).toBe(false);
    expect(isDueThisMonth(a({ end: null }), '2022-03-15')).toBe(false);
  });
});

describe('no update for six weeks', () => {
  it('flags a last update more than 42 days before the as-of date', () => {
    const action = a({ updates: [{ date: '2022-02-01' }] });
    expect(isStale(action, '2022-03-15')).toBe(false); // 42 days
    expect(isStale(action, '2022-03-16')).toBe(true); // 43 days
  });
  it('gives a never-updated action six weeks from its start', () => {
    expect(isStale(base, '2022-02-12')).toBe(false);
    expect(isStale(base, '2022-02-13')).toBe(true);
  });
  it('does not flag an action that has not started or is complete', () => {
    expect(isStale(a({ start: '2022-06-01' }), '2022-05-01')).toBe(false);
    expect(isStale(a({ status: 'complete' }), '2022-12-01')).toBe(false);
  });
  it('flags a never-updated action with no start date', () => {
    expect(isStale(a({ start: null }), '2022-01-02')).toBe(true);
    expect(isStale(a({ start: null, updates: [{ date: '2022-01-01' }] }), '2022-01-02')).toBe(false);
  });
  it('ignores updates after the as-of date', () => {
    expect(isStale(a({ updates: [{ date: '2022-04-01' }] }), '2022-03-01')).toBe(true);
  });
});

describe('complete without evidence', () => {
  it('flags a complete action with no evidence up to the date', () => {
    expect(isCompleteWithoutEvidence(a({ status: 'complete' }), '2022-04-01')).toBe(true);
    expect(
      isCompleteWithoutEvidence(
        a({ status: 'complete', updates: [{ date: '2022-03-01', evidence: 0 }] }),
        '2022-04-01',
      ),
    ).toBe(true);
    expect(
      isCompleteWithoutEvidence(
        a({ status: 'complete', updates: [{ date: '2022-03-01', evidence: 2 }] }),
        '2022-04-01',
      ),
    ).toBe(false);
    expect(
      isCompleteWithoutEvidence(
        a({ status: 'complete', updates: [{ date: '2022-05-01', evidence: 2 }] }),
        '2022-04-01',
      ),
    ).toBe(true);
  });
  it('does not flag an action that is not complete', () => {
    expect(isCompleteWithoutEvidence(base, '2022-04-01')).toBe(false);
  });
});

describe('ongoing with no update since the last report', () => {
  const ongoing = a({ end: null, ongoing: true });
  it('flags an ongoing action with no update on or after the last reporting date', () => {
    expect(isOngoingNotUpdated(ongoing, '2022-05-01', '2022-04-15')).toBe(true);
    expect(
      isOngoingNotUpdated(
        a({ ongoing: true, updates: [{ date: '2022-04-14' }] }),
        '2022-05-01',
        '2022-04-15',
      ),
    ).toBe(true);
    expect(
      isOngoingNotUpdated(
        a({ ongoing: true, updates: [{ date: '2022-04-15' }] }),
        '2022-05-01',
        '2022-04-15',
      ),
    ).toBe(false);
    expect(
      isOngoingNotUpdated(
        a({ ongoing: true, updates: [{ date: '2022-05-02' }] }),
        '2022-05-01',
        '2022-04-15',
      ),
    ).toBe(true);
  });
  it('does not flag without a last report, when complete, or when not ongoing', () => {
    expect(isOngoingNotUpdated(ongoing, '2022-05-01', null)).toBe(false);
    expect(isOngoingNotUpdated(a({ ongoing: true, status: 'complete' }), '2022-05-01', '2022-04-15')).toBe(
      false,
    );
    expect(isOngoingNotUpdated(base, '2022-05-01', '2022-04-15')).toBe(false);
  });
});

describe('flagsFor', () => {
  it('lists every flag raised, in a fixed order', () => {
    expect(flagsFor(a({ end: '2022-05-10' }), { asOf: '2022-05-20' })).toEqual([
      'overdue',
      'due-this-month',
      'no-update-six-weeks',
    ]);
    expect(flagsFor(a({ status: 'complete' }), { asOf: '2022-05-20', lastReportDate: '2022-05-01' })).toEqual(
      ['complete-without-evidence'],
    );
    expect(
      flagsFor(a({ ongoing: true, updates: [{ date: '2022-04-20' }] }), {
        asOf: '2022-05-20',
        lastReportDate: '2022-05-01',
      }),
    ).toEqual(['ongoing-not-updated-since-report']);
    expect(flagsFor(a({ updates: [{ date: '2022-03-01' }] }), { asOf: '2022-03-02' })).toEqual([
      'due-this-month',
    ]);
  });
});
