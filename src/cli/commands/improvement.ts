/**
 * `goldthread improvement import --input FILE [--dry-run] [--as-of YYYY-MM-DD] [--la CODE] [--title T] [--kind K]`
 * reads an improvement plan CSV and, with --dry-run, prints one JSON summary of what would be imported; without it,
 * saves the rows that were read into the database in one transaction, with an audit entry.
 * `goldthread improvement export [--la CODE] [--plan ID|TITLE] [--output FILE]` writes a plan back as CSV.
 * docs/improvement.md explains both.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import type { ParseArgsOptionsConfig } from 'node:util';
import type { Transaction } from 'kysely';
import { UsageError, type Command } from '../command.ts';
import { parsePlanCsv } from '../../domain/improvement/csv-import.ts';
import { importPlan } from '../../domain/improvement/import-plan.ts';
import type { ImprovementPlanStore } from '../../domain/improvement/import-plan.ts';
import { summarise } from '../../domain/improvement/summary.ts';
import { IMPROVEMENT_PLAN_KINDS } from '../../platform/db/schema/index.ts';
import type { DB, ImprovementPlanKind } from '../../platform/db/schema/index.ts';

const USAGE =
  'usage: goldthread improvement import --input FILE [--dry-run] [--as-of YYYY-MM-DD] [--la CODE] [--title TITLE] ' +
  '[--kind written-statement-of-action|priority-action-plan|send-strategy]\n' +
  '       goldthread improvement export [--la CODE] [--plan ID|TITLE] [--output FILE]';

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

function checkLa(text: string | undefined, demo: boolean): string {
  if (text === undefined) {
    if (demo) return '999';
    throw new UsageError(`--la is required outside demo mode\n${USAGE}`);
  }
  if (!/^\d{3}$/.test(text))
    throw new UsageError(`--la must be a three-digit local authority code, not "${text}"`);
  return text;
}

export interface ImportTarget {
  laCode: string;
  title: string;
  kind: ImprovementPlanKind;
}

export interface ImportDeps {
  /** A store to save into (tests); without it the command opens the configured database. */
  store?: ImprovementPlanStore | undefined;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

function writers(deps: Pick<ImportDeps, 'stdout' | 'stderr'>) {
  return {
    out: deps.stdout ?? ((t: string) => void process.stdout.write(t)),
    err: deps.stderr ?? ((t: string) => void process.stderr.write(t)),
  };
}

function parse<T extends ParseArgsOptionsConfig>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false });
  } catch (e) {
    throw new UsageError(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
  }
}

/** Opens the configured database, migrated, and runs `fn` in one transaction. */
async function inDatabase<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  const { loadConfig } = await import('../../platform/config.ts');
  const { openDatabase } = await import('../../platform/db/database.ts');
  const { migrateToLatest } = await import('../../platform/db/migrate.ts');
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    return await database.db.transaction().execute(fn);
  } finally {
    await database.close();
  }
}

async function demoMode(): Promise<boolean> {
  const { loadConfig } = await import('../../platform/config.ts');
  return loadConfig().demo;
}

/** Runs `improvement import` with its arguments; returns the exit code. */
export async function runImport(args: string[], deps: ImportDeps = {}): Promise<number> {
  const { out, err } = writers(deps);
  const { values } = parse(args, {
    input: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    'as-of': { type: 'string' },
    la: { type: 'string' },
    title: { type: 'string' },
    kind: { type: 'string' },
  });
  const input = values.input;
  if (input === undefined || input === '') throw new UsageError(`--input is required\n${USAGE}`);
  const asOfText = values['as-of'];
  const asOf = asOfText === undefined ? todayUtc() : checkDate(asOfText);
  const kindText = values.kind ?? 'written-statement-of-action';
  const kind = IMPROVEMENT_PLAN_KINDS.find((k) => k === kindText);
  if (kind === undefined) throw new UsageError(`--kind must be one of ${IMPROVEMENT_PLAN_KINDS.join(', ')}`);
  const titleText = (values.title ?? basename(input, extname(input))).trim();
  if (titleText === '' || titleText.length > 200) throw new UsageError('--title must be 1 to 200 characters');

  let text: string;
  try {
    text = readFileSync(input, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${input}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = parsePlanCsv(text);

  if (values['dry-run']) {
    out(`${JSON.stringify(summarise(parsed, asOf))}\n`);
    return 0;
  }
  const laCodeText = values.la;
  if (deps.store !== undefined) {
    const outcome = await importPlan(parsed, deps.store);
    out(`${JSON.stringify({ ...outcome, ...summarise(parsed, asOf) })}\n`);
    return 0;
  }
  const laCode = checkLa(laCodeText, await demoMode());
  if (parsed.actions.length === 0) {
    err('goldthread improvement: no actions could be read from the file; nothing was saved\n');
    out(`${JSON.stringify(summarise(parsed, asOf))}\n`);
    return 1;
  }
  const { createImprovementPlanStore, DuplicatePlanTitleError, UnknownAuthorityError } =
    await import('../../features/improvement/store.ts');
  try {
    const outcome = await inDatabase((trx) =>
      importPlan(
        parsed,
        createImprovementPlanStore(trx, {
          laCode,
          title: titleText,
          kind,
          createdBy: null,
          audit: { laCode, userId: null, sessionId: null, ip: null },
        }),
      ),
    );
    out(`${JSON.stringify({ ...outcome, ...summarise(parsed, asOf) })}\n`);
    return 0;
  } catch (e) {
    if (e instanceof DuplicatePlanTitleError || e instanceof UnknownAuthorityError) {
      err(`goldthread improvement: ${e.message}; nothing was saved\n`);
      return 1;
    }
    throw e;
  }
}

/** Runs `improvement export`; returns the exit code. */
export async function runExport(args: string[], deps: ImportDeps = {}): Promise<number> {
  const { out, err } = writers(deps);
  const { values } = parse(args, {
    la: { type: 'string' },
    plan: { type: 'string' },
    output: { type: 'string' },
  });
  const laCode = checkLa(values.la, await demoMode());
  const wanted = values.plan;
  const output = values.output;
  const { listPlanRows, loadImprovementPlan } = await import('../../features/improvement/store.ts');
  const { planCsv } = await import('../../features/improvement/service.ts');
  const csv = await inDatabase(async (trx) => {
    const plans = await listPlanRows(trx, laCode);
    const plan = wanted === undefined ? plans[0] : plans.find((p) => p.id === wanted || p.title === wanted);
    if (!plan) return undefined;
    const data = await loadImprovementPlan(trx, laCode, plan.id);
    return data ? planCsv(data) : undefined;
  });
  if (csv === undefined) {
    err(
      `goldthread improvement: ${wanted === undefined ? 'the authority has no plan' : `no plan "${wanted}"`} in ${laCode}\n`,
    );
    return 1;
  }
  if (output) {
    writeFileSync(output, csv);
  } else {
    out(csv.replace(/^\uFEFF/, ''));
  }
  return 0;
}

const command: Command = {
  description: 'Improvement plan: import --input FILE [--dry-run] [--as-of YYYY-MM-DD]; export [--plan]',
  async run(args) {
    const [sub, ...rest] = args;
    if (sub === 'import') return runImport(rest);
    if (sub === 'export') return runExport(rest);
    throw new UsageError(sub === undefined ? USAGE : `unknown subcommand "${sub}"\n${USAGE}`);
  },
};
export default command;
