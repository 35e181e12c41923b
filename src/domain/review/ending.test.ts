/**
 * How a plan ends (ending.ts): a ceasing procedure's states over the clock's dates (S9), the checks on each step, and
 * a transfer out's send-by date and status (S11), with the acceptance examples of both.
 */
import { describe, expect, it } from 'vitest';
import {
  cessationOpen,
  cessationState,
  checkCessationAppeal,
  checkCessationStart,
  checkConsultation,
  checkTransferOut,
  transferOutStatus,
} from './index.ts';

const fields = (errors: readonly { field: string }[]) => errors.map((e) => e.field);

describe('S9: where a ceasing procedure stands', () => {
  const decided = { decision: 'cease', decisionDate: '2026-06-15' } as const;

  it('acceptance: decision sent 2026-06-15, no appeal → in force until 2026-09-01, ceased on 2026-09-02', () => {
    const before = cessationState(decided, '2026-09-01');
    expect(before.state).toBe('appeal-window');
    expect(before.dates?.inForceUntil?.date).toBe('2026-09-01');
    expect(before.dates?.ceasesOn?.date).toBe('2026-09-02');
    expect(before.ceasedOn).toBeNull();
    expect(cessationState(decided, '2026-09-02')).toMatchObject({ state: 'ceased', ceasedOn: '2026-09-02' });
    expect(cessationOpen('appeal-window')).toBe(true);
    expect(cessationOpen('ceased')).toBe(false);
  });

  it('considering until the decision; a decision not to cease ends the procedure', () => {
    expect(cessationState({ decision: null, decisionDate: null }, '2026-06-01').state).toBe('considering');
    expect(cessationOpen('considering')).toBe(true);
    const kept = cessationState({ decision: 'not-cease', decisionDate: '2026-06-15' }, '2026-06-16');
    expect(kept).toEqual({ state: 'not-ceased', dates: null, ceasedOn: null });
    expect(cessationOpen('not-ceased')).toBe(false);
  });

  it('an appeal keeps the plan in force until it ends: dismissed or withdrawn it ceases that day; overturned it continues', () => {
    const appeal = { ...decided, appealRegistered: '2026-08-01' };
    expect(cessationState(appeal, '2027-01-01')).toMatchObject({ state: 'appeal', ceasedOn: null });
    expect(
      cessationState({ ...appeal, appealEnded: '2026-12-10', appealOutcome: 'dismissed' }, '2026-12-10'),
    ).toMatchObject({ state: 'ceased', ceasedOn: '2026-12-10' });
    expect(
      cessationState({ ...appeal, appealEnded: '2026-12-10', appealOutcome: 'withdrawn' }, '2026-12-09')
        .state,
    ).toBe('appeal');
    const overturned = cessationState(
      { ...appeal, appealEnded: '2026-12-10', appealOutcome: 'decision-overturned' },
      '2027-03-01',
    );
    expect(overturned).toMatchObject({ state: 'maintained', ceasedOn: null });
    expect(cessationOpen('maintained')).toBe(false);
  });
});

