/**
 * Direct payments under a decision (reg 6's agreement for one element), their monitoring reviews (reg 11), their
 * reductions and stops with notice and reasons (regs 12 and 14), and the family's one reconsideration of a reduction
 * or stop. The family is told of a reduction or stop and of the reconsideration's outcome.
 */
import type { Actor } from '../../platform/access/access.ts';
import { auditContext } from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { ChangeContext } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import { longDate } from '../../domain/calendar.ts';
import {
  agreementProblem,
  changeProblem,
  ELEMENT_LABELS,
  MINIMUM_NOTICE_DAYS,
  MONITORING_LABELS,
  monitoringProblem,
  nextMonitoringDue,
  paymentOn,
  reconsiderationProblem,
  type ChangeKind,
  type Element,
  type MonitoringOutcome,
  type ReconsiderationOutcome,
} from '../../domain/personal-budget/index.ts';
import { BudgetError, type BudgetsContext } from './service.ts';
import {
  insertAgreement,
  insertChange,
  insertReview,
  recordsOf,
  updateReconsideration,
  type AgreementRow,
  type RequestRow,
} from './store.ts';
import { changeFacts, pounds, type BudgetView } from './view.ts';

export interface AgreementInput {
  readonly element: Element;
  readonly recipient: string;
  readonly nominee?: string | undefined;
  readonly provision: string;
  readonly pence: number;
  readonly startOn: string;
  readonly onPremises: boolean;
  readonly settingName?: string | undefined;
  readonly settingAgreedOn?: string | undefined;
  readonly conditionsMet: boolean;
  readonly notForPlace: boolean;
}

export interface MonitoringInput {
  readonly agreementId: string;
  readonly reviewedOn: string;
  readonly outcome: MonitoringOutcome;
  readonly notes: string;
}

export interface ChangeInput {
  readonly agreementId: string;
  readonly kind: ChangeKind;
  readonly noticeOn: string;
  readonly effectiveOn: string;
  readonly reasons: string;
  readonly newPence?: number | undefined;
}

export interface ReconsiderationInput {
  readonly changeId: string;
  readonly reconsiderationRequestedOn: string;
  readonly reconsiderationDecidedOn?: string | undefined;
  readonly reconsiderationOutcome?: ReconsiderationOutcome | undefined;
}

async function agreementOf(ctx: ChangeContext, row: RequestRow, agreementId: string): Promise<AgreementRow> {
  const records = await recordsOf(ctx.trx, ctx.actor.laCode, [row.id]);
  const a = records.agreements.find((x) => x.id === agreementId);
  if (!a) throw new BudgetError('agreementId', 'Select the direct payment');
  return a;
}

/** Reg 6's conditions for an agreement under the latest decision (and the setting when on a school's premises). */
function checkAgreement(latest: NonNullable<BudgetView['latest']>, input: AgreementInput) {
  const problem = agreementProblem({
    element: input.element,
    decided: latest.elements.find((e) => e.element === input.element),
    decidedOn: latest.decided_on,
    recipient: input.recipient,
    pence: input.pence,
    startOn: input.startOn,
    onPremises: input.onPremises,
    settingAgreedOn: input.settingAgreedOn ?? null,
    conditionsMet: input.conditionsMet,
    notForPlace: input.notForPlace,
  });
  if (problem) throw new BudgetError(problem.field, problem.message);
  if (input.onPremises && !input.settingName?.trim())
    throw new BudgetError('settingName', 'Enter the school or college whose premises the support is on');
}

/** What a direct payment pays on the day notice is given (after earlier changes); refused when it has stopped. */
async function paymentAtNotice(
  ctx: ChangeContext,
  row: RequestRow,
  agreement: AgreementRow,
  noticeOn: string,
) {
  const records = await recordsOf(ctx.trx, ctx.actor.laCode, [row.id]);
  const changes = records.changes.filter((c) => c.agreement_id === agreement.id).map(changeFacts);
  const current = paymentOn({ pence: agreement.pence, startOn: agreement.start_on }, changes, noticeOn);
  if (current === null && agreement.start_on <= noticeOn)
    throw new BudgetError('agreementId', 'This direct payment has stopped');
  return current;
}

