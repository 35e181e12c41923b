/**
 * What the notices feature writes the letter of a decision to stop a plan from (S9, reg 31(2); docs/ceasing.md): the
 * composition root hands it over, so notices never reads the ceasing tables. Undefined for no such procedure or one
 * not decided to cease.
 */
import { CEASE_GROUND_INFO } from '../../domain/review/index.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import type { PlanLetterFacts } from '../notices/index.ts';
import { plansForReviews } from '../plans/index.ts';
import { cessationById } from './store.ts';

export async function cessationLetterFacts(
  db: Executor,
  laCode: string,
  cessationId: string,
): Promise<PlanLetterFacts | undefined> {
  const row = await cessationById(db, laCode, cessationId);
  if (!row || row.decision !== 'cease' || !row.decision_date) return undefined;
  const [plan] = await plansForReviews(db, laCode, [row.plan_id]);
  return {
    childId: row.child_id,
    planId: row.plan_id,
    date: row.decision_date,
    namedSettingId: plan?.placementSettingId ?? null,
    cessation: {
      groundLabel: row.ground ? CEASE_GROUND_INFO[row.ground].label : null,
      reasons: row.decision_reasons,
    },
  };
}
