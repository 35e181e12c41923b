/**
 * The One Login feature's tables (migrations 0024, 0030): link codes, linked identities, sign-ins in flight, and the
 * ID token behind each session One Login began (for its sign-out).
 */
import type { Executor } from '../../platform/audit/audit.ts';

/** How long an authorisation request, and then an unlinked account waiting for its code, is kept. */
export const SIGN_IN_TTL_MS = 10 * 60 * 1000;
export const WAITING_TTL_MS = 30 * 60 * 1000;

export async function saveSignIn(
  db: Executor,
  row: { id: string; state: string; nonce: string; codeVerifier: string; returnTo: string },
  now: Date,
): Promise<void> {
  await db
    .deleteFrom('one_login_sign_in')
    .where('created_at', '<', new Date(now.getTime() - WAITING_TTL_MS))
    .execute();
  await db
    .insertInto('one_login_sign_in')
    .values({
      id: row.id,
      state: row.state,
      nonce: row.nonce,
      code_verifier: row.codeVerifier,
      return_to: row.returnTo,
      created_at: now,
    })
    .execute();
}

/** Takes the request in flight once: undefined when unknown, used already or too old. */
export async function takeSignIn(db: Executor, id: string, now: Date) {
  return db
    .updateTable('one_login_sign_in')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('created_at', '>', new Date(now.getTime() - SIGN_IN_TTL_MS))
    .returning(['state', 'nonce', 'code_verifier', 'return_to'])
    .executeTakeFirst();
}

/** An account One Login signed in that is not linked yet: kept on its sign-in row while it enters its code. */
export async function holdUnlinked(
  db: Executor,
  id: string,
  person: { subject: string; email: string | null; phone: string | null; idToken: string },
): Promise<void> {
  await db
    .updateTable('one_login_sign_in')
    .set({ subject: person.subject, email: person.email, phone: person.phone, id_token: person.idToken })
    .where('id', '=', id)
    .execute();
}

export async function waitingAccount(db: Executor, id: string, now: Date) {
  return db
    .selectFrom('one_login_sign_in')
    .select(['subject', 'email', 'phone', 'return_to', 'id_token'])
    .where('id', '=', id)
    .where('subject', 'is not', null)
    .where('created_at', '>', new Date(now.getTime() - WAITING_TTL_MS))
    .executeTakeFirst();
}

export async function forgetSignIn(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('one_login_sign_in').where('id', '=', id).execute();
}

/** The accounts a One Login subject is linked to (one per authority at most), the latest linked first. */
export async function identitiesOf(db: Executor, subject: string) {
  return db
    .selectFrom('one_login_identity')
    .select(['la_code', 'user_id'])
    .where('subject', '=', subject)
    .orderBy('linked_at', 'desc')
    .execute();
}

export async function identityOfUser(db: Executor, laCode: string, userId: string) {
  return db
    .selectFrom('one_login_identity')
    .select(['subject', 'linked_at', 'last_signed_in_at'])
    .where('la_code', '=', laCode)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function recordIdentitySignIn(
  db: Executor,
  laCode: string,
  subject: string,
  person: { email: string | null; phone: string | null },
  now: Date,
): Promise<void> {
  await db
    .updateTable('one_login_identity')
    .set({ email: person.email, phone: person.phone, last_signed_in_at: now })
    .where('la_code', '=', laCode)
    .where('subject', '=', subject)
    .execute();
}

export async function linkIdentity(
  db: Executor,
  laCode: string,
  row: { subject: string; userId: string; email: string | null; phone: string | null },
  now: Date,
): Promise<void> {
  await db
    .insertInto('one_login_identity')
    .values({
      la_code: laCode,
      subject: row.subject,
      user_id: row.userId,
      email: row.email,
      phone: row.phone,
      linked_at: now,
      last_signed_in_at: now,
    })
    .execute();
}

/** A new code for a family member; their earlier unused codes stop working. */
export async function createLinkCode(
  db: Executor,
  laCode: string,
  row: { codeHash: string; childId: string; familyMemberId: string; createdBy: string; expiresAt: Date },
  now: Date,
): Promise<void> {
  await db
    .updateTable('one_login_link_code')
    .set({ expires_at: now })
    .where('la_code', '=', laCode)
    .where('family_member_id', '=', row.familyMemberId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .execute();
  await db
    .insertInto('one_login_link_code')
    .values({
      la_code: laCode,
      code_hash: row.codeHash,
      child_id: row.childId,
      family_member_id: row.familyMemberId,
      created_by: row.createdBy,
      created_at: now,
      expires_at: row.expiresAt,
    })
    .execute();
}

export async function linkCodeByHash(db: Executor, codeHash: string) {
  return db
    .selectFrom('one_login_link_code')
    .select(['la_code', 'id', 'child_id', 'family_member_id', 'expires_at', 'used_at'])
    .where('code_hash', '=', codeHash)
    .executeTakeFirst();
}

/** Spends a code: false when it was spent already (by a request at the same moment). */
export async function spendLinkCode(
  db: Executor,
  laCode: string,
  id: string,
  subject: string,
  now: Date,
): Promise<boolean> {
  const spent = await db
    .updateTable('one_login_link_code')
    .set({ used_at: now, used_by_subject: subject })
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return spent !== undefined;
}

/** The latest code made for a family member (to say on the staff page whether one is waiting). */
export async function latestCodeFor(db: Executor, laCode: string, familyMemberId: string) {
  return db
    .selectFrom('one_login_link_code')
    .select(['created_at', 'expires_at', 'used_at'])
    .where('la_code', '=', laCode)
    .where('family_member_id', '=', familyMemberId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Keeps the ID token behind a session One Login began, for its sign-out. */
export async function keepSessionIdToken(
  db: Executor,
  laCode: string,
  sessionId: string,
  idToken: string,
): Promise<void> {
  await db
    .insertInto('one_login_session')
    .values({ la_code: laCode, session_id: sessionId, id_token: idToken })
    .execute();
}

/** The ID token behind a session, removed (sign-out uses it once); undefined for a session One Login did not begin. */
export async function takeSessionIdToken(db: Executor, laCode: string, sessionId: string) {
  const rows = await db
    .deleteFrom('one_login_session')
    .where('la_code', '=', laCode)
    .where('session_id', '=', sessionId)
    .returning('id_token')
    .execute();
  return rows[0]?.id_token;
}
