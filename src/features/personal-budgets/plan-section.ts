/**
 * The personal budget as the plan's section J shows it (issue 15; docs/personal-budgets.md "On the plan"): the
 * latest request for the child made by a day, and its latest decision by that day, with the amount of each element,
 * how each is held and the direct payments under it. The plans feature reads it through the composition root for the
 * plan's page and its documents (page, PDF and Word, draft and final), so section J is the decision, never retyped.
 */
import type { Executor } from '../../platform/audit/audit.ts';
import { paths } from '../../platform/web/paths.ts';
import { ARRANGEMENT_LABELS, ELEMENT_LABELS, totalPence } from '../../domain/personal-budget/index.ts';
import { elementsOf, pounds } from './view.ts';
import { recordsOf, requestsOf } from './store.ts';

export interface PlanBudget {
  /** waiting: asked for, not yet decided; agreed: at least one element agreed; refused: nothing agreed. */
  readonly state: 'waiting' | 'agreed' | 'refused';
  readonly requestedOn: string;
  readonly decidedOn: string | null;
  /** The elements agreed, each with its amount a year and how it is held. */
  readonly elements: ReadonlyArray<{ label: string; amount: string; arrangement: string }>;
  readonly total: string;
  /** Something asked for was refused (an element, or a direct payment): the reasons went to the family. */
  readonly partlyRefused: boolean;
  readonly directPayments: ReadonlyArray<{
    element: string;
    provision: string;
    amount: string;
    startOn: string;
  }>;
  /** The request's page, for staff. */
  readonly href: string;
}

/** The child's personal budget for section J as it stood on `asOf` ('YYYY-MM-DD'), or null when none was asked for. */
export async function budgetForPlan(
  db: Executor,
  laCode: string,
  childId: string,
  asOf: string,
): Promise<PlanBudget | null> {
  const request = (await requestsOf(db, laCode, [childId])).find((r) => r.requested_on <= asOf);
  if (!request) return null;
  const records = await recordsOf(db, laCode, [request.id]);
  const decision = records.decisions.filter((d) => d.decided_on <= asOf).at(-1) ?? null;
  const agreed = decision ? elementsOf(decision).filter((e) => e.pence && e.arrangement) : [];
  return {
    state: !decision ? 'waiting' : agreed.length ? 'agreed' : 'refused',
    requestedOn: request.requested_on,
    decidedOn: decision?.decided_on ?? null,
    elements: agreed.map((e) => ({
      label: ELEMENT_LABELS[e.element],
      amount: pounds(e.pence),
      arrangement: ARRANGEMENT_LABELS[e.arrangement!],
    })),
    total: pounds(totalPence(agreed)),
    partlyRefused: !!decision?.refuses && agreed.length > 0,
    directPayments: decision
      ? records.agreements
          .filter((a) => a.decision_id === decision.id)
          .map((a) => ({
            element: ELEMENT_LABELS[a.element],
            provision: a.provision,
            amount: pounds(a.pence),
            startOn: a.start_on,
          }))
      : [],
    href: paths.personalBudgets.show(request.id),
  };
}
