import { describe, expect, it } from 'vitest';
import { idsOf, stepOf, timelineOf } from './testing.ts';
import type { PlanInput, ReviewInput } from './types.ts';

const planned = (plan: PlanInput, asOf = '2026-03-01') => timelineOf({ asOf, plan });
const meeting = (m: string, more: Partial<ReviewInput> = {}): ReviewInput => ({ meeting: m, ...more });

describe('§2.2 reviews of an EHC plan', () => {
  it('§2.2 review:1 is due within the 12 months starting with P: (P + 12 months) - 1 day, CFA s44(1)', () => {
    const t = planned({ firstIssued: '2025-03-10' });
    expect(idsOf(t)).toEqual(['review:1']);
    expect(stepOf(t, 'review:1')).toMatchObject({
      owner: 'local-authority',
      due: '2026-03-09',
      completed: null,
      status: 'open',
      daysRemaining: 8,
      rule: 'Children and Families Act 2014, s44(1): review the plan within 12 months of the date it was issued',
    });
    expect(stepOf(t, 'review:1').explanation).toBe(
      'The first review meeting must be held by 9 March 2026: within 12 months starting with the day the plan was first issued on 10 March 2025. ' +
        'The review meeting has not been held yet. There are 8 days left.',
    );
  });

  it('§2.2 a plan first issued on 29 February: 2025 has no 29 February, so the 12 months end on 2025-02-28 (D5, C25)', () => {
    expect(stepOf(planned({ firstIssued: '2024-02-29' }, '2024-03-01'), 'review:1').due).toBe('2025-02-28');
    expect(stepOf(planned({ firstIssued: '2023-03-01' }, '2023-03-01'), 'review:1').due).toBe('2024-02-29');
    expect(stepOf(planned({ firstIssued: '2025-01-01' }, '2025-01-01'), 'review:1').due).toBe('2025-12-31');
  });

  it('§2.2 later reviews count from the previous meeting M: (M + 12 months) - 1 day, and say so', () => {
    const t = planned(
      { firstIssued: '2023-05-15', reviews: [meeting('2024-04-30'), meeting('2025-05-02')] },
      '2025-06-01',
    );
    expect(idsOf(t).filter((id) => id.startsWith('review:'))).toEqual(['review:1', 'review:2', 'review:3']);
    expect(stepOf(t, 'review:1')).toMatchObject({
      due: '2024-05-14',
      completed: '2024-04-30',
      status: 'met',
    });
    expect(stepOf(t, 'review:2')).toMatchObject({
      due: '2025-04-29',
      completed: '2025-05-02',
      status: 'late',
      daysLate: 3,
      rule: 'Children and Families Act 2014, s44(1): review the plan within 12 months of the last review',
    });
    expect(stepOf(t, 'review:3')).toMatchObject({ due: '2026-05-01', completed: null, status: 'open' });
    expect(stepOf(t, 'review:3').explanation).toContain('We count from the meeting itself');
  });

  it('§2.2 the steps around the review meeting on M: notice and advice M - 14, report M + 14, decision M + 28', () => {
    const t = planned({
      firstIssued: '2025-03-10',
      reviews: [
        meeting('2026-02-01', {
          invitationsSent: '2026-01-18',
          adviceCirculated: '2026-01-19',
          reportSent: '2026-02-16',
          decision: { date: '2026-03-01', outcome: 'maintain' },
        }),
      ],
    });
    expect(stepOf(t, 'review-notice:1')).toMatchObject({
      due: '2026-01-18',
      status: 'met',
      rule: "SEND Regulations 2014, reg 20(3): give at least 2 weeks' notice of the review meeting",
    });
    expect(stepOf(t, 'review-advice:1')).toMatchObject({
      due: '2026-01-18',
      status: 'late',
      daysLate: 1,
      rule: 'SEND Regulations 2014, reg 20(4): send out advice and information at least 2 weeks before the meeting',
    });
    expect(stepOf(t, 'review-report:1')).toMatchObject({
      due: '2026-02-15',
      status: 'late',
      daysLate: 1,
      rule: 'SEND Regulations 2014, reg 20(7): send the review report within 2 weeks of the meeting',
    });
    expect(stepOf(t, 'review-decision:1')).toMatchObject({
      due: '2026-03-01',
      status: 'met',
      rule: 'SEND Regulations 2014, reg 20(10): decide to keep, amend or cease the plan within 4 weeks of the meeting',
    });
    // maintain: no amendment steps, and the next review is open
    expect(idsOf(t)).toEqual([
      'review:1',
      'review-notice:1',
      'review-advice:1',
      'review-report:1',
      'review-decision:1',
      'review:2',
    ]);
  });

  it('§2.2 amend: amendment-proposal M + 28; amended-plan the earlier of proposal + 56 and M + 84', () => {
    const t = planned({
      firstIssued: '2025-03-10',
      reviews: [
        meeting('2026-02-01', {
          decision: { date: '2026-02-20', outcome: 'amend' },
          amendmentProposalSent: '2026-02-20',
        }),
      ],
    });
    expect(stepOf(t, 'amendment-proposal:1')).toMatchObject({
      due: '2026-03-01',
      completed: '2026-02-20',
      status: 'met',
    });
    expect(stepOf(t, 'amendment-proposal:1').rule).toMatch(
      /^SEND Regulations 2014, reg 22\(2\); R \(L, M and P\) v Devon \[2022\] EWHC 493 \(Admin\)/,
    );
    expect(stepOf(t, 'amended-plan:1')).toMatchObject({
      due: '2026-04-17',
      status: 'open',
      daysRemaining: 47,
    });
    expect(stepOf(t, 'amended-plan:1').rule).toMatch(
      /^SEND Regulations 2014, reg 22\(3\); R \(L, M and P\) v Devon/,
    );
  });

  it('§2.2 amended-plan is capped at M + 84 when the proposal went late, and is M + 84 while no proposal is sent', () => {
    const late = planned(
      {
        firstIssued: '2025-03-10',
        reviews: [
          meeting('2026-02-01', {
            decision: { date: '2026-03-10', outcome: 'amend' },
            amendmentProposalSent: '2026-03-10',
          }),
        ],
      },
      '2026-03-11',
    );
    expect(stepOf(late, 'amendment-proposal:1')).toMatchObject({
      due: '2026-03-01',
      status: 'late',
      daysLate: 9,
    });
    expect(stepOf(late, 'amended-plan:1').due).toBe('2026-04-26'); // 10 March + 56 = 5 May, later than M + 84
    const none = planned({
      firstIssued: '2025-03-10',
      reviews: [meeting('2026-02-01', { decision: { date: null, outcome: 'amend' } })],
    });
    expect(stepOf(none, 'amendment-proposal:1')).toMatchObject({
      due: '2026-03-01',
      status: 'open',
      daysRemaining: 0,
    });
    expect(stepOf(none, 'amended-plan:1').due).toBe('2026-04-26');
    expect(stepOf(none, 'amended-plan:1').explanation).toContain(
      '12 weeks after the meeting on 1 February 2026',
    );
    expect(none.periods).toEqual([]);
  });

  it('§2.2 the amendment comment period: 15 days beginning with the day the proposal was sent', () => {
    const t = planned({
      firstIssued: '2025-03-10',
      reviews: [
        meeting('2026-02-01', {
          decision: { date: '2026-02-20', outcome: 'amend' },
          amendmentProposalSent: '2026-02-20',
        }),
      ],
    });
    expect(t.periods).toEqual([{ id: 'amendment-comments:1', from: '2026-02-20', to: '2026-03-06' }]);
  });

  it('§2.2 an amended plan issued on or before the last day of comments gets amended-plan-issued-during-comment-period', () => {
    const review = (issued: string) =>
      planned(
        {
          firstIssued: '2025-03-10',
          reviews: [
            meeting('2026-02-01', {
              decision: { date: '2026-02-20', outcome: 'amend' },
              amendmentProposalSent: '2026-02-20',
              amendedPlanIssued: issued,
            }),
          ],
        },
        '2026-04-01',
      );
    const during = review('2026-03-06');
    expect(during.warnings).toEqual(['amended-plan-issued-during-comment-period']);
    expect(stepOf(during, 'amended-plan:1')).toMatchObject({ status: 'met', completed: '2026-03-06' });
    expect(stepOf(during, 'amended-plan:1').explanation).toContain('before those 15 days were over');
    expect(review('2026-03-07').warnings).toEqual([]);
  });

  it('§2.2 a cease decision ends the review cycle: no next review step', () => {
    const t = planned({
      firstIssued: '2025-03-10',
      reviews: [meeting('2026-02-01', { decision: { date: '2026-02-20', outcome: 'cease' } })],
    });
    expect(idsOf(t)).toEqual([
      'review:1',
      'review-notice:1',
      'review-advice:1',
      'review-report:1',
      'review-decision:1',
    ]);
    expect(stepOf(t, 'review-decision:1').explanation).toContain('there are no more reviews');
  });

  it('§2.2 a decision not yet made still leaves the next review open', () => {
    const t = planned({ firstIssued: '2025-03-10', reviews: [meeting('2026-02-01')] });
    expect(stepOf(t, 'review-decision:1')).toMatchObject({
      due: '2026-03-01',
      status: 'open',
      daysRemaining: 0,
    });
    expect(stepOf(t, 'review:2').due).toBe('2027-01-31');
    expect(idsOf(t)).not.toContain('amendment-proposal:1');
  });

  it('§5 under plan, once firstIssued is known the next review step is always present; without it, none', () => {
    expect(planned({ firstIssued: null }).steps).toEqual([]);
    const t = planned({ firstIssued: '2020-01-01' }, '2026-03-01');
    expect(stepOf(t, 'review:1')).toMatchObject({ due: '2020-12-31', status: 'overdue', daysLate: 1886 });
  });
});

