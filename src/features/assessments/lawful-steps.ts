/**
 * The lawful steps of the assessment journey (issue 10 items 2 and 3): the checks the journey's changes run before
 * the final plan (J1) and the outcome (J3), reused advice (reg 6(4)), confirming an exception (J10), closing a
 * request as withdrawn or moved out of the area, and the 20-week figures. The rules themselves are pure
 * (src/domain/assessment/lawful-steps.ts, timeliness.ts); this module reads the facts, runs them, and records each
 * change with its audit entry, case event and message to the family, in the caller's transaction.
 */
import { lowerFirst } from '../../platform/text.ts';
import { auditContext, requireRole } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { AdviceAgency } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { longDate } from '../../domain/calendar.ts';
import { AGENCY_LABELS, caseTimeline, EXCEPTION_LABELS, stepLabel } from '../../domain/assessment/journey.ts';
import {
  CLOSED_REASON_LABELS,
  closeRefusal,
  commentsUntil,
  finalPlanRefusal,
  missingAdvice,
  missingAdviceMessage,
  outstandingAdviceRefusal,
  type ClosedReason,
} from '../../domain/assessment/lawful-steps.ts';
import {
  twentyWeekFromCounts,
  twentyWeekTimeliness,
  type TwentyWeekTimeliness,
} from '../../domain/assessment/timeliness.ts';
import { yearGroupOn } from '../../domain/school-year.ts';
import { isUuid } from '../../platform/access/access.ts';
import { loadFacts, refreshClock } from './store.ts';
import {
  adviceCoverage,
  casesWithFinalPlanSince,
  keptTwentyWeeks,
  exceptionOfCase,
  insertAdviceReuse,
  markClosed,
  markExceptionConfirmed,
  outstandingAdviceRows,
} from './store/lawful-steps.ts';
import { adviceLabel } from './case-view.ts';
import {
  assessmentEndedWithoutPlan,
  caseOrNotFound,
  checkDate,
  childName,
  JourneyError,
  notifyFamily,
  recordEvent,
  STAFF,
  TEAM_READERS,
  teamContact,
  useFormToken,
  type CaseRecord,
  type ChangeContext,
} from './case-support.ts';

// ---- J1: the final plan after the 15 days, or once the family's comments are complete ----

/** Refuses a final (or amended) plan issued inside the family's 15 days, unless their comments are complete. */
export async function checkFinalPlanDate(trx: Executor, laCode: string, record: CaseRecord, date: string) {
  const facts = (await loadFacts(trx, laCode, [record.id])).get(record.id)!;
  const refusal = finalPlanRefusal({
    commentsUntil: commentsUntil(caseTimeline(facts, date)),
    commentsComplete: record.family_comments_complete,
    date,
  });
  if (refusal) throw new JourneyError('date', refusal);
}

// ---- Issue 18: going ahead while advice asked for has not arrived, only with a recorded reason ----

/** The advice asked for in this case that has not arrived, each named as the case page names it. */
export async function outstandingAdvice(db: Executor, laCode: string, caseId: string) {
  const rows = await outstandingAdviceRows(db, laCode, caseId);
  return rows.map((r) => ({ ...r, label: adviceLabel(r) }));
}

/**
 * Refuses the outcome or the final plan while advice asked for has not arrived, unless a reason is given; returns
 * what the history and the audit keep (empty when nothing is outstanding, so no reason is recorded).
 */
export async function checkOutstandingAdvice(
  trx: Executor,
  laCode: string,
  caseId: string,
  reason: string | undefined,
  step: 'outcome' | 'final',
): Promise<{ summary: string; detail: Record<string, unknown>; audit: Record<string, unknown> }> {
  const outstanding = await outstandingAdvice(trx, laCode, caseId);
  const refusal = outstandingAdviceRefusal(outstanding, reason, step);
  if (refusal) throw new JourneyError('withoutAdvice', refusal);
  if (!outstanding.length) return { summary: '', detail: {}, audit: {} };
  const ids = outstanding.map((a) => a.id);
  return {
    summary: ` before advice arrived from ${outstanding.map((a) => a.label).join('; ')}`,
    detail: { outstandingAdvice: ids, withoutAdviceReason: reason!.trim() },
    audit: { outstandingAdvice: ids, withoutAdvice: true },
  };
}

// ---- J3: the advice reg 6(1) requires, before the outcome ----

