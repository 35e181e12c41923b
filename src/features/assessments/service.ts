/**
 * The EHC needs assessment journey: requests, allocation, decisions, advice, exceptions, outcome and the final plan.
 * Access is decided here. Every change runs in the caller's transaction with an audit entry, a case_event (the one
 * history of the case), the clock columns refreshed, and its messages queued (sent by a job after commit).
 */
import { lowerFirst } from '../../platform/text.ts';
import { sql } from 'kysely';
import type { Actor } from '../../platform/access/access.ts';
import {
  auditContext,
  authoriseChildRead,
  CASEWORK_ROLES,
  isUuid,
  requireRole,
} from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { AdviceAgency, AdviceAnswer, RequestMethod, Requester } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import { planNoticeKind, rightsMessage, tellOrganisations } from '../notices/index.ts';
import type { ExceptionKind, Step, Timeline } from '../../domain/clock/types.ts';
import { familyViewsAskedBy } from '../../domain/clock/index.ts';
import { formatDate, parseDate } from '../../domain/clock/dates.ts';
import {
  AGENCY_LABELS,
  caseTimeline,
  EXCEPTION_LABELS,
  nextStep,
  plural,
  stepById,
  type RequestAnswers,
} from '../../domain/assessment/journey.ts';
import { adviceFact, exceptionFact, factsOf, loadFacts, refreshClock } from './store.ts';
import { consultOnDraft, finalPlacementProblems } from '../consultation/index.ts';
import type { NamedPlacement } from '../../domain/placement/placement.ts';
import { markCommentsComplete } from './store/lawful-steps.ts';
import { checkAdviceForOutcome, checkFinalPlanDate, checkOutstandingAdvice } from './lawful-steps.ts';
import { longDate } from '../../domain/calendar.ts';
import { ageOn } from '../../domain/school-year.ts';
import { historyMatching } from '../../platform/people/case-events.ts';
import {
  grantedChildIds,
  movePlanStatus,
  planIssued,
  planStatusOf,
  setChildLeadOfficer,
  settingsOf,
} from '../../platform/people/children.ts';
import { grantUnlessHeld } from '../../platform/people/online-requests.ts';
import { activeOfficer, teamForNewRequest, usersByIds } from '../../platform/people/users.ts';
import { partiesOfRow, userOfRow } from '../../platform/people/row-parties.ts';
import { advisersForChild } from '../../platform/people/settings.ts';
import {
  STAFF,
  MANAGERS,
  JourneyError,
  type ChangeContext,
  caseOrNotFound,
  type CaseRecord,
  childName,
  recordEvent,
  authority,
  notifyFamily,
  teamContact,
  nextSentence,
  checkDate,
  useFormToken,
  assessmentEndedWithoutPlan,
} from './case-support.ts';

// ---------------------------------------------------------------------------------------------------------------
// Requests

export interface NewRequest {
  childId: string;
  received: string;
  method: RequestMethod;
  requestedBy: Requester;
  requesterName?: string | undefined;
  answers: Record<string, unknown>;
  idempotencyKey: string;
}

/** The team that owns a new request: the child's named officer's team, else the authority's first casework team. */
async function teamForChild(trx: Executor, laCode: string, childId: string): Promise<string> {
  const teamId = await teamForNewRequest(trx, laCode, childId);
  if (teamId) return teamId;
  throw new Error('The authority has no casework team to receive requests');
}

/**
 * Records a request. A double-submitted form (same idempotency key) returns the case it already made; a second
 * request while one is open for the same child is kept, joined to the open one (stage 'linked'), not duplicated.
 */
