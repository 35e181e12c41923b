/**
 * The review report (ADR 0015; docs/reviews.md): the meeting's record sent today as the report (`checkReport`: held →
 * report sent, late after 2 weeks) to everyone invited and the child's lead officer, and the report read by the
 * authority, the school and, once sent, everyone invited.
 */
import { auditContext, type Actor } from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { withChange, type ChangeContext } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import { childrenForReviews } from '../../platform/people/children.ts';
import { childNames } from '../../platform/people/organisations.ts';
import { userWithTeam } from '../../platform/people/users.ts';
import { paths } from '../../platform/web/paths.ts';
import { longDate } from '../../domain/calendar.ts';
import { checkReport, type Lateness } from '../../domain/review/index.ts';
import { details, fullName, notFound, reviewAccess } from './meeting.ts';
import { inviteesOf, meetingOf } from './store/meeting.ts';
import { refreshReviewSchedules } from './schedule.ts';
import { factsOf, ReviewFormError } from './service.ts';
import { updateReview, type ReviewRow } from './store.ts';

/** Who is sent the report: everyone invited, and the child's lead officer (once, if not invited). */
async function reportRecipients(ctx: ChangeContext, review: ReviewRow) {
  const { actor } = ctx;
  const invitees = await inviteesOf(ctx.trx, actor.laCode, [review.id]);
  const child = (await childrenForReviews(ctx.trx, actor.laCode, [review.child_id])).get(review.child_id);
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
  return to;
}

export function createMeetingReport(deps: ServiceDeps) {
  const { db } = deps;
  const change = <T>(actor: Actor, fn: (ctx: ChangeContext) => Promise<T>) => withChange(deps, actor, fn);

  return {
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
          const to = await reportRecipients(ctx, review);
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
      const d = await details(db, actor, review, deps.today());
      if (!d.record || (as === 'invitee' && !review.report_sent))
        throw notFound(actor, 'review.report.read', reviewId);
      return { ...d, as };
    },
  };
}
