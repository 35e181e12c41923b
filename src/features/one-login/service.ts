/**
 * Families by GOV.UK One Login (issue 19 item 2). A One Login account signs in only once it is linked to a family
 * member, and it is linked only by a one-time code the council gives that family member (never by an email alone):
 * a caseworker makes the code on the child's record; the family types it after signing in with One Login. Each link,
 * code made and code refused is audited; wrong codes count in the sign-in throttle. A family member with no One Login
 * account keeps the password route.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import {
  auditContext,
  authoriseChildRead,
  CASEWORK_ROLES,
  isUuid,
  requireRole,
  type Actor,
} from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { keyedHash } from '../../platform/auth/secret-box.ts';
import { endSessionUrl } from '../../platform/auth/oidc-sign-out.ts';
import { createSession } from '../../platform/auth/sessions.ts';
import {
  clearSignInFailures,
  recordSignInFailure,
  signInThrottled,
  type ThrottleLimits,
} from '../../platform/auth/throttle.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { authorityExists } from '../../platform/people/casework.ts';
import { ensureFamilyAccount, familyMember } from '../../platform/people/family-accounts.ts';
import { recordSignIn, userWithTeam } from '../../platform/people/users.ts';
import { FieldError } from '../../platform/web/forms.ts';
import { authorisationRequest, completeSignIn, oneLoginConfiguration, OneLoginRefusal } from './oidc.ts';
import * as store from './store.ts';

/** How long a link code works: long enough for a letter. */
export const LINK_CODE_DAYS = 28;
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function normaliseLinkCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export interface Meta {
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export class LinkCodeError extends FieldError {
  readonly status: number;
  constructor(message: string, status = 400) {
    super('code', message);
    this.status = status;
  }
}

const cookieId = (value: string) => createHash('sha256').update(value).digest('hex');

export function createOneLoginService(deps: Pick<ServiceDeps, 'db' | 'config' | 'now'>) {
  const { db, config } = deps;
  const now = deps.now ?? (() => new Date());
  const limits: ThrottleLimits = {
    perAccount: config.signInLimit,
    perAddress: config.signInAddressLimit,
    windowMs: config.signInWindowMs,
  };
  const callbackUrl = `${config.publicUrl}/sign-in/one-login/callback`;
  const codeHash = (typed: string) =>
    keyedHash(config.secondFactorKey, 'one-login-link-code', normaliseLinkCode(typed));
  const configuration = () => {
    if (!config.oneLogin) throw new NotFoundError('GOV.UK One Login is not set up');
    return oneLoginConfiguration(config.oneLogin, !config.production);
  };

  const signedOutUri = `${config.publicUrl}/sign-in?signedOut=1`;

  /**
   * A session for a linked account (One Login gave the second factor: none is owed here), its ID token kept beside
   * it for One Login's sign-out.
   */
  async function signInAs(
    trx: typeof db,
    laCode: string,
    userId: string,
    idToken: string | null,
    meta: Meta,
    detail: object,
  ) {
    const { token, sessionId } = await createSession(trx, { laCode, userId }, meta, now(), 'none');
    if (idToken) await store.keepSessionIdToken(trx, laCode, sessionId, idToken);
    await recordSignIn(trx, laCode, userId);
    await audit(
      trx,
      { laCode, userId, sessionId, ip: meta.ip },
      { action: 'sign-in.one-login', recordType: 'user', recordId: userId, detail: { ...detail } },
    );
    return token;
  }

  /**
   * A refusal before any account is known (a token that fails a check, too low a level of confidence, a used or
   * unknown request): audited under the authority the One Login client is registered for (ONE_LOGIN_LA), with the
   * reason only. Without it, the route's log is the only record.
   */
  async function auditRefusal(refusal: OneLoginRefusal, meta: Meta) {
    const laCode = config.oneLogin?.laCode;
    if (!laCode || !(await authorityExists(db, laCode))) return;
    await audit(
      db,
      { laCode, userId: null, sessionId: null, ip: meta.ip },
      {
        action: 'one-login.refused',
        recordType: 'one-login-sign-in',
        outcome: 'denied',
        detail: { reason: refusal.reason },
      },
    );
  }

  async function callback(cookie: string | undefined, url: URL, meta: Meta) {
    if (!cookie) throw new OneLoginRefusal('state', 'no sign-in cookie');
    const id = cookieId(cookie);
    const request = await store.takeSignIn(db, id, now());
    if (!request) throw new OneLoginRefusal('state', 'unknown, used or expired sign-in request');
    const person = await completeSignIn(await configuration(), url, {
      state: request.state,
      nonce: request.nonce,
      codeVerifier: request.code_verifier,
    });
    return db.transaction().execute(async (trx) => {
      const [linked] = await store.identitiesOf(trx, person.subject);
      if (linked && !(await userWithTeam(trx, linked.la_code, linked.user_id))?.active) {
        await store.forgetSignIn(trx, id);
        await audit(
          trx,
          { laCode: linked.la_code, userId: linked.user_id, sessionId: null, ip: meta.ip },
          {
            action: 'sign-in.one-login.refused',
            recordType: 'user',
            recordId: linked.user_id,
            outcome: 'denied',
            detail: { reason: 'account-off' },
          },
        );
        return { kind: 'refused' as const, reason: 'account-off' };
      }
      if (linked) {
        await store.recordIdentitySignIn(trx, linked.la_code, person.subject, person, now());
        await store.forgetSignIn(trx, id);
        const token = await signInAs(trx, linked.la_code, linked.user_id, person.idToken, meta, {});
        return { kind: 'signed-in' as const, token, returnTo: request.return_to };
      }
      await store.holdUnlinked(trx, id, person);
      return { kind: 'link' as const };
    });
  }

  return {
    enabled: (): boolean => config.oneLogin !== undefined,

    /** Starts a sign-in: where to send the browser, and the random cookie value that finds the request. */
    start: async (returnTo: string) => {
      const request = await authorisationRequest(await configuration(), callbackUrl);
      const cookie = randomBytes(32).toString('base64url');
      await store.saveSignIn(db, { id: cookieId(cookie), ...request, returnTo }, now());
      return { url: request.url, cookie };
    },

    /**
     * One Login's answer: a linked account is signed in (a session token); an account not linked yet waits, on its
     * sign-in row, for its code. Throws OneLoginRefusal for a request that is unknown, used or old, or a token that
     * fails a check, audited under the client's authority (auditRefusal).
     */
    callback: async (cookie: string | undefined, url: URL, meta: Meta) => {
      try {
        return await callback(cookie, url, meta);
      } catch (error) {
        if (error instanceof OneLoginRefusal) await auditRefusal(error, meta);
        throw error;
      }
    },

    /** The One Login account waiting for its code on this browser, if any. */
    waiting: async (cookie: string | undefined) =>
      cookie ? store.waitingAccount(db, cookieId(cookie), now()) : undefined,

    /**
     * Links the waiting account to the family member the code was made for, and signs it in. Refused (a LinkCodeError,
     * audited under the code's authority when the code is known) for a wrong, used or expired code; throttled.
     */
    link: async (cookie: string | undefined, typed: string, meta: Meta) => {
      const outcome = await db.transaction().execute(async (trx) => {
        const waiting = cookie ? await store.waitingAccount(trx, cookieId(cookie), now()) : undefined;
        if (!waiting?.subject)
          return { ok: false as const, message: 'Sign in with GOV.UK One Login again', status: 400 };
        const attempt = { email: `one-login:${waiting.subject}`, ip: meta.ip ?? '' };
        const throttled = await signInThrottled(trx, attempt, limits);
        if (throttled)
          return {
            ok: false as const,
            status: 429,
            message: `You have entered a wrong code too many times. Try again in ${throttled.minutes} ${throttled.minutes === 1 ? 'minute' : 'minutes'}.`,
          };
        const refuse = async (
          message: string,
          reason: string,
          code?: { la_code: string; id: string; child_id: string },
        ) => {
          await recordSignInFailure(trx, attempt, limits);
          if (code)
            await audit(
              trx,
              { laCode: code.la_code, userId: null, sessionId: null, ip: meta.ip },
              {
                action: 'one-login.link.refused',
                recordType: 'one-login-link-code',
                recordId: code.id,
                childId: code.child_id,
                outcome: 'denied',
                detail: { reason },
              },
            );
          return { ok: false as const, message, status: 400 };
        };
        const code = await store.linkCodeByHash(trx, codeHash(typed));
        if (!code)
          return refuse('The code is not correct. Check it against the one the council gave you', 'wrong');
        if (code.used_at)
          return refuse('This code has already been used. Ask the council for a new one', 'used', code);
        if (code.expires_at.getTime() <= now().getTime())
          return refuse('This code has expired. Ask the council for a new one', 'expired', code);
        const member = await familyMember(trx, code.la_code, code.family_member_id);
        if (!member)
          return refuse('This code no longer works. Ask the council for a new one', 'no-member', code);
        if (!waiting.email)
          return refuse(
            'GOV.UK One Login did not give us your email address. Ask the council for help',
            'email',
            code,
          );
        const account = await ensureFamilyAccount(
          trx,
          code.la_code,
          {
            id: member.id,
            childId: member.child_id,
            givenName: member.given_name,
            familyName: member.family_name,
            relationship: member.relationship,
          },
          waiting.email,
          member.user_id,
        );
        if (!account.ok)
          return refuse('This code cannot link your account. Ask the council for help', account.reason, code);
        const already = await store.identityOfUser(trx, code.la_code, account.userId);
        if (already && already.subject !== waiting.subject)
          return refuse(
            'This family member is already linked to another GOV.UK One Login account. Ask the council for help',
            'linked-elsewhere',
            code,
          );
        if (!(await store.spendLinkCode(trx, code.la_code, code.id, waiting.subject, now())))
          return refuse('This code has already been used. Ask the council for a new one', 'used', code);
        if (!already)
          await store.linkIdentity(
            trx,
            code.la_code,
            { subject: waiting.subject, userId: account.userId, email: waiting.email, phone: waiting.phone },
            now(),
          );
        await clearSignInFailures(trx, attempt.email);
        await store.forgetSignIn(trx, cookieId(cookie!));
        await audit(
          trx,
          { laCode: code.la_code, userId: account.userId, sessionId: null, ip: meta.ip },
          {
            action: 'one-login.linked',
            recordType: 'user',
            recordId: account.userId,
            childId: code.child_id,
            detail: { familyMemberId: member.id, codeId: code.id, accountCreated: account.created },
          },
        );
        const token = await signInAs(trx, code.la_code, account.userId, waiting.id_token, meta, {
          linked: true,
        });
        return { ok: true as const, token, returnTo: waiting.return_to };
      });
      if (!outcome.ok) throw new LinkCodeError(outcome.message, outcome.status);
      return outcome;
    },

    /**
     * Where to send the browser after a Goldthread sign-out, to end the One Login session too: its end_session
     * endpoint with the session's ID token as id_token_hint, coming back to the signed-out page (the platform's
     * endSessionUrl, as staff single sign-on), with a random state as One Login asks. The ID token is removed. Null
     * for a session One Login did not begin.
     */
    async endProviderSession(actor: { laCode: string; sessionId: string }): Promise<string | null> {
      const idToken = await store.takeSessionIdToken(db, actor.laCode, actor.sessionId);
      if (!idToken || !config.oneLogin) return null;
      try {
        return endSessionUrl(
          await configuration(),
          idToken,
          signedOutUri,
          randomBytes(16).toString('base64url'),
        );
      } catch {
        return null;
      }
    },

    /** A caseworker's view of a family member's One Login link. */
    member: async (actor: Actor, childId: string, memberId: string) => {
      requireRole(actor, CASEWORK_ROLES, 'one-login.code');
      await authoriseChildRead(db, actor, childId, 'one-login.code.read');
      const member = isUuid(memberId) ? await familyMember(db, actor.laCode, memberId) : undefined;
      if (!member || member.child_id !== childId) throw new NotFoundError('No such family member');
      return {
        member,
        identity: member.user_id ? await store.identityOfUser(db, actor.laCode, member.user_id) : undefined,
        latest: await store.latestCodeFor(db, actor.laCode, memberId),
      };
    },

    /** Makes a new code for a family member (shown once), in one audited transaction; earlier codes stop working. */
    createCode: (actor: Actor, childId: string, memberId: string) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, CASEWORK_ROLES, 'one-login.code');
        await authoriseChildRead(trx, actor, childId, 'one-login.code.read');
        const member = isUuid(memberId) ? await familyMember(trx, actor.laCode, memberId) : undefined;
        if (!member || member.child_id !== childId) throw new NotFoundError('No such family member');
        let raw = '';
        for (let i = 0; i < 10; i++) raw += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
        const code = `${raw.slice(0, 5)}-${raw.slice(5)}`;
        const expiresAt = new Date(now().getTime() + LINK_CODE_DAYS * 24 * 60 * 60 * 1000);
        await store.createLinkCode(
          trx,
          actor.laCode,
          { codeHash: codeHash(code), childId, familyMemberId: memberId, createdBy: actor.userId, expiresAt },
          now(),
        );
        await audit(trx, auditContext(actor), {
          action: 'one-login.code.created',
          recordType: 'family-member',
          recordId: memberId,
          childId,
          detail: { expiresAt: expiresAt.toISOString() },
        });
        return { code, expiresAt, member };
      }),
  };
}

export type OneLoginService = ReturnType<typeof createOneLoginService>;
