/**
 * The council's decisions on a case: whether to assess, whether to issue a plan after the assessment, and the
 * exceptions to the time limits recorded on the way; and a decision as the organisations told of it get it.
 */
import { lowerFirst } from '../../platform/text.ts';
import { auditContext, requireRole } from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { rightsMessage, tellOrganisations } from '../notices/index.ts';
import type { ExceptionKind } from '../../domain/clock/types.ts';
import { EXCEPTION_LABELS } from '../../domain/assessment/journey.ts';
import { refreshClock } from './store.ts';
import { checkAdviceForOutcome, checkOutstandingAdvice } from './lawful-steps.ts';
import { longDate } from '../../domain/calendar.ts';
import {
  STAFF,
  JourneyError,
  type ChangeContext,
  caseOrNotFound,
  type CaseRecord,
  childName,
  recordEvent,
  notifyFamily,
  teamContact,
  nextSentence,
  checkDate,
  useFormToken,
  assessmentEndedWithoutPlan,
} from './case-support.ts';

export async function decide(
  ctx: ChangeContext,
  caseId: string,
  input: { date: string; outcome: 'assess' | 'not-assess'; reasons: string; panelNotes?: string | undefined },
): Promise<void> {
  const { trx, actor } = ctx;
  requireRole(actor, STAFF, 'assessment.decide');
  const record = await caseOrNotFound(trx, actor, caseId);
  if (record.stage !== 'request')
    throw new JourneyError('outcome', 'The decision for this request has already been recorded');
  if (!record.officer_id)
    throw new JourneyError('outcome', 'Name a caseworker for this request before recording the decision');
  checkDate('date', input.date, record.request_received, ctx.today, 'the request was received');
  await trx
    .updateTable('assessment_case')
    .set({
      decision_date: input.date,
      decision_outcome: input.outcome,
      decision_reasons: input.reasons,
      panel_notes: input.panelNotes ?? null,
    })
    .where('la_code', '=', actor.laCode)
    .where('id', '=', caseId)
    .execute();
  const timeline = await refreshClock(trx, actor.laCode, caseId, ctx.today);
  if (input.outcome === 'not-assess') await assessmentEndedWithoutPlan(trx, actor.laCode, record.child_id);
  await recordEvent(
    trx,
    actor,
    record.child_id,
    caseId,
    input.outcome === 'assess' ? 'assessment-agreed' : 'assessment-refused',
    input.outcome === 'assess'
      ? 'Decided to carry out an EHC needs assessment'
      : 'Decided not to carry out an EHC needs assessment',
    { date: input.date },
  );
  await audit(trx, auditContext(actor), {
    action: 'assessment.decide',
    recordType: 'assessment_case',
    recordId: caseId,
    childId: record.child_id,
    detail: { outcome: input.outcome, date: input.date },
  });
  const name = childName(record);
  await notifyFamily(ctx, record, 'assessment-decision', {
    child: name,
    decision:
      input.outcome === 'assess'
        ? `On ${longDate(input.date)} the council decided to carry out an education, health and care (EHC) needs assessment for ${name}.`
        : `On ${longDate(input.date)} the council decided not to carry out an education, health and care (EHC) needs assessment for ${name}. The decision notice on your page in Goldthread explains why; you can download it as a PDF or Word document.`,
    next:
      input.outcome === 'assess'
        ? `the council will now ask people who know ${name} for advice. ${nextSentence(timeline, name)}`
        : `if you disagree, these are your rights.\n\n${await rightsMessage(trx, actor.laCode, 'not-to-assess', input.date, name)}`,
  });
  // Item 6 (J6): reg 5(2) says the persons of reg 4(2) are told of the decision whether or not to assess.
  await tellOrganisations(
    ctx,
    decisionToTell(record, input.outcome === 'assess' ? 'decision-to-assess' : 'not-to-assess', input.date),
  );
}

/** A decision as the organisations told of it get it (src/features/notices). */
export function decisionToTell(
  record: CaseRecord,
  kind: 'decision-to-assess' | 'not-to-assess' | 'not-to-issue' | 'final-plan' | 'amended-plan',
  date: string,
  namedSettingId?: string | null,
) {
  return {
    caseId: record.id,
    childId: record.child_id,
    kind,
    date,
    childName: `${record.given_name} ${record.family_name}`,
    reference: record.reference,
    namedSettingId,
  };
}

