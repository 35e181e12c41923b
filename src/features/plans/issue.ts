/**
 * Issuing an EHC plan: a draft for comment and the final (or amended, or replacement) plan, each as a new immutable
 * version, recording the journey's dates through the assessment service; the checks that refuse an issue (the dates,
 * section I, golden-thread errors); and the team manager's override, good for one revision of the plan.
 */
import { sql } from 'kysely';
import { requireRole } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { computeTimeline } from '../../domain/clock/index.ts';
import { amendedPlanRefusal, finalPlanRefusal } from '../../domain/assessment/lawful-steps.ts';
import { longDate } from '../../domain/calendar.ts';
import {
  issueFinal,
  loadFacts,
  openReassessmentOf,
  planStageOf,
  serveDraft,
  setReassessedPlan,
} from '../assessments/index.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import type { ChangeContext } from '../../platform/change/change.ts';
import { editable, PLAN_MANAGERS } from './access.ts';
import { commentPeriod, periodFor, reassessmentDraftOf } from './comments.ts';
import { tellDraftShared, tellPlanIssued } from './notify.ts';
import { loadPlan, validOverride, type LoadedPlan } from './read.ts';
import { changeAudit, PlanError, type PlansChanged } from './service.ts';
import { snapshotOf } from './snapshot.ts';
import { planRow, type PlanRecord } from './store.ts';

export type ReassessmentResult = 'amended' | 'replaced';

async function nextNumber(trx: Executor, laCode: string, planId: string) {
  const { n } = await trx
    .selectFrom('ehc_plan_version')
    .select((eb) => eb.fn.coalesce(eb.fn.max('number'), sql<number>`0`).as('n'))
    .where('la_code', '=', laCode)
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return Number(n) + 1;
}

function checkIssueDate(date: string, today: string, notBefore: string | null, what: string) {
  if (date > today) throw new PlanError('date', 'The date must be today or in the past');
  if (notBefore && date < notBefore)
    throw new PlanError('date', `The date must be on or after ${longDate(notBefore)}, when ${what}`);
}

