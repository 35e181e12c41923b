/**
 * Sign-in throttling, in the database so that it holds across restarts and several instances (issue 16 item 4).
 * Only failed attempts count, in two ways within a sliding window (SIGN_IN_WINDOW_MS, 15 minutes):
 *
 * - by account: SIGN_IN_LIMIT failures naming one email (10) lock that account's sign-in until the oldest of them
 *   leaves the window ("try again in N minutes"); a successful sign-in clears the account's failures;
 * - by address: SIGN_IN_ADDRESS_LIMIT failures from one address, whatever accounts they name (50), stop that address
 *   signing in at all (password spraying: one password tried against many accounts).
 *
 * A refused attempt is not checked against the password and not recorded (so it cannot extend the lock). Unknown
 * emails are throttled exactly like known ones, so the lock reveals nothing about which accounts exist.
 */
import { createHash } from 'node:crypto';
import type { Executor } from '../audit/audit.ts';

export interface ThrottleLimits {
  /** Failures allowed per account in the window. */
  readonly perAccount: number;
  /** Failures allowed per address in the window, across accounts. */
  readonly perAddress: number;
  readonly windowMs: number;
}

export interface Throttled {
  readonly by: 'account' | 'address';
  /** Whole minutes until an attempt is allowed again (at least 1). */
  readonly minutes: number;
}

const accountKey = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

/** Why this attempt may not be made now, or null when it may. */
export async function signInThrottled(
  db: Executor,
  attempt: { email: string; ip: string },
  limits: ThrottleLimits,
  now = new Date(),
): Promise<Throttled | null> {
  const since = new Date(now.getTime() - limits.windowMs);
  const blocked = async (by: 'account' | 'address', limit: number): Promise<Throttled | null> => {
    if (limit <= 0) return null;
    const rows = await db
      .selectFrom('sign_in_attempt')
      .select('at')
      .where(
        by === 'account' ? 'account' : 'ip',
        '=',
        by === 'account' ? accountKey(attempt.email) : attempt.ip,
      )
      .where('at', '>', since)
      .orderBy('at', 'desc')
      .limit(limit)
      .execute();
    if (rows.length < limit) return null;
    // The limit-th most recent failure: when it leaves the window, one more attempt is allowed.
    const freedAt = new Date(rows[limit - 1]!.at).getTime() + limits.windowMs;
    return { by, minutes: Math.max(1, Math.ceil((freedAt - now.getTime()) / 60_000)) };
  };
  return (await blocked('address', limits.perAddress)) ?? (await blocked('account', limits.perAccount));
}

/** Records a failed attempt, and forgets those that have left the window. */
export async function recordSignInFailure(
  db: Executor,
  attempt: { email: string; ip: string },
  limits: ThrottleLimits,
  now = new Date(),
): Promise<void> {
  await db
    .deleteFrom('sign_in_attempt')
    .where('at', '<=', new Date(now.getTime() - limits.windowMs))
    .execute();
  await db
    .insertInto('sign_in_attempt')
    .values({ account: accountKey(attempt.email), ip: attempt.ip, at: now })
    .execute();
}

/** A successful sign-in: the account's failures no longer count against it. */
export async function clearSignInFailures(db: Executor, email: string): Promise<void> {
  await db.deleteFrom('sign_in_attempt').where('account', '=', accountKey(email)).execute();
}