/** Refuses the outcome (plan or no plan) until every required kind of advice is asked for or reused (reg 6(1), 6(4)). */
export async function checkAdviceForOutcome(trx: Executor, laCode: string, record: CaseRecord, date: string) {
  const coverage = await adviceCoverage(trx, laCode, record.id);
  const message = missingAdviceMessage(
    missingAdvice({ yearGroup: yearGroupOn(record.date_of_birth, date), ...coverage }),
  );
  if (message) throw new JourneyError('outcome', message);
}

/** The required advice still missing for a case today, for the case page. */
export async function adviceStillMissing(db: Executor, laCode: string, record: CaseRecord, today: string) {
  const coverage = await adviceCoverage(db, laCode, record.id);
  return missingAdvice({ yearGroup: yearGroupOn(record.date_of_birth, today), ...coverage });
}

/**
 * Records that existing advice is reused instead of asked for again, because the family (and the adviser) agree it
 * is sufficient (reg 6(4)). Once per kind of advice per case.
 */
export async function recordAdviceReuse(
  ctx: ChangeContext,
  caseId: string,
  input: { agency: AdviceAgency; existingAdvice: string; familyAgreed: string; token: string },
): Promise<void> {
  const { trx, actor } = ctx;
  requireRole(actor, STAFF, 'assessment.advice.reuse');
  const record = await caseOrNotFound(trx, actor, caseId);
  if (!(await useFormToken(trx, actor.laCode, input.token, caseId))) return;
  if (record.stage !== 'assessment')
    throw new JourneyError('agency', 'Advice can only be recorded while the assessment is under way');
  checkDate(
    'familyAgreed',
    input.familyAgreed,
    record.request_received,
    ctx.today,
    'the request was received',
  );
  const id = await insertAdviceReuse(trx, {
    laCode: actor.laCode,
    caseId,
    agency: input.agency,
    existingAdvice: input.existingAdvice,
    familyAgreed: input.familyAgreed,
    recordedBy: actor.userId,
  });
  if (!id) throw new JourneyError('agency', 'This advice is already recorded as reused');
  const label = AGENCY_LABELS[input.agency] ?? input.agency;
  await recordEvent(
    trx,
    actor,
    record.child_id,
    caseId,
    'advice-reused',
    `Existing advice reused with the family's agreement (reg 6(4)): ${label}`,
    { reuseId: id, agency: input.agency, familyAgreed: input.familyAgreed },
  );
  await audit(trx, auditContext(actor), {
    action: 'assessment.advice.reuse',
    recordType: 'assessment_case',
    recordId: caseId,
    childId: record.child_id,
    detail: { agency: input.agency, familyAgreed: input.familyAgreed },
  });
}

// ---- J10: a caseworker confirms that an exception caused the delay ----

/**
 * Confirms, with a reason, that a recorded exception caused the delay, so the product relies on it: the working
 * target moves and the step leaves the "excluding exceptions" measure. Only an exception the clock says can qualify
 * for at least one step may be confirmed. The family is told, in the same transaction.
 */
export async function confirmException(
  ctx: ChangeContext,
  caseId: string,
  exceptionId: string,
  input: { reason: string; token: string },
): Promise<void> {
  const { trx, actor } = ctx;
  requireRole(actor, STAFF, 'assessment.exception.confirm');
  const record = await caseOrNotFound(trx, actor, caseId);
  const exception = isUuid(exceptionId)
    ? await exceptionOfCase(trx, actor.laCode, caseId, exceptionId)
    : undefined;
  if (!exception) throw new NotFoundError();
  if (!(await useFormToken(trx, actor.laCode, input.token, caseId))) return;
  if (exception.confirmed_at) throw new JourneyError('reason', 'This exception has already been confirmed');
  const facts = (await loadFacts(trx, actor.laCode, [caseId])).get(caseId)!;
  const before = caseTimeline(facts, ctx.today);
  const qualifies = before.steps.filter((s) =>
    s.exceptionChecks.some((c) => c.id === exceptionId && c.canQualify),
  );
  if (!qualifies.length)
    throw new JourneyError(
      'reason',
      'The law does not let this exception relieve any step of this case, so it cannot be relied on',
    );
  await markExceptionConfirmed(trx, actor.laCode, exceptionId, actor.userId, input.reason);
  const timeline = await refreshClock(trx, actor.laCode, caseId, ctx.today);
  const relieved = timeline.steps.filter((s) =>
    s.exceptionChecks.some((c) => c.id === exceptionId && c.reliedOn),
  );
  const label = lowerFirst(EXCEPTION_LABELS[exception.kind]);
  await recordEvent(
    trx,
    actor,
    record.child_id,
    caseId,
    'assessment-exception-confirmed',
    `Exception confirmed as the cause of the delay: ${label} (${relieved.map((s) => stepLabel(s.id)).join('; ')})`,
    { exceptionId, steps: relieved.map((s) => s.id), reason: input.reason },
  );
  await audit(trx, auditContext(actor), {
    action: 'assessment.exception.confirm',
    recordType: 'assessment_exception',
    recordId: exceptionId,
    childId: record.child_id,
    detail: { caseId, kind: exception.kind, steps: relieved.map((s) => s.id) },
  });
  await notifyFamily(ctx, record, 'assessment-exception-confirmed', {
    child: childName(record),
    exception: label,
    reason: input.reason,
    explanation: relieved.map((s) => s.explanation).join('\n\n'),
    ...teamContact(record),
  });
}

