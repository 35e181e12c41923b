/**
 * The core records as a feature's demo reads and writes them in bulk: the authority's users with their teams and
 * organisations, children by plan status, the first day of an event in each child's history, grants, and the rows a
 * demo adds (grants, history events, named officers, plans issued). The demo's own rows are built by the feature
 * (`features/assessments/demo.ts`); these are the statements it runs on the people tables, unchanged, so the demo is
 * the same row for row (no `updated_at` from the clock).
 */
import { sql, type Insertable } from 'kysely';
import type { Executor } from '../audit/audit.ts';
import type { DB, GrantKind } from '../db/schema/index.ts';

/** Every user of the authority by email, with their team's name and their organisation's kind and name. */
export function usersWithOrganisations(db: Executor, laCode: string) {
  return db
    .selectFrom('app_user as u')
    .leftJoin('team as t', (j) => j.onRef('t.la_code', '=', 'u.la_code').onRef('t.id', '=', 'u.team_id'))
    .leftJoin('organisation as o', (j) =>
      j.onRef('o.la_code', '=', 't.la_code').onRef('o.id', '=', 't.organisation_id'),
    )
    .select(['u.id', 'u.email', 'u.role', 'u.team_id', 't.name as team_name', 'o.kind', 'o.name as org_name'])
    .where('u.la_code', '=', laCode)
    .orderBy('u.email')
    .execute();
}

/** The children with these plan statuses, by reference. */
export function childrenWithPlanStatus(
  db: Executor,
  laCode: string,
  statuses: ReadonlyArray<'none' | 'assessment' | 'plan' | 'ceased'>,
) {
  return db
    .selectFrom('child as c')
    .select([
      'c.id',
      'c.reference',
      'c.plan_status',
      'c.lead_officer_id',
      'c.known_to_social_care',
      'c.date_of_birth',
      'c.primary_need',
    ])
    .where('c.la_code', '=', laCode)
    .where('c.plan_status', 'in', statuses)
    .orderBy('c.reference')
    .execute();
}

/** The authority's number of children. */
export async function childCount(db: Executor, laCode: string): Promise<number> {
  const total = await db
    .selectFrom('child')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('la_code', '=', laCode)
    .executeTakeFirstOrThrow();
  return Number(total.n);
}

/** The first day (in London) an event of this kind is in each child's history, by child. */
export async function firstEventDays(
  db: Executor,
  laCode: string,
  kind: string,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('case_event')
    .select(['child_id', sql<string>`min((at at time zone 'Europe/London')::date)::text`.as('day')])
    .where('la_code', '=', laCode)
    .where('kind', '=', kind)
    .groupBy('child_id')
    .execute();
  return new Map(rows.map((e) => [e.child_id, e.day]));
}

/** Grants of these kinds (of one user's only, when given; live ones only, when asked), revoked or not otherwise. */
export function grantsOfKinds(
  db: Executor,
  laCode: string,
  kinds: readonly GrantKind[],
  options: { userId?: string; live?: boolean } = {},
) {
  return db
    .selectFrom('access_grant')
    .select(['user_id', 'child_id'])
    .where('la_code', '=', laCode)
    .where('kind', 'in', kinds)
    .$if(options.userId !== undefined, (q) => q.where('user_id', '=', options.userId!))
    .$if(options.live === true, (q) => q.where('revoked_at', 'is', null))
    .execute();
}

async function inChunks<T>(rows: readonly T[], size: number, fn: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await fn(rows.slice(i, i + size));
}

/** Grants as the demo made them, 1,000 to a statement. */
export function insertGrants(trx: Executor, rows: readonly Insertable<DB['access_grant']>[]) {
  return inChunks(rows, 1000, (c) => trx.insertInto('access_grant').values(c).execute());
}

/** History events as the demo made them (each with its actor and moment), 2,000 to a statement. */
export function insertCaseEvents(trx: Executor, rows: readonly Insertable<DB['case_event']>[]) {
  return inChunks(rows, 2000, (c) => trx.insertInto('case_event').values(c).execute());
}

/** Names one officer for these children (no `updated_at`: the demo's rows are the same whenever it is built). */
export async function nameLeadOfficer(
  trx: Executor,
  laCode: string,
  childIds: readonly string[],
  officerId: string,
) {
  await trx
    .updateTable('child')
    .set({ lead_officer_id: officerId })
    .where('la_code', '=', laCode)
    .where('id', 'in', childIds)
    .execute();
}

/** The child's plan was issued on this day (the plan status and first issue date; no `updated_at`). */
export async function markPlanIssued(trx: Executor, laCode: string, childId: string, on: string) {
  await trx
    .updateTable('child')
    .set({ plan_status: 'plan', plan_first_issued: on })
    .where('la_code', '=', laCode)
    .where('id', '=', childId)
    .execute();
}