/** A new immutable version of the plan as loaded, numbered after the last. */
async function addVersion(
  ctx: ChangeContext,
  planId: string,
  loaded: LoadedPlan,
  version: { kind: 'draft' | 'final' | 'amended'; date: string; overrideId: string | null },
) {
  const { trx, actor } = ctx;
  const number = await nextNumber(trx, actor.laCode, planId);
  const { id } = await trx
    .insertInto('ehc_plan_version')
    .values({
      la_code: actor.laCode,
      plan_id: planId,
      number,
      kind: version.kind,
      issued_on: version.date,
      issued_by: actor.userId,
      snapshot: JSON.stringify(snapshotOf(loaded, version.kind)),
      thread_errors: loaded.check.errors,
      override_id: version.overrideId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, number };
}

/**
 * J8: an issued plan gets a new draft only from a reassessment that has decided to issue a plan: the draft is a new
 * version of the same plan, and the plan now belongs to the reassessment, whose 14 weeks it counts against. Returns
 * the plan as it now stands.
 */
async function moveToReassessment(ctx: ChangeContext, record: PlanRecord): Promise<PlanRecord> {
  const { trx, actor } = ctx;
  const reassessment = await openReassessmentOf(trx, actor.laCode, record.child_id);
  if (!reassessment || reassessment.stage !== 'draft' || reassessment.draft_served)
    throw new PlanError(
      'date',
      'This plan has been issued as final: a new draft comes only from a reassessment that has decided to issue a plan (or, later, from a review)',
    );
  await trx
    .updateTable('ehc_plan')
    .set({ case_id: reassessment.id, draft_served: null, updated_at: new Date() })
    .where('la_code', '=', actor.laCode)
    .where('id', '=', record.id)
    .execute();
  await setReassessedPlan(trx, actor.laCode, reassessment.id, record.id, null);
  return (await planRow(trx, actor.laCode, record.id))!;
}

/**
 * Issues the current plan as a draft for comment: a new immutable version, shared with the family and every adviser
 * of the child. When the plan belongs to an assessment whose draft has not been recorded, the assessment service
 * records the draft's date in the same transaction (and starts the family's 15 days).
 */
export async function issueDraft(
  ctx: ChangeContext,
  planId: string,
  input: { date: string },
): Promise<string> {
  const { trx, actor } = ctx;
  let record = await editable(trx, actor, planId, 'plan.draft.issue');
  if (record.status !== 'draft') record = await moveToReassessment(ctx, record);
  const loaded = await loadPlan(trx, record, ctx.today, 'draft');
  if (loaded.plan.placement) {
    throw new PlanError(
      'date',
      'Section I must be blank on a draft, so the family can first say which school or college they would like. Remove the placement, then issue the draft.',
    );
  }
  checkIssueDate(input.date, ctx.today, null, '');
  const { id, number } = await addVersion(ctx, planId, loaded, {
    kind: 'draft',
    date: input.date,
    overrideId: null,
  });
  let journeyRecorded = false;
  if (record.case_id) {
    const kase = await planStageOf(trx, actor.laCode, record.case_id);
    if (kase.stage === 'draft' && !kase.draft_served) {
      await serveDraft(ctx, record.case_id, { date: input.date });
      journeyRecorded = true;
    }
  }
  await trx
    .updateTable('ehc_plan')
    .set({ shared_version_id: id, draft_served: record.draft_served ?? input.date, updated_at: new Date() })
    .where('la_code', '=', actor.laCode)
    .where('id', '=', planId)
    .execute();
  await changeAudit(ctx, record, 'plan.draft.issue', {
    versionId: id,
    number,
    threadErrors: loaded.check.errors,
  });
  await recordCaseEvent(ctx, {
    childId: record.child_id,
    kind: 'plan-draft-shared',
    summary: `Draft EHC plan (version ${number}) shared with the family and advisers for comment`,
    detail: { planId, versionId: id, caseId: record.case_id },
  });
  const period = commentPeriod(
    { draft_served: record.draft_served ?? input.date },
    record.case_id ? (await loadFacts(trx, actor.laCode, [record.case_id])).get(record.case_id) : undefined,
    ctx.today,
  );
  // When the assessment recorded the draft, its own message has just told the family.
  await tellDraftShared(ctx, record, {
    number,
    commentsEnd: period?.to ?? null,
    familyTold: journeyRecorded,
  });
  return id;
}

/**
 * Whether the law lets the plan be issued final (or amended) on the date; refused with the reason otherwise. Returns
 * the reassessment whose draft of an issued plan this is, if any.
 */
async function lawfulIssue(trx: Executor, record: PlanRecord, date: string) {
  // J2: an issued plan is amended or replaced only through a review, a reassessment or a tribunal order. Of those,
  // Goldthread has the reassessment (J8): once its draft of this plan has been served, its outcome is a new version
  // of the same plan, amended (the default) or a replacement. Otherwise it is refused (and not offered in the editor).
  const reassessment = record.status === 'draft' ? undefined : await reassessmentDraftOf(trx, record);
  if (record.status !== 'draft') {
    const refusal = amendedPlanRefusal(
      reassessment
        ? {
            route: 'reassessment',
            final: {
              commentsUntil: (await periodFor(trx, record, date))?.to ?? null,
              commentsComplete: reassessment.family_comments_complete,
              date,
            },
          }
        : { route: null, final: null },
    );
    if (refusal) throw new PlanError('date', refusal);
  }
  // J1: the final plan waits for the family's 15 days to comment (reg 13(1)(a)); a plan with an assessment is also
  // checked by the assessment service, which knows whether the family's comments are complete.
  if (!record.case_id) {
    const refusal = finalPlanRefusal({
      commentsUntil: (await periodFor(trx, record, date))?.to ?? null,
      commentsComplete: false,
      date,
    });
    if (refusal) throw new PlanError('date', refusal);
  }
  return reassessment;
}

/**
 * Whether the loaded plan is ready to issue final: a draft shared first, a date on or after it, and no golden-thread
 * errors unless a team manager has recorded why for this revision. Returns that override, if any.
 */
async function readyToIssue(trx: Executor, loaded: LoadedPlan, date: string, today: string) {
  const record = loaded.record;
  if (record.status === 'draft' && !record.shared_version_id) {
    throw new PlanError('date', 'Share a draft with the family for comment before issuing the final plan');
  }
  checkIssueDate(date, today, record.draft_served, 'the draft was shared');
  const override = loaded.check.errors > 0 ? await validOverride(trx, record) : undefined;
  if (loaded.check.errors > 0 && !override) {
    throw new PlanError(
      'date',
      `The plan has ${loaded.check.errors} golden-thread ${loaded.check.errors === 1 ? 'error' : 'errors'}. Fix them, or ask a team manager to record why the plan should be issued anyway.`,
    );
  }
  return override;
}

/** The plan issued: its status, the version shared, the day, and (a first final plan only) its first review's date. */
async function markIssued(
  ctx: ChangeContext,
  record: PlanRecord,
  issued: { kind: 'final' | 'amended'; versionId: string; date: string },
) {
  const review = computeTimeline({
    asOf: ctx.today,
    plan: { firstIssued: issued.date, reviews: [] },
  }).steps.find((s) => s.id === 'review:1');
  await ctx.trx
    .updateTable('ehc_plan')
    .set({
      status: issued.kind,
      shared_version_id: issued.versionId,
      final_issued: issued.date,
      // Amending, or replacing after a reassessment, never moves the review date (CFA s44(1): reviews count from the
      // last review, J2); only a first final plan sets it.
      ...(record.status === 'draft' ? { review_due: review?.due ?? null } : {}),
      updated_at: new Date(),
    })
    .where('la_code', '=', ctx.actor.laCode)
    .where('id', '=', record.id)
    .execute();
}

/**
 * Issues the plan as final (or, once final, as amended). Section I must name a setting. Golden-thread errors stop
 * it unless a team manager has recorded why for this very revision of the plan. When the plan belongs to an
 * assessment at the draft stage, the assessment service records the final plan's date and reference. `plansChanged`
 * (the composition root's: the review schedule) is told of the plan inside the change.
 */
export async function issuePlan(
  ctx: ChangeContext,
  planId: string,
  input: {
    date: string;
    result?: ReassessmentResult | undefined;
    /** Why the plan is issued while advice asked for has not arrived (the assessment requires it then). */
    withoutAdvice?: string | undefined;
  },
  plansChanged?: PlansChanged,
): Promise<string> {
  const { trx, actor } = ctx;
  const record = await editable(trx, actor, planId, 'plan.final.issue');
  const reassessment = await lawfulIssue(trx, record, input.date);
  const result: ReassessmentResult = input.result ?? 'amended';
  const kind = record.status === 'draft' || result === 'replaced' ? 'final' : 'amended';
  const loaded = await loadPlan(trx, record, ctx.today, kind);
  if (!loaded.plan.placement) {
    throw new PlanError(
      'date',
      'Name the school or other setting in section I before issuing the final plan',
    );
  }
  const override = await readyToIssue(trx, loaded, input.date, ctx.today);
  const { id, number } = await addVersion(ctx, planId, loaded, {
    kind,
    date: input.date,
    overrideId: override?.id ?? null,
  });
  // Whether the assessment records this issue: its one entry in the child's history then names the version, and the
  // plan writes none of its own (one entry per real event; each feature keeps its own audit entry).
  let journeyRecorded = false;
  if (record.case_id) {
    const kase = await planStageOf(trx, actor.laCode, record.case_id);
    // Before the case's final step, so its notice says whether the reassessment amended or replaced the plan.
    if (reassessment) await setReassessedPlan(trx, actor.laCode, reassessment.id, planId, result);
    if (kase.stage === 'draft' && kase.draft_served && !kase.final_issued) {
      await issueFinal(ctx, record.case_id, {
        date: input.date,
        planReference: `${record.reference}-V${number}`,
        placement: {
          kind: 'setting',
          settingId: loaded.plan.placement.settingId,
          settingName: loaded.plan.placement.name,
        },
        plan: { planId, versionId: id, number, byOverride: Boolean(override) },
        withoutAdvice: input.withoutAdvice,
      });
      journeyRecorded = true;
    }
  }
  await markIssued(ctx, record, { kind, versionId: id, date: input.date });
  await changeAudit(ctx, record, `plan.${kind}.issue`, {
    versionId: id,
    number,
    threadErrors: loaded.check.errors,
    overrideId: override?.id ?? null,
  });
  if (!journeyRecorded)
    await recordCaseEvent(ctx, {
      childId: record.child_id,
      kind: `plan-${kind}`,
      summary: `${record.status !== 'draft' && kind === 'final' ? 'Replacement' : kind === 'final' ? 'Final' : 'Amended'} EHC plan issued (version ${number})${override ? ' with golden-thread errors, by a manager’s decision' : ''}`,
      detail: { planId, versionId: id, caseId: record.case_id },
    });
  // Not to the family of a plan with an assessment when it is issued final: the assessment's notice of it is theirs.
  await tellPlanIssued(ctx, record, {
    kind,
    number,
    familyTold: record.case_id !== null && kind === 'final',
  });
  await plansChanged?.(trx, actor.laCode, [planId], ctx.today);
  return id;
}

/** A team manager records why the plan may be issued despite golden-thread errors (for this revision only). */
export async function recordOverride(
  ctx: ChangeContext,
  planId: string,
  input: { reason: string },
): Promise<void> {
  const { trx, actor } = ctx;
  requireRole(actor, PLAN_MANAGERS, 'plan.override');
  const record = await editable(trx, actor, planId, 'plan.override');
  const loaded = await loadPlan(trx, record, ctx.today, record.status === 'draft' ? 'final' : record.status);
  if (loaded.check.errors === 0)
    throw new PlanError('reason', 'The plan has no golden-thread errors: there is nothing to override');
  const errors = loaded.check.findings
    .filter((f) => f.severity === 'error')
    .map((f) => ({ code: f.code, section: f.section, itemId: f.itemId }));
  const inserted = await trx
    .insertInto('ehc_plan_override')
    .values({
      la_code: actor.laCode,
      plan_id: planId,
      revision: record.revision,
      reason: input.reason,
      errors: JSON.stringify(errors),
      recorded_by: actor.userId,
    })
    .onConflict((oc) => oc.columns(['la_code', 'plan_id', 'revision']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return;
  await changeAudit(ctx, record, 'plan.override', {
    overrideId: inserted.id,
    revision: record.revision,
    errors: errors.length,
  });
  await recordCaseEvent(ctx, {
    childId: record.child_id,
    kind: 'plan-override',
    summary: `A team manager recorded why the plan may be issued with ${errors.length} golden-thread ${errors.length === 1 ? 'error' : 'errors'}`,
    detail: { planId, overrideId: inserted.id },
  });
}
