import { describe, expect, it } from 'vitest';
import {
  amendedPlanRefusal,
  closeRefusal,
  finalPlanRefusal,
  missingAdvice,
  missingAdviceMessage,
  requiredAdvice,
  sen2RequestOutcome,
} from './lawful-steps.ts';

describe('J1: the final plan after the 15 days for comments (reg 13(1)(a))', () => {
  // Draft served 2026-04-20: 15 days beginning with that day end 2026-05-04 (statutory-clock.md section 1).
  const base = { commentsUntil: '2026-05-04', commentsComplete: false };
  it('refuses on the day the draft is served and on the last day, and allows the day after', () => {
    expect(finalPlanRefusal({ ...base, date: '2026-04-20' })).toMatch(/until 4 May 2026 to comment/);
    expect(finalPlanRefusal({ ...base, date: '2026-05-04' })).toMatch(/reg 13\(1\)\(a\)/);
    expect(finalPlanRefusal({ ...base, date: '2026-05-05' })).toBeNull();
  });
  it('allows it sooner once the family’s comments are recorded as complete', () => {
    expect(finalPlanRefusal({ ...base, commentsComplete: true, date: '2026-04-22' })).toBeNull();
  });
  it('refuses it before any draft is served', () => {
    expect(finalPlanRefusal({ commentsUntil: null, commentsComplete: true, date: '2026-04-22' })).toMatch(
      /Send the draft/,
    );
  });
});

describe('J3: the advice reg 6(1) requires', () => {
  it('asks for preparation for adulthood only from year 9', () => {
    expect(requiredAdvice(8).map((r) => r.key)).not.toContain('adulthood');
    expect(requiredAdvice(9).map((r) => r.key)).toContain('adulthood');
  });
  it('is met by advice asked for or reused, and the setting meets educational advice', () => {
    const all = ['family', 'setting', 'health', 'educational-psychology'];
    expect(missingAdvice({ yearGroup: 3, requested: all, reused: ['social-care'] })).toEqual([]);
    expect(missingAdvice({ yearGroup: 3, requested: all, reused: [] }).map((r) => r.key)).toEqual([
      'social-care',
    ]);
    expect(missingAdvice({ yearGroup: 3, requested: [], reused: [] })).toHaveLength(5);
    expect(missingAdviceMessage([])).toBeNull();
    expect(missingAdviceMessage(requiredAdvice(3))).toMatch(/reg 6\(1\)\(a\).*reg 6\(1\)\(e\)/);
  });
});

describe('J2: an amended plan only through a review, a reassessment or a tribunal order', () => {
  it('refuses with no route, and applies the comment period on a reassessment', () => {
    expect(amendedPlanRefusal({ route: null, final: null })).toMatch(/annual review \(reg 22\)/);
    const final = { commentsUntil: '2026-05-04', commentsComplete: false, date: '2026-05-01' };
    expect(amendedPlanRefusal({ route: 'reassessment', final })).toMatch(/to comment/);
    expect(amendedPlanRefusal({ route: 'reassessment', final: { ...final, date: '2026-05-05' } })).toBeNull();
  });
});

describe('withdrawn requests and moves out of the area (SEN2 module 2)', () => {
  const open = { requestReceived: '2026-03-02', decisionDate: null, today: '2026-04-01' };
  it('records a withdrawal from the request on, and a move out only once the council decided to assess', () => {
    expect(closeRefusal({ ...open, reason: 'withdrawn', stage: 'request', date: '2026-03-10' })).toBeNull();
    expect(closeRefusal({ ...open, reason: 'moved-out', stage: 'request', date: '2026-03-10' })?.field).toBe(
      'reason',
    );
    expect(
      closeRefusal({
        ...open,
        reason: 'moved-out',
        stage: 'assessment',
        decisionDate: '2026-03-20',
        date: '2026-03-19',
      })?.message,
    ).toMatch(/on or after 20 March 2026/);
    expect(
      closeRefusal({ ...open, reason: 'withdrawn', stage: 'final', date: '2026-03-10' })?.message,
    ).toMatch(/already closed/);
    expect(closeRefusal({ ...open, reason: 'withdrawn', stage: 'request', date: '2026-04-02' })?.field).toBe(
      'date',
    );
  });
  it('gives SEN2 the request outcome: withdrawn before a decision; a move out is its own flag', () => {
    expect(
      sen2RequestOutcome({
        decision: null,
        decisionDate: null,
        closedReason: 'withdrawn',
        closedDate: '2026-03-10',
      }),
    ).toEqual({ outcome: 'withdrawn', date: '2026-03-10', movedOutBeforeAssessmentFinished: false });
    expect(
      sen2RequestOutcome({
        decision: 'assess',
        decisionDate: '2026-03-20',
        closedReason: 'moved-out',
        closedDate: '2026-04-20',
      }),
    ).toEqual({ outcome: 'assess', date: '2026-03-20', movedOutBeforeAssessmentFinished: true });
  });
});
