/**
 * What the SEN2 and inspection-list benchmarks share: a fresh PostgreSQL database with the demo authority grown
 * until it holds at least `plans` plans (docs/sen2.md, "Measured"), dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { childrenByPlanStatus } from '../platform/people/children.ts';
import { seedDemo } from '../app/demo.ts';
import { admin, databaseUrl } from './bench-support.ts';

export async function withPlans<T>(
  plans: number,
  fn: (database: Database, plans: number) => Promise<T>,
): Promise<T> {
  const name = `gt_bench_sen2_${process.pid}_${randomBytes(3).toString('hex')}`;
  await admin(`create database ${name}`);
  const database = await openDatabase({ url: databaseUrl(name), poolSize: 4 });
  try {
    await migrateToLatest(database.db);
    const started = performance.now();
    // About 84% of the demo's children have a plan: seed enough children for the plans asked for.
    await seedDemo(database.db, { children: Math.ceil(plans / 0.8) });
    const n = (await childrenByPlanStatus(database.db, '999')).plan ?? 0;
    process.stdout.write(`seeded ${n} plans in ${Math.round(performance.now() - started)} ms\n`);
    return await fn(database, Number(n));
  } finally {
    await database.close();
    await admin(`drop database if exists ${name} with (force)`);
  }
}

/** Runs `fn` `runs` times; returns each run's milliseconds and the median. */
export async function timed(runs: number, fn: (run: number) => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    ms.push(Math.round(performance.now() - start));
  }
  const sorted = [...ms].sort((a, b) => a - b);
  return { ms, median: sorted[Math.floor(sorted.length / 2)]! };
}
