/**
 * `goldthread bench workspace [--children N] [--runs N]`: the demo authority with 25,000 children (about 21,000 plans
 * and 3,000 open assessments) on PostgreSQL (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server; a
 * fresh database, dropped afterwards). Measures server time in-process with `app.inject` for the caseworker's
 * workspace (their home page, and the whole authority's list filtered to overdue) and the team manager's view,
 * median and 95th percentile, and prints EXPLAIN ANALYZE of every query those pages run. Target: p95 under 150 ms.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import type { Benchmark } from '../commands/bench.ts';
import type { Actor } from '../../platform/access/access.ts';
import { createSession } from '../../platform/auth/sessions.ts';
import { loadConfig } from '../../platform/config.ts';
import { openDatabase } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema/index.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { createJobs } from '../../platform/jobs/jobs.ts';
import { OutboxNotifier } from '../../platform/notify/notify.ts';
import { SESSION_COOKIE_DEV } from '../../platform/web/app.ts';
import { buildWebApp, prepareJobs } from '../../app/compose.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { seedDemo } from '../../app/demo.ts';
import { DEMO_LA_CODE } from '../../demo/accounts.ts';
import { openCaseCount } from '../../features/assessments/index.ts';
import { childrenByPlanStatus } from '../../platform/people/children.ts';
import { accountByEmail } from '../../platform/people/samples.ts';
import { managerView, workspace } from '../../features/assessments/workspace.ts';
import { admin, databaseUrl, option, percentile, round } from '../bench-support.ts';

const bench: Benchmark = {
  description:
    'Caseworker workspace and team manager view with 25,000 children and 3,000 open assessments on PostgreSQL',
  async run(args) {
    const children = option(args, '--children', 25_000);
    const runs = option(args, '--runs', 60);
    const name = `gt_bench_ws_${process.pid}_${randomBytes(3).toString('hex')}`;
    await admin(`create database ${name}`);
    const database = await openDatabase({ url: databaseUrl(name), poolSize: 4 });
    const jobs = createJobs(database);
    try {
      await migrateToLatest(database.db);
      const seedStart = performance.now();
      await seedDemo(database.db, { children });
      const db = database.db;
      const counts = {
        open: await openCaseCount(db),
        plans: (await childrenByPlanStatus(db, DEMO_LA_CODE)).plan ?? 0,
      };
      process.stdout.write(
        `seeded ${children} children (${counts.plans} plans, ${counts.open} open assessments) in ${Math.round(performance.now() - seedStart)} ms\n`,
      );
      const config = loadConfig({
        NODE_ENV: 'test',
        GOLDTHREAD_DEMO: 'false',
        COOKIE_SECRET: 'bench-secret-bench-secret-bench-secret',
        DATABASE_URL: databaseUrl(name),
      });
      const notifier = new OutboxNotifier();
      prepareJobs({ database, config, jobs, notifier });
      await jobs.start({ workers: false });
      const { app } = await buildWebApp({ database, config, jobs, notifier, logger: false });

      const user = (email: string) => accountByEmail(db, DEMO_LA_CODE, email);
      const caseworker = await user('caseworker@demo.example');
      const manager = await user('manager@demo.example');
      const cookieFor = async (u: { la_code: string; id: string }) => {
        const { token } = await createSession(
          db,
          { laCode: u.la_code, userId: u.id },
          { ip: null, userAgent: 'bench' },
        );
        return `${SESSION_COOKIE_DEV}=${token}`;
      };
      const pages = [
        { key: 'caseworker_home', url: '/', cookie: await cookieFor(caseworker) },
        {
          key: 'workspace_all_overdue',
          url: '/assessments?officer=any&due=overdue',
          cookie: await cookieFor(caseworker),
        },
        {
          key: 'workspace_all_page_40',
          url: '/assessments?officer=any&page=40',
          cookie: await cookieFor(caseworker),
        },
        { key: 'manager_home', url: '/', cookie: await cookieFor(manager) },
        { key: 'manager_team', url: '/assessments/team', cookie: await cookieFor(manager) },
      ];
      const results: Record<string, { p50: number; p95: number }> = {};
      for (const p of pages) {
        for (let i = 0; i < 5; i++)
          await app.inject({ method: 'GET', url: p.url, headers: { cookie: p.cookie } });
        const times: number[] = [];
        for (let i = 0; i < runs; i++) {
          const t0 = performance.now();
          const r = await app.inject({ method: 'GET', url: p.url, headers: { cookie: p.cookie } });
          times.push(performance.now() - t0);
          if (r.statusCode !== 200) throw new Error(`${p.url}: ${r.statusCode}`);
        }
        times.sort((a, b) => a - b);
        results[p.key] = { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)) };
        process.stdout.write(
          `${p.key.padEnd(24)} ${p.url.padEnd(40)} median ${results[p.key]!.p50} ms, p95 ${results[p.key]!.p95} ms\n`,
        );
      }

      // The query plans: run the two services once on a logging connection, then EXPLAIN ANALYZE what they ran.
      const captured: CompiledQuery[] = [];
      const pool = new pg.Pool({ connectionString: databaseUrl(name), max: 1 });
      const logged = new Kysely<DB>({
        dialect: new PostgresDialect({ pool }),
        log: (event) => {
          if (event.level === 'query') captured.push(event.query);
        },
      });
      const actorOf = (u: Awaited<ReturnType<typeof user>>): Actor => ({
        laCode: u.la_code,
        userId: u.id,
        sessionId: 'bench',
        email: u.email,
        displayName: u.display_name,
        role: u.role,
        teamId: u.team_id,
        jobTitle: u.job_title,
        ip: null,
      });
      const today = todayInLondon();
      await workspace(logged, actorOf(caseworker), { page: 1 }, today);
      await workspace(logged, actorOf(caseworker), { officer: 'any', due: 'overdue', page: 1 }, today);
      await managerView(logged, actorOf(manager), today);
      for (const q of captured) {
        if (!/assessment_case/.test(q.sql)) continue;
        const plan = await pool.query(`explain (analyze, buffers off) ${q.sql}`, q.parameters as unknown[]);
        process.stdout.write(`\n-- ${q.sql.slice(0, 160).replace(/\s+/g, ' ')}...\n`);
        for (const row of plan.rows as Array<Record<string, string>>)
          process.stdout.write(`${row['QUERY PLAN']}\n`);
      }
      await logged.destroy();
      await app.close();
      const worst = Math.max(...Object.values(results).map((r) => r.p95));
      process.stdout.write(
        `${JSON.stringify({
          bench: 'workspace',
          engine: 'postgres',
          children,
          plans: Number(counts.plans),
          open_assessments: Number(counts.open),
          runs,
          ...Object.fromEntries(
            Object.entries(results).flatMap(([k, v]) => [
              [`${k}_p50_ms`, v.p50],
              [`${k}_p95_ms`, v.p95],
            ]),
          ),
          p50_ms: results.caseworker_home!.p50,
          p95_ms: worst,
          target_p95_ms: 150,
        })}\n`,
      );
    } finally {
      await jobs.stop();
      await database.close();
      await admin(`drop database if exists ${name} with (force)`);
    }
  },
};
export default bench;
