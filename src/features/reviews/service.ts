/**
 * The reviews service (issue 12; docs/reviews.md, ADR 0012). Each plan's review schedule is derived by the rules in
 * src/domain/review from what the owners of the facts say through their public surfaces: the plans feature (when the
 * plan was first made, its amendments), the core records (the child's age, care, officer and setting), the plan
 * audits (the latest grade) and this feature's own review records. The result is kept per plan in
 * plan_review_schedule so the backlog can be ranked and paged in SQL; it is refreshed for one plan in the same
 * transaction as every change to its reviews, for the whole authority by the daily job and the demo, and on demand.
 *
 * Access: casework staff (caseworker, team manager, SEND leader) read the schedule and the backlog; caseworkers and
 * team managers change reviews. Everyone else is refused (403, audited by the platform); a plan of another authority
 * answers 404. Every change is one transaction with an audit entry.
 */
import {
  auditChildrenShown,
  auditContext,
  authoriseChildRead,
  CASEWORK_ROLES,
  isUuid,
  requireRole,
  type Actor,
} from '../../platform/access/access.ts';
import { audit, type Executor } from '../../platform/audit/audit.ts';
import { withChange, type ChangeContext } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authoritySettings } from '../../platform/people/authority-settings.ts';
import { FieldError as FormFieldError } from '../../platform/web/forms.ts';
import { buildRightsBlock, type RightsBlock } from '../../domain/rights/rights.ts';
import { transferInDates, type RuleDate } from '../../domain/clock/index.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { childrenForReviews, type ChildForReviews } from '../../platform/people/children.ts';
import { childNames } from '../../platform/people/organisations.ts';
import { activeOfficers } from '../../platform/people/users.ts';
import { phaseTransferFor, type SettingKind } from '../../domain/school-year.ts';
import {
  backlogRank,
  checkArrange,
  checkDecision,
  checkEarlyReviewRequest,
  checkHold,
  checkReport,
  checkSchedule,
  paperworkSteps,
  reviewSchedule,
  reviewState,
  type CheckResult,
  type FieldError,
  type Lateness,
  type ReviewFacts,
  type ReviewSchedule,
} from '../../domain/review/index.ts';
import { allocateReviews, REVIEW_ALLOCATORS, reviewLoads, type AllocationInput } from './allocation.ts';
import { notInFullTimeEducation as notInFullTimeEducationOf } from '../education/index.ts';
import { latestPlanGrades } from '../plan-audits/index.ts';
import { plansForReviews, type PlanForReviews } from '../plans/index.ts';
import {
  backlogPage,
  dueCounts,
  dueThisWeek,
  earlyRequestsOf,
  insertEarlyRequest,
  insertReview,
  reviewById,
  reviewsOf,
  saveSchedules,
  schedulePlansOfChildren,
  saveTransferIn,
  scheduleOfChild,
  scheduleSettings,
  transfersIn,
  updateReview,
  type NewSchedule,
  type ReviewRow,
  type ScheduleRow,
} from './store.ts';
import { createReviewVoices } from './voices-service.ts';
import { paths } from '../../platform/web/paths.ts';
import { sendPlanLetter } from '../notices/index.ts';
import { reviewLetterFacts, transferInLetterFacts } from './letters.ts';

export const REVIEW_READERS: readonly Role[] = CASEWORK_ROLES;
export const REVIEW_EDITORS: readonly Role[] = ['caseworker', 'team-manager'];
export const BACKLOG_PAGE_SIZE = 25;

/** A rule refused the change: shown on the form as the GOV.UK error summary, with the input kept. */
export class ReviewFormError extends FormFieldError {
  readonly errors: readonly FieldError[];
  constructor(errors: readonly FieldError[]) {
    super(errors[0]?.field ?? 'form', errors.map((e) => e.message).join('; '));
    this.errors = errors;
  }
}

export function factsOf(r: ReviewRow): ReviewFacts {
  return {
    meetingDate: r.meeting_date,
    invitationsSent: r.invitations_sent,
    adviceCirculated: r.advice_circulated,
    held: r.held,
    reportSent: r.report_sent,
    decision: r.decision && r.decision_date ? { date: r.decision_date, outcome: r.decision } : null,
  };
}

