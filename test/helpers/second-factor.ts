/**
 * The second factor in tests (issue 19 item 3). Staff made by the factories, and the demo's staff, are enrolled with
 * the published demo key (DEMO_TOTP_SECRET). A code is accepted once per 30-second step, so tests that sign the same
 * account in many times a second cannot use the wall clock: the apps the test helpers build read the second factor's
 * time from `secondFactorClock`, and each `nextCode` moves it one step on first. Codes are real TOTP codes, checked
 * by the real code; only the clock is the test's.
 */
import { DEMO_TOTP_SECRET, TOTP_PERIOD_SECONDS, totpFor } from '../../src/platform/auth/second-factor.ts';

let steps = 0;

/** The time the second factor reads in test apps: the wall clock, moved on by whole steps. */
export const secondFactorClock = (): Date => new Date(Date.now() + steps * TOTP_PERIOD_SECONDS * 1000);

/** A code of a step no code has used yet (the clock moves on a step first). */
export function nextCode(secret: string = DEMO_TOTP_SECRET): string {
  steps += 1;
  return codeNow(secret);
}

/** The code of the clock's step now, without moving it (to replay one). */
export function codeNow(secret: string = DEMO_TOTP_SECRET): string {
  return totpFor(secret).generate({ timestamp: secondFactorClock().getTime() });
}

/** The base32 key on a set-up page (shown grouped in fours). */
export function keyFromSetUpPage(html: string): string {
  const match = /id="secret-key"><code>([A-Z2-7 ]+)<\/code>/.exec(html);
  if (!match) throw new Error('No authenticator key on the page');
  return match[1]!.replace(/ /g, '');
}
