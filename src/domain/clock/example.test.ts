/**
 * Section 5's example input, worked by hand. The document's example output shows only the decision-to-assess
 * step (and a draft comment period and warning that its input cannot produce: see docs/clock.md), so the rest of
 * the expected values below were computed by hand from the rules.
 */
import { describe, expect, it } from 'vitest';
import { computeTimeline, parseClockInput } from './index.ts';
import { EXAMPLE_INPUT, EXAMPLE_PERIODS, EXAMPLE_STEPS } from './example-case.ts';
import type { Timeline } from './types.ts';

/** The example as the contract reads it: its recorded exceptions are relied on (confirmed). */
function run(): Timeline {
  const parsed = parseClockInput(JSON.parse(JSON.stringify(EXAMPLE_INPUT)));
  if (!parsed.ok) throw new Error('the example input should be valid');
  const input = parsed.input;
  return computeTimeline({ ...input, exceptions: input.exceptions!.map((e) => ({ ...e, confirmed: true })) });
}

describe('§5 the document’s example', () => {
  it('§5 reproduces the example output’s two steps exactly (16 days of absence cannot relieve the decision; 38 relieve the final plan)', () => {
    const t = run();
    expect(t.steps[0]).toMatchObject({
      id: 'decision-to-assess',
      owner: 'local-authority',
      due: '2026-02-16',
      completed: '2026-02-10',
      status: 'met',
      daysLate: 0,
      daysRemaining: null,
      rule: 'SEND Regulations 2014, reg 5(1): decide within 6 weeks of the request',
      exception: null,
    });
    expect(t.steps.find((s) => s.id === 'final-plan')).toMatchObject({
      id: 'final-plan',
      owner: 'local-authority',
      due: '2026-05-25',
      completed: null,
      status: 'open',
      daysLate: 0,
      daysRemaining: 85,
      rule: 'SEND Regulations 2014, reg 13(2): issue the final plan within 20 weeks of the request',
      exception: { kinds: ['absence-from-area'], overlapDays: 38, adjustedDue: '2026-07-02', status: 'open' },
    });
  });

  it('§5 every step of the example, worked by hand', () => {
    const t = run();
    expect(t.asOf).toBe('2026-03-01');
    expect(t.steps.map(({ explanation: _e, exceptionChecks: _c, ...contract }) => contract)).toEqual(
      EXAMPLE_STEPS,
    );
    expect(t.periods).toEqual(EXAMPLE_PERIODS);
    expect(t.warnings).toEqual([]);
  });

  it('§5 each step carries exactly the contract fields plus the library’s exception checks and explanation', () => {
    for (const s of run().steps) {
      expect(Object.keys(s)).toEqual([
        'id',
        'owner',
        'due',
        'completed',
        'status',
        'daysLate',
        'daysRemaining',
        'rule',
        'exception',
        'exceptionChecks',
        'explanation',
      ]);
      expect(s.explanation.length).toBeGreaterThan(40);
      expect(s.explanation).not.toMatch(/\d{4}-\d{2}-\d{2}/); // dates in prose, never ISO
    }
  });
});
