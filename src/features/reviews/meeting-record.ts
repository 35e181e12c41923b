/**
 * The review meeting's record (ADR 0015; docs/reviews.md): attendance, the views of what is working and not,
 * progress toward each of the plan's outcomes, recommended changes by section, differences of opinion and
 * preparation for adulthood, checked by `checkMeetingRecord` and kept with the review held on the day, in one
 * transaction.
 */
import { auditContext, type Actor } from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { withChange, type ChangeContext } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { childrenForReviews } from '../../platform/people/children.ts';
import {
  CHANGE_SECTIONS,
  checkMeetingRecord,
  PERSPECTIVES,
  PFA_TOPICS,
  preparationForAdulthoodDue,
  type Attendance,
  type Lateness,
  type MeetingRecordInput,
} from '../../domain/review/index.ts';
import { planOutcomesForReviews } from '../plans/index.ts';
import { notFound, reviewAccess } from './meeting.ts';
import { insertMeeting, inviteesOf, setAttendance } from './store/meeting.ts';
import { refreshReviewSchedules } from './schedule.ts';
import { factsOf, ReviewFormError } from './service.ts';
import { updateReview } from './store.ts';

type PlanOutcome = Awaited<ReturnType<typeof planOutcomesForReviews>>[number];

/** What the meeting said, as the record's columns keep it: the views, progress per outcome, changes, differences. */
function recordColumns(input: MeetingRecordInput, outcomes: readonly PlanOutcome[]) {
  return {
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
  };
}

export function createMeetingRecord(deps: ServiceDeps) {
  const change = <T>(actor: Actor, fn: (ctx: ChangeContext) => Promise<T>) => withChange(deps, actor, fn);

  return {
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
            ...recordColumns(input, outcomes),
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
  };
}
