/**
 * Personal budgets and direct payments (statutory-work.md S8; docs/personal-budgets.md): a family's request (made
 * online or recorded by staff from a call), the council's decision with the amount per element and how each is
 * held, a refusal's reasons and its review, direct payment agreements, monitoring reviews, and reductions and stops
 * with notice and one reconsideration. The rules are src/domain/personal-budget's; every date is computed from the
 * facts and never stored. Access is decided here; every write is one transaction with its audit entry and the
 * child's history, and what the family must be told is queued to them in the same transaction.
 *
 * The work is in the files beside it: what every page shows and the SEN2 return reads (view.ts); requests and the
 * staff's pages (requests.ts); decisions and the review of a refusal (decisions.ts); direct payments, their
 * monitoring, reductions, stops and reconsiderations (direct-payments.ts); the family's pages (family.ts). This file
 * keeps the factory and what they share: the roles, the feature's error, finding a request for staff, the views of
 * requests, the child's history and telling the family.
 */
import type { Actor } from '../../platform/access/access.ts';
import { CASEWORK_ROLES, isUuid, requireRole } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { withChange, type ChangeContext } from '../../platform/change/change.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { childWithOfficer } from '../../platform/people/children.ts';
import { recipientsFor } from '../../platform/people/recipients.ts';
import { FieldError } from '../../platform/web/forms.ts';
import { paths } from '../../platform/web/paths.ts';
import type { Arrangement } from '../../domain/personal-budget/index.ts';
import { decisionParts } from './decisions.ts';
import { directPaymentParts } from './direct-payments.ts';
import { familyParts } from './family.ts';
import { requestParts } from './requests.ts';
import { recordsOf, requestById, type RequestRow } from './store.ts';
import { budgetView } from './view.ts';

/** Who records and reads personal budgets: casework staff and leaders. */
export const STAFF: readonly Role[] = CASEWORK_ROLES;
/** Who sees their own child's and asks for one. */
export const FAMILY: readonly Role[] = ['parent', 'young-person'];

/** A rule a form broke: shown against its field in the error summary. */
export class BudgetError extends FieldError {}

export const childName = (c: { given_name: string; preferred_name?: string | null; family_name: string }) =>
  `${c.preferred_name || c.given_name} ${c.family_name}`;

/** What every part of the service shares: the change runner, a request for staff, views, history, telling the family. */
function budgetsContext(deps: ServiceDeps) {
  const { db } = deps;
  const change = <T>(actor: Actor, fn: (ctx: ChangeContext) => Promise<T>) => withChange(deps, actor, fn);

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

  return { deps, db, change, staffRequest, viewOf, viewsOf, event, tellFamily };
}
export type BudgetsContext = ReturnType<typeof budgetsContext>;

export function createPersonalBudgetsService(deps: ServiceDeps) {
  const s = budgetsContext(deps);
  return {
    ...requestParts(s),
    ...decisionParts(s),
    ...directPaymentParts(s),
    ...familyParts(s),
  };
}

export type PersonalBudgetsService = ReturnType<typeof createPersonalBudgetsService>;
export type { Arrangement };
