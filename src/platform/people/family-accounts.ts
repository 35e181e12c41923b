/**
 * A family member's Goldthread account (issue 19 item 2): the account a One Login sign-in is linked to. A family
 * member who already has an account (the password route) keeps it; one who has none gets one, with no password, the
 * email One Login gave, and the grant to their child's record.
 */
import type { Executor } from '../audit/audit.ts';
import type { Role } from '../db/schema/index.ts';

/** One family member of a child, with their account if they have one (undefined when the authority has no such row). */
export async function familyMember(db: Executor, laCode: string, familyMemberId: string) {
  return db
    .selectFrom('family_member')
    .select(['id', 'child_id', 'given_name', 'family_name', 'relationship', 'email', 'user_id'])
    .where('la_code', '=', laCode)
    .where('id', '=', familyMemberId)
    .executeTakeFirst();
}

/**
 * The home address the council holds for a family account (its family member rows), to fill in a form for them
 * (issue 18: a parent asking for a new child typed an address the service already had). The most complete first.
 */
export async function knownAddressOf(db: Executor, laCode: string, userId: string) {
  const row = await db
    .selectFrom('family_member')
    .select(['address_line', 'town', 'postcode'])
    .where('la_code', '=', laCode)
    .where('user_id', '=', userId)
    .where('address_line', 'is not', null)
    .orderBy('postcode', (ob) => ob.asc().nullsLast())
    .orderBy('id')
    .executeTakeFirst();
  if (!row?.address_line) return null;
  return {
    addressLine: [row.address_line, row.town].filter(Boolean).join(', '),
    postcode: row.postcode ?? '',
  };
}

export type FamilyAccount =
  | { readonly ok: true; readonly userId: string; readonly created: boolean }
  | { readonly ok: false; readonly reason: 'email-taken' | 'not-family' | 'inactive' };

/**
 * The family member's account, made if they have none: a parent's (or, for the young person themself, a young
 * person's) account with no password, and the grant to the child's record. Refused when the email belongs to another
 * account of the authority, or the family member's own account is switched off or is not a family account.
 */
export async function ensureFamilyAccount(
  db: Executor,
  laCode: string,
  member: { id: string; childId: string; givenName: string; familyName: string; relationship: string },
  email: string,
  existingUserId: string | null,
): Promise<FamilyAccount> {
  if (existingUserId) {
    const user = await db
      .selectFrom('app_user')
      .select(['role', 'active'])
      .where('la_code', '=', laCode)
      .where('id', '=', existingUserId)
      .executeTakeFirst();
    if (!user || !['parent', 'young-person'].includes(user.role)) return { ok: false, reason: 'not-family' };
    if (!user.active) return { ok: false, reason: 'inactive' };
    return { ok: true, userId: existingUserId, created: false };
  }
  const taken = await db
    .selectFrom('app_user')
    .select('id')
    .where('la_code', '=', laCode)
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  if (taken) return { ok: false, reason: 'email-taken' };
  const role: Role = /^(self|young person)$/i.test(member.relationship) ? 'young-person' : 'parent';
  const { id: userId } = await db
    .insertInto('app_user')
    .values({
      la_code: laCode,
      email: email.toLowerCase(),
      display_name: `${member.givenName} ${member.familyName}`,
      role,
      job_title: null,
      team_id: null,
      password_hash: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('family_member')
    .set({ user_id: userId })
    .where('la_code', '=', laCode)
    .where('id', '=', member.id)
    .execute();
  await db
    .insertInto('access_grant')
    .values({ la_code: laCode, user_id: userId, child_id: member.childId, kind: role })
    .execute();
  return { ok: true, userId, created: true };
}