const SETTING_KINDS: Readonly<Record<string, SettingKind>> = {
  'early-years': 'early-years',
  school: 'school',
  college: 'post-16-institution',
};

/** The reg 18 deadline when the child is in this school year's phase-transfer cohort; null otherwise or unknown. */
function phaseTransferDeadline(child: ChildForReviews, today: string): string | null {
  const s = child.setting;
  const kind = s ? SETTING_KINDS[s.kind] : undefined;
  if (!s || !kind) return null;
  try {
    const pt = phaseTransferFor({
      dateOfBirth: child.dateOfBirth,
      on: today,
      setting: { firstYear: s.firstYearGroup, lastYear: s.lastYearGroup, kind },
    });
    return pt.inCohort ? (pt.deadline?.date ?? null) : null;
  } catch {
    return null;
  }
}

/**
 * Not in full-time education (S4), as far as Goldthread knows: an open permanent exclusion, part-time timetable,
 * missing-education or home-education episode (the education feature's `notInFullTimeEducation`) is, and so is a
 * part-time placement; a full-time or dual placement is not; with neither an episode nor a current placement it is
 * not known (null).
 */
function notInFullTimeEducation(child: ChildForReviews, openEpisodes: boolean): boolean | null {
  if (openEpisodes) return true;
  if (!child.setting) return null;
  return child.setting.attendance === 'part-time';
}

/** The schedule row of one plan, or null when it has none (a plan that has ceased or was sent to another council). */
export function scheduleRowFor(
  laCode: string,
  today: string,
  plan: PlanForReviews,
  child: ChildForReviews | undefined,
  reviews: readonly ReviewRow[],
  grade: NewSchedule['quality_grade'],
  transferredIn: string | null = null,
  openEpisodes = false,
): NewSchedule | null {
  // A plan ceased (S9, once the appeal window has closed or the appeal ended) or transferred out (S11) has no
  // schedule; a decision to cease alone does not end it: the plan stays in force, and reviewed, until then.
  if (!child || child.planStatus === 'ceased') return null;
  if (plan.firstIssued > today) return null;
  const meetings = reviews
    .map((r) => r.held)
    .filter((d): d is string => d !== null && d >= plan.firstIssued && d <= today);
  const s = reviewSchedule({
    asOf: today,
    firstIssued: plan.firstIssued,
    dateOfBirth: child.dateOfBirth,
    meetings,
    amendmentsIssued: plan.amendmentsIssued,
    transferredIn: transferredIn !== null && transferredIn <= today ? transferredIn : null,
  });
  const open = reviews.find((r) => r.held === null) ?? null;
  const setting = child.setting;
  return {
    la_code: laCode,
    plan_id: plan.id,
    child_id: plan.childId,
    first_issued: plan.firstIssued,
    next_number: s.number,
    next_due: s.due.date,
    basis: s.basis,
    counted_from: s.countedFrom,
    open_review_id: open?.id ?? null,
    stage: open ? (open.invitations_sent ? 'arranged' : 'scheduled') : 'not-arranged',
    officer_id: child.leadOfficerId ?? plan.writerId,
    setting_id: setting?.id ?? null,
    setting_name: setting?.name ?? null,
    phase_transfer_deadline: phaseTransferDeadline(child, today),
    not_in_full_time_education: notInFullTimeEducation(child, openEpisodes),
    out_of_area_or_independent: setting ? !setting.inArea || /independent/i.test(setting.type) : false,
    looked_after: child.lookedAfter,
    quality_grade: grade,
    refreshed_on: today,
  };
}

/**
 * Recomputes the review schedule of the plans named (or, without ids, of every plan of the authority) from their
 * owners' facts, in the caller's transaction. Returns how many plans have a schedule.
 */
