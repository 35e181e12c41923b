/**
 * `goldthread improvement import --input FILE [--dry-run] [--as-of YYYY-MM-DD]`: reads an improvement plan CSV and,
 * with --dry-run, prints one JSON summary of what would be imported (docs/improvement-import.md).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UsageError, type Command } from '../command.ts';
import { parsePlanCsv } from '../../domain/improvement/csv-import.ts';
import { importPlan } from '../../domain/improvement/import-plan.ts';
import type { PlanStore } from '../../domain/improvement/import-plan.ts';
import { summarise } from '../../domain/improvement/summary.ts';

const USAGE = 'usage: goldthread improvement import --input FILE [--dry-run] [--as-of YYYY-MM-DD]';

/** Today's date in UTC, 'YYYY-MM-DD'. */
function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

function checkDate(text: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : null;
  if (date === null || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw new UsageError(`--as-of must be a real date written YYYY-MM-DD, not "${text}"`);
  }
  return text;
}

export interface ImportDeps {
  /** The database store; absent until the foundation wires it in. */
  store?: PlanStore | undefined;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

/** Runs `improvement import` with its arguments; returns the exit code. */
export async function runImport(args: string[], deps: ImportDeps = {}): Promise<number> {
  const out = deps.stdout ?? ((t: string) => void process.stdout.write(t));
  const err = deps.stderr ?? ((t: string) => void process.stderr.write(t));
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        input: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'as-of': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
  }
  if (values.input === undefined || values.input === '')
    throw new UsageError(`--input is required\n${USAGE}`);
  const asOf = values['as-of'] === undefined ? todayUtc() : checkDate(values['as-of']);

  let text: string;
  try {
    text = readFileSync(values.input, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${values.input}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = parsePlanCsv(text);

  if (values['dry-run']) {
    out(`${JSON.stringify(summarise(parsed, asOf))}\n`);
    return 0;
  }
  if (deps.store === undefined) {
    err('goldthread improvement: saving to the database is not available yet; use --dry-run\n');
    return 2;
  }
  const outcome = await importPlan(parsed, deps.store);
  out(`${JSON.stringify({ ...outcome, ...summarise(parsed, asOf) })}\n`);
  return 0;
}

const command: Command = {
  description: 'Improvement plan: import --input FILE [--dry-run] [--as-of YYYY-MM-DD]',
  async run(args) {
    const [sub, ...rest] = args;
    if (sub === 'import') return runImport(rest);
    if (sub === 'export') throw new UsageError('export is not available yet');
    throw new UsageError(sub === undefined ? USAGE : `unknown subcommand "${sub}"\n${USAGE}`);
  },
};
export default command;
