/**
 * A review's steps (issue 12; docs/reviews.md, ADR 0012): the plan's next review set up with its meeting date, a
 * request for an early review, and each step of its paperwork (invitations sent, the meeting held, the report sent,
 * the decision and its letter), each checked by the rules in src/domain/review, audited and followed by the plan's
 * schedule refreshed in the same transaction; and a decision to cease, which the ceasing procedure records (ADR 0018).
 * Caseworkers and team managers change reviews (the school's staff arrange a meeting through meeting.ts).
 */
import { auditContext, authoriseChildRead, requireRole, type Actor } from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { withChange, type ChangeContext } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { childrenForReviews } from '../../platform/people/children.ts';
import {
  checkArrange,
  checkDecision,
  checkEarlyReviewRequest,
  checkHold,
  checkReport,
  checkSchedule,
  reviewSchedule,
  type CheckResult,
  type Lateness,
  type ReviewFacts,
} from '../../domain/review/index.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import type { PlanForReviews } from '../plans/index.ts';
import { sendPlanLetter } from '../notices/index.ts';
import { reviewLetterFacts } from './letters.ts';
import { refreshReviewSchedules } from './schedule.ts';
import { factsOf, finalPlan, REVIEW_EDITORS, ReviewFormError, reviewOrNotFound } from './service.ts';
import {
  earlyRequestsOf,
  insertEarlyRequest,
  insertReview,
  reviewById,
  reviewsOf,
  transfersIn,
  updateReview,
  type ReviewRow,
} from './store.ts';

/**
 * Sets up a plan's next review with its meeting date, in the caller's transaction, once the caller has checked who
 * may (the authority's editors here; the school's staff in meeting.ts). Refused while another review of the plan is
 * open (not yet held), or once the plan has stopped (ceased or sent to another council).
 */
export async function scheduleNextReview(
  ctx: ChangeContext,
  plan: PlanForReviews,
  input: { meetingDate: string | null; arrangedBy: 'school' | 'authority'; earlyRequestId?: string | null },
): Promise<{ review: ReviewRow; warnings: readonly Lateness[] }> {
  const { actor } = ctx;
  const existing = await reviewsOf(ctx.trx, actor.laCode, [plan.id]);
  if (existing.some((r) => r.held === null)) {
    throw new ReviewFormError([
      {
        field: 'meetingDate',
        message: 'This plan already has a review that has not been held: change its date instead',
      },
    ]);
  }
  // a plan stays in force, and reviewed, while a decision to cease it can be appealed (ADR 0018)
  const [child] = (await childrenForReviews(ctx.trx, actor.laCode, [plan.childId])).values();
  if (child?.planStatus === 'ceased') {
    throw new ReviewFormError([{ field: 'meetingDate', message: 'This plan has stopped' }]);
  }
  const meetings = existing.map((r) => r.held).filter((d): d is string => d !== null && d <= ctx.today);
  const transfer = (await transfersIn(ctx.trx, actor.laCode, [plan.id])).get(plan.id);
  const afterTransfer =
    transfer !== undefined && !existing.some((r) => r.held !== null && r.held >= transfer.transferred_on);
  const due = reviewSchedule({
    asOf: ctx.today,
    firstIssued: plan.firstIssued,
    meetings,
    transferredIn: transfer && transfer.transferred_on <= ctx.today ? transfer.transferred_on : null,
  }).due;
  const blank: ReviewFacts = {
    meetingDate: null,
    invitationsSent: null,
    adviceCirculated: null,
    held: null,
    reportSent: null,
    decision: null,
  };
  const result = checkSchedule(
    blank,
    { meetingDate: input.meetingDate, planFirstIssued: plan.firstIssued, reviewDue: due },
    ctx.today,
  );
  if (!result.ok) throw new ReviewFormError(result.errors);
  const review = await insertReview(ctx.trx, {
    la_code: actor.laCode,
    plan_id: plan.id,
    child_id: plan.childId,
    number: existing.length + 1,
    kind: input.earlyRequestId ? 'early' : afterTransfer ? 'transfer-in' : 'annual',
    arranged_by: input.arrangedBy,
    meeting_date: input.meetingDate,
    created_by: actor.userId,
  });
  await audit(ctx.trx, auditContext(actor), {
    action: 'review.schedule',
    recordType: 'plan_review',
    recordId: review.id,
    childId: plan.childId,
    detail: {
      planId: plan.id,
      number: review.number,
      kind: review.kind,
      meetingDate: input.meetingDate,
    },
  });
  await refreshReviewSchedules(ctx.trx, actor.laCode, ctx.today, [plan.id]);
  return { review, warnings: result.warnings };
}