export async function refreshReviewSchedules(
  trx: Executor,
  laCode: string,
  today: string,
  planIds?: readonly string[],
): Promise<number> {
  const plans = await plansForReviews(trx, laCode, planIds);
  const children = await childrenForReviews(trx, laCode, planIds ? plans.map((p) => p.childId) : undefined);
  const grades = await latestPlanGrades(trx, laCode, planIds);
  const reviews = await reviewsOf(trx, laCode, planIds);
  const transfers = await transfersIn(trx, laCode, planIds);
  const outOfEducation = await notInFullTimeEducationOf(
    trx,
    laCode,
    [...new Set(plans.map((p) => p.childId))],
    today,
  );
  const byPlan = new Map<string, ReviewRow[]>();
  for (const r of reviews) byPlan.set(r.plan_id, [...(byPlan.get(r.plan_id) ?? []), r]);
  const rows = plans.flatMap((p) => {
    const row = scheduleRowFor(
      laCode,
      today,
      p,
      children.get(p.childId),
      byPlan.get(p.id) ?? [],
      grades.get(p.id) ?? null,
      transfers.get(p.id)?.transferred_on ?? null,
      outOfEducation.has(p.childId),
    );
    return row ? [row] : [];
  });
  await saveSchedules(trx, laCode, rows, planIds);
  return rows.length;
}

/**
 * Recomputes the schedule of these children's plans (those with a schedule row), in the caller's transaction: the
 * education feature calls it when an episode changes, so the backlog ranks the child at once (S4).
 */
export async function refreshReviewsOfChildren(
  trx: Executor,
  laCode: string,
  childIds: readonly string[],
  today: string,
): Promise<void> {
  const planIds = await schedulePlansOfChildren(trx, laCode, childIds);
  if (planIds.length > 0) await refreshReviewSchedules(trx, laCode, today, planIds);
}

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

/**
 * Sets up a plan's next review with its meeting date, in the caller's transaction, once the caller has checked who
 * may (the authority's editors here; the school's staff in meeting.ts). Refused while another review of the plan is
 * open (not yet held), or once the plan has stopped (ceased or sent to another council).
 */
export async function scheduleNextReview(
  ctx: ChangeContext,
  plan: PlanForReviews,
  input: { meetingDate: string | null; arrangedBy: 'school' | 'authority'; earlyRequestId?: string | null },
): Promise<{ review: ReviewRow; warnings: readonly Lateness[] }> {
  const { actor } = ctx;
  const existing = await reviewsOf(ctx.trx, actor.laCode, [plan.id]);
  if (existing.some((r) => r.held === null)) {
    throw new ReviewFormError([
      {
        field: 'meetingDate',
        message: 'This plan already has a review that has not been held: change its date instead',
      },
    ]);
  }
  // a plan stays in force, and reviewed, while a decision to cease it can be appealed (ADR 0018)
  const [child] = (await childrenForReviews(ctx.trx, actor.laCode, [plan.childId])).values();
  if (child?.planStatus === 'ceased') {
    throw new ReviewFormError([{ field: 'meetingDate', message: 'This plan has stopped' }]);
  }
  const meetings = existing.map((r) => r.held).filter((d): d is string => d !== null && d <= ctx.today);
  const transfer = (await transfersIn(ctx.trx, actor.laCode, [plan.id])).get(plan.id);
  const afterTransfer =
    transfer !== undefined && !existing.some((r) => r.held !== null && r.held >= transfer.transferred_on);
  const due = reviewSchedule({
    asOf: ctx.today,
    firstIssued: plan.firstIssued,
    meetings,
    transferredIn: transfer && transfer.transferred_on <= ctx.today ? transfer.transferred_on : null,
  }).due;
  const blank: ReviewFacts = {
    meetingDate: null,
    invitationsSent: null,
    adviceCirculated: null,
    held: null,
    reportSent: null,
    decision: null,
  };
  const result = checkSchedule(
    blank,
    { meetingDate: input.meetingDate, planFirstIssued: plan.firstIssued, reviewDue: due },
    ctx.today,
  );
  if (!result.ok) throw new ReviewFormError(result.errors);
  const review = await insertReview(ctx.trx, {
    la_code: actor.laCode,
    plan_id: plan.id,
    child_id: plan.childId,
    number: existing.length + 1,
    kind: input.earlyRequestId ? 'early' : afterTransfer ? 'transfer-in' : 'annual',
    arranged_by: input.arrangedBy,
    meeting_date: input.meetingDate,
    created_by: actor.userId,
  });
  await audit(ctx.trx, auditContext(actor), {
    action: 'review.schedule',
    recordType: 'plan_review',
    recordId: review.id,
    childId: plan.childId,
    detail: {
      planId: plan.id,
      number: review.number,
      kind: review.kind,
      meetingDate: input.meetingDate,
    },
  });
  await refreshReviewSchedules(ctx.trx, actor.laCode, ctx.today, [plan.id]);
  return { review, warnings: result.warnings };
}

