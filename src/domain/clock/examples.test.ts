/**
 * Every hand-worked example of the legal review (clock-examples.json), through the engine as the command reads it
 * (recorded exceptions relied on), and through the library with the exceptions not yet confirmed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FIXTURE_PATH,
  loadExamples,
  runCheck,
  sharedExamplesPath,
} from '../../../test/helpers/clock-examples.ts';
import { computeContractTimeline, computeTimeline, parseClockInput } from './index.ts';

const examples = loadExamples();

describe('the legal review’s clock examples (clock-examples.json)', () => {
  it('the committed copy is the shared file, unchanged (when the shared folder is here)', () => {
    const shared = sharedExamplesPath();
    if (shared === null) return; // CI without the shared folder: the committed copy stands
    expect(JSON.parse(readFileSync(FIXTURE_PATH, 'utf8'))).toEqual(JSON.parse(readFileSync(shared, 'utf8')));
  });

  it('has the 40 cases the review worked by hand', () => {
    expect(examples).toHaveLength(40);
    expect(new Set(examples.map((e) => e.id)).size).toBe(40);
  });

  for (const example of examples) {
    it(`${example.id}: ${example.title} (${example.rule})`, () => {
      const parsed = parseClockInput(JSON.parse(JSON.stringify(example.input)));
      expect(parsed.ok, JSON.stringify(parsed.ok ? null : parsed.issues)).toBe(true);
      if (!parsed.ok) return;
      const t = computeContractTimeline(parsed.input);
      const results = example.checks.map((c) => ({ check: c, ...runCheck(t, c) }));
      const failed = results
        .filter((r) => !r.ok)
        .map((r) => `${r.what}: expected ${JSON.stringify(r.check[2])}, got ${JSON.stringify(r.actual)}`);
      expect(failed).toEqual([]);
    });
  }

  it('with the exceptions recorded but not confirmed, no step relies on one, and each that can qualify says so', () => {
    for (const example of examples) {
      if (!example.input.exceptions?.length) continue;
      const t = computeTimeline(example.input);
      const confirmed = computeContractTimeline(example.input);
      for (const step of t.steps) {
        expect(step.exception, `${example.id} ${step.id}`).toBeNull();
        const relied = confirmed.steps.find((s) => s.id === step.id)!.exception;
        // A step the contract relieves has a check that can qualify, waiting for a caseworker's confirmation.
        expect(
          step.exceptionChecks.some((c) => c.canQualify),
          `${example.id} ${step.id}`,
        ).toBe(relied !== null);
        for (const c of step.exceptionChecks.filter((x) => x.canQualify)) {
          expect(c.reason).toContain('only once a caseworker confirms');
        }
      }
    }
  });
});
