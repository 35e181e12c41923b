/**
 * The hand-worked clock examples of the legal review (`clock-examples.json` in the project's shared domain folder),
 * kept verbatim in `src/domain/clock/fixtures/` so the tests run without the shared folder, and the checks they make
 * on a timeline. Used by the engine's tests and the command's (here, not in the domain, because it reads files).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClockInput, ContractTimeline } from '../../src/domain/clock/types.ts';

/** [step id, field, expected], ["period", id, [from, to]] or ["warning", id, present]. */
export type ExampleCheck = [string, string, unknown];

export interface ClockExample {
  id: string;
  title: string;
  rule: string;
  input: ClockInput;
  checks: ExampleCheck[];
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The copy committed with the code. */
export const FIXTURE_PATH = join(root, 'src', 'domain', 'clock', 'fixtures', 'clock-examples.json');

/**
 * Where the shared copy is when there is one: $GOLDTHREAD_SHARED_DIR, the `shared` folder beside the checkout (as
 * CI lays it out), or /work/shared.
 */
export function sharedExamplesPath(): string | null {
  const candidates = [
    process.env['GOLDTHREAD_SHARED_DIR'],
    join(root, '..', 'shared'),
    join(root, '..', '..', 'shared'),
    '/work/shared',
  ];
  for (const dir of candidates) {
    if (!dir) continue;
    const path = join(dir, 'domain', 'clock-examples.json');
    if (existsSync(path)) return path;
  }
  return null;
}

export function loadExamples(path = FIXTURE_PATH): ClockExample[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { cases: ClockExample[] }).cases;
}

/** What a check found and expected, so a failure names both; `ok` when they agree. */
export function runCheck(
  t: ContractTimeline,
  [subject, field, expected]: ExampleCheck,
): { ok: boolean; actual: unknown; what: string } {
  if (subject === 'period') {
    const p = t.periods.find((x) => x.id === field);
    const actual = p ? [p.from, p.to] : null;
    return { ok: JSON.stringify(actual) === JSON.stringify(expected), actual, what: `period ${field}` };
  }
  if (subject === 'warning') {
    const actual = t.warnings.includes(field as never);
    return { ok: actual === expected, actual, what: `warning ${field}` };
  }
  const step = t.steps.find((s) => s.id === subject);
  const what = `${subject}.${field}`;
  if (field === 'absent') {
    return { ok: (step === undefined) === expected, actual: step === undefined, what };
  }
  if (!step) return { ok: false, actual: `no step ${subject}`, what };
  let actual: unknown;
  if (field.startsWith('exception.')) {
    const key = field.slice('exception.'.length) as 'adjustedDue' | 'overlapDays' | 'status' | 'kinds';
    actual = step.exception === null ? null : step.exception[key];
  } else {
    actual = (step as unknown as Record<string, unknown>)[field];
  }
  return { ok: JSON.stringify(actual) === JSON.stringify(expected), actual, what };
}
