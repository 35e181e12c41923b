import { describe, expect, it } from 'vitest';
import { parseDate } from './dates.ts';
import { daysLateOf, daysRemainingOf, statusOf } from './status.ts';
import { stepOf, timelineOf } from './testing.ts';

const due = parseDate('2026-02-16');

describe('§4 status', () => {
  it('§4 completed on the due date is met; the day after is late by 1', () => {
    expect(statusOf(due, due, due + 30)).toBe('met');
    expect(daysLateOf(due, due, due + 30)).toBe(0);
    expect(statusOf(due, due + 1, due + 30)).toBe('late');
    expect(daysLateOf(due, due + 1, due + 30)).toBe(1);
    expect(daysRemainingOf(due, due + 1, due)).toBeNull();
  });

  it('§4 asOf on the due date is open with 0 days remaining; the day after is overdue by 1', () => {
    expect(statusOf(due, null, due)).toBe('open');
    expect(daysRemainingOf(due, null, due)).toBe(0);
    expect(daysLateOf(due, null, due)).toBe(0);
    expect(statusOf(due, null, due + 1)).toBe('overdue');
    expect(daysLateOf(due, null, due + 1)).toBe(1);
    expect(daysRemainingOf(due, null, due + 1)).toBeNull();
  });

  it('§4 a completion recorded after asOf still counts as completed', () => {
    expect(statusOf(due, due - 1, due - 10)).toBe('met');
  });

  it('§4 the boundaries through the engine: asOf == due is open; completed == due is met', () => {
    const open = stepOf(
      timelineOf({ asOf: '2026-02-16', assessment: { requestReceived: '2026-01-05' } }),
      'decision-to-assess',
    );
    expect(open).toMatchObject({ status: 'open', daysLate: 0, daysRemaining: 0 });
    expect(open.explanation).toContain('Today is the last day.');
    const met = stepOf(
      timelineOf({
        asOf: '2026-02-20',
        assessment: {
          requestReceived: '2026-01-05',
          decisionToAssess: { date: '2026-02-16', outcome: 'assess' },
        },
      }),
      'decision-to-assess',
    );
    expect(met).toMatchObject({ status: 'met', daysLate: 0, daysRemaining: null });
    const overdue = stepOf(
      timelineOf({ asOf: '2026-02-17', assessment: { requestReceived: '2026-01-05' } }),
      'decision-to-assess',
    );
    expect(overdue).toMatchObject({ status: 'overdue', daysLate: 1, daysRemaining: null });
    expect(overdue.explanation).toContain('It is 1 day late.');
    const oneLeft = stepOf(
      timelineOf({ asOf: '2026-02-15', assessment: { requestReceived: '2026-01-05' } }),
      'decision-to-assess',
    );
    expect(oneLeft.explanation).toContain('There is 1 day left.');
  });
});
