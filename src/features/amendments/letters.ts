/**
 * What the notices feature writes an amendment's letters from (docs/reviews.md "Amendments"): the composition root
 * hands them over, so notices never reads `plan_amendment`.
 */

/** The decision not to amend a plan after all (reg 22(4)); undefined for no such amendment or one not ended so. */
import { datesOf } from '../../domain/review/index.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import type { PlanLetterFacts } from '../notices/index.ts';
import { amendedVersionSummary, plansForReviews } from '../plans/index.ts';
import { nextReviewAsOf } from '../reviews/index.ts';
import { factsOf } from './support.ts';
import { amendmentById } from './store.ts';

export async function notToAmendLetterFacts(
  db: Executor,
  laCode: string,
  amendmentId: string,
): Promise<PlanLetterFacts | undefined> {
  const row = await amendmentById(db, laCode, amendmentId);
  if (!row || !row.not_amended_on) return undefined;
  return {
    childId: row.child_id,
    planId: row.plan_id,
    date: row.not_amended_on,
    amendment: { proposalSent: row.proposal_sent, reasons: row.not_amended_reasons ?? '' },
  };
}

/**
 * The amended plan's notice (reg 22(3); docs/reviews.md "Amendments"): the version issued, the proposal it came from,
 * the sections that changed, the day it was due (the clock's), and the next review's date, which the amendment does
 * not move. Undefined for no such amendment or one not ended by an amended plan.
 */
export async function amendedPlanLetterFacts(
  db: Executor,
  laCode: string,
  amendmentId: string,
): Promise<PlanLetterFacts | undefined> {
  const row = await amendmentById(db, laCode, amendmentId);
  if (!row || !row.amended_issued || !row.amended_version_id) return undefined;
  const version = await amendedVersionSummary(db, laCode, row.plan_id, row.amended_version_id);
  if (!version) return undefined;
  const [plan] = await plansForReviews(db, laCode, [row.plan_id]);
  const due = datesOf(factsOf(row))?.amendedPlanDue ?? null;
  return {
    childId: row.child_id,
    planId: row.plan_id,
    date: row.amended_issued,
    namedSettingId: plan?.placementSettingId ?? null,
    amended: {
      version: version.number,
      proposalSent: row.proposal_sent,
      sections: version.sections,
      due: due ? { date: due.date, rule: due.rule, source: due.source } : null,
      nextDue: await nextReviewAsOf(db, laCode, row.plan_id, row.amended_issued),
    },
  };
}
