/** Reads of the plan audits other features ask for through index.ts. */
import type { Executor } from '../../platform/audit/audit.ts';

export type QualityGrade = 'outstanding' | 'good' | 'requires-improvement' | 'inadequate';

const GRADE_NAMES: Readonly<Record<number, QualityGrade>> = {
  1: 'outstanding',
  2: 'good',
  3: 'requires-improvement',
  4: 'inadequate',
};

/**
 * Each audited plan's latest overall grade (a moderation, when there is one, counts as the latest audit of its
 * plan), for the plans named or every plan of the authority.
 */
export async function latestPlanGrades(
  db: Executor,
  laCode: string,
  planIds?: readonly string[],
): Promise<Map<string, QualityGrade>> {
  const grades = new Map<string, QualityGrade>();
  if (planIds && planIds.length === 0) return grades;
  let query = db
    .selectFrom('plan_audit')
    .select(['plan_id', 'overall'])
    .where('la_code', '=', laCode)
    .orderBy('audited_on')
    .orderBy('created_at');
  if (planIds) query = query.where('plan_id', 'in', planIds);
  for (const r of await query.execute()) {
    const g = GRADE_NAMES[r.overall];
    if (g) grades.set(r.plan_id, g);
  }
  return grades;
}

/**
 * The first audits the leaders' figures count (docs/figures.md): those made from `since` to `asOf`, each with its
 * moderation (the day and the moderator's overall grade) when there is one.
 */
export async function auditsForFigures(db: Executor, laCode: string, since: string, asOf: string) {
  const rows = await db
    .selectFrom('plan_audit as a')
    .leftJoin('plan_audit as m', (j) =>
      j.onRef('m.la_code', '=', 'a.la_code').onRef('m.moderates_id', '=', 'a.id'),
    )
    .select([
      'a.id',
      'a.plan_id',
      'a.team_id',
      'a.audited_on',
      'a.overall',
      'm.audited_on as moderated_on',
      'm.overall as moderated_overall',
    ])
    .where('a.la_code', '=', laCode)
    .where('a.kind', '=', 'first')
    .where('a.audited_on', '>=', since)
    .where('a.audited_on', '<=', asOf)
    .execute();
  return rows.map((r) => ({
    auditId: r.id,
    planId: r.plan_id,
    teamId: r.team_id,
    auditedOn: r.audited_on,
    overall: r.overall,
    moderation:
      r.moderated_on && r.moderated_overall !== null
        ? { on: r.moderated_on, overall: r.moderated_overall }
        : null,
  }));
}

/**
 * The demo's audits of its plans (src/features/plans/demo.ts), written in bulk: the first audits, then their
 * moderations (which point at them), then the actions.
 */
export async function insertDemoAudits(
  db: Executor,
  audits: readonly Record<string, unknown>[],
  actions: readonly Record<string, unknown>[],
): Promise<void> {
  const firsts = audits.filter((a) => a.kind === 'first');
  const mods = audits.filter((a) => a.kind === 'moderation');
  for (let i = 0; i < firsts.length; i += 300)
    await db
      .insertInto('plan_audit')
      .values(firsts.slice(i, i + 300) as never)
      .execute();
  for (let i = 0; i < mods.length; i += 300)
    await db
      .insertInto('plan_audit')
      .values(mods.slice(i, i + 300) as never)
      .execute();
  for (let i = 0; i < actions.length; i += 500)
    await db
      .insertInto('plan_audit_action')
      .values(actions.slice(i, i + 500) as never)
      .execute();
}

/** How many audits (first and moderations) the database holds, every authority: for the plans benchmark. */
export async function auditCount(db: Executor): Promise<number> {
  const { n } = await db
    .selectFrom('plan_audit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}
