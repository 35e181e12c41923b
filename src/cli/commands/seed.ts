import { parseArgs } from 'node:util';
import { loadConfig } from '../../platform/config.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { DEMO_LA_CODE, DEMO_PASSWORD } from '../../demo/accounts.ts';
import { DEFAULT_CHILDREN, DEFAULT_SEED } from '../../demo/build.ts';
import { seedDemo } from '../../app/demo.ts';
import { UsageError, type Command } from '../command.ts';

const MAX_CHILDREN = 1_000_000;

function wholeNumber(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} must be a whole number, not "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}`);
  return n;
}

function realDate(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? new Date(`${raw}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== raw)
    throw new UsageError(`--today must be a real date written YYYY-MM-DD, not "${raw}"`);
  return raw;
}

const USAGE = 'goldthread seed [--children N] [--seed S] [--today YYYY-MM-DD]';

/** Parses `[--children N] [--seed S] [--today YYYY-MM-DD]` (the demo is built as of today unless told a date). */
export function parseSeedArgs(args: string[]): { children: number; seed: number; today?: string } {
  let values: { children?: string | undefined; seed?: string | undefined; today?: string | undefined };
  try {
    ({ values } = parseArgs({
      args,
      options: { children: { type: 'string' }, seed: { type: 'string' }, today: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError(`${err instanceof Error ? err.message : String(err)}. Usage: ${USAGE}`);
  }
  const today = realDate(values.today);
  return {
    children: wholeNumber('children', values.children, DEFAULT_CHILDREN, 3, MAX_CHILDREN),
    seed: wholeNumber('seed', values.seed, DEFAULT_SEED, 0, 4_294_967_295),
    ...(today ? { today } : {}),
  };
}

const command: Command = {
  description:
    'Create the fictional demo authority (LA 999) and its accounts, as of today unless --today says a date: seed [--children N] [--seed S] [--today YYYY-MM-DD] (demo mode only)',
  async run(args) {
    const options = parseSeedArgs(args);
    const config = loadConfig();
    if (!config.demo) {
      process.stderr.write(
        'goldthread seed: refused. Demo data is only created in demo mode: the default on the embedded database, ' +
          'or set GOLDTHREAD_DEMO=true with DATABASE_URL (never in production).\n',
      );
      return 1;
    }
    const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
    try {
      const ran = await migrateToLatest(database.db);
      if (ran.length > 0) process.stdout.write(`Migrations run: ${ran.join(', ')}\n`);
      const started = performance.now();
      const summary = await seedDemo(database.db, { ...options, secondFactorKey: config.secondFactorKey });
      if (summary.skipped) {
        process.stdout.write(`The demo authority (LA ${DEMO_LA_CODE}) already exists: nothing to do.\n`);
        return 0;
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const engine = database.engine === 'postgres' ? 'PostgreSQL' : 'the embedded database';
      const lines = [
        `Seeded the demo authority (LA ${DEMO_LA_CODE}, Denmoor Council) into ${engine} in ${seconds} s ` +
          `(seed ${options.seed}, ${options.children} children, as of ${summary.today}):`,
        ...Object.entries(summary.counts).map(
          ([table, n]) => `  ${table.padEnd(14)} ${String(n).padStart(8)}`,
        ),
        `Demo accounts (password "${DEMO_PASSWORD}"): caseworker@demo.example, parent@demo.example and others.`,
        `  parent@demo.example      -> ${summary.links.parent.reference}`,
        `  parent2@demo.example     -> ${summary.links.parent2.reference}`,
        `  youngperson@demo.example -> ${summary.links.youngPerson.reference}`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
      return 0;
    } finally {
      await database.close();
    }
  },
};
export default command;
