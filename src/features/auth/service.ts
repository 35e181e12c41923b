/** Signing in and out. Never reveals whether an account exists: one message and the same work either way. */
import type { Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { factorStatus, secondFactorRequired } from '../../platform/auth/second-factor.ts';
import { createSession, endSession } from '../../platform/auth/sessions.ts';
import {
  clearSignInFailures,
  recordSignInFailure,
  signInThrottled,
  type ThrottleLimits,
} from '../../platform/auth/throttle.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { recordSignIn, signInCandidates } from '../../platform/people/users.ts';
import { FieldError } from '../../platform/web/forms.ts';
import type { Actor } from '../../platform/access/access.ts';
import { changePassword, hasPassword, type ChangePassword } from './password.ts';

export interface SignInResult {
  token: string;
  laCode: string;
  userId: string;
  /** 'pending': the second factor is owed before the session reaches any page (issue 19 item 3). */
  secondFactor: 'pending' | 'none';
}

/** Too many failed attempts for this account, or from this address (the throttle, src/platform/auth/throttle.ts). */
export class SignInThrottledError extends FieldError {
  readonly minutes: number;
  constructor(minutes: number) {
    super(
      'email',
      `You have tried to sign in too many times. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
    );
    this.minutes = minutes;
  }
}

/**
 * The email's domain signs in with an identity provider (single sign-on is on for it): no password is checked. The
 * error summary links to that provider's button.
 */
export class SingleSignOnRequiredError extends FieldError {
  constructor(provider: { id: string; name: string }) {
    super(
      `sso-${provider.id}`,
      `Your organisation signs you in with single sign-on. Use “Sign in with ${provider.name}” instead of a password`,
    );
  }
}

/** A provider's sign-out for a session it began (its end_session address), or null for any other session. */
export interface ProviderSignOut {
  endProviderSession(actor: { laCode: string; sessionId: string }): Promise<string | null>;
}

/**
 * What auth asks single sign-on (the sso feature, passed in by the composition root): the sign-in page's buttons,
 * whether an email's domain must use a provider, and the provider's sign-out for a session it began; and of GOV.UK
 * One Login (the one-login feature), its sign-out for a family's session it began.
 */
export interface AuthNeeds {
  readonly singleSignOn?: ProviderSignOut & {
    buttons(): Promise<Array<{ id: string; text: string }>>;
    requiredFor(email: string): Promise<{ id: string; name: string; laCode: string } | null>;
  };
  readonly oneLogin?: ProviderSignOut;
}

/** The one answer to a refused sign-in, whatever the reason. */
export class SignInRefusedError extends FieldError {
  constructor() {
    super('email', 'Enter a correct email address and password. The password is case sensitive.');
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
  // Staff must give a second factor after the password; families who chose one must too.
  const owner = { laCode: user.la_code, userId: user.id };
  const owed = secondFactorRequired(user.role) || (await factorStatus(db, owner)) === 'confirmed';
  const secondFactor = owed ? 'pending' : 'none';
  const { token, sessionId } = await createSession(db, owner, meta, new Date(), secondFactor);
  await recordSignIn(db, user.la_code, user.id);
  await audit(
    db,
    { ...ctx, sessionId },
    {
      action: 'sign-in',
      recordType: 'user',
      recordId: user.id,
      detail: owed ? { secondFactor: 'owed' } : null,
    },
  );
  return { token, laCode: user.la_code, userId: user.id, secondFactor };
}

export async function signOut(
  db: Executor,
  actor: { laCode: string; userId: string; sessionId: string; ip: string | null },
): Promise<void> {
  await endSession(db, actor.laCode, actor.sessionId);
  await audit(db, actor, { action: 'sign-out', recordType: 'user', recordId: actor.userId });
}

type SignedIn = Parameters<typeof signOut>[1];

export function createAuthService(
  deps: Pick<ServiceDeps, 'db' | 'config' | 'jobs' | 'today'>,
  needs: AuthNeeds = {},
) {
  const { db, config } = deps;
  const sso = needs.singleSignOn;
  const providers: ProviderSignOut[] = [sso, needs.oneLogin].filter((p) => p !== undefined);
  const limits: ThrottleLimits = {
    perAccount: config.signInLimit,
    perAddress: config.signInAddressLimit,
    windowMs: config.signInWindowMs,
  };
  return {
    /**
     * Signs in, in one transaction (a refusal is audited and kept, with the failed attempt the throttle counts);
     * null when refused. Throws SignInThrottledError, without checking the password, while the account or the
     * address is throttled. A successful sign-in clears the account's failures.
     */
    signIn: async (
      email: string,
      password: string,
      meta: { ip: string | null; userAgent: string | null },
    ) => {
      const required = await sso?.requiredFor(email);
      if (required) {
        await audit(
          db,
          { laCode: required.laCode, userId: null, sessionId: null, ip: meta.ip },
          {
            action: 'sign-in.password-refused',
            recordType: 'identity_provider',
            recordId: required.id,
            outcome: 'denied',
            detail: { domain: email.trim().toLowerCase().split('@').pop() ?? '' },
          },
        );
        throw new SingleSignOnRequiredError(required);
      }
      return db.transaction().execute(async (trx) => {
        const attempt = { email, ip: meta.ip ?? '' };
        const throttled = await signInThrottled(trx, attempt, limits);
        if (throttled) throw new SignInThrottledError(throttled.minutes);
        const result = await signIn(trx, email, password, meta);
        if (result) await clearSignInFailures(trx, email);
        else await recordSignInFailure(trx, attempt, limits);
        return result;
      });
    },
    /** Whether the signed-in user has a password to change. */
    hasPassword: (actor: Actor) => hasPassword(db, actor),
    /** Changes the signed-in user's own password (./password.ts). */
    changePassword: (actor: Actor, input: ChangePassword) => changePassword(deps, limits, actor, input),
    /** The sign-in page's single sign-on buttons. */
    signInButtons: async () => (sso ? sso.buttons() : []),
    /**
     * Ends the session; for a session a provider began (staff single sign-on or GOV.UK One Login), returns the
     * provider's sign-out address (its session ends too), else null. Each provider removes its ID token.
     */
    signOut: async (actor: SignedIn): Promise<string | null> => {
      let providerSignOut: string | null = null;
      for (const provider of providers)
        providerSignOut = (await provider.endProviderSession(actor)) ?? providerSignOut;
      await db.transaction().execute((trx) => signOut(trx, actor));
      return providerSignOut;
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
