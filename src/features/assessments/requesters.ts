/**
 * Who asked online, and their link to the child.
 *
 * A parent, young person or school SENCO can ask about a child Goldthread does not know yet. The child record (and,
 * for a parent, the family member) is created with the request, in the same transaction; the requester's link to the
 * child is 'pending' until a caseworker confirms it. If the details match a child already on record, nothing about
 * that record is revealed: the request is joined to the child (and to any open request, never a second open one)
 * and the link waits for the caseworker in the same way. Until then the requester sees only their own request's
 * status and answers.
 */
import { sql } from 'kysely';
import type { Actor } from '../../platform/access/access.ts';
import { auditContext, grantKindFor, isUuid, requireRole } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { GrantKind } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { RELATIONSHIP_OPTIONS, type NewChildAnswers } from '../../domain/assessment/journey.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import { authority, caseOrNotFound, childName, JourneyError, STAFF, teamContact } from './service.ts';

/** The school a SENCO works at: the setting with their school organisation's name (undefined if not at a school). */
export async function sencoSetting(db: Executor, actor: Actor) {
  if (actor.role !== 'professional') return undefined;
  return db
    .selectFrom('app_user as u')
    .innerJoin('team as t', (j) => j.onRef('t.la_code', '=', 'u.la_code').onRef('t.id', '=', 'u.team_id'))
    .innerJoin('organisation as o', (j) =>
      j.onRef('o.la_code', '=', 't.la_code').onRef('o.id', '=', 't.organisation_id'),
    )
    .leftJoin('setting as s', (j) => j.onRef('s.la_code', '=', 'o.la_code').onRef('s.name', '=', 'o.name'))
    .select(['o.id as organisation_id', 'o.name', 's.id as setting_id'])
    .where('u.la_code', '=', actor.laCode)
    .where('u.id', '=', actor.userId)
    .where('o.kind', '=', 'school')
    .executeTakeFirst();
}

/** The setting register, for the "current school, college or nursery" question. */
export function settingRegister(db: Executor, laCode: string) {
  return db
    .selectFrom('setting')
    .select(['id', 'name'])
    .where('la_code', '=', laCode)
    .orderBy('name')
    .limit(2000)
    .execute();
}

async function nextReference(trx: Executor, laCode: string): Promise<string> {
  const row = await trx
    .selectFrom('child')
    .select(sql<number>`coalesce(max(substring(reference from 4)::int), 0)`.as('n'))
    .where('la_code', '=', laCode)
    .where('reference', '~', '^GT-[0-9]+$')
    .executeTakeFirstOrThrow();
  return `GT-${String(Number(row.n) + 1).padStart(6, '0')}`;
}

const normalise = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The child the new details are about: one already on record with the same names and date of birth (matched quietly,
 * the requester is not told), else a new record with its setting and, for a parent, the family member.
 */
