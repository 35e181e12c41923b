/** Section 2.1: the EHC needs assessment, from the request R. */
import { periodOfDaysBeginningWith, withinWeeks } from '../counting.ts';
import { formatDate as formatIso, type DayNumber } from '../dates.ts';
import { long } from '../prose.ts';
import { addStep, stepExceptions, type Context } from '../step.ts';
import type { AssessmentInput } from '../types.ts';

export const RULES = {
  decisionToAssess: 'SEND Regulations 2014, reg 5(1): decide within 6 weeks of the request',
  advice: 'SEND Regulations 2014, reg 8(1): give advice within 6 weeks of being asked for it',
  decisionNotToIssue:
    'SEND Regulations 2014, reg 10(1): tell the family within 16 weeks of the request that no plan will be issued',
  finalPlan: 'SEND Regulations 2014, reg 13(2): issue the final plan within 20 weeks of the request',
} as const;

const AGENCY_NAMES: Readonly<Record<string, string>> = {
  'educational-psychology': 'educational psychologist',
  'educational-psychologist': 'educational psychologist',
  school: 'school or setting',
  setting: 'school or setting',
  college: 'college',
  'early-years': 'early years setting',
  education: 'school or setting',
  health: 'health service',
  medical: 'health service',
  'social-care': 'social care team',
  'preparation-for-adulthood': 'adviser on preparing for adulthood',
};

/**
 * The parent's or young person's own views and advice (reg 6(1)(a)): not a body asked to co-operate under CFA s31,
 * so reg 8(1) does not apply and there is no step (D4). Never shown to anyone as late or overdue.
 */
export const FAMILY_AGENCY = 'family';

/** Whether an advice request to this agency has a statutory `advice:<id>` step (every agency but the family). */
export function hasAdviceStep(agency: string | null | undefined): boolean {
  return agency !== FAMILY_AGENCY;
}

/** The person giving advice, in plain words ("educational psychologist"). */
export function adviserName(agency: string | null | undefined): string {
  return (agency && AGENCY_NAMES[agency]) || 'adviser';
}

export function assessmentSteps(
  ctx: Context,
  a: AssessmentInput,
  parse: (d: string | null | undefined) => DayNumber | null,
): void {
  const r = parse(a.requestReceived);
  if (r === null) return;
  const received = long(r);

  // decision-to-assess: R + 6 weeks (reg 5(1)); school closures, personal circumstances and absence relieve it.
  const decisionOutcome = a.decisionToAssess?.outcome ?? null;
  const decided = parse(a.decisionToAssess?.date);
  const dtaDue = withinWeeks(r, 6);
  addStep(
    ctx,
    'decision-to-assess',
    'local-authority',
    dtaDue,
    decided,
    RULES.decisionToAssess,
    {
      duty: `The council must decide by ${long(dtaDue)} whether to assess: 6 weeks from the day it received the request on ${received}.`,
      done:
        decisionOutcome === 'not-assess'
          ? 'The council sent its decision not to assess'
          : decisionOutcome === 'assess'
            ? 'The council sent its decision to assess'
            : 'The council sent its decision',
      notDone: 'The council has not sent its decision yet.',
    },
    stepExceptions(ctx, 'assessment', undefined, r, dtaDue, decided, 'reg 5(4)'),
    r,
  );

  // advice:<id>: Q + 6 weeks (reg 8(1)); personal circumstances, absence and missed appointments relieve it.
  // The family's own views have no step (D4).
  for (const request of a.adviceRequests ?? []) {
    if (!hasAdviceStep(request.agency)) continue;
    const q = parse(request.requested);
    if (q === null) continue;
    const due = withinWeeks(q, 6);
    const who = adviserName(request.agency);
    const received = parse(request.received);
    addStep(
      ctx,
      `advice:${request.id}`,
      'adviser',
      due,
      received,
      RULES.advice,
      {
        duty: `The ${who} must give their advice by ${long(due)}: 6 weeks from the day the council asked for it on ${long(q)}.`,
        done: 'The advice arrived',
        notDone: 'The advice has not arrived yet.',
        actor: `the ${who}`,
      },
      stepExceptions(ctx, 'advice', request.id, q, due, received, 'reg 8(2)'),
      q,
    );
  }

  // decision-not-to-issue: R + 16 weeks (reg 10(1)), only when the outcome of the assessment is "no plan".
  const outcome = a.assessmentOutcome?.outcome ?? null;
  if (outcome === 'no-plan') {
    const due = withinWeeks(r, 16);
    const sent = parse(a.assessmentOutcome?.date);
    addStep(
      ctx,
      'decision-not-to-issue',
      'local-authority',
      due,
      sent,
      RULES.decisionNotToIssue,
      {
        duty: `The council decided not to issue a plan. It must tell the family by ${long(due)}: 16 weeks from the day it received the request on ${received}.`,
        done: 'The council sent this decision',
        notDone: 'The council has not sent this decision yet.',
      },
      stepExceptions(ctx, 'assessment', undefined, r, due, sent, 'reg 10(4)'),
      r,
    );
  }

  // The draft comment period: 15 days beginning with the day the draft was served (reg 13(1)).
  const draft = parse(a.draftServed);
  const final = parse(a.finalIssued);
  let commentEnd: DayNumber | null = null;
  if (draft !== null) {
    commentEnd = periodOfDaysBeginningWith(draft, 15);
    ctx.periods.push({ id: 'draft-comments', from: formatIso(draft), to: formatIso(commentEnd) });
  }
  const duringComments = final !== null && commentEnd !== null && final <= commentEnd;
  if (duringComments) ctx.warnings.push('final-issued-during-comment-period');

  // final-plan: R + 20 weeks (reg 13(2)), unless the council decided not to assess or not to issue a plan.
  if (decisionOutcome !== 'not-assess' && outcome !== 'no-plan') {
    const due = withinWeeks(r, 20);
    let more = '';
    if (draft !== null && commentEnd !== null) {
      more = `The draft plan was sent on ${long(draft)}. The family has 15 days, up to and including ${long(commentEnd)}, to comment on it, ask for a meeting and ask for a school or college to be named.`;
      if (duringComments) {
        more += ` The final plan was issued on ${long(final)}, before those 15 days were over, so the family may not have had the chance to comment.`;
      }
    }
    addStep(
      ctx,
      'final-plan',
      'local-authority',
      due,
      final,
      RULES.finalPlan,
      {
        duty: `The council must issue the final plan by ${long(due)}: 20 weeks from the day it received the request on ${received}.`,
        done: 'The council issued the final plan',
        notDone: 'The council has not issued the final plan yet.',
        more,
      },
      stepExceptions(ctx, 'assessment', undefined, r, due, final, 'reg 13(3)'),
      r,
    );
  }
}
