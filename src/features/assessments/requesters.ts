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
import type { Actor } from '../../platform/access/access.ts';
import { auditContext, grantKindFor, isUuid, requireRole } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { GrantKind } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { RELATIONSHIP_OPTIONS, type NewChildAnswers } from '../../domain/assessment/journey.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import {
  addFamilyMember,
  childByNamesAndBirth,
  createRequestedChild,
  grantUnlessHeld,
  hasLiveGrant,
  linkFamilyMemberAccount,
} from '../../platform/people/online-requests.ts';
import { schoolOfUser } from '../../platform/people/organisations.ts';
import { settingRegister as registerOfSettings } from '../../platform/people/settings.ts';
import { usersByIds } from '../../platform/people/users.ts';
import { authority, caseOrNotFound, childName, JourneyError, STAFF, teamContact } from './case-support.ts';

/** The school a SENCO works at: the setting with their school organisation's name (undefined if not at a school). */
export async function sencoSetting(db: Executor, actor: Actor) {
  if (actor.role !== 'professional') return undefined;
  return schoolOfUser(db, actor.laCode, actor.userId);
}

/** The setting register, for the "current school, college or nursery" question. */
export function settingRegister(db: Executor, laCode: string) {
  return registerOfSettings(db, laCode);
}

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
  const match = await childByNamesAndBirth(trx, actor.laCode, details);
  if (match) {
    await audit(trx, auditContext(actor), {
      action: 'assessment.request.matched-child',
      recordType: 'child',
      recordId: match,
      childId: match,
      detail: { note: 'Online request details matched this child; the requester was not told' },
    });
    return { childId: match, created: false };
  }
  const { childId, reference } = await createRequestedChild(trx, actor.laCode, {
    givenName: details.givenName,
    familyName: details.familyName,
    dateOfBirth: details.dateOfBirth,
    sex: details.sex,
    postcode: details.postcode,
    settingId: details.settingId !== 'none' ? details.settingId : null,
    startDate: today,
  });
  await audit(trx, auditContext(actor), {
    action: 'child.create',
    recordType: 'child',
    recordId: childId,
    childId,
    detail: { reference, source: 'online-request' },
  });
  if (actor.role === 'parent') {
    const [given, ...rest] = actor.displayName.trim().split(/\s+/);
    // The account is joined to the family member when the caseworker confirms the link.
    const memberId = await addFamilyMember(trx, actor.laCode, childId, {
      givenName: given || actor.displayName,
      familyName: rest.join(' ') || '-',
      relationship: RELATIONSHIP_OPTIONS.find((o) => o.value === details.relationship)?.text ?? 'Parent',
      parentalResponsibility: details.parentalResponsibility === 'yes',
      email: actor.email,
      addressLine: details.addressLine,
      postcode: details.postcode,
    });
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
  return hasLiveGrant(trx, actor.laCode, { userId: actor.userId, childId, kind });
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
  const rows = await db
    .selectFrom('assessment_case as a')
    .select([
      'a.id',
      'a.request_received',
      'a.request_method',
      'a.requested_by',
      'a.requester_name',
      'a.request_answers',
      'a.requester_user_id',
    ])
    .where('a.la_code', '=', actor.laCode)
    .where('a.linked_case_id', '=', caseId)
    .where('a.stage', '=', 'linked')
    .orderBy('a.request_received')
    .orderBy('a.created_at')
    .limit(50)
    .execute();
  const users = await usersByIds(
    db,
    actor.laCode,
    rows.map((r) => r.requester_user_id),
  );
  return rows.map(({ requester_user_id, ...r }) => ({
    ...r,
    requester_display_name: requester_user_id ? (users.get(requester_user_id)?.display_name ?? null) : null,
  }));
}

/** Requests joined to this case (or this case itself) whose requester's link waits for a caseworker. */
export async function pendingRequesters(db: Executor, actor: Actor, caseId: string) {
  const rows = await db
    .selectFrom('assessment_case as a')
    .select(['a.id', 'a.request_received', 'a.request_answers', 'a.requester_user_id'])
    .where('a.la_code', '=', actor.laCode)
    .where('a.requester_link', '=', 'pending')
    .where((eb) => eb.or([eb('a.id', '=', caseId), eb('a.linked_case_id', '=', caseId)]))
    .orderBy('a.created_at')
    .execute();
  const users = await usersByIds(
    db,
    actor.laCode,
    rows.map((r) => r.requester_user_id),
  );
  // Only requests with their requester's account (the inner join this replaced).
  return rows.flatMap(({ requester_user_id, ...r }) => {
    const user = requester_user_id ? users.get(requester_user_id) : undefined;
    return user ? [{ ...r, display_name: user.display_name, email: user.email, role: user.role }] : [];
  });
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
  const request = await trx
    .selectFrom('assessment_case as a')
    .select(['a.id', 'a.child_id', 'a.linked_case_id', 'a.requester_link', 'a.requester_user_id'])
    .where('a.la_code', '=', actor.laCode)
    .where('a.id', '=', requestId)
    .forUpdate()
    .executeTakeFirst();
  const requester = request?.requester_user_id
    ? (await usersByIds(trx, actor.laCode, [request.requester_user_id])).get(request.requester_user_id)
    : undefined;
  const row =
    request && requester
      ? {
          ...request,
          user_id: requester.id,
          role: requester.role,
          email: requester.email,
          display_name: requester.display_name,
        }
      : undefined;
  if (!row) throw new NotFoundError();
  if (row.requester_link !== 'pending')
    throw new JourneyError('decision', 'This link has already been checked');
  if (decision === 'confirm') {
    const kind: GrantKind | undefined = grantKindFor(row.role);
    if (kind)
      await grantUnlessHeld(trx, actor.laCode, {
        userId: row.user_id,
        childId: row.child_id,
        kind,
        reason: 'Asked for an EHC needs assessment online; link checked by the caseworker',
        grantedBy: actor.userId,
      });
    if (row.role === 'parent')
      await linkFamilyMemberAccount(trx, actor.laCode, {
        childId: row.child_id,
        userId: row.user_id,
        email: row.email,
      });
  }
  await trx
    .updateTable('assessment_case')
    .set({ requester_link: decision === 'confirm' ? 'confirmed' : 'declined', updated_at: new Date() })
    .where('la_code', '=', actor.laCode)
    .where('id', '=', row.id)
    .execute();
  await recordCaseEvent(
    { trx, actor },
    {
      childId: row.child_id,
      kind: decision === 'confirm' ? 'requester-confirmed' : 'requester-declined',
      summary:
        decision === 'confirm'
          ? `${row.display_name}'s link to the child was checked and confirmed`
          : `${row.display_name}'s link to the child was checked and not confirmed`,
      detail: { caseId: row.linked_case_id ?? row.id, requestId: row.id },
    },
  );
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
