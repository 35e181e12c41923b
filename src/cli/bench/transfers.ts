/**
 * `goldthread bench transfers [--plans N] [--runs N]`: the demo authority with at least 25,000 plans (each with its
 * structured plan and review history; this school year's phase-transfer cohort at every stage the demo's day allows)
 * on PostgreSQL (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server; a fresh database, dropped
 * afterwards). Measures server time in-process with `app.inject`, median and 95th percentile, for the cohort board
 * (a team manager's, unfiltered; filtered by stage; by the busiest officer; a caseworker's children due this week;
 * a later page) and, for each request, its own SQL time (a Kysely plugin on the app's database handle, as the reviews
 * benchmark), with the machine's load average as each page ends. Before measuring, the seeding and the day's cohort
 * are vacuumed and analysed and the seeding's garbage collected, so neither runs through the first pages measured.
 * Target: p95 under 150 ms. Then EXPLAIN ANALYZE of the board's queries.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import pg from 'pg';
import {
  Kysely,
  PostgresDialect,
  sql,
  type CompiledQuery,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
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
import { buildWebApp, createServices, prepareJobs } from '../../app/compose.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { seedDemo } from '../../app/demo.ts';
import { admin, databaseUrl, option, percentile, round } from '../bench-support.ts';
import { DEMO_LA_CODE } from '../../demo/accounts.ts';
import { userByEmail } from '../../platform/people/users.ts';
import { plansForReviews } from '../../features/plans/index.ts';

/** Share of demo children with a plan (2,185 of 2,500): how many children give the plans asked for. */
const PLANS_PER_CHILD = 0.874;

/** Times every query from being sent to its rows coming back; `total` is the sum since the last reset. */
class SqlTimer implements KyselyPlugin {
  total = 0;
  /** Statements sent since the last reset (a transaction's begin and commit not among them). */
  statements = 0;
  private readonly started = new WeakMap<object, number>();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.statements++;
    this.started.set(args.queryId, performance.now());
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const t0 = this.started.get(args.queryId);
    if (t0 !== undefined) this.total += performance.now() - t0;
    return Promise.resolve(args.result);
  }
}

interface Figures {
  p50: number;
  p95: number;
  sqlP50: number;
  sqlP95: number;
  ratioP95: number;
  statements: number;
}

