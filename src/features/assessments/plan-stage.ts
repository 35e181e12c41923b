/** The plan stage of the journey: the draft plan sent, the family's response to it, and the final plan issued. */
import { auditContext, requireRole } from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { planNoticeKind, rightsMessage, tellOrganisations } from '../notices/index.ts';
import type { Step, Timeline } from '../../domain/clock/types.ts';
import { plural, stepById } from '../../domain/assessment/journey.ts';
import { refreshClock } from './store.ts';
import { consultOnDraft, finalPlacementProblems } from '../consultation/index.ts';
import type { NamedPlacement } from '../../domain/placement/placement.ts';
import { markCommentsComplete } from './store/lawful-steps.ts';
import { checkFinalPlanDate, checkOutstandingAdvice } from './lawful-steps.ts';
import { longDate } from '../../domain/calendar.ts';
import { planIssued } from '../../platform/people/children.ts';
import { decisionToTell } from './decisions.ts';
import {
  STAFF,
  JourneyError,
  type ChangeContext,
  caseOrNotFound,
  childName,
  recordEvent,
  notifyFamily,
  checkDate,
} from './case-support.ts';

export async function serveDraft(ctx: ChangeContext, caseId: string, input: { date: string }): Promise<void> {
  const { trx, actor } = ctx;
  requireRole(actor, STAFF, 'assessment.draft');
  const record = await caseOrNotFound(trx, actor, caseId);
  if (record.stage !== 'draft' || record.draft_served)
    throw new JourneyError(
      'date',
      'The draft plan has already been sent, or the council has not decided to issue a plan',
    );
  checkDate('date', input.date, record.outcome_date!, ctx.today, 'the council decided to issue a plan');
  await trx
    .updateTable('assessment_case')
    .set({ draft_served: input.date })
    .where('la_code', '=', actor.laCode)
    .where('id', '=', caseId)
    .execute();
  const timeline = await refreshClock(trx, actor.laCode, caseId, ctx.today);
  const period = timeline.periods.find((p) => p.id === 'draft-comments')!;
  await recordEvent(
    trx,
    actor,
    record.child_id,
    caseId,
    'draft-served',
    'Draft EHC plan sent to the family',
    {
      date: input.date,
      commentsUntil: period.to,
    },
  );
  await audit(trx, auditContext(actor), {
    action: 'assessment.draft.serve',
    recordType: 'assessment_case',
    recordId: caseId,
    childId: record.child_id,
  });
  // Every setting the family asked for is consulted on the draft the same day (S3).
  await consultOnDraft(ctx, { caseId, childId: record.child_id, date: input.date });
  await notifyFamily(ctx, record, 'assessment-draft-served', {
    child: childName(record),
    served: longDate(input.date),
    commentsEnd: longDate(period.to),
    due: longDate(finalPlanStep(timeline)!.due),
  });
}

export async function recordResponse(
  ctx: ChangeContext,
  caseId: string,
  input: {
    date: string;
    comments: string;
    school?: string | undefined;
    commentsComplete?: boolean | undefined;
  },
): Promise<void> {
  const { trx, actor } = ctx;
  requireRole(actor, STAFF, 'assessment.response');
  const record = await caseOrNotFound(trx, actor, caseId);
  if (record.stage !== 'draft' || !record.draft_served || record.family_response_date)
    throw new JourneyError(
      'date',
      "The family's response can only be recorded once, after the draft plan is sent",
    );
  checkDate('date', input.date, record.draft_served, ctx.today, 'the draft plan was sent');
  await trx
    .updateTable('assessment_case')
    .set({
      family_response_date: input.date,
      family_comments: input.comments,
      school_requested: input.school ?? null,
    })
    .where('la_code', '=', actor.laCode)
    .where('id', '=', caseId)
    .execute();
  // J1: the family may say their comments are complete, so the final plan need not wait for the 15 days.
  if (input.commentsComplete) await markCommentsComplete(trx, actor.laCode, caseId);
  const timeline = await refreshClock(trx, actor.laCode, caseId, ctx.today);
  const complete = input.commentsComplete
    ? ': they told us their comments are complete, so the final plan may be issued before the 15 days end'
    : '';
  await recordEvent(
    trx,
    actor,
    record.child_id,
    caseId,
    'draft-response',
    input.school
      ? `Family's response to the draft plan recorded; they asked for ${input.school} to be named${complete}`
      : `Family's response to the draft plan recorded${complete}`,
    { date: input.date, commentsComplete: Boolean(input.commentsComplete) },
  );
  await audit(trx, auditContext(actor), {
    action: 'assessment.response',
    recordType: 'assessment_case',
    recordId: caseId,
    childId: record.child_id,
  });
  await notifyFamily(ctx, record, 'assessment-response-recorded', {
    child: childName(record),
    date: longDate(input.date),
    school: input.school
      ? ` You asked for ${input.school} to be named in the plan; the council must consult them.`
      : '',
    due: longDate(finalPlanStep(timeline)!.due),
  });
}

