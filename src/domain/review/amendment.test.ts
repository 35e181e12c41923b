/**
 * Amending a plan (S1, reg 22): the S1 acceptance examples for amendment, every state and check, the steps' dates
 * and statuses, and amendments outside a review.
 */
import { describe, expect, it } from 'vitest';
import { parseDate, formatDate } from '../clock/dates.ts';
import {
  amendmentDates,
  amendmentState,
  amendmentSteps,
  AMENDMENT_STATES,
  AMENDMENT_STATE_LABELS,
  AMENDMENT_TRIGGERS,
  checkAmendedIssue,
  checkNotToAmend,
  checkProposal,
  checkStart,
  datesOf,
  nextAction,
  proposalDue,
  TRIGGER_LABELS,
  type AmendmentFacts,
} from './index.ts';

/** S1's example: plan made 2025-03-10, meeting Mon 2026-02-02, decision to amend 2026-03-02. */
const afterReview: AmendmentFacts = {
  trigger: 'review',
  meeting: '2026-02-02',
  started: '2026-03-02',
  proposalSent: null,
  amendedIssued: null,
  notAmended: null,
};
const sent: AmendmentFacts = { ...afterReview, proposalSent: '2026-03-02' };
const outside: AmendmentFacts = {
  trigger: 'change-of-need',
  meeting: null,
  started: '2026-05-01',
  proposalSent: null,
  amendedIssued: null,
  notAmended: null,
};

const errorsOf = (r: ReturnType<typeof checkProposal>) => (r.ok ? [] : r.errors.map((e) => e.field));

describe('S1 acceptance examples (amendment)', () => {
  it('proposal served 2026-03-02 → comments until 2026-03-16; amended plan by 2026-04-27', () => {
    const d = datesOf(sent)!;
    expect(d.commentsEnd.date).toBe('2026-03-16');
    expect(d.earliestIssue.date).toBe('2026-03-17');
    expect(d.amendedPlanDue.date).toBe('2026-04-27');
    expect(proposalDue(afterReview)?.date).toBe('2026-03-02');
  });

  it('issuing an amended plan with no proposal is refused', () => {
    const r = checkAmendedIssue(afterReview, { date: '2026-04-20' }, '2026-04-20');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.errors[0]!.message).toMatch(/reg 22\(2\)/);
  });

  it('issuing on 2026-03-10 (inside the comment period) is refused', () => {
    const r = checkAmendedIssue(sent, { date: '2026-03-10' }, '2026-03-10');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.errors[0]!.message).toMatch(/16 March 2026/);
    expect(checkAmendedIssue(sent, { date: '2026-03-16' }, '2026-03-20').ok).toBe(false);
  });

  it('issuing on 2026-04-20 is on time; on 2026-04-27 on time; on 2026-04-30 accepted, 3 days late with its rule', () => {
    expect(checkAmendedIssue(sent, { date: '2026-04-20' }, '2026-04-20')).toEqual({ ok: true, warnings: [] });
    expect(checkAmendedIssue(sent, { date: '2026-03-17' }, '2026-03-17')).toEqual({ ok: true, warnings: [] });
    expect(checkAmendedIssue(sent, { date: '2026-04-27' }, '2026-04-27')).toEqual({ ok: true, warnings: [] });
    const late = checkAmendedIssue(sent, { date: '2026-04-30' }, '2026-05-01');
    expect(late.ok).toBe(true);
    if (late.ok) {
      expect(late.warnings).toHaveLength(1);
      expect(late.warnings[0]!.daysLate).toBe(3);
      expect(late.warnings[0]!.message).toMatch(/27 April 2026/);
      expect(late.warnings[0]!.message).toMatch(/12 weeks after the review meeting/);
      expect(late.warnings[0]!.message).toMatch(/reg 22\(3\)/);
    }
  });

  it('a late proposal: the 12 weeks from the meeting, not the 8 from the proposal, set the date (Devon)', () => {
    const latish = { ...afterReview, proposalSent: '2026-03-20' };
    expect(datesOf(latish)!.amendedPlanDue.date).toBe('2026-04-27'); // M + 84, earlier than 03-20 + 56
    const r = checkProposal(afterReview, { date: '2026-03-20', changes: 2 }, '2026-03-20');
    expect(r.ok && r.warnings[0]?.daysLate).toBe(18);
    expect(r.ok && r.warnings[0]?.message).toMatch(/2 March 2026/);
  });
});

