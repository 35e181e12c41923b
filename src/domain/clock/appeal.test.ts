import { describe, expect, it } from 'vitest';
import { stepOf, timelineOf } from './testing.ts';
import type { AppealInput } from './types.ts';

const appealOf = (appeal: AppealInput, asOf = '2026-02-01') =>
  stepOf(timelineOf({ asOf, appeal }), 'appeal-deadline');

describe('§2.5 the family’s appeal window', () => {
  it('§2.5 appeal-deadline: D + 2 months, owned by the family (2026-01-31 → 2026-03-31)', () => {
    const s = appealOf({ decisionSent: '2026-01-31' });
    expect(s).toMatchObject({
      owner: 'family',
      due: '2026-03-31',
      status: 'open',
      daysRemaining: 58,
      exception: null,
    });
    expect(s.explanation).toContain(
      'The last day to appeal is 31 March 2026. 2 months after the decision is 31 March 2026.',
    );
    expect(s.explanation).toContain('SENDIASS');
    expect(s.explanation).toContain('mediation');
  });

  it('§2.5 month-end clamping: 2025-12-31 + 2 months = Saturday 2026-02-28, so the last day is Monday 2 March (r12(2))', () => {
    const s = appealOf({ decisionSent: '2025-12-31' }, '2026-01-01');
    expect(s.due).toBe('2026-03-02');
    expect(s.explanation).toContain(
      "28 February 2026 is not a working day, so the tribunal's rules give until the next working day: 2 March 2026.",
    );
  });

  it('§2.5 a later mediation certificate wins: certificate + 1 month', () => {
    const s = appealOf({ decisionSent: '2026-01-31', certificateIssued: '2026-03-15' });
    expect(s.due).toBe('2026-04-15');
    expect(s.explanation).toContain(
      'The later of 2 months after the decision (31 March 2026) and 1 month after the mediation certificate of 15 March 2026 (15 April 2026) is 15 April 2026.',
    );
  });

  it('§2.5 an earlier certificate does not shorten the window', () => {
    expect(appealOf({ decisionSent: '2026-01-10', certificateIssued: '2026-01-20' }, '2026-01-21').due).toBe(
      '2026-03-10',
    );
  });

  it('§2.5 registered in time is met; the window passing without an appeal is overdue', () => {
    expect(appealOf({ decisionSent: '2026-01-10', registered: '2026-03-10' }, '2026-04-01')).toMatchObject({
      completed: '2026-03-10',
      status: 'met',
    });
    const gone = appealOf({ decisionSent: '2026-01-10' }, '2026-03-15');
    expect(gone).toMatchObject({ status: 'overdue', daysLate: 5 });
    expect(gone.explanation).toContain('The time to appeal ended 5 days ago.');
  });

  it('§2.5 decisions before 2018 have their working days too (the bank holidays from 2012)', () => {
    // L = Sun 2015-12-27 → the first working day after 1 January 2016 (Saturday 2 January) → Monday 4 January
    expect(appealOf({ decisionSent: '2015-10-27' }, '2015-11-01').due).toBe('2016-01-04');
    // L = Sun 2016-12-25 → 2 January 2017 is New Year's Day's substitute → Tuesday 3 January
    expect(appealOf({ decisionSent: '2016-10-25' }, '2016-11-01').due).toBe('2017-01-03');
    // L = Mon 2012-06-04, the moved spring bank holiday, then the Diamond Jubilee → Wednesday 6 June
    expect(appealOf({ decisionSent: '2012-04-04' }, '2012-05-01').due).toBe('2012-06-06');
  });
});
