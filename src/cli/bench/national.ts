/**
 * `goldthread bench national --database URL [--runs N] [--plans FILE] [--pages KEY,KEY]`: every main page at national scale, on a data
 * set built by `goldthread national` (read only: nothing is created but the sessions it signs in with). For the
 * authority with the most plans and the one with the fewest, measures each page in-process with `app.inject` (each
 * role's home page, the caseworker's workspace, the review backlog, the transfer cohort board, the plan editor, the
 * child record, the figures, Local Offer search and the Open Referral UK API), median and 95th percentile, with the
 * page's own SQL time beside it (the time its queries spent on the driver), and writes EXPLAIN ANALYZE of every
 * query each page ran to FILE (default .bench/national-query-plans.txt). Beside them, the page's Node processor time
 * (`process.cpuUsage`, user + system, around the request: rendering, mapping rows, the driver's parsing; steadier
 * than wall time on a busy machine, since waiting costs none). One JSON line per page, then a summary line.
 * Target: p95 under 150 ms alone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import type { Benchmark } from '../commands/bench.ts';
import { loadConfig } from '../../platform/config.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { createJobs } from '../../platform/jobs/jobs.ts';
import { OutboxNotifier } from '../../platform/notify/notify.ts';
import { buildWebApp, prepareJobs } from '../../app/compose.ts';
import { figuresFeature } from '../../features/figures/index.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { option, percentile, round } from '../bench-support.ts';
import { largestAndSmallest, mainPages, sessionsFor } from '../national-pages.ts';
import { UsageError } from '../command.ts';
import { loadAverage, queryClock } from '../query-clock.ts';

function stringOption(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

const bench: Benchmark = {
  description:
    'Every main page at national scale, largest and smallest authority, with SQL time and query plans',
  async run(args) {
    const url = stringOption(args, '--database') ?? process.env.DATABASE_URL;
    if (!url) throw new UsageError('--database URL: a data set built by `goldthread national`');
    const runs = option(args, '--runs', 40);
    const plansFile = stringOption(args, '--plans') ?? '.bench/national-query-plans.txt';
    // A subset of the pages by key (`--pages caseworker_home,manager_home`), to measure a fix quickly.
    const only = stringOption(args, '--pages')?.split(',');
    const loadBefore = loadAverage();
    const clock = queryClock();
    const database = await openDatabase({ url, poolSize: 4 });
    const explained: string[] = [];
    const lines: Array<{ la_code: string; page: string; p95_ms: number }> = [];
    try {
      const authorities = await largestAndSmallest(database.db);
      for (const la of authorities) {
        const config = loadConfig({
          NODE_ENV: 'test',
          GOLDTHREAD_DEMO: 'false',
          COOKIE_SECRET: 'bench-secret-bench-secret-bench-secret',
          DATABASE_URL: url,
          GOLDTHREAD_LOCAL_OFFER_LA: la.laCode,
        });
        const jobs = createJobs(database);
        const notifier = new OutboxNotifier();
        prepareJobs({ database, config, jobs, notifier });
        await jobs.start({ workers: false });
        const { app } = await buildWebApp({ database, config, jobs, notifier, logger: false });
        try {
          // The figures job's count of the day, as the service keeps it every 10 minutes (the page reads it).
          if (!only || only.includes('figures'))
            await figuresFeature
              .createService({ db: database.db, today: todayInLondon })
              .recount(la.laCode, todayInLondon());
          const pages = (await mainPages(database.db, la.laCode)).filter(
            (p) => !only || only.includes(p.key),
          );
          const cookies = await sessionsFor(
            database.db,
            la.laCode,
            pages.flatMap((p) => (p.email ? [p.email] : [])),
            'bench national',
          );
          for (const p of pages) {
            const headers = p.email ? { cookie: cookies.get(p.email)! } : {};
            const get = () => app.inject({ method: 'GET', url: p.url, headers });
            // Warm up: the first reading of a day may derive a kept summary (the transfer board, the figures).
            for (let i = 0; i < 3; i++) {
              const r = await get();
              if (r.statusCode !== 200) throw new Error(`LA ${la.laCode} ${p.key} ${p.url}: ${r.statusCode}`);
            }
            const times: number[] = [];
            const sqlTimes: number[] = [];
            const queryCounts: number[] = [];
            const cpuTimes: number[] = [];
            for (let i = 0; i < runs; i++) {
              clock.reset();
              const cpu0 = process.cpuUsage();
              const t0 = performance.now();
              const r = await get();
              times.push(performance.now() - t0);
              const cpu = process.cpuUsage(cpu0);
              cpuTimes.push((cpu.user + cpu.system) / 1000);
              sqlTimes.push(clock.ms());
              queryCounts.push(clock.queries().length);
              if (r.statusCode !== 200) throw new Error(`LA ${la.laCode} ${p.key}: ${r.statusCode}`);
            }
            // The query plans of one more run.
            clock.reset();
            await get();
            const ran = clock.queries();
            explained.push(
              `\n==== LA ${la.laCode} (${la.plans} plans) ${p.key} ${p.url}: ${ran.length} queries`,
            );
            for (const q of ran) {
              if (!/^\s*(select|with)\b/i.test(q.text) || /\b(insert|update|delete)\b/i.test(q.text))
                continue;
              const client = new pg.Client({ connectionString: url });
              await client.connect();
              try {
                const plan = await client.query(
                  `explain (analyze, buffers) ${q.text}`,
                  q.values as unknown[],
                );
                explained.push(`\n-- ${q.text.replace(/\s+/g, ' ').slice(0, 400)}`);
                for (const row of plan.rows as Array<Record<string, string>>)
                  explained.push(row['QUERY PLAN']!);
              } catch (err) {
                explained.push(`\n-- (not explained: ${err instanceof Error ? err.message : String(err)})`);
              } finally {
                await client.end();
              }
            }
            times.sort((a, b) => a - b);
            sqlTimes.sort((a, b) => a - b);
            cpuTimes.sort((a, b) => a - b);
            const line = {
              bench: 'national',
              la_code: la.laCode,
              authority_plans: la.plans,
              page: p.key,
              url: p.url.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id'),
              runs,
              p50_ms: round(percentile(times, 50)),
              p95_ms: round(percentile(times, 95)),
              sql_p50_ms: round(percentile(sqlTimes, 50)),
              sql_p95_ms: round(percentile(sqlTimes, 95)),
              cpu_p50_ms: round(percentile(cpuTimes, 50)),
              cpu_p95_ms: round(percentile(cpuTimes, 95)),
              queries: queryCounts.sort((a, b) => a - b)[Math.floor(queryCounts.length / 2)],
            };
            lines.push(line);
            process.stdout.write(`${JSON.stringify(line)}\n`);
          }
        } finally {
          await app.close();
          await jobs.stop();
        }
      }
    } finally {
      clock.stop();
      await database.close();
    }
    mkdirSync(dirname(plansFile), { recursive: true });
    writeFileSync(plansFile, `${explained.join('\n')}\n`);
    const worst = lines.reduce((a, b) => (b.p95_ms > a.p95_ms ? b : a));
    process.stdout.write(
      `${JSON.stringify({
        bench: 'national',
        engine: 'postgres',
        pages: lines.length,
        over_target: lines.filter((l) => l.p95_ms >= 150).map((l) => `${l.la_code}:${l.page}`),
        worst_page: `${worst.la_code}:${worst.page}`,
        p95_ms: worst.p95_ms,
        target_p95_ms: 150,
        plans_file: plansFile,
        load_before: loadBefore,
        load_after: loadAverage(),
      })}\n`,
    );
  },
};
export default bench;