export async function childForNewDetails(
  trx: Executor,
  actor: Actor,
  details: NewChildAnswers,
  today: string,
): Promise<{ childId: string; created: boolean }> {
  const match = await trx
    .selectFrom('child')
    .select('id')
    .where('la_code', '=', actor.laCode)
    .where('date_of_birth', '=', details.dateOfBirth)
    .where(sql<string>`lower(given_name)`, '=', normalise(details.givenName))
    .where(sql<string>`lower(family_name)`, '=', normalise(details.familyName))
    .orderBy('created_at')
    .executeTakeFirst();
  if (match) {
    await audit(trx, auditContext(actor), {
      action: 'assessment.request.matched-child',
      recordType: 'child',
      recordId: match.id,
      childId: match.id,
      detail: { note: 'Online request details matched this child; the requester was not told' },
    });
    return { childId: match.id, created: false };
  }
  const reference = await nextReference(trx, actor.laCode);
  const { id: childId } = await trx
    .insertInto('child')
    .values({
      la_code: actor.laCode,
      reference,
      given_name: details.givenName.trim(),
      family_name: details.familyName.trim(),
      date_of_birth: details.dateOfBirth,
      sex: details.sex,
      postcode: details.postcode,
      plan_status: 'none',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (details.settingId !== 'none') {
    await trx
      .insertInto('child_setting')
      .values({
        la_code: actor.laCode,
        child_id: childId,
        setting_id: details.settingId,
        start_date: today,
        attendance: 'full-time',
      })
      .execute();
  }
  await audit(trx, auditContext(actor), {
    action: 'child.create',
    recordType: 'child',
    recordId: childId,
    childId,
    detail: { reference, source: 'online-request' },
  });
  if (actor.role === 'parent') {
    const [given, ...rest] = actor.displayName.trim().split(/\s+/);
    const { id: memberId } = await trx
      .insertInto('family_member')
      .values({
        la_code: actor.laCode,
        child_id: childId,
        given_name: given || actor.displayName,
        family_name: rest.join(' ') || '-',
        relationship: RELATIONSHIP_OPTIONS.find((o) => o.value === details.relationship)?.text ?? 'Parent',
        parental_responsibility: details.parentalResponsibility === 'yes',
        email: actor.email,
        address_line: details.addressLine,
        postcode: details.postcode,
        contact_preference: 'email',
        // The account is joined to the family member when the caseworker confirms the link.
        user_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, auditContext(actor), {
      action: 'family-member.create',
      recordType: 'family_member',
      recordId: memberId,
      childId,
      detail: { source: 'online-request' },
    });
  }
  return { childId, created: true };
}

/** Marks who asked online and whether their link to the child is known or waits for the caseworker. */
export async function recordRequester(
  trx: Executor,
  actor: Actor,
  idempotencyKey: string,
  link: 'known' | 'pending',
): Promise<string> {
  const row = await trx
    .updateTable('assessment_case')
    .set({ requester_user_id: actor.userId, requester_link: link })
    .where('la_code', '=', actor.laCode)
    .where('idempotency_key', '=', idempotencyKey)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Whether the person already has a live link to the child (a parent or young person choosing "not listed"). */
export async function alreadyLinked(trx: Executor, actor: Actor, childId: string): Promise<boolean> {
  const kind = grantKindFor(actor.role);
  if (!kind || kind === 'adviser') return false;
  const row = await trx
    .selectFrom('access_grant')
    .select('id')
    .where('la_code', '=', actor.laCode)
    .where('user_id', '=', actor.userId)
    .where('child_id', '=', childId)
    .where('kind', '=', kind)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Boolean(row);
}

/** The requester's own requests: status and their own answers only (never the child's record). */
export async function myRequests(db: Executor, actor: Actor) {
  return db
    .selectFrom('assessment_case')
    .select([
      'id',
      'request_received',
      'requester_link',
      'request_answers',
      'stage',
      'is_open',
      'linked_case_id',
    ])
    .where('la_code', '=', actor.laCode)
    .where('requester_user_id', '=', actor.userId)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
}

export async function myRequest(db: Executor, actor: Actor, caseId: string) {
  if (!isUuid(caseId)) throw new NotFoundError();
  const row = await db
    .selectFrom('assessment_case')
    .select(['id', 'request_received', 'requester_link', 'request_answers', 'linked_case_id'])
    .where('la_code', '=', actor.laCode)
    .where('id', '=', caseId)
    .where('requester_user_id', '=', actor.userId)
    .executeTakeFirst();
  if (!row) {
    throw new NotFoundError('Not found', {
      ctx: auditContext(actor),
      entry: {
        action: 'assessment.request.read.denied',
        recordType: 'assessment_case',
        recordId: caseId,
        outcome: 'denied',
      },
    });
  }
  return row;
}

/** The requests joined to this open case (stage linked), oldest first, with who sent each online. */
export async function joinedRequests(db: Executor, actor: Actor, caseId: string) {
  return db
    .selectFrom('assessment_case as a')
    .leftJoin('app_user as u', (j) =>
      j.onRef('u.la_code', '=', 'a.la_code').onRef('u.id', '=', 'a.requester_user_id'),
    )
    .select([
      'a.id',
      'a.request_received',
      'a.request_method',
      'a.requested_by',
      'a.requester_name',
      'a.request_answers',
      'u.display_name as requester_display_name',
    ])
    .where('a.la_code', '=', actor.laCode)
    .where('a.linked_case_id', '=', caseId)
    .where('a.stage', '=', 'linked')
    .orderBy('a.request_received')
    .orderBy('a.created_at')
    .limit(50)
    .execute();
}

/** Requests joined to this case (or this case itself) whose requester's link waits for a caseworker. */
export async function pendingRequesters(db: Executor, actor: Actor, caseId: string) {
  return db
    .selectFrom('assessment_case as a')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.la_code', '=', 'a.la_code').onRef('u.id', '=', 'a.requester_user_id'),
    )
    .select(['a.id', 'a.request_received', 'a.request_answers', 'u.display_name', 'u.email', 'u.role'])
    .where('a.la_code', '=', actor.laCode)
    .where('a.requester_link', '=', 'pending')
    .where((eb) => eb.or([eb('a.id', '=', caseId), eb('a.linked_case_id', '=', caseId)]))
    .orderBy('a.created_at')
    .execute();
}

/**
 * The caseworker confirms (access grant, and the account joined to the family member) or declines the link between
 * the person who asked and the child. Running it twice changes nothing the second time.
 */
export async function decideRequester(
  trx: Executor,
  actor: Actor,
  requestId: string,
  decision: 'confirm' | 'decline',
  jobs: Jobs,
): Promise<{ childId: string }> {
  requireRole(actor, STAFF, 'assessment.requester');
  if (!isUuid(requestId)) throw new NotFoundError();
  const row = await trx
    .selectFrom('assessment_case as a')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.la_code', '=', 'a.la_code').onRef('u.id', '=', 'a.requester_user_id'),
    )
    .select([
      'a.id',
      'a.child_id',
      'a.linked_case_id',
      'a.requester_link',
      'u.id as user_id',
      'u.role',
      'u.email',
      'u.display_name',
    ])
    .where('a.la_code', '=', actor.laCode)
    .where('a.id', '=', requestId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new NotFoundError();
  if (row.requester_link !== 'pending')
    throw new JourneyError('decision', 'This link has already been checked');
  if (decision === 'confirm') {
    const kind: GrantKind | undefined = grantKindFor(row.role);
    if (kind) {
      const existing = await trx
        .selectFrom('access_grant')
        .select('id')
        .where('la_code', '=', actor.laCode)
        .where('user_id', '=', row.user_id)
        .where('child_id', '=', row.child_id)
        .where('kind', '=', kind)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (!existing)
        await trx
          .insertInto('access_grant')
          .values({
            la_code: actor.laCode,
            user_id: row.user_id,
            child_id: row.child_id,
            kind,
            reason: 'Asked for an EHC needs assessment online; link checked by the caseworker',
            granted_by: actor.userId,
          })
          .execute();
    }
    if (row.role === 'parent') {
      await trx
        .updateTable('family_member')
        .set({ user_id: row.user_id })
        .where('la_code', '=', actor.laCode)
        .where('child_id', '=', row.child_id)
        .where('user_id', 'is', null)
        .where(sql<string>`lower(email)`, '=', row.email.toLowerCase())
        .execute();
    }
  }
  await trx
    .updateTable('assessment_case')
    .set({ requester_link: decision === 'confirm' ? 'confirmed' : 'declined', updated_at: new Date() })
    .where('la_code', '=', actor.laCode)
    .where('id', '=', row.id)
    .execute();
  await trx
    .insertInto('case_event')
    .values({
      la_code: actor.laCode,
      child_id: row.child_id,
      actor_user_id: actor.userId,
      kind: decision === 'confirm' ? 'requester-confirmed' : 'requester-declined',
      summary:
        decision === 'confirm'
          ? `${row.display_name}'s link to the child was checked and confirmed`
          : `${row.display_name}'s link to the child was checked and not confirmed`,
      detail: JSON.stringify({ caseId: row.linked_case_id ?? row.id, requestId: row.id }),
    })
    .execute();
  // The person who asked is told their link was confirmed (issue 18, finding 19), by the platform's notify, with no
  // more about the child than the other family emails carry (the child's first name).
  if (decision === 'confirm') {
    const record = await caseOrNotFound(trx, actor, row.linked_case_id ?? row.id);
    await queueNotification(trx, jobs, {
      laCode: actor.laCode,
      channel: 'email',
      recipient: row.email,
      template: 'requester-link-confirmed',
      personalisation: {
        child: childName(record),
        council: (await authority(trx, actor.laCode)).name,
        ...teamContact(record),
      },
      childId: row.child_id,
    });
  }
  await audit(trx, auditContext(actor), {
    action: decision === 'confirm' ? 'assessment.requester.confirm' : 'assessment.requester.decline',
    recordType: 'assessment_case',
    recordId: row.id,
    childId: row.child_id,
    detail: {
      requesterUserId: row.user_id,
      told: decision === 'confirm' ? 'requester-link-confirmed' : null,
    },
  });
  return { childId: row.child_id };
}
