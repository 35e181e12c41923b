/**
 * The family's own pages: each of their children's requests, decisions, amounts and direct payments; the children
 * they may ask for (a plan or an assessment under way) and their request online; and whether their first screen
 * links here. A family sees and asks only for children they hold a live grant for.
 */
import type { Actor } from '../../platform/access/access.ts';
import {
  auditChildrenShown,
  canSeeChild,
  grantKindFor,
  isUuid,
  requireRole,
} from '../../platform/access/access.ts';
import { childWithOfficer, searchChildren, type ChildListRow } from '../../platform/people/children.ts';
import { paths } from '../../platform/web/paths.ts';
import { addRequest, type NewRequest } from './requests.ts';
import { BudgetError, childName, FAMILY, type BudgetsContext } from './service.ts';
import { requestChildIds, requestsOf } from './store.ts';

/** The family's pages and request. */
export function familyParts(s: BudgetsContext) {
  const { db, deps, change, viewsOf } = s;

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
  return {
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
        return addRequest(s, ctx, child, { ...input, requestedOn: ctx.today }, 'family', formToken);
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
  };
}
