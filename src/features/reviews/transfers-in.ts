/**
 * A plan transferred in from another council (S11 inbound; docs/reviews.md): the date the old council transferred it,
 * which council, when the family was told and whether the council proposes to reassess, checked, audited, the plan's
 * schedule refreshed (its next review counts the 3 months from the transfer) and the notice's letter sent, in one
 * transaction. Caseworkers and team managers only.
 */
import { auditContext, authoriseChildRead, requireRole, type Actor } from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { withChange, type ChangeContext } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import type { FieldError } from '../../domain/review/index.ts';
import { sendPlanLetter } from '../notices/index.ts';
import { transferInLetterFacts } from './letters.ts';
import { refreshReviewSchedules } from './schedule.ts';
import { finalPlan, REVIEW_EDITORS, ReviewFormError } from './service.ts';
import { saveTransferIn, transfersIn } from './store.ts';

/** What the council says of a transfer in. */
export interface TransferInInput {
  readonly transferredOn: string | null;
  readonly fromAuthority: string | null;
  readonly noticeSent: string | null;
  /** Whether the council proposes to carry out a new EHC needs assessment; needed once the family is told. */
  readonly proposesReassessment: boolean | null;
}

/** The form's errors, if any (the dates not in the future, the family told on or after the transfer, reg 15(4)). */
function transferInErrors(input: TransferInInput, from: string, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.transferredOn) {
    errors.push({
      field: 'transferredOn',
      message: 'Enter the date the old council transferred the plan',
    });
  } else if (input.transferredOn > today) {
    errors.push({
      field: 'transferredOn',
      message: 'The date the plan was transferred must be today or in the past',
    });
  }
  if (!from) errors.push({ field: 'fromAuthority', message: 'Enter the council the plan came from' });
  else if (from.length > 200)
    errors.push({
      field: 'fromAuthority',
      message: 'The council’s name must be 200 characters or fewer',
    });
  if (input.noticeSent && input.transferredOn && input.noticeSent < input.transferredOn) {
    errors.push({
      field: 'noticeSent',
      message: 'The family cannot be told before the plan was transferred',
    });
  } else if (input.noticeSent && input.noticeSent > today) {
    errors.push({
      field: 'noticeSent',
      message: 'The date the family was told must be today or in the past',
    });
  }
  // the notice must say whether the council proposes to reassess (reg 15(4)), so it is recorded with the day told
  if (input.noticeSent && input.proposesReassessment === null) {
    errors.push({
      field: 'proposesReassessment',
      message:
        'Select whether the council proposes to carry out a new EHC needs assessment: the notice to the family must say so',
    });
  }
  return errors;
}

export function createTransfersIn(deps: ServiceDeps) {
  const change = <T>(actor: Actor, fn: (ctx: ChangeContext) => Promise<T>) => withChange(deps, actor, fn);

  return {
    /**
     * Records that the plan was transferred in from another authority (S11): the date the old authority transferred
     * it (reg 15(2)), which authority, and when the family was told (reg 15(4)). The next review then counts the 3
     * months from the transfer (reg 15(5)).
     */
    async recordTransferIn(
      actor: Actor,
      planId: string,
      input: TransferInInput & { formToken: string | undefined },
    ) {
      requireRole(actor, REVIEW_EDITORS, 'review.transfer-in');
      return change(actor, async (ctx) => {
        const plan = await finalPlan(ctx.trx, actor, planId);
        await authoriseChildRead(ctx.trx, actor, plan.childId, 'review.transfer-in');
        await once(ctx, input.formToken, async () => {
          const from = (input.fromAuthority ?? '').trim();
          const errors = transferInErrors(input, from, ctx.today);
          if (errors.length > 0) throw new ReviewFormError(errors);
          const before = (await transfersIn(ctx.trx, actor.laCode, [plan.id])).get(plan.id);
          await saveTransferIn(ctx.trx, {
            la_code: actor.laCode,
            plan_id: plan.id,
            child_id: plan.childId,
            transferred_on: input.transferredOn!,
            from_authority: from,
            notice_sent: input.noticeSent,
            proposes_reassessment: input.proposesReassessment,
            recorded_by: actor.userId,
          });
          await audit(ctx.trx, auditContext(actor), {
            action: 'review.transfer-in',
            recordType: 'ehc_plan',
            recordId: plan.id,
            childId: plan.childId,
            detail: {
              transferredOn: input.transferredOn,
              noticeSent: input.noticeSent,
              proposesReassessment: input.proposesReassessment,
            },
          });
          await refreshReviewSchedules(ctx.trx, actor.laCode, ctx.today, [plan.id]);
          // The notice to the family (reg 15(4)): its letter, once the day they were told is recorded.
          if (
            input.noticeSent &&
            (before?.notice_sent !== input.noticeSent ||
              before.proposes_reassessment !== input.proposesReassessment)
          )
            await sendPlanLetter(ctx, {
              kind: 'transfer-in',
              recordId: plan.id,
              childId: plan.childId,
              planId: plan.id,
              date: input.noticeSent,
              // A family member without an account is sent the notice itself (ADR 0053).
              facts: await transferInLetterFacts(ctx.trx, actor.laCode, plan.id),
            });
          return plan.id;
        });
      });
    },
  };
}
