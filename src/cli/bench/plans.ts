/**
 * `goldthread bench plans [--children N] [--runs N]`: the demo authority with 25,000 children (a structured plan with
 * versions and audits for every child with a plan) on PostgreSQL (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server; a fresh
 * database, dropped afterwards). Adds one plan built from three pieces of advice (the editor's heaviest case: advice
 * to pull in, every check), then measures server time in-process with `app.inject` for the plan editor (that plan and
 * a demo plan), the shared draft and the comparison, median and 95th percentile, and prints EXPLAIN ANALYZE of the
 * editor's queries. Target: the editor's p95 under 150 ms.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
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
import { childIdsWithCases } from '../../features/assessments/index.ts';
import { auditCount } from '../../features/plan-audits/index.ts';
import {
  childIdsWithPlans,
  planCounts,
  planIdsOfChildren,
  versionIdsOfPlan,
} from '../../features/plans/index.ts';
import { childIdByReference } from '../../platform/people/children.ts';
import { accountByEmail, firstChildNotAmong } from '../../platform/people/samples.ts';
import { editorView } from '../../features/plans/read.ts';
import { draftStageCase, THREE_ADVICE } from '../../../test/helpers/plan-fixtures.ts';
import { admin, databaseUrl, option, percentile, round } from '../bench-support.ts';

const bench: Benchmark = {
  description: 'EHC plan editor page (checks, advice to pull in) with 25,000 children on PostgreSQL',
  async run(args) {
    const children = option(args, '--children', 25_000);
    const runs = option(args, '--runs', 100);
    const name = `gt_bench_plans_${process.pid}_${randomBytes(3).toString('hex')}`;
    await admin(`create database ${name}`);
    const database = await openDatabase({ url: databaseUrl(name), poolSize: 4 });
    const jobs = createJobs(database);
    try {
      await migrateToLatest(database.db);
      const seedStart = performance.now();
      await seedDemo(database.db, { children });
      const db = database.db;
      const user = (email: string) => accountByEmail(db, DEMO_LA_CODE, email);
      const caseworker = await user('caseworker@demo.example');
      const parent = await user('parent@demo.example');
      const ids = await Promise.all(
        ['ep@demo.example', 'health@demo.example', 'senco@demo.example'].map(user),
      );
      // A child with no plan yet, at the draft stage with three pieces of advice; the plan pulls everything in.
      const child = await firstChildNotAmong(db, DEMO_LA_CODE, [
        childIdsWithPlans(db, DEMO_LA_CODE),
        childIdsWithCases(db, DEMO_LA_CODE),
      ]);
      await draftStageCase(db, caseworker.la_code, {
        childId: child.id,
        teamId: caseworker.team_id!,
        officerId: caseworker.id,
        advice: THREE_ADVICE(ids[0]!.id, ids[1]!.id, ids[2]!.id),
      });
      await sql`analyze`.execute(db);
      const counts = { ...(await planCounts(db)), audits: await auditCount(db) };
      process.stdout.write(
        `seeded ${children} children (${counts.plans} structured plans, ${counts.items} items, ${counts.audits} audits) in ${Math.round(performance.now() - seedStart)} ms\n`,
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
      const cookieFor = async (u: { la_code: string; id: string }) => {
        const { token } = await createSession(
          db,
          { laCode: u.la_code, userId: u.id },
          { ip: null, userAgent: 'bench' },
        );
        return `${SESSION_COOKIE_DEV}=${token}`;
      };
      const cw = await cookieFor(caseworker);
      const ref = child.reference;
      const start = await app.inject({ method: 'GET', url: '/plans/start', headers: { cookie: cw } });
      const csrf = /name="_csrf" value="([^"]+)"/.exec(start.body)![1]!;
      const setCookie = start.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const created = await app.inject({
        method: 'POST',
        url: '/plans/start',
        payload: new URLSearchParams({ _csrf: csrf, childReference: ref }).toString(),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: [cw, setCookie].filter(Boolean).join('; '),
        },
      });
      const newPlan = created.headers.location!.split('/').pop()!;
      // Pull every recommendation in, so the editor shows a full plan with its citations.
      const recs = await app.inject({
        method: 'GET',
        url: `/plans/${newPlan}`,
        headers: { cookie: [cw, setCookie].join('; ') },
      });
      for (const m of recs.body.matchAll(
        /name="adviceId" value="([^"]+)">\s*<input type="hidden" name="key" value="([^"]+)"/g,
      )) {
        await app.inject({
          method: 'POST',
          url: `/plans/${newPlan}/pull`,
          payload: new URLSearchParams({ _csrf: csrf, adviceId: m[1]!, key: m[2]! }).toString(),
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            cookie: [cw, setCookie].join('; '),
          },
        });
      }
      const oliverChild = await childIdByReference(db, DEMO_LA_CODE, 'GT-000018');
      const oliverPlan =
        oliverChild && (await planIdsOfChildren(db, DEMO_LA_CODE, [oliverChild.id])).get(oliverChild.id);
      if (!oliverPlan) throw new Error('the demo child GT-000018 has no plan');
      const oliver = { id: oliverPlan };
      const versions = (await versionIdsOfPlan(db, DEMO_LA_CODE, oliver.id)).map((id) => ({ id }));
      const pages = [
        { key: 'editor_from_advice', url: `/plans/${newPlan}`, cookie: cw },
        { key: 'editor_demo_plan', url: `/plans/${oliver.id}`, cookie: cw },
        { key: 'family_shared_plan', url: `/your-plans/${oliver.id}`, cookie: await cookieFor(parent) },
        {
          key: 'family_compare',
          url: `/plans/${oliver.id}/compare?from=${versions[0]!.id}&to=${versions[1]!.id}`,
          cookie: await cookieFor(parent),
        },
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
          `${p.key.padEnd(22)} median ${results[p.key]!.p50} ms, p95 ${results[p.key]!.p95} ms\n`,
        );
      }

      // The editor's query plans: run its service once on a logging connection, then EXPLAIN ANALYZE what it ran.
      const captured: CompiledQuery[] = [];
      const pool = new pg.Pool({ connectionString: databaseUrl(name), max: 1 });
      const logged = new Kysely<DB>({
        dialect: new PostgresDialect({ pool }),
        log: (event) => {
          if (event.level === 'query') captured.push(event.query);
        },
      });
      const actor: Actor = {
        laCode: caseworker.la_code,
        userId: caseworker.id,
        sessionId: 'bench',
        email: caseworker.email,
        displayName: caseworker.display_name,
        role: caseworker.role,
        teamId: caseworker.team_id,
        jobTitle: caseworker.job_title,
        ip: null,
      };
      await editorView(logged, actor, newPlan, todayInLondon());
      for (const q of captured) {
        if (/^insert/i.test(q.sql)) continue;
        const plan = await pool.query(`explain (analyze, buffers off) ${q.sql}`, q.parameters as unknown[]);
        process.stdout.write(`\n-- ${q.sql.slice(0, 160).replace(/\s+/g, ' ')}...\n`);
        for (const row of plan.rows as Array<Record<string, string>>)
          process.stdout.write(`${row['QUERY PLAN']}\n`);
      }
      await logged.destroy();
      await app.close();
      process.stdout.write(
        `${JSON.stringify({
          bench: 'plans',
          engine: 'postgres',
          children,
          plans: Number(counts.plans),
          runs,
          ...Object.fromEntries(
            Object.entries(results).flatMap(([k, v]) => [
              [`${k}_p50_ms`, v.p50],
              [`${k}_p95_ms`, v.p95],
            ]),
          ),
          p50_ms: results.editor_from_advice!.p50,
          p95_ms: Math.max(results.editor_from_advice!.p95, results.editor_demo_plan!.p95),
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
