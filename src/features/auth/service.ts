/** Signing in and out. Never reveals whether an account exists: one message and the same work either way. */
import type { Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { createSession, endSession } from '../../platform/auth/sessions.ts';

export interface SignInResult {
  token: string;
  laCode: string;
  userId: string;
}

export async function signIn(
  db: Executor,
  email: string,
  password: string,
  meta: { ip: string | null; userAgent: string | null },
): Promise<SignInResult | null> {
  const candidates = await db
    .selectFrom('app_user')
    .select(['la_code', 'id', 'password_hash', 'active'])
    .where('email', '=', email.toLowerCase())
    .limit(2)
    .execute();
  // An email held in two authorities cannot sign in here (it needs the authority's own sign-in address).
  const user = candidates.length === 1 ? candidates[0] : undefined;
  const ok = await verifyPassword(user?.active ? user.password_hash : null, password);
  if (!user) return null;
  const ctx = { laCode: user.la_code, userId: user.id, sessionId: null, ip: meta.ip };
  if (!ok) {
    await audit(db, ctx, {
      action: 'sign-in.failed',
      recordType: 'user',
      recordId: user.id,
      outcome: 'denied',
    });
    return null;
  }
  const { token, sessionId } = await createSession(db, { laCode: user.la_code, userId: user.id }, meta);
  await db
    .updateTable('app_user')
    .set({ last_signed_in_at: new Date() })
    .where('la_code', '=', user.la_code)
    .where('id', '=', user.id)
    .execute();
  await audit(db, { ...ctx, sessionId }, { action: 'sign-in', recordType: 'user', recordId: user.id });
  return { token, laCode: user.la_code, userId: user.id };
}

export async function signOut(
  db: Executor,
  actor: { laCode: string; userId: string; sessionId: string; ip: string | null },
): Promise<void> {
  await endSession(db, actor.laCode, actor.sessionId);
  await audit(db, actor, { action: 'sign-out', recordType: 'user', recordId: actor.userId });
}
