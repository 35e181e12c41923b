/**
 * A second factor for password accounts (issue 19 item 3; docs/adr/0011-second-factor.md): time-based one-time codes
 * (TOTP, RFC 6238: SHA-1, 6 digits, 30-second steps, the authenticator apps' defaults) and ten single-use recovery
 * codes. Required for every role but families (parents and young people), to whom it is offered.
 *
 * - The secret is kept encrypted (secret-box.ts, SECOND_FACTOR_KEY) and bound to its user.
 * - A code is accepted for the step before, the step of and the step after `now` (clocks drift), and only for a step
 *   later than the last code accepted (`last_step`, set in the same statement that checks it), so a code seen over a
 *   shoulder or replayed from a log is refused.
 * - Recovery codes are shown once, kept as HMACs under the same key, and each is spent by the statement that checks it.
 *
 * The throttle of failed codes, the audit entries and the session's upgrade are the second-factor feature's service's
 * (src/features/second-factor), around these.
 */
import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Executor } from '../audit/audit.ts';
import type { Role } from '../db/schema/index.ts';
import { keyedHash, open, seal } from './secret-box.ts';

/** Roles to whom the second factor is offered, not required: families. Every other role must use it. */
export const SECOND_FACTOR_OPTIONAL_ROLES: readonly Role[] = ['parent', 'young-person'];

export function secondFactorRequired(role: Role): boolean {
  return !SECOND_FACTOR_OPTIONAL_ROLES.includes(role);
}

export const TOTP_PERIOD_SECONDS = 30;

/**
 * The demo's published authenticator key: every demo staff account is enrolled with it (docs/adr/0011), and the
 * tests' staff accounts too. It protects nothing and is never given to a real account.
 */
export const DEMO_TOTP_SECRET = 'GOLDTHREADDEMOKEYGOLDTHREADDEMO2';
export const RECOVERY_CODE_COUNT = 10;

export interface FactorOwner {
  readonly laCode: string;
  readonly userId: string;
  /** The account's email: the label an authenticator app shows. */
  readonly email?: string;
}

const boundTo = (owner: FactorOwner) => `second_factor:${owner.laCode}:${owner.userId}`;

