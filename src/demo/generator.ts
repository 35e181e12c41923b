/**
 * Seeds the demo authority (LA 999) into a database: builds the core records with `buildDemoData` (pure,
 * deterministic) and inserts them in one transaction, in chunks, then lets each feature add its own demo data in the
 * same transaction. Does nothing if the authority already exists. The composition root's `seedDemo`
 * (src/app/demo.ts) passes the features' seeders; this module knows no feature.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DemoSeedOptions } from '../platform/feature.ts';
import { auditHistory } from '../platform/audit/history.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import type { DB } from '../platform/db/schema/index.ts';
import {
  DEMO_TOTP_SECRET,
  enrolWithKnownSecret,
  secondFactorRequired,
} from '../platform/auth/second-factor.ts';
import { DEMO_SECOND_FACTOR_KEY } from '../platform/config.ts';
import { DEMO_ACCOUNTS, DEMO_LA_CODE, DEMO_PASSWORD } from './accounts.ts';
import { buildDemoData, type DemoData, type DemoLink, type DemoOptions } from './build.ts';

export { buildDemoData, type DemoData, type DemoOptions } from './build.ts';

export interface SeedCounts {
  organisation: number;
  team: number;
  app_user: number;
  setting: number;
  child: number;
  family_member: number;
  child_setting: number;
  access_grant: number;
  case_event: number;
}

export type SeedSummary =
  | { skipped: true }
  | {
      skipped: false;
      counts: SeedCounts;
      links: { parent: DemoLink; parent2: DemoLink; youngPerson: DemoLink };
      /** The date the demo was built as of. */
      today: string;
      /** Milliseconds spent building the rows and inserting them. */
      buildMs: number;
      insertMs: number;
    };

/** Rows per statement, kept well under PostgreSQL's limit of 65,535 parameters. */
function chunkSize(sample: object | undefined): number {
  const columns = sample ? Object.keys(sample).length : 1;
  return Math.max(1, Math.min(2000, Math.floor(30_000 / columns)));
}

async function inChunks<T extends object>(
  rows: readonly T[],
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  const size = chunkSize(rows[0]);
  for (let start = 0; start < rows.length; start += size) {
    await insert(rows.slice(start, start + size));
  }
}

const COUNTED = [
  'organisation',
  'team',
  'app_user',
  'setting',
  'child',
  'family_member',
  'child_setting',
  'access_grant',
  'case_event',
] as const;

/** A feature's demo seeder (`demo` in its module). */
export type DemoSeeder = (trx: Transaction<DB>, options: DemoSeedOptions) => Promise<unknown>;

/**
 * Told after each step of building the demo: `done` of `total` steps, step 1 building the core records, step 2
 * inserting them, then one step for each seeder (index `done - 3`). Not called when the authority already exists.
 */
export type DemoProgress = (done: number, total: number) => void;

export async function seedDemoWith(
  db: Kysely<DB>,
  seeders: readonly DemoSeeder[],
  options: DemoOptions = {},
  progress?: DemoProgress,
): Promise<SeedSummary> {
  const laCode = options.laCode ?? DEMO_LA_CODE;
  const exists = await db
    .selectFrom('local_authority')
    .select('la_code')
    .where('la_code', '=', laCode)
    .executeTakeFirst();
  if (exists) return { skipped: true };

  const buildStarted = performance.now();
  const data: DemoData = buildDemoData(options);
  const today = data.today;
  // One argon2 hash shared by the demo accounts: hashing is deliberately slow.
  const hash = await hashPassword(DEMO_PASSWORD);
  const demoEmails = new Set(DEMO_ACCOUNTS.map((a) => a.email));
  const users = data.users.map((u) => (demoEmails.has(u.email) ? { ...u, password_hash: hash } : u));
  const buildMs = performance.now() - buildStarted;
  const total = seeders.length + 2;
  progress?.(1, total);

  const insertStarted = performance.now();
  const inserted = await db.transaction().execute(async (trx) => {
    // Another process may have seeded in the meantime: the authority's key decides who goes on.
    const created = await trx
      .insertInto('local_authority')
      .values(data.localAuthority)
      .onConflict((oc) => oc.column('la_code').doNothing())
      .returning('la_code')
      .executeTakeFirst();
    if (!created) return false;
    await inChunks(data.organisations, (c) => trx.insertInto('organisation').values(c).execute());
    await inChunks(data.teams, (c) => trx.insertInto('team').values(c).execute());
    await inChunks(users, (c) => trx.insertInto('app_user').values(c).execute());
    // The demo's staff accounts are enrolled with the published demo authenticator key (docs/adr/0011).
    await enrolWithKnownSecret(
      trx,
      options.secondFactorKey ?? DEMO_SECOND_FACTOR_KEY,
      users
        .filter((u) => demoEmails.has(u.email) && secondFactorRequired(u.role))
        .map((u) => ({ laCode: u.la_code, userId: u.id })),
      DEMO_TOTP_SECRET,
    );
    await inChunks(data.settings, (c) => trx.insertInto('setting').values(c).execute());
    await inChunks(data.children, (c) => trx.insertInto('child').values(c).execute());
    await inChunks(data.familyMembers, (c) => trx.insertInto('family_member').values(c).execute());
    await inChunks(data.childSettings, (c) => trx.insertInto('child_setting').values(c).execute());
    await inChunks(data.accessGrants, (c) => trx.insertInto('access_grant').values(c).execute());
    await inChunks(data.caseEvents, (c) => trx.insertInto('case_event').values(c).execute());
    // 26 weeks of the service in use, before the features' own demo entries (audit-history.ts).
    await auditHistory(trx, laCode, today, data.auditHistory);
    progress?.(2, total);
    const seedOptions = {
      laCode,
      today,
      ...(options.localOfferServices === undefined ? {} : { localOfferServices: options.localOfferServices }),
    };
    for (const [i, seed] of seeders.entries()) {
      await seed(trx, seedOptions);
      progress?.(i + 3, total);
    }
    // What exists now, features' demo data included (their seeders add grants and case events too).
    const counts = {} as Record<(typeof COUNTED)[number], number>;
    for (const table of COUNTED) {
      const { n } = await trx
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('la_code', '=', laCode)
        .executeTakeFirstOrThrow();
      counts[table] = Number(n);
    }
    return counts;
  });
  if (!inserted) return { skipped: true };
  return {
    skipped: false,
    counts: inserted,
    links: data.links,
    today,
    buildMs,
    insertMs: performance.now() - insertStarted,
  };
}
