/**
 * The council's decision on a request (the amount per element and how each is held; a refusal in whole or part with
 * its reasons) and the review of a refusal (reg 7). The family is told the decision and the review's outcome.
 */
import type { Actor } from '../../platform/access/access.ts';
import { auditContext } from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { once } from '../../platform/change/once.ts';
import { longDate } from '../../domain/calendar.ts';
import {
  ARRANGEMENT_LABELS,
  decisionProblem,
  ELEMENT_LABELS,
  refusalReviewProblem,
  refusesSomething,
  totalPence,
  type ElementDecision,
  type ReviewOutcome,
} from '../../domain/personal-budget/index.ts';
import { BudgetError, type BudgetsContext } from './service.ts';
import { decisionColumns, insertDecision, updateDecisionReview } from './store.ts';
import { pounds } from './view.ts';

export interface DecisionInput {
  readonly decidedOn: string;
  readonly elements: readonly ElementDecision[];
  readonly reasons?: string | undefined;
}

export interface RefusalReviewInput {
  readonly reviewRequestedOn: string;
  readonly reviewedOn?: string | undefined;
  readonly reviewOutcome?: ReviewOutcome | undefined;
  readonly reviewNotes?: string | undefined;
}

/** What a decision agrees, in words for the history and the family: each element's amount and how it is held. */
function agreedAmounts(elements: readonly ElementDecision[]) {
  const agreed = elements.filter((e) => e.pence && e.arrangement);
  return agreed
    .map(
      (e) =>
        `${ELEMENT_LABELS[e.element]}: ${pounds(e.pence)} a year, ${ARRANGEMENT_LABELS[e.arrangement!].split(' (')[0]!.toLowerCase()}`,
    )
    .join('; ');
}

/** Deciding a request and reviewing a refusal. */
export function decisionParts(s: BudgetsContext) {
  const { change, staffRequest, viewOf, event, tellFamily } = s;
  return {
    /** The decision: the amount per element and how each is held; a refusal in whole or part with reasons. */
    decide: (actor: Actor, id: string, input: DecisionInput, formToken: string | undefined) =>
      change(actor, async (ctx) => {
        const row = await staffRequest(ctx, id);
        const view = await viewOf(ctx.trx, actor.laCode, row, ctx.today);
        const facts = {
          decidedOn: input.decidedOn,
          requestedOn: row.requested_on,
          requested: view.requested,
          wantsDirectPayment: row.wants_direct_payment,
          elements: input.elements,
          reasons: input.reasons ?? null,
        };
        const result = await once(ctx, formToken, async () => {
          if (!view.mayDecide)
            throw new BudgetError(
              'decidedOn',
              'This request is decided: a new decision can follow only a review that changed a refusal',
            );
          if (view.latest && input.decidedOn < (view.latest.reviewed_on ?? view.latest.decided_on))
            throw new BudgetError('decidedOn', 'The new decision must be on or after the review');
          const problem = decisionProblem(facts, ctx.today);
          if (problem) throw new BudgetError(problem.field, problem.message);
          const refuses = refusesSomething(facts);
          const decisionId = await insertDecision(ctx.trx, actor.laCode, {
            request_id: row.id,
            decided_on: input.decidedOn,
            ...decisionColumns(input.elements),
            refuses,
            reasons: input.reasons?.trim() || null,
            review_requested_on: null,
            reviewed_on: null,
            review_outcome: null,
            review_notes: null,
            recordedBy: actor.userId,
          });
          await audit(ctx.trx, auditContext(actor), {
            action: 'personal-budget.decision.create',
            recordType: 'pb_decision',
            recordId: decisionId,
            childId: row.child_id,
            detail: { requestId: row.id, refuses, total: totalPence(input.elements) },
          });
          const amounts = agreedAmounts(input.elements);
          await event(
            ctx,
            row.child_id,
            'personal-budget.decision',
            `Personal budget decided on ${longDate(input.decidedOn)}: ${amounts || 'nothing agreed'}${refuses ? ' (refused in part or whole, with reasons)' : ''}`,
            { requestId: row.id, decisionId },
          );
          await tellFamily(
            ctx,
            row.child_id,
            refuses ? 'personal-budget-refused' : 'personal-budget-agreed',
            {
              decided: longDate(input.decidedOn),
              amounts: amounts || 'No personal budget was agreed.',
              reasons: input.reasons?.trim() ?? '',
            },
          );
          return decisionId;
        });
        return result.resultId;
      }),

    /** The review of a refusal (reg 7): asked for, then decided (upheld, or changed: a new decision follows). */
    saveRefusalReview: (actor: Actor, id: string, input: RefusalReviewInput) =>
      change(actor, async (ctx) => {
        const row = await staffRequest(ctx, id);
        const view = await viewOf(ctx.trx, actor.laCode, row, ctx.today);
        const latest = view.latest;
        if (!latest || !latest.refuses)
          throw new BudgetError('reviewRequestedOn', 'Only a refusal can be reviewed');
        if (latest.review_outcome)
          throw new BudgetError('reviewRequestedOn', 'This refusal has been reviewed already');
        const problem = refusalReviewProblem(
          {
            decidedOn: latest.decided_on,
            requestedOn: input.reviewRequestedOn,
            reviewedOn: input.reviewedOn ?? null,
            outcome: input.reviewOutcome ?? null,
          },
          ctx.today,
        );
        if (problem) throw new BudgetError(problem.field, problem.message);
        await updateDecisionReview(ctx.trx, actor.laCode, latest.id, {
          review_requested_on: input.reviewRequestedOn,
          reviewed_on: input.reviewedOn ?? null,
          review_outcome: input.reviewOutcome ?? null,
          review_notes: input.reviewNotes ?? null,
        });
        await audit(ctx.trx, auditContext(actor), {
          action: 'personal-budget.refusal-review.update',
          recordType: 'pb_decision',
          recordId: latest.id,
          childId: row.child_id,
          detail: { outcome: input.reviewOutcome ?? null },
        });
        if (!latest.review_requested_on)
          await event(
            ctx,
            row.child_id,
            'personal-budget.review-asked',
            `The family asked on ${longDate(input.reviewRequestedOn)} for the refusal of a personal budget to be reviewed`,
            { requestId: row.id },
          );
        if (input.reviewOutcome) {
          await event(
            ctx,
            row.child_id,
            'personal-budget.reviewed',
            `Refusal of a personal budget reviewed on ${longDate(input.reviewedOn!)}: ${input.reviewOutcome === 'upheld' ? 'upheld' : 'changed (a new decision follows)'}`,
            { requestId: row.id },
          );
          await tellFamily(ctx, row.child_id, 'personal-budget-reviewed', {
            reviewed: longDate(input.reviewedOn!),
            outcome:
              input.reviewOutcome === 'upheld'
                ? 'The council has kept its decision.'
                : 'The council has changed its decision and will tell you the new one.',
          });
        }
      }),
  };
}
