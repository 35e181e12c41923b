import { describe, expect, it } from 'vitest';
import type { Step } from '../clock/types.ts';
import { twentyWeekTimeliness } from './timeliness.ts';

const final = (completed: string | null, status: Step['status'], exception = false): { steps: Step[] } => ({
  steps: [
    {
      id: 'final-plan',
      owner: 'local-authority',
      due: '2026-05-25',
      completed,
      status,
      daysLate: 0,
      daysRemaining: null,
      rule: '',
      exception: exception
        ? { kinds: ['absence-from-area'], overlapDays: 38, adjustedDue: '2026-07-02', status: 'met' }
        : null,
      exceptionChecks: [],
      explanation: '',
    },
  ],
});

describe('the 20-week measure, including and excluding confirmed exceptions', () => {
  it('counts issued plans only, and leaves out of "excluding" those a confirmed exception relieved', () => {
    const figures = twentyWeekTimeliness([
      final('2026-05-20', 'met'),
      final('2026-06-20', 'late'),
      final('2026-06-30', 'late', true),
      final('2026-05-01', 'met', true),
      final(null, 'open'),
    ]);
    expect(figures.including).toEqual({ issued: 4, within: 2, percent: 50 });
    expect(figures.excluding).toEqual({ issued: 2, within: 1, percent: 50 });
    expect(figures.withException).toBe(2);
  });
  it('keeps to the period, and says "none" rather than 0% when nothing was issued', () => {
    const figures = twentyWeekTimeliness([final('2026-05-20', 'met'), final('2025-05-20', 'late')], {
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(figures.including).toEqual({ issued: 1, within: 1, percent: 100 });
    expect(twentyWeekTimeliness([]).including.percent).toBeNull();
  });
});