const bench: Benchmark = {
  description:
    'The phase-transfer cohort board with 25,000 plans on PostgreSQL, each request with its SQL time',
  async run(args) {
    const plansWanted = option(args, '--plans', 25_000);
    const runs = option(args, '--runs', 100);
    const children = Math.ceil(plansWanted / PLANS_PER_CHILD);
    const name = `gt_bench_transfers_${process.pid}_${randomBytes(3).toString('hex')}`;
    await admin(`create database ${name}`);
    const database = await openDatabase({ url: databaseUrl(name), poolSize: 4 });
    const jobs = createJobs(database);
    try {
      await migrateToLatest(database.db);
      const seedStart = performance.now();
      await seedDemo(database.db, { children });
      const db = database.db;
      const seedMs = Math.round(performance.now() - seedStart);
      // Through the owners' public functions: a benchmark names no feature's tables (src/platform/db/ownership.test.ts).
      const user = async (email: string) => {
        const found = await userByEmail(db, DEMO_LA_CODE, email);
        if (!found) throw new Error(`no demo account ${email}`);
        return { ...found, la_code: DEMO_LA_CODE, email };
      };
      const manager = await user('manager@demo.example');
      const caseworker = await user('caseworker@demo.example');
      const actor: Actor = {
        laCode: DEMO_LA_CODE,
        userId: manager.id,
        sessionId: 'bench',
        email: manager.email,
        displayName: manager.display_name,
        role: manager.role,
        teamId: null,
        jobTitle: null,
        ip: null,
      };

      const config = loadConfig({
        NODE_ENV: 'test',
        GOLDTHREAD_DEMO: 'false',
        COOKIE_SECRET: 'bench-secret-bench-secret-bench-secret',
        DATABASE_URL: databaseUrl(name),
      });
      const notifier = new OutboxNotifier();
      prepareJobs({ database, config, jobs, notifier });
      await jobs.start({ workers: false });
      const direct = createServices({ db, jobs, config, notifier, today: todayInLondon });
      const plans = (await plansForReviews(db, DEMO_LA_CODE)).length;
      const board = await direct.transfers.board(actor, { page: 1 });
      // The seeding and that first reading (the day's cohort derived, after the analyse above) wrote many rows: vacuum
      // and analyse them now, as autovacuum does on a live database (without it the cohort's statistics said 1 row
      // for 2,705 and its index scans fetched every heap row), and collect the seeding's garbage in this process.
      const settle = performance.now();
      await sql`vacuum (analyze)`.execute(db);
      (globalThis as unknown as { gc?: () => void }).gc?.();
      process.stdout.write(
        `vacuumed, analysed and collected in ${Math.round(performance.now() - settle)} ms\n`,
      );
      const busiest = [...board.byOfficer].sort((x, y) => y.n - x.n)[0]?.key ?? 'none';
      const stages = Object.fromEntries(board.byStage.map((c) => [c.key, c.n]));
      process.stdout.write(
        `seeded ${children} children (${plans} plans; ${board.total} in this year's phase-transfer cohort: ${JSON.stringify(stages)}) in ${seedMs} ms\n`,
      );
      const timer = new SqlTimer();
      const timed = { ...database, db: database.db.withPlugin(timer) };
      const { app } = await buildWebApp({ database: timed, config, jobs, notifier, logger: false });
      const cookieFor = async (u: { la_code: string; id: string }) => {
        const { token } = await createSession(
          db,
          { laCode: u.la_code, userId: u.id },
          { ip: null, userAgent: 'bench' },
        );
        return `${SESSION_COOKIE_DEV}=${token}`;
      };
      const pages = [
        { key: 'board', url: '/transfers', cookie: await cookieFor(manager) },
        { key: 'board_consulting', url: '/transfers?stage=consulting', cookie: await cookieFor(manager) },
        { key: 'board_by_officer', url: `/transfers?officer=${busiest}`, cookie: await cookieFor(manager) },
        { key: 'board_page_20', url: '/transfers?page=20', cookie: await cookieFor(manager) },
        { key: 'caseworker_due', url: '/transfers?week=due', cookie: await cookieFor(caseworker) },
      ];
      const results: Record<string, Figures> = {};
      for (const p of pages) {
        for (let i = 0; i < 5; i++)
          await app.inject({ method: 'GET', url: p.url, headers: { cookie: p.cookie } });
        const times: number[] = [];
        const sqlTimes: number[] = [];
        let statements = 0;
        for (let i = 0; i < runs; i++) {
          timer.total = 0;
          timer.statements = 0;
          const t0 = performance.now();
          const r = await app.inject({ method: 'GET', url: p.url, headers: { cookie: p.cookie } });
          times.push(performance.now() - t0);
          sqlTimes.push(timer.total);
          statements += timer.statements;
          if (r.statusCode !== 200) throw new Error(`${p.url}: ${r.statusCode}`);
        }
        times.sort((a, b) => a - b);
        sqlTimes.sort((a, b) => a - b);
        const f: Figures = {
          p50: round(percentile(times, 50)),
          p95: round(percentile(times, 95)),
          sqlP50: round(percentile(sqlTimes, 50)),
          sqlP95: round(percentile(sqlTimes, 95)),
          ratioP95: round(percentile(times, 95) / Math.max(0.1, percentile(sqlTimes, 95))),
          statements: round(statements / runs),
        };
        results[p.key] = f;
        const load = loadavg()
          .map((l) => l.toFixed(1))
          .join(' ');
        process.stdout.write(
          `${p.key.padEnd(20)} median ${f.p50} ms, p95 ${f.p95} ms; SQL median ${f.sqlP50} ms, p95 ${f.sqlP95} ms; p95 ${f.ratioP95}x its SQL; ${f.statements} statements a request (session included); load ${load}\n`,
        );
      }

      // The board's query plans: its service once on a logging connection, then EXPLAIN ANALYZE of what it ran.
      const captured: CompiledQuery[] = [];
      const pool = new pg.Pool({ connectionString: databaseUrl(name), max: 1 });
      const logged = new Kysely<DB>({
        dialect: new PostgresDialect({ pool }),
        log: (event) => {
          if (event.level === 'query') captured.push(event.query);
        },
      });
      const services = createServices({ db: logged, jobs, config, notifier, today: todayInLondon });
      await services.transfers.board(actor, { page: 1 });
      for (const q of captured) {
        if (/^(insert|begin|commit|rollback)/i.test(q.sql.trim())) continue;
        const plan = await pool.query(`explain (analyze, buffers off) ${q.sql}`, q.parameters as unknown[]);
        process.stdout.write(`\n-- ${q.sql.slice(0, 160).replace(/\s+/g, ' ')}...\n`);
        for (const row of plan.rows as Array<Record<string, string>>)
          process.stdout.write(`${row['QUERY PLAN']}\n`);
      }
      await logged.destroy();
      await app.close();
      process.stdout.write(
        `${JSON.stringify({
          bench: 'transfers',
          engine: 'postgres',
          children,
          plans,
          cohort: board.total,
          runs,
          ...Object.fromEntries(
            Object.entries(results).flatMap(([k, v]) => [
              [`${k}_p50_ms`, v.p50],
              [`${k}_p95_ms`, v.p95],
              [`${k}_sql_p50_ms`, v.sqlP50],
              [`${k}_sql_p95_ms`, v.sqlP95],
              [`${k}_p95_over_sql`, v.ratioP95],
              [`${k}_statements`, v.statements],
            ]),
          ),
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
