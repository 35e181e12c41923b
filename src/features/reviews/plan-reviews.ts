/**
 * A plan's reviews (issue 12; docs/reviews.md): the page of one plan's review schedule, its reviews with their state,
 * paperwork dates and, for a decision to keep the plan as it is, the family's rights, its early review requests and
 * its transfer in from another council; and the links the child's record shows. Casework staff only.
 */
import { authoriseChildRead, requireRole, type Actor } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { authoritySettings } from '../../platform/people/authority-settings.ts';
import { childrenForReviews } from '../../platform/people/children.ts';
import { childNames } from '../../platform/people/organisations.ts';
import { paths } from '../../platform/web/paths.ts';
import { buildRightsBlock, type RightsBlock } from '../../domain/rights/rights.ts';
import { transferInDates, type RuleDate } from '../../domain/clock/index.ts';
import {
  paperworkSteps,
  reviewSchedule,
  reviewState,
  type ReviewSchedule,
} from '../../domain/review/index.ts';
import { factsOf, finalPlan, REVIEW_READERS } from './service.ts';
import {
  earlyRequestsOf,
  reviewsOf,
  scheduleOfChild,
  transfersIn,
  type ReviewRow,
  type TransferInRow,
} from './store.ts';

export interface ReviewDetail {
  readonly review: ReviewRow;
  readonly state: ReturnType<typeof reviewState>;
  readonly steps: ReturnType<typeof paperworkSteps>;
  /** A decision to keep the plan as it is is a decision not to amend it: the family's rights (reg 22(4), 32). */
  readonly rights: RightsBlock | null;
}

export interface PlanReviews {
  readonly planId: string;
  readonly childId: string;
  readonly childName: string;
  readonly schedule: ReviewSchedule | null;
  readonly reviews: readonly ReviewDetail[];
  readonly earlyRequests: Awaited<ReturnType<typeof earlyRequestsOf>>;
  /** The plan's transfer in from another authority, with the notice's due date and status (S11), if any. */
  readonly transferIn: {
    readonly transferredOn: string;
    readonly fromAuthority: string;
    readonly noticeSent: string | null;
    readonly noticeDue: RuleDate;
    readonly noticeLate: boolean;
    /** Whether the council proposes to reassess, as the family is told (reg 15(4)); null until recorded. */
    readonly proposesReassessment: boolean | null;
  } | null;
}

/** A plan's transfer in as its page shows it: the notice to the family, when it is due and whether it was late (S11). */
function transferInStatus(
  transfer: TransferInRow,
  firstIssued: string,
  today: string,
): PlanReviews['transferIn'] {
  const notice = transferInDates({
    transferred: transfer.transferred_on,
    firstIssued,
  }).notice;
  return {
    transferredOn: transfer.transferred_on,
    fromAuthority: transfer.from_authority,
    noticeSent: transfer.notice_sent,
    proposesReassessment: transfer.proposes_reassessment,
    noticeDue: notice,
    noticeLate: (transfer.notice_sent ?? today) > notice.date,
  };
}

export function createPlanReviews(deps: ServiceDeps) {
  return {
    /** A plan's review schedule, its reviews with their paperwork dates, and the early review requests. */
    async planReviews(actor: Actor, planId: string): Promise<PlanReviews> {
      requireRole(actor, REVIEW_READERS, 'reviews.plan');
      const plan = await finalPlan(deps.db, actor, planId);
      await authoriseChildRead(deps.db, actor, plan.childId, 'review.read');
      const today = deps.today();
      const rows = await reviewsOf(deps.db, actor.laCode, [plan.id]);
      const [child] = (await childrenForReviews(deps.db, actor.laCode, [plan.childId])).values();
      const meetings = rows.map((r) => r.held).filter((d): d is string => d !== null && d <= today);
      const ceasing = child?.planStatus === 'ceased';
      const transfer = (await transfersIn(deps.db, actor.laCode, [plan.id])).get(plan.id) ?? null;
      const transferredIn = transfer && transfer.transferred_on <= today ? transfer.transferred_on : null;
      const names = await childNames(deps.db, actor.laCode, [plan.childId]);
      const name = names.get(plan.childId);
      const settings = rows.some((r) => r.decision === 'maintain')
        ? await authoritySettings(deps.db, actor.laCode)
        : null;
      const rightsOf = (r: ReviewRow): RightsBlock | null =>
        r.decision === 'maintain' && r.decision_date && settings
          ? buildRightsBlock({
              kind: 'not-to-amend',
              decisionSent: r.decision_date,
              childName: name?.given_name ?? 'your child',
              contacts: settings,
            })
          : null;
      return {
        planId: plan.id,
        childId: plan.childId,
        childName: name ? `${name.given_name} ${name.family_name}` : 'Unknown',
        schedule:
          ceasing || plan.firstIssued > today
            ? null
            : reviewSchedule({
                asOf: today,
                firstIssued: plan.firstIssued,
                dateOfBirth: child?.dateOfBirth ?? null,
                meetings,
                amendmentsIssued: plan.amendmentsIssued,
                transferredIn,
              }),
        transferIn: transfer ? transferInStatus(transfer, plan.firstIssued, today) : null,
        reviews: rows.map((r) => ({
          review: r,
          state: reviewState(factsOf(r)),
          steps: paperworkSteps(factsOf(r), today),
          rights: rightsOf(r),
        })),
        earlyRequests: await earlyRequestsOf(deps.db, actor.laCode, plan.id),
      };
    },
  };
}

/**
 * What the child's record shows of their reviews (casework staff only; null for anyone else): each plan in force with
 * its next review's due date and the links to its reviews and its amendments (docs/reviews.md).
 */
export async function reviewLinksOfChild(db: Executor, actor: Actor, childId: string) {
  if (!REVIEW_READERS.includes(actor.role)) return null;
  return (await scheduleOfChild(db, actor.laCode, childId)).map((r) => ({
    nextDue: r.next_due,
    reviewsHref: paths.reviews.plan(r.plan_id),
    amendmentsHref: paths.amendments.plan(r.plan_id),
  }));
}
