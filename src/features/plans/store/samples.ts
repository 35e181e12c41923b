/**
 * The plans as the command line's benchmarks read them (src/cli/bench): which children have a plan (as a query of
 * ids), a child's plan and its versions to open, and how many plans and items there are. Never used by a page.
 */
import { sql } from 'kysely';
import type { Executor } from '../../../platform/audit/audit.ts';
import type { ChildIdQuery } from '../../../platform/people/children.ts';

/** The children with a plan row (of any status), as a query of ids. */
export function childIdsWithPlans(db: Executor, laCode: string): ChildIdQuery {
  return db.selectFrom('ehc_plan').select('child_id').where('la_code', '=', laCode);
}

/** The plans of these children (any status): a plan id for each child that has one. */
export async function planIdsOfChildren(
  db: Executor,
  laCode: string,
  childIds: readonly string[],
): Promise<Map<string, string>> {
  if (!childIds.length) return new Map();
  const rows = await db
    .selectFrom('ehc_plan')
    .select(['id', 'child_id'])
    .where('la_code', '=', laCode)
    .where('child_id', 'in', [...new Set(childIds)])
    .execute();
  return new Map(rows.map((r) => [r.child_id, r.id]));
}

/** A plan's version ids, oldest first. */
export async function versionIdsOfPlan(db: Executor, laCode: string, planId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('ehc_plan_version')
    .select('id')
    .where('la_code', '=', laCode)
    .where('plan_id', '=', planId)
    .orderBy('number')
    .execute();
  return rows.map((r) => r.id);
}

/** How many plans and plan items the database holds (every authority). */
export async function planCounts(db: Executor): Promise<{ plans: number; items: number }> {
  const { rows } = await sql<{ plans: string; items: string }>`
    select (select count(*) from ehc_plan) as plans, (select count(*) from ehc_plan_item) as items`.execute(
    db,
  );
  return { plans: Number(rows[0]!.plans), items: Number(rows[0]!.items) };
}