// ---- Withdrawn requests and moves out of the area (SEN2 module 2) ----

export async function closeRequest(
  ctx: ChangeContext,
  caseId: string,
  input: { reason: ClosedReason; date: string; notes: string; token?: string | undefined },
): Promise<void> {
  const { trx, actor } = ctx;
  requireRole(actor, STAFF, 'assessment.close');
  const record = await caseOrNotFound(trx, actor, caseId);
  if (input.token && !(await useFormToken(trx, actor.laCode, input.token, caseId))) return;
  const refusal = closeRefusal({
    reason: input.reason,
    stage: record.stage,
    requestReceived: record.request_received,
    decisionDate: record.decision_date,
    date: input.date,
    today: ctx.today,
  });
  if (refusal) throw new JourneyError(refusal.field, refusal.message);
  await markClosed(trx, actor.laCode, caseId, input);
  await refreshClock(trx, actor.laCode, caseId, ctx.today);
  await assessmentEndedWithoutPlan(trx, actor.laCode, record.child_id);
  await recordEvent(
    trx,
    actor,
    record.child_id,
    caseId,
    input.reason === 'withdrawn' ? 'assessment-withdrawn' : 'assessment-moved-out',
    `${CLOSED_REASON_LABELS[input.reason]} (${longDate(input.date)})`,
    { reason: input.reason, date: input.date },
  );
  await audit(trx, auditContext(actor), {
    action: `assessment.${input.reason}`,
    recordType: 'assessment_case',
    recordId: caseId,
    childId: record.child_id,
    detail: { date: input.date },
  });
  await notifyFamily(ctx, record, 'assessment-closed', {
    child: childName(record),
    what:
      input.reason === 'withdrawn'
        ? `the request for an education, health and care (EHC) needs assessment for ${childName(record)} was withdrawn on ${longDate(input.date)}, so the council has stopped working on it`
        : `you moved out of the area on ${longDate(input.date)}, before the assessment for ${childName(record)} finished. Your new council decides what happens next; ask them about it`,
    ...teamContact(record),
  });
}

// ---- The 20-week figures ----

/**
 * The 20-week figures for the final plans issued in the 12 months up to today, including and excluding confirmed
 * exceptions: the manager's team (or, for a manager with no team, the authority).
 */
export async function teamTimeliness(
  db: Executor,
  actor: Actor,
  today: string,
): Promise<TwentyWeekTimeliness & { from: string; to: string }> {
  requireRole(actor, TEAM_READERS, 'assessment.team');
  const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`.replace(/-02-29$/, '-02-28');
  // Counted in SQL from the final-plan step the clock keeps on each case (ADR 0063); a case with none kept is
  // counted live, as before.
  const kept = await keptTwentyWeeks(db, actor.laCode, actor.teamId, from, today);
  const facts = await loadFacts(db, actor.laCode, kept.unkept);
  const live = twentyWeekTimeliness(
    [...facts.values()].map((f) => caseTimeline(f, today)),
    { from, to: today },
  );
  return { ...twentyWeekFromCounts(kept, live), from, to: today };
}

/** The 20-week figures counted live, every case's clock run now: what the kept figures must equal (tests). */
export async function liveTeamTimeliness(
  db: Executor,
  actor: Actor,
  today: string,
): Promise<TwentyWeekTimeliness & { from: string; to: string }> {
  const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`.replace(/-02-29$/, '-02-28');
  const ids = await casesWithFinalPlanSince(db, actor.laCode, actor.teamId, from);
  const facts = await loadFacts(db, actor.laCode, ids);
  const timelines = [...facts.values()].map((f) => caseTimeline(f, today));
  return { ...twentyWeekTimeliness(timelines, { from, to: today }), from, to: today };
}
