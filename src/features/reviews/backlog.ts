/**
 * The review backlog and caseloads (issue 12; docs/reviews.md, ADR 0020): one page of the ranked backlog with each
 * row's reasons, a caseworker's reviews overdue and due this week, each officer's load, the team manager's allocation
 * of reviews to officers, and the whole authority's schedule recomputed. Casework staff read; team managers allocate.
 * The children shown are audited.
 */
import { auditChildrenShown, requireRole, type Actor } from '../../platform/access/access.ts';
import { withChange } from '../../platform/change/change.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { childNames } from '../../platform/people/organisations.ts';
import { activeOfficers } from '../../platform/people/users.ts';
import { backlogRank } from '../../domain/review/index.ts';
import { allocateReviews, REVIEW_ALLOCATORS, reviewLoads, type AllocationInput } from './allocation.ts';
import { refreshReviewSchedules, refreshReviewsOfChildren } from './schedule.ts';
import { REVIEW_READERS } from './service.ts';
import { backlogPage, dueCounts, dueThisWeek, scheduleSettings, type ScheduleRow } from './store.ts';

export const BACKLOG_PAGE_SIZE = 25;

export interface BacklogFilters {
  readonly officerId?: string | null;
  readonly settingId?: string | null;
  readonly stage?: ScheduleRow['stage'] | null;
  readonly page?: number;
}

export interface BacklogRow extends ScheduleRow {
  readonly rank: number;
  readonly reasons: readonly string[];
  readonly daysOverdue: number;
  readonly childName: string;
  readonly reference: string;
  readonly officerName: string | null;
}

export function createReviewBacklog(deps: ServiceDeps) {
  return {
    /**
     * Names the officer for the selected plans' reviews: the child's lead officer (ADR 0020), one audited change
     * that refreshes their schedule rows. Team managers only.
     */
    allocate(actor: Actor, input: AllocationInput) {
      requireRole(actor, REVIEW_ALLOCATORS, 'review.allocate');
      return withChange(deps, actor, (ctx) => allocateReviews(ctx, input, refreshReviewsOfChildren));
    },

    /** Each officer's reviews in the backlog and overdue, by officer id: the team's caseload view. */
    /** Each officer's reviews due and overdue; given officers (a team's), only theirs. */
    caseloads(actor: Actor, officerIds?: readonly string[]) {
      return reviewLoads(deps.db, actor, deps.today(), REVIEW_READERS, officerIds);
    },

    /** Recomputes every plan's schedule (the daily job, the demo, an administrator's request). */
    refreshAll(laCode: string): Promise<number> {
      return deps.db.transaction().execute((trx) => refreshReviewSchedules(trx, laCode, deps.today()));
    },

    /** One page of the ranked backlog, each row with its reasons; the children shown are audited. */
    async backlog(actor: Actor, filters: BacklogFilters) {
      requireRole(actor, REVIEW_READERS, 'reviews.backlog');
      const page = Math.max(1, Math.floor(filters.page ?? 1));
      const today = deps.today();
      const { rows, total } = await backlogPage(deps.db, {
        laCode: actor.laCode,
        asOf: today,
        officerId: filters.officerId ?? null,
        settingId: filters.settingId ?? null,
        stage: filters.stage ?? null,
        limit: BACKLOG_PAGE_SIZE,
        offset: (page - 1) * BACKLOG_PAGE_SIZE,
      });
      await auditChildrenShown(
        deps.db,
        actor,
        'review.backlog.read',
        'reviews.backlog',
        rows.map((r) => r.child_id),
      );
      const names = await childNames(
        deps.db,
        actor.laCode,
        rows.map((r) => r.child_id),
      );
      const officers = await activeOfficers(deps.db, actor.laCode);
      const officerName = new Map(officers.map((o) => [o.id, o.display_name]));
      const ranked: BacklogRow[] = rows.map((r, i) => {
        const rank = backlogRank(
          {
            planId: r.plan_id,
            reviewDue: r.next_due,
            phaseTransferDeadline: r.phase_transfer_deadline,
            notInFullTimeEducation: r.not_in_full_time_education,
            outOfAreaOrIndependent: r.out_of_area_or_independent,
            lookedAfter: r.looked_after,
            qualityGrade: r.quality_grade,
          },
          today,
        );
        const child = names.get(r.child_id);
        return {
          ...r,
          rank: (page - 1) * BACKLOG_PAGE_SIZE + i + 1,
          reasons: rank.reasons,
          daysOverdue: rank.daysOverdue,
          childName: child ? `${child.given_name} ${child.family_name}` : 'Unknown',
          reference: child?.reference ?? '',
          officerName: r.officer_id ? (officerName.get(r.officer_id) ?? null) : null,
        };
      });
      const settings = await scheduleSettings(deps.db, actor.laCode, today);
      return { today, page, pageSize: BACKLOG_PAGE_SIZE, total, rows: ranked, officers, settings };
    },

    /**
     * A caseworker's first screen: their plans' reviews overdue and due this week, most overdue first, with the
     * counts (a manager's or leader's: the authority's). The children shown are audited.
     */
    async dueThisWeek(actor: Actor, limit = 10) {
      requireRole(actor, REVIEW_READERS, 'reviews.summary');
      const today = deps.today();
      const mine = actor.role === 'caseworker' ? actor.userId : null;
      const counts = await dueCounts(deps.db, actor.laCode, today, mine);
      const rows = await dueThisWeek(deps.db, actor.laCode, today, mine, limit);
      await auditChildrenShown(
        deps.db,
        actor,
        'review.due.read',
        'home.reviews',
        rows.map((r) => r.child_id),
      );
      const names = await childNames(
        deps.db,
        actor.laCode,
        rows.map((r) => r.child_id),
      );
      return {
        ...counts,
        mine: mine !== null,
        rows: rows.map((r) => {
          const child = names.get(r.child_id);
          const toDue = Math.round((Date.parse(r.next_due) - Date.parse(today)) / 86_400_000);
          return {
            ...r,
            childName: child ? `${child.given_name} ${child.family_name}` : 'Unknown',
            reference: child?.reference ?? '',
            daysOverdue: toDue < 0 ? -toDue : 0,
            daysToGo: toDue >= 0 ? toDue : null,
          };
        }),
      };
    },
  };
}
