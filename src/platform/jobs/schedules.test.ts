/**
 * Growing past one machine (issue 20, ADR 0038): every service process starts pg-boss with the same schedules, so
 * two processes on one PostgreSQL database must still run a scheduled job once, by one of them. Two job runners
 * (each its own pg-boss and its own connections, as two processes have) start the same every-minute schedule with
 * workers; the minute's job runs exactly once, and pg-boss holds exactly one job for it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { createJobs, type Jobs } from './jobs.ts';

const QUEUE = 'two-runners-schedule';

describe('a schedule with two job runners on one PostgreSQL database', () => {
  let database: TestDatabase;
  const runners: Jobs[] = [];
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  }, 120_000);
  afterAll(async () => {
    for (const jobs of runners) await jobs.stop();
    await database?.close();
  });

  it('runs each occurrence once, by one of the runners', async () => {
    // Start well inside a minute, so the whole test sees one occurrence of the every-minute schedule.
    const second = new Date().getUTCSeconds();
    if (second > 25) await new Promise((resolve) => setTimeout(resolve, (62 - second) * 1000));
    const started = new Date();
    const ran: string[] = [];
    for (const name of ['first', 'second']) {
      const jobs = createJobs(database, { cronIntervalSeconds: 1 });
      jobs.handle(QUEUE, () => {
        ran.push(name);
        return Promise.resolve();
      });
      jobs.schedule(QUEUE, '* * * * *');
      runners.push(jobs);
    }
    await Promise.all(runners.map((jobs) => jobs.start({ workers: true })));
    // Both runners look for due schedules every second and poll for jobs every 2: give them several turns each.
    const until = Date.now() + 12_000;
    while (Date.now() < until && ran.length === 0) await new Promise((resolve) => setTimeout(resolve, 250));
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    expect(new Date().getUTCMinutes(), 'still the minute it started in').toBe(started.getUTCMinutes());
    expect(ran).toHaveLength(1);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pgboss.job where name = ${QUEUE}`.execute(database.db);
    expect(rows[0]!.n).toBe(1);
  }, 120_000);
});
