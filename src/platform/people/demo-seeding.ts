/**
 * The core records as the demo writes and reads them: the demo authority's records written in bulk (src/demo/generator.ts),
 * and, for the features' demo seeders (src/features/<name>/demo.ts), the children a demo gives its records to and the
 * staff who act in it, each in the order the seeder has always drawn them (so the demo's data does not shift when a
 * seeder moves from its own SQL to this store).
 */
import type { Insertable } from 'kysely';
import type { Executor } from '../audit/audit.ts';
import type { DB } from '../db/schema/index.ts';
import type { Role } from '../db/schema/index.ts';

const DEMO_CHILD_COLUMNS = [
  'id',
  'reference',
  'given_name',
  'family_name',
  'preferred_name',
  'date_of_birth',
  'plan_first_issued',
  'lead_officer_id',
  'primary_need',
] as const;

/**
 * The children with a plan by reference (the first `count` when given), and this one child by reference whatever
 * their plan status (the demo's walkthrough child), or undefined when the authority has no such child.
 */
export async function childrenWithPlansAndOne(
  db: Executor,
  laCode: string,
  reference: string,
  count: number | undefined,
) {
  const children = await db
    .selectFrom('child')
    .select(DEMO_CHILD_COLUMNS)
    .where('la_code', '=', laCode)
    .where((eb) => eb.or([eb('plan_status', '=', 'plan'), eb('reference', '=', reference)]))
    .orderBy('reference')
    .$if(count !== undefined, (q) => q.limit(count!))
    .execute();
  const one = await db
    .selectFrom('child')
    .select(DEMO_CHILD_COLUMNS)
    .where('la_code', '=', laCode)
    .where('reference', '=', reference)
    .executeTakeFirst();
  return { children, one };
}

/** The authority's users with these roles (active or not), by email. */
export function usersWithRoles(db: Executor, laCode: string, roles: readonly Role[]) {
  return db
    .selectFrom('app_user')
    .select(['id', 'email', 'role', 'team_id', 'display_name'])
    .where('la_code', '=', laCode)
    .where('role', 'in', [...roles])
    .orderBy('email')
    .execute();
}

/** The first settings of the authority by name (at most `limit`). */
export function settingsByName(db: Executor, laCode: string, limit: number) {
  return db
    .selectFrom('setting')
    .select(['id', 'name', 'type'])
    .where('la_code', '=', laCode)
    .orderBy('name')
    .limit(limit)
    .execute();
}

/** The setting each child attends now (a placement with no end date; for a child at two, the last one read). */
export async function currentSettingIds(db: Executor, laCode: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('child_setting')
    .select(['child_id', 'setting_id'])
    .where('la_code', '=', laCode)
    .where('end_date', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.child_id, r.setting_id]));
}

/** An authority's core records as the demo builds them (src/demo/build.ts), to be written in one go. */
export interface CoreRecords {
  readonly localAuthority: Insertable<DB['local_authority']>;
  readonly organisations: readonly Insertable<DB['organisation']>[];
  readonly teams: readonly Insertable<DB['team']>[];
  readonly users: readonly Insertable<DB['app_user']>[];
  readonly settings: readonly Insertable<DB['setting']>[];
  readonly children: readonly Insertable<DB['child']>[];
  readonly familyMembers: readonly Insertable<DB['family_member']>[];
  readonly childSettings: readonly Insertable<DB['child_setting']>[];
  readonly accessGrants: readonly Insertable<DB['access_grant']>[];
  readonly caseEvents: readonly Insertable<DB['case_event']>[];
}

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
  for (let start = 0; start < rows.length; start += size) await insert(rows.slice(start, start + size));
}

/**
 * Writes a new authority's core records in bulk (many rows to a statement), inside the caller's transaction. Returns
 * false, writing nothing, when the authority already exists (another process seeded it first: its key decides).
 */
export async function insertCoreRecords(trx: Executor, records: CoreRecords): Promise<boolean> {
  const created = await trx
    .insertInto('local_authority')
    .values(records.localAuthority)
    .onConflict((oc) => oc.column('la_code').doNothing())
    .returning('la_code')
    .executeTakeFirst();
  if (!created) return false;
  await inChunks(records.organisations, (c) => trx.insertInto('organisation').values(c).execute());
  await inChunks(records.teams, (c) => trx.insertInto('team').values(c).execute());
  await inChunks(records.users, (c) => trx.insertInto('app_user').values(c).execute());
  await inChunks(records.settings, (c) => trx.insertInto('setting').values(c).execute());
  await inChunks(records.children, (c) => trx.insertInto('child').values(c).execute());
  await inChunks(records.familyMembers, (c) => trx.insertInto('family_member').values(c).execute());
  await inChunks(records.childSettings, (c) => trx.insertInto('child_setting').values(c).execute());
  await inChunks(records.accessGrants, (c) => trx.insertInto('access_grant').values(c).execute());
  await inChunks(records.caseEvents, (c) => trx.insertInto('case_event').values(c).execute());
  return true;
}

/** The core record tables the demo counts when it is seeded. */
export const CORE_RECORD_TABLES = [
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

/** How many rows of each core record table the authority has. */
export async function coreRecordCounts(
  db: Executor,
  laCode: string,
): Promise<Record<(typeof CORE_RECORD_TABLES)[number], number>> {
  const counts = {} as Record<(typeof CORE_RECORD_TABLES)[number], number>;
  for (const table of CORE_RECORD_TABLES) {
    const { n } = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('la_code', '=', laCode)
      .executeTakeFirstOrThrow();
    counts[table] = Number(n);
  }
  return counts;
}
