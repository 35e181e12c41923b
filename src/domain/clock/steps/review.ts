/** Section 2.2 (reviews of a plan first issued P) with the reg 15(5) rule of section 2.4 for a plan that moved in. */
import { periodOfDaysBeginningWith, periodOfMonthsBeginningWith } from '../counting.ts';
import { formatDate, type DayNumber } from '../dates.ts';
import { long } from '../prose.ts';
import { addStep, type Context } from '../step.ts';
import type { PlanInput, ReviewInput } from '../types.ts';

export const RULES = {
  firstReview:
    'Children and Families Act 2014, s44(1): review the plan within 12 months of the date it was issued',
  laterReview: 'Children and Families Act 2014, s44(1): review the plan within 12 months of the last review',
  reviewAfterTransfer:
    'Children and Families Act 2014, s44(1); SEND Regulations 2014, reg 15(5): after a plan is transferred in, review it by the later of the normal review date and the end of the 3 months beginning with the date it was transferred',
  notice: "SEND Regulations 2014, reg 20(3): give at least 2 weeks' notice of the review meeting",
  advice:
    'SEND Regulations 2014, reg 20(4): send out advice and information at least 2 weeks before the meeting',
  report: 'SEND Regulations 2014, reg 20(7): send the review report within 2 weeks of the meeting',
  decision:
    'SEND Regulations 2014, reg 20(10): decide to keep, amend or cease the plan within 4 weeks of the meeting',
  amendmentProposal:
    'SEND Regulations 2014, reg 22(2); R (L, M and P) v Devon [2022] EWHC 493 (Admin): send the proposed amendments with the decision, within 4 weeks of the meeting',
  amendedPlan:
    'SEND Regulations 2014, reg 22(3); R (L, M and P) v Devon [2022] EWHC 493 (Admin): issue the amended plan within 8 weeks of the proposed amendments and 12 weeks of the meeting',
} as const;

function ordinal(n: number): string {
  return n === 1 ? 'The first review meeting' : `Review meeting ${n}`;
}

export function reviewSteps(
  ctx: Context,
  plan: PlanInput,
  parse: (d: string | null | undefined) => DayNumber | null,
): void {
  const p = parse(plan.firstIssued);
  if (p === null) return;
  const t = parse(plan.transferIn?.date);
  const reviews = plan.reviews ?? [];
  let previous = p;
  let transferHandled = t === null;

  for (let i = 0; i <= reviews.length; i++) {
    const review: ReviewInput | undefined = reviews[i];
    const n = i + 1;
    const meeting = review ? parse(review.meeting) : null;
    const normalDue = periodOfMonthsBeginningWith(previous, 12);
    const since =
      i === 0
        ? `12 months starting with the day the plan was first issued on ${long(p)}`
        : `12 months starting with the last review meeting on ${long(previous)}`;
    const stricter =
      i === 0
        ? ''
        : ' We count from the meeting itself, not from any later letter, because that gives the earlier date.';

    let due = normalDue;
    let rule: string = i === 0 ? RULES.firstReview : RULES.laterReview;
    let duty = `${ordinal(n)} must be held by ${long(due)}: within ${since}.${stricter}`;
    // reg 15(5): the first review after the plan was transferred in (on T) is due on the later of the normal date and
    // the last day of the 3 months beginning with T. "After the transfer" means the first meeting on or after T, or
    // the one not yet held.
    if (!transferHandled && t !== null && (meeting === null || meeting >= t)) {
      transferHandled = true;
      const threeMonths = periodOfMonthsBeginningWith(t, 3);
      due = Math.max(normalDue, threeMonths);
      rule = RULES.reviewAfterTransfer;
      duty =
        `${ordinal(n)} must be held by ${long(due)}. The old council transferred the plan to this council on ${long(t)}, ` +
        `so the meeting is due on the later of two dates: the end of the ${since} (${long(normalDue)}), and the end ` +
        `of the 3 months starting with the transfer (${long(threeMonths)}).${stricter}`;
    }
    addStep(ctx, `review:${n}`, 'local-authority', due, meeting, rule, {
      duty,
      done: 'The review meeting was held',
      notDone: 'The review meeting has not been held yet.',
    });
    if (!review || meeting === null) break;

    const ceased = reviewMeetingSteps(ctx, n, meeting, review, parse);
    if (ceased) break;
    previous = meeting;
  }
}

