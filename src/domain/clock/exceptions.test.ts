import { describe, expect, it } from 'vitest';
import { stepOf, timelineOf } from './testing.ts';
import type { AdviceRequestInput, ExceptionInput } from './types.ts';

/** A request on 2026-01-05: decision-to-assess window [2026-01-05, 2026-02-16], final-plan [2026-01-05, 2026-05-25]. */
const withExceptions = (
  exceptions: ExceptionInput[],
  adviceRequests: AdviceRequestInput[] = [],
  asOf = '2026-03-01',
) =>
  timelineOf({
    asOf,
    assessment: {
      requestReceived: '2026-01-05',
      decisionToAssess: { date: '2026-02-10', outcome: 'assess' },
      adviceRequests,
    },
    exceptions,
  });

describe('§3 exceptions', () => {
  it('§3 absence-from-area of 27 days does not qualify', () => {
    const t = withExceptions([{ kind: 'absence-from-area', from: '2026-01-10', to: '2026-02-05' }]);
    expect(stepOf(t, 'decision-to-assess').exception).toBeNull();
    expect(stepOf(t, 'final-plan').exception).toBeNull();
  });

  it('§3 absence-from-area of 28 days qualifies: overlap 28, adjusted due + 28', () => {
    const t = withExceptions([{ kind: 'absence-from-area', from: '2026-01-10', to: '2026-02-06' }]);
    expect(stepOf(t, 'decision-to-assess').exception).toEqual({
      kinds: ['absence-from-area'],
      overlapDays: 28,
      adjustedDue: '2026-03-16',
      status: 'met',
    });
  });

  it('§3 an exception that starts before the window counts only its days inside [start, due]', () => {
    const t = withExceptions([{ kind: 'personal-circumstances', from: '2025-12-20', to: '2026-01-10' }]);
    expect(stepOf(t, 'decision-to-assess').exception).toMatchObject({
      overlapDays: 6,
      adjustedDue: '2026-02-22',
    });
  });

  it('§3 an exception that ends after the window counts only its days inside [start, due]', () => {
    const t = withExceptions([{ kind: 'personal-circumstances', from: '2026-02-10', to: '2026-04-01' }]);
    expect(stepOf(t, 'decision-to-assess').exception).toMatchObject({
      overlapDays: 7,
      adjustedDue: '2026-02-23',
    });
    expect(stepOf(t, 'final-plan').exception).toMatchObject({ overlapDays: 51, adjustedDue: '2026-07-15' });
  });

  it('§3 overlapping exceptions are counted once (the union of their periods)', () => {
    const t = withExceptions([
      { kind: 'personal-circumstances', from: '2026-01-10', to: '2026-01-20' },
      { kind: 'absence-from-area', from: '2026-01-15', to: '2026-02-11' }, // 28 days
    ]);
    expect(stepOf(t, 'decision-to-assess').exception).toEqual({
      kinds: ['personal-circumstances', 'absence-from-area'],
      overlapDays: 33, // 10 January to 11 February
      adjustedDue: '2026-03-21',
      status: 'met',
    });
  });

  it('§3 touching and separate exceptions: a union of days, no double counting, gaps not counted', () => {
    const touching = withExceptions([
      { kind: 'personal-circumstances', from: '2026-01-10', to: '2026-01-20' },
      { kind: 'personal-circumstances', from: '2026-01-21', to: '2026-01-25' },
    ]);
    expect(stepOf(touching, 'decision-to-assess').exception).toMatchObject({
      kinds: ['personal-circumstances'],
      overlapDays: 16,
    });
    const apart = withExceptions([
      { kind: 'personal-circumstances', from: '2026-01-10', to: '2026-01-12' },
      { kind: 'personal-circumstances', from: '2026-01-20', to: '2026-01-21' },
      { kind: 'personal-circumstances', from: '2026-01-11', to: '2026-01-11' },
    ]);
    expect(stepOf(apart, 'decision-to-assess').exception).toMatchObject({
      overlapDays: 5,
      adjustedDue: '2026-02-21',
    });
  });

  it('§3 an exception outside a step’s window leaves that step alone but relieves a longer one', () => {
    const t = withExceptions([{ kind: 'personal-circumstances', from: '2026-03-01', to: '2026-03-05' }]);
    expect(stepOf(t, 'decision-to-assess').exception).toBeNull();
    expect(stepOf(t, 'final-plan').exception).toMatchObject({ overlapDays: 5, adjustedDue: '2026-05-30' });
    // Began on the due day itself, but the decision was sent on 10 February: it cannot have caused a delay (D2).
    const onDue = withExceptions([{ kind: 'personal-circumstances', from: '2026-02-16', to: '2026-02-20' }]);
    expect(stepOf(onDue, 'decision-to-assess').exception).toBeNull();
    expect(stepOf(onDue, 'decision-to-assess').exceptionChecks[0]).toMatchObject({
      canQualify: false,
      reason:
        'It began on 16 February 2026, after this step was done on 10 February 2026, so it cannot have caused the delay.',
    });
    // Not decided yet: an exception beginning on the due day itself counts that one day.
    const open = timelineOf({
      asOf: '2026-02-20',
      assessment: { requestReceived: '2026-01-05' },
      exceptions: [{ kind: 'personal-circumstances', from: '2026-02-16', to: '2026-02-20' }],
    });
    expect(stepOf(open, 'decision-to-assess').exception).toMatchObject({ overlapDays: 1 }); // the due day itself
  });

  it('§3 personal-circumstances and absence relieve advice steps too; school closures do not', () => {
    const t = withExceptions(
      [{ kind: 'personal-circumstances', from: '2026-02-15', to: '2026-02-16' }],
      [{ id: 'ep', agency: 'educational-psychology', requested: '2026-02-11' }],
    );
    expect(stepOf(t, 'advice:ep').exception).toMatchObject({ overlapDays: 2, adjustedDue: '2026-03-27' });
  });

  it('§3 missed-appointment relieves only the advice steps it names', () => {
    const t = withExceptions(
      [{ kind: 'missed-appointment', from: '2026-02-20', to: '2026-02-20', appliesTo: ['ep'] }],
      [
        { id: 'ep', agency: 'educational-psychology', requested: '2026-02-11' },
        { id: 'health', agency: 'health', requested: '2026-02-11' },
      ],
    );
    expect(stepOf(t, 'advice:ep').exception).toEqual({
      kinds: ['missed-appointment'],
      overlapDays: 1,
      adjustedDue: '2026-03-26',
      status: 'open',
    });
    expect(stepOf(t, 'advice:health').exception).toBeNull();
    expect(stepOf(t, 'decision-to-assess').exception).toBeNull();
    expect(stepOf(t, 'final-plan').exception).toBeNull();
    expect(stepOf(t, 'advice:ep').explanation).toContain('the appointment on 20 February 2026 was missed');
  });

  describe('§3 school-closure: closed 28+ days and advice asked from (from - 7) to (reopening - 7)', () => {
    // Closed 2026-01-12 to 2026-02-20 (40 days); reopening 2026-02-21; the asking window is 2026-01-05 to 2026-02-14.
    const closure: ExceptionInput = {
      kind: 'school-closure',
      from: '2026-01-12',
      to: '2026-02-20',
      appliesTo: ['school'],
    };
    const run = (requested: string, exception = closure) =>
      timelineOf({
        asOf: '2026-03-01',
        assessment: {
          requestReceived: '2025-12-01',
          decisionToAssess: { date: '2025-12-20', outcome: 'assess' },
          adviceRequests: [{ id: 'school', agency: 'school', requested }],
        },
        exceptions: [exception],
      });

    it('§3 advice asked on the first day of the window: qualifies, relieving the assessment steps only', () => {
      const t = run('2026-01-05');
      // decision-to-assess was sent on 20 December, before the setting was asked for advice: no relief (D2)
      expect(stepOf(t, 'decision-to-assess').exception).toBeNull();
      expect(stepOf(t, 'decision-to-assess').exceptionChecks[0]?.reason).toContain(
        'after this step was done on 20 December 2025',
      );
      // final-plan window [2025-12-01, 2026-04-20] holds all 40 closed days
      expect(stepOf(t, 'final-plan')).toMatchObject({
        due: '2026-04-20',
        exception: { kinds: ['school-closure'], overlapDays: 40, adjustedDue: '2026-05-30', status: 'open' },
      });
      expect(stepOf(t, 'advice:school').exception).toBeNull();
      expect(stepOf(t, 'final-plan').explanation).toContain(
        'The law gives extra time because the school or setting was closed from 12 January 2026 to 20 February 2026.',
      );
    });

    it('§3 advice asked on the last day of the window (reopening - 7) qualifies', () => {
      expect(stepOf(run('2026-02-14'), 'final-plan').exception).toMatchObject({ overlapDays: 40 });
    });

    it('§3 advice asked one day before the window does not qualify', () => {
      expect(stepOf(run('2026-01-04'), 'final-plan').exception).toBeNull();
    });

    it('§3 advice asked one day after the window does not qualify', () => {
      expect(stepOf(run('2026-02-15'), 'final-plan').exception).toBeNull();
    });

    it('§3 a closure of 27 days does not qualify; 28 does', () => {
      expect(stepOf(run('2026-01-10', { ...closure, to: '2026-02-07' }), 'final-plan').exception).toBeNull();
      expect(
        stepOf(run('2026-01-10', { ...closure, to: '2026-02-08' }), 'final-plan').exception,
      ).toMatchObject({
        overlapDays: 28,
      });
    });

    it('§3 a closure that names no advice request does not qualify', () => {
      expect(stepOf(run('2026-01-10', { ...closure, appliesTo: [] }), 'final-plan').exception).toBeNull();
    });
  });

  it('§3 an exception still going on (no end date) counts up to asOf', () => {
    const t = withExceptions([{ kind: 'absence-from-area', from: '2026-02-01' }]); // 1 February to 1 March: 29 days
    // only 1 to 16 February falls inside the decision's 6 weeks, and it was sent on 10 February (D2, D3)
    expect(stepOf(t, 'decision-to-assess').exception).toBeNull();
    expect(stepOf(t, 'final-plan').exception).toMatchObject({ overlapDays: 29 });
    expect(stepOf(t, 'final-plan').explanation).toContain('away from the area since 1 February 2026');
    const tooShort = withExceptions([{ kind: 'absence-from-area', from: '2026-02-10' }]);
    expect(stepOf(tooShort, 'final-plan').exception).toBeNull();
  });

  it('§4 the exception status is measured against the adjusted due', () => {
    const t = timelineOf({
      asOf: '2026-03-10',
      assessment: {
        requestReceived: '2026-01-05',
        decisionToAssess: { date: '2026-03-01', outcome: 'assess' },
      },
      exceptions: [{ kind: 'absence-from-area', from: '2026-01-10', to: '2026-03-10' }],
    });
    const s = stepOf(t, 'decision-to-assess');
    expect(s).toMatchObject({ status: 'late', daysLate: 13 });
    // 10 January to 16 February: 38 days inside the window
    expect(s.exception).toEqual({
      kinds: ['absence-from-area'],
      overlapDays: 38,
      adjustedDue: '2026-03-26',
      status: 'met',
    });
    expect(s.explanation).toContain('The legal date is still 16 February 2026');
    expect(s.explanation).toContain('Against the working target it was done in time.');
  });
});
