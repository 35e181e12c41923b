/**
 * The core records an online request for an assessment makes or links (docs/assessments.md, "Who asked online"):
 * the child already on record with the same names and date of birth, or a new child with their setting and, for a
 * parent, the family member; a requester's live grant to the child; and, once a caseworker confirms the link, the
 * grant and the parent's account joined to their family member. The assessments feature decides when; these only
 * run the queries (its audit entries are its own).
 */
import { sql } from 'kysely';
import type { Executor } from '../audit/audit.ts';
import type { GrantKind } from '../db/schema/index.ts';

/** The oldest child on record with these names (any case, spaces squeezed) and date of birth, if any. */
export async function childByNamesAndBirth(
  trx: Executor,
  laCode: string,
  names: { givenName: string; familyName: string; dateOfBirth: string },
): Promise<string | undefined> {
  const normalise = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
  const match = await trx
    .selectFrom('child')
    .select('id')
    .where('la_code', '=', laCode)
    .where('date_of_birth', '=', names.dateOfBirth)
    .where(sql<string>`lower(given_name)`, '=', normalise(names.givenName))
    .where(sql<string>`lower(family_name)`, '=', normalise(names.familyName))
    .orderBy('created_at')
    .executeTakeFirst();
  return match?.id;
}

/** The next reference of the `GT-000123` series (one more than the highest on record). */
async function nextReference(trx: Executor, laCode: string): Promise<string> {
  const row = await trx
    .selectFrom('child')
    .select(sql<number>`coalesce(max(substring(reference from 4)::int), 0)`.as('n'))
    .where('la_code', '=', laCode)
    .where('reference', '~', '^GT-[0-9]+$')
    .executeTakeFirstOrThrow();
  return `GT-${String(Number(row.n) + 1).padStart(6, '0')}`;
}

export interface RequestedChild {
  readonly givenName: string;
  readonly familyName: string;
  readonly dateOfBirth: string;
  readonly sex: 'F' | 'M';
  readonly postcode: string;
  /** The setting the child attends from `startDate` (none: not at one). */
  readonly settingId: string | null;
  readonly startDate: string;
}

/** A new child with no plan, the next reference, and their setting; returns the id and reference. */
export async function createRequestedChild(
  trx: Executor,
  laCode: string,
  child: RequestedChild,
): Promise<{ childId: string; reference: string }> {
  const reference = await nextReference(trx, laCode);
  const { id: childId } = await trx
    .insertInto('child')
    .values({
      la_code: laCode,
      reference,
      given_name: child.givenName.trim(),
      family_name: child.familyName.trim(),
      date_of_birth: child.dateOfBirth,
      sex: child.sex,
      postcode: child.postcode,
      plan_status: 'none',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (child.settingId !== null) {
    await trx
      .insertInto('child_setting')
      .values({
        la_code: laCode,
        child_id: childId,
        setting_id: child.settingId,
        start_date: child.startDate,
        attendance: 'full-time',
      })
      .execute();
  }
  return { childId, reference };
}

export interface NewFamilyMember {
  readonly givenName: string;
  readonly familyName: string;
  readonly relationship: string;
  readonly parentalResponsibility: boolean;
  readonly email: string;
  readonly addressLine: string;
  readonly postcode: string;
}

/** A family member of the child reached by email, with no account yet (joined when their link is confirmed). */
export async function addFamilyMember(
  trx: Executor,
  laCode: string,
  childId: string,
  member: NewFamilyMember,
): Promise<string> {
  const { id } = await trx
    .insertInto('family_member')
    .values({
      la_code: laCode,
      child_id: childId,
      given_name: member.givenName,
      family_name: member.familyName,
      relationship: member.relationship,
      parental_responsibility: member.parentalResponsibility,
      email: member.email,
      address_line: member.addressLine,
      postcode: member.postcode,
      contact_preference: 'email',
      user_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Whether this user holds a live (not revoked) grant of this kind to the child. */
export async function hasLiveGrant(
  db: Executor,
  laCode: string,
  grant: { userId: string; childId: string; kind: GrantKind },
): Promise<boolean> {
  const row = await db
    .selectFrom('access_grant')
    .select('id')
    .where('la_code', '=', laCode)
    .where('user_id', '=', grant.userId)
    .where('child_id', '=', grant.childId)
    .where('kind', '=', grant.kind)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Boolean(row);
}

/** Grants the user access of this kind to the child unless they hold a live grant of it; returns whether it granted. */
export async function grantUnlessHeld(
  trx: Executor,
  laCode: string,
  grant: { userId: string; childId: string; kind: GrantKind; reason: string; grantedBy: string },
): Promise<boolean> {
  if (await hasLiveGrant(trx, laCode, grant)) return false;
  await trx
    .insertInto('access_grant')
    .values({
      la_code: laCode,
      user_id: grant.userId,
      child_id: grant.childId,
      kind: grant.kind,
      reason: grant.reason,
      granted_by: grant.grantedBy,
    })
    .execute();
  return true;
}

/** Joins a parent's account to the child's family members with their email and no account yet. */
export async function linkFamilyMemberAccount(
  trx: Executor,
  laCode: string,
  link: { childId: string; userId: string; email: string },
): Promise<void> {
  await trx
    .updateTable('family_member')
    .set({ user_id: link.userId })
    .where('la_code', '=', laCode)
    .where('child_id', '=', link.childId)
    .where('user_id', 'is', null)
    .where(sql<string>`lower(email)`, '=', link.email.toLowerCase())
    .execute();
}
