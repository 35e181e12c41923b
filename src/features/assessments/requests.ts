/**
 * Requests for an EHC needs assessment: recording one (by staff or sent online), a repeat of the same form returning
 * the case it made, and a second request for a child with one open joined to it.
 */
import { auditContext } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { RequestMethod, Requester } from '../../platform/db/schema/index.ts';
import { tellOrganisations } from '../notices/index.ts';
import { stepById } from '../../domain/assessment/journey.ts';
import type { Timeline } from '../../domain/clock/types.ts';
import { refreshClock } from './store.ts';
import { longDate } from '../../domain/calendar.ts';
import { movePlanStatus, planStatusOf } from '../../platform/people/children.ts';
import { teamForNewRequest } from '../../platform/people/users.ts';
import {
  JourneyError,
  type ChangeContext,
  type CaseRecord,
  caseOrNotFound,
  childName,
  recordEvent,
  authority,
  notifyFamily,
  teamContact,
} from './case-support.ts';

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
  const repeated = await sameFormAgain(trx, actor.laCode, input.idempotencyKey);
  if (repeated) return repeated;
  if (input.received > ctx.today)
    throw new JourneyError('received', 'The date received must be today or in the past');
  const open = await openRequestOf(trx, actor.laCode, input.childId);
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
  if (open) await joinToOpenRequest(ctx, input, { id, open, record });
  else await startRequest(ctx, input, { id, kind, record, timeline });
  await audit(trx, auditContext(actor), {
    action: open ? 'assessment.request.linked' : 'assessment.request.create',
    recordType: 'assessment_case',
    recordId: id,
    childId: input.childId,
    detail: { method: input.method, requestedBy: input.requestedBy, linkedTo: open?.id ?? null },
  });
  return { caseId: open?.id ?? id, linked: Boolean(open), repeated: false };
}

/** The case a form already sent made (same idempotency key), as createRequest returned it then; else undefined. */
async function sameFormAgain(trx: Executor, laCode: string, idempotencyKey: string) {
  const existing = await trx
    .selectFrom('assessment_case')
    .select(['id', 'stage', 'linked_case_id'])
    .where('la_code', '=', laCode)
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
  if (!existing) return undefined;
  return {
    caseId: existing.linked_case_id ?? existing.id,
    linked: existing.stage === 'linked',
    repeated: true,
  };
}

/** The child's open request (the earliest received), which a new request is joined to. */
function openRequestOf(trx: Executor, laCode: string, childId: string) {
  return trx
    .selectFrom('assessment_case')
    .select(['id', 'request_received', 'next_due'])
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .where('is_open', '=', true)
    .orderBy('request_received')
    .executeTakeFirst();
}

/** How and from whom a request came, for the history: "online from a parent", "by email from the school". */
function receivedFrom(input: NewRequest): string {
  const how = input.method === 'online' ? 'online' : `by ${input.method}`;
  const who = {
    parent: 'a parent',
    'young-person': 'the young person',
    school: 'the school',
    other: 'someone else',
  }[input.requestedBy];
  return `${how} from ${who}`;
}

/** A second request while one is open: the open case's history says so, and the family is told its dates stand. */
async function joinToOpenRequest(
  ctx: ChangeContext,
  input: NewRequest,
  joined: {
    id: string;
    open: NonNullable<Awaited<ReturnType<typeof openRequestOf>>>;
    record: CaseRecord;
  },
) {
  const { trx, actor } = ctx;
  const { id, open, record } = joined;
  await recordEvent(
    trx,
    actor,
    input.childId,
    open.id,
    'assessment-request-linked',
    `Another request for an EHC needs assessment, received ${receivedFrom(input)} on ${longDate(input.received)}, was joined to the open request`,
    { linkedRequestId: id },
  );
  const openTimeline = await refreshClock(trx, actor.laCode, open.id, ctx.today);
  await notifyFamily(ctx, record, 'assessment-request-linked', {
    child: childName(record),
    council: (await authority(trx, actor.laCode)).name,
    received: longDate(open.request_received),
    due: longDate(stepById(openTimeline, 'decision-to-assess')?.due ?? open.request_received),
  });
}

/**
 * A new request: the child shows as being assessed, the history has it, the family is told when the decision is due
 * (a reassessment has no 6-week decision date) and the organisations of reg 4(2) are told.
 */
async function startRequest(
  ctx: ChangeContext,
  input: NewRequest,
  started: { id: string; kind: 'initial' | 'reassessment'; record: CaseRecord; timeline: Timeline },
) {
  const { trx, actor } = ctx;
  const { id, kind, record, timeline } = started;
  const name = childName(record);
  await movePlanStatus(trx, actor.laCode, input.childId, 'none', 'assessment');
  await recordEvent(
    trx,
    actor,
    input.childId,
    id,
    'assessment-request-received',
    kind === 'reassessment'
      ? `Request to assess again (a reassessment of the EHC plan) received ${receivedFrom(input)}`
      : `Request for an EHC needs assessment received ${receivedFrom(input)}`,
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
