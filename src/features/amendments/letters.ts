/**
 * What the notices feature writes the letter of a decision not to amend a plan after all from (reg 22(4);
 * docs/reviews.md "Amendments"): the composition root hands it over, so notices never reads `plan_amendment`.
 * Undefined for no such amendment or one not ended that way.
 */
import type { Executor } from '../../platform/audit/audit.ts';
import type { PlanLetterFacts } from '../notices/index.ts';
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
