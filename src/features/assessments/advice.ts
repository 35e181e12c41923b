/**
 * Advice for the assessment: asking several agencies in one step, and receiving each reply (the adviser's form, its
 * draft, its document, or the family's own views sent online), with the case's clock and the officer told.
 */
import { lowerFirst } from '../../platform/text.ts';
import { sql } from 'kysely';
import type { Actor } from '../../platform/access/access.ts';
import { auditContext, authoriseChildRead, isUuid, requireRole } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { AdviceAgency, AdviceAnswer } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import { familyViewsAskedBy } from '../../domain/clock/index.ts';
import { AGENCY_LABELS, plural, stepById } from '../../domain/assessment/journey.ts';
import { refreshClock } from './store.ts';
import { longDate } from '../../domain/calendar.ts';
import { grantUnlessHeld } from '../../platform/people/online-requests.ts';
import { usersByIds } from '../../platform/people/users.ts';
import { partiesOfRow } from '../../platform/people/row-parties.ts';
import { advisersForChild } from '../../platform/people/settings.ts';
import {
  STAFF,
  JourneyError,
  type ChangeContext,
  type CaseRecord,
  caseOrNotFound,
  recordEvent,
  authority,
  checkDate,
  useFormToken,
} from './case-support.ts';

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
  for (const ask of input.asks)
    ids.push({ id: await addAsk(ctx, caseId, record, ask, input.requested, offered), ask });
  const timeline = await refreshClock(trx, actor.laCode, caseId, ctx.today);
  for (const asked of ids) {
    // The family's own views have no statutory step (D4): their date is a request, not a time limit.
    const due = stepById(timeline, `advice:${asked.id}`)?.due ?? familyViewsAskedBy(input.requested).date;
    await setDueAndTell(ctx, record, asked, due, la.name);
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

/** One agency asked: its advice row, and the professional named in it given the child while they advise. */
async function addAsk(
  ctx: ChangeContext,
  caseId: string,
  record: CaseRecord,
  ask: AdviceAsk,
  requested: string,
  offered: Set<string>,
): Promise<string> {
  const { trx, actor } = ctx;
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
      requested,
      due: requested, // replaced by the clock's due date once every ask is in (setDueAndTell)
      requested_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
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
  return id;
}

/** An ask's due date from the case's clock, and the professional named in it (if any) told by email. */
async function setDueAndTell(
  ctx: ChangeContext,
  record: CaseRecord,
  { id, ask }: { id: string; ask: AdviceAsk },
  due: string,
  council: string,
) {
  const { trx, actor } = ctx;
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
        council,
        agency: lowerFirst(label),
        child: `${record.given_name} ${record.family_name} (${record.reference})`,
        due: longDate(due),
      },
      childId: record.child_id,
      userId: ask.professionalUserId,
    });
  }
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

/**
 * One piece of advice with its case and people, for the professional it was asked of and casework staff only: anyone
 * else gets 404 (the denial audited when the id is well formed).
 */
export async function adviceOrNotFound(db: Executor, actor: Actor, adviceId: string) {
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