describe('S9: the checks on each step', () => {
  it('starting needs the day (not in the future) and why', () => {
    expect(fields(checkCessationStart({ startedOn: null, reason: ' ' }, '2026-06-01'))).toEqual([
      'startedOn',
      'reason',
    ]);
    expect(fields(checkCessationStart({ startedOn: '2026-06-02', reason: 'x' }, '2026-06-01'))).toEqual([
      'startedOn',
    ]);
    expect(checkCessationStart({ startedOn: '2026-06-01', reason: 'Needs met' }, '2026-06-01')).toEqual([]);
    expect(
      fields(checkCessationStart({ startedOn: '2026-06-01', reason: 'x'.repeat(2001) }, '2026-06-01')),
    ).toEqual(['reason']);
  });

  it('the consultation: someone consulted, never in the future nor before the procedure started', () => {
    const base = {
      startedOn: '2026-05-01',
      familyConsulted: null,
      familyResponse: null,
      institutionConsulted: null,
      institutionResponse: null,
    };
    expect(fields(checkConsultation(base, '2026-06-01'))).toEqual(['familyConsulted']);
    expect(checkConsultation({ ...base, familyConsulted: '2026-05-20' }, '2026-06-01')).toEqual([]);
    expect(
      fields(
        checkConsultation(
          { ...base, familyConsulted: '2026-04-30', institutionConsulted: '2026-06-02' },
          '2026-06-01',
        ),
      ),
    ).toEqual(['familyConsulted', 'institutionConsulted']);
  });

  it('an appeal: registered after the decision, ended after it was registered with how it ended', () => {
    const base = {
      decisionDate: '2026-06-15',
      appealRegistered: null,
      appealEnded: null,
      appealOutcome: null,
    };
    expect(fields(checkCessationAppeal(base, '2026-09-01'))).toEqual(['appealRegistered']);
    expect(fields(checkCessationAppeal({ ...base, appealRegistered: '2026-06-14' }, '2026-09-01'))).toEqual([
      'appealRegistered',
    ]);
    expect(
      fields(
        checkCessationAppeal(
          { ...base, appealRegistered: '2026-07-01', appealEnded: '2026-08-01' },
          '2026-09-01',
        ),
      ),
    ).toEqual(['appealOutcome']);
    expect(
      fields(
        checkCessationAppeal(
          { ...base, appealRegistered: '2026-07-01', appealEnded: '2026-06-30', appealOutcome: 'dismissed' },
          '2026-09-01',
        ),
      ),
    ).toEqual(['appealEnded']);
    expect(
      checkCessationAppeal(
        { ...base, appealRegistered: '2026-07-01', appealEnded: '2026-08-01', appealOutcome: 'dismissed' },
        '2026-09-01',
      ),
    ).toEqual([]);
  });
});

describe('S11: a plan transferred out', () => {
  it('acceptance: learned Mon 2026-03-02, move 2026-03-10 → send by 2026-03-20 (15 working days)', () => {
    const facts = { learnedOn: '2026-03-02', moveDate: '2026-03-10', sentOn: null };
    const open = transferOutStatus(facts, '2026-03-20');
    expect(open.sendBy.date).toBe('2026-03-20');
    expect(open.sendBy.source).toContain('reg 15');
    expect(open.sendBy.knewInTime).toBe(false);
    expect([open.status, open.daysLate]).toEqual(['open', 0]);
    expect(transferOutStatus(facts, '2026-03-23')).toMatchObject({ status: 'overdue', daysLate: 3 });
    expect(transferOutStatus({ ...facts, sentOn: '2026-03-20' }, '2026-04-01')).toMatchObject({
      status: 'met',
    });
    expect(transferOutStatus({ ...facts, sentOn: '2026-03-24' }, '2026-04-01')).toMatchObject({
      status: 'late',
      daysLate: 4,
    });
  });

  it('known 15 working days ahead, the plan is sent on the day of the move', () => {
    const r = transferOutStatus(
      { learnedOn: '2026-01-05', moveDate: '2026-03-10', sentOn: null },
      '2026-01-06',
    );
    expect([r.sendBy.date, r.sendBy.knewInTime]).toEqual(['2026-03-10', true]);
  });

  it('the form: the receiving council, a 3-digit code, dates in order and not in the future', () => {
    const base = {
      toAuthority: 'Eastvale Council',
      toAuthorityCode: '991',
      learnedOn: '2026-03-02',
      moveDate: '2026-04-01',
      sentOn: null,
      healthToldOn: null,
    };
    expect(checkTransferOut(base, '2026-03-05')).toEqual([]);
    expect(
      fields(
        checkTransferOut({ ...base, toAuthority: ' ', toAuthorityCode: '99', learnedOn: null }, '2026-03-05'),
      ),
    ).toEqual(['toAuthority', 'toAuthorityCode', 'learnedOn']);
    expect(
      fields(checkTransferOut({ ...base, sentOn: '2026-03-01', healthToldOn: '2026-03-06' }, '2026-03-05')),
    ).toEqual(['sentOn', 'healthToldOn']);
  });
});
