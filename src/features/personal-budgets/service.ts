/**
 * Personal budgets and direct payments (statutory-work.md S8; docs/personal-budgets.md): a family's request (made
 * online or recorded by staff from a call), the council's decision with the amount per element and how each is
 * held, a refusal's reasons and its review, direct payment agreements, monitoring reviews, and reductions and stops
 * with notice and one reconsideration. The rules are src/domain/personal-budget's; every date is computed from the
 * facts and never stored. Access is decided here; every write is one transaction with its audit entry and the
 * child's history, and what the family must be told is queued to them in the same transaction.
 */
import type { Actor } from '../../platform/access/access.ts';
import {
  auditChildrenShown,
  auditContext,
  authoriseChildRead,
  canSeeChild,
  CASEWORK_ROLES,
  grantKindFor,
  isUuid,
  requireRole,
} from '../../platform/access/access.ts';
import { audit, type Executor } from '../../platform/audit/audit.ts';
import { withChange, type ChangeContext } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import {
  childByReference as findChild,
  childWithOfficer,
  searchChildren,
  type ChildListRow,
} from '../../platform/people/children.ts';
import { recipientsFor } from '../../platform/people/recipients.ts';
import { FieldError } from '../../platform/web/forms.ts';
import { paths } from '../../platform/web/paths.ts';
import { longDate } from '../../domain/calendar.ts';
import {
  agreementProblem,
  arrangementOf,
  ARRANGEMENT_LABELS,
  budgetState,
  BUDGET_STATE_LABELS,
  changeProblem,
  decisionProblem,
  decisionWantedBy,
  earliestEffective,
  ELEMENT_LABELS,
  ELEMENTS,
  mayDecide,
  MINIMUM_NOTICE_DAYS,
  MONITORING_LABELS,
  monitoringProblem,
  nextMonitoringDue,
  paymentOn,
  reconsiderationProblem,
  refusalReviewProblem,
  refusesSomething,
  requestProblem,
  sen2Flags,
  STAGE_LABELS,
  totalPence,
  type Arrangement,
  type ChangeKind,
  type Element,
  type ElementDecision,
  type MonitoringOutcome,
  type ReconsiderationOutcome,
  type ReviewOutcome,
  type Sen2BudgetFacts,
  type Stage,
} from '../../domain/personal-budget/index.ts';
import {
  COLUMN,
  decisionColumns,
  insertAgreement,
  insertChange,
  insertDecision,
  insertRequest,
  insertReview,
  recordsOf,
  requestById,
  requestChildIds,
  requestsOf,
  updateDecisionReview,
  updateReconsideration,
  type AgreementRow,
  type ChangeRow,
  type DecisionRow,
  type Records,
  type RequestRow,
} from './store.ts';

/** Who records and reads personal budgets: casework staff and leaders. */
export const STAFF: readonly Role[] = CASEWORK_ROLES;
/** Who sees their own child's and asks for one. */
export const FAMILY: readonly Role[] = ['parent', 'young-person'];

/** A rule a form broke: shown against its field in the error summary. */
export class BudgetError extends FieldError {}

const childName = (c: { given_name: string; preferred_name?: string | null; family_name: string }) =>
  `${c.preferred_name || c.given_name} ${c.family_name}`;

