/**
 * The people a page of a feature's rows names: each row's child (with their primary need and current setting), its
 * officer and its team, for the whole page in one query. How a list such as the caseworker's workspace shows them
 * without naming `child`, `app_user` or `team` (issue 11), in the one round trip its join used to take.
 */
import { sql } from 'kysely';
import type { Executor } from '../audit/audit.ts';
import type { PrimaryNeed } from '../db/schema/index.ts';
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
