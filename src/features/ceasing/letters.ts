/**
 * What the notices feature writes the letter of a decision to stop a plan from (S9, reg 31(2); docs/ceasing.md): the
 * composition root hands it over, so notices never reads the ceasing tables. Undefined for no such procedure or one
 * not decided to cease.
 */
import { CEASE_GROUND_INFO } from '../../domain/review/index.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import type { PlanLetterFacts } from '../notices/index.ts';
import { plansForReviews } from '../plans/index.ts';
import { parseDate } from '../../domain/calendar.ts';
import { formatDate } from '../../domain/clock/dates.ts';
import { institutionOfPlan } from './service.ts';
import { cessationById } from './store.ts';

/** The days the council asks the family and the school for their views in (a product convention, as for comments). */
export const CONSIDERING_VIEWS_DAYS = 15;

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

/**
 * The letter that the council is considering stopping the plan (reg 31(1)): to the family and the head of the
 * institution the plan names (else the child's current one), dated the day the procedure started, asking for their
 * views by a day 15 days on (a product convention, said so in the letter). Undefined for no such procedure.
 */
export async function consideringLetterFacts(
  db: Executor,
  laCode: string,
  cessationId: string,
): Promise<PlanLetterFacts | undefined> {
  const row = await cessationById(db, laCode, cessationId);
  if (!row) return undefined;
  const [plan] = await plansForReviews(db, laCode, [row.plan_id]);
  if (!plan) return undefined;
  const institution = await institutionOfPlan(db, laCode, plan);
  return {
    childId: row.child_id,
    planId: row.plan_id,
    date: row.started_on,
    namedSettingId: institution?.id ?? null,
    considering: {
      reason: row.reason,
      viewsBy: formatDate(parseDate(row.started_on) + CONSIDERING_VIEWS_DAYS - 1),
      institution: institution?.name ?? null,
    },
  };
}