export function totpFor(secretBase32: string, label = 'Goldthread'): TOTP {
  return new TOTP({
    issuer: 'Goldthread',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** The 30-second step a time falls in. */
export function stepAt(now: Date): number {
  return TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp: now.getTime() });
}

/** A new random secret (160 bits, as RFC 4226 recommends), in base32. */
export function newSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The base32 key grouped in fours, for people to read or type into an app. */
export function groupedKey(secretBase32: string): string {
  return secretBase32.replace(/(.{4})(?=.)/g, '$1 ');
}

async function row(db: Executor, owner: FactorOwner) {
  return db
    .selectFrom('second_factor')
    .select(['secret', 'confirmed_at', 'last_step'])
    .where('la_code', '=', owner.laCode)
    .where('user_id', '=', owner.userId)
    .executeTakeFirst();
}

export type FactorStatus = 'none' | 'enrolling' | 'confirmed';

export async function factorStatus(db: Executor, owner: FactorOwner): Promise<FactorStatus> {
  const found = await row(db, owner);
  return !found ? 'none' : found.confirmed_at ? 'confirmed' : 'enrolling';
}

/** How many recovery codes the user has left. */
export async function recoveryCodesLeft(db: Executor, owner: FactorOwner): Promise<number> {
  const { n } = await db
    .selectFrom('recovery_code')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('la_code', '=', owner.laCode)
    .where('user_id', '=', owner.userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/**
 * The secret the user is enrolling with: the one already begun (so a page reloaded after scanning still matches the
 * app), or a new one. Null when the user already has a confirmed second factor.
 */
export async function beginEnrolment(db: Executor, key: Buffer, owner: FactorOwner): Promise<string | null> {
  const found = await row(db, owner);
  if (found?.confirmed_at) return null;
  const kept = found ? open(key, found.secret, boundTo(owner)) : null;
  if (kept) return kept;
  const secret = newSecret();
  await db
    .insertInto('second_factor')
    .values({ la_code: owner.laCode, user_id: owner.userId, secret: seal(key, secret, boundTo(owner)) })
    .onConflict((oc) =>
      oc.columns(['la_code', 'user_id']).doUpdateSet({ secret: seal(key, secret, boundTo(owner)) }),
    )
    .execute();
  return secret;
}

/** The step a code is valid for, near `now` (one step either way), or null. */
function matchingStep(secret: string, code: string, now: Date): number | null {
  const delta = totpFor(secret).validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : stepAt(now) + delta;
}

/** Takes `step` as the last one used, unless a code for it or a later one was accepted already (a replay). */
async function spendStep(db: Executor, owner: FactorOwner, step: number): Promise<boolean> {
  const updated = await db
    .updateTable('second_factor')
    .set({ last_step: step })
    .where('la_code', '=', owner.laCode)
    .where('user_id', '=', owner.userId)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
    .returning('user_id')
    .executeTakeFirst();
  return updated !== undefined;
}

export type CodeCheck = 'ok' | 'wrong' | 'replayed' | 'unreadable' | 'no-factor';

/**
 * Confirms an enrolment with a code from the new secret: the factor is confirmed and ten new recovery codes are made
 * (their plain text returned, to be shown once). The codes of any earlier factor are deleted.
 */
export async function confirmEnrolment(
  db: Executor,
  key: Buffer,
  owner: FactorOwner,
  code: string,
  now: Date,
): Promise<{ result: 'ok'; recoveryCodes: string[] } | { result: Exclude<CodeCheck, 'ok'> }> {
  const found = await row(db, owner);
  if (!found || found.confirmed_at) return { result: 'no-factor' };
  const secret = open(key, found.secret, boundTo(owner));
  if (!secret) return { result: 'unreadable' };
  const step = matchingStep(secret, code, now);
  if (step === null) return { result: 'wrong' };
  if (!(await spendStep(db, owner, step))) return { result: 'replayed' };
  await db
    .updateTable('second_factor')
    .set({ confirmed_at: now })
    .where('la_code', '=', owner.laCode)
    .where('user_id', '=', owner.userId)
    .execute();
  return { result: 'ok', recoveryCodes: await replaceRecoveryCodes(db, key, owner) };
}

/** Checks a code from the user's confirmed second factor, spending its step. */
export async function verifyCode(
  db: Executor,
  key: Buffer,
  owner: FactorOwner,
  code: string,
  now: Date,
): Promise<CodeCheck> {
  const found = await row(db, owner);
  if (!found?.confirmed_at) return 'no-factor';
  const secret = open(key, found.secret, boundTo(owner));
  if (!secret) return 'unreadable';
  const step = matchingStep(secret, code, now);
  if (step === null) return 'wrong';
  return (await spendStep(db, owner, step)) ? 'ok' : 'replayed';
}

/** The current code of the user's confirmed factor (the demo's hint only: never shown outside demo mode). */
export async function currentCode(
  db: Executor,
  key: Buffer,
  owner: FactorOwner,
  now: Date,
): Promise<string | null> {
  const found = await row(db, owner);
  const secret = found?.confirmed_at ? open(key, found.secret, boundTo(owner)) : null;
  return secret ? totpFor(secret).generate({ timestamp: now.getTime() }) : null;
}

const RECOVERY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A recovery code as typed, made comparable: lower case, no spaces or hyphens, o read as 0 and i or l as 1. */
export function normaliseRecoveryCode(typed: string): string {
  return typed.toLowerCase().replace(/[\s-]/g, '').replace(/o/g, '0').replace(/[il]/g, '1');
}

function newRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

const recoveryHash = (key: Buffer, owner: FactorOwner, code: string) =>
  keyedHash(key, `recovery_code:${owner.laCode}:${owner.userId}`, normaliseRecoveryCode(code));

/** Ten new recovery codes (50 bits each) in place of any the user had; their plain text, to be shown once. */
export async function replaceRecoveryCodes(db: Executor, key: Buffer, owner: FactorOwner): Promise<string[]> {
  await db
    .deleteFrom('recovery_code')
    .where('la_code', '=', owner.laCode)
    .where('user_id', '=', owner.userId)
    .execute();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db
    .insertInto('recovery_code')
    .values(
      codes.map((code) => ({
        la_code: owner.laCode,
        user_id: owner.userId,
        code_hash: recoveryHash(key, owner, code),
      })),
    )
    .execute();
  return codes;
}

/** Spends a recovery code: true when it was one of the user's, unused (it is used now). */
export async function useRecoveryCode(
  db: Executor,
  key: Buffer,
  owner: FactorOwner,
  typed: string,
  now: Date,
): Promise<boolean> {
  const spent = await db
    .updateTable('recovery_code')
    .set({ used_at: now })
    .where('la_code', '=', owner.laCode)
    .where('user_id', '=', owner.userId)
    .where('code_hash', '=', recoveryHash(key, owner, typed))
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return spent !== undefined;
}

/** Removes the user's second factor and recovery codes (an administrator's reset): they enrol again. */
export async function removeSecondFactor(db: Executor, owner: FactorOwner): Promise<boolean> {
  await db
    .deleteFrom('recovery_code')
    .where('la_code', '=', owner.laCode)
    .where('user_id', '=', owner.userId)
    .execute();
  const removed = await db
    .deleteFrom('second_factor')
    .where('la_code', '=', owner.laCode)
    .where('user_id', '=', owner.userId)
    .returning('user_id')
    .executeTakeFirst();
  return removed !== undefined;
}

/**
 * Enrols users with a known secret, already confirmed and with no recovery codes: the demo's accounts (the published
 * demo secret, docs/adr/0011) and tests. Never for real accounts.
 */
export async function enrolWithKnownSecret(
  db: Executor,
  key: Buffer,
  owners: readonly FactorOwner[],
  secretBase32: string,
): Promise<void> {
  if (!owners.length) return;
  await db
    .insertInto('second_factor')
    .values(
      owners.map((owner) => ({
        la_code: owner.laCode,
        user_id: owner.userId,
        secret: seal(key, secretBase32, boundTo(owner)),
        confirmed_at: new Date(),
      })),
    )
    .execute();
}
