/**
 * The ceasing service (issue 12 items 4 and 5; docs/ceasing.md, ADR 0018): stopping a plan (S9) and transferring it
 * to another authority (S11 outbound). The rules are src/domain/review's (`checkCeaseDecision`, `cessationState`,
 * `transferOutStatus`, over the clock's `ceaseDates` and `transferOutSendBy`); the plan, the child and the reviews
 * are read through their owners. A plan stays in force while the family can appeal a decision to cease it and while
 * an appeal goes on; when it ends for this authority (ceased on the clock's `ceasesOn`, or sent to the new authority)
 * the child's plan status becomes `ceased` (the core records), which takes it off the review schedule, and the SEN2
 * return reads the day and the reason code through `cessationsForReturns`. That change is made by
 * `applyPlanEndings`: in the transaction of every change here, by the daily job and by the demo.
 *
 * Access: casework staff (caseworker, team manager, SEND leader) read; caseworkers and team managers change; everyone
 * else is refused (403, audited by the platform); a plan of another authority, or not final, answers 404. Every
 * change is one transaction with an audit entry and a line in the child's history.
 */
import {
  auditContext,
  authoriseChildRead,
  CASEWORK_ROLES,
  isUuid,
  requireRole,
  type Actor,
} from '../../platform/access/access.ts';
import { audit, type AuditContext, type Executor } from '../../platform/audit/audit.ts';
import { withChange, type ChangeContext } from '../../platform/change/change.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { authoritySettings } from '../../platform/people/authority-settings.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { childrenForReviews, setPlanEnded, settingsOf } from '../../platform/people/children.ts';
import { childNames } from '../../platform/people/organisations.ts';
import { FieldError as FormFieldError } from '../../platform/web/forms.ts';
import { longDate } from '../../domain/calendar.ts';
import { buildRightsBlock, type RightsBlock } from '../../domain/rights/rights.ts';
import {
  CEASE_GROUND_INFO,
  checkCeaseDecision,
  checkCessationAppeal,
  checkCessationStart,
  checkConsultation,
  checkTransferOut,
  cessationOpen,
  cessationState,
  transferOutStatus,
  TRANSFERRED_SEN2_REASON,
  type CeaseDates,
  type CessationState,
  type FieldError,
  type RuleDate,
} from '../../domain/review/index.ts';
import type { Status } from '../../domain/clock/types.ts';
import { sendPlanLetter } from '../notices/index.ts';
import { cessationLetterFacts, consideringLetterFacts } from './letters.ts';
import { plansForReviews, type PlanForReviews } from '../plans/index.ts';
import { recordReviewCeased, refreshReviewSchedules, reviewsAwaitingDecision } from '../reviews/index.ts';
import {
  cessationById,
  cessationsOf,
  decidedToCease,
  insertCessation,
  saveTransferOut,
  setTransferLeft,
  transfersOut,
  updateCessation,
  type CessationRow,
  type TransferOutRow,
} from './store.ts';

export const CEASING_READERS: readonly Role[] = CASEWORK_ROLES;
export const CEASING_EDITORS: readonly Role[] = ['caseworker', 'team-manager'];

/** A rule refused the change: the GOV.UK error summary, every message against its field, the input kept. */
export class CeasingFormError extends FormFieldError {
  readonly errors: readonly FieldError[];
  constructor(errors: readonly FieldError[]) {
    super(errors[0]?.field ?? 'form', errors.map((e) => e.message).join('; '));
    this.errors = errors;
  }
}

const refuse = (errors: readonly FieldError[]) => {
  if (errors.length > 0) throw new CeasingFormError(errors);
};

export interface CessationView {
  readonly row: CessationRow;
  readonly state: CessationState;
  readonly dates: CeaseDates | null;
  readonly ceasedOn: string | null;
  readonly groundLabel: string | null;
  /** The family's rights, as a decision to cease gives them (regs 31(3), 32). */
  readonly rights: RightsBlock | null;
}

export interface TransferOutView {
  readonly row: TransferOutRow;
  readonly sendBy: RuleDate & { knewInTime: boolean };
  readonly status: Status;
  readonly daysLate: number;
}

