/**
 * `goldthread bench figures [--plans N] [--runs N] [--live-runs N]`: the leaders' figures page (docs/figures.md) for the demo
 * authority grown to at least 25,000 plans on PostgreSQL (a fresh database, dropped afterwards). Measures the page's
 * server time in-process with `app.inject` as the SEND leader (every figure; broken down by school, the largest
 * breakdown; and the children behind a number), median and 95th percentile, and the same figures on a logging
 * connection to split each run's time into SQL (the sum of its queries' durations) and the rest. Twice, under the
 * same load: first with no count of the day (the page queues its count and says it is being counted, ADR 0061;
 * the live count the page no longer makes is timed beside it through the service), then from the job's count of the
 * day (`recount`, timed), whose headlines must equal the live ones; then a past day the job counted (its kept count, ADR
 * 0036), whole and by school; and EXPLAIN ANALYZE of the queries of the page by school read from the count. Counting
 * live takes seconds a request at this size: `--live-runs` (default `--runs`) sets how many. Target: p95 under 300 ms
 * (issue 14).
 */
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Benchmark } from '../commands/bench.ts';
import type { Actor } from '../../platform/access/access.ts';
import { createSession } from '../../platform/auth/sessions.ts';
import { userByEmail } from '../../platform/people/users.ts';
import { loadConfig } from '../../platform/config.ts';
import type { DB } from '../../platform/db/schema/index.ts';
import { createJobs } from '../../platform/jobs/jobs.ts';
import { OutboxNotifier } from '../../platform/notify/notify.ts';
import { SESSION_COOKIE_DEV } from '../../platform/web/app.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { buildWebApp, prepareJobs } from '../../app/compose.ts';
import { figuresFeature } from '../../features/figures/index.ts';
import { addDays, formatDate, parseDate } from '../../domain/clock/dates.ts';
import { dateInputValues } from '../../platform/web/forms.ts';
import { withQuery } from '../../platform/web/paths.ts';
import { databaseUrl, option, percentile, round } from '../bench-support.ts';
import { withPlans } from '../bench-sen2.ts';

/** A query parameter written into the SQL for EXPLAIN (the bench's own values: strings, numbers, booleans, lists). */
function literal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `array[${v.map(literal).join(', ')}]`;
  const text = v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : JSON.stringify(v);
  return `'${text.replace(/'/g, "''")}'`;
}

