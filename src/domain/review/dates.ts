/** Small date helpers for the review rules: checked parsing, day differences, and a clock step as a RuleDate. */
import type { RuleDate, Step } from '../clock/index.ts';
import { parseDate, type DayNumber } from '../clock/dates.ts';

/** Parses a 'YYYY-MM-DD' value, naming the field when it is not a date. */
export function checkedDate(value: string, name: string): DayNumber {
  try {
    return parseDate(value);
  } catch {
    throw new RangeError(`${name}: not a date: ${JSON.stringify(value)}`);
  }
}

/** to - from, in days. */
export function daysBetween(from: string, to: string): number {
  return parseDate(to) - parseDate(from);
}

/** A clock step's due date with its rule, split from the step's "source: rule" text. */
export function ruleDateOfStep(step: Step): RuleDate {
  const at = step.rule.indexOf(': ');
  return {
    date: step.due,
    rule: at < 0 ? step.rule : capitalise(step.rule.slice(at + 2)),
    source: at < 0 ? step.rule : step.rule.slice(0, at),
    statutory: true,
    assumption: null,
  };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