/** The reduction or stop to reconsider, refused when the family has had their one reconsideration. */
async function reconsiderable(ctx: ChangeContext, row: RequestRow, input: ReconsiderationInput) {
  const records = await recordsOf(ctx.trx, ctx.actor.laCode, [row.id]);
  const c = records.changes.find((x) => x.id === input.changeId);
  if (!c) throw new BudgetError('changeId', 'Select the reduction or stop');
  if (c.reconsideration_outcome)
    throw new BudgetError(
      'reconsiderationRequestedOn',
      'The family has already had the one reconsideration the regulations give',
    );
  const problem = reconsiderationProblem(
    {
      noticeOn: c.notice_on,
      alreadyRequested: false,
      requestedOn: input.reconsiderationRequestedOn,
      decidedOn: input.reconsiderationDecidedOn ?? null,
      outcome: input.reconsiderationOutcome ?? null,
    },
    ctx.today,
  );
  if (problem) throw new BudgetError(problem.field, problem.message);
  if (c.reconsideration_requested_on && c.reconsideration_requested_on !== input.reconsiderationRequestedOn)
    throw new BudgetError(
      'reconsiderationRequestedOn',
      `The family asked for the one reconsideration on ${longDate(c.reconsideration_requested_on)}`,
    );
  return c;
}

