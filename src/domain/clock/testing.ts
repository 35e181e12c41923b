/** Helpers for the clock's tests: validate, compute, and pick steps out by id. */
import { computeTimeline, formatIssues, parseClockInput } from './index.ts';
import type { ClockInput, Step, Timeline } from './types.ts';

/** Validates the input (throwing with the issues if it is invalid) and computes its timeline. */
export function timelineOf(input: ClockInput): Timeline {
  const parsed = parseClockInput(JSON.parse(JSON.stringify(input)));
  if (!parsed.ok) throw new Error(`invalid test input:\n${formatIssues(parsed.issues)}`);
  return computeTimeline(parsed.input);
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
