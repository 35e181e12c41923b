/**
 * The review meeting (issue 12 item 2; docs/reviews.md, ADR 0015): arranged by the school (its SENCO or head teacher,
 * a professional account at the child's current setting) or by the authority; invitations to the family, the
 * setting, health, social care, the council and anyone appropriate, each against the 2 weeks' notice; the meeting's
 * record (attendance, what is working and not, progress toward each outcome, recommended changes by section,
 * differences of opinion, preparation for adulthood from year 9), which moves the review to held; and the record sent
 * as the review report to everyone invited. The rules are src/domain/review (meeting.ts, lifecycle.ts).
 *
 * This file holds the meeting service's factory, who may read and change a review's meeting, the facts its pages
 * share, and the meeting page. The work is in the files beside it: arranging the meeting, moving it and the school's
 * list of reviews (meeting-arrange.ts); the people who could be invited, the invitations and the advice asked with
 * them (meeting-invitations.ts); the meeting's record (meeting-record.ts); the review report (meeting-report.ts).
 *
 * Access: casework staff of the authority read every review (caseworkers and team managers change them); a
 * professional at the child's current setting reads and changes its reviews; anyone invited with an account reads
 * the review's page once invited (and its report once sent); everyone else 404 (audited). Every change is one
 * transaction with an audit entry.
 */
import {
  auditContext,
  authoriseChildRead,
  CASEWORK_ROLES,
  isUuid,
  type Actor,
} from '../../platform/access/access.ts';
import { audit, type Executor } from '../../platform/audit/audit.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { childrenForReviews } from '../../platform/people/children.ts';
import { childNames } from '../../platform/people/organisations.ts';
import { settingOfUser } from '../../platform/people/settings.ts';
import { userWithTeam } from '../../platform/people/users.ts';
import {
  ATTENDANCE,
  invitationLateness,
  missingInvitees,
  paperworkSteps,
  preparationForAdulthoodDue,
  reviewAdviceDue,
  reviewAdviceStatus,
  reviewState,
  type ChangeSection,
  type Perspective,
  type PfaTopic,
  type Progress,
} from '../../domain/review/index.ts';
import { planOutcomesForReviews, plansForReviews, type PlanForReviews } from '../plans/index.ts';
import { createMeetingArrangements } from './meeting-arrange.ts';
import { candidatesFor, createMeetingInvitations } from './meeting-invitations.ts';
import { createMeetingRecord } from './meeting-record.ts';
import { createMeetingReport } from './meeting-report.ts';
import { inviteesOf, isInvitee, meetingOf, type InviteeRow, type MeetingRow } from './store/meeting.ts';
import { adviceOfReviews } from './store/voices.ts';
import { factsOf, REVIEW_EDITORS } from './service.ts';
import { reviewById, type ReviewRow } from './store.ts';

export type ReviewRole = 'authority' | 'school' | 'invitee';

export interface ReviewAccess {
  readonly review: ReviewRow;
  readonly as: ReviewRole;
  readonly canEdit: boolean;
}

/** The meeting's record as stored (plan_review_meeting's JSON columns, read back). */
export interface MeetingRecord {
  readonly views: Record<Perspective, { working: string; notWorking: string }>;
  readonly progress: Array<{ outcomeId: string; outcome: string; progress: Progress; notes: string }>;
  readonly changes: Array<{ section: ChangeSection; change: string }>;
  readonly differences: string;
  readonly pfaConsidered: boolean;
  readonly pfa: Array<{ topic: PfaTopic; text: string }>;
}

function parseJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function meetingRecordOf(row: MeetingRow): MeetingRecord {
  return {
    views: parseJson(row.views),
    progress: parseJson(row.outcome_progress),
    changes: parseJson(row.recommended_changes),
    differences: row.differences,
    pfaConsidered: row.pfa_considered,
    pfa: row.pfa === null ? [] : parseJson(row.pfa),
  };
}

export const notFound = (actor: Actor, action: string, recordId: string) =>
  new NotFoundError('Not found', {
    ctx: auditContext(actor),
    entry: {
      action: `${action}.denied`,
      recordType: 'plan_review',
      recordId: isUuid(recordId) ? recordId : null,
      outcome: 'denied',
    },
  });

/**
 * Whether the actor works at one of the child's settings now (its SENCO, head teacher or staff): `main` at the main
 * setting (the placement that is not a dual registration), whose staff arrange and record the review; `dual` at the
 * other school of a dual placement, whose staff read it; null otherwise.
 */
async function atChildsSetting(db: Executor, actor: Actor, childId: string): Promise<'main' | 'dual' | null> {
  if (actor.role !== 'professional') return null;
  const school = await settingOfUser(db, actor.laCode, actor.userId);
  if (!school) return null;
  const child = (await childrenForReviews(db, actor.laCode, [childId])).get(childId);
  if (child?.setting?.id === school.id) return 'main';
  return child?.otherSettingIds.includes(school.id) ? 'dual' : null;
}

export async function reviewAccess(
  db: Executor,
  actor: Actor,
  reviewId: string,
  action: string,
): Promise<ReviewAccess> {
  const review = isUuid(reviewId) ? await reviewById(db, actor.laCode, reviewId) : undefined;
  if (!review) throw notFound(actor, action, reviewId);
  if (CASEWORK_ROLES.includes(actor.role)) {
    await authoriseChildRead(db, actor, review.child_id, action);
    return { review, as: 'authority', canEdit: REVIEW_EDITORS.includes(actor.role) };
  }
  const at = await atChildsSetting(db, actor, review.child_id);
  const school = at !== null;
  if (school || (await isInvitee(db, actor.laCode, review.id, actor.userId))) {
    await audit(db, auditContext(actor), {
      action,
      recordType: 'plan_review',
      recordId: review.id,
      childId: review.child_id,
    });
    return { review, as: school ? 'school' : 'invitee', canEdit: at === 'main' };
  }
  throw notFound(actor, action, reviewId);
}

