/**
 * Section 5's example input, worked by hand. The document's example output shows only the decision-to-assess
 * step (and a draft comment period and warning that its input cannot produce: see docs/clock.md), so the rest of
 * the expected values below were computed by hand from the rules.
 */
import { describe, expect, it } from 'vitest';
import { computeTimeline, parseClockInput } from './index.ts';
import { EXAMPLE_INPUT, EXAMPLE_PERIODS, EXAMPLE_STEPS } from './example-case.ts';
import type { Timeline } from './types.ts';

function run(): Timeline {
  const parsed = parseClockInput(JSON.parse(JSON.stringify(EXAMPLE_INPUT)));
  if (!parsed.ok) throw new Error('the example input should be valid');
  return computeTimeline(parsed.input);
}

describe('§5 the document’s example', () => {
  it('§5 reproduces the example output’s decision-to-assess step exactly (16 days of absence, adjusted 2026-03-04)', () => {
    expect(run().steps[0]).toMatchObject({
      id: 'decision-to-assess',
      owner: 'local-authority',
      due: '2026-02-16',
      completed: '2026-02-10',
      status: 'met',
      daysLate: 0,
      daysRemaining: null,
      rule: 'SEND Regulations 2014, reg 5(1): decide within 6 weeks of the request',
      exception: { kinds: ['absence-from-area'], overlapDays: 16, adjustedDue: '2026-03-04', status: 'met' },
    });
  });

  it('§5 every step of the example, worked by hand', () => {
    const t = run();
    expect(t.asOf).toBe('2026-03-01');
    expect(t.steps.map(({ explanation: _e, ...contract }) => contract)).toEqual(EXAMPLE_STEPS);
    expect(t.periods).toEqual(EXAMPLE_PERIODS);
    expect(t.warnings).toEqual([]);
  });

  it('§5 each step carries exactly the contract fields plus an explanation', () => {
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
        'explanation',
      ]);
      expect(s.explanation.length).toBeGreaterThan(40);
      expect(s.explanation).not.toMatch(/\d{4}-\d{2}-\d{2}/); // dates in prose, never ISO
    }
  });
});
