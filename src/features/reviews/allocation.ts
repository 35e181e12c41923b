/**
 * Allocating reviews from the backlog (issue 12 item 6; docs/reviews.md, ADR 0020), and the reviews each officer
 * holds (the team's caseload view). Allocating names the child's lead officer in the core records: one officer per
 * child, the one the schedule, the backlog's officer column and filter, the children list and the caseloads all read.
 */
import { auditContext, isUuid, requireRole, type Actor } from '../../platform/access/access.ts';
import { audit, type Executor } from '../../platform/audit/audit.ts';
import type { ChangeContext } from '../../platform/change/change.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { setLeadOfficer } from '../../platform/people/children.ts';
import { activeOfficers } from '../../platform/people/users.ts';
import { FieldError } from '../../platform/web/forms.ts';
import { officerLoads, schedulesOf } from './store.ts';

/** Team managers allocate work (as they allocate assessments, docs/assessments.md); caseworkers do not. */
export const REVIEW_ALLOCATORS: readonly Role[] = ['team-manager'];

/** The most rows one allocation takes (a backlog page is 25). */
export const MAX_ALLOCATION = 50;

/** What was wrong with an allocation: every problem at once, for the GOV.UK error summary. */
export class AllocationError extends FieldError {
  readonly errors: ReadonlyArray<{ readonly field: string; readonly message: string }>;
  constructor(errors: ReadonlyArray<{ readonly field: string; readonly message: string }>) {
    super(errors[0]!.field, errors.map((e) => e.message).join('; '));
    this.errors = errors;
  }
}

export interface AllocationInput {
  readonly planIds: readonly string[];
  readonly officerId: string | null;
}

/**
 * Names the officer for the selected plans' children, in the caller's change: refused (nothing written) unless every
 * plan is in the authority's schedule and the officer is an active caseworker or team manager. Each child whose
 * officer changes gets a line in their history and an audit entry (`review.allocate`); the schedule rows are
 * refreshed by `refresh` in the same transaction. Returns how many children changed officer.
 */
export async function allocateReviews(
  ctx: ChangeContext,
  input: AllocationInput,
  refresh: (trx: Executor, laCode: string, childIds: readonly string[], today: string) => Promise<void>,
): Promise<{ selected: number; allocated: number; officerName: string }> {
  const { trx, actor } = ctx;
  requireRole(actor, REVIEW_ALLOCATORS, 'review.allocate');
  const planIds = [...new Set(input.planIds)];
  const errors: Array<{ field: string; message: string }> = [];
  if (planIds.length === 0)
    errors.push({ field: 'plans', message: 'Select at least one review to allocate' });
  if (planIds.length > MAX_ALLOCATION)
    errors.push({ field: 'plans', message: `Select at most ${MAX_ALLOCATION} reviews at a time` });
  const officers = await activeOfficers(trx, actor.laCode);
  const officer = officers.find((o) => o.id === input.officerId);
  if (!officer)
    errors.push({ field: 'allocateTo', message: 'Select the officer to allocate the reviews to' });
  if (errors.length) throw new AllocationError(errors);
  const rows = planIds.every(isUuid) ? await schedulesOf(trx, actor.laCode, planIds) : [];
  if (rows.length !== planIds.length)
    throw new AllocationError([
      { field: 'plans', message: 'Select reviews from the list: one of them is no longer in the schedule' },
    ]);
  // Team managers see every child of their authority, and the rows are the authority's: each change is audited below.
  const childIds = [...new Set(rows.map((r) => r.child_id))];
  const before = await setLeadOfficer(trx, actor.laCode, childIds, officer!.id);
  const byId = new Map(officers.map((o) => [o.id, o.display_name]));
  let allocated = 0;
  for (const row of rows) {
    const previous = before.get(row.child_id) ?? null;
    if (previous === officer!.id) continue;
    allocated++;
    const was = previous ? byId.get(previous) : null;
    await recordCaseEvent(ctx, {
      childId: row.child_id,
      kind: 'review.allocated',
      summary: was
        ? `Named officer changed from ${was} to ${officer!.display_name} for the annual review`
        : `${officer!.display_name} named as officer for the annual review`,
      detail: { planId: row.plan_id, officerId: officer!.id, previousOfficerId: previous },
    });
    await audit(trx, auditContext(actor), {
      action: 'review.allocate',
      recordType: 'plan_review_schedule',
      recordId: row.plan_id,
      childId: row.child_id,
      detail: { officerId: officer!.id, previousOfficerId: previous },
    });
  }
  await refresh(trx, actor.laCode, childIds, ctx.today);
  return { selected: rows.length, allocated, officerName: officer!.display_name };
}

export interface OfficerReviewLoad {
  /** Reviews in the backlog: overdue or due within 8 weeks. */
  readonly due: number;
  readonly overdue: number;
}

/** Each officer's reviews in the backlog and overdue, by officer id (officers with none are absent). */
export async function reviewLoads(
  db: Executor,
  actor: Actor,
  today: string,
  readers: readonly Role[],
  officerIds?: readonly string[],
): Promise<Map<string, OfficerReviewLoad>> {
  requireRole(actor, readers, 'reviews.caseloads');
  const rows = await officerLoads(db, actor.laCode, today, officerIds);
  return new Map(rows.map((r) => [r.officer_id, { due: r.due, overdue: r.overdue }]));
}
