/**
 * Requests for a personal budget and the staff's pages: recording a request (by staff from a call, letter or email,
 * or by the family online through family.ts), every request of the authority, one request's page, and the child's
 * record's "Personal budget" section. The family is sent an acknowledgement of every request.
 */
import type { Actor } from '../../platform/access/access.ts';
import {
  auditChildrenShown,
  auditContext,
  authoriseChildRead,
  isUuid,
  requireRole,
} from '../../platform/access/access.ts';
import { audit, type Executor } from '../../platform/audit/audit.ts';
import type { ChangeContext } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import { childByReference as findChild, childWithOfficer } from '../../platform/people/children.ts';
import { paths } from '../../platform/web/paths.ts';
import { longDate } from '../../domain/calendar.ts';
import {
  ELEMENTS,
  requestProblem,
  STAGE_LABELS,
  type Element,
  type Stage,
} from '../../domain/personal-budget/index.ts';
import { BudgetError, childName, STAFF, type BudgetsContext } from './service.ts';
import { insertRequest, requestsOf } from './store.ts';
import { elementWords } from './view.ts';

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

async function childByReference(x: Executor, laCode: string, reference: string) {
  const child = await findChild(x, laCode, reference);
  if (!child) throw new BudgetError('childReference', 'Enter the reference of a child known to the service');
  return child;
}

/** Records a request (by staff or the family) in the change's transaction. */
export async function addRequest(
  s: BudgetsContext,
  ctx: ChangeContext,
  child: { id: string; plan_status: string; plan_first_issued: string | null },
  input: NewRequest,
  madeBy: 'family' | 'staff',
  formToken: string | undefined,
) {
  const { event, tellFamily } = s;
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

/** The staff's pages and their recording of a request, and the child's record's section. */
export function requestParts(s: BudgetsContext) {
  const { db, deps, change, staffRequest, viewOf, viewsOf } = s;
  return {
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
        return addRequest(s, ctx, child, input, 'staff', formToken);
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
}