/** The plan's reviews held whose decision is not recorded yet: a ceasing procedure may come from one (ADR 0018). */
export async function reviewsAwaitingDecision(
  db: Executor,
  laCode: string,
  planId: string,
): Promise<Array<{ id: string; number: number; held: string }>> {
  return (await reviewsOf(db, laCode, [planId]))
    .filter((r) => r.held !== null && r.decision === null)
    .map((r) => ({ id: r.id, number: r.number, held: r.held as string }));
}

/**
 * A review's decision to cease, taken through the ceasing procedure that came from it (ADR 0018), in the caller's
 * change: checked as every decision is (the report sent first, the date not in the future, lateness named), audited as
 * `review.decide`. A review that is not waiting for its decision is left as it is (returns null).
 */
export async function recordReviewCeased(
  ctx: ChangeContext,
  reviewId: string,
  date: string,
): Promise<readonly Lateness[] | null> {
  const review = await reviewById(ctx.trx, ctx.actor.laCode, reviewId);
  if (!review || review.decision !== null || review.report_sent === null) return null;
  const result = checkDecision(factsOf(review), { date, outcome: 'cease' }, ctx.today);
  if (!result.ok) throw new ReviewFormError(result.errors);
  await updateReview(ctx.trx, ctx.actor.laCode, review.id, { decision: 'cease', decision_date: date });
  await audit(ctx.trx, auditContext(ctx.actor), {
    action: 'review.decide',
    recordType: 'plan_review',
    recordId: review.id,
    childId: review.child_id,
    detail: {
      planId: review.plan_id,
      number: review.number,
      outcome: 'cease',
      late: result.warnings.map((w) => w.step),
    },
  });
  await refreshReviewSchedules(ctx.trx, ctx.actor.laCode, ctx.today, [review.plan_id]);
  return result.warnings;
}