export interface PlanEnding {
  readonly planId: string;
  readonly childId: string;
  readonly childName: string;
  readonly dateOfBirth: string;
  readonly planStatus: 'none' | 'assessment' | 'plan' | 'ceased';
  /** The school or college the plan names (else the child's current one): its head is consulted (reg 31(1)(b)). */
  readonly institution: { readonly id: string; readonly name: string } | null;
  readonly cessations: readonly CessationView[];
  /** The procedure still going on (considering, or decided and in force), if any. */
  readonly open: CessationView | null;
  readonly transferOut: TransferOutView | null;
  /** Reviews held and waiting for their decision: a procedure may come from one. */
  readonly reviewsAwaitingDecision: ReadonlyArray<{ id: string; number: number; held: string }>;
}

function viewOf(
  row: CessationRow,
  today: string,
  childName: string,
  contacts: Parameters<typeof buildRightsBlock>[0]['contacts'] | null,
): CessationView {
  const { state, dates, ceasedOn } = cessationState(
    {
      decision: row.decision,
      decisionDate: row.decision_date,
      appealRegistered: row.appeal_registered,
      appealEnded: row.appeal_ended,
      appealOutcome: row.appeal_outcome,
    },
    today,
  );
  return {
    row,
    state,
    dates,
    ceasedOn,
    groundLabel: row.ground ? CEASE_GROUND_INFO[row.ground].label : null,
    rights:
      row.decision === 'cease' && row.decision_date && contacts
        ? buildRightsBlock({ kind: 'to-cease', decisionSent: row.decision_date, childName, contacts })
        : null,
  };
}

function transferView(row: TransferOutRow, today: string): TransferOutView {
  return {
    row,
    ...transferOutStatus({ learnedOn: row.learned_on, moveDate: row.move_date, sentOn: row.sent_on }, today),
  };
}

/**
 * Makes the child's plan status follow the procedures and transfers on record, as of `today`, in the caller's
 * transaction: a decision to cease whose `ceasesOn` has come (the appeal window closed with no appeal, or the appeal
 * dismissed or withdrawn) ceases the plan; a plan sent to another authority has left; a decision overturned after it
 * was applied restores the plan. Each change is audited (`ceasing.plan-ended`, `ceasing.plan-restored`) and written
 * to the child's history, and the plan's review schedule is refreshed. Returns the plans changed.
 */
