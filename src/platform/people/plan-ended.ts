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
 * SQL for the child aliased `c` of authority `laCode`: their plan was in force on `day`, as far as its ending goes: not
 * ceased, or ceased with an ending dated after the day (its last ending is after the day exactly when one of them is).
 * (Whether it had been issued by then is the caller's.) The endings are one uncorrelated subquery, which PostgreSQL
 * hashes once: a subquery per child (the last ending of each) made it estimate the phase-transfer cohort's query at
 * 450,000 to 610,000 and compile it (JIT), 1.3 to 3 seconds a query at 25,000 plans for 250 ms of work (ADR 0055).
 */
export function planInForceOn(laCode: string, day: string): RawBuilder<boolean> {
  return sql<boolean>`(c.plan_status = 'plan' or (c.plan_status = 'ceased' and c.id in (select e.child_id
    from case_event e where e.la_code = ${laCode} and e.kind in (${kinds}) and ${endedOn} > ${day}::date)))`;
}