describe('states', () => {
  it('moves preparing → proposal sent → comments closed → amended or not amended', () => {
    expect(amendmentState(afterReview, '2026-03-02')).toBe('preparing');
    expect(amendmentState(sent, '2026-03-02')).toBe('proposal-sent');
    expect(amendmentState(sent, '2026-03-16')).toBe('proposal-sent');
    expect(amendmentState(sent, '2026-03-17')).toBe('comments-closed');
    expect(amendmentState({ ...sent, amendedIssued: '2026-04-01' }, '2026-04-02')).toBe('amended');
    expect(amendmentState({ ...sent, notAmended: '2026-04-01' }, '2026-04-02')).toBe('not-amended');
  });

  it('labels every state and trigger, and says what is next in each', () => {
    for (const s of AMENDMENT_STATES) expect(AMENDMENT_STATE_LABELS[s]).toBeTruthy();
    for (const t of AMENDMENT_TRIGGERS) expect(TRIGGER_LABELS[t]).toBeTruthy();
    expect(nextAction(afterReview, '2026-03-01')).toMatch(/by 2 March 2026/);
    expect(nextAction(outside, '2026-05-01')).not.toMatch(/ by /);
    expect(nextAction(sent, '2026-03-05')).toMatch(/until 16 March 2026/);
    expect(nextAction(sent, '2026-03-20')).toMatch(/by 27 April 2026.*by 27 April 2026/);
    expect(nextAction({ ...sent, amendedIssued: '2026-04-01' }, '2026-04-02')).toMatch(/does not move/);
    expect(nextAction({ ...sent, notAmended: '2026-04-01' }, '2026-04-02')).toMatch(/rights/);
  });
});

describe('steps', () => {
  it('after a review, before the proposal: only the proposal step, open then overdue', () => {
    const open = amendmentSteps(afterReview, '2026-03-01');
    expect(open.map((s) => [s.id, s.status, s.daysRemaining])).toEqual([['proposal', 'open', 1]]);
    const overdue = amendmentSteps(afterReview, '2026-03-05');
    expect(overdue.map((s) => [s.id, s.status, s.daysLate])).toEqual([['proposal', 'overdue', 3]]);
  });

  it('outside a review, before the proposal: no steps (the proposal has no statutory date)', () => {
    expect(amendmentSteps(outside, '2026-05-02')).toEqual([]);
  });

  it('once sent: the comments, the amended plan and the not-to-amend date, with their rules', () => {
    const steps = amendmentSteps(sent, '2026-03-10');
    expect(steps.map((s) => [s.id, s.due.date, s.status])).toEqual([
      ['proposal', '2026-03-02', 'met'],
      ['comments', '2026-03-16', 'open'],
      ['amended-plan', '2026-04-27', 'open'],
      ['not-to-amend', '2026-04-27', 'open'],
    ]);
    const notToAmend = steps.find((s) => s.id === 'not-to-amend')!;
    expect(notToAmend.due.assumption?.id).toBe('not-to-amend');
    expect(notToAmend.due.rule).toMatch(/8 weeks/);
    expect(amendmentSteps(sent, '2026-03-17').find((s) => s.id === 'comments')!.status).toBe('met');
  });

  it('an amended plan issued late shows late; a decision not to amend hides the amended plan step', () => {
    const late = amendmentSteps({ ...sent, amendedIssued: '2026-05-04' }, '2026-05-10');
    expect(late.map((s) => s.id)).toEqual(['proposal', 'comments', 'amended-plan']);
    expect(late[2]).toMatchObject({ status: 'late', daysLate: 7 });
    const not = amendmentSteps({ ...sent, notAmended: '2026-04-01' }, '2026-05-10');
    expect(not.map((s) => [s.id, s.status])).toEqual([
      ['proposal', 'met'],
      ['comments', 'met'],
      ['not-to-amend', 'met'],
    ]);
  });
});

describe('amendments outside a review (reg 22 "at any other time")', () => {
  it('the amended plan is due 8 weeks after the proposal alone, said in its rule', () => {
    const d = datesOf({ ...outside, proposalSent: '2026-05-04' })!;
    expect(d.commentsEnd.date).toBe('2026-05-18');
    expect(d.amendedPlanDue.date).toBe('2026-06-29');
    expect(d.amendedPlanDue.rule).toMatch(/outside a review/);
    expect(d.amendedPlanDue.source).not.toMatch(/Devon/);
    expect(amendmentDates({ meeting: null, proposalSent: '2026-05-04' })).toEqual(d);
  });

  it('for any proposal day, the due date is proposal + 56 outside a review and min(+56, M + 84) after one', () => {
    for (let i = 0; i < 400; i += 7) {
      const p = formatDate(parseDate('2025-12-01') + i);
      const m = formatDate(parseDate('2025-12-01') + i - (i % 50));
      expect(parseDate(datesOf({ meeting: null, proposalSent: p })!.amendedPlanDue.date)).toBe(
        parseDate(p) + 56,
      );
      expect(parseDate(datesOf({ meeting: m, proposalSent: p })!.amendedPlanDue.date)).toBe(
        Math.min(parseDate(p) + 56, parseDate(m) + 84),
      );
    }
  });
});

