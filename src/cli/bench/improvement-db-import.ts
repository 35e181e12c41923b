/**
 * `goldthread bench improvement-db-import [--actions 2000] [--runs 10] [--engine both|postgres|pglite]`: the whole
 * import of a generated improvement plan CSV, end to end: parsing the file and saving the plan into the database in
 * one transaction with its audit entry, as `goldthread improvement import` does. The target is a 2,000-action
 * file in under 2 seconds.
 *
 * Each engine gets a fresh database: PGlite in memory, and on PostgreSQL a database created for the run (on the server
 * named by BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local one) and dropped afterwards. Both are migrated
 * and given one local authority. Every run imports the same file as a new plan (a new title). One warm-up run is not
 * counted. Prints the median and 95th percentile per engine; the last line is one JSON object for PostgreSQL (or for
 * the only engine run).
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { UsageError } from '../command.ts';
import type { Benchmark } from '../commands/bench.ts';
import { parsePlanCsv } from '../../domain/improvement/csv-import.ts';
import { generatePlanCsv } from '../../domain/improvement/generate.ts';
import { importPlan } from '../../domain/improvement/import-plan.ts';
import { createImprovementPlanStore } from '../../features/improvement/store.ts';
import type { Database, Engine } from '../../platform/db/database.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { createAuthority } from '../../platform/people/casework.ts';
import { admin, databaseUrl, percentile, round } from '../bench-support.ts';

const LA = '990';

/** A fresh, migrated database with one authority; close() drops a PostgreSQL one. */
async function freshDatabase(engine: Engine): Promise<{ database: Database; close(): Promise<void> }> {
  let database: Database;
  let name: string | undefined;
  if (engine === 'pglite') {
    database = await openDatabase({});
  } else {
    name = `gt_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
    await admin(`create database ${name}`);
    database = await openDatabase({ url: databaseUrl(name), poolSize: 2 });
  }
  try {
    await migrateToLatest(database.db);
    // The authority, with the placeholder contacts a new one gets (the import reads none of them).
    await createAuthority(database.db, LA, 'Benchmark Borough Council');
  } catch (err) {
    await database.close();
    if (name) await admin(`drop database if exists ${name} with (force)`);
    throw err;
  }
  return {
    database,
    async close() {
      await database.close();
      if (name) await admin(`drop database if exists ${name} with (force)`);
    },
  };
}

/** Parses the CSV and saves it as a new plan in one transaction; returns the milliseconds taken. */
async function importOnce(database: Database, csv: string, title: string, expected: number): Promise<number> {
  const t0 = performance.now();
  const parsed = parsePlanCsv(csv);
  const outcome = await database.db.transaction().execute((trx) =>
    importPlan(
      parsed,
      createImprovementPlanStore(trx, {
        laCode: LA,
        title,
        kind: 'written-statement-of-action',
        createdBy: null,
        audit: { laCode: LA, userId: null, sessionId: null, ip: null },
      }),
    ),
  );
  const ms = performance.now() - t0;
  if (outcome.actions !== expected) {
    throw new Error(`imported ${outcome.actions} actions, expected ${expected}`);
  }
  return ms;
}

const bench: Benchmark = {
  description: 'Import a generated 2,000-action improvement plan CSV into PostgreSQL and PGlite, end to end',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        actions: { type: 'string', default: '2000' },
        runs: { type: 'string', default: '10' },
        engine: { type: 'string', default: 'both' },
      },
    });
    const actions = Number(values.actions);
    const runs = Number(values.runs);
    if (!Number.isInteger(actions) || actions < 1) throw new UsageError('--actions must be a whole number');
    if (!Number.isInteger(runs) || runs < 1) throw new UsageError('--runs must be a whole number');
    const engines: Engine[] =
      values.engine === 'both'
        ? ['pglite', 'postgres']
        : values.engine === 'postgres' || values.engine === 'pglite'
          ? [values.engine]
          : [];
    if (engines.length === 0) throw new UsageError('--engine must be both, postgres or pglite');

    const csv = generatePlanCsv({ actions, seed: 7 });
    const check = parsePlanCsv(csv);
    if (check.actions.length !== actions || check.problems.length > 0) {
      throw new Error(
        `the generated plan read as ${check.actions.length} actions, ${check.problems.length} problems`,
      );
    }
    process.stdout.write(
      `${actions} actions (${check.areas.length} areas, ${check.focusAreas.length} focus areas), ` +
        `${csv.length} characters; ${runs} runs per engine after one warm-up\n`,
    );

    const results: Array<Record<string, unknown>> = [];
    for (const engine of engines) {
      const fresh = await freshDatabase(engine);
      const { database } = fresh;
      try {
        await importOnce(database, csv, 'Warm-up plan', actions);
        const times: number[] = [];
        for (let i = 0; i < runs; i++) {
          times.push(await importOnce(database, csv, `Benchmark plan ${i + 1}`, actions));
        }
        times.sort((a, b) => a - b);
        const p50 = round(percentile(times, 50));
        const p95 = round(percentile(times, 95));
        process.stdout.write(
          `${engine.padEnd(8)} median ${p50} ms, p95 ${p95} ms (fastest ${round(times[0] ?? 0)} ms, ` +
            `slowest ${round(times.at(-1) ?? 0)} ms); target under 2000 ms: ${p95 < 2000 ? 'met' : 'MISSED'}\n`,
        );
        results.push({ bench: 'improvement-db-import', actions, engine, p50_ms: p50, p95_ms: p95 });
      } finally {
        await fresh.close();
      }
    }
    for (const r of results.slice(0, -1)) process.stdout.write(`${JSON.stringify(r)}\n`);
    process.stdout.write(`${JSON.stringify(results.at(-1))}\n`);
  },
};
export default bench;