export const pounds = (pence: number | null) =>
  pence === null
    ? ''
    : `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** A decision's elements, in the domain's terms. */
export function elementsOf(d: DecisionRow): ElementDecision[] {
  return ELEMENTS.map((element) => ({
    element,
    pence: d[`${COLUMN[element]}_pence`],
    arrangement: d[`${COLUMN[element]}_arrangement`],
  }));
}

const elementList = (s: string) => s.split(',') as Element[];
const elementWords = (els: readonly Element[]) =>
  els.map((e) => (e === 'social-care' ? 'social care' : e)).join(', ');

/** One request as every page shows it: its decisions, where it stands, direct payments with their dates. */
export function budgetView(r: RequestRow, records: Records, today: string) {
  const decisions = records.decisions.filter((d) => d.request_id === r.id);
  const latest = decisions.at(-1) ?? null;
  const state = budgetState(
    latest
      ? {
          refuses: latest.refuses,
          reviewRequestedOn: latest.review_requested_on,
          reviewOutcome: latest.review_outcome,
        }
      : null,
  );
  const decisionIds = new Set(decisions.map((d) => d.id));
  const agreements = records.agreements
    .filter((a) => decisionIds.has(a.decision_id))
    .map((a) => {
      const reviews = records.reviews.filter((x) => x.agreement_id === a.id);
      const changes = records.changes
        .filter((c) => c.agreement_id === a.id)
        .map((c) => ({
          ...c,
          kindLabel: c.kind === 'stop' ? 'Stop' : 'Reduction',
          earliest: earliestEffective(c.notice_on),
          newAmount: pounds(c.new_pence),
        }));
      const domainChanges = changes.map(changeFacts);
      const paidNow = paymentOn({ pence: a.pence, startOn: a.start_on }, domainChanges, today);
      const stopped = a.start_on <= today && paidNow === null;
      const next = stopped
        ? null
        : nextMonitoringDue(
            a.start_on,
            reviews.map((x) => x.reviewed_on),
          );
      return {
        ...a,
        elementLabel: ELEMENT_LABELS[a.element],
        amount: pounds(a.pence),
        paidNow: pounds(paidNow),
        stopped,
        reviews: reviews.map((x) => ({ ...x, outcomeLabel: MONITORING_LABELS[x.outcome] })),
        changes,
        nextReview: next ? { ...next, late: next.date < today } : null,
      };
    });
  const elements = latest ? elementsOf(latest) : [];
  return {
    ...r,
    requested: elementList(r.elements),
    requestedText: elementWords(elementList(r.elements)),
    stageLabel: STAGE_LABELS[r.stage],
    state,
    stateLabel: BUDGET_STATE_LABELS[state],
    wantedBy: latest ? null : decisionWantedBy(r.plan_due),
    latest: latest
      ? {
          ...latest,
          elements: elements
            .filter((e) => e.pence || elementList(r.elements).includes(e.element))
            .map((e) => ({
              ...e,
              label: ELEMENT_LABELS[e.element],
              amount: e.pence ? pounds(e.pence) : 'Not agreed',
              arrangementLabel: e.arrangement ? ARRANGEMENT_LABELS[e.arrangement] : '',
            })),
          total: pounds(totalPence(elements)),
          arrangement: arrangementOf(elements),
        }
      : null,
    earlier: decisions.slice(0, -1),
    mayDecide: mayDecide(
      latest
        ? {
            refuses: latest.refuses,
            reviewRequestedOn: latest.review_requested_on,
            reviewOutcome: latest.review_outcome,
          }
        : null,
    ),
    agreements,
    lateCount: agreements.filter((a) => a.nextReview?.late).length,
  };
}
export type BudgetView = ReturnType<typeof budgetView>;

const changeFacts = (c: ChangeRow) => ({
  kind: c.kind,
  effectiveOn: c.effective_on,
  newPence: c.new_pence,
  reconsiderationOutcome: c.reconsideration_outcome,
});

export interface NewRequest {
  readonly childReference?: string | undefined;
  readonly childId?: string | undefined;
  readonly requestedOn: string;
  readonly stage: Stage;
  readonly elements: readonly Element[];
  readonly wantsDirectPayment: boolean;
  readonly details?: string | undefined;
  readonly planDue?: string | undefined;
}

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

/**
 * Each child's personal budget decisions as the SEN2 return reads them (module 4a's PBTakeUp, PBOrganised and
 * PBDirectPayments derive from them through the domain's `sen2Flags` at the return's census date).
 */
export async function personalBudgetsForReturns(
  db: Executor,
  laCode: string,
): Promise<Map<string, Sen2BudgetFacts[]>> {
  const requests = await requestsOf(db, laCode);
  const records = await recordsOf(
    db,
    laCode,
    requests.map((r) => r.id),
  );
  const out = new Map<string, Sen2BudgetFacts[]>();
  for (const r of requests) {
    const latest = records.decisions.filter((d) => d.request_id === r.id).at(-1);
    if (!latest) continue;
    const facts: Sen2BudgetFacts = {
      decidedOn: latest.decided_on,
      elements: elementsOf(latest),
      payments: records.agreements
        .filter((a) => a.decision_id === latest.id)
        .map((a) => ({
          element: a.element,
          pence: a.pence,
          startOn: a.start_on,
          changes: records.changes.filter((c) => c.agreement_id === a.id).map(changeFacts),
        })),
    };
    out.set(r.child_id, [...(out.get(r.child_id) ?? []), facts]);
  }
  return out;
}

/** The SEN2 flags of one child's decisions at a census date (for pages that show them). */
export const flagsAt = (facts: readonly Sen2BudgetFacts[], census: string) => sen2Flags(facts, census);

export function createPersonalBudgetsService(deps: ServiceDeps) {
  const { db } = deps;
  const change = <T>(actor: Actor, fn: (ctx: ChangeContext) => Promise<T>) => withChange(deps, actor, fn);

  async function childByReference(x: Executor, laCode: string, reference: string) {
    const child = await findChild(x, laCode, reference);
    if (!child)
      throw new BudgetError('childReference', 'Enter the reference of a child known to the service');
    return child;
  }

  async function staffRequest(ctx: { trx: Executor; actor: Actor }, id: string) {
    requireRole(ctx.actor, STAFF, paths.personalBudgets.list);
    const row = isUuid(id) ? await requestById(ctx.trx, ctx.actor.laCode, id) : undefined;
    if (!row) throw new NotFoundError();
    return row;
  }

  async function viewOf(x: Executor, laCode: string, row: RequestRow, today: string) {
    return budgetView(row, await recordsOf(x, laCode, [row.id]), today);
  }

  async function viewsOf(x: Executor, laCode: string, rows: RequestRow[], today: string) {
    const records = await recordsOf(
      x,
      laCode,
      rows.map((r) => r.id),
    );
    return rows.map((r) => budgetView(r, records, today));
  }

  const event = (
    ctx: ChangeContext,
    childId: string,
    kind: string,
    summary: string,
    detail: Record<string, unknown>,
  ) => recordCaseEvent({ trx: ctx.trx, actor: ctx.actor }, { childId, kind, summary, detail });

  const tellFamily = async (
    ctx: ChangeContext,
    childId: string,
    template: string,
    personalisation: Record<string, string>,
  ) => {
    const child = await childWithOfficer(ctx.trx, ctx.actor.laCode, childId);
    const people = await recipientsFor(ctx.trx, ctx.actor.laCode, childId, {
      family: true,
      unlinkedFamily: true,
    });
    for (const p of people) {
      await queueNotification(ctx.trx, ctx.jobs, {
        laCode: ctx.actor.laCode,
        channel: 'email',
        recipient: p.email,
        template,
        personalisation: {
          name: p.name ?? 'there',
          child: child ? childName(child) : 'your child',
          ...personalisation,
        },
        childId,
        userId: p.userId,
      });
    }
  };

  /** The children a family member holds a live grant for (optionally only those with a request). */
  async function familyChildren(actor: Actor, withRequests: boolean) {
    const kind = grantKindFor(actor.role);
    if (!kind) return [];
    const rows = (
      await searchChildren(db, {
        laCode: actor.laCode,
        grantedTo: { userId: actor.userId, kind },
        among: withRequests ? requestChildIds(db, actor.laCode) : undefined,
        page: 1,
        pageSize: 100,
      })
    ).rows;
    const mine = [];
    for (const c of rows) if (await canSeeChild(db, actor, c.id)) mine.push(c);
    return mine;
  }

  /** Records a request (by staff or the family) in the change's transaction. */
  async function addRequest(
    ctx: ChangeContext,
    child: { id: string; plan_status: string; plan_first_issued: string | null },
    input: NewRequest,
    madeBy: 'family' | 'staff',
    formToken: string | undefined,
  ) {
    const problem = requestProblem(
      {
        requestedOn: input.requestedOn,
        stage: input.stage,
        elements: input.elements,
        wantsDirectPayment: input.wantsDirectPayment,
        planStatus: child.plan_status as 'none',
        planSince: child.plan_first_issued,
      },
      ctx.today,
    );
    if (problem) throw new BudgetError(problem.field, problem.message);
    const result = await once(ctx, formToken, async () => {
      const id = await insertRequest(ctx.trx, ctx.actor.laCode, {
        child_id: child.id,
        requested_on: input.requestedOn,
        stage: input.stage,
        elements: ELEMENTS.filter((e) => input.elements.includes(e)).join(','),
        wants_direct_payment: input.wantsDirectPayment,
        made_by: madeBy,
        details: input.details ?? null,
        plan_due: input.planDue ?? null,
        recordedBy: ctx.actor.userId,
      });
      await audit(ctx.trx, auditContext(ctx.actor), {
        action: 'personal-budget.request.create',
        recordType: 'pb_request',
        recordId: id,
        childId: child.id,
        detail: { stage: input.stage, elements: input.elements, madeBy },
      });
      await event(
        ctx,
        child.id,
        'personal-budget.request',
        `Personal budget asked for${madeBy === 'family' ? ' by the family' : ''} on ${longDate(input.requestedOn)} (${STAGE_LABELS[input.stage].toLowerCase()}): ${elementWords(input.elements)}${input.wantsDirectPayment ? ', as a direct payment' : ''}`,
        { requestId: id },
      );
      await tellFamily(ctx, child.id, 'personal-budget-requested', {
        requested: longDate(input.requestedOn),
        elements: elementWords(input.elements),
      });
      return id;
    });
    return result.resultId;
  }

  return {
    // ---------------------------------------------------------------------------------------------- staff
    /** Every request of the authority: waiting and late first, with the child's name. */
    list: async (actor: Actor, filter: { status?: 'waiting' | 'decided' | undefined }) => {
      requireRole(actor, STAFF, paths.personalBudgets.list);
      const today = deps.today();
      const views = (await viewsOf(db, actor.laCode, await requestsOf(db, actor.laCode), today)).filter(
        (v) =>
          filter.status === 'waiting'
            ? v.latest === null
            : filter.status === 'decided'
              ? v.latest !== null
              : true,
      );
      const names = new Map<string, { name: string; reference: string }>();
      for (const id of new Set(views.map((v) => v.child_id))) {
        const c = await childWithOfficer(db, actor.laCode, id);
        if (c) names.set(id, { name: childName(c), reference: c.reference });
      }
      views.sort(
        (a, b) => Number(a.latest !== null) - Number(b.latest !== null) || b.lateCount - a.lateCount,
      );
      const rows = views.map((v) => ({ ...v, child: names.get(v.child_id) ?? null }));
      await auditChildrenShown(
        db,
        actor,
        'personal-budget.list.read',
        paths.personalBudgets.list,
        rows.map((v) => v.child_id),
      );
      return { today, rows };
    },

    /** The staff form's child, when recording from the child's record. */
    recordForm: async (actor: Actor, childId: string | undefined) => {
      requireRole(actor, STAFF, paths.personalBudgets.new);
      const child =
        childId && isUuid(childId) ? await childWithOfficer(db, actor.laCode, childId) : undefined;
      return { child: child ? { id: child.id, name: childName(child), reference: child.reference } : null };
    },

    /** Records a request the family made by phone, letter or email. */
    record: (actor: Actor, input: NewRequest, formToken: string | undefined) =>
      change(actor, async (ctx) => {
        requireRole(actor, STAFF, paths.personalBudgets.new);
        const child = await childByReference(ctx.trx, actor.laCode, input.childReference ?? '');
        return addRequest(ctx, child, input, 'staff', formToken);
      }),

    /** One request for staff, with its decisions and direct payments. Audited as a read of the child. */
    page: (actor: Actor, id: string) =>
      db.transaction().execute(async (trx) => {
        const row = await staffRequest({ trx, actor }, id);
        await authoriseChildRead(trx, actor, row.child_id, 'personal-budget.read');
        const child = await childWithOfficer(trx, actor.laCode, row.child_id);
        const today = deps.today();
        return {
          today,
          b: await viewOf(trx, actor.laCode, row, today),
          child: child ? { id: child.id, name: childName(child), reference: child.reference } : null,
        };
      }),

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
          const agreed = input.elements.filter((e) => e.pence && e.arrangement);
          const amounts = agreed
            .map(
              (e) =>
                `${ELEMENT_LABELS[e.element]}: ${pounds(e.pence)} a year, ${ARRANGEMENT_LABELS[e.arrangement!].split(' (')[0]!.toLowerCase()}`,
            )
            .join('; ');
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

    /** A direct payment agreement for one element the decision pays by direct payment (reg 6). */
    addAgreement: (actor: Actor, id: string, input: AgreementInput, formToken: string | undefined) =>
      change(actor, async (ctx) => {
        const row = await staffRequest(ctx, id);
        const view = await viewOf(ctx.trx, actor.laCode, row, ctx.today);
        const latest = view.latest;
        if (!latest) throw new BudgetError('element', 'Record the decision first');
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
          throw new BudgetError(
            'settingName',
            'Enter the school or college whose premises the support is on',
          );
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
        const records = await recordsOf(ctx.trx, actor.laCode, [row.id]);
        const changes = records.changes.filter((c) => c.agreement_id === agreement.id).map(changeFacts);
        const current = paymentOn(
          { pence: agreement.pence, startOn: agreement.start_on },
          changes,
          input.noticeOn,
        );
        if (current === null && agreement.start_on <= input.noticeOn)
          throw new BudgetError('agreementId', 'This direct payment has stopped');
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
        const records = await recordsOf(ctx.trx, actor.laCode, [row.id]);
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
        if (
          c.reconsideration_requested_on &&
          c.reconsideration_requested_on !== input.reconsiderationRequestedOn
        )
          throw new BudgetError(
            'reconsiderationRequestedOn',
            `The family asked for the one reconsideration on ${longDate(c.reconsideration_requested_on)}`,
          );
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

    // ---------------------------------------------------------------------------------------------- families
    /** The family's own: each child's requests, decisions, amounts and direct payments, and who can ask. */
    familyList: async (actor: Actor) => {
      requireRole(actor, FAMILY, paths.personalBudgets.family);
      const children = await familyChildren(actor, false);
      await auditChildrenShown(
        db,
        actor,
        'personal-budget.family.read',
        paths.personalBudgets.family,
        children.map((c) => c.id),
      );
      const today = deps.today();
      const views = await viewsOf(
        db,
        actor.laCode,
        await requestsOf(
          db,
          actor.laCode,
          children.map((c) => c.id),
        ),
        today,
      );
      return {
        today,
        children: children.map((c) => ({
          id: c.id,
          name: childName(c),
          mayAsk: c.plan_status === 'plan' || c.plan_status === 'assessment',
          budgets: views.filter((v) => v.child_id === c.id),
        })),
      };
    },

    /** The children a family member may ask for: those with a plan or an assessment under way. */
    familyRequestForm: async (actor: Actor) => {
      requireRole(actor, FAMILY, paths.personalBudgets.familyRequest);
      const children = (await familyChildren(actor, false)).filter(
        (c) => c.plan_status === 'plan' || c.plan_status === 'assessment',
      );
      await auditChildrenShown(
        db,
        actor,
        'personal-budget.family.read',
        paths.personalBudgets.familyRequest,
        children.map((c) => c.id),
      );
      return { children: children.map((c) => ({ id: c.id, name: childName(c), planStatus: c.plan_status })) };
    },

    /** A request the family makes online; dated today. */
    familyRequest: (actor: Actor, input: NewRequest, formToken: string | undefined) =>
      change(actor, async (ctx) => {
        requireRole(actor, FAMILY, paths.personalBudgets.familyRequest);
        const childId = input.childId ?? '';
        if (!isUuid(childId) || !(await canSeeChild(ctx.trx, actor, childId)))
          throw new BudgetError('childId', 'Select your child');
        const child = (await childWithOfficer(ctx.trx, actor.laCode, childId))!;
        return addRequest(ctx, child, { ...input, requestedOn: ctx.today }, 'family', formToken);
      }),

    /**
     * Whether a family has a child who may ask for a personal budget or has one (their first screen's link).
     * `linked`: the family's linked children (their first 100, each by a live grant of their kind: the test
     * familyChildren makes) when the caller has read them already.
     */
    familyCount: async (actor: Actor, linked?: readonly ChildListRow[]) => {
      if (!FAMILY.includes(actor.role)) return 0;
      return (linked?.slice(0, 100) ?? (await familyChildren(actor, false))).filter(
        (c) => c.plan_status === 'plan' || c.plan_status === 'assessment',
      ).length;
    },

    /** The child's record: the child's personal budgets in a line each (staff; null for anyone else). */
    childSection: async (x: Executor, actor: Actor, childId: string) => {
      if (!STAFF.includes(actor.role)) return null;
      const today = deps.today();
      const views = await viewsOf(x, actor.laCode, await requestsOf(x, actor.laCode, [childId]), today);
      return {
        heading: 'Personal budget',
        lines: [
          ...views.map((v) => ({
            text: `Asked for on ${longDate(v.requested_on)} (${v.requestedText}): ${v.stateLabel.toLowerCase()}${v.latest?.total && v.state !== 'refused' ? `, ${v.latest.total} a year` : ''}${v.lateCount ? ' (a direct payment review is late)' : ''}`,
            href: paths.personalBudgets.show(v.id),
          })),
          {
            text: 'Record a request for a personal budget',
            href: `${paths.personalBudgets.new}?child=${encodeURIComponent(childId)}`,
          },
        ],
      };
    },
  };

  async function agreementOf(
    ctx: ChangeContext,
    row: RequestRow,
    agreementId: string,
  ): Promise<AgreementRow> {
    const records = await recordsOf(ctx.trx, ctx.actor.laCode, [row.id]);
    const a = records.agreements.find((x) => x.id === agreementId);
    if (!a) throw new BudgetError('agreementId', 'Select the direct payment');
    return a;
  }
}

export type PersonalBudgetsService = ReturnType<typeof createPersonalBudgetsService>;
export type { Arrangement };