describe('checkStart', () => {
  const base = { details: null, review: null, openAmendment: false, planIssued: true };
  it('needs an issued plan, no amendment open, and a known reason', () => {
    expect(errorsOf(checkStart({ ...base, trigger: 'other', planIssued: false }))).toEqual(['trigger']);
    expect(errorsOf(checkStart({ ...base, trigger: 'other', openAmendment: true }))).toEqual(['trigger']);
    expect(errorsOf(checkStart({ ...base, trigger: null }))).toEqual(['trigger']);
    expect(errorsOf(checkStart({ ...base, trigger: 'whim' }))).toEqual(['trigger']);
  });
  it('after a review: the review must be held and have decided to amend', () => {
    expect(checkStart({ ...base, trigger: 'review' }).ok).toBe(false);
    expect(
      checkStart({ ...base, trigger: 'review', review: { decision: 'maintain', held: '2026-02-02' } }).ok,
    ).toBe(false);
    expect(
      checkStart({ ...base, trigger: 'review', review: { decision: 'amend', held: '2026-02-02' } }).ok,
    ).toBe(true);
  });
  it('outside a review: details of at least 20 characters', () => {
    expect(errorsOf(checkStart({ ...base, trigger: 'change-of-need', details: 'short' }))).toEqual([
      'details',
    ]);
    expect(
      checkStart({ ...base, trigger: 'change-of-need', details: 'A new diagnosis of autism in May 2026' }).ok,
    ).toBe(true);
  });
});

describe('checkProposal', () => {
  it('refuses no date, an unreal date, a future date, a date before the start, and no changes', () => {
    expect(errorsOf(checkProposal(afterReview, { date: null, changes: 1 }, '2026-03-02'))).toEqual(['date']);
    expect(errorsOf(checkProposal(afterReview, { date: '2026-02-30', changes: 1 }, '2026-03-02'))).toEqual([
      'date',
    ]);
    expect(errorsOf(checkProposal(afterReview, { date: '2026-03-03', changes: 1 }, '2026-03-02'))).toEqual([
      'date',
    ]);
    expect(errorsOf(checkProposal(afterReview, { date: '2026-03-01', changes: 1 }, '2026-03-02'))).toEqual([
      'date',
    ]);
    const none = checkProposal(afterReview, { date: '2026-03-02', changes: 0 }, '2026-03-02');
    expect(none.ok ? '' : none.errors[0]!.message).toMatch(/no proposed changes/);
  });
  it('refuses a second proposal; accepts one on time with no warning', () => {
    expect(checkProposal(sent, { date: '2026-03-03', changes: 1 }, '2026-03-03').ok).toBe(false);
    expect(checkProposal(afterReview, { date: '2026-03-02', changes: 3 }, '2026-03-02')).toEqual({
      ok: true,
      warnings: [],
    });
  });
  it('outside a review a proposal is never late', () => {
    expect(checkProposal(outside, { date: '2026-09-01', changes: 1 }, '2026-09-01')).toEqual({
      ok: true,
      warnings: [],
    });
  });
});

describe('checkAmendedIssue', () => {
  it('refuses a future or missing date and an amendment that has ended', () => {
    expect(checkAmendedIssue(sent, { date: '2026-04-02' }, '2026-04-01').ok).toBe(false);
    expect(checkAmendedIssue(sent, { date: '' }, '2026-04-01').ok).toBe(false);
    expect(
      checkAmendedIssue({ ...sent, amendedIssued: '2026-04-01' }, { date: '2026-04-02' }, '2026-04-02').ok,
    ).toBe(false);
    expect(
      checkAmendedIssue({ ...sent, notAmended: '2026-04-01' }, { date: '2026-04-02' }, '2026-04-02').ok,
    ).toBe(false);
  });
});

describe('checkNotToAmend', () => {
  const reasons = 'The comments showed the current provision already meets the need.';
  it('refuses before any proposal, inside the 15 days, without reasons, or after the end', () => {
    expect(checkNotToAmend(afterReview, { date: '2026-03-20', reasons }, '2026-03-20').ok).toBe(false);
    expect(errorsOf(checkNotToAmend(sent, { date: '2026-03-16', reasons }, '2026-03-20'))).toEqual(['date']);
    expect(errorsOf(checkNotToAmend(sent, { date: '2026-03-20', reasons: 'no' }, '2026-03-20'))).toEqual([
      'reasons',
    ]);
    expect(errorsOf(checkNotToAmend(sent, { date: null, reasons: '' }, '2026-03-20'))).toEqual([
      'date',
      'reasons',
    ]);
    expect(
      checkNotToAmend({ ...sent, amendedIssued: '2026-04-01' }, { date: '2026-04-02', reasons }, '2026-04-02')
        .ok,
    ).toBe(false);
  });
  it('accepts after the comments; late after 8 weeks of the proposal, naming the assumption', () => {
    expect(checkNotToAmend(sent, { date: '2026-03-20', reasons }, '2026-03-20')).toEqual({
      ok: true,
      warnings: [],
    });
    const late = checkNotToAmend(sent, { date: '2026-05-01', reasons }, '2026-05-01');
    expect(late.ok && late.warnings[0]?.daysLate).toBe(4);
    expect(late.ok && late.warnings[0]?.message).toMatch(/reg 22\(4\)/);
  });
});
