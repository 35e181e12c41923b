import { describe, expect, it } from 'vitest';
import { idsOf, stepOf, timelineOf } from './testing.ts';
import type { AssessmentInput } from './types.ts';

const assess = (assessment: AssessmentInput, asOf = '2026-03-01') => timelineOf({ asOf, assessment });

describe('§2.1 EHC needs assessment', () => {
  it('§2.1 decision-to-assess: R + 42 days, owned by the local authority, reg 5(1)', () => {
    const s = stepOf(assess({ requestReceived: '2026-01-05' }), 'decision-to-assess');
    expect(s).toMatchObject({
      owner: 'local-authority',
      due: '2026-02-16',
      completed: null,
      status: 'overdue', // asOf 2026-03-01 is after 2026-02-16
      daysLate: 13,
      daysRemaining: null,
      rule: 'SEND Regulations 2014, reg 5(1): decide within 6 weeks of the request',
      exception: null,
    });
    expect(s.explanation).toContain('The council has not sent its decision yet. It is 13 days late.');
  });

  it('§2.1 decision-to-assess across a year end and a leap February', () => {
    expect(stepOf(assess({ requestReceived: '2025-12-01' }, '2025-12-02'), 'decision-to-assess').due).toBe(
      '2026-01-12',
    );
    expect(stepOf(assess({ requestReceived: '2024-02-01' }, '2024-02-02'), 'decision-to-assess').due).toBe(
      '2024-03-14',
    );
    expect(stepOf(assess({ requestReceived: '2025-02-01' }, '2025-02-02'), 'decision-to-assess').due).toBe(
      '2025-03-15',
    );
  });

  it('§2.1 decision-to-assess explains itself to a parent', () => {
    const s = stepOf(
      assess({ requestReceived: '2026-01-05', decisionToAssess: { date: '2026-02-10', outcome: 'assess' } }),
      'decision-to-assess',
    );
    expect(s.explanation).toBe(
      'The council must decide by 16 February 2026 whether to assess: 6 weeks from the day it received the request on 5 January 2026. ' +
        'The council sent its decision to assess on 10 February 2026, in time.',
    );
  });

  it('§2.1 advice:<id>: Q + 42 days, owned by the adviser, reg 8(1)', () => {
    const t = assess({
      requestReceived: '2026-01-05',
      decisionToAssess: { date: '2026-02-10', outcome: 'assess' },
      adviceRequests: [
        { id: 'ep', agency: 'educational-psychology', requested: '2026-02-11', received: null },
        { id: 'health', agency: 'health', requested: '2026-02-12', received: '2026-03-27' },
        { id: 'social-care', agency: 'social-care', requested: null },
      ],
    });
    expect(stepOf(t, 'advice:ep')).toMatchObject({
      owner: 'adviser',
      due: '2026-03-25',
      status: 'open',
      daysRemaining: 24,
      rule: 'SEND Regulations 2014, reg 8(1): give advice within 6 weeks of being asked for it',
    });
    expect(stepOf(t, 'advice:health')).toMatchObject({
      due: '2026-03-26',
      completed: '2026-03-27',
      status: 'late',
      daysLate: 1,
    });
    expect(stepOf(t, 'advice:ep').explanation).toContain(
      'The educational psychologist must give their advice by 25 March 2026: 6 weeks from the day the council asked for it on 11 February 2026.',
    );
    // an advice request not yet made has no step
    expect(idsOf(t)).toEqual(['decision-to-assess', 'advice:ep', 'advice:health', 'final-plan']);
  });

  it('§2.1 final-plan: R + 140 days (20 weeks), reg 13(2)', () => {
    const s = stepOf(
      assess({ requestReceived: '2026-01-05', finalIssued: '2026-05-26' }, '2026-06-01'),
      'final-plan',
    );
    expect(s).toMatchObject({
      due: '2026-05-25',
      completed: '2026-05-26',
      status: 'late',
      daysLate: 1,
      daysRemaining: null,
    });
    expect(s.rule).toBe(
      'SEND Regulations 2014, reg 13(2): issue the final plan within 20 weeks of the request',
    );
    expect(s.explanation).toContain(
      'by 25 May 2026: 20 weeks from the day it received the request on 5 January 2026',
    );
    expect(s.explanation).toContain('issued the final plan on 26 May 2026, 1 day late.');
  });

  it('§2.1 decision-not-to-issue: R + 112 days (16 weeks), only when the outcome is no plan; then no final-plan', () => {
    const t = assess({
      requestReceived: '2026-01-05',
      decisionToAssess: { date: '2026-02-10', outcome: 'assess' },
      assessmentOutcome: { date: null, outcome: 'no-plan' },
    });
    expect(idsOf(t)).toEqual(['decision-to-assess', 'decision-not-to-issue']);
    expect(stepOf(t, 'decision-not-to-issue')).toMatchObject({
      due: '2026-04-27',
      status: 'open',
      rule: 'SEND Regulations 2014, reg 10(1): tell the family within 16 weeks of the request that no plan will be issued',
    });
    const sent = assess(
      { requestReceived: '2026-01-05', assessmentOutcome: { date: '2026-04-27', outcome: 'no-plan' } },
      '2026-05-01',
    );
    expect(stepOf(sent, 'decision-not-to-issue')).toMatchObject({ completed: '2026-04-27', status: 'met' });
  });

  it('§2.1 a decision not to assess leaves no final-plan step', () => {
    const t = assess({
      requestReceived: '2026-01-05',
      decisionToAssess: { date: '2026-02-10', outcome: 'not-assess' },
    });
    expect(idsOf(t)).toEqual(['decision-to-assess']);
    expect(stepOf(t, 'decision-to-assess').explanation).toContain(
      'decision not to assess on 10 February 2026, in time',
    );
  });

  it('§2.1 with an outcome to issue a plan, final-plan stays and decision-not-to-issue is absent', () => {
    const t = assess({
      requestReceived: '2026-01-05',
      assessmentOutcome: { date: '2026-04-01', outcome: 'issue-plan' },
    });
    expect(idsOf(t)).toEqual(['decision-to-assess', 'final-plan']);
  });

  it('§5 no request, no assessment steps', () => {
    expect(timelineOf({ asOf: '2026-03-01', assessment: {} }).steps).toEqual([]);
    expect(timelineOf({ asOf: '2026-03-01', assessment: null }).steps).toEqual([]);
    expect(timelineOf({ asOf: '2026-03-01' })).toEqual({
      asOf: '2026-03-01',
      steps: [],
      periods: [],
      warnings: [],
    });
  });

  it('§2.1 the draft comment period: 15 days beginning with the day served (2026-04-20 → 2026-05-04)', () => {
    const t = assess({ requestReceived: '2026-01-05', draftServed: '2026-04-20' }, '2026-04-21');
    expect(t.periods).toEqual([{ id: 'draft-comments', from: '2026-04-20', to: '2026-05-04' }]);
    expect(t.warnings).toEqual([]);
    expect(stepOf(t, 'final-plan').explanation).toContain(
      'The draft plan was sent on 20 April 2026. The family has 15 days, up to and including 4 May 2026, to comment on it',
    );
  });

  it('§2.1 a final plan issued on the last day of the comment period gets final-issued-during-comment-period', () => {
    const t = assess(
      { requestReceived: '2026-01-05', draftServed: '2026-04-20', finalIssued: '2026-05-04' },
      '2026-05-10',
    );
    expect(t.warnings).toEqual(['final-issued-during-comment-period']);
    expect(stepOf(t, 'final-plan').explanation).toContain(
      'The final plan was issued on 4 May 2026, before those 15 days were over',
    );
  });

  it('§2.1 a final plan issued the day after the comment period has no warning', () => {
    const t = assess(
      { requestReceived: '2026-01-05', draftServed: '2026-04-20', finalIssued: '2026-05-05' },
      '2026-05-10',
    );
    expect(t.warnings).toEqual([]);
    expect(stepOf(t, 'final-plan').status).toBe('met');
  });
});
