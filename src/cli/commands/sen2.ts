/**
 * `goldthread sen2 export --census YYYY-MM-DD [--la CODE] --format csv|xml --output FILE` writes the SEN2 return from
 * the casework and prints its pre-submission problems to standard error (exit 0 either way);
 * `goldthread sen2 import --input FILE --la CODE [--dry-run]` reads a return (CSV or XML) into the authority's
 * casework in one transaction, creating the authority if it does not exist, and prints one JSON summary of what it
 * made (or, with --dry-run, would make) and every row it could not use. docs/sen2.md explains both.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { UsageError, type Command } from '../command.ts';
import { isRealDate } from '../../domain/calendar.ts';
import type { Database } from '../../platform/db/database.ts';

const USAGE =
  'usage: goldthread sen2 export --census YYYY-MM-DD [--la CODE] --format csv|xml --output FILE\n' +
  '       goldthread sen2 import --input FILE --la CODE [--dry-run]';

function parse<T extends ParseArgsOptionsConfig>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new UsageError(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
  }
}

function laCode(text: string | undefined, demo: boolean): string {
  if (text === undefined) {
    if (demo) return '999';
    throw new UsageError(`--la is required outside demo mode\n${USAGE}`);
  }
  if (!/^\d{3}$/.test(text))
    throw new UsageError(`--la must be a three-digit local authority code, not "${text}"`);
  return text;
}

async function withDatabase<T>(fn: (database: Database, demo: boolean) => Promise<T>): Promise<T> {
  const { loadConfig } = await import('../../platform/config.ts');
  const { openDatabase } = await import('../../platform/db/database.ts');
  const { migrateToLatest } = await import('../../platform/db/migrate.ts');
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    return await fn(database, config.demo);
  } finally {
    await database.close();
  }
}

async function runExport(args: string[]): Promise<number> {
  const v = parse(args, {
    census: { type: 'string' },
    la: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string' },
  });
  if (!v.census || !isRealDate(v.census))
    throw new UsageError(`--census must be a date written YYYY-MM-DD\n${USAGE}`);
  if (v.format !== 'csv' && v.format !== 'xml') throw new UsageError(`--format must be csv or xml\n${USAGE}`);
  if (!v.output) throw new UsageError(`--output is required\n${USAGE}`);
  const census = v.census;
  const format: 'csv' | 'xml' = v.format;
  const output = v.output;
  return withDatabase(async (database, demo) => {
    const la = laCode(v.la, demo);
    const { exportSen2 } = await import('../../features/returns/index.ts');
    const result = await exportSen2(database.db, la, census, format);
    writeFileSync(output, result.text);
    process.stderr.write(
      `${result.ret.persons.length} persons written to ${output}; ${result.problems.length} problems before submission\n` +
        result.problems.map((p) => `  ${p.personId} module ${p.module} ${p.item}: ${p.message}\n`).join(''),
    );
    return 0;
  });
}

async function runImport(args: string[]): Promise<number> {
  const v = parse(args, {
    input: { type: 'string' },
    la: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  });
  if (!v.input) throw new UsageError(`--input is required\n${USAGE}`);
  const la = laCode(v.la, false);
  let text: string;
  try {
    text = readFileSync(v.input, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${v.input}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return withDatabase(async (database) => {
    const { importSen2 } = await import('../../features/returns/index.ts');
    const today = new Date().toISOString().slice(0, 10);
    const summary = await importSen2(database.db, { userId: null, sessionId: null, ip: null }, la, text, {
      dryRun: v['dry-run'] ?? false,
      today,
    });
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return summary.census === null ? 1 : 0;
  });
}

const command: Command = {
  description: 'The SEN2 return: goldthread sen2 export|import (docs/sen2.md)',
  async run(args) {
    const [sub, ...rest] = args;
    if (sub === 'export') return runExport(rest);
    if (sub === 'import') return runImport(rest);
    throw new UsageError(USAGE);
  },
};
export default command;
