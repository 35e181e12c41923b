/**
 * The review schedule (issue 12; docs/reviews.md, ADR 0012): each plan's next review derived by the rules in
 * src/domain/review from what the owners of the facts say through their public surfaces: the plans feature (when the
 * plan was first made, its amendments), the core records (the child's age, care, officer and setting), the education
 * feature (not in full-time education), the plan audits (the latest grade) and this feature's own review records. The
 * result is kept per plan in plan_review_schedule so the backlog can be ranked and paged in SQL; it is refreshed for
 * one plan in the same transaction as every change to its reviews, for the whole authority by the daily job and the
 * demo, and on demand.
 */
import type { Executor } from '../../platform/audit/audit.ts';
import { childrenForReviews, type ChildForReviews } from '../../platform/people/children.ts';
import { phaseTransferFor, type SettingKind } from '../../domain/school-year.ts';
import { reviewSchedule } from '../../domain/review/index.ts';
import { notInFullTimeEducation as notInFullTimeEducationOf } from '../education/index.ts';
import { latestPlanGrades } from '../plan-audits/index.ts';
import { plansForReviews, type PlanForReviews } from '../plans/index.ts';
import {
  reviewsOf,
  saveSchedules,
  schedulePlansOfChildren,
  transfersIn,
  type NewSchedule,
  type ReviewRow,
} from './store.ts';

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