export function createReviewsService(deps: ServiceDeps) {
  const change = <T>(actor: Actor, fn: (ctx: ChangeContext) => Promise<T>) => withChange(deps, actor, fn);

  /** A final plan of the actor's authority, or 404. */
  async function finalPlan(db: Executor, actor: Actor, planId: string): Promise<PlanForReviews> {
    if (!isUuid(planId)) throw new NotFoundError();
    const [plan] = await plansForReviews(db, actor.laCode, [planId]);
    if (!plan) throw new NotFoundError();
    return plan;
  }

  async function reviewOrNotFound(db: Executor, actor: Actor, reviewId: string): Promise<ReviewRow> {
    if (!isUuid(reviewId)) throw new NotFoundError();
    const review = await reviewById(db, actor.laCode, reviewId);
    if (!review) throw new NotFoundError();
    return review;
  }

  /** Applies a checked move to a review, audits it, and refreshes the plan's schedule; returns the warnings. */
  async function move(
    actor: Actor,
    reviewId: string,
    action: string,
    check: (facts: ReviewFacts, today: string) => CheckResult,
    changeOf: () => Parameters<typeof updateReview>[3],
    formToken: string | undefined,
    after?: (ctx: ChangeContext, updated: ReviewRow) => Promise<void>,
  ): Promise<{ review: ReviewRow; warnings: readonly Lateness[] }> {
    requireRole(actor, REVIEW_EDITORS, action);
    return change(actor, async (ctx) => {
      const review = await reviewOrNotFound(ctx.trx, actor, reviewId);
      await authoriseChildRead(ctx.trx, actor, review.child_id, action);
      // one use each: a second submit of the same form changes nothing and answers with the review as it is
      let out: { review: ReviewRow; warnings: readonly Lateness[] } = { review, warnings: [] };
      await once(ctx, formToken, async () => {
        const result = check(factsOf(review), ctx.today);
        if (!result.ok) throw new ReviewFormError(result.errors);
        const updated = await updateReview(ctx.trx, actor.laCode, review.id, changeOf());
        await audit(ctx.trx, auditContext(actor), {
          action,
          recordType: 'plan_review',
          recordId: review.id,
          childId: review.child_id,
          detail: { planId: review.plan_id, number: review.number, late: result.warnings.map((w) => w.step) },
        });
        await refreshReviewSchedules(ctx.trx, actor.laCode, ctx.today, [review.plan_id]);
        if (after) await after(ctx, updated);
        out = { review: updated, warnings: result.warnings };
        return review.id;
      });
      return out;
    });
  }

  return {
    /** The family's and the child's views and the professionals' advice before a meeting (voices-service.ts). */
    ...createReviewVoices(deps),

    /** The plan a review belongs to (for its pages), once the actor may change reviews; 404 otherwise. */
    async planOfReview(actor: Actor, reviewId: string): Promise<string> {
      requireRole(actor, REVIEW_EDITORS, 'review.step');
      return (await reviewOrNotFound(deps.db, actor, reviewId)).plan_id;
    },

    /**
     * Names the officer for the selected plans' reviews: the child's lead officer (ADR 0020), one audited change
     * that refreshes their schedule rows. Team managers only.
     */
    allocate(actor: Actor, input: AllocationInput) {
      requireRole(actor, REVIEW_ALLOCATORS, 'review.allocate');
      return change(actor, (ctx) => allocateReviews(ctx, input, refreshReviewsOfChildren));
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
        transferIn: transfer
          ? (() => {
              const notice = transferInDates({
                transferred: transfer.transferred_on,
                firstIssued: plan.firstIssued,
              }).notice;
              return {
                transferredOn: transfer.transferred_on,
                fromAuthority: transfer.from_authority,
                noticeSent: transfer.notice_sent,
                proposesReassessment: transfer.proposes_reassessment,
                noticeDue: notice,
                noticeLate: (transfer.notice_sent ?? today) > notice.date,
              };
            })()
          : null,
        reviews: rows.map((r) => ({
          review: r,
          state: reviewState(factsOf(r)),
          steps: paperworkSteps(factsOf(r), today),
          rights: rightsOf(r),
        })),
        earlyRequests: await earlyRequestsOf(deps.db, actor.laCode, plan.id),
      };
    },

    /**
     * Sets up the plan's next review with its meeting date (kind annual unless an early request is given). Refused
     * while another review of the plan is open (not yet held).
     */
    async scheduleReview(
      actor: Actor,
      planId: string,
      input: {
        meetingDate: string | null;
        arrangedBy: 'school' | 'authority';
        earlyRequestId?: string | null;
        formToken: string | undefined;
      },
    ): Promise<{ review: ReviewRow; warnings: readonly Lateness[] }> {
      requireRole(actor, REVIEW_EDITORS, 'review.schedule');
      return change(actor, async (ctx) => {
        const plan = await finalPlan(ctx.trx, actor, planId);
        await authoriseChildRead(ctx.trx, actor, plan.childId, 'review.schedule');
        let out: { review: ReviewRow; warnings: readonly Lateness[] } | undefined;
        const done = await once(ctx, input.formToken, async () => {
          out = await scheduleNextReview(ctx, plan, input);
          return out.review.id;
        });
        // a second submit of the same form: the review the first one set up, and nothing new
        const first = done.resultId ? await reviewById(ctx.trx, actor.laCode, done.resultId) : undefined;
        out ??= first && { review: first, warnings: [] };
        if (!out)
          throw new ReviewFormError([{ field: 'meetingDate', message: 'This form has already been sent' }]);
        return out;
      });
    },

    /**
     * Records that the plan was transferred in from another authority (S11): the date the old authority transferred
     * it (reg 15(2)), which authority, and when the family was told (reg 15(4)). The next review then counts the 3
     * months from the transfer (reg 15(5)).
     */
    async recordTransferIn(
      actor: Actor,
      planId: string,
      input: {
        transferredOn: string | null;
        fromAuthority: string | null;
        noticeSent: string | null;
        /** Whether the council proposes to carry out a new EHC needs assessment; needed once the family is told. */
        proposesReassessment: boolean | null;
        formToken: string | undefined;
      },
    ) {
      requireRole(actor, REVIEW_EDITORS, 'review.transfer-in');
      return change(actor, async (ctx) => {
        const plan = await finalPlan(ctx.trx, actor, planId);
        await authoriseChildRead(ctx.trx, actor, plan.childId, 'review.transfer-in');
        await once(ctx, input.formToken, async () => {
          const errors: FieldError[] = [];
          const from = (input.fromAuthority ?? '').trim();
          if (!input.transferredOn) {
            errors.push({
              field: 'transferredOn',
              message: 'Enter the date the old council transferred the plan',
            });
          } else if (input.transferredOn > ctx.today) {
            errors.push({
              field: 'transferredOn',
              message: 'The date the plan was transferred must be today or in the past',
            });
          }
          if (!from) errors.push({ field: 'fromAuthority', message: 'Enter the council the plan came from' });
          else if (from.length > 200)
            errors.push({
              field: 'fromAuthority',
              message: 'The council’s name must be 200 characters or fewer',
            });
          if (input.noticeSent && input.transferredOn && input.noticeSent < input.transferredOn) {
            errors.push({
              field: 'noticeSent',
              message: 'The family cannot be told before the plan was transferred',
            });
          } else if (input.noticeSent && input.noticeSent > ctx.today) {
            errors.push({
              field: 'noticeSent',
              message: 'The date the family was told must be today or in the past',
            });
          }
          // the notice must say whether the council proposes to reassess (reg 15(4)), so it is recorded with the day told
          if (input.noticeSent && input.proposesReassessment === null) {
            errors.push({
              field: 'proposesReassessment',
              message:
                'Select whether the council proposes to carry out a new EHC needs assessment: the notice to the family must say so',
            });
          }
          if (errors.length > 0) throw new ReviewFormError(errors);
          const before = (await transfersIn(ctx.trx, actor.laCode, [plan.id])).get(plan.id);
          await saveTransferIn(ctx.trx, {
            la_code: actor.laCode,
            plan_id: plan.id,
            child_id: plan.childId,
            transferred_on: input.transferredOn!,
            from_authority: from,
            notice_sent: input.noticeSent,
            proposes_reassessment: input.proposesReassessment,
            recorded_by: actor.userId,
          });
          await audit(ctx.trx, auditContext(actor), {
            action: 'review.transfer-in',
            recordType: 'ehc_plan',
            recordId: plan.id,
            childId: plan.childId,
            detail: {
              transferredOn: input.transferredOn,
              noticeSent: input.noticeSent,
              proposesReassessment: input.proposesReassessment,
            },
          });
          await refreshReviewSchedules(ctx.trx, actor.laCode, ctx.today, [plan.id]);
          // The notice to the family (reg 15(4)): its letter, once the day they were told is recorded.
          if (
            input.noticeSent &&
            (before?.notice_sent !== input.noticeSent ||
              before.proposes_reassessment !== input.proposesReassessment)
          )
            await sendPlanLetter(ctx, {
              kind: 'transfer-in',
              recordId: plan.id,
              childId: plan.childId,
              planId: plan.id,
              date: input.noticeSent,
              // A family member without an account is sent the notice itself (ADR 0053).
              facts: await transferInLetterFacts(ctx.trx, actor.laCode, plan.id),
            });
          return plan.id;
        });
      });
    },

    /** Records a request for an early review, with its reason and details. */
    async requestEarlyReview(
      actor: Actor,
      planId: string,
      input: { reason: string | null; details: string | null; formToken: string | undefined },
    ) {
      requireRole(actor, REVIEW_EDITORS, 'review.early-request');
      const checked = checkEarlyReviewRequest(input);
      if (!checked.ok) throw new ReviewFormError(checked.errors);
      return change(actor, async (ctx) => {
        const plan = await finalPlan(ctx.trx, actor, planId);
        await authoriseChildRead(ctx.trx, actor, plan.childId, 'review.early-request');
        const done = await once(ctx, input.formToken, async () => {
          const row = await insertEarlyRequest(ctx.trx, {
            la_code: actor.laCode,
            plan_id: plan.id,
            child_id: plan.childId,
            reason: checked.reason,
            details: checked.details,
            requested_on: ctx.today,
            requested_by: actor.userId,
          });
          await audit(ctx.trx, auditContext(actor), {
            action: 'review.early-request',
            recordType: 'plan_review_early_request',
            recordId: row.id,
            childId: plan.childId,
            detail: { planId: plan.id, reason: checked.reason },
          });
          return row.id;
        });
        // the request the form's first submit recorded (a second submit records nothing)
        return (await earlyRequestsOf(ctx.trx, actor.laCode, plan.id)).find((r) => r.id === done.resultId);
      });
    },

    /** Invitations (and advice) sent: scheduled → arranged. */
    arrange(
      actor: Actor,
      reviewId: string,
      input: {
        invitationsSent: string | null;
        adviceCirculated: string | null;
        formToken: string | undefined;
      },
    ) {
      return move(
        actor,
        reviewId,
        'review.arrange',
        (f, today) => checkArrange(f, input, today),
        () => ({ invitations_sent: input.invitationsSent, advice_circulated: input.adviceCirculated }),
        input.formToken,
      );
    },

    /** The meeting held: arranged → held; the next review is then due 12 months from this day. */
    hold(actor: Actor, reviewId: string, input: { held: string | null; formToken: string | undefined }) {
      return move(
        actor,
        reviewId,
        'review.hold',
        (f, today) => checkHold(f, input, today),
        () => ({ held: input.held, meeting_date: input.held }),
        input.formToken,
      );
    },

    /** The report sent: held → report sent. */
    sendReport(
      actor: Actor,
      reviewId: string,
      input: { reportSent: string | null; formToken: string | undefined },
    ) {
      return move(
        actor,
        reviewId,
        'review.report',
        (f, today) => checkReport(f, input, today),
        () => ({ report_sent: input.reportSent }),
        input.formToken,
      );
    },

    /**
     * The decision sent: report sent → decided. Keep (maintain) or amend; stopping the plan is refused here, because
     * a decision to cease needs the family and the school consulted first (reg 31(1); S9: "a decision without
     * consultation records cannot be saved"): the ceasing procedure records it and decides the review
     * (`recordReviewCeased`, ADR 0018).
     */
    decide(
      actor: Actor,
      reviewId: string,
      input: { date: string | null; outcome: string | null; formToken: string | undefined },
    ) {
      if (input.outcome === 'cease') {
        return Promise.reject(
          new ReviewFormError([
            {
              field: 'outcome',
              message:
                'To stop a plan, the family and the head of the school or college must be consulted first (SEND Regulations 2014, reg 31(1)): use “Stopping the plan or transferring it” for this plan; the decision recorded there decides this review',
            },
          ]),
        );
      }
      return move(
        actor,
        reviewId,
        'review.decide',
        (f, today) => checkDecision(f, input, today),
        () => ({ decision_date: input.date, decision: input.outcome as ReviewRow['decision'] }),
        input.formToken,
        // The decision's letter to the family and the head (S1), with the rights block when it keeps the plan.
        async (ctx, updated) =>
          sendPlanLetter(ctx, {
            kind: 'review-decision',
            recordId: updated.id,
            childId: updated.child_id,
            planId: updated.plan_id,
            date: updated.decision_date!,
            // A family member without an account is sent the letter itself, rights included (ADR 0053).
            facts: await reviewLetterFacts(ctx.trx, actor.laCode, updated.id),
          }),
      );
    },
  };
}

export type ReviewsService = ReturnType<typeof createReviewsService>;

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
