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
