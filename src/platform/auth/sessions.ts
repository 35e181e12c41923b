/**
 * Server-side sessions in the database. The browser holds only a random token; the table holds its SHA-256.
 * A session ends after 30 minutes without a request or 12 hours after sign-in, whichever comes first.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '../audit/audit.ts';
import type { Role, SessionSecondFactor } from '../db/schema/index.ts';

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reading pages does not write on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface SessionUser {
  readonly laCode: string;
  readonly userId: string;
  readonly sessionId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly teamId: string | null;
  readonly jobTitle: string | null;
  /**
   * 'pending': the password was right but the second factor is still owed, and the session reaches only the
   * second-factor pages (src/platform/access/second-factor.ts). Absent or 'none': nothing owed; 'done': both given.
   */
  readonly secondFactor?: SessionSecondFactor;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Executor,
  user: { laCode: string; userId: string },
  meta: { ip: string | null; userAgent: string | null },
  now = new Date(),
  secondFactor: SessionSecondFactor = 'none',
): Promise<{ token: string; sessionId: string }> {
  const token = randomBytes(32).toString('base64url');
  const sessionId = hashToken(token);
  await db
    .insertInto('session')
    .values({
      la_code: user.laCode,
      id: sessionId,
      user_id: user.userId,
      created_at: now,
      last_seen_at: now,
      absolute_expires_at: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
      second_factor: secondFactor,
    })
    .execute();
  return { token, sessionId };
}

/** The signed-in user for a token, or null when the session is unknown, ended, idle too long or too old. */
export async function resolveSession(
  db: Executor,
  token: string,
  now = new Date(),
): Promise<SessionUser | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const sessionId = hashToken(token);
  const row = await db
    .selectFrom('session')
    .innerJoin('app_user', (j) =>
      j.onRef('app_user.la_code', '=', 'session.la_code').onRef('app_user.id', '=', 'session.user_id'),
    )
    .select([
      'session.la_code',
      'session.id',
      'session.last_seen_at',
      'session.absolute_expires_at',
      'session.ended_at',
      'session.second_factor',
      'app_user.id as user_id',
      'app_user.email',
      'app_user.display_name',
      'app_user.role',
      'app_user.team_id',
      'app_user.job_title',
      'app_user.active',
    ])
    .where('session.id', '=', sessionId)
    .executeTakeFirst();
  if (!row || row.ended_at || !row.active) return null;
  const idleFor = now.getTime() - row.last_seen_at.getTime();
  if (idleFor > IDLE_TIMEOUT_MS || now.getTime() >= row.absolute_expires_at.getTime()) {
    await endSession(db, row.la_code, sessionId, now);
    return null;
  }
  if (idleFor > TOUCH_INTERVAL_MS) {
    await db
      .updateTable('session')
      .set({ last_seen_at: now })
      .where('la_code', '=', row.la_code)
      .where('id', '=', sessionId)
      .execute();
  }
  return {
    laCode: row.la_code,
    userId: row.user_id,
    sessionId,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    teamId: row.team_id,
    jobTitle: row.job_title,
    secondFactor: row.second_factor,
  };
}

/**
 * The second factor was given: the half-signed-in session is ended and a new one (a new token) begins with the
 * second factor done, so a token seen before the second factor is worth nothing after it.
 */
export async function completeSecondFactor(
  db: Executor,
  session: { laCode: string; userId: string; sessionId: string },
  meta: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<{ token: string; sessionId: string }> {
  await endSession(db, session.laCode, session.sessionId, now);
  return createSession(db, { laCode: session.laCode, userId: session.userId }, meta, now, 'done');
}

export async function endSession(
  db: Executor,
  laCode: string,
  sessionId: string,
  now = new Date(),
): Promise<void> {
  await db
    .updateTable('session')
    .set({ ended_at: now })
    .where('la_code', '=', laCode)
    .where('id', '=', sessionId)
    .where('ended_at', 'is', null)
    .execute();
}

/** Ends every open session of a user at once (a change of role or a deactivation takes effect immediately). */
export async function endSessionsOf(
  db: Executor,
  laCode: string,
  userId: string,
  now = new Date(),
): Promise<void> {
  await db
    .updateTable('session')
    .set({ ended_at: now })
    .where('la_code', '=', laCode)
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .execute();
}

/** Ends every open session of a user but this one (a change of password); how many were ended. */
export async function endOtherSessionsOf(
  db: Executor,
  laCode: string,
  userId: string,
  keepSessionId: string,
  now = new Date(),
): Promise<number> {
  const ended = await db
    .updateTable('session')
    .set({ ended_at: now })
    .where('la_code', '=', laCode)
    .where('user_id', '=', userId)
    .where('id', '!=', keepSessionId)
    .where('ended_at', 'is', null)
    .returning('id')
    .execute();
  return ended.length;
}

/**
 * When the user was last here before this sign-in: the last moment seen of their newest session but one (issue 18
 * item 1: a family's "new since your last visit"). Null for a first sign-in.
 */
export async function previousVisit(db: Executor, laCode: string, userId: string): Promise<Date | null> {
  const rows = await db
    .selectFrom('session')
    .select(['last_seen_at'])
    .where('la_code', '=', laCode)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(2)
    .execute();
  return rows[1]?.last_seen_at ?? null;
}
