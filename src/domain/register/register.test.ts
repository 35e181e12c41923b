/**
 * The register's pure rules (statutory-work.md S12): the dates each kind is due by under the authority's policy,
 * counted in working days over weekends and bank holidays by the clock; every state and the moves allowed from it;
 * the dates a move may carry; timeliness in the clock's words. S12 gives no worked examples, so the examples here are
 * S12's rules applied to dated cases (each date checked by hand against the England and Wales bank holidays).
 */
import { describe, expect, it } from 'vitest';
import {
  actionProblem,
  allowedActions,
  DEFAULT_POLICY,
  isOpen,
  ITEM_KINDS,
  itemDates,
  itemState,
  nextDue,
  nextStageText,
  provisionTaskDue,
  timeliness,
  type ItemFacts,
} from './index.ts';

const item = (over: Partial<ItemFacts> = {}): ItemFacts => ({
  kind: 'complaint',
  receivedOn: '2026-03-02',
  acknowledgedOn: null,
  answeredOn: null,
  stage2RequestedOn: null,
  stage2AnsweredOn: null,
  ombudsmanOn: null,
  withdrawnOn: null,
  ...over,
});

describe('the dates an item is due by (the authority policy, in working days)', () => {
  it('a complaint received on Monday 2 March 2026: acknowledge by Thursday 5 March, stage 1 by Monday 16 March', () => {
    const d = itemDates(item());
    expect(d.acknowledgeBy.date).toBe('2026-03-05');
    expect(d.answerBy?.date).toBe('2026-03-16');
    expect(d.stage2By).toBeNull();
    expect(d.answerBy?.statutory).toBe(false);
    expect(d.answerBy?.source).toMatch(/local policy/);
  });

  it('over Christmas: a complaint received Friday 18 December 2026 skips 25 and 28 December and 1 January', () => {
    const d = itemDates(item({ receivedOn: '2026-12-18' }));
    expect(d.acknowledgeBy.date).toBe('2026-12-23');
    expect(d.answerBy?.date).toBe('2027-01-06');
  });

  it('over Easter: a concern received Thursday 2 April 2026 skips Good Friday and Easter Monday', () => {
    const d = itemDates(item({ kind: 'concern', receivedOn: '2026-04-02' }));
    expect(d.acknowledgeBy.date).toBe('2026-04-09');
    expect(d.answerBy?.date).toBe('2026-04-20');
    expect(d.answerBy?.rule).toMatch(/concern within 10 working days/);
  });

  it('received on a Saturday: the counting starts with the next working day', () => {
    expect(itemDates(item({ receivedOn: '2026-03-07' })).acknowledgeBy.date).toBe('2026-03-11');
  });

  it('stage 2 runs from the day the family asked for it: 20 working days', () => {
    const d = itemDates(item({ answeredOn: '2026-03-12', stage2RequestedOn: '2026-03-20' }));
    expect(d.stage2By?.date).toBe('2026-04-21'); // Good Friday 3 April and Easter Monday 6 April skipped
  });

  it("follows the authority's own settings", () => {
    const policy = { ...DEFAULT_POLICY, acknowledgeDays: 5, stage1Days: 15 };
    const d = itemDates(item(), policy);
    expect(d.acknowledgeBy.date).toBe('2026-03-09');
    expect(d.answerBy?.date).toBe('2026-03-23');
    expect(d.answerBy?.rule).toMatch(/15 working days/);
  });

  it('a compliment is only acknowledged; a provision report follows the complaint stages', () => {
    expect(itemDates(item({ kind: 'compliment' })).answerBy).toBeNull();
    expect(itemDates(item({ kind: 'provision-not-delivered' })).answerBy?.date).toBe('2026-03-16');
  });

  it('the s42 task is due 5 working days after it is raised, citing the duty', () => {
    const t = provisionTaskDue('2026-03-02');
    expect(t.date).toBe('2026-03-09');
    expect(t.rule).toMatch(/absolute/);
  });
});

