/**
 * The core records as the returns read and write them in bulk (docs/sen2.md): every child, setting and placement
 * of an authority in one query each, and the writes a SEN2 return read in makes (the authority if new, a team for
 * its requests, children, settings, placements). Reusable by any figure built on the same facts.
 */
import type { Executor } from '../audit/audit.ts';
import type { PrimaryNeed } from '../db/schema/index.ts';

/** Every child of the authority, with what the returns use. */
export async function caseworkChildren(db: Executor, laCode: string) {
  return db
    .selectFrom('child')
    .select([
      'id',
      'reference',
      'given_name',
      'family_name',
      'date_of_birth',
      'sex',
      'ethnicity',
      'postcode',
      'upn',
      'uln',
      'upn_missing_reason',
      'primary_need',
      'plan_status',
      'plan_first_issued',
      'known_to_social_care',
    ])
    .where('la_code', '=', laCode)
    .orderBy('reference')
    .execute();
}

/** Every setting of the authority. */
export async function caseworkSettings(db: Executor, laCode: string) {
  return db
    .selectFrom('setting')
    .select(['id', 'urn', 'name', 'type', 'phase'])
    .where('la_code', '=', laCode)
    .execute();
}

/** Every child's placement (child_setting) of the authority. */
export async function caseworkPlacements(db: Executor, laCode: string) {
  return db
    .selectFrom('child_setting')
    .select(['child_id', 'setting_id', 'start_date', 'end_date', 'attendance'])
    .where('la_code', '=', laCode)
    .execute();
}

/** Whether the authority exists. */
export async function authorityExists(db: Executor, laCode: string): Promise<boolean> {
  const row = await db
    .selectFrom('local_authority')
    .select('la_code')
    .where('la_code', '=', laCode)
    .executeTakeFirst();
  return row !== undefined;
}

/** Creates an authority with placeholder contact details (to be completed by its administrator). */
export async function createAuthority(db: Executor, laCode: string, name: string): Promise<void> {
  await db
    .insertInto('local_authority')
    .values({
      la_code: laCode,
      name,
      team_email: '',
      team_phone: '',
      sendiass_name: '',
      sendiass_phone: '',
      sendiass_email: '',
      sendiass_url: '',
    })
    .execute();
}

/** The team that holds requests read in from a return: the one named `name`, created with its authority's
 * organisation when missing. */
export async function importTeam(db: Executor, laCode: string, name: string): Promise<string> {
  const existing = await db
    .selectFrom('team')
    .select('id')
    .where('la_code', '=', laCode)
    .where('name', '=', name)
    .executeTakeFirst();
  if (existing) return existing.id;
  let org = await db
    .selectFrom('organisation')
    .select('id')
    .where('la_code', '=', laCode)
    .where('kind', '=', 'local-authority')
    .orderBy('name')
    .executeTakeFirst();
  if (!org) {
    org = await db
      .insertInto('organisation')
      .values({ la_code: laCode, name: 'SEND service', kind: 'local-authority' })
      .returning('id')
      .executeTakeFirstOrThrow();
  }
  const team = await db
    .insertInto('team')
    .values({ la_code: laCode, organisation_id: org.id, name, email: null, phone: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return team.id;
}

export interface NewCaseworkChild {
  reference: string;
  given_name: string;
  family_name: string;
  date_of_birth: string;
  sex: 'F' | 'M';
  ethnicity: string | null;
  postcode: string | null;
  upn: string | null;
  uln: string | null;
  upn_missing_reason: string | null;
  primary_need: PrimaryNeed | null;
  plan_status: 'none' | 'assessment' | 'plan' | 'ceased';
  plan_first_issued: string | null;
}

const CHUNK = 1000;

/** Inserts children; returns reference -> id. */
export async function insertChildren(
  db: Executor,
  laCode: string,
  children: readonly NewCaseworkChild[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let i = 0; i < children.length; i += CHUNK) {
    const rows = await db
      .insertInto('child')
      .values(children.slice(i, i + CHUNK).map((c) => ({ la_code: laCode, ...c })))
      .returning(['id', 'reference'])
      .execute();
    for (const r of rows) ids.set(r.reference, r.id);
  }
  return ids;
}

/** Creates the settings a return names that the authority does not have; returns their ids by key. */
export async function insertSettings(
  db: Executor,
  laCode: string,
  settings: readonly { key: string; urn: string | null; name: string; type: string }[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let i = 0; i < settings.length; i += CHUNK) {
    const chunk = settings.slice(i, i + CHUNK);
    const rows = await db
      .insertInto('setting')
      .values(
        chunk.map((s) => ({
          la_code: laCode,
          urn: s.urn,
          name: s.name,
          kind: 'other' as const,
          type: s.type,
          phase: 'Not known',
          first_year_group: -2,
          last_year_group: 14,
          in_area: true,
          location_authority: null,
          postcode: null,
        })),
      )
      .returning('id')
      .execute();
    rows.forEach((r, j) => ids.set(chunk[j]!.key, r.id));
  }
  return ids;
}

/** Inserts placements (child_setting). */
export async function insertPlacements(
  db: Executor,
  laCode: string,
  placements: readonly {
    child_id: string;
    setting_id: string;
    start_date: string;
    end_date: string | null;
    attendance: 'full-time' | 'dual-registered';
  }[],
): Promise<void> {
  for (let i = 0; i < placements.length; i += CHUNK) {
    await db
      .insertInto('child_setting')
      .values(placements.slice(i, i + CHUNK).map((p) => ({ la_code: laCode, ...p })))
      .execute();
  }
}