/** The steps around the review meeting on M; returns true when the council decided to cease the plan. */
function reviewMeetingSteps(
  ctx: Context,
  n: number,
  m: DayNumber,
  review: ReviewInput,
  parse: (d: string | null | undefined) => DayNumber | null,
): boolean {
  const meetingOn = long(m);

  const noticeDue = m - 14;
  addStep(
    ctx,
    `review-notice:${n}`,
    'local-authority',
    noticeDue,
    parse(review.invitationsSent),
    RULES.notice,
    {
      duty: `The council must send the invitations to the review meeting on ${meetingOn} by ${long(noticeDue)}, so everyone has at least 2 weeks' notice.`,
      done: 'The invitations were sent',
      notDone: 'The invitations have not been sent yet.',
    },
  );

  addStep(
    ctx,
    `review-advice:${n}`,
    'local-authority',
    m - 14,
    parse(review.adviceCirculated),
    RULES.advice,
    {
      duty: `The council must send everyone the advice and information for the review by ${long(m - 14)}, at least 2 weeks before the meeting on ${meetingOn}.`,
      done: 'The advice and information were sent',
      notDone: 'The advice and information have not been sent yet.',
    },
  );

  const reportDue = m + 14;
  addStep(ctx, `review-report:${n}`, 'local-authority', reportDue, parse(review.reportSent), RULES.report, {
    duty: `The review report must be sent to everyone invited by ${long(reportDue)}: 2 weeks after the meeting on ${meetingOn}.`,
    done: 'The report was sent',
    notDone: 'The report has not been sent yet.',
  });

  const outcome = review.decision?.outcome ?? null;
  const decisionDue = m + 28;
  const decided = parse(review.decision?.date);
  addStep(ctx, `review-decision:${n}`, 'local-authority', decisionDue, decided, RULES.decision, {
    duty: `The council must tell the family by ${long(decisionDue)} whether it will keep the plan as it is, change it or stop it: 4 weeks after the meeting on ${meetingOn}.`,
    done:
      outcome === 'maintain'
        ? 'The council sent its decision to keep the plan as it is'
        : outcome === 'amend'
          ? 'The council sent its decision to change the plan'
          : outcome === 'cease'
            ? 'The council sent its decision to stop the plan'
            : 'The council sent its decision',
    notDone: 'The council has not sent its decision yet.',
    more:
      outcome === 'cease' ? 'Because the council decided to stop the plan, there are no more reviews.' : '',
  });

  if (outcome === 'amend') {
    const proposal = parse(review.amendmentProposalSent);
    const issued = parse(review.amendedPlanIssued);
    let commentEnd: DayNumber | null = null;
    if (proposal !== null) {
      commentEnd = periodOfDaysBeginningWith(proposal, 15);
      ctx.periods.push({
        id: `amendment-comments:${n}`,
        from: formatDate(proposal),
        to: formatDate(commentEnd),
      });
    }
    const commentText =
      proposal !== null && commentEnd !== null
        ? `The family has 15 days, up to and including ${long(commentEnd)}, to comment on the proposed changes sent on ${long(proposal)}.`
        : '';

    addStep(ctx, `amendment-proposal:${n}`, 'local-authority', m + 28, proposal, RULES.amendmentProposal, {
      duty: `The council must send the changes it wants to make to the plan by ${long(m + 28)}, with its decision: 4 weeks after the meeting on ${meetingOn}.`,
      done: 'The council sent the proposed changes',
      notDone: 'The council has not sent the proposed changes yet.',
      more: commentText,
    });

    const latest = m + 84;
    const due = proposal === null ? latest : Math.min(proposal + 56, latest);
    const duty =
      proposal === null
        ? `The council must issue the changed plan by ${long(latest)}: 12 weeks after the meeting on ${meetingOn}. Once it sends the proposed changes, the plan is due 8 weeks after that if that is sooner.`
        : `The council must issue the changed plan by ${long(due)}: the earlier of 8 weeks after it sent the proposed changes on ${long(proposal)} (${long(proposal + 56)}) and 12 weeks after the meeting on ${meetingOn} (${long(latest)}).`;
    const duringComments = issued !== null && commentEnd !== null && issued <= commentEnd;
    if (duringComments) ctx.warnings.push('amended-plan-issued-during-comment-period');
    addStep(ctx, `amended-plan:${n}`, 'local-authority', due, issued, RULES.amendedPlan, {
      duty,
      done: 'The council issued the changed plan',
      notDone: 'The council has not issued the changed plan yet.',
      more: duringComments
        ? `${commentText} The changed plan was issued on ${long(issued)}, before those 15 days were over, so the family may not have had the chance to comment.`
        : commentText,
    });
  }
  return outcome === 'cease';
}
