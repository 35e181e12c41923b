/** Signing in and out. Never reveals whether an account exists: one message and the same work either way. */
import type { Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { createSession, endSession } from '../../platform/auth/sessions.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { recordSignIn, signInCandidates } from '../../platform/people/users.ts';
import { FieldError } from '../../platform/web/forms.ts';

export interface SignInResult {
  token: string;
  laCode: string;
  userId: string;
}

/** The one answer to a refused sign-in, whatever the reason. */
export class SignInRefusedError extends FieldError {
  constructor() {
    super('email', 'Enter a correct email address and password. Both are case sensitive.');
  }
}

export async function signIn(
  db: Executor,
  email: string,
  password: string,
  meta: { ip: string | null; userAgent: string | null },
): Promise<SignInResult | null> {
  const candidates = await signInCandidates(db, email.toLowerCase());
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
  await recordSignIn(db, user.la_code, user.id);
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

type SignedIn = Parameters<typeof signOut>[1];

export function createAuthService(deps: Pick<ServiceDeps, 'db'>) {
  const { db } = deps;
  return {
    /** Signs in, in one transaction (a refusal is audited and kept); null when refused. */
    signIn: (email: string, password: string, meta: { ip: string | null; userAgent: string | null }) =>
      db.transaction().execute((trx) => signIn(trx, email, password, meta)),
    signOut: (actor: SignedIn) => db.transaction().execute((trx) => signOut(trx, actor)),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