export async function applyPlanEndings(
  trx: Executor,
  who: AuditContext,
  today: string,
  planIds?: readonly string[],
  /** The moment each change is dated (the demo's, so its rows are the same on every seeding); default now. */
  at?: (day: string) => Date,
): Promise<string[]> {
  const laCode = who.laCode;
  const changed: string[] = [];
  const moment = (day: string) => (at ? at(day) : new Date());
  const event = (
    day: string,
    childId: string,
    kind: string,
    summary: string,
    detail: Record<string, unknown>,
  ) =>
    recordCaseEvent(
      { trx, actor: { laCode, userId: who.userId } },
      { childId, kind, summary, detail, ...(at ? { at: at(day) } : {}) },
    );
  const cessations = (await decidedToCease(trx, laCode)).filter(
    (c) => !planIds || planIds.includes(c.plan_id),
  );
  for (const c of cessations) {
    const { state, ceasedOn } = cessationState(
      {
        decision: c.decision,
        decisionDate: c.decision_date,
        appealRegistered: c.appeal_registered,
        appealEnded: c.appeal_ended,
        appealOutcome: c.appeal_outcome,
      },
      today,
    );
    if (state === 'ceased' && c.ceased_on === null && ceasedOn) {
      await updateCessation(trx, laCode, c.id, { ceased_on: ceasedOn });
      await setPlanEnded(trx, laCode, c.child_id, true, moment(ceasedOn));
      await audit(trx, who, {
        action: 'ceasing.plan-ended',
        recordType: 'plan_cessation',
        recordId: c.id,
        childId: c.child_id,
        detail: { planId: c.plan_id, ceasedOn, reason: c.sen2_reason },
      });
      // `on`: the day it took effect, which a past day's figures read (src/platform/people/plan-ended.ts).
      await event(ceasedOn, c.child_id, 'plan.ceased', `The plan stopped on ${longDate(ceasedOn)}.`, {
        planId: c.plan_id,
        on: ceasedOn,
      });
      changed.push(c.plan_id);
    } else if (state !== 'ceased' && c.ceased_on !== null) {
      await updateCessation(trx, laCode, c.id, { ceased_on: null });
      await setPlanEnded(trx, laCode, c.child_id, false, moment(today));
      await audit(trx, who, {
        action: 'ceasing.plan-restored',
        recordType: 'plan_cessation',
        recordId: c.id,
        childId: c.child_id,
        detail: { planId: c.plan_id, state },
      });
      await event(
        today,
        c.child_id,
        'plan.restored',
        'The decision to stop the plan was overturned: the plan continues.',
        { planId: c.plan_id },
      );
      changed.push(c.plan_id);
    }
  }
  for (const t of await transfersOut(trx, laCode, planIds)) {
    if (t.sent_on === null || t.sent_on > today || t.left_on !== null) continue;
    await setTransferLeft(trx, laCode, t.plan_id, t.sent_on);
    await setPlanEnded(trx, laCode, t.child_id, true, moment(t.sent_on));
    await audit(trx, who, {
      action: 'ceasing.plan-transferred',
      recordType: 'plan_transfer_out',
      recordId: t.plan_id,
      childId: t.child_id,
      detail: { planId: t.plan_id, sentOn: t.sent_on, toAuthorityCode: t.to_authority_code },
    });
    await event(
      t.sent_on,
      t.child_id,
      'plan.transferred-out',
      `The plan was sent to ${t.to_authority} on ${longDate(t.sent_on)}: that council maintains it now.`,
      { planId: t.plan_id, on: t.sent_on },
    );
    changed.push(t.plan_id);
  }
  if (changed.length > 0) await refreshReviewSchedules(trx, laCode, today, changed);
  return changed;
}

/** A plan's end as the SEN2 return reads it (module 4a): the day it ceased and the reason code. */
export interface CessationForReturns {
  readonly childId: string;
  readonly planId: string;
  readonly ceasedOn: string;
  readonly reason: string;
}

/**
 * Every plan of the authority that has ended for it, by child: ceased (the day the plan stopped, the ground's code)
 * or transferred to another English authority (the day it was sent, code 5). Read from the records, as of the dates
 * on them, so the return does not wait for the daily job.
 */
export async function cessationsForReturns(
  db: Executor,
  laCode: string,
  asOf: string,
): Promise<Map<string, CessationForReturns>> {
  const out = new Map<string, CessationForReturns>();
  for (const c of await decidedToCease(db, laCode)) {
    const { ceasedOn } = cessationState(
      {
        decision: c.decision,
        decisionDate: c.decision_date,
        appealRegistered: c.appeal_registered,
        appealEnded: c.appeal_ended,
        appealOutcome: c.appeal_outcome,
      },
      asOf,
    );
    if (ceasedOn && c.sen2_reason) {
      out.set(c.child_id, { childId: c.child_id, planId: c.plan_id, ceasedOn, reason: c.sen2_reason });
    }
  }
  for (const t of await transfersOut(db, laCode)) {
    if (t.sent_on && t.sent_on <= asOf) {
      out.set(t.child_id, {
        childId: t.child_id,
        planId: t.plan_id,
        ceasedOn: t.sent_on,
        reason: TRANSFERRED_SEN2_REASON,
      });
    }
  }
  return out;
}

/** The school or college consulted and told (reg 31): the one the plan names, else the child's current one. */
export async function institutionOfPlan(db: Executor, laCode: string, plan: PlanForReviews) {
  const settings = await settingsOf(db, laCode, plan.childId);
  const named = plan.placementSettingId
    ? settings.find((s) => s.setting_id === plan.placementSettingId)
    : settings.find((s) => s.end_date === null);
  return named ? { id: named.setting_id, name: named.name } : null;
}