/** The plan's reviews held whose decision is not recorded yet: a ceasing procedure may come from one (ADR 0018). */
export async function reviewsAwaitingDecision(
  db: Executor,
  laCode: string,
  planId: string,
): Promise<Array<{ id: string; number: number; held: string }>> {
  return (await reviewsOf(db, laCode, [planId]))
    .filter((r) => r.held !== null && r.decision === null)
    .map((r) => ({ id: r.id, number: r.number, held: r.held as string }));
}

/**
 * A review's decision to cease, taken through the ceasing procedure that came from it (ADR 0018), in the caller's
 * change: checked as every decision is (the report sent first, the date not in the future, lateness named), audited as
 * `review.decide`. A review that is not waiting for its decision is left as it is (returns null).
 */
export async function recordReviewCeased(
  ctx: ChangeContext,
  reviewId: string,
  date: string,
): Promise<readonly Lateness[] | null> {
  const review = await reviewById(ctx.trx, ctx.actor.laCode, reviewId);
  if (!review || review.decision !== null || review.report_sent === null) return null;
  const result = checkDecision(factsOf(review), { date, outcome: 'cease' }, ctx.today);
  if (!result.ok) throw new ReviewFormError(result.errors);
  await updateReview(ctx.trx, ctx.actor.laCode, review.id, { decision: 'cease', decision_date: date });
  await audit(ctx.trx, auditContext(ctx.actor), {
    action: 'review.decide',
    recordType: 'plan_review',
    recordId: review.id,
    childId: review.child_id,
    detail: {
      planId: review.plan_id,
      number: review.number,
      outcome: 'cease',
      late: result.warnings.map((w) => w.step),
    },
  });
  await refreshReviewSchedules(ctx.trx, ctx.actor.laCode, ctx.today, [review.plan_id]);
  return result.warnings;
}