const bench: Benchmark = {
  description: 'The leaders’ figures page with 25,000 plans on PostgreSQL (p50, p95 and SQL time)',
  async run(args) {
    const wanted = option(args, '--plans', 25_000);
    const runs = option(args, '--runs', 40);
    const liveRuns = option(args, '--live-runs', runs);
    await withPlans(wanted, async (database, plans) => {
      const db = database.db;
      const current = await sql<{ d: string }>`select current_database() as d`.execute(db);
      const url = databaseUrl(current.rows[0]!.d);
      const config = loadConfig({
        NODE_ENV: 'test',
        GOLDTHREAD_DEMO: 'false',
        COOKIE_SECRET: 'bench-secret-bench-secret-bench-secret',
        DATABASE_URL: url,
      });
      const jobs = createJobs(database);
      const notifier = new OutboxNotifier();
      prepareJobs({ database, config, jobs, notifier });
      await jobs.start({ workers: false });
      try {
        const { app } = await buildWebApp({ database, config, jobs, notifier, logger: false });
        const found = await userByEmail(db, '999', 'leader@demo.example');
        if (!found) throw new Error('The demo authority has no SEND leader');
        const leader = { ...found, la_code: '999', email: 'leader@demo.example' };
        const { token } = await createSession(
          db,
          { laCode: leader.la_code, userId: leader.id },
          { ip: null, userAgent: 'bench' },
        );
        const cookie = `${SESSION_COOKIE_DEV}=${token}`;
        const today = todayInLondon();
        const past = formatDate(addDays(parseDate(today), -7));
        const pastQuery = dateInputValues('asOf', past);
        const pages = [
          { key: 'figures', url: '/figures' },
          { key: 'figures_by_school', url: '/figures?by=school' },
          { key: 'children_late_requests', url: '/figures/requests-6-weeks?show=not-met' },
        ];
        const pastPages = [
          { key: 'past_day', url: withQuery('/figures', pastQuery) },
          { key: 'past_day_by_school', url: withQuery('/figures', { ...pastQuery, by: 'school' }) },
        ];
        const measurePages = async (label: string, list = pages, n = runs, says = 'Counted at') => {
          const results: Record<string, { p50: number; p95: number }> = {};
          for (const p of list) {
            for (let i = 0; i < Math.min(3, n); i++)
              await app.inject({ method: 'GET', url: p.url, headers: { cookie } });
            const times: number[] = [];
            for (let i = 0; i < n; i++) {
              const t0 = performance.now();
              const r = await app.inject({ method: 'GET', url: p.url, headers: { cookie } });
              times.push(performance.now() - t0);
              if (r.statusCode !== 200) throw new Error(`${p.url}: ${r.statusCode}`);
              if (!r.body.includes(says) && p.key !== 'children_late_requests')
                throw new Error(`${p.url} does not say "${says}"`);
            }
            times.sort((a, b) => a - b);
            results[p.key] = { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)) };
            process.stdout.write(
              `${label.padEnd(8)} ${p.key.padEnd(24)} ${p.url.padEnd(44)} median ${results[p.key]!.p50} ms, p95 ${results[p.key]!.p95} ms\n`,
            );
          }
          return results;
        };

        // The same counting on a logging connection: each run's SQL time (its queries' durations) and the rest.
        let sqlMs = 0;
        let queries = 0;
        let perQuery: Array<{ ms: number; sql: string; parameters: readonly unknown[] }> = [];
        const pool = new pg.Pool({ connectionString: url, max: 1 });
        const logged = new Kysely<DB>({
          dialect: new PostgresDialect({ pool }),
          log: (event) => {
            if (event.level === 'query') {
              sqlMs += event.queryDurationMillis;
              queries++;
              perQuery.push({
                ms: event.queryDurationMillis,
                sql: event.query.sql,
                parameters: event.query.parameters,
              });
            }
          },
        });
        const service = figuresFeature.createService({ db: logged, today: todayInLondon });
        const actor: Actor = {
          laCode: leader.la_code,
          userId: leader.id,
          sessionId: 'bench',
          email: leader.email,
          displayName: leader.display_name,
          role: leader.role,
          teamId: null,
          jobTitle: null,
          ip: null,
        };
        const splitTimes = async (label: string, n0 = runs) => {
          const split: Array<{ total: number; sql: number }> = [];
          let n = 0;
          for (let i = 0; i < Math.min(n0, 15); i++) {
            sqlMs = 0;
            queries = 0;
            perQuery = [];
            const t0 = performance.now();
            await service.countFigures(actor, { asOf: todayInLondon() });
            split.push({ total: performance.now() - t0, sql: sqlMs });
            n = queries;
          }
          for (const q of perQuery)
            process.stdout.write(
              `  ${round(q.ms).toString().padStart(7)} ms  ${q.sql.replace(/\s+/g, ' ').slice(0, 110)}\n`,
            );
          const totals = split.map((s) => s.total).sort((a, b) => a - b);
          const sqls = split.map((s) => s.sql).sort((a, b) => a - b);
          const sqlMedian = round(percentile(sqls, 50));
          const totalMedian = round(percentile(totals, 50));
          process.stdout.write(
            `${label}: every figure: median ${totalMedian} ms, of which SQL ${sqlMedian} ms in ${n} queries (${Math.round((sqlMedian / totalMedian) * 100)}%)\n`,
          );
          return { total: totalMedian, sql: sqlMedian, queries: n };
        };
        const headlines = async () => {
          const page = await service.countFigures(actor, { asOf: todayInLondon() });
          return Object.fromEntries(page.figures.map((f) => [f.id, `${f.year.met}/${f.year.counted}`]));
        };

        // No count of the day yet: the page queues its count and says it is being counted (ADR 0061); it never
        // counts on the request. The live count it no longer makes (what the job does) is timed beside it.
        const notCounted = await measurePages('queued', pages, runs, 'being counted');
        const liveSplit = await splitTimes('live', liveRuns);
        const liveHeadlines = await headlines();

        // The job's count of the day, then the same pages from it.
        const t0 = performance.now();
        const made = await service.recount(leader.la_code, todayInLondon());
        const recountMs = round(performance.now() - t0);
        process.stdout.write(`the job's count: ${made.items} items in ${recountMs} ms\n`);
        const counted = await measurePages('counted');
        const countedSplit = await splitTimes('counted');
        const countedHeadlines = await headlines();

        // A past day the job counted (kept, ADR 0036): read from its count, not live.
        const t1 = performance.now();
        const pastMade = await service.recount(leader.la_code, past);
        process.stdout.write(
          `the count of ${past}: ${pastMade.items} items in ${round(performance.now() - t1)} ms\n`,
        );
        await service.recount(leader.la_code, today);
        const pastCounted = await measurePages('past', pastPages);

        // The page by school from the count, query by query, with PostgreSQL's plan and timing of each.
        perQuery = [];
        await service.countFigures(actor, { asOf: today, by: 'school' });
        for (const q of perQuery) {
          const plan = await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers) ${sql.raw(
            q.sql.replace(/\$(\d+)/g, (_, i: string) => literal(q.parameters[Number(i) - 1])),
          )}`.execute(db);
          process.stdout.write(
            `EXPLAIN ANALYZE (${round(q.ms)} ms logged) ${q.sql.replace(/\s+/g, ' ').slice(0, 110)}\n${plan.rows
              .map((r) => `    ${r['QUERY PLAN']}`)
              .join('\n')}\n`,
          );
        }
        const same = JSON.stringify(liveHeadlines) === JSON.stringify(countedHeadlines);
        process.stdout.write(`met/counted in the 12 months: ${JSON.stringify(countedHeadlines)}\n`);
        if (!same) throw new Error(`The count differs from the live count: ${JSON.stringify(liveHeadlines)}`);
        await logged.destroy();
        await app.close();
        const flat = (prefix: string, results: Record<string, { p50: number; p95: number }>) =>
          Object.fromEntries(
            Object.entries(results).flatMap(([k, v]) => [
              [`${prefix}${k}_p50_ms`, v.p50],
              [`${prefix}${k}_p95_ms`, v.p95],
            ]),
          );
        process.stdout.write(
          `${JSON.stringify({
            bench: 'figures',
            engine: 'postgres',
            plans,
            runs,
            ...flat('not_counted_', notCounted),
            live_count_median_ms: liveSplit.total,
            live_count_sql_median_ms: liveSplit.sql,
            recount_ms: recountMs,
            recount_items: made.items,
            ...flat('', counted),
            ...flat('', pastCounted),
            count_median_ms: countedSplit.total,
            count_sql_median_ms: countedSplit.sql,
            count_queries: countedSplit.queries,
            same_as_live: same,
            p95_ms: Math.max(
              ...Object.values({ ...notCounted, ...counted, ...pastCounted }).map((r) => r.p95),
            ),
            target_p95_ms: 300,
          })}\n`,
        );
      } finally {
        await jobs.stop();
      }
    });
  },
};
export default bench;
