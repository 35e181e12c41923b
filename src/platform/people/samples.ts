/**
 * The core records as the command line's benchmarks and the national data set read them (src/cli): how many
 * children and plans each authority holds, an authority's demo accounts by email, and sample children to measure
 * pages with. Never used by a page.
 */
import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { Executor } from '../audit/audit.ts';
import type { DB } from '../db/schema/index.ts';
import type { ChildIdQuery } from './children.ts';

export interface AuthorityCount {
  readonly la_code: string;
  readonly name: string;
  readonly children: number;
  readonly plans: number;
}

/** Every authority with how many children it holds and how many have a plan, the most plans first. */
export async function authorityCounts(db: Executor): Promise<AuthorityCount[]> {
  const { rows } = await sql<{ la_code: string; name: string; children: string; plans: string }>`
    select la.la_code, la.name, count(c.id) as children, count(c.id) filter (where c.plan_status = 'plan') as plans
    from local_authority la left join child c on c.la_code = la.la_code
    group by la.la_code, la.name order by plans desc, la.la_code`.execute(db);
  return rows.map((r) => ({
    la_code: r.la_code,
    name: r.name,
    children: Number(r.children),
    plans: Number(r.plans),
  }));
}

/** Creates an authority with the contact details given (a benchmark's own authority). */
export async function insertAuthority(db: Executor, row: Insertable<DB['local_authority']>): Promise<void> {
  await db.insertInto('local_authority').values(row).execute();
}

/** The authority's demo account with this email (id, role, team, name, email, job title), or an error. */
export function accountByEmail(db: Executor, laCode: string, email: string) {
  return db
    .selectFrom('app_user')
    .select(['la_code', 'id', 'role', 'team_id', 'display_name', 'email', 'job_title'])
    .where('la_code', '=', laCode)
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
}

/** The first child by reference whose id none of these queries returns (a child new to each owner), or an error. */
export function firstChildNotAmong(db: Executor, laCode: string, excluded: readonly ChildIdQuery[]) {
  let query = db.selectFrom('child').select(['id', 'reference']).where('la_code', '=', laCode);
  for (const q of excluded) query = query.where('id', 'not in', q);
  return query.orderBy('reference').limit(1).executeTakeFirstOrThrow();
}

/** The children an officer leads, as a query of ids. */
export function childIdsLedBy(db: Executor, laCode: string, officerId: string): ChildIdQuery {
  return db
    .selectFrom('child')
    .select('id as child_id')
    .where('la_code', '=', laCode)
    .where('lead_officer_id', '=', officerId);
}

/** The first of these children by reference (ids the caller found), or undefined. */
export async function firstByReference(db: Executor, laCode: string, childIds: readonly string[]) {
  if (!childIds.length) return undefined;
  return db
    .selectFrom('child')
    .select(['id', 'reference'])
    .where('la_code', '=', laCode)
    .where('id', 'in', [...new Set(childIds)])
    .orderBy('reference')
    .limit(1)
    .executeTakeFirst();
}
