/**
 * The second factor's service (issue 19 item 3): enrolment, the code after the password, recovery codes and an
 * administrator's reset, each in one transaction with its audit entry. The codes and secrets are the platform's
 * (src/platform/auth/second-factor.ts); failed codes count in the sign-in throttle (src/platform/auth/throttle.ts),
 * by account (this user's second factor) and by address.
 */
import QRCode from 'qrcode';
import { auditContext, isUuid, requireRole, type Actor } from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import {
  beginEnrolment,
  confirmEnrolment,
  currentCode,
  factorStatus,
  groupedKey,
  recoveryCodesLeft,
  removeSecondFactor,
  secondFactorRequired,
  totpFor,
  useRecoveryCode,
  verifyCode,
  type CodeCheck,
  type FactorStatus,
} from '../../platform/auth/second-factor.ts';
import { completeSecondFactor, endSessionsOf } from '../../platform/auth/sessions.ts';
import {
  clearSignInFailures,
  recordSignInFailure,
  signInThrottled,
  type ThrottleLimits,
} from '../../platform/auth/throttle.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { userWithTeam } from '../../platform/people/users.ts';
import { FieldError } from '../../platform/web/forms.ts';

/** Too many wrong codes for this account, or from this address: answered 429. */
export class CodeThrottledError extends FieldError {
  constructor(field: string, minutes: number) {
    super(
      field,
      `You have entered a wrong code too many times. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
    );
  }
}

const MESSAGES: Record<Exclude<CodeCheck, 'ok'>, string> = {
  wrong: 'The code is not correct. Enter the 6-digit code your authenticator app shows now',
  replayed: 'That code has already been used. Wait for your app to show a new code, then enter it',
  unreadable: 'Your second factor cannot be checked. Ask your administrator to reset it',
  'no-factor': 'Set up your second factor first',
};

export interface Meta {
  readonly ip: string | null;
  readonly userAgent: string | null;
}

type Failure = { ok: false; field: string; message: string; throttled?: number };
interface Refusal {
  readonly ok: false;
  readonly message: string;
  readonly reason: string;
}
interface Verified {
  readonly ok: true;
  /** The signed-in session's new token, when a half-signed-in session was upgraded. */
  readonly token: string | null;
}
type Enrolled = Verified & { readonly recoveryCodes: string[] };
type Recovered = Verified & { readonly left: number };
const refuse = (message: string, reason: string): Refusal => ({ ok: false, message, reason });

export function createSecondFactorService(deps: Pick<ServiceDeps, 'db' | 'config' | 'now'>) {
  const { db, config } = deps;
  const now = deps.now ?? (() => new Date());
  const key = config.secondFactorKey;
  const limits: ThrottleLimits = {
    perAccount: config.signInLimit,
    perAddress: config.signInAddressLimit,
    windowMs: config.signInWindowMs,
  };
  const owner = (actor: Actor) => ({ laCode: actor.laCode, userId: actor.userId, email: actor.email });
  const attemptOf = (actor: Actor) => ({
    email: `second-factor:${actor.laCode}:${actor.userId}`,
    ip: actor.ip ?? '',
  });

  /** Runs a code check in one transaction: throttled first, a failure recorded and audited, a success cleared. */
  async function checked<T extends { ok: true }>(
    actor: Actor,
    field: string,
    action: string,
    check: (trx: typeof db) => Promise<T | Refusal>,
  ): Promise<T> {
    const outcome = await db.transaction().execute(async (trx): Promise<T | Failure> => {
      const attempt = attemptOf(actor);
      const throttled = await signInThrottled(trx, attempt, limits);
      if (throttled) return { ok: false, field, message: '', throttled: throttled.minutes };
      const result = await check(trx);
      if (result.ok) {
        await clearSignInFailures(trx, attempt.email);
        return result;
      }
      await recordSignInFailure(trx, attempt, limits);
      await audit(trx, auditContext(actor), {
        action: `${action}.failed`,
        recordType: 'user',
        recordId: actor.userId,
        outcome: 'denied',
        detail: { reason: result.reason },
      });
      return { ok: false, field, message: result.message };
    });
    if (outcome.ok) return outcome;
    if (outcome.throttled) throw new CodeThrottledError(field, outcome.throttled);
    throw new FieldError(outcome.field, outcome.message);
  }

  /** A half-signed-in session becomes a signed-in one (a new token); others stay as they are. */
  const upgrade = async (trx: typeof db, actor: Actor, meta: Meta) =>
    actor.secondFactor === 'pending' ? (await completeSecondFactor(trx, actor, meta)).token : null;

  return {
    /** The user's second factor: none, being set up, or set up (with the recovery codes left). */
    status: async (
      actor: Actor,
    ): Promise<{ status: FactorStatus; required: boolean; codesLeft: number }> => ({
      status: await factorStatus(db, owner(actor)),
      required: secondFactorRequired(actor.role),
      codesLeft: await recoveryCodesLeft(db, owner(actor)),
    }),

    /** Demo mode only: the user's current code, so a newcomer needs no app (docs/adr/0011). */
    demoCode: async (actor: Actor): Promise<string | null> =>
      config.demo ? currentCode(db, key, owner(actor), now()) : null,

    /** The secret to enrol with (kept until confirmed), as text and QR code; null when already set up. */
    enrolment: async (actor: Actor) => {
      const secret = await db.transaction().execute((trx) => beginEnrolment(trx, key, owner(actor)));
      if (!secret) return null;
      const uri = totpFor(secret, actor.email).toString();
      const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return {
        key: groupedKey(secret),
        uri,
        qrDataUri: `data:image/svg+xml;base64,${Buffer.from(qrSvg).toString('base64')}`,
      };
    },

    /**
     * Confirms the enrolment with a code from the new secret: audited; ten recovery codes made (to be shown once); a
     * half-signed-in session is signed in (its new token returned).
     */
    confirmEnrolment: (actor: Actor, code: string, meta: Meta) =>
      checked(actor, 'code', 'second-factor.enrolment', async (trx): Promise<Enrolled | Refusal> => {
        const result = await confirmEnrolment(trx, key, owner(actor), code, now());
        if (result.result !== 'ok') return refuse(MESSAGES[result.result], result.result);
        await audit(trx, auditContext(actor), {
          action: 'second-factor.enrolled',
          recordType: 'user',
          recordId: actor.userId,
        });
        return {
          ok: true as const,
          recoveryCodes: result.recoveryCodes,
          token: await upgrade(trx, actor, meta),
        };
      }),

    /** The code after the password: the session is signed in (its new token returned). */
    verify: (actor: Actor, code: string, meta: Meta) =>
      checked(actor, 'code', 'second-factor.verification', async (trx): Promise<Verified | Refusal> => {
        const result = await verifyCode(trx, key, owner(actor), code, now());
        if (result !== 'ok') return refuse(MESSAGES[result], result);
        const token = await upgrade(trx, actor, meta);
        await audit(trx, auditContext(actor), {
          action: 'second-factor.verified',
          recordType: 'user',
          recordId: actor.userId,
        });
        return { ok: true as const, token };
      }),

    /** A recovery code instead of the app's code: spent, audited with the number left. */
    useRecoveryCode: (actor: Actor, code: string, meta: Meta) =>
      checked(
        actor,
        'recoveryCode',
        'second-factor.recovery-code',
        async (trx): Promise<Recovered | Refusal> => {
          const spent = await useRecoveryCode(trx, key, owner(actor), code, now());
          if (!spent) return refuse('The recovery code is not correct, or it has been used already', 'wrong');
          const left = await recoveryCodesLeft(trx, owner(actor));
          const token = await upgrade(trx, actor, meta);
          await audit(trx, auditContext(actor), {
            action: 'second-factor.recovery-code-used',
            recordType: 'user',
            recordId: actor.userId,
            detail: { left },
          });
          return { ok: true as const, token, left };
        },
      ),

    /** An administrator's view of a user's second factor. */
    userForReset: async (admin: Actor, userId: string) => {
      requireRole(admin, ['administrator'], 'admin.second-factor');
      const user = isUuid(userId) ? await userWithTeam(db, admin.laCode, userId) : undefined;
      if (!user) throw new NotFoundError('No such user');
      const target = { laCode: admin.laCode, userId };
      return {
        user,
        status: await factorStatus(db, target),
        required: secondFactorRequired(user.role),
        codesLeft: await recoveryCodesLeft(db, target),
      };
    },

    /**
     * An administrator resets a user's second factor (a lost phone): the secret and recovery codes are removed and the
     * user's sessions ended, so they set it up again at their next sign-in. Audited.
     */
    reset: (admin: Actor, userId: string) =>
      db.transaction().execute(async (trx) => {
        requireRole(admin, ['administrator'], 'admin.second-factor');
        const user = isUuid(userId) ? await userWithTeam(trx, admin.laCode, userId) : undefined;
        if (!user) throw new NotFoundError('No such user');
        const removed = await removeSecondFactor(trx, { laCode: admin.laCode, userId });
        await endSessionsOf(trx, admin.laCode, userId);
        await audit(trx, auditContext(admin), {
          action: 'second-factor.reset',
          recordType: 'user',
          recordId: userId,
          detail: { hadSecondFactor: removed },
        });
      }),
  };
}

export type SecondFactorService = ReturnType<typeof createSecondFactorService>;
