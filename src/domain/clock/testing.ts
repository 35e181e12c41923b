/** Helpers for the clock's tests: validate, compute, and pick steps out by id. */
import { computeTimeline, formatIssues, parseClockInput } from './index.ts';
import type { ClockInput, Step, Timeline } from './types.ts';

/** The input without the library-only exception fields (`id`, `confirmed`), as the command's contract has it. */
export function contractInput(input: ClockInput): ClockInput {
  if (!input.exceptions) return input;
  return {
    ...input,
    exceptions: input.exceptions.map(({ id: _id, confirmed: _confirmed, ...rest }) => rest),
  };
}

/**
 * Validates the input against the command's contract (throwing with the issues if it is invalid) and computes its
 * timeline with the library. An exception that does not say whether it is confirmed is treated as confirmed (as
 * the command does), so the rules of section 3 can be tested directly; tests of confirmation set it explicitly.
 */
export function timelineOf(input: ClockInput): Timeline {
  const parsed = parseClockInput(JSON.parse(JSON.stringify(contractInput(input))));
  if (!parsed.ok) throw new Error(`invalid test input:\n${formatIssues(parsed.issues)}`);
  return computeTimeline({
    ...input,
    exceptions: input.exceptions?.map((e) => ({ ...e, confirmed: e.confirmed ?? true })) ?? null,
  });
}

export function stepOf(t: Timeline, id: string): Step {
  const s = t.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id}; steps are ${t.steps.map((x) => x.id).join(', ')}`);
  return s;
}

export function idsOf(t: Timeline): string[] {
  return t.steps.map((s) => s.id);
}

/** The issues for an input, one `path: message` line each; empty when the input is valid. */
export function issuesOf(raw: unknown): string[] {
  const parsed = parseClockInput(raw);
  return parsed.ok ? [] : formatIssues(parsed.issues).split('\n');
}
