/**
 * The attacks on single sign-on (issue 19 item 4), each made for real against the test provider over HTTP: ID tokens
 * the provider signs with its own key but with a wrong audience, a wrong issuer, an expiry in the past or the nonce of
 * an earlier sign-in; a callback with another state, in another browser, used twice or too late; an email of a domain
 * the provider may not sign in, or one it has not verified. Each is refused with a clear page, no session, and an
 * audit entry naming the reason. On both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { createAuthority, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.ts';
import type { TestProvider } from '../../../test/helpers/oidc-provider.ts';
import { configureProvider, providerFor, ssoSignIn, throughProvider } from '../../../test/helpers/sso.ts';

describe.each(ENGINES)('attacks on single sign-on on %s', (engine) => {
  let t: TestApp;
  let op: TestProvider;
  let providerId: string;
  let la: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    la = await createAuthority(t.database.db);
    const administrator = await createUser(t.database.db, la, 'administrator');
    op = await providerFor(t, [
      { sub: 'casey', email: 'casey@council.example', name: 'Casey', claims: { groups: ['staff'] } },
      { sub: 'outsider', email: 'mallory@elsewhere.example', name: 'Mallory', claims: { groups: ['staff'] } },
      {
        sub: 'unverified',
        email: 'unverified@council.example',
        emailVerified: false,
        claims: { groups: ['staff'] },
      },
      { sub: 'switched-off', email: 'gone@council.example', name: 'Gone', claims: { groups: ['staff'] } },
    ]);
    const admin = new TestClient(t.app);
    await admin.signIn(administrator.email, TEST_PASSWORD);
    providerId = await configureProvider(admin, op);
    await admin.submit(
      `/admin/identity-providers/${providerId}`,
      { group: 'staff', role: 'caseworker' },
      `/admin/identity-providers/${providerId}/groups`,
    );
    await createUser(t.database.db, la, 'caseworker', { email: 'gone@council.example', active: false });
  });
  afterAll(async () => {
    await op?.close();
    await t?.close();
  });

  /** The last refusal audited: its reason, and that it was recorded as denied under the provider's authority. */
  async function lastRefusal() {
    const row = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'sign-in.sso.refused')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.outcome).toBe('denied');
    expect(row.la_code).toBe(la);
    expect(row.record_id).toBe(providerId);
    return (row.detail as { reason: string }).reason;
  }

  async function refusalCount() {
    const { n } = await t.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'sign-in.sso.refused')
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  /** Signs casey in with the next ID token changed as given; the app's answer. */
  async function withTamperedToken(changes: Record<string, unknown>) {
    const client = new TestClient(t.app);
    const { callback } = await throughProvider(client, op, providerId, 'casey');
    op.tamperNextIdToken(changes);
    const response = await client.get(callback.pathname + callback.search);
    return { response, client };
  }

  function expectRefused(response: Awaited<ReturnType<TestClient['get']>>, status: number, title: string) {
    expect(response.statusCode).toBe(status);
    expect(response.body).toContain(title);
    expect(response.body).toContain('Go to the sign-in page');
    expect(response.cookies.find((c) => c.name === 'goldthread_session')).toBeUndefined();
  }

  it('signs casey in when nothing is tampered with (the control)', async () => {
    const response = await ssoSignIn(new TestClient(t.app), op, providerId, 'casey');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/');
  });

  it('refuses an ID token for another audience', async () => {
    const { response, client } = await withTamperedToken({ aud: 'some-other-service' });
    expectRefused(response, 403, 'Your sign-in could not be checked');
    expect(await lastRefusal()).toBe('audience');
    expect((await client.get('/children')).statusCode).toBe(302);
  });

  it('refuses an ID token from another issuer', async () => {
    const { response } = await withTamperedToken({ iss: 'https://login.evil.example/' });
    expectRefused(response, 403, 'Your sign-in could not be checked');
    expect(await lastRefusal()).toBe('issuer');
  });

  it('refuses an expired ID token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const { response } = await withTamperedToken({ iat: now - 7200, exp: now - 3600 });
    expectRefused(response, 403, 'Your sign-in could not be checked');
    expect(await lastRefusal()).toBe('expired-token');
  });

  it('refuses an ID token carrying the nonce of an earlier sign-in (a replayed nonce)', async () => {
    await ssoSignIn(new TestClient(t.app), op, providerId, 'casey');
    const earlier = op.issuedNonces.at(-1)!;
    const { response } = await withTamperedToken({ nonce: earlier });
    expectRefused(response, 403, 'Your sign-in could not be checked');
    expect(await lastRefusal()).toBe('nonce');
  });

  it('refuses an ID token whose signature is not the provider’s (a forgery under its key id)', async () => {
    const client = new TestClient(t.app);
    const { callback } = await throughProvider(client, op, providerId, 'casey');
    op.tamperNextIdToken({}, { foreignKey: true });
    const response = await client.get(callback.pathname + callback.search);
    expectRefused(response, 403, 'Your sign-in could not be checked');
    expect(await lastRefusal()).toBe('signature');
  });

  it('refuses a callback whose state does not match the sign-in this browser started', async () => {
    const client = new TestClient(t.app);
    const { callback } = await throughProvider(client, op, providerId, 'casey');
    callback.searchParams.set('state', 'attacker-chosen-state-value');
    const response = await client.get(callback.pathname + callback.search);
    expectRefused(response, 400, 'Your sign-in could not be completed');
    expect(await lastRefusal()).toBe('state');
  });

  it('refuses a callback brought to another browser (login CSRF): no sign-in was started there', async () => {
    const { callback } = await throughProvider(new TestClient(t.app), op, providerId, 'casey');
    const victim = new TestClient(t.app);
    const response = await victim.get(callback.pathname + callback.search);
    expectRefused(response, 400, 'Your sign-in could not be completed');
    expect(await lastRefusal()).toBe('state');
  });

  it('uses a sign-in once: the same callback again is refused as replayed', async () => {
    const client = new TestClient(t.app);
    const { callback, start } = await throughProvider(client, op, providerId, 'casey');
    const cookie = start.cookies.find((c) => c.name === 'goldthread_sso')!;
    const url = callback.pathname + callback.search;
    const send = () =>
      t.app.inject({ method: 'GET', url, headers: { cookie: `goldthread_sso=${cookie.value}` } });
    expect((await send()).statusCode).toBe(303);
    const again = await send();
    expectRefused(again, 400, 'Your sign-in could not be completed');
    expect(await lastRefusal()).toBe('replayed');
  });

  it('refuses a sign-in that comes back after more than 10 minutes', async () => {
    const client = new TestClient(t.app);
    const { callback } = await throughProvider(client, op, providerId, 'casey');
    await t.database.db
      .updateTable('sso_sign_in')
      .set({ created_at: new Date(Date.now() - 11 * 60 * 1000) })
      .where('used_at', 'is', null)
      .execute();
    const response = await client.get(callback.pathname + callback.search);
    expectRefused(response, 400, 'Your sign-in could not be completed');
    expect(await lastRefusal()).toBe('expired-request');
  });

  it('refuses an email of a domain the provider may not sign in, making no account', async () => {
    const response = await ssoSignIn(new TestClient(t.app), op, providerId, 'outsider');
    expectRefused(response, 403, 'This account cannot sign in here');
    expect(await lastRefusal()).toBe('domain');
    const account = await t.database.db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', 'mallory@elsewhere.example')
      .executeTakeFirst();
    expect(account).toBeUndefined();
  });

  it('refuses an email the provider has not verified', async () => {
    const response = await ssoSignIn(new TestClient(t.app), op, providerId, 'unverified');
    expectRefused(response, 403, 'Your email address could not be confirmed');
    expect(await lastRefusal()).toBe('email-unverified');
  });

  it('refuses a switched-off account even with a mapped group', async () => {
    const response = await ssoSignIn(new TestClient(t.app), op, providerId, 'switched-off');
    expectRefused(response, 403, 'Your account cannot sign in');
    expect(await lastRefusal()).toBe('account-off');
  });

  it('refuses a callback carrying the provider’s error (the person cancelled), audited', async () => {
    const client = new TestClient(t.app);
    const start = await client.get(`/sign-in/sso/${providerId}`);
    const state = new URL(start.headers.location as string).searchParams.get('state')!;
    const response = await client.get(
      `/sign-in/sso/callback?error=access_denied&error_description=cancelled&state=${state}&iss=${encodeURIComponent(op.issuer)}`,
    );
    expectRefused(response, 403, 'Your organisation’s sign-in did not sign you in');
    expect(await lastRefusal()).toBe('provider-error');
  });

  it('audits every refusal once', async () => {
    // Thirteen refusals above (audience, issuer, expiry, nonce, forged signature, state, other browser, replay, late,
    // domain, unverified, switched off, the provider's error): one entry each.
    expect(await refusalCount()).toBe(13);
  });
});