/** The final plan's step: 20 weeks from the request, or a reassessment's 14 weeks from its decision (J8). */
export function finalPlanStep(timeline: Timeline): Step | undefined {
  return stepById(timeline, 'final-plan') ?? stepById(timeline, 'reassessment-final');
}

export async function issueFinal(
  ctx: ChangeContext,
  caseId: string,
  input: {
    date: string;
    planReference?: string | undefined;
    /** What section I names (from the plan); absent when the final plan is recorded without one. */
    placement?: NamedPlacement | undefined;
    /**
     * The plan version being issued, when the plans feature issues it: the child's history then has one entry for
     * the one real event, naming the version (issue 18: it was written twice, once by each feature).
     */
    plan?: { planId: string; versionId: string; number: number; byOverride: boolean } | undefined;
    /** Why the final plan is issued while advice asked for has not arrived (required then; issue 18). */
    withoutAdvice?: string | undefined;
  },
): Promise<{ warnings: string[] }> {
  const { trx, actor } = ctx;
  requireRole(actor, STAFF, 'assessment.final');
  const record = await caseOrNotFound(trx, actor, caseId);
  if (record.stage !== 'draft' || !record.draft_served)
    throw new JourneyError('date', 'The final plan can only be issued after the draft plan has been sent');
  checkDate('date', input.date, record.draft_served, ctx.today, 'the draft plan was sent');
  // S3: only a consulted setting may be named, and a preference not named needs a recorded s39(4) ground.
  const placement = await finalPlacementProblems(trx, actor.laCode, caseId, input.placement ?? null);
  if (placement.length) throw new JourneyError('date', placement.map((p) => p.message).join('. '));
  await checkFinalPlanDate(trx, actor.laCode, record, input.date); // J1: reg 13(1)(a)
  const without = await checkOutstandingAdvice(trx, actor.laCode, caseId, input.withoutAdvice, 'final');
  await trx
    .updateTable('assessment_case')
    .set({ final_issued: input.date, plan_reference: input.planReference ?? null })
    .where('la_code', '=', actor.laCode)
    .where('id', '=', caseId)
    .execute();
  const timeline = await refreshClock(trx, actor.laCode, caseId, ctx.today);
  await planIssued(trx, actor.laCode, record.child_id, input.date);
  const final = finalPlanStep(timeline)!;
  const limit = final.id === 'reassessment-final' ? '14-week' : '20-week';
  // J8: a reassessment that amended the plan issues an amended plan, with its own notice and rights.
  const notice = planNoticeKind(record);
  await recordEvent(
    trx,
    actor,
    record.child_id,
    caseId,
    'plan-issued',
    `${notice === 'amended-plan' ? 'Amended' : 'Final'} EHC plan issued (${input.plan ? `version ${input.plan.number}, ` : ''}${final.status === 'met' ? `within the ${limit} limit` : `${plural(final.daysLate, 'day')} after the ${limit} limit`})${input.plan?.byOverride ? ' with golden-thread errors, by a manager’s decision' : ''}${without.summary}`,
    {
      date: input.date,
      warnings: timeline.warnings,
      ...without.detail,
      ...(input.plan ? { planId: input.plan.planId, versionId: input.plan.versionId } : {}),
    },
  );
  await audit(trx, auditContext(actor), {
    action: 'assessment.final.issue',
    recordType: 'assessment_case',
    recordId: caseId,
    childId: record.child_id,
    detail: { warnings: timeline.warnings, ...without.audit },
  });
  await notifyFamily(
    ctx,
    record,
    notice === 'amended-plan' ? 'assessment-amended-issued' : 'assessment-final-issued',
    {
      child: childName(record),
      issued: longDate(input.date),
      rights: await rightsMessage(trx, actor.laCode, notice, input.date, childName(record)),
    },
  );
  // Item 6 (J6): reg 13(2), the setting the plan names and the health commissioning body (reg 27 applies it to a
  // reassessment's plan too).
  const named = input.placement?.kind === 'setting' ? input.placement.settingId : null;
  await tellOrganisations(ctx, decisionToTell(record, notice, input.date, named));
  return { warnings: timeline.warnings };
}
