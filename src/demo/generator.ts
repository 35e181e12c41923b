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
import { authorityExists } from '../platform/people/casework.ts';
import { coreRecordCounts, insertCoreRecords } from '../platform/people/demo-seeding.ts';
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
  if (await authorityExists(db, laCode)) return { skipped: true };

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
    if (!(await insertCoreRecords(trx, { ...data, users }))) return false;
    // The demo's staff accounts are enrolled with the published demo authenticator key (docs/adr/0011).
    await enrolWithKnownSecret(
      trx,
      options.secondFactorKey ?? DEMO_SECOND_FACTOR_KEY,
      users
        .filter((u) => demoEmails.has(u.email) && secondFactorRequired(u.role))
        .map((u) => ({ laCode: u.la_code, userId: u.id })),
      DEMO_TOTP_SECRET,
    );
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
    return coreRecordCounts(trx, laCode);
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
