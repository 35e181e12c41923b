/**
 * The structured EHC plan's service and wiring: what the feature asks of others (`PlansNeeds`, `PlansChanged`), the
 * factory the composition root calls, the feature's error, and what every change of a plan records (its revision
 * bumped, an audit entry). Every change runs in the caller's transaction; an override is only good for the revision
 * it was recorded on.
 *
 * The work is in the files beside it: who may read or edit a plan (access.ts); reading it for the editor, the lists
 * and the shared view (read.ts); editing its items, advice and placement (items.ts); issuing drafts and finals as
 * immutable versions, and the manager's override (issue.ts); what a version keeps (snapshot.ts); comments on a shared
 * draft and its 15 days (comments.ts); who is told, in words (notify.ts).
 */
import type { PlanBudget } from '../personal-budgets/index.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { sql } from 'kysely';
import type { ChangeContext } from '../../platform/change/change.ts';
import { auditContext } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import { FieldError } from '../../platform/web/forms.ts';
import type { PlanRecord } from './store.ts';

/**
 * What the plans feature tells others when plans are issued or amended, in the same transaction (the composition root
 * gives it the reviews feature's schedule refresh, so the backlog has the plan at once: docs/reviews.md).
 */
export type PlansChanged = (
  trx: Executor,
  laCode: string,
  planIds: readonly string[],
  today: string,
) => Promise<unknown>;

/** What the plans feature asks of others (passed by the composition root). */
export interface PlansNeeds {
  readonly plansChanged: PlansChanged;
  /**
   * The child's personal budget as it stood on a day (the personal-budgets feature's decision): section J of the
   * plan's page and documents is filled from it, never retyped (issue 15).
   */
  readonly budgetForPlan?: (
    db: Executor,
    laCode: string,
    childId: string,
    asOf: string,
  ) => Promise<PlanBudget | null>;
  /** When the plan must next be reviewed, by the review schedule (null when it has none): for its documents. */
  readonly nextReviewDue?: (
    db: Executor,
    laCode: string,
    childId: string,
    planId: string,
  ) => Promise<string | null>;
}

/** The plans feature's service: for now only what its routes pass into each change (its pages still take the database). */
export function createPlansService(deps: Pick<ServiceDeps, 'today'>, needs: PlansNeeds) {
  return {
    /** Today in London, as the composition root gives it (a fixed day in tests). */
    today: deps.today,
    plansChanged: needs.plansChanged,
    nextReviewDue: needs.nextReviewDue,
    budgetForPlan: needs.budgetForPlan,
  };
}
export type PlansService = ReturnType<typeof createPlansService>;

/** A rule of the plan was broken: shown to the user as a form error on the named field. */
export class PlanError extends FieldError {}

export async function touch(trx: Executor, laCode: string, planId: string) {
  await trx
    .updateTable('ehc_plan')
    .set({ revision: sql<number>`revision + 1`, updated_at: new Date() })
    .where('la_code', '=', laCode)
    .where('id', '=', planId)
    .execute();
}

export async function changeAudit(
  ctx: ChangeContext,
  record: PlanRecord,
  action: string,
  detail: Record<string, unknown> = {},
) {
  await audit(ctx.trx, auditContext(ctx.actor), {
    action,
    recordType: 'ehc_plan',
    recordId: record.id,
    childId: record.child_id,
    detail,
  });
}