describe('§2.4 a plan that moves in from another local authority', () => {
  it('§2.4 transfer-notice: T + 42 days, reg 15(4)', () => {
    const t = planned(
      { firstIssued: '2025-09-01', transferIn: { date: '2026-04-01', noticeSent: null } },
      '2026-04-02',
    );
    expect(stepOf(t, 'transfer-notice')).toMatchObject({
      owner: 'local-authority',
      due: '2026-05-13',
      status: 'open',
      daysRemaining: 41,
    });
    expect(stepOf(t, 'transfer-notice').rule).toMatch(/^SEND Regulations 2014, reg 15\(4\)/);
    const sent = planned({ transferIn: { date: '2026-04-01', noticeSent: '2026-05-14' } }, '2026-06-01');
    expect(idsOf(sent)).toEqual(['transfer-notice']);
    expect(stepOf(sent, 'transfer-notice')).toMatchObject({ status: 'late', daysLate: 1 });
  });

  it('§2.4 the next review is due on the later of its normal date and the end of the 3 months beginning with T: the transfer date wins', () => {
    const t = planned({ firstIssued: '2025-09-01', transferIn: { date: '2026-07-15' } }, '2026-07-16');
    expect(stepOf(t, 'review:1')).toMatchObject({
      due: '2026-10-14',
      rule: 'Children and Families Act 2014, s44(1); SEND Regulations 2014, reg 15(5): after a plan is transferred in, review it by the later of the normal review date and the end of the 3 months beginning with the date it was transferred',
    });
    expect(stepOf(t, 'review:1').explanation).toContain('(31 August 2026)');
    expect(stepOf(t, 'review:1').explanation).toContain('(14 October 2026)');
  });

  it('§2.4 the next review after a transfer: the normal date wins when it is later', () => {
    const t = planned({ firstIssued: '2025-09-01', transferIn: { date: '2026-01-10' } }, '2026-01-11');
    expect(stepOf(t, 'review:1').due).toBe('2026-08-31');
    expect(stepOf(t, 'review:1').rule).toContain('reg 15(5)');
  });

  it('§2.4 a plan transferred in after a review already took place: only the following review moves', () => {
    const t = planned(
      { firstIssued: '2024-01-10', reviews: [meeting('2024-12-01')], transferIn: { date: '2025-10-20' } },
      '2025-10-21',
    );
    expect(stepOf(t, 'review:1')).toMatchObject({
      due: '2025-01-09',
      completed: '2024-12-01',
      status: 'met',
    });
    expect(stepOf(t, 'review:1').rule).not.toContain('reg 15(5)');
    // normal date (2025-12-01 - 1) = 2025-11-30; (T + 3 months) - 1 = 2026-01-19
    expect(stepOf(t, 'review:2')).toMatchObject({ due: '2026-01-19', status: 'open' });
    expect(stepOf(t, 'review:2').rule).toContain('reg 15(5)');
  });

  it('§2.4 a review held by the new authority after the move is the one the transfer rule governs', () => {
    const t = planned(
      { firstIssued: '2025-09-01', reviews: [meeting('2026-09-20')], transferIn: { date: '2026-07-15' } },
      '2026-10-01',
    );
    expect(stepOf(t, 'review:1')).toMatchObject({ due: '2026-10-14', status: 'met' });
    expect(stepOf(t, 'review:2')).toMatchObject({
      due: '2027-09-19',
      rule: expect.not.stringContaining('15(5)') as string,
    });
  });

  it('§2.4 3 months beginning with T = 2025-11-30 end on 2026-02-28 (no 30 February: the month’s last day, D5)', () => {
    const t = planned({ firstIssued: '2025-06-01', transferIn: { date: '2025-11-30' } }, '2025-12-01');
    expect(stepOf(t, 'review:1').due).toBe('2026-05-31'); // normal date is later
    const u = planned({ firstIssued: '2025-01-15', transferIn: { date: '2025-11-30' } }, '2025-12-01');
    expect(stepOf(u, 'review:1').due).toBe('2026-02-28');
  });
});
