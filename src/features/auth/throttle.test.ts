/**
 * Sign-in throttling that works (issue 16 item 4; the review's D8 and D2), on both engines: failed attempts only, by
 * account with "try again in N minutes", by address across accounts (password spraying), kept in the database so
 * that a restart or a second instance sees the same counts; a successful sign-in never counts.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { createAuthority, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.ts';
import { buildWebApp } from '../../app/compose.ts';
import { OutboxNotifier } from '../../platform/notify/notify.ts';

describe.each(ENGINES)('sign-in throttling on %s', (engine) => {
  let t: TestApp;
  let second: FastifyInstance;
  let la: string;

  beforeAll(async () => {
    t = await createTestApp(engine, { SIGN_IN_LIMIT: '5', SIGN_IN_ADDRESS_LIMIT: '12' });
    la = await createAuthority(t.database.db);
    // A second instance over the same database (or the service after a restart): nothing kept in memory.
    second = (await buildWebApp({ ...t, notifier: new OutboxNotifier(), logger: false })).app;
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  /** One sign-in from `ip`, as a browser would: the form, then the POST with its token and cookie. */
  async function attempt(email: string, password: string, ip: string, app: FastifyInstance = t.app) {
    const form = await app.inject({ method: 'GET', url: '/sign-in', remoteAddress: ip });
    const cookie = form.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    return app.inject({
      method: 'POST',
      url: '/sign-in',
      remoteAddress: ip,
      payload: new URLSearchParams({ email, password, _csrf: TestClient.csrfFrom(form.body) }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    });
  }

  it('never counts a successful sign-in', async () => {
    const user = await createUser(t.database.db, la, 'caseworker');
    const statuses = [];
    for (let i = 0; i < 8; i++)
      statuses.push((await attempt(user.email, TEST_PASSWORD, '10.1.0.1')).statusCode);
    expect(statuses).toEqual(Array(8).fill(303));
  });

  it('locks an account after its failed attempts, from any address, saying when to try again', async () => {
    const user = await createUser(t.database.db, la, 'caseworker');
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await attempt(user.email, 'wrong-password', `10.2.0.${i + 1}`)).statusCode);
    expect(statuses).toEqual(Array(5).fill(400));
    // Even the right password, from yet another address, waits: the lock is the account's.
    const locked = await attempt(user.email.toUpperCase(), TEST_PASSWORD, '10.2.0.99');
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain('There is a problem');
    expect(locked.body).toContain('You have tried to sign in too many times. Try again in 15 minutes.');
    expect(locked.body).toContain(`value="${user.email.toUpperCase()}"`);
    // The other instance (or the service after a restart) knows.
    expect((await attempt(user.email, TEST_PASSWORD, '10.2.0.98', second)).statusCode).toBe(429);
    // When the failures leave the window, the account signs in again.
    await t.database.db
      .updateTable('sign_in_attempt')
      .set({ at: new Date(Date.now() - 16 * 60 * 1000) })
      .where('ip', 'like', '10.2.0.%')
      .execute();
    expect((await attempt(user.email, TEST_PASSWORD, '10.2.0.97')).statusCode).toBe(303);
  });

  it('a successful sign-in clears the account failures before it', async () => {
    const user = await createUser(t.database.db, la, 'caseworker');
    for (let i = 0; i < 4; i++) await attempt(user.email, 'wrong-password', '10.3.0.1');
    expect((await attempt(user.email, TEST_PASSWORD, '10.3.0.1')).statusCode).toBe(303);
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await attempt(user.email, 'wrong-password', '10.3.0.1')).statusCode);
    expect(statuses).toEqual(Array(4).fill(400));
    expect((await attempt(user.email, TEST_PASSWORD, '10.3.0.1')).statusCode).toBe(303);
  });

  it('slows password spraying: one address trying one password against many accounts', async () => {
    const statuses = [];
    for (let i = 0; i < 14; i++)
      statuses.push((await attempt(`person${i}@spray.example`, 'Winter2026!', '10.4.0.1')).statusCode);
    expect(statuses).toEqual([...Array<number>(12).fill(400), 429, 429]);
    // The address is stopped for a real account too; another address is not.
    const user = await createUser(t.database.db, la, 'caseworker');
    expect((await attempt(user.email, TEST_PASSWORD, '10.4.0.1')).statusCode).toBe(429);
    expect((await attempt(user.email, TEST_PASSWORD, '10.4.0.2')).statusCode).toBe(303);
  });

  it('throttles an unknown email exactly like a known one (the lock reveals no account)', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await attempt('nobody@unknown.example', 'x', `10.5.0.${i + 1}`)).statusCode);
    expect(statuses).toEqual([...Array<number>(5).fill(400), 429]);
    const rows = await t.database.db.selectFrom('sign_in_attempt').select(['account']).execute();
    expect(rows.some((r) => r.account.includes('@'))).toBe(false);
  });
});
