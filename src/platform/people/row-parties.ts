/**
 * The people a page of a feature's rows names: each row's child (with their primary need and current setting), its
 * officer and its team, for the whole page in one query. How a list such as the caseworker's workspace shows them
 * without naming `child`, `app_user` or `team` (issue 11), in the one round trip its join used to take.
 */
import { expressionBuilder, sql, type Expression } from 'kysely';
import { jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Executor } from '../audit/audit.ts';
import type { DB, PrimaryNeed } from '../db/schema/index.ts';
import { onTenant } from '../db/tenant.ts';

/** What a row points at: its child, and the officer and team it is with (null: none). */
export interface RowParties {
  readonly childId: string;
  readonly officerId: string | null;
  readonly teamId: string | null;
}

export interface PartyNames {
  reference: string;
  given_name: string;
  family_name: string;
  primary_need: PrimaryNeed | null;
  /** The child's current setting (the latest started, not ended), if any. */
  setting_name: string | null;
  officer_name: string | null;
  team_name: string | null;
}

/**
 * The names each row points at, in the rows' order (undefined for a row whose child the authority does not have).
 * The rows go to the database as a list of values joined to the core records, so a page of 25 rows is one query.
 */
export async function partiesOfRows(
  db: Executor,
  laCode: string,
  rows: readonly RowParties[],
): Promise<(PartyNames | undefined)[]> {
  if (!rows.length) return [];
  const values = sql.join(
    rows.map((r, n) => sql`(${n}::int, ${r.childId}::uuid, ${r.officerId}::uuid, ${r.teamId}::uuid)`),
  );
  const v = sql<{
    n: number;
    child_id: string;
    officer_id: string | null;
    team_id: string | null;
  }>`(values ${values})`.as<'v'>(sql`v (n, child_id, officer_id, team_id)`);
  const found = await db
    .selectFrom(v)
    .innerJoin('child as c', (j) => j.on('c.la_code', '=', laCode).onRef('c.id', '=', 'v.child_id'))
    .leftJoin('app_user as o', (j) =>
      j.onRef('o.la_code', '=', 'c.la_code').onRef('o.id', '=', 'v.officer_id'),
    )
    .leftJoin('team as t', (j) => j.onRef('t.la_code', '=', 'c.la_code').onRef('t.id', '=', 'v.team_id'))
    .select((eb) => [
      'v.n',
      'c.reference',
      'c.given_name',
      'c.family_name',
      'c.primary_need',
      'o.display_name as officer_name',
      't.name as team_name',
      eb
        .selectFrom('child_setting as cs')
        .innerJoin('setting as s', onTenant('s.id', 'cs.setting_id'))
        .select('s.name')
        .whereRef('cs.la_code', '=', 'c.la_code')
        .whereRef('cs.child_id', '=', 'c.id')
        .where('cs.end_date', 'is', null)
        .orderBy('cs.start_date', 'desc')
        .limit(1)
        .as('setting_name'),
    ])
    .execute();
  const byRow = new Map(found.map(({ n, ...names }) => [Number(n), names]));
  return rows.map((_r, n) => byRow.get(n));
}

/**
 * Columns of the feature's own row (`'a.child_id'`, ...) that point at the core records; the authority is the row's
 * `la_code`. A party the row does not have is left out (its names are null).
 */
export interface PartyColumns {
  readonly laCode: string;
  readonly childId: string;
  readonly teamId?: string;
  readonly officerId?: string;
  readonly professionalId?: string;
}

const column = (ref: string | undefined): Expression<string | null> => (ref ? sql.ref(ref) : sql`null::uuid`);

/**
 * The parties of ONE row a feature is reading, as a json column of the feature's own statement: the child (names,
 * reference, birth date, primary need, named officer), the team and its contacts, the officer and the professional
 * (name, email, job title); null when the authority has no such child. How a case page reads its case and its
 * people in the one statement its join took (issue 11): `.select(partiesOfRow({...}).as('parties'))`.
 */
export function partiesOfRow(columns: PartyColumns) {
  const eb = expressionBuilder<DB, never>();
  return jsonObjectFrom(
    eb
      .selectFrom('child as c')
      .leftJoin('team as t', (j) =>
        j.onRef('t.la_code', '=', 'c.la_code').on('t.id', '=', column(columns.teamId)),
      )
      .leftJoin('app_user as o', (j) =>
        j.onRef('o.la_code', '=', 'c.la_code').on('o.id', '=', column(columns.officerId)),
      )
      .leftJoin('app_user as p', (j) =>
        j.onRef('p.la_code', '=', 'c.la_code').on('p.id', '=', column(columns.professionalId)),
      )
      .select([
        'c.given_name',
        'c.family_name',
        'c.preferred_name',
        'c.reference',
        'c.date_of_birth',
        'c.primary_need',
        'c.lead_officer_id as named_officer_id',
        't.name as team_name',
        't.email as team_email',
        't.phone as team_phone',
        'o.display_name as officer_name',
        'o.email as officer_email',
        'p.display_name as professional_name',
        'p.job_title as professional_title',
      ])
      .where('c.la_code', '=', sql.ref<string>(columns.laCode))
      .where('c.id', '=', sql.ref<string>(columns.childId)),
  );
}

/** A user a row points at (its professional), by name and job title, as a json column of the feature's statement. */
export function userOfRow(laCode: string, userId: string) {
  const eb = expressionBuilder<DB, never>();
  return jsonObjectFrom(
    eb
      .selectFrom('app_user as u')
      .select(['u.display_name', 'u.job_title'])
      .where('u.la_code', '=', sql.ref<string>(laCode))
      .where('u.id', '=', sql.ref<string>(userId)),
  );
}
