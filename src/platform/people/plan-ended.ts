/**
 * The day a child's plan ended for the authority, from the child's history (`case_event`): the core records keep only
 * the plan status (`ceased`), so a past day's figures and cohorts read the ending from the history the ceasing
 * feature writes when a plan ceases (`plan.ceased`, S9) or is sent to another council (`plan.transferred-out`, S11),
 * each with the day it took effect (`detail.on`), and from an older or imported history (`plan-ceased`, dated by the
 * entry). A child whose plan ended after a day still had it on that day (docs/figures.md). A ceased plan with no such
 * entry has no known end: it counts as ended on every day, as before.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../audit/audit.ts';

/** The history entries that end a plan. */
export const PLAN_ENDED_KINDS = ['plan.ceased', 'plan.transferred-out', 'plan-ceased'] as const;

/** The day an ending entry took effect: its `detail.on` when it says, else the day in London it was recorded. */
const endedOn = sql`coalesce((e.detail->>'on')::date, (e.at at time zone 'Europe/London')::date)`;
const kinds = sql.join(PLAN_ENDED_KINDS.map((k) => sql`${k}`));

/** Each ceased child's last ending day (children whose plan status is `ceased` and whose history dates it). */
export async function planEndedDays(db: Executor, laCode: string): Promise<Map<string, string>> {
  const result = await sql<{
    child_id: string;
    day: string;
  }>`select e.child_id, (max(${endedOn}))::text as day
    from case_event e join child c on c.la_code = e.la_code and c.id = e.child_id
    where e.la_code = ${laCode} and c.plan_status = 'ceased' and e.kind in (${kinds})
    group by e.child_id`.execute(db);
  return new Map(result.rows.map((r) => [r.child_id, r.day]));
}

/**
 * SQL for the child aliased `c`: their plan was in force on `day`, as far as its ending goes: not ceased, or ceased
 * with its last ending dated after the day. (Whether it had been issued by then is the caller's.)
 */
export function planInForceOn(day: string): RawBuilder<boolean> {
  return sql<boolean>`(c.plan_status = 'plan' or (c.plan_status = 'ceased' and (select max(${endedOn})
    from case_event e where e.la_code = c.la_code and e.child_id = c.id and e.kind in (${kinds})) > ${day}::date))`;
}
