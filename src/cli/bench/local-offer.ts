/**
 * `goldthread bench local-offer [--services N] [--runs N]`: the Local Offer with N generated services (5,000 by
 * default) on PostgreSQL (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server; a fresh database,
 * dropped afterwards). Measures server time in-process with `app.inject`: the public search page (words, typos,
 * filters) and the Open Referral UK `/services` page, median and 95th percentile; prints EXPLAIN ANALYZE of the
 * search query. Targets: search under 50 ms, `/services` under 100 ms.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Benchmark } from '../commands/bench.ts';
import { loadConfig } from '../../platform/config.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { createJobs } from '../../platform/jobs/jobs.ts';
import { OutboxNotifier } from '../../platform/notify/notify.ts';
import { buildWebApp } from '../../app/compose.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { generateDemoLocalOffer } from '../../features/local-offer/demo-services.ts';
import { insertLocalOffer } from '../../features/local-offer/store.ts';
import { explainSearch } from '../../features/local-offer/index.ts';
import { insertAuthority } from '../../platform/people/samples.ts';
import { insertUser } from '../../platform/people/users.ts';
import { needTermId } from '../../features/local-offer/oruk/taxonomy.ts';
import { admin, databaseUrl, option, percentile } from '../bench-support.ts';

const LA = '998';
const SEARCHES = [
  '/local-offer/search?q=autism',
  '/local-offer/search?q=autsim',
  '/local-offer/search?q=speach+therapy',
  '/local-offer/search?q=swimming&age=8',
  '/local-offer/search?need=ASD&age=7',
  '/local-offer/search?q=short+breaks&free=yes',
  '/local-offer/search?category=leisure&area=Brackenford',
  '/local-offer/search?q=wheelchair+football&page=2',
  '/local-offer/search?q=zzqxv',
];

const bench: Benchmark = {
  description: 'Local Offer: search page and Open Referral UK /services with 5,000 services on PostgreSQL',
  async run(args) {
    const services = option(args, '--services', 5000);
    const runs = option(args, '--runs', 200);
    const name = `gt_bench_lo_${process.pid}_${randomBytes(3).toString('hex')}`;
    await admin(`create database ${name}`);
    const database = await openDatabase({ url: databaseUrl(name), poolSize: 4 });
    try {
      await migrateToLatest(database.db);
      const today = todayInLondon();
      await insertAuthority(database.db, {
        la_code: LA,
        name: 'Benchmark Borough Council',
        team_email: 'send@bench.example',
        team_phone: '0300 000 0000',
        sendiass_name: 'Benchmark SENDIASS',
        sendiass_phone: '0300 000 0001',
        sendiass_email: 'sendiass@bench.example',
        sendiass_url: 'https://sendiass.bench.example',
      });
      const officer = {
        id: await insertUser(database.db, LA, {
          email: 'officer@bench.example',
          displayName: 'Officer',
          role: 'local-offer-editor',
          jobTitle: null,
          teamId: null,
          passwordHash: null,
        }),
      };
      const offer = generateDemoLocalOffer({ today, services });
      const t0 = performance.now();
      await database.db.transaction().execute((trx) => insertLocalOffer(trx, LA, offer, officer.id));
      await sql`analyze`.execute(database.db);
      const loadMs = performance.now() - t0;
      const config = loadConfig({
        NODE_ENV: 'test',
        GOLDTHREAD_DEMO: 'false',
        COOKIE_SECRET: 'bench-secret-bench-secret-bench',
        GOLDTHREAD_LOCAL_OFFER_LA: LA,
      });
      const { app } = await buildWebApp({
        database,
        config,
        jobs: createJobs(database),
        notifier: new OutboxNotifier(),
        logger: false,
      });
      const time = async (urls: string[]) => {
        for (const u of urls) {
          const r = await app.inject({ method: 'GET', url: u });
          if (r.statusCode !== 200) throw new Error(`${u} answered ${r.statusCode}`);
        }
        const ms: number[] = [];
        const byUrl = new Map<string, number[]>();
        for (let i = 0; i < runs; i++) {
          const u = urls[i % urls.length]!;
          const s = performance.now();
          await app.inject({ method: 'GET', url: u });
          const took = performance.now() - s;
          ms.push(took);
          byUrl.set(u, [...(byUrl.get(u) ?? []), took]);
        }
        ms.sort((a, b) => a - b);
        for (const [u, list] of byUrl) {
          list.sort((a, b) => a - b);
          process.stdout.write(
            `  ${u}: median ${percentile(list, 50).toFixed(1)} ms, max ${list.at(-1)!.toFixed(1)} ms\n`,
          );
        }
        return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
      };
      const search = await time(SEARCHES);
      const api = await time([
        '/api/open-referral/v3/services',
        '/api/open-referral/v3/services?page=7',
        '/api/open-referral/v3/services?search=autism&minimum_age=5',
        `/api/open-referral/v3/services?taxonomy_term_id=${needTermId('SLCN')}`,
      ]);
      const explained = await explainSearch(database.db, LA);
      const plan = explained.search.map((line) => ({ 'QUERY PLAN': line }));
      const wordPlan = explained.words.map((line) => ({ 'QUERY PLAN': line }));
      process.stdout.write(
        `local-offer: ${offer.services.length} services, ${offer.organisations.length} organisations, loaded in ${loadMs.toFixed(0)} ms\n` +
          `search page (${SEARCHES.length} queries, ${runs} runs): median ${search.p50.toFixed(1)} ms, p95 ${search.p95.toFixed(1)} ms (target < 50 ms)\n` +
          `API /services (${runs} runs): median ${api.p50.toFixed(1)} ms, p95 ${api.p95.toFixed(1)} ms (target < 100 ms)\n\n` +
          `EXPLAIN ANALYZE search (autsim corrected to autism, need ASD):\n${plan.map((r) => `  ${r['QUERY PLAN']}`).join('\n')}\n\n` +
          `EXPLAIN ANALYZE nearest words (trigram GiST):\n${wordPlan.map((r) => `  ${r['QUERY PLAN']}`).join('\n')}\n`,
      );
      process.stdout.write(
        `${JSON.stringify({
          bench: 'local-offer',
          engine: 'postgres',
          services: offer.services.length,
          runs,
          p50_ms: Number(search.p50.toFixed(2)),
          p95_ms: Number(search.p95.toFixed(2)),
          api_services_p50_ms: Number(api.p50.toFixed(2)),
          api_services_p95_ms: Number(api.p95.toFixed(2)),
        })}\n`,
      );
      await app.close();
    } finally {
      await database.close();
      await admin(`drop database if exists ${name} with (force)`);
    }
  },
};
export default bench;