export async function addException(
  ctx: ChangeContext,
  caseId: string,
  input: {
    kind: ExceptionKind;
    from: string;
    to?: string | undefined;
    reason: string;
    appliesTo: string[];
    token: string;
  },
): Promise<void> {
  const { trx, actor } = ctx;
  requireRole(actor, STAFF, 'assessment.exception');
  const record = await caseOrNotFound(trx, actor, caseId);
  if (!(await useFormToken(trx, actor.laCode, input.token, caseId))) return;
  if (!['request', 'assessment', 'draft'].includes(record.stage))
    throw new JourneyError('kind', 'This case is closed: exceptions can no longer be recorded');
  if (input.from < record.request_received)
    throw new JourneyError(
      'from',
      `The first day must be on or after the request was received (${longDate(record.request_received)})`,
    );
  if (input.appliesTo.length) {
    const known = await trx
      .selectFrom('assessment_advice')
      .select('id')
      .where('la_code', '=', actor.laCode)
      .where('case_id', '=', caseId)
      .where('id', 'in', input.appliesTo)
      .execute();
    if (known.length !== input.appliesTo.length)
      throw new JourneyError('appliesTo', 'Select advice requests from the list');
  }
  if ((input.kind === 'missed-appointment' || input.kind === 'school-closure') && !input.appliesTo.length) {
    throw new JourneyError(
      'appliesTo',
      input.kind === 'missed-appointment'
        ? 'Select the advice request the missed appointment was for'
        : 'Select the advice request to the closed school or setting',
    );
  }
  await trx
    .insertInto('assessment_exception')
    .values({
      la_code: actor.laCode,
      case_id: caseId,
      kind: input.kind,
      from_date: input.from,
      to_date: input.kind === 'missed-appointment' ? input.from : (input.to ?? null),
      reason: input.reason,
      applies_to: JSON.stringify(input.appliesTo),
      recorded_by: actor.userId,
    })
    .execute();
  const timeline = await refreshClock(trx, actor.laCode, caseId, ctx.today);
  await recordEvent(
    trx,
    actor,
    record.child_id,
    caseId,
    'assessment-exception',
    `Exception recorded: ${lowerFirst(EXCEPTION_LABELS[input.kind])}`,
    { kind: input.kind, from: input.from, to: input.to ?? null },
  );
  await audit(trx, auditContext(actor), {
    action: 'assessment.exception.create',
    recordType: 'assessment_case',
    recordId: caseId,
    childId: record.child_id,
    detail: { kind: input.kind },
  });
  const relieved = timeline.steps.filter((s) => s.exception && s.exception.kinds.includes(input.kind));
  await notifyFamily(ctx, record, 'assessment-exception', {
    child: childName(record),
    exception: lowerFirst(EXCEPTION_LABELS[input.kind]),
    explanation: relieved.length
      ? relieved.map((s) => s.explanation).join('\n\n')
      : 'For now this does not change any date the council is working to.',
    ...teamContact(record),
  });
}

export async function decideOutcome(
  ctx: ChangeContext,
  caseId: string,
  input: {
    date: string;
    outcome: 'issue-plan' | 'no-plan';
    reasons: string;
    /** Why the council decides while advice asked for has not arrived (required then; issue 18). */
    withoutAdvice?: string | undefined;
  },
): Promise<void> {
  const { trx, actor } = ctx;
  requireRole(actor, STAFF, 'assessment.outcome');
  const record = await caseOrNotFound(trx, actor, caseId);
  if (record.stage !== 'assessment')
    throw new JourneyError('outcome', 'The outcome can only be recorded while the assessment is under way');
  checkDate('date', input.date, record.decision_date!, ctx.today, 'the council decided to assess');
  await checkAdviceForOutcome(trx, actor.laCode, record, input.date); // J3: reg 6(1), 6(4)
  const without = await checkOutstandingAdvice(trx, actor.laCode, caseId, input.withoutAdvice, 'outcome');
  await trx
    .updateTable('assessment_case')
    .set({ outcome_date: input.date, outcome: input.outcome, outcome_reasons: input.reasons })
    .where('la_code', '=', actor.laCode)
    .where('id', '=', caseId)
    .execute();
  const timeline = await refreshClock(trx, actor.laCode, caseId, ctx.today);
  if (input.outcome === 'no-plan') await assessmentEndedWithoutPlan(trx, actor.laCode, record.child_id);
  await recordEvent(
    trx,
    actor,
    record.child_id,
    caseId,
    input.outcome === 'issue-plan' ? 'assessment-outcome-plan' : 'assessment-outcome-no-plan',
    `${input.outcome === 'issue-plan' ? 'Decided to issue an EHC plan' : 'Decided not to issue an EHC plan'}${without.summary}`,
    { date: input.date, ...without.detail },
  );
  await audit(trx, auditContext(actor), {
    action: 'assessment.outcome',
    recordType: 'assessment_case',
    recordId: caseId,
    childId: record.child_id,
    detail: { outcome: input.outcome, ...without.audit },
  });
  const name = childName(record);
  await notifyFamily(ctx, record, 'assessment-decision', {
    child: name,
    decision:
      input.outcome === 'issue-plan'
        ? `On ${longDate(input.date)} the council decided to write an education, health and care (EHC) plan for ${name}.`
        : `On ${longDate(input.date)} the council decided not to write an education, health and care (EHC) plan for ${name}. The decision notice on your page in Goldthread explains why; you can download it as a PDF or Word document.`,
    next:
      input.outcome === 'issue-plan'
        ? `the council will send you a draft plan to comment on. ${nextSentence(timeline, name)}`
        : `if you disagree, these are your rights.\n\n${await rightsMessage(trx, actor.laCode, 'not-to-issue', input.date, name)}`,
  });
  // Item 6 (J6): reg 10(2), the health commissioning body.
  if (input.outcome === 'no-plan')
    await tellOrganisations(ctx, decisionToTell(record, 'not-to-issue', input.date));
}