describe('states and moves', () => {
  it('walks a complaint through every state', () => {
    let i = item();
    expect(itemState(i)).toBe('received');
    expect(allowedActions(i)).toEqual(['acknowledge', 'answer', 'withdraw']);
    i = { ...i, acknowledgedOn: '2026-03-03' };
    expect(itemState(i)).toBe('acknowledged');
    expect(allowedActions(i)).toEqual(['answer', 'withdraw']);
    i = { ...i, answeredOn: '2026-03-10' };
    expect(itemState(i)).toBe('answered');
    expect(isOpen(i)).toBe(false);
    expect(allowedActions(i)).toEqual(['stage-2', 'ombudsman']);
    expect(nextStageText(i)).toMatch(/stage 2/);
    i = { ...i, stage2RequestedOn: '2026-03-20' };
    expect(itemState(i)).toBe('stage-2');
    expect(isOpen(i)).toBe(true);
    expect(allowedActions(i)).toEqual(['answer-stage-2', 'withdraw']);
    i = { ...i, stage2AnsweredOn: '2026-04-10' };
    expect(itemState(i)).toBe('closed');
    expect(allowedActions(i)).toEqual(['ombudsman']);
    expect(nextStageText(i)).toMatch(/Ombudsman/);
    i = { ...i, ombudsmanOn: '2026-05-01' };
    expect(itemState(i)).toBe('ombudsman');
    expect(allowedActions(i)).toEqual([]);
  });

  it('a concern closes when answered; a compliment when acknowledged; anything open may be withdrawn', () => {
    expect(itemState(item({ kind: 'concern', answeredOn: '2026-03-05' }))).toBe('closed');
    expect(allowedActions(item({ kind: 'concern', answeredOn: '2026-03-05' }))).toEqual([]);
    expect(allowedActions(item({ kind: 'compliment' }))).toEqual(['acknowledge']);
    expect(itemState(item({ kind: 'compliment', acknowledgedOn: '2026-03-02' }))).toBe('closed');
    expect(itemState(item({ withdrawnOn: '2026-03-04' }))).toBe('withdrawn');
    expect(allowedActions(item({ withdrawnOn: '2026-03-04' }))).toEqual([]);
  });

  it('every kind has a state and a next date while open', () => {
    for (const kind of ITEM_KINDS) {
      const i = item({ kind });
      expect(isOpen(i)).toBe(true);
      expect(nextDue(i)?.date).toBe('2026-03-05');
    }
    expect(nextDue(item({ acknowledgedOn: '2026-03-03' }))?.date).toBe('2026-03-16');
    expect(nextDue(item({ answeredOn: '2026-03-03' }))).toBeNull();
  });

  it('refuses a move that is not allowed, a future date, and a date before the item or its stage', () => {
    expect(actionProblem(item(), 'answer-stage-2', '2026-03-03', '2026-03-10')?.field).toBe('action');
    expect(actionProblem(item(), 'acknowledge', '2026-03-11', '2026-03-10')?.message).toMatch(
      /today or in the past/,
    );
    expect(actionProblem(item(), 'acknowledge', '2026-03-01', '2026-03-10')?.message).toMatch(/2 March 2026/);
    expect(actionProblem(item(), 'acknowledge', '2026-03-02', '2026-03-10')).toBeNull();
    const answered = item({ answeredOn: '2026-03-09' });
    expect(actionProblem(answered, 'stage-2', '2026-03-08', '2026-03-10')?.message).toMatch(/9 March 2026/);
    const stage2 = item({ answeredOn: '2026-03-09', stage2RequestedOn: '2026-03-20' });
    expect(actionProblem(stage2, 'answer-stage-2', '2026-03-19', '2026-03-25')?.field).toBe('on');
  });
});

describe('timeliness in the clock words', () => {
  const due = itemDates(item()).answerBy!;
  it('met, late, open and overdue', () => {
    expect(timeliness(due, '2026-03-16', '2026-03-20')).toEqual({ status: 'met', daysLate: 0 });
    expect(timeliness(due, '2026-03-18', '2026-03-20')).toEqual({ status: 'late', daysLate: 2 });
    expect(timeliness(due, null, '2026-03-16')).toEqual({ status: 'open', daysLate: 0 });
    expect(timeliness(due, null, '2026-03-19')).toEqual({ status: 'overdue', daysLate: 3 });
  });
});