/** A final plan the actor may arrange a review of: the authority's editors, or staff at the child's setting. */
export async function arrangeablePlan(
  db: Executor,
  actor: Actor,
  planId: string,
  action: string,
): Promise<{ plan: PlanForReviews; as: 'authority' | 'school' }> {
  const [plan] = isUuid(planId) ? await plansForReviews(db, actor.laCode, [planId]) : [];
  if (!plan) throw notFound(actor, action, planId);
  if (REVIEW_EDITORS.includes(actor.role)) {
    await authoriseChildRead(db, actor, plan.childId, action);
    return { plan, as: 'authority' };
  }
  if ((await atChildsSetting(db, actor, plan.childId)) === 'main') {
    await audit(db, auditContext(actor), {
      action,
      recordType: 'ehc_plan',
      recordId: plan.id,
      childId: plan.childId,
    });
    return { plan, as: 'school' };
  }
  throw new NotFoundError('Not found', {
    ctx: auditContext(actor),
    entry: { action: `${action}.denied`, recordType: 'ehc_plan', recordId: plan.id, outcome: 'denied' },
  });
}

export const fullName = (n: { given_name: string; family_name: string } | undefined) =>
  n ? `${n.given_name} ${n.family_name}` : 'Unknown';

/** The advice asked for a review, with who was asked and the clock's status (the authority and the school). */
async function adviceAskedOf(db: Executor, review: ReviewRow, today: string) {
  const rows = await adviceOfReviews(db, review.la_code, [review.id]);
  const out = [];
  for (const a of rows) {
    const u = await userWithTeam(db, review.la_code, a.professional_user_id);
    out.push({
      id: a.id,
      agency: a.agency,
      name: u ? `${u.display_name}${u.team_name ? `, ${u.team_name}` : ''}` : 'Unknown',
      requested: a.requested,
      due: a.due,
      received: a.received,
      ...reviewAdviceStatus(a.due, a.received, today),
    });
  }
  return out;
}

/** The review's pages' shared facts: child, plan outcomes, preparation for adulthood, invitees, record. */
export async function details(dbx: Executor, actor: Actor, review: ReviewRow, today: string) {
  const child = (await childrenForReviews(dbx, actor.laCode, [review.child_id])).get(review.child_id);
  const name = (await childNames(dbx, actor.laCode, [review.child_id])).get(review.child_id);
  const invitees = await inviteesOf(dbx, actor.laCode, [review.id]);
  const meeting = await meetingOf(dbx, actor.laCode, review.id);
  const day = review.held ?? review.meeting_date ?? today;
  return {
    today,
    review,
    state: reviewState(factsOf(review)),
    steps: paperworkSteps(factsOf(review), today),
    childId: review.child_id,
    childName: fullName(name),
    reference: name?.reference ?? '',
    setting: child?.setting?.name ?? null,
    pfaDue: preparationForAdulthoodDue(child?.dateOfBirth ?? null, day),
    invitees: invitees.map((i) => ({
      ...i,
      late: review.meeting_date ? invitationLateness(review.meeting_date, i.invited_on) : null,
    })),
    missing: missingInvitees(invitees.map((i) => i.kind)),
    record: meeting ? meetingRecordOf(meeting) : null,
    recordedAt: meeting?.recorded_at ?? null,
  };
}

export function createMeetingService(deps: ServiceDeps) {
  const { db } = deps;

  return {
    /** A review's meeting page: its paperwork, invitees, the people who could be invited, the plan's outcomes. */
    async meetingPage(actor: Actor, reviewId: string) {
      const { review, as, canEdit } = await reviewAccess(db, actor, reviewId, 'review.meeting.read');
      const d = await details(db, actor, review, deps.today());
      const inviting = canEdit && (d.state === 'scheduled' || d.state === 'arranged');
      const invited = new Set(d.invitees.map((i) => i.email.toLowerCase()));
      return {
        ...d,
        as,
        canEdit,
        adviceDue: review.meeting_date ? reviewAdviceDue(review.meeting_date) : null,
        advice: as === 'invitee' ? [] : await adviceAskedOf(db, review, d.today),
        candidates: inviting
          ? (await candidatesFor(db, actor.laCode, review)).filter((c) => !invited.has(c.email.toLowerCase()))
          : [],
        outcomes: await planOutcomesForReviews(db, actor.laCode, review.plan_id),
      };
    },

    /** Arranging the meeting, moving it, and the school's list of its reviews (meeting-arrange.ts). */
    ...createMeetingArrangements(deps),
    /** Inviting people, with the advice asked of them (meeting-invitations.ts). */
    ...createMeetingInvitations(deps),
    /** The meeting's record, which moves the review to held (meeting-record.ts). */
    ...createMeetingRecord(deps),
    /** The review report, sent and read (meeting-report.ts). */
    ...createMeetingReport(deps),
  };
}

export type MeetingService = ReturnType<typeof createMeetingService>;
export type { InviteeRow };
export { ATTENDANCE };
