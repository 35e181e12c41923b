/**
 * The review meeting (issue 12 item 2; docs/reviews.md, ADR 0015): arranged by the school (its SENCO or head teacher,
 * a professional account at the child's current setting) or by the authority; invitations to the family, the
 * setting, health, social care, the council and anyone appropriate, each against the 2 weeks' notice; the meeting's
 * record (attendance, what is working and not, progress toward each outcome, recommended changes by section,
 * differences of opinion, preparation for adulthood from year 9), which moves the review to held; and the record sent
 * as the review report to everyone invited. The rules are src/domain/review (meeting.ts, lifecycle.ts).
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
import { withChange, type ChangeContext } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import { authoritySettings } from '../../platform/people/authority-settings.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { childrenDualRegisteredAt, childrenForReviews } from '../../platform/people/children.ts';
import {
  childNames,
  organisationAccounts,
  professionalAccounts,
} from '../../platform/people/organisations.ts';
import { recipientsFor } from '../../platform/people/recipients.ts';
import { settingOfUser, settingStaff } from '../../platform/people/settings.ts';
import { authorityOf, userWithTeam } from '../../platform/people/users.ts';
import { paths } from '../../platform/web/paths.ts';
import { longDate } from '../../domain/calendar.ts';
import {
  ATTENDANCE,
  CHANGE_SECTIONS,
  checkArrange,
  checkInvitations,
  checkMeetingRecord,
  checkReport,
  checkSchedule,
  invitationLateness,
  missingInvitees,
  paperworkSteps,
  PERSPECTIVES,
  PFA_TOPICS,
  preparationForAdulthoodDue,
  reviewAdviceDue,
  reviewAdviceStatus,
  reviewSchedule,
  reviewState,
  schoolTermOf,
  type Attendance,
  type ChangeSection,
  type InviteeKind,
  type Lateness,
  type MeetingRecordInput,
  type Perspective,
  type PfaTopic,
  type Progress,
  type ReviewAdviceAgency,
} from '../../domain/review/index.ts';
import { planOutcomesForReviews, plansForReviews, type PlanForReviews } from '../plans/index.ts';
import {
  insertInvitees,
  insertMeeting,
  inviteesOf,
  isInvitee,
  meetingOf,
  schoolReviews,
  setAttendance,
  type InviteeRow,
  type MeetingRow,
} from './store/meeting.ts';
import { adviceAsked, adviceOfReviews, insertAdvice, moveWaitingAdviceDue } from './store/voices.ts';
import { refreshReviewSchedules } from './schedule.ts';
import { factsOf, REVIEW_EDITORS, ReviewFormError } from './service.ts';
import { scheduleNextReview } from './steps.ts';
import { reviewById, reviewsOf, transfersIn, updateReview, type ReviewRow } from './store.ts';

export type ReviewRole = 'authority' | 'school' | 'invitee';

interface ReviewAccess {
  readonly review: ReviewRow;
  readonly as: ReviewRole;
  readonly canEdit: boolean;
}

/** One person who may be invited, as the form offers them: the key is what the form sends back. */
export interface Candidate {
  readonly key: string;
  readonly kind: InviteeKind;
  readonly userId: string | null;
  readonly name: string;
  readonly email: string;
  readonly detail: string;
  /** One of the people the regulations name for this child (family, setting, health, social care, officer). */
  readonly main: boolean;
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

const KIND_OF_ORGANISATION: Readonly<Record<string, InviteeKind>> = {
  health: 'health',
  'social-care': 'social-care',
  school: 'setting',
  'local-authority': 'authority',
};

/** The kind of advice each kind of invitee is asked for (the family gives views, not advice). */
const ADVICE_AGENCY_OF_INVITEE: Readonly<Partial<Record<InviteeKind, ReviewAdviceAgency>>> = {
  setting: 'setting',
  health: 'health',
  'social-care': 'social-care',
  // a professional of the council (an educational psychologist, say): the lead officer, a caseworker, is no professional
  authority: 'other',
  other: 'other',
};

const notFound = (actor: Actor, action: string, recordId: string) =>
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

async function reviewAccess(
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
async function arrangeablePlan(
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

const fullName = (n: { given_name: string; family_name: string } | undefined) =>
  n ? `${n.given_name} ${n.family_name}` : 'Unknown';

/**
 * Emails each person invited a message about the review meeting on `meetingDate`, through the outbox: the invitation,
 * or the meeting moved (with `extra` fields for its template).
 */
async function emailInvitees(
  ctx: ChangeContext,
  review: ReviewRow,
  people: readonly { readonly email: string; readonly name: string; readonly user_id: string | null }[],
  template: 'review-invitation' | 'review-rescheduled',
  meetingDate: string,
  extra: Readonly<Record<string, string>> = {},
): Promise<void> {
  const { laCode } = ctx.actor;
  const name = (await childNames(ctx.trx, laCode, [review.child_id])).get(review.child_id);
  const council = (await authorityOf(ctx.trx, laCode))?.name ?? 'The council';
  for (const p of people) {
    await queueNotification(ctx.trx, ctx.jobs, {
      laCode,
      channel: 'email',
      recipient: p.email,
      template,
      personalisation: {
        name: p.name,
        child: fullName(name),
        date: longDate(meetingDate),
        council,
        link: paths.reviews.meeting(review.id),
        ...extra,
      },
      childId: review.child_id,
      userId: p.user_id,
    });
  }
}

export function createMeetingService(deps: ServiceDeps) {
  const { db } = deps;
  const change = <T>(actor: Actor, fn: (ctx: ChangeContext) => Promise<T>) => withChange(deps, actor, fn);

  /** Everyone the review could invite: the family, the setting's staff, health, social care, officers, others. */
  async function candidatesFor(trx: Executor, laCode: string, review: ReviewRow): Promise<Candidate[]> {
    const out: Candidate[] = [];
    let main = true;
    const add = (kind: InviteeKind, userId: string | null, name: string, email: string, detail: string) => {
      if (!email || out.some((c) => c.email.toLowerCase() === email.toLowerCase())) return;
      out.push({ key: `${kind}:${userId ?? email.toLowerCase()}`, kind, userId, name, email, detail, main });
    };
    for (const r of await recipientsFor(trx, laCode, review.child_id, {
      family: true,
      unlinkedFamily: true,
    })) {
      add(
        'family',
        r.userId,
        r.name ?? r.email,
        r.email,
        r.kind === 'young-person' ? 'Young person' : 'Parent or carer',
      );
    }
    const child = (await childrenForReviews(trx, laCode, [review.child_id])).get(review.child_id);
    if (child?.setting) {
      for (const s of await settingStaff(trx, laCode, child.setting.id)) {
        add('setting', s.id, s.display_name, s.email, child.setting.name);
      }
    }
    // a dual placement: the other school's staff too
    for (const id of child?.otherSettingIds ?? []) {
      for (const s of await settingStaff(trx, laCode, id)) {
        add('setting', s.id, s.display_name, s.email, "The child's other school (dual registration)");
      }
    }
    const settings = await authoritySettings(trx, laCode);
    for (const [kind, org] of [
      ['health', settings.commissioner],
      ['social-care', settings.socialCare],
    ] as const) {
      if (org.organisationId) {
        for (const a of await organisationAccounts(trx, laCode, org.organisationId)) {
          add(
            kind,
            a.id,
            a.email,
            a.email,
            kind === 'health' ? 'Named by the health commissioner' : 'Social care',
          );
        }
      }
    }
    const lead = child?.leadOfficerId ? await userWithTeam(trx, laCode, child.leadOfficerId) : undefined;
    if (lead?.active) add('authority', lead.id, lead.display_name, lead.email, 'Lead officer');
    main = false;
    for (const p of await professionalAccounts(trx, laCode)) {
      add(
        KIND_OF_ORGANISATION[p.kind] ?? 'other',
        p.id,
        p.display_name,
        p.email,
        p.job_title ? `${p.job_title}, ${p.organisation}` : p.organisation,
      );
    }
    return out;
  }

  /**
   * Advice asked of the professionals invited, in the invitation's step (reg 20(4), 21(4)): each invitee with an
   * active professional account (the setting's staff, health, social care, others; not the family, the council's
   * officer or the person inviting) not yet asked for that kind of advice gets a request due when the advice must be
   * sent round, 2 weeks before the meeting. Each request audited as review.advice.request. Returns how many.
   */
  async function askInviteesForAdvice(
    ctx: ChangeContext,
    review: ReviewRow,
    invitees: readonly InviteeRow[],
  ): Promise<number> {
    const { actor } = ctx;
    let asked = 0;
    const due = reviewAdviceDue(review.meeting_date!).date;
    for (const i of invitees) {
      const agency = ADVICE_AGENCY_OF_INVITEE[i.kind];
      if (!agency || !i.user_id || i.user_id === actor.userId) continue;
      const pro = await userWithTeam(ctx.trx, actor.laCode, i.user_id);
      if (!pro || pro.role !== 'professional' || !pro.active) continue;
      if (await adviceAsked(ctx.trx, actor.laCode, review.id, pro.id, agency)) continue;
      const row = await insertAdvice(ctx.trx, {
        la_code: actor.laCode,
        review_id: review.id,
        plan_id: review.plan_id,
        child_id: review.child_id,
        agency,
        professional_user_id: pro.id,
        question: '',
        requested: ctx.today,
        due,
        requested_by: actor.userId,
      });
      await audit(ctx.trx, auditContext(actor), {
        action: 'review.advice.request',
        recordType: 'plan_review_advice',
        recordId: row.id,
        childId: review.child_id,
        detail: { reviewId: review.id, agency, professional: pro.id, due, from: 'invitation' },
      });
      asked += 1;
    }
    return asked;
  }

  /** The advice asked for a review, with who was asked and the clock's status (the authority and the school). */
  async function adviceAskedOf(review: ReviewRow, today: string) {
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
  async function details(dbx: Executor, actor: Actor, review: ReviewRow) {
    const today = deps.today();
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

  return {
    /** The arrange page of a plan: its next review's due date, and the open review if there is one. */
    async arrangePage(actor: Actor, planId: string) {
      const { plan, as } = await arrangeablePlan(db, actor, planId, 'review.arrange.read');
      const today = deps.today();
      const rows = await reviewsOf(db, actor.laCode, [plan.id]);
      const name = (await childNames(db, actor.laCode, [plan.childId])).get(plan.childId);
      const open = rows.find((r) => r.held === null) ?? null;
      const meetings = rows.map((r) => r.held).filter((d): d is string => d !== null && d <= today);
      const [child] = (await childrenForReviews(db, actor.laCode, [plan.childId])).values();
      const transfer = (await transfersIn(db, actor.laCode, [plan.id])).get(plan.id);
      return {
        planId: plan.id,
        childId: plan.childId,
        childName: fullName(name),
        as,
        openReviewId: open?.id ?? null,
        // The ceasing feature's answer, as it writes it on the child's record (applyPlanEndings): the plan has
        // stopped (ceased, or sent to another council). A review decided `cease` alone is not it: the plan stays in
        // force while the family can appeal, and a withdrawn or overturned decision leaves it in force (ADR 0018).
        ceased: child?.planStatus === 'ceased',
        // The same schedule as the plan's reviews page and the backlog: with the transfer in (reg 15(5)).
        schedule: reviewSchedule({
          asOf: today,
          firstIssued: plan.firstIssued,
          dateOfBirth: child?.dateOfBirth ?? null,
          meetings,
          amendmentsIssued: plan.amendmentsIssued,
          transferredIn: transfer && transfer.transferred_on <= today ? transfer.transferred_on : null,
        }),
      };
    },

    /** The school (or the authority) sets the meeting of the plan's next review; the school's is arranged by it. */
    async arrangeReview(
      actor: Actor,
      planId: string,
      input: {
        meetingDate: string | null;
        arrangedBy: 'school' | 'authority';
        formToken?: string | undefined;
      },
    ): Promise<{ reviewId: string | null; warnings: readonly Lateness[] }> {
      return change(actor, async (ctx) => {
        const { plan, as } = await arrangeablePlan(ctx.trx, actor, planId, 'review.schedule');
        let warnings: readonly Lateness[] = [];
        const made = await once(ctx, input.formToken, async () => {
          const result = await scheduleNextReview(ctx, plan, {
            meetingDate: input.meetingDate,
            arrangedBy: as === 'school' ? 'school' : input.arrangedBy,
          });
          warnings = result.warnings;
          return result.review.id;
        });
        return { reviewId: made.resultId, warnings };
      });
    },

    /** A review's meeting page: its paperwork, invitees, the people who could be invited, the plan's outcomes. */
    async meetingPage(actor: Actor, reviewId: string) {
      const { review, as, canEdit } = await reviewAccess(db, actor, reviewId, 'review.meeting.read');
      const d = await details(db, actor, review);
      const inviting = canEdit && (d.state === 'scheduled' || d.state === 'arranged');
      const invited = new Set(d.invitees.map((i) => i.email.toLowerCase()));
      return {
        ...d,
        as,
        canEdit,
        adviceDue: review.meeting_date ? reviewAdviceDue(review.meeting_date) : null,
        advice: as === 'invitee' ? [] : await adviceAskedOf(review, d.today),
        candidates: inviting
          ? (await candidatesFor(db, actor.laCode, review)).filter((c) => !invited.has(c.email.toLowerCase()))
          : [],
        outcomes: await planOutcomesForReviews(db, actor.laCode, review.plan_id),
      };
    },

    /** Moves the meeting of a review not yet held (checked by `checkSchedule`); audited. */
    async changeMeetingDate(
      actor: Actor,
      reviewId: string,
      input: { meetingDate: string | null; formToken?: string | undefined },
    ): Promise<{ warnings: readonly Lateness[] }> {
      return change(actor, async (ctx) => {
        const { review, canEdit } = await reviewAccess(ctx.trx, actor, reviewId, 'review.reschedule');
        if (!canEdit) throw notFound(actor, 'review.reschedule', reviewId);
        let warnings: readonly Lateness[] = [];
        await once(ctx, input.formToken, async () => {
          const [plan] = await plansForReviews(ctx.trx, actor.laCode, [review.plan_id]);
          const result = checkSchedule(
            factsOf(review),
            { meetingDate: input.meetingDate, planFirstIssued: plan!.firstIssued, reviewDue: null },
            ctx.today,
          );
          if (!result.ok) throw new ReviewFormError(result.errors);
          // Once invited, everyone is told of the new date today, as they were invited: the 2 weeks' notice now counts
          // from today (reg 20(3), 21(3)), so the invitations step is measured against the new date from this day.
          const moved = review.meeting_date !== input.meetingDate;
          const invitees =
            moved && review.invitations_sent ? await inviteesOf(ctx.trx, actor.laCode, [review.id]) : [];
          await updateReview(ctx.trx, actor.laCode, review.id, {
            meeting_date: input.meetingDate,
            ...(invitees.length > 0 ? { invitations_sent: ctx.today } : {}),
          });
          // advice still waiting is due 2 weeks before the meeting as it now stands (reg 20(4), 21(4))
          const advice = await moveWaitingAdviceDue(
            ctx.trx,
            actor.laCode,
            review.id,
            reviewAdviceDue(input.meetingDate!).date,
          );
          await audit(ctx.trx, auditContext(actor), {
            action: 'review.reschedule',
            recordType: 'plan_review',
            recordId: review.id,
            childId: review.child_id,
            detail: {
              from: review.meeting_date,
              to: input.meetingDate,
              adviceMoved: advice.map((m) => m.id),
              adviceDue: advice[0]?.due ?? null,
              told: invitees.map((i) => i.id),
              late: result.warnings.map((w) => w.step),
            },
          });
          if (invitees.length > 0) {
            await emailInvitees(ctx, review, invitees, 'review-rescheduled', input.meetingDate!, {
              from: longDate(review.meeting_date!),
            });
            await recordCaseEvent(ctx, {
              childId: review.child_id,
              kind: 'review-rescheduled',
              summary: `Review meeting moved from ${longDate(review.meeting_date!)} to ${longDate(input.meetingDate!)}; everyone invited told`,
              detail: { reviewId: review.id, planId: review.plan_id, told: invitees.length },
            });
          }
          await refreshReviewSchedules(ctx.trx, actor.laCode, ctx.today, [review.plan_id]);
          warnings = result.warnings;
          return review.id;
        });
        return { warnings };
      });
    },

    /**
     * Invites the people chosen (keys of the candidates offered) and someone else named with an email, today: each
     * recorded with the day; the first invitations move the review to arranged (`checkArrange`); each invitee is sent
     * a message. Late invitations are accepted with the rule.
     */
    async invite(
      actor: Actor,
      reviewId: string,
      input: {
        keys: readonly string[];
        other: { kind: string; name: string; email: string } | null;
        /** Ask each professional invited (with an account, and not the one inviting) for advice, in the same step. */
        askAdvice?: boolean;
        formToken?: string | undefined;
      },
    ): Promise<{ invited: number; adviceAsked: number; warnings: readonly Lateness[] }> {
      return change(actor, async (ctx) => {
        const { review, canEdit } = await reviewAccess(ctx.trx, actor, reviewId, 'review.invite');
        if (!canEdit) throw notFound(actor, 'review.invite', reviewId);
        let out: { invited: number; adviceAsked: number; warnings: readonly Lateness[] } = {
          invited: 0,
          adviceAsked: 0,
          warnings: [],
        };
        await once(ctx, input.formToken, async () => {
          const already = await inviteesOf(ctx.trx, actor.laCode, [review.id]);
          const candidates = await candidatesFor(ctx.trx, actor.laCode, review);
          const chosen = input.keys.map((k) => candidates.find((c) => c.key === k));
          if (chosen.some((c) => c === undefined)) {
            throw new ReviewFormError([{ field: 'invitees', message: 'Select people from the list' }]);
          }
          const people = [
            ...(chosen as Candidate[]),
            ...(input.other
              ? [
                  {
                    ...input.other,
                    kind: input.other.kind as InviteeKind,
                    userId: null,
                    email: input.other.email.trim(),
                  },
                ]
              : []),
          ];
          const facts = factsOf(review);
          const checked = checkInvitations(
            facts,
            {
              invitees: people.map((p) => ({ kind: p.kind, name: p.name, email: p.email })),
              alreadyInvited: already.map((i) => i.email),
            },
            ctx.today,
          );
          if (!checked.ok) throw new ReviewFormError(checked.errors);
          const first = facts.invitationsSent === null;
          if (first) {
            const arranged = checkArrange(facts, { invitationsSent: ctx.today }, ctx.today);
            if (!arranged.ok) throw new ReviewFormError(arranged.errors);
            await updateReview(ctx.trx, actor.laCode, review.id, { invitations_sent: ctx.today });
          }
          const made = await insertInvitees(
            ctx.trx,
            people.map((p) => ({
              la_code: actor.laCode,
              review_id: review.id,
              child_id: review.child_id,
              kind: p.kind,
              user_id: p.userId,
              name: p.name.trim(),
              email: p.email.trim(),
              invited_on: ctx.today,
              invited_by: actor.userId,
            })),
          );
          await audit(ctx.trx, auditContext(actor), {
            action: 'review.invite',
            recordType: 'plan_review',
            recordId: review.id,
            childId: review.child_id,
            detail: {
              planId: review.plan_id,
              invitees: made.map((m) => ({ id: m.id, kind: m.kind, userId: m.user_id })),
              arranged: first,
              late: checked.warnings.length > 0,
            },
          });
          await emailInvitees(ctx, review, made, 'review-invitation', review.meeting_date!);
          const adviceAsked = input.askAdvice
            ? await askInviteesForAdvice(ctx, review, [...already, ...made])
            : 0;
          await refreshReviewSchedules(ctx.trx, actor.laCode, ctx.today, [review.plan_id]);
          out = { invited: made.length, adviceAsked, warnings: checked.warnings };
          return review.id;
        });
        return out;
      });
    },

    /**
     * Records the meeting (checked by `checkMeetingRecord`): attendance, the record, and the review held on the day
     * (the `hold` move: arranged → held), in one transaction, audited as review.hold and review.meeting.record.
     */
    async recordMeeting(
      actor: Actor,
      reviewId: string,
      input: MeetingRecordInput & { formToken?: string | undefined },
    ): Promise<{ warnings: readonly Lateness[] }> {
      return change(actor, async (ctx) => {
        const { review, canEdit } = await reviewAccess(ctx.trx, actor, reviewId, 'review.meeting.record');
        if (!canEdit) throw notFound(actor, 'review.meeting.record', reviewId);
        let warnings: readonly Lateness[] = [];
        await once(ctx, input.formToken, async () => {
          const invitees = await inviteesOf(ctx.trx, actor.laCode, [review.id]);
          const outcomes = await planOutcomesForReviews(ctx.trx, actor.laCode, review.plan_id);
          const child = (await childrenForReviews(ctx.trx, actor.laCode, [review.child_id])).get(
            review.child_id,
          );
          const result = checkMeetingRecord(
            factsOf(review),
            input,
            {
              inviteeIds: invitees.map((i) => i.id),
              outcomeIds: outcomes.map((o) => o.id),
              dateOfBirth: child?.dateOfBirth ?? null,
            },
            ctx.today,
          );
          if (!result.ok) throw new ReviewFormError(result.errors);
          const held = input.held!;
          await updateReview(ctx.trx, actor.laCode, review.id, { held, meeting_date: held });
          for (const i of invitees) {
            await setAttendance(ctx.trx, actor.laCode, review.id, i.id, input.attendance[i.id] as Attendance);
          }
          const pfaConsidered = preparationForAdulthoodDue(child?.dateOfBirth ?? null, held);
          const pfa = PFA_TOPICS.map((topic) => ({ topic, text: (input.pfa[topic] ?? '').trim() })).filter(
            (p) => p.text,
          );
          await insertMeeting(ctx.trx, {
            la_code: actor.laCode,
            review_id: review.id,
            child_id: review.child_id,
            views: JSON.stringify(
              Object.fromEntries(
                PERSPECTIVES.map((p) => [
                  p,
                  { working: input.views[p].working.trim(), notWorking: input.views[p].notWorking.trim() },
                ]),
              ),
            ),
            outcome_progress: JSON.stringify(
              outcomes.map((o) => ({
                outcomeId: o.id,
                outcome: o.text,
                progress: input.progress[o.id]!.progress,
                notes: input.progress[o.id]!.notes.trim(),
              })),
            ),
            recommended_changes: JSON.stringify(
              CHANGE_SECTIONS.flatMap((section) => {
                const text = (input.changes[section] ?? '').trim();
                return text ? [{ section, change: text }] : [];
              }),
            ),
            differences: input.differences.trim(),
            pfa_considered: pfaConsidered || pfa.length > 0,
            pfa: pfa.length > 0 ? JSON.stringify(pfa) : null,
            recorded_by: actor.userId,
          });
          const detail = {
            planId: review.plan_id,
            number: review.number,
            late: result.warnings.map((w) => w.step),
          };
          await audit(ctx.trx, auditContext(actor), {
            action: 'review.hold',
            recordType: 'plan_review',
            recordId: review.id,
            childId: review.child_id,
            detail,
          });
          await audit(ctx.trx, auditContext(actor), {
            action: 'review.meeting.record',
            recordType: 'plan_review',
            recordId: review.id,
            childId: review.child_id,
            detail: {
              attendance: Object.fromEntries(invitees.map((i) => [i.id, input.attendance[i.id]])),
              outcomes: outcomes.length,
              pfa: pfa.map((p) => p.topic),
            },
          });
          await refreshReviewSchedules(ctx.trx, actor.laCode, ctx.today, [review.plan_id]);
          warnings = result.warnings;
          return review.id;
        });
        return { warnings };
      });
    },

    /**
     * Sends the meeting's record as the review report, today (`checkReport`: held → report sent; late after 2 weeks),
     * to everyone invited and the child's lead officer; audited as review.report.
     */
    async sendMeetingReport(
      actor: Actor,
      reviewId: string,
      input: { formToken?: string | undefined } = {},
    ): Promise<{ warnings: readonly Lateness[] }> {
      return change(actor, async (ctx) => {
        const { review, canEdit } = await reviewAccess(ctx.trx, actor, reviewId, 'review.report');
        if (!canEdit) throw notFound(actor, 'review.report', reviewId);
        let warnings: readonly Lateness[] = [];
        await once(ctx, input.formToken, async () => {
          if (!(await meetingOf(ctx.trx, actor.laCode, review.id))) {
            throw new ReviewFormError([
              { field: 'report', message: 'Record the meeting before sending the report' },
            ]);
          }
          const result = checkReport(factsOf(review), { reportSent: ctx.today }, ctx.today);
          if (!result.ok) throw new ReviewFormError(result.errors.map((e) => ({ ...e, field: 'report' })));
          await updateReview(ctx.trx, actor.laCode, review.id, { report_sent: ctx.today });
          const invitees = await inviteesOf(ctx.trx, actor.laCode, [review.id]);
          const child = (await childrenForReviews(ctx.trx, actor.laCode, [review.child_id])).get(
            review.child_id,
          );
          const lead = child?.leadOfficerId
            ? await userWithTeam(ctx.trx, actor.laCode, child.leadOfficerId)
            : undefined;
          const officer = lead?.active ? lead : undefined;
          const to: Array<{ name: string; email: string; userId: string | null }> = invitees.map((i) => ({
            name: i.name,
            email: i.email,
            userId: i.user_id,
          }));
          if (officer && !to.some((t) => t.email.toLowerCase() === officer.email.toLowerCase())) {
            to.push({ name: officer.display_name, email: officer.email, userId: officer.id });
          }
          const name = (await childNames(ctx.trx, actor.laCode, [review.child_id])).get(review.child_id);
          for (const t of to) {
            await queueNotification(ctx.trx, ctx.jobs, {
              laCode: actor.laCode,
              channel: 'email',
              recipient: t.email,
              template: 'review-report',
              personalisation: {
                name: t.name,
                child: fullName(name),
                date_held: longDate(review.held!),
                link: paths.reviews.report(review.id),
              },
              childId: review.child_id,
              userId: t.userId,
            });
          }
          await audit(ctx.trx, auditContext(actor), {
            action: 'review.report',
            recordType: 'plan_review',
            recordId: review.id,
            childId: review.child_id,
            detail: {
              planId: review.plan_id,
              number: review.number,
              recipients: to.length,
              late: result.warnings.map((w) => w.step),
            },
          });
          await refreshReviewSchedules(ctx.trx, actor.laCode, ctx.today, [review.plan_id]);
          warnings = result.warnings;
          return review.id;
        });
        return { warnings };
      });
    },

    /** The review report (the meeting's record), for the authority, the school and everyone invited, once sent. */
    async reviewReport(actor: Actor, reviewId: string) {
      const { review, as } = await reviewAccess(db, actor, reviewId, 'review.report.read');
      const d = await details(db, actor, review);
      if (!d.record || (as === 'invitee' && !review.report_sent))
        throw notFound(actor, 'review.report.read', reviewId);
      return { ...d, as };
    },

    /**
     * A SENCO's or head teacher's first screen: the reviews at their school this term (due by the term's end,
     * overdue included, or meeting by then) and those held whose report is still to send, each with its paperwork.
     * The children shown are audited by the home page. Null for a professional who works at no setting.
     */
    async forSchool(actor: Actor, limit = 20) {
      if (actor.role !== 'professional') return null;
      const school = await settingOfUser(db, actor.laCode, actor.userId);
      if (!school) return null;
      const today = deps.today();
      const term = schoolTermOf(today);
      const dual = await childrenDualRegisteredAt(db, actor.laCode, school.id);
      const rows = await schoolReviews(db, actor.laCode, school.id, term.end, limit, dual);
      const all = [...rows.due, ...rows.awaitingReport];
      const names = await childNames(
        db,
        actor.laCode,
        all.map((r) => r.child_id),
      );
      const view = (r: (typeof all)[number]) => {
        const facts = {
          meetingDate: r.meeting_date ?? null,
          invitationsSent: r.invitations_sent ?? null,
          adviceCirculated: r.advice_circulated ?? null,
          held: r.held ?? null,
          reportSent: r.report_sent ?? null,
          decision: null,
        };
        const steps = paperworkSteps(facts, today).filter((s) => s.id !== 'decision');
        // A child dual-registered here: the main setting (or the council) arranges the review; this school reads it
        // once it is arranged, and is offered as an invitee.
        const dualHere = r.setting_id !== school.id;
        return {
          ...r,
          childName: fullName(names.get(r.child_id)),
          reference: names.get(r.child_id)?.reference ?? '',
          state: r.review_id ? reviewState(facts) : null,
          overdue: r.next_due < today && !r.held,
          steps,
          dual: dualHere,
          href: r.review_id
            ? paths.reviews.meeting(r.review_id)
            : dualHere
              ? null
              : paths.reviews.arrange(r.plan_id),
        };
      };
      return { school, term, due: rows.due.map(view), awaitingReport: rows.awaitingReport.map(view) };
    },
  };
}

export type MeetingService = ReturnType<typeof createMeetingService>;
export type { InviteeRow };
export { ATTENDANCE };
