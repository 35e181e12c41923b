/**
 * Arranging a review meeting (ADR 0015; docs/reviews.md): the arrange page of a plan (its next review's due date, the
 * open review), the meeting set by the school or the authority, the meeting moved (everyone invited told, the advice
 * still waiting due again 2 weeks before the new date), and a SENCO's or head teacher's list of their school's
 * reviews this term.
 */
import { auditContext, type Actor } from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { withChange, type ChangeContext } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { childrenDualRegisteredAt, childrenForReviews } from '../../platform/people/children.ts';
import { childNames } from '../../platform/people/organisations.ts';
import { settingOfUser } from '../../platform/people/settings.ts';
import { paths } from '../../platform/web/paths.ts';
import { longDate } from '../../domain/calendar.ts';
import {
  checkSchedule,
  paperworkSteps,
  reviewAdviceDue,
  reviewSchedule,
  reviewState,
  schoolTermOf,
  type Lateness,
} from '../../domain/review/index.ts';
import { plansForReviews } from '../plans/index.ts';
import { arrangeablePlan, fullName, notFound, reviewAccess } from './meeting.ts';
import { emailInvitees } from './meeting-invitations.ts';
import { inviteesOf, schoolReviews, type InviteeRow } from './store/meeting.ts';
import { moveWaitingAdviceDue } from './store/voices.ts';
import { refreshReviewSchedules } from './schedule.ts';
import { factsOf, ReviewFormError } from './service.ts';
import { scheduleNextReview } from './steps.ts';
import { reviewsOf, transfersIn, updateReview, type ReviewRow } from './store.ts';

/** Everyone invited told the meeting has moved (an email each), and the move on the child's record. */
async function tellMeetingMoved(
  ctx: ChangeContext,
  review: ReviewRow,
  invitees: readonly InviteeRow[],
  meetingDate: string,
): Promise<void> {
  await emailInvitees(ctx, review, invitees, 'review-rescheduled', meetingDate, {
    from: longDate(review.meeting_date!),
  });
  await recordCaseEvent(ctx, {
    childId: review.child_id,
    kind: 'review-rescheduled',
    summary: `Review meeting moved from ${longDate(review.meeting_date!)} to ${longDate(meetingDate)}; everyone invited told`,
    detail: { reviewId: review.id, planId: review.plan_id, told: invitees.length },
  });
}

export function createMeetingArrangements(deps: ServiceDeps) {
  const { db } = deps;
  const change = <T>(actor: Actor, fn: (ctx: ChangeContext) => Promise<T>) => withChange(deps, actor, fn);

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
          if (invitees.length > 0) await tellMeetingMoved(ctx, review, invitees, input.meetingDate!);
          await refreshReviewSchedules(ctx.trx, actor.laCode, ctx.today, [review.plan_id]);
          warnings = result.warnings;
          return review.id;
        });
        return { warnings };
      });
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