export async function createRequest(
  ctx: ChangeContext,
  input: NewRequest,
): Promise<{ caseId: string; linked: boolean; repeated: boolean }> {
  const { trx, actor } = ctx;
  const existing = await trx
    .selectFrom('assessment_case')
    .select(['id', 'stage', 'linked_case_id'])
    .where('la_code', '=', actor.laCode)
    .where('idempotency_key', '=', input.idempotencyKey)
    .executeTakeFirst();
  if (existing) {
    return {
      caseId: existing.linked_case_id ?? existing.id,
      linked: existing.stage === 'linked',
      repeated: true,
    };
  }
  if (input.received > ctx.today)
    throw new JourneyError('received', 'The date received must be today or in the past');
  const open = await trx
    .selectFrom('assessment_case')
    .select(['id', 'request_received', 'next_due'])
    .where('la_code', '=', actor.laCode)
    .where('child_id', '=', input.childId)
    .where('is_open', '=', true)
    .orderBy('request_received')
    .executeTakeFirst();
  const teamId = await teamForChild(trx, actor.laCode, input.childId);
  const officer = actor.role === 'caseworker' && !open ? actor.userId : null;
  // J8: a request for a child or young person who already has a plan is a reassessment (CFA s44(2)-(3)), on its own
  // 14 weeks (reg 27(2)); its outcome amends or replaces that plan.
  const planStatus = await planStatusOf(trx, actor.laCode, input.childId);
  const kind = planStatus === 'plan' ? 'reassessment' : 'initial';
  const { id } = await trx
    .insertInto('assessment_case')
    .values({
      la_code: actor.laCode,
      child_id: input.childId,
      request_received: input.received,
      request_method: input.method,
      requested_by: input.requestedBy,
      requester_name: input.requesterName ?? null,
      request_answers: JSON.stringify(input.answers),
      idempotency_key: input.idempotencyKey,
      linked_case_id: open?.id ?? null,
      team_id: teamId,
      officer_id: officer,
      allocated_at: officer ? new Date() : null,
      stage: open ? 'linked' : 'request',
      is_open: !open,
      kind,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const timeline = await refreshClock(trx, actor.laCode, id, ctx.today);
  const record = await caseOrNotFound(trx, actor, open?.id ?? id);
  const how = input.method === 'online' ? 'online' : `by ${input.method}`;
  const who = {
    parent: 'a parent',
    'young-person': 'the young person',
    school: 'the school',
    other: 'someone else',
  }[input.requestedBy];
  const name = childName(record);
  if (open) {
    await recordEvent(
      trx,
      actor,
      input.childId,
      open.id,
      'assessment-request-linked',
      `Another request for an EHC needs assessment, received ${how} from ${who} on ${longDate(input.received)}, was joined to the open request`,
      { linkedRequestId: id },
    );
    const openTimeline = await refreshClock(trx, actor.laCode, open.id, ctx.today);
    await notifyFamily(ctx, record, 'assessment-request-linked', {
      child: name,
      council: (await authority(trx, actor.laCode)).name,
      received: longDate(open.request_received),
      due: longDate(stepById(openTimeline, 'decision-to-assess')?.due ?? open.request_received),
    });
  } else {
    await movePlanStatus(trx, actor.laCode, input.childId, 'none', 'assessment');
    await recordEvent(
      trx,
      actor,
      input.childId,
      id,
      'assessment-request-received',
      kind === 'reassessment'
        ? `Request to assess again (a reassessment of the EHC plan) received ${how} from ${who}`
        : `Request for an EHC needs assessment received ${how} from ${who}`,
      { method: input.method, requestedBy: input.requestedBy, received: input.received, kind },
    );
    const la = await authority(trx, actor.laCode);
    const decisionStep = stepById(timeline, 'decision-to-assess');
    if (kind === 'reassessment' || !decisionStep) {
      await notifyFamily(ctx, record, 'reassessment-request-received', {
        child: name,
        council: la.name,
        received: longDate(input.received),
        ...teamContact(record),
      });
    } else {
      await notifyFamily(ctx, record, 'assessment-request-received', {
        child: name,
        council: la.name,
        received: longDate(input.received),
        due: longDate(decisionStep.due),
        ...teamContact(record),
      });
    }
    // Reg 4(2): the health commissioning body, social care and the child's school or setting are told the council is
    // considering whether an assessment is necessary. A request joined to an open one tells no one again: they were
    // told of the open request, and will be told of its decision (reg 5(2)).
    await tellOrganisations(ctx, {
      caseId: id,
      childId: input.childId,
      kind: 'considering-assessment',
      date: input.received,
      childName: `${record.given_name} ${record.family_name}`,
      reference: record.reference,
      decisionDue: kind === 'reassessment' ? null : (decisionStep?.due ?? null),
    });
  }
  await audit(trx, auditContext(actor), {
    action: open ? 'assessment.request.linked' : 'assessment.request.create',
    recordType: 'assessment_case',
    recordId: id,
    childId: input.childId,
    detail: { method: input.method, requestedBy: input.requestedBy, linkedTo: open?.id ?? null },
  });
  return { caseId: open?.id ?? id, linked: Boolean(open), repeated: false };
}

// ---------------------------------------------------------------------------------------------------------------
// Allocation

async function assignableOfficer(trx: Executor, laCode: string, officerId: string) {
  if (!isUuid(officerId)) return undefined;
  return activeOfficer(trx, laCode, officerId);
}

/** Names (or changes) the officer for a case: one statement, so the case is never without one. */
export async function allocate(ctx: ChangeContext, caseId: string, officerId: string): Promise<void> {
  const { trx, actor } = ctx;
  requireRole(actor, MANAGERS, 'assessment.allocate');
  const record = await caseOrNotFound(trx, actor, caseId);
  if (!['request', 'assessment', 'draft'].includes(record.stage))
    throw new JourneyError('officer', 'This request is closed: it cannot be allocated');
  const officer = await assignableOfficer(trx, actor.laCode, officerId);
  if (!officer) throw new JourneyError('officer', 'Select an officer from the list');
  if (record.officer_id === officer.id) return;
  await trx
    .updateTable('assessment_case')
    .set({ officer_id: officer.id, allocated_at: new Date(), updated_at: new Date() })
    .where('la_code', '=', actor.laCode)
    .where('id', '=', caseId)
    .execute();
  await setChildLeadOfficer(trx, actor.laCode, record.child_id, officer.id);
  await recordEvent(
    trx,
    actor,
    record.child_id,
    caseId,
    record.officer_id ? 'assessment-reallocated' : 'assessment-allocated',
    record.officer_id
      ? `Caseworker changed from ${record.officer_name} to ${officer.display_name}`
      : `${officer.display_name} named as caseworker`,
    { officerId: officer.id, previousOfficerId: record.officer_id },
  );
  await audit(trx, auditContext(actor), {
    action: 'assessment.allocate',
    recordType: 'assessment_case',
    recordId: caseId,
    childId: record.child_id,
    detail: { officerId: officer.id, previousOfficerId: record.officer_id },
  });
  const facts = (await loadFacts(trx, actor.laCode, [caseId])).get(caseId)!;
  await notifyFamily(ctx, record, 'assessment-allocated', {
    child: childName(record),
    officer: officer.display_name,
    officerEmail: officer.email,
    next: nextSentence(caseTimeline(facts, ctx.today), childName(record)),
    ...teamContact(record),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Decision to assess

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
function decisionToTell(
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

// ---------------------------------------------------------------------------------------------------------------
// Advice

export interface AdviceAsk {
  agency: AdviceAgency;
  serviceName?: string | undefined;
  professionalUserId?: string | undefined;
}

/** Asks several agencies for advice in one step: each ask is a task for the professional with its clock due date. */
export async function requestAdvice(
  ctx: ChangeContext,
  caseId: string,
  input: { requested: string; asks: AdviceAsk[]; token: string },
): Promise<number> {
  const { trx, actor } = ctx;
  requireRole(actor, STAFF, 'assessment.advice.request');
  const record = await caseOrNotFound(trx, actor, caseId);
  if (!(await useFormToken(trx, actor.laCode, input.token, caseId))) return 0;
  if (record.stage !== 'assessment')
    throw new JourneyError('agencies', 'Advice can only be asked for once the council has decided to assess');
  checkDate('requested', input.requested, record.decision_date!, ctx.today, 'the council decided to assess');
  const la = await authority(trx, actor.laCode);
  const ids: Array<{ id: string; ask: AdviceAsk }> = [];
  // Only those the form offers: school staff at the child's own setting (issue 18), anyone outside schools.
  const offered = new Set(
    (await advisersForChild(trx, actor.laCode, record.child_id, ctx.today)).map((p) => p.id),
  );
  for (const ask of input.asks) {
    let professional: { id: string; display_name: string; email: string } | undefined;
    if (ask.professionalUserId) {
      professional = offered.has(ask.professionalUserId)
        ? (await usersByIds(trx, actor.laCode, [ask.professionalUserId])).get(ask.professionalUserId)
        : undefined;
      if (!professional)
        throw new JourneyError(`professional-${ask.agency}`, 'Select a professional from the list');
    }
    const { id } = await trx
      .insertInto('assessment_advice')
      .values({
        la_code: actor.laCode,
        case_id: caseId,
        child_id: record.child_id,
        agency: ask.agency,
        service_name: ask.serviceName ?? null,
        professional_user_id: professional?.id ?? null,
        requested: input.requested,
        due: input.requested, // replaced just below by the clock's due date
        requested_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push({ id, ask });
    if (professional) {
      // The professional may see this child because, and only while, they are asked to advise.
      const granted = await grantUnlessHeld(trx, actor.laCode, {
        userId: professional.id,
        childId: record.child_id,
        kind: 'adviser',
        reason: `Asked for ${AGENCY_LABELS[ask.agency] ? lowerFirst(AGENCY_LABELS[ask.agency]!) : 'advice'} for the EHC needs assessment`,
        grantedBy: actor.userId,
      });
      if (granted) {
        await audit(trx, auditContext(actor), {
          action: 'access-grant.create',
          recordType: 'access_grant',
          childId: record.child_id,
          detail: { userId: professional.id, kind: 'adviser' },
        });
      }
    }
  }
  const timeline = await refreshClock(trx, actor.laCode, caseId, ctx.today);
  for (const { id, ask } of ids) {
    // The family's own views have no statutory step (D4): their date is a request, not a time limit.
    const due = stepById(timeline, `advice:${id}`)?.due ?? familyViewsAskedBy(input.requested).date;
    await trx
      .updateTable('assessment_advice')
      .set({ due })
      .where('la_code', '=', actor.laCode)
      .where('id', '=', id)
      .execute();
    const label = AGENCY_LABELS[ask.agency] ?? ask.agency;
    if (ask.professionalUserId) {
      const p = (await usersByIds(trx, actor.laCode, [ask.professionalUserId])).get(ask.professionalUserId);
      if (!p) throw new Error(`No user ${ask.professionalUserId} to ask for advice`);
      await queueNotification(trx, ctx.jobs, {
        laCode: actor.laCode,
        channel: 'email',
        recipient: p.email,
        template: 'advice-requested',
        personalisation: {
          name: p.display_name,
          council: la.name,
          agency: lowerFirst(label),
          child: `${record.given_name} ${record.family_name} (${record.reference})`,
          due: longDate(due),
        },
        childId: record.child_id,
        userId: ask.professionalUserId,
      });
    }
  }
  await recordEvent(
    trx,
    actor,
    record.child_id,
    caseId,
    'advice-requested',
    `Advice asked for: ${input.asks.map((a) => (a.serviceName ? `${AGENCY_LABELS[a.agency]} (${a.serviceName})` : AGENCY_LABELS[a.agency])).join('; ')}`,
    { adviceIds: ids.map((i) => i.id), requested: input.requested },
  );
  await audit(trx, auditContext(actor), {
    action: 'assessment.advice.request',
    recordType: 'assessment_case',
    recordId: caseId,
    childId: record.child_id,
    detail: { agencies: input.asks.map((a) => a.agency), count: ids.length },
  });
  return ids.length;
}

export const NEED_AREAS = [
  { key: 'communication', label: 'Communication and interaction' },
  { key: 'cognition', label: 'Cognition and learning' },
  { key: 'semh', label: 'Social, emotional and mental health' },
  { key: 'sensory', label: 'Sensory and physical' },
  { key: 'health', label: 'Health' },
  { key: 'socialCare', label: 'Social care' },
] as const;

export interface ProvisionLine {
  description: string;
  quantity: string;
  frequency: string;
  deliverer: string;
}

export interface AdviceSubmission {
  answer: AdviceAnswer;
  needs: Record<string, string>;
  outcomes?: string | undefined;
  provision: ProvisionLine[];
  documentText?: string | undefined;
  /** An attached document, already checked (features/advice/documents.ts). */
  document?: { fileName: string; contentType: string; content: Uint8Array } | undefined;
  received: string;
}

async function adviceRow(db: Executor, laCode: string, adviceId: string) {
  const row = await db
    .selectFrom('assessment_advice as a')
    .innerJoin('assessment_case as k', (j) =>
      j.onRef('k.la_code', '=', 'a.la_code').onRef('k.id', '=', 'a.case_id'),
    )
    .selectAll('a')
    .select([
      'k.stage',
      'k.request_received',
      'k.request_answers',
      'k.officer_id as case_officer_id',
      partiesOfRow({
        laCode: 'a.la_code',
        childId: 'a.child_id',
        officerId: 'k.officer_id',
        professionalId: 'a.professional_user_id',
      }).as('parties'),
    ])
    .where('a.la_code', '=', laCode)
    .where('a.id', '=', adviceId)
    .executeTakeFirst();
  const p = row?.parties;
  if (!row || !p) return undefined;
  const { parties: _parties, ...advice } = row;
  return {
    ...advice,
    given_name: p.given_name,
    family_name: p.family_name,
    reference: p.reference,
    date_of_birth: p.date_of_birth,
    primary_need: p.primary_need,
    professional_name: p.professional_name,
    officer_name: p.officer_name,
    officer_email: p.officer_email,
  };
}

async function adviceOrNotFound(db: Executor, actor: Actor, adviceId: string) {
  if (!isUuid(adviceId)) throw new NotFoundError();
  const row = await adviceRow(db, actor.laCode, adviceId);
  const mine = row && actor.role === 'professional' && row.professional_user_id === actor.userId;
  const staff = row && STAFF.includes(actor.role);
  if (!row || !(mine || staff)) {
    throw new NotFoundError('Not found', {
      ctx: auditContext(actor),
      entry: {
        action: 'advice.read.denied',
        recordType: 'assessment_advice',
        recordId: isUuid(adviceId) ? adviceId : null,
        outcome: 'denied',
      },
    });
  }
  return row;
}

/**
 * The document attached to a piece of advice, for the casework staff and the professional it was asked of only
 * (anyone else, or advice with no document: 404, the denial audited). The download itself is audited.
 */
export async function getAdviceDocument(db: Executor, actor: Actor, adviceId: string) {
  const task = await adviceOrNotFound(db, actor, adviceId);
  const doc = await db
    .selectFrom('assessment_advice_document')
    .select('content')
    .where('la_code', '=', actor.laCode)
    .where('advice_id', '=', task.id)
    .executeTakeFirst();
  if (!doc || !task.document_name) throw new NotFoundError();
  await audit(db, auditContext(actor), {
    action: 'advice.document.download',
    recordType: 'assessment_advice',
    recordId: task.id,
    childId: task.child_id,
  });
  return { fileName: task.document_name, content: doc.content };
}

/** One advice task: its child, its clock step and what has been sent. */
export async function getAdviceTask(db: Executor, actor: Actor, adviceId: string, today: string) {
  const task = await adviceOrNotFound(db, actor, adviceId);
  await authoriseChildRead(db, actor, task.child_id, 'advice.read');
  const facts = (await loadFacts(db, actor.laCode, [task.case_id])).get(task.case_id)!;
  const step = stepById(caseTimeline(facts, today), `advice:${task.id}`) ?? null;
  return { task, step, context: await adviceContext(db, actor.laCode, task, today) };
}

/**
 * What an adviser needs to know of the child to write advice (issue 18 item 4): age today, where they are now, and
 * why the assessment was asked for and the support in place, in the requester's words. Names and phone numbers of
 * others involved are not shown.
 */
async function adviceContext(
  db: Executor,
  laCode: string,
  task: { child_id: string; date_of_birth: string; request_answers: unknown },
  today: string,
) {
  const settings = await settingsOf(db, laCode, task.child_id);
  const current = settings.find((s) => s.end_date === null) ?? null;
  const answers = (task.request_answers ?? {}) as RequestAnswers;
  return {
    age: ageOn(task.date_of_birth, today),
    setting: current?.name ?? null,
    why: answers.why?.trim() || null,
    support: answers.support?.trim() || null,
  };
}

/**
 * The family's own words on a case, offered for section A of the plan (issue 18 item 3): why they asked for the
 * assessment (when the parent or young person asked) and the views they sent, each with where it came from.
 */
export async function familyWords(
  db: Executor,
  laCode: string,
  caseId: string,
): Promise<{ source: string; text: string }[]> {
  const request = await db
    .selectFrom('assessment_case')
    .select(['requested_by', 'request_answers', 'request_received'])
    .where('la_code', '=', laCode)
    .where('id', '=', caseId)
    .executeTakeFirst();
  const out: { source: string; text: string }[] = [];
  const why = ((request?.request_answers ?? {}) as RequestAnswers).why?.trim();
  if (request && why && (request.requested_by === 'parent' || request.requested_by === 'young-person'))
    out.push({
      source: `Why they asked for an assessment (${longDate(request.request_received)})`,
      text: why,
    });
  const views = await db
    .selectFrom('assessment_advice')
    .select(['needs', 'outcomes', 'document_text', 'received'])
    .where('la_code', '=', laCode)
    .where('case_id', '=', caseId)
    .where('agency', '=', 'family')
    .where('status', '=', 'received')
    .orderBy('received')
    .execute();
  for (const v of views) {
    const parts = [
      v.document_text ?? '',
      ...Object.values((v.needs ?? {}) as Record<string, string>),
      v.outcomes ?? '',
    ]
      .map((s) => String(s).trim())
      .filter(Boolean);
    if (parts.length)
      out.push({
        source: `Their own views${v.received ? `, sent ${longDate(v.received)}` : ''}`,
        text: parts.join('\n\n'),
      });
  }
  return out;
}

/** The advice form's fields a draft keeps (its words; never the file). */
export function adviceDraftFields(): string[] {
  return [
    'answer',
    'outcomes',
    'documentText',
    'received-day',
    'received-month',
    'received-year',
    ...NEED_AREAS.map((a) => `need-${a.key}`),
    ...Array.from({ length: 4 }, (_, i) =>
      ['description', 'quantity', 'frequency', 'deliverer'].map((k) => `provision-${i + 1}-${k}`),
    ).flat(),
  ];
}

/**
 * Keeps what the adviser has typed so far as a draft (issue 18 item 4: a restart or an expired page lost it all).
 * Only the form's own fields, each cut to 5,000 characters; nothing is checked, as nothing is sent. Advice already
 * sent keeps no draft: returns false.
 */
export async function saveAdviceDraft(
  ctx: ChangeContext,
  adviceId: string,
  values: Record<string, string>,
): Promise<boolean> {
  const { trx, actor } = ctx;
  const task = await adviceOrNotFound(trx, actor, adviceId);
  if (task.status === 'received') return false;
  const draft: Record<string, string> = {};
  for (const field of adviceDraftFields()) {
    const v = values[field];
    if (typeof v === 'string' && v !== '') draft[field] = v.slice(0, 5000);
  }
  const saved = await trx
    .updateTable('assessment_advice')
    .set({ draft: JSON.stringify(draft), draft_saved_at: new Date() })
    .where('la_code', '=', actor.laCode)
    .where('id', '=', adviceId)
    .where('status', '=', 'requested')
    .returning('id')
    .executeTakeFirst();
  if (!saved) return false;
  await audit(trx, auditContext(actor), {
    action: 'advice.draft.save',
    recordType: 'assessment_advice',
    recordId: adviceId,
    childId: task.child_id,
    detail: { fields: Object.keys(draft).length },
  });
  return true;
}

export async function submitAdvice(
  ctx: ChangeContext,
  adviceId: string,
  input: AdviceSubmission,
): Promise<{ alreadyReceived: boolean }> {
  return receiveAdvice(ctx, await adviceOrNotFound(ctx.trx, ctx.actor, adviceId), input);
}

/**
 * The family's own views and advice (reg 6(1)(a)), sent online by the parent or young person themselves (issue 18
 * item 1): the family's open request on their own child's case, recorded as received today like any advice. A case
 * that is not theirs, or has no request for their views waiting, is not found.
 */
export async function submitFamilyViews(
  ctx: ChangeContext,
  caseId: string,
  input: Pick<AdviceSubmission, 'documentText' | 'outcomes'>,
): Promise<{ alreadyReceived: boolean }> {
  const { trx, actor } = ctx;
  requireRole(actor, ['parent', 'young-person'], 'assessment.family.views');
  const record = await caseOrNotFound(trx, actor, caseId);
  await authoriseChildRead(trx, actor, record.child_id, 'assessment.family.views');
  const asked = await familyViewsRequest(trx, actor.laCode, caseId);
  if (!asked) throw new NotFoundError();
  const task = (await adviceRow(trx, actor.laCode, asked.id))!;
  return receiveAdvice(ctx, task, {
    answer: 'advice',
    needs: {},
    provision: [],
    received: ctx.today,
    documentText: input.documentText,
    outcomes: input.outcomes,
  });
}

/** The case's request for the family's own views: the one waiting, else the latest (null when never asked). */
export function familyViewsRequest(db: Executor, laCode: string, caseId: string) {
  return db
    .selectFrom('assessment_advice')
    .select(['id', 'status', 'requested', 'received'])
    .where('la_code', '=', laCode)
    .where('case_id', '=', caseId)
    .where('agency', '=', 'family')
    .orderBy(sql`status = 'requested'`, 'desc')
    .orderBy('requested', 'desc')
    .limit(1)
    .executeTakeFirst();
}

async function receiveAdvice(
  ctx: ChangeContext,
  task: NonNullable<Awaited<ReturnType<typeof adviceRow>>>,
  input: AdviceSubmission,
): Promise<{ alreadyReceived: boolean }> {
  const { trx, actor } = ctx;
  const adviceId = task.id;
  if (task.status === 'received') return { alreadyReceived: true };
  checkDate('received', input.received, task.requested, ctx.today, 'the advice was asked for');
  await trx
    .updateTable('assessment_advice')
    .set({
      status: 'received',
      received: input.received,
      answer: input.answer,
      needs: JSON.stringify(input.needs),
      outcomes: input.outcomes ?? null,
      provision: JSON.stringify(input.provision),
      document_text: input.documentText ?? null,
      document_name: input.document?.fileName ?? null,
      document_type: input.document?.contentType ?? null,
      document_size: input.document?.content.length ?? null,
      submitted_by: actor.userId,
      submitted_at: new Date(),
      draft: null,
      draft_saved_at: null,
    })
    .where('la_code', '=', actor.laCode)
    .where('id', '=', adviceId)
    .where('status', '=', 'requested')
    .execute();
  if (input.document) {
    await trx
      .insertInto('assessment_advice_document')
      .values({ la_code: actor.laCode, advice_id: adviceId, content: input.document.content })
      .execute();
  }
  const timeline = await refreshClock(trx, actor.laCode, task.case_id, ctx.today);
  const label = AGENCY_LABELS[task.agency] ?? task.agency;
  const answerText = {
    advice: 'Advice received',
    'no-involvement': 'Reply received: no involvement with the child',
    'existing-advice-current': 'Reply received: existing advice is still current',
  }[input.answer];
  await recordEvent(trx, actor, task.child_id, task.case_id, 'advice-received', `${answerText}: ${label}`, {
    adviceId,
    answer: input.answer,
  });
  await audit(trx, auditContext(actor), {
    action: 'assessment.advice.submit',
    recordType: 'assessment_advice',
    recordId: adviceId,
    childId: task.child_id,
    detail: { answer: input.answer, provisionLines: input.provision.length },
  });
  // The case's officer, as the advice was read in this transaction (adviceRow).
  const officer =
    task.case_officer_id && task.officer_email && task.officer_name
      ? { id: task.case_officer_id, email: task.officer_email, display_name: task.officer_name }
      : undefined;
  if (officer && officer.id !== actor.userId) {
    const waiting = timeline.steps.filter((s) => s.id.startsWith('advice:') && s.completed === null).length;
    await queueNotification(trx, ctx.jobs, {
      laCode: actor.laCode,
      channel: 'email',
      recipient: officer.email,
      template: 'advice-received',
      personalisation: {
        name: officer.display_name,
        agency: lowerFirst(label),
        child: `${task.given_name} ${task.family_name} (${task.reference})`,
        received: longDate(input.received),
        next: waiting
          ? `${plural(waiting, 'other piece')} of advice ${waiting === 1 ? 'is' : 'are'} still to arrive.`
          : 'all the advice asked for has arrived: you can decide whether to issue a plan.',
      },
      childId: task.child_id,
      userId: officer.id,
    });
  }
  return { alreadyReceived: false };
}

/** The professional's task list across all their children, oldest due first. */
/** A task asked for within this many days is new: it leads the list to send (issue 18, finding 7). */
export const NEW_TASK_DAYS = 14;

/** Rows with their child's names (the people store's json column), as the join on `child` gave them. */
function withChildNames<
  R extends {
    child: { given_name: string; family_name: string; reference: string; date_of_birth: string } | null;
  },
>(rows: readonly R[]) {
  return rows.flatMap(({ child, ...row }) =>
    child
      ? [
          {
            ...row,
            given_name: child.given_name,
            family_name: child.family_name,
            reference: child.reference,
            date_of_birth: child.date_of_birth,
          },
        ]
      : [],
  );
}

/**
 * A professional's advice tasks (issue 18, finding 7): those to send, the new ones (asked in the last 14 days) first and
 * then the soonest due, and those sent, most recent first, each list paged on its own, with the counts of each.
 */
export async function professionalTasks(
  db: Executor,
  actor: Actor,
  today: string,
  page: number,
  pageSize = 25,
  sentPage = 1,
) {
  requireRole(actor, ['professional'], 'advice.tasks');
  const newSince = formatDate(parseDate(today) - NEW_TASK_DAYS);
  const base = db
    .selectFrom('assessment_advice as a')
    .where('a.la_code', '=', actor.laCode)
    .where('a.professional_user_id', '=', actor.userId);
  const counts = await base
    .select([
      (eb) => eb.fn.countAll<number>().as('all'),
      sql<number>`count(*) filter (where a.received is null)`.as('waiting'),
    ])
    .executeTakeFirstOrThrow();
  const total = Number(counts.all);
  const waiting = Number(counts.waiting);
  const sentTotal = total - waiting;
  const pages = Math.max(1, Math.ceil(waiting / pageSize));
  const current = Math.min(Math.max(1, page), pages);
  const sentPages = Math.max(1, Math.ceil(sentTotal / pageSize));
  const currentSent = Math.min(Math.max(1, sentPage), sentPages);
  // Each list's page is chosen from the professional's own advice rows first and only its rows are joined to their
  // children: joined before the limit, the planner hashed the authority's whole child table for an adviser with a
  // thousand requests (issue 20: 23 to 30 ms against 1.5 ms at 33,500 children).
  const listed = (rows: typeof base) =>
    db
      .selectFrom(
        rows
          .select([
            'a.id',
            'a.case_id',
            'a.child_id',
            'a.agency',
            'a.service_name',
            'a.requested',
            'a.received',
            'a.status',
            'a.answer',
            'a.due',
            'a.la_code',
          ])
          .limit(pageSize)
          .as('a'),
      )
      .select([
        'a.id',
        'a.case_id',
        'a.agency',
        'a.service_name',
        'a.requested',
        'a.received',
        'a.status',
        'a.answer',
        'a.child_id',
        partiesOfRow({ laCode: 'a.la_code', childId: 'a.child_id' }).as('child'),
      ]);
  const newFirst = sql`a.requested >= ${newSince}`;
  const [toSendRows, sentChildRows] = await Promise.all([
    listed(
      base
        .where('a.received', 'is', null)
        .orderBy(newFirst, 'desc')
        .orderBy('a.due')
        .orderBy('a.id')
        .offset((current - 1) * pageSize),
    )
      .orderBy(newFirst, 'desc')
      .orderBy('a.due')
      .orderBy('a.id')
      .execute(),
    listed(
      base
        .where('a.received', 'is not', null)
        .orderBy('a.received', 'desc')
        .orderBy('a.id')
        .offset((currentSent - 1) * pageSize),
    )
      .orderBy('a.received', 'desc')
      .orderBy('a.id')
      .execute(),
  ]);
  const [toSend, sentRows] = [withChildNames(toSendRows), withChildNames(sentChildRows)];
  const facts = await loadFacts(db, actor.laCode, [...new Set(toSend.map((r) => r.case_id))]);
  const tasks = toSend.map((r) => {
    const step = stepById(caseTimeline(facts.get(r.case_id)!, today), `advice:${r.id}`) ?? null;
    return { ...r, step, isNew: r.requested >= newSince };
  });
  return {
    tasks,
    sent: sentRows,
    total,
    waiting,
    sentTotal,
    page: current,
    pages,
    sentPage: currentSent,
    sentPages,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Exceptions

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

// ---------------------------------------------------------------------------------------------------------------
// Outcome, draft, response, final plan

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

// ---------------------------------------------------------------------------------------------------------------
// Reading a case

export interface CaseView {
  record: CaseRecord;
  timeline: Timeline;
  next: Step | null;
  /** `step` is null for the family's own views, which have no statutory time limit (D4). */
  advice: Array<Awaited<ReturnType<typeof listAdvice>>[number] & { step: Step | null; label: string }>;
  exceptions: Awaited<ReturnType<typeof listExceptions>>;
  history: Awaited<ReturnType<typeof caseHistory>>;
  authority: Awaited<ReturnType<typeof authority>>;
  adviceLabels: Map<string, string>;
}

async function listAdvice(db: Executor, laCode: string, caseId: string) {
  const rows = await db
    .selectFrom('assessment_advice as a')
    .selectAll('a')
    .select(userOfRow('a.la_code', 'a.professional_user_id').as('professional'))
    .where('a.la_code', '=', laCode)
    .where('a.case_id', '=', caseId)
    .orderBy('a.requested')
    .orderBy('a.created_at')
    .execute();
  return rows.map(({ professional, ...advice }) => ({
    ...advice,
    professional_name: professional?.display_name ?? null,
    professional_title: professional?.job_title ?? null,
  }));
}

function listExceptions(db: Executor, laCode: string, caseId: string) {
  return db
    .selectFrom('assessment_exception')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('case_id', '=', caseId)
    .orderBy('recorded_at')
    .execute();
}

/** The case's one history: every case event about it, newest first. */
async function caseHistory(db: Executor, laCode: string, childId: string, caseId: string) {
  const events = await historyMatching(db, laCode, childId, { caseId }, 'withoutAdviceReason');
  return events.map(({ note, ...e }) => ({ ...e, reason: note }));
}

export function adviceLabel(a: {
  agency: string;
  service_name: string | null;
  professional_name?: string | null;
}) {
  const base = AGENCY_LABELS[a.agency] ?? a.agency;
  return a.service_name ? `${base}: ${a.service_name}` : base;
}

/** Everything about one case for casework staff (audited read of the child). */
export async function getCase(db: Executor, actor: Actor, caseId: string, today: string): Promise<CaseView> {
  requireRole(actor, CASEWORK_ROLES, 'assessment.case');
  const record = await caseOrNotFound(db, actor, caseId);
  await authoriseChildRead(db, actor, record.child_id, 'assessment.read');
  return caseView(db, actor, record, today);
}

async function caseView(
  db: Executor,
  actor: Actor,
  record: CaseRecord,
  today: string,
  authorityRow?: Awaited<ReturnType<typeof authority>>,
): Promise<CaseView> {
  // The clock's facts from the rows the page reads anyway (the case, its advice and exceptions in the same order as
  // loadFacts reads them), not read a second time (issue 20: three queries fewer per case).
  const adviceRows = await listAdvice(db, actor.laCode, record.id);
  const exceptions = await listExceptions(db, actor.laCode, record.id);
  const facts = factsOf(record, adviceRows.map(adviceFact), exceptions.map(exceptionFact));
  const timeline = caseTimeline(facts, today);
  const adviceLabels = new Map(adviceRows.map((a) => [a.id, adviceLabel(a)]));
  const advice = adviceRows.map((a) => ({
    ...a,
    step: stepById(timeline, `advice:${a.id}`) ?? null,
    label: adviceLabel(a),
  }));
  return {
    record,
    timeline,
    next: nextStep(timeline),
    advice,
    exceptions,
    // The reason staff recorded for going ahead without advice is for staff: the family sees what happened.
    history: (await caseHistory(db, actor.laCode, record.child_id, record.id)).map((e) =>
      CASEWORK_ROLES.includes(actor.role) ? e : { ...e, reason: null },
    ),
    authority: authorityRow ?? (await authority(db, actor.laCode)),
    adviceLabels,
  };
}

/** The open or latest assessment for each child the parent or young person is linked to. */
export async function familyCases(db: Executor, actor: Actor, today: string): Promise<CaseView[]> {
  requireRole(actor, ['parent', 'young-person'], 'assessment.family');
  const kind = actor.role === 'parent' ? 'parent' : 'young-person';
  const rows = await db
    .selectFrom('assessment_case as a')
    .select(['a.id', 'a.child_id', 'a.is_open'])
    .where('a.la_code', '=', actor.laCode)
    .where('a.child_id', 'in', grantedChildIds(db, actor.laCode, actor.userId, kind))
    .where('a.stage', '!=', 'linked')
    .orderBy('a.is_open', 'desc')
    .orderBy('a.request_received', 'desc')
    .execute();
  const seen = new Set<string>();
  const views: CaseView[] = [];
  // The authority read once for all the family's cases, not once a case.
  const authorityRow = rows.length ? await authority(db, actor.laCode) : undefined;
  for (const r of rows) {
    if (seen.has(r.child_id)) continue;
    seen.add(r.child_id);
    const record = await caseOrNotFound(db, actor, r.id);
    views.push(await caseView(db, actor, record, today, authorityRow));
  }
  return views;
}

/** One case for the family (their own child only; 404 otherwise, audited). */
export async function familyCase(
  db: Executor,
  actor: Actor,
  caseId: string,
  today: string,
): Promise<CaseView> {
  requireRole(actor, ['parent', 'young-person'], 'assessment.family');
  const record = await caseOrNotFound(db, actor, caseId).catch(() => null);
  if (!record || record.stage === 'linked') throw new NotFoundError();
  await authoriseChildRead(db, actor, record.child_id, 'assessment.family.read');
  return caseView(db, actor, record, today);
}