/** Agreeing, monitoring, reducing and stopping direct payments, and reconsidering a reduction or stop. */
export function directPaymentParts(s: BudgetsContext) {
  const { change, staffRequest, viewOf, event, tellFamily } = s;
  return {
    /** A direct payment agreement for one element the decision pays by direct payment (reg 6). */
    addAgreement: (actor: Actor, id: string, input: AgreementInput, formToken: string | undefined) =>
      change(actor, async (ctx) => {
        const row = await staffRequest(ctx, id);
        const view = await viewOf(ctx.trx, actor.laCode, row, ctx.today);
        const latest = view.latest;
        if (!latest) throw new BudgetError('element', 'Record the decision first');
        checkAgreement(latest, input);
        const result = await once(ctx, formToken, async () => {
          const agreementId = await insertAgreement(ctx.trx, actor.laCode, {
            decision_id: latest.id,
            element: input.element,
            recipient: input.recipient.trim(),
            nominee: input.nominee?.trim() || null,
            provision: input.provision.trim(),
            pence: input.pence,
            start_on: input.startOn,
            on_premises: input.onPremises,
            setting_name: input.onPremises ? (input.settingName?.trim() ?? null) : null,
            setting_agreed_on: input.onPremises ? (input.settingAgreedOn ?? null) : null,
            recordedBy: actor.userId,
          });
          await audit(ctx.trx, auditContext(actor), {
            action: 'personal-budget.direct-payment.create',
            recordType: 'dp_agreement',
            recordId: agreementId,
            childId: row.child_id,
            detail: { element: input.element, pence: input.pence, onPremises: input.onPremises },
          });
          const first = nextMonitoringDue(input.startOn, []);
          await event(
            ctx,
            row.child_id,
            'personal-budget.direct-payment',
            `Direct payment agreed for ${ELEMENT_LABELS[input.element].toLowerCase()}: ${pounds(input.pence)} a year from ${longDate(input.startOn)}; first review by ${longDate(first.date)}`,
            { requestId: row.id, agreementId },
          );
          return agreementId;
        });
        return result.resultId;
      }),

    /** A monitoring review of a direct payment (reg 11). */
    addMonitoring: (actor: Actor, id: string, input: MonitoringInput, formToken: string | undefined) =>
      change(actor, async (ctx) => {
        const row = await staffRequest(ctx, id);
        const agreement = await agreementOf(ctx, row, input.agreementId);
        const problem = monitoringProblem(
          {
            reviewedOn: input.reviewedOn,
            startOn: agreement.start_on,
            outcome: input.outcome,
            notes: input.notes,
          },
          ctx.today,
        );
        if (problem) throw new BudgetError(problem.field, problem.message);
        const result = await once(ctx, formToken, async () => {
          const reviewId = await insertReview(ctx.trx, actor.laCode, {
            agreement_id: agreement.id,
            reviewed_on: input.reviewedOn,
            outcome: input.outcome,
            notes: input.notes.trim(),
            recordedBy: actor.userId,
          });
          await audit(ctx.trx, auditContext(actor), {
            action: 'personal-budget.monitoring.create',
            recordType: 'dp_review',
            recordId: reviewId,
            childId: row.child_id,
            detail: { agreementId: agreement.id, outcome: input.outcome },
          });
          await event(
            ctx,
            row.child_id,
            'personal-budget.monitoring',
            `Direct payment reviewed on ${longDate(input.reviewedOn)}: ${MONITORING_LABELS[input.outcome].toLowerCase()}`,
            { requestId: row.id, agreementId: agreement.id },
          );
          return reviewId;
        });
        return result.resultId;
      }),

    /** A reduction or stop of a direct payment, with notice and reasons (regs 12 and 14); the family is told. */
    addChange: (actor: Actor, id: string, input: ChangeInput, formToken: string | undefined) =>
      change(actor, async (ctx) => {
        const row = await staffRequest(ctx, id);
        const agreement = await agreementOf(ctx, row, input.agreementId);
        const current = await paymentAtNotice(ctx, row, agreement, input.noticeOn);
        const problem = changeProblem(
          {
            kind: input.kind,
            noticeOn: input.noticeOn,
            effectiveOn: input.effectiveOn,
            reasons: input.reasons,
            newPence: input.newPence ?? null,
            currentPence: current ?? agreement.pence,
            startOn: agreement.start_on,
          },
          ctx.today,
        );
        if (problem) throw new BudgetError(problem.field, problem.message);
        const result = await once(ctx, formToken, async () => {
          const changeId = await insertChange(ctx.trx, actor.laCode, {
            agreement_id: agreement.id,
            kind: input.kind,
            notice_on: input.noticeOn,
            effective_on: input.effectiveOn,
            reasons: input.reasons.trim(),
            new_pence: input.kind === 'reduce' ? (input.newPence ?? null) : null,
            reconsideration_requested_on: null,
            reconsideration_decided_on: null,
            reconsideration_outcome: null,
            recordedBy: actor.userId,
          });
          await audit(ctx.trx, auditContext(actor), {
            action: 'personal-budget.change.create',
            recordType: 'dp_change',
            recordId: changeId,
            childId: row.child_id,
            detail: { agreementId: agreement.id, kind: input.kind, effectiveOn: input.effectiveOn },
          });
          const what = input.kind === 'stop' ? 'stop' : `reduce to ${pounds(input.newPence ?? null)} a year`;
          await event(
            ctx,
            row.child_id,
            'personal-budget.change',
            `Notice given on ${longDate(input.noticeOn)} to ${what} the direct payment from ${longDate(input.effectiveOn)}`,
            { requestId: row.id, agreementId: agreement.id, changeId },
          );
          await tellFamily(ctx, row.child_id, 'personal-budget-change', {
            what,
            effective: longDate(input.effectiveOn),
            reasons: input.reasons.trim(),
            days: String(MINIMUM_NOTICE_DAYS),
          });
          return changeId;
        });
        return result.resultId;
      }),

    /** The family's one reconsideration of a reduction or stop: asked for, then confirmed or withdrawn. */
    saveReconsideration: (actor: Actor, id: string, input: ReconsiderationInput) =>
      change(actor, async (ctx) => {
        const row = await staffRequest(ctx, id);
        const c = await reconsiderable(ctx, row, input);
        await updateReconsideration(ctx.trx, actor.laCode, c.id, {
          reconsideration_requested_on: input.reconsiderationRequestedOn,
          reconsideration_decided_on: input.reconsiderationDecidedOn ?? null,
          reconsideration_outcome: input.reconsiderationOutcome ?? null,
        });
        await audit(ctx.trx, auditContext(actor), {
          action: 'personal-budget.reconsideration.update',
          recordType: 'dp_change',
          recordId: c.id,
          childId: row.child_id,
          detail: { outcome: input.reconsiderationOutcome ?? null },
        });
        if (!c.reconsideration_requested_on)
          await event(
            ctx,
            row.child_id,
            'personal-budget.reconsideration-asked',
            `The family asked on ${longDate(input.reconsiderationRequestedOn)} for the ${c.kind === 'stop' ? 'stop' : 'reduction'} of the direct payment to be reconsidered`,
            { requestId: row.id, changeId: c.id },
          );
        if (input.reconsiderationOutcome) {
          const outcome =
            input.reconsiderationOutcome === 'confirmed'
              ? `the ${c.kind === 'stop' ? 'stop' : 'reduction'} stands`
              : `the ${c.kind === 'stop' ? 'stop' : 'reduction'} is withdrawn`;
          await event(
            ctx,
            row.child_id,
            'personal-budget.reconsidered',
            `Reconsidered on ${longDate(input.reconsiderationDecidedOn!)}: ${outcome}`,
            { requestId: row.id, changeId: c.id },
          );
          await tellFamily(ctx, row.child_id, 'personal-budget-reconsidered', {
            decided: longDate(input.reconsiderationDecidedOn!),
            outcome,
          });
        }
      }),
  };
}
