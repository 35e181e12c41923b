/**
 * Changing one's own password (issue 18: the add-user form told new staff to change their temporary password, and
 * there was no page to do it). The current password first; the new one by the same rules as an administrator's
 * temporary password (12 to 200 characters), not the same as the current one, typed twice. One change: the hash
 * replaced, every other session of the account ended (a password given away stops working everywhere else), and
 * the audit log. An account with no password (single sign-on, GOV.UK One Login) has nothing to change here.
 * A wrong current password counts against the account in the sign-in throttle (src/platform/auth/throttle.ts), so a
 * session left open cannot be used to guess the password faster than the sign-in page allows; while the account is
 * throttled the current password is not checked at all.
 */
import { z } from 'zod';
import { auditContext, type Actor } from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from '../../platform/auth/passwords.ts';
import { endOtherSessionsOf } from '../../platform/auth/sessions.ts';
import { recordSignInFailure, signInThrottled, type ThrottleLimits } from '../../platform/auth/throttle.ts';
import { withChange, type ChangeDeps } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { passwordHashOf, setPasswordHash } from '../../platform/people/users.ts';
import { FieldError } from '../../platform/web/forms.ts';

export { PASSWORD_MIN } from '../../platform/auth/passwords.ts';

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: 'Enter your current password' })
      .min(1, { error: 'Enter your current password' })
      .max(PASSWORD_MAX, { error: 'Enter your current password' }),
    newPassword: z
      .string({ error: 'Enter a new password' })
      .min(1, { error: 'Enter a new password' })
      .min(PASSWORD_MIN, { error: `New password must be ${PASSWORD_MIN} characters or more` })
      .max(PASSWORD_MAX, { error: `New password must be ${PASSWORD_MAX} characters or fewer` }),
    confirmPassword: z.string({ error: 'Enter your new password again' }).min(1, {
      error: 'Enter your new password again',
    }),
    formToken: z.string().optional(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    error: 'The passwords do not match: enter your new password again',
    path: ['confirmPassword'],
  });

export type ChangePassword = z.infer<typeof changePasswordSchema>;

/** Whether the account signs in with a password (the page says so when it does not). */
export async function hasPassword(db: Executor, actor: Actor): Promise<boolean> {
  return (await passwordHashOf(db, actor.laCode, actor.userId)) !== null;
}

/** Changes the signed-in user's password; a repeat of the same form does nothing more (its one-use token). */
export async function changePassword(
  deps: ChangeDeps,
  limits: ThrottleLimits,
  actor: Actor,
  input: ChangePassword,
): Promise<void> {
  // An account with no password has nothing to change here. The current password is checked inside the change (its
  // hash read again there); a wrong one rolls the change back, and is audited and counted by the throttle after it.
  const hash = await passwordHashOf(deps.db, actor.laCode, actor.userId);
  if (hash === null) throw new FieldError('currentPassword', 'Your account does not sign in with a password');
  const attempt = { email: actor.email, ip: actor.ip ?? '' };
  const throttled = await signInThrottled(deps.db, attempt, limits);
  if (throttled) {
    await audit(deps.db, auditContext(actor), {
      action: 'password.change.failed',
      recordType: 'user',
      recordId: actor.userId,
      outcome: 'denied',
      detail: { throttled: throttled.by },
    });
    throw new PasswordChangeThrottledError(throttled.minutes);
  }
  await withChange(deps, actor, async (ctx) => {
    const result = await once(ctx, input.formToken, async () => {
      const current = await passwordHashOf(ctx.trx, actor.laCode, actor.userId);
      if (!(await verifyPassword(current, input.currentPassword))) {
        // Kept: the refusal's audit row is written outside this change, which rolls back.
        throw new WrongPasswordError();
      }
      if (input.newPassword === input.currentPassword)
        throw new FieldError('newPassword', 'Your new password must be different from your current password');
      await setPasswordHash(ctx.trx, actor.laCode, actor.userId, await hashPassword(input.newPassword));
      const ended = await endOtherSessionsOf(ctx.trx, actor.laCode, actor.userId, actor.sessionId);
      await audit(ctx.trx, auditContext(actor), {
        action: 'password.change',
        recordType: 'user',
        recordId: actor.userId,
        detail: { otherSessionsEnded: ended },
      });
      return actor.userId;
    });
    return result;
  }).catch(async (err: unknown) => {
    if (err instanceof WrongPasswordError) {
      await audit(deps.db, auditContext(actor), {
        action: 'password.change.failed',
        recordType: 'user',
        recordId: actor.userId,
        outcome: 'denied',
      });
      await recordSignInFailure(deps.db, attempt, limits);
    }
    throw err;
  });
}

/** Too many wrong passwords for this account (or from this address) lately: the sign-in throttle's lock. */
export class PasswordChangeThrottledError extends FieldError {
  constructor(minutes: number) {
    super(
      'currentPassword',
      `You have entered a wrong password too many times. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
    );
  }
}

export class WrongPasswordError extends FieldError {
  constructor() {
    super('currentPassword', 'Your current password is not right. The password is case sensitive.');
  }
}