export function createReviewSteps(deps: ServiceDeps) {
  const change = <T>(actor: Actor, fn: (ctx: ChangeContext) => Promise<T>) => withChange(deps, actor, fn);

  /** Applies a checked move to a review, audits it, and refreshes the plan's schedule; returns the warnings. */
  async function move(
    actor: Actor,
    reviewId: string,
    action: string,
    check: (facts: ReviewFacts, today: string) => CheckResult,
    changeOf: () => Parameters<typeof updateReview>[3],
    formToken: string | undefined,
    after?: (ctx: ChangeContext, updated: ReviewRow) => Promise<void>,
  ): Promise<{ review: ReviewRow; warnings: readonly Lateness[] }> {
    requireRole(actor, REVIEW_EDITORS, action);
    return change(actor, async (ctx) => {
      const review = await reviewOrNotFound(ctx.trx, actor, reviewId);
      await authoriseChildRead(ctx.trx, actor, review.child_id, action);
      // one use each: a second submit of the same form changes nothing and answers with the review as it is
      let out: { review: ReviewRow; warnings: readonly Lateness[] } = { review, warnings: [] };
      await once(ctx, formToken, async () => {
        const result = check(factsOf(review), ctx.today);
        if (!result.ok) throw new ReviewFormError(result.errors);
        const updated = await updateReview(ctx.trx, actor.laCode, review.id, changeOf());
        await audit(ctx.trx, auditContext(actor), {
          action,
          recordType: 'plan_review',
          recordId: review.id,
          childId: review.child_id,
          detail: { planId: review.plan_id, number: review.number, late: result.warnings.map((w) => w.step) },
        });
        await refreshReviewSchedules(ctx.trx, actor.laCode, ctx.today, [review.plan_id]);
        if (after) await after(ctx, updated);
        out = { review: updated, warnings: result.warnings };
        return review.id;
      });
      return out;
    });
  }

  return {
    /** The plan a review belongs to (for its pages), once the actor may change reviews; 404 otherwise. */
    async planOfReview(actor: Actor, reviewId: string): Promise<string> {
      requireRole(actor, REVIEW_EDITORS, 'review.step');
      return (await reviewOrNotFound(deps.db, actor, reviewId)).plan_id;
    },

    /**
     * Sets up the plan's next review with its meeting date (kind annual unless an early request is given). Refused
     * while another review of the plan is open (not yet held).
     */
    async scheduleReview(
      actor: Actor,
      planId: string,
      input: {
        meetingDate: string | null;
        arrangedBy: 'school' | 'authority';
        earlyRequestId?: string | null;
        formToken: string | undefined;
      },
    ): Promise<{ review: ReviewRow; warnings: readonly Lateness[] }> {
      requireRole(actor, REVIEW_EDITORS, 'review.schedule');
      return change(actor, async (ctx) => {
        const plan = await finalPlan(ctx.trx, actor, planId);
        await authoriseChildRead(ctx.trx, actor, plan.childId, 'review.schedule');
        let out: { review: ReviewRow; warnings: readonly Lateness[] } | undefined;
        const done = await once(ctx, input.formToken, async () => {
          out = await scheduleNextReview(ctx, plan, input);
          return out.review.id;
        });
        // a second submit of the same form: the review the first one set up, and nothing new
        const first = done.resultId ? await reviewById(ctx.trx, actor.laCode, done.resultId) : undefined;
        out ??= first && { review: first, warnings: [] };
        if (!out)
          throw new ReviewFormError([{ field: 'meetingDate', message: 'This form has already been sent' }]);
        return out;
      });
    },

    /** Records a request for an early review, with its reason and details. */
    async requestEarlyReview(
      actor: Actor,
      planId: string,
      input: { reason: string | null; details: string | null; formToken: string | undefined },
    ) {
      requireRole(actor, REVIEW_EDITORS, 'review.early-request');
      const checked = checkEarlyReviewRequest(input);
      if (!checked.ok) throw new ReviewFormError(checked.errors);
      return change(actor, async (ctx) => {
        const plan = await finalPlan(ctx.trx, actor, planId);
        await authoriseChildRead(ctx.trx, actor, plan.childId, 'review.early-request');
        const done = await once(ctx, input.formToken, async () => {
          const row = await insertEarlyRequest(ctx.trx, {
            la_code: actor.laCode,
            plan_id: plan.id,
            child_id: plan.childId,
            reason: checked.reason,
            details: checked.details,
            requested_on: ctx.today,
            requested_by: actor.userId,
          });
          await audit(ctx.trx, auditContext(actor), {
            action: 'review.early-request',
            recordType: 'plan_review_early_request',
            recordId: row.id,
            childId: plan.childId,
            detail: { planId: plan.id, reason: checked.reason },
          });
          return row.id;
        });
        // the request the form's first submit recorded (a second submit records nothing)
        return (await earlyRequestsOf(ctx.trx, actor.laCode, plan.id)).find((r) => r.id === done.resultId);
      });
    },

    /** Invitations (and advice) sent: scheduled → arranged. */
    arrange(
      actor: Actor,
      reviewId: string,
      input: {
        invitationsSent: string | null;
        adviceCirculated: string | null;
        formToken: string | undefined;
      },
    ) {
      return move(
        actor,
        reviewId,
        'review.arrange',
        (f, today) => checkArrange(f, input, today),
        () => ({ invitations_sent: input.invitationsSent, advice_circulated: input.adviceCirculated }),
        input.formToken,
      );
    },

    /** The meeting held: arranged → held; the next review is then due 12 months from this day. */
    hold(actor: Actor, reviewId: string, input: { held: string | null; formToken: string | undefined }) {
      return move(
        actor,
        reviewId,
        'review.hold',
        (f, today) => checkHold(f, input, today),
        () => ({ held: input.held, meeting_date: input.held }),
        input.formToken,
      );
    },

    /** The report sent: held → report sent. */
    sendReport(
      actor: Actor,
      reviewId: string,
      input: { reportSent: string | null; formToken: string | undefined },
    ) {
      return move(
        actor,
        reviewId,
        'review.report',
        (f, today) => checkReport(f, input, today),
        () => ({ report_sent: input.reportSent }),
        input.formToken,
      );
    },

    /**
     * The decision sent: report sent → decided. Keep (maintain) or amend; stopping the plan is refused here, because
     * a decision to cease needs the family and the school consulted first (reg 31(1); S9: "a decision without
     * consultation records cannot be saved"): the ceasing procedure records it and decides the review
     * (`recordReviewCeased`, ADR 0018).
     */
    decide(
      actor: Actor,
      reviewId: string,
      input: { date: string | null; outcome: string | null; formToken: string | undefined },
    ) {
      if (input.outcome === 'cease') {
        return Promise.reject(
          new ReviewFormError([
            {
              field: 'outcome',
              message:
                'To stop a plan, the family and the head of the school or college must be consulted first (SEND Regulations 2014, reg 31(1)): use “Stopping the plan or transferring it” for this plan; the decision recorded there decides this review',
            },
          ]),
        );
      }
      return move(
        actor,
        reviewId,
        'review.decide',
        (f, today) => checkDecision(f, input, today),
        () => ({ decision_date: input.date, decision: input.outcome as ReviewRow['decision'] }),
        input.formToken,
        // The decision's letter to the family and the head (S1), with the rights block when it keeps the plan.
        async (ctx, updated) =>
          sendPlanLetter(ctx, {
            kind: 'review-decision',
            recordId: updated.id,
            childId: updated.child_id,
            planId: updated.plan_id,
            date: updated.decision_date!,
            // A family member without an account is sent the letter itself, rights included (ADR 0053).
            facts: await reviewLetterFacts(ctx.trx, actor.laCode, updated.id),
          }),
      );
    },
  };
}