export function createCeasingService(deps: ServiceDeps) {
  const change = <T>(actor: Actor, fn: (ctx: ChangeContext) => Promise<T>) => withChange(deps, actor, fn);

  async function finalPlan(db: Executor, actor: Actor, planId: string): Promise<PlanForReviews> {
    if (!isUuid(planId)) throw new NotFoundError();
    const [plan] = await plansForReviews(db, actor.laCode, [planId]);
    if (!plan) throw new NotFoundError();
    return plan;
  }

  async function cessationOrNotFound(db: Executor, actor: Actor, id: string): Promise<CessationRow> {
    if (!isUuid(id)) throw new NotFoundError();
    const row = await cessationById(db, actor.laCode, id);
    if (!row) throw new NotFoundError();
    return row;
  }

  const institutionOf = institutionOfPlan;

  /** One procedure's change: checked, written, audited, in the child's history, the plan's ending applied. */
  async function step(
    actor: Actor,
    cessationId: string,
    action: string,
    fn: (ctx: ChangeContext, row: CessationRow, plan: PlanForReviews) => Promise<{ summary: string }>,
  ): Promise<void> {
    requireRole(actor, CEASING_EDITORS, action);
    await change(actor, async (ctx) => {
      const row = await cessationOrNotFound(ctx.trx, actor, cessationId);
      await authoriseChildRead(ctx.trx, actor, row.child_id, action);
      const plan = await finalPlan(ctx.trx, actor, row.plan_id);
      const { summary } = await fn(ctx, row, plan);
      await audit(ctx.trx, auditContext(actor), {
        action,
        recordType: 'plan_cessation',
        recordId: row.id,
        childId: row.child_id,
        detail: { planId: row.plan_id },
      });
      await recordCaseEvent(ctx, {
        childId: row.child_id,
        kind: action,
        summary,
        detail: { planId: row.plan_id, cessationId: row.id },
      });
      await applyPlanEndings(ctx.trx, auditContext(actor), ctx.today, [row.plan_id]);
    });
  }

  return {
    /** The cessation that a step's form belongs to, for its page (404 when there is none). */
    async planOfCessation(actor: Actor, cessationId: string): Promise<string> {
      requireRole(actor, CEASING_EDITORS, 'ceasing.step');
      return (await cessationOrNotFound(deps.db, actor, cessationId)).plan_id;
    },

    /** The plan's procedures (with their states, dates and the family's rights) and its transfer out. */
    async planEnding(actor: Actor, planId: string): Promise<PlanEnding> {
      requireRole(actor, CEASING_READERS, 'ceasing.plan');
      const plan = await finalPlan(deps.db, actor, planId);
      await authoriseChildRead(deps.db, actor, plan.childId, 'ceasing.read');
      const today = deps.today();
      const rows = await cessationsOf(deps.db, actor.laCode, [plan.id]);
      const [child] = (await childrenForReviews(deps.db, actor.laCode, [plan.childId])).values();
      const name = (await childNames(deps.db, actor.laCode, [plan.childId])).get(plan.childId);
      const contacts = rows.some((r) => r.decision === 'cease')
        ? await authoritySettings(deps.db, actor.laCode)
        : null;
      const cessations = rows.map((r) => viewOf(r, today, name?.given_name ?? 'your child', contacts));
      const [transfer] = await transfersOut(deps.db, actor.laCode, [plan.id]);
      return {
        planId: plan.id,
        childId: plan.childId,
        childName: name ? `${name.given_name} ${name.family_name}` : 'Unknown',
        dateOfBirth: child?.dateOfBirth ?? '',
        planStatus: child?.planStatus ?? 'plan',
        institution: await institutionOf(deps.db, actor.laCode, plan),
        cessations,
        open: cessations.find((c) => cessationOpen(c.state)) ?? null,
        transferOut: transfer ? transferView(transfer, today) : null,
        reviewsAwaitingDecision: await reviewsAwaitingDecision(deps.db, actor.laCode, plan.id),
      };
    },

    /** Starts considering whether to cease the plan (S9 `considering`), from a review or otherwise. */
    async start(
      actor: Actor,
      planId: string,
      input: { startedOn: string | null; reason: string | null; reviewId: string | null },
    ): Promise<CessationRow> {
      requireRole(actor, CEASING_EDITORS, 'ceasing.start');
      return change(actor, async (ctx) => {
        const plan = await finalPlan(ctx.trx, actor, planId);
        await authoriseChildRead(ctx.trx, actor, plan.childId, 'ceasing.start');
        const errors = checkCessationStart(input, ctx.today);
        const existing = await cessationsOf(ctx.trx, actor.laCode, [plan.id]);
        const open = existing.some((r) =>
          cessationOpen(
            cessationState(
              {
                decision: r.decision,
                decisionDate: r.decision_date,
                appealRegistered: r.appeal_registered,
                appealEnded: r.appeal_ended,
                appealOutcome: r.appeal_outcome,
              },
              ctx.today,
            ).state,
          ),
        );
        if (open)
          errors.unshift({ field: 'reason', message: 'This plan already has a ceasing procedure going on' });
        const [child] = (await childrenForReviews(ctx.trx, actor.laCode, [plan.childId])).values();
        if (child?.planStatus === 'ceased')
          errors.unshift({ field: 'reason', message: 'This plan has already stopped' });
        let reviewId: string | null = null;
        if (input.reviewId) {
          const waiting = await reviewsAwaitingDecision(ctx.trx, actor.laCode, plan.id);
          if (!waiting.some((r) => r.id === input.reviewId))
            errors.push({
              field: 'reviewId',
              message: 'Select a review of this plan that is waiting for its decision',
            });
          else reviewId = input.reviewId;
        }
        refuse(errors);
        const row = await insertCessation(ctx.trx, {
          la_code: actor.laCode,
          plan_id: plan.id,
          child_id: plan.childId,
          review_id: reviewId,
          started_on: input.startedOn!,
          reason: input.reason!.trim(),
          created_by: actor.userId,
        });
        await audit(ctx.trx, auditContext(actor), {
          action: 'ceasing.start',
          recordType: 'plan_cessation',
          recordId: row.id,
          childId: plan.childId,
          detail: { planId: plan.id, reviewId, startedOn: row.started_on },
        });
        await recordCaseEvent(ctx, {
          childId: plan.childId,
          kind: 'ceasing.start',
          summary: `The council started considering whether to stop the plan on ${longDate(row.started_on)}.`,
          detail: { planId: plan.id, cessationId: row.id },
        });
        // Reg 31(1): the family is told and asked, and the head of the institution consulted, by letter.
        const institution = await institutionOf(ctx.trx, actor.laCode, plan);
        await sendPlanLetter(ctx, {
          kind: 'considering-cease',
          recordId: row.id,
          childId: row.child_id,
          planId: row.plan_id,
          date: row.started_on,
          namedSettingId: institution?.id ?? null,
          // The letter's facts: a family member without an account is sent the letter itself (ADR 0053).
          facts: await consideringLetterFacts(ctx.trx, actor.laCode, row.id),
        });
        return row;
      });
    },

    /** The consultation of reg 31(1): the family and the head or principal of the named institution, with responses. */
    consult(
      actor: Actor,
      cessationId: string,
      input: {
        familyConsulted: string | null;
        familyResponse: string | null;
        institutionConsulted: string | null;
        institutionResponse: string | null;
      },
    ): Promise<void> {
      return step(actor, cessationId, 'ceasing.consult', async (ctx, row) => {
        const errors: FieldError[] =
          row.decision !== null
            ? [
                {
                  field: 'familyConsulted',
                  message: 'The decision has been made: the consultation can no longer change',
                },
              ]
            : checkConsultation({ ...input, startedOn: row.started_on }, ctx.today);
        refuse(errors);
        const text = (v: string | null) => (v && v.trim() ? v.trim() : null);
        await updateCessation(ctx.trx, actor.laCode, row.id, {
          family_consulted: input.familyConsulted ?? row.family_consulted,
          family_response: text(input.familyResponse) ?? row.family_response,
          institution_consulted: input.institutionConsulted ?? row.institution_consulted,
          institution_response: text(input.institutionResponse) ?? row.institution_response,
        });
        return { summary: 'The council recorded its consultation about stopping the plan.' };
      });
    },

    /**
     * The decision: to cease (checked by `checkCeaseDecision`: the ground and its SEN2 code, reg 29 for an under-18,
     * reg 30 for an 18+ who left education, the consultation of reg 31(1) on record first) or not to cease, with the
     * reasons. A procedure that came from a review decides that review too (ADR 0018).
     */
    decide(
      actor: Actor,
      cessationId: string,
      input: {
        outcome: string | null;
        decisionDate: string | null;
        ground: string | null;
        reviewEstablishingNoReturn: string | null;
        reasons: string | null;
      },
    ): Promise<void> {
      return step(actor, cessationId, 'ceasing.decide', async (ctx, row, plan) => {
        const errors: FieldError[] = [];
        if (row.decision !== null)
          errors.push({ field: 'outcome', message: 'The decision has already been recorded' });
        if (input.outcome !== 'cease' && input.outcome !== 'not-cease')
          errors.push({ field: 'outcome', message: 'Select whether the council decided to stop the plan' });
        if (!input.decisionDate)
          errors.push({
            field: 'decisionDate',
            message: 'Enter the date the decision was sent to the family',
          });
        else if (input.decisionDate > ctx.today)
          errors.push({
            field: 'decisionDate',
            message: 'The date the decision was sent must be today or in the past',
          });
        else if (input.decisionDate < row.started_on)
          errors.push({
            field: 'decisionDate',
            message: 'The decision cannot be sent before the council started considering it',
          });
        const reasons = (input.reasons ?? '').trim();
        if (reasons.length > 2000)
          errors.push({ field: 'reasons', message: 'The reasons must be 2000 characters or fewer' });
        if (input.outcome === 'not-cease' && !reasons)
          errors.push({ field: 'reasons', message: 'Say why the council decided to keep the plan' });
        refuse(errors);
        if (input.outcome === 'not-cease') {
          await updateCessation(ctx.trx, actor.laCode, row.id, {
            decision: 'not-cease',
            decision_date: input.decisionDate,
            decision_reasons: reasons,
          });
          return { summary: `The council decided on ${longDate(input.decisionDate!)} not to stop the plan.` };
        }
        const institution = await institutionOf(ctx.trx, actor.laCode, plan);
        const [child] = (await childrenForReviews(ctx.trx, actor.laCode, [plan.childId])).values();
        const checked = checkCeaseDecision({
          dateOfBirth: child?.dateOfBirth ?? '',
          decisionDate: input.decisionDate!,
          ground: input.ground,
          familyConsulted: row.family_consulted,
          institutionConsulted: row.institution_consulted,
          hasNamedInstitution: institution !== null,
          reviewEstablishingNoReturn: input.reviewEstablishingNoReturn,
        });
        if (!checked.ok) throw new CeasingFormError(checked.errors);
        await updateCessation(ctx.trx, actor.laCode, row.id, {
          decision: 'cease',
          decision_date: input.decisionDate,
          ground: checked.ground,
          sen2_reason: checked.sen2Reason,
          decision_reasons: reasons || null,
          review_establishing_no_return: input.reviewEstablishingNoReturn,
        });
        if (row.review_id) {
          try {
            await recordReviewCeased(ctx, row.review_id, input.decisionDate!);
          } catch (e) {
            if (e instanceof FormFieldError) {
              throw new CeasingFormError([
                { field: 'decisionDate', message: `The review this came from: ${e.message}` },
              ]);
            }
            throw e;
          }
        }
        // The decision's letter, with the rights block, to the family, the institution the plan names and the
        // health commissioning body (reg 31(2), (3)).
        await sendPlanLetter(ctx, {
          kind: 'to-cease',
          recordId: row.id,
          childId: row.child_id,
          planId: row.plan_id,
          date: input.decisionDate!,
          namedSettingId: plan.placementSettingId ?? institution?.id ?? null,
          facts: await cessationLetterFacts(ctx.trx, actor.laCode, row.id),
        });
        return {
          summary: `The council decided on ${longDate(input.decisionDate!)} to stop the plan (${CEASE_GROUND_INFO[checked.ground].label.toLowerCase()}); it stays in force while the family can appeal.`,
        };
      });
    },

    /** An appeal against the decision to cease: registered, then ended (the plan stays in force meanwhile). */
    recordAppeal(
      actor: Actor,
      cessationId: string,
      input: { appealRegistered: string | null; appealEnded: string | null; appealOutcome: string | null },
    ): Promise<void> {
      return step(actor, cessationId, 'ceasing.appeal', async (ctx, row) => {
        if (row.decision !== 'cease' || !row.decision_date) {
          refuse([
            { field: 'appealRegistered', message: 'Only a decision to stop the plan can be appealed here' },
          ]);
        }
        refuse(checkCessationAppeal({ ...input, decisionDate: row.decision_date! }, ctx.today));
        await updateCessation(ctx.trx, actor.laCode, row.id, {
          appeal_registered: input.appealRegistered,
          appeal_ended: input.appealEnded,
          appeal_outcome: input.appealEnded ? (input.appealOutcome as CessationRow['appeal_outcome']) : null,
        });
        return {
          summary: input.appealEnded
            ? `The appeal against stopping the plan ended on ${longDate(input.appealEnded)}.`
            : `The family appealed against stopping the plan (registered ${longDate(input.appealRegistered!)}).`,
        };
      });
    },

    /**
     * Records (or corrects) the plan's transfer to another authority (S11): when the council learned of the move, the
     * move's day, the receiving authority, when the plan was sent and when the health commissioner was told. Once
     * sent, the plan has left: it drops off the review schedule and the SEN2 return reads it as ceased, code 5.
     */
    async recordTransferOut(
      actor: Actor,
      planId: string,
      input: {
        toAuthority: string | null;
        toAuthorityCode: string | null;
        learnedOn: string | null;
        moveDate: string | null;
        sentOn: string | null;
        healthToldOn: string | null;
      },
    ): Promise<TransferOutView> {
      requireRole(actor, CEASING_EDITORS, 'ceasing.transfer-out');
      return change(actor, async (ctx) => {
        const plan = await finalPlan(ctx.trx, actor, planId);
        await authoriseChildRead(ctx.trx, actor, plan.childId, 'ceasing.transfer-out');
        const errors = checkTransferOut(input, ctx.today);
        const [existing] = await transfersOut(ctx.trx, actor.laCode, [plan.id]);
        if (existing?.left_on)
          errors.unshift({
            field: 'toAuthority',
            message: 'The plan has already been sent to the new council',
          });
        refuse(errors);
        const row = await saveTransferOut(ctx.trx, {
          la_code: actor.laCode,
          plan_id: plan.id,
          child_id: plan.childId,
          learned_on: input.learnedOn!,
          move_date: input.moveDate,
          to_authority: input.toAuthority!.trim(),
          to_authority_code: input.toAuthorityCode?.trim() || null,
          sent_on: input.sentOn,
          health_told_on: input.healthToldOn,
          recorded_by: actor.userId,
        });
        const view = transferView(row, ctx.today);
        await audit(ctx.trx, auditContext(actor), {
          action: 'ceasing.transfer-out',
          recordType: 'plan_transfer_out',
          recordId: plan.id,
          childId: plan.childId,
          detail: {
            learnedOn: row.learned_on,
            moveDate: row.move_date,
            sentOn: row.sent_on,
            sendBy: view.sendBy.date,
            status: view.status,
          },
        });
        await recordCaseEvent(ctx, {
          childId: plan.childId,
          kind: 'ceasing.transfer-out',
          summary: `The council recorded the move to ${row.to_authority}: the plan is to be sent by ${longDate(view.sendBy.date)}.`,
          detail: { planId: plan.id },
        });
        await applyPlanEndings(ctx.trx, auditContext(actor), ctx.today, [plan.id]);
        return view;
      });
    },
  };
}

export type CeasingService = ReturnType<typeof createCeasingService>;
