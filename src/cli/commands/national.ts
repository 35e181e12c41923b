/**
 * `goldthread national --authorities N --scale F --database URL [--services N] [--today YYYY-MM-DD]`: builds a
 * national data set into one PostgreSQL database: N fictional authorities with England's spread of sizes
 * (src/demo/national.ts), each the demo generator's caseload with every feature's demo data (reviews, assessments,
 * advice, plans, transfers, figures, the Local Offer) under its own code and place name. Creates the database if it
 * does not exist, migrates it, and skips authorities already there (so a stopped run can be resumed). Prints a
 * progress bar, then the time taken, rows, plans and the size on disk, and last one JSON line.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase } from '../../platform/db/database.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { seedDemo } from '../../app/demo.ts';
import { serviceCount } from '../../features/local-offer/index.ts';
import { authorityCounts } from '../../platform/people/samples.ts';
import {
  ENGLAND_AUTHORITIES,
  ENGLAND_PLANS,
  MAX_AUTHORITIES,
  nationalAuthorities,
  progressLine,
} from '../../demo/national.ts';
import { UsageError, type Command } from '../command.ts';

const USAGE =
  'goldthread national --authorities N --scale F --database postgres://... [--services N] [--today YYYY-MM-DD]';

export interface NationalArgs {
  authorities: number;
  scale: number;
  database: string;
  services: number;
  today?: string;
}

export function parseNationalArgs(args: string[]): NationalArgs {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        authorities: { type: 'string' },
        scale: { type: 'string' },
        database: { type: 'string' },
        services: { type: 'string' },
        today: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError(`${err instanceof Error ? err.message : String(err)}. Usage: ${USAGE}`);
  }
  const authorities = Number(values.authorities ?? ENGLAND_AUTHORITIES);
  if (!Number.isInteger(authorities) || authorities < 1 || authorities > MAX_AUTHORITIES)
    throw new UsageError(`--authorities must be a whole number from 1 to ${MAX_AUTHORITIES}`);
  const scale = Number(values.scale ?? 1);
  if (!(scale > 0 && scale <= 10)) throw new UsageError('--scale must be a number above 0 and at most 10');
  const services = Number(values.services ?? 5000);
  if (!Number.isInteger(services) || services < 10 || services > 50_000)
    throw new UsageError('--services must be a whole number from 10 to 50,000');
  const database = values.database ?? process.env.DATABASE_URL;
  if (!database || !/^postgres(ql)?:\/\//.test(database))
    throw new UsageError(`--database must be a PostgreSQL URL. Usage: ${USAGE}`);
  const today = values.today;
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today))
    throw new UsageError('--today must be written YYYY-MM-DD');
  return { authorities, scale, database, services, ...(today ? { today } : {}) };
}

/** Creates the database named in `url` on its server if it does not exist. */
async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new UsageError(`the database name "${name}" must be lower-case letters, digits and _`);
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

const command: Command = {
  description: `Build a national data set (many fictional authorities, England's spread of sizes) into PostgreSQL: ${USAGE}`,
  async run(args) {
    const options = parseNationalArgs(args);
    const today = options.today ?? todayInLondon();
    const authorities = nationalAuthorities(options.authorities, options.scale, options.services);
    const total = {
      authorities: authorities.length,
      plans: authorities.reduce((sum, a) => sum + a.plans, 0),
    };
    process.stdout.write(
      `Building ${total.authorities} authorities at scale ${options.scale} (about ${total.plans.toLocaleString('en-GB')} plans; ` +
        `England: ${ENGLAND_AUTHORITIES} authorities, ${ENGLAND_PLANS.toLocaleString('en-GB')} plans), as of ${today}. ` +
        `Largest: ${authorities[0]!.place} (LA ${authorities[0]!.laCode}), about ${authorities[0]!.plans.toLocaleString('en-GB')} plans.\n`,
    );
    await ensureDatabase(options.database);
    const database = await openDatabase({ url: options.database, poolSize: 2 });
    const tty = process.stderr.isTTY;
    try {
      await migrateToLatest(database.db);
      const started = performance.now();
      const done = { authorities: 0, plans: 0 };
      let skipped = 0;
      const show = (note: string) => {
        const line = `${progressLine(done, total, performance.now() - started)}${note}`;
        process.stderr.write(tty ? `\r${line}\u001b[K` : `${line}\n`);
      };
      show('');
      for (const a of authorities) {
        const summary = await seedDemo(database.db, {
          laCode: a.laCode,
          place: a.place,
          children: a.children,
          seed: a.seed,
          today,
          localOfferServices: a.localOfferServices,
          // Vacuumed and analysed once, after the last authority (below).
          analyse: false,
        });
        if (summary.skipped) skipped++;
        done.authorities++;
        done.plans += a.plans;
        show(summary.skipped ? ` (LA ${a.laCode} was there already)` : ` (LA ${a.laCode} ${a.place})`);
      }
      if (tty) process.stderr.write('\n');
      const seedMs = performance.now() - started;
      const analyseStarted = performance.now();
      // Vacuumed as well as analysed, as autovacuum keeps a live database: the visibility map lets the counts the
      // pages make read their index alone (index-only scans), as they would in service.
      await sql`vacuum (analyze)`.execute(database.db);
      const analyseMs = performance.now() - analyseStarted;
      const { rows } = await sql<{ bytes: string }>`
        select pg_database_size(current_database()) as bytes`.execute(database.db);
      const authorityRows = await authorityCounts(database.db);
      const counted = {
        bytes: rows[0]!.bytes,
        children: authorityRows.reduce((n, a) => n + a.children, 0),
        plans: authorityRows.reduce((n, a) => n + a.plans, 0),
        services: await serviceCount(database.db),
      };
      const most = authorityRows[0];
      const largest = most && most.plans > 0 ? { la_code: most.la_code, n: most.plans } : undefined;
      const mb = Number(counted.bytes) / 1024 / 1024;
      const plans = Number(counted.plans);
      process.stdout.write(
        `Seeded ${total.authorities - skipped} authorities (${skipped} there already) in ${(seedMs / 1000).toFixed(0)} s; ` +
          `analysed in ${(analyseMs / 1000).toFixed(1)} s. The database holds ${Number(counted.children).toLocaleString('en-GB')} children, ` +
          `${plans.toLocaleString('en-GB')} plans, ${Number(counted.services).toLocaleString('en-GB')} Local Offer services; ` +
          `${mb.toFixed(0)} MB on disk. Largest authority: LA ${largest?.la_code} with ${Number(largest?.n ?? 0).toLocaleString('en-GB')} plans.\n`,
      );
      process.stdout.write(
        `${JSON.stringify({
          command: 'national',
          authorities: total.authorities,
          scale: options.scale,
          today,
          seeded: total.authorities - skipped,
          children: Number(counted.children),
          plans,
          local_offer_services: Number(counted.services),
          largest_la: largest?.la_code ?? null,
          largest_plans: Number(largest?.n ?? 0),
          seed_s: Math.round(seedMs / 1000),
          analyse_s: Math.round(analyseMs / 1000),
          size_mb: Math.round(mb),
          mb_per_1000_plans: plans > 0 ? Math.round((mb / plans) * 1000 * 10) / 10 : null,
        })}\n`,
      );
      return 0;
    } finally {
      await database.close();
    }
  },
};
export default command;
