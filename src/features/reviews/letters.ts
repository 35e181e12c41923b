/**
 * What the notices feature writes a review's letters from (docs/reviews.md "Letters"): a review's decision and the
 * notice to the family of a plan transferred in. The composition root hands these to the notices feature, so it never
 * reads the reviews' tables. Undefined when there is no such record or no letter yet.
 */
import { transferInDates } from '../../domain/clock/index.ts';
import { reviewSchedule } from '../../domain/review/index.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { childrenForReviews } from '../../platform/people/children.ts';
import type { PlanLetterFacts } from '../notices/index.ts';
import { plansForReviews, type PlanForReviews } from '../plans/index.ts';
import { reviewById, reviewsOf, transfersIn } from './store.ts';

const asRule = (d: { date: string; rule: string; source: string }) => ({
  date: d.date,
  rule: d.rule,
  source: d.source,
});

/** The plan's next review as it stood on a day (the meetings held and the transfer in by then), with its rule. */
async function nextDueOf(db: Executor, laCode: string, plan: PlanForReviews, asOf: string) {
  if (plan.firstIssued > asOf) return null;
  const child = (await childrenForReviews(db, laCode, [plan.childId])).get(plan.childId);
  const meetings = (await reviewsOf(db, laCode, [plan.id]))
    .map((r) => r.held)
    .filter((d): d is string => d !== null && d <= asOf);
  const transfer = (await transfersIn(db, laCode, [plan.id])).get(plan.id);
  return asRule(
    reviewSchedule({
      asOf,
      firstIssued: plan.firstIssued,
      dateOfBirth: child?.dateOfBirth ?? null,
      meetings,
      amendmentsIssued: plan.amendmentsIssued.filter((d) => d <= asOf),
      transferredIn: transfer && transfer.transferred_on <= asOf ? transfer.transferred_on : null,
    }).due,
  );
}

/**
 * A plan's next review due date with its rule as of a day (for the amended plan's notice: an amendment never moves
 * it), or null for no such plan or a plan not issued by then.
 */
export async function nextReviewAsOf(db: Executor, laCode: string, planId: string, asOf: string) {
  const [plan] = await plansForReviews(db, laCode, [planId]);
  return plan ? nextDueOf(db, laCode, plan, asOf) : null;
}

/** The letter of a review's decision (keep, amend or stop the plan), dated the day the decision was sent. */
export async function reviewLetterFacts(
  db: Executor,
  laCode: string,
  reviewId: string,
): Promise<PlanLetterFacts | undefined> {
  const review = await reviewById(db, laCode, reviewId);
  if (!review || !review.decision || !review.decision_date) return undefined;
  const [plan] = await plansForReviews(db, laCode, [review.plan_id]);
  if (!plan) return undefined;
  const nextDue =
    review.decision === 'cease' ? null : await nextDueOf(db, laCode, plan, review.decision_date);
  return {
    childId: review.child_id,
    planId: review.plan_id,
    date: review.decision_date,
    namedSettingId: plan.placementSettingId,
    review: {
      number: review.number,
      held: review.held,
      decision: review.decision,
      nextDue,
    },
  };
}

/** The notice to the family of a plan transferred in (reg 15(4)), dated the day they were told. */
export async function transferInLetterFacts(
  db: Executor,
  laCode: string,
  planId: string,
): Promise<PlanLetterFacts | undefined> {
  const transfer = (await transfersIn(db, laCode, [planId])).get(planId);
  if (!transfer || !transfer.notice_sent) return undefined;
  const [plan] = await plansForReviews(db, laCode, [planId]);
  if (!plan) return undefined;
  const before = (await reviewsOf(db, laCode, [planId]))
    .map((r) => r.held)
    .filter((d): d is string => d !== null && d <= transfer.transferred_on)
    .sort();
  const dates = transferInDates({
    transferred: transfer.transferred_on,
    firstIssued: plan.firstIssued,
    lastReviewMeeting: before.at(-1) ?? null,
  });
  return {
    childId: transfer.child_id,
    planId,
    date: transfer.notice_sent,
    transfer: {
      fromAuthority: transfer.from_authority,
      transferredOn: transfer.transferred_on,
      reviewDue: asRule(dates.review),
      proposesReassessment: transfer.proposes_reassessment,
    },
  };
}
