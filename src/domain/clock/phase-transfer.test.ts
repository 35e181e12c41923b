import { describe, expect, it } from 'vitest';
import { idsOf, stepOf, timelineOf } from './testing.ts';

describe('§2.3 phase transfer step', () => {
  it('§2.3 kind school: due Y-02-14 (before 15 February), reg 18(1)', () => {
    const t = timelineOf({ asOf: '2026-02-14', plan: { phaseTransfer: { year: 2026, kind: 'school' } } });
    expect(stepOf(t, 'phase-transfer')).toMatchObject({
      owner: 'local-authority',
      due: '2026-02-14',
      status: 'open',
      daysRemaining: 0,
      rule: 'SEND Regulations 2014, reg 18(1): amend the plan to name the new school before 15 February in the year of the move',
    });
    expect(stepOf(t, 'phase-transfer').explanation).toContain('Today is the last day.');
  });

  it('§2.3 kind post-16: due Y-03-30 (before 31 March), for secondary school to post-16', () => {
    const t = timelineOf({
      asOf: '2028-04-01',
      plan: { phaseTransfer: { year: 2028, kind: 'post-16', amendedPlanIssued: '2028-03-31' } },
    });
    expect(stepOf(t, 'phase-transfer')).toMatchObject({
      due: '2028-03-30',
      completed: '2028-03-31',
      status: 'late',
      daysLate: 1,
    });
    expect(stepOf(t, 'phase-transfer').rule).toContain('before 31 March');
  });

  it('§2.3 no year, no phase-transfer step', () => {
    expect(
      idsOf(timelineOf({ asOf: '2026-02-14', plan: { phaseTransfer: { year: null, kind: null } } })),
    ).toEqual([]);
  });
});
