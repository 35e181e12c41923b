/**
 * Staff single sign-on against a real OpenID Connect provider (test/helpers/oidc-provider.ts) over HTTP, on both
 * engines: group-to-role mapping, first sign-in approval, sign-out at the provider, and password sign-in refused for
 * a domain that signs in with the provider.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { createAuthority, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.ts';
import { CookieJar, followProvider, type TestProvider } from '../../../test/helpers/oidc-provider.ts';
import { configureProvider, providerFor, ssoSignIn } from '../../../test/helpers/sso.ts';

describe.each(ENGINES)('staff single sign-on on %s', (engine) => {
  let t: TestApp;
  let op: TestProvider;
  let admin: TestClient;
  let providerId: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const la = await createAuthority(t.database.db);
    const administrator = await createUser(t.database.db, la, 'administrator', {
      email: 'admin@test.example',
    });
    op = await providerFor(t, [
      {
        sub: 'casey',
        email: 'casey@council.example',
        name: 'Casey Oidc',
        claims: { groups: ['send-caseworkers'] },
      },
      {
        sub: 'manny',
        email: 'manny@council.example',
        name: 'Manny Oidc',
        claims: { groups: ['send-caseworkers', 'send-managers'] },
      },
      {
        sub: 'newbie',
        email: 'newbie@council.example',
        name: 'Nell Newcomer',
        claims: { groups: ['finance'] },
      },
      { sub: 'pat', email: 'pat.password@council.example', name: 'Pat Password' },
      {
        sub: 'twin',
        email: 'twin@council.example',
        name: 'Tam Twice',
        claims: { groups: ['send-caseworkers'] },
      },
      { sub: 'queue', email: 'queue@council.example', name: 'Quinn Queue', claims: { groups: ['finance'] } },
    ]);
    admin = new TestClient(t.app);
    await admin.signIn(administrator.email, TEST_PASSWORD);
    providerId = await configureProvider(admin, op);
    for (const [group, role] of [
      ['send-caseworkers', 'caseworker'],
      ['send-managers', 'team-manager'],
    ]) {
      const mapped = await admin.submit(
        `/admin/identity-providers/${providerId}`,
        { group: group!, role: role! },
        `/admin/identity-providers/${providerId}/groups`,
      );
      expect(mapped.statusCode).toBe(303);
    }
    // An account made with a password before single sign-on was turned on.
    await createUser(t.database.db, la, 'caseworker', {
      email: 'pat.password@council.example',
      displayName: 'Pat Password',
    });
  });
  afterAll(async () => {
    await op?.close();
    await t?.close();
  });

  const auditOf = (action: string) =>
    t.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();

  it('shows the provider’s button on the sign-in page', async () => {
    const page = await new TestClient(t.app).get('/sign-in');
    expect(page.body).toContain('Sign in with Testshire staff account');
    expect(page.body).toContain(`id="sso-${providerId}"`);
    expect(page.body).toContain(`href="/sign-in/sso/${providerId}?returnTo=%2F"`);
  });

  it('signs a caseworker in through the provider with PKCE, state and nonce, the group giving the role', async () => {
    const client = new TestClient(t.app);
    const start = await client.get(`/sign-in/sso/${providerId}`);
    expect(start.statusCode).toBe(303);
    const authorise = new URL(start.headers.location as string);
    expect(authorise.origin).toBe(op.issuer);
    expect(authorise.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorise.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(authorise.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    // The state and nonce are kept on the server, not in the cookie.
    const cookie = start.cookies.find((c) => c.name === 'goldthread_sso')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.value).not.toContain(authorise.searchParams.get('state'));

    op.nextLogin = 'casey';
    const callback = await followProvider(op, start.headers.location as string, new CookieJar());
    const done = await client.get(callback.pathname + callback.search);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/');
    const home = await client.get('/');
    expect(home.body).toContain('Casey Oidc');
    expect(home.body).toContain('Your children and young people');
    const user = await t.database.db
      .selectFrom('app_user')
      .select(['id', 'role', 'password_hash'])
      .where('email', '=', 'casey@council.example')
      .executeTakeFirstOrThrow();
    expect(user.role).toBe('caseworker');
    expect(user.password_hash).toBeNull();
    const created = (await auditOf('user.create')).find((r) => r.record_id === user.id);
    expect(created?.detail).toMatchObject({ via: 'single sign-on', role: 'caseworker' });
    const signIns = (await auditOf('sign-in')).filter((r) => r.user_id === user.id);
    expect(signIns.at(-1)?.detail).toMatchObject({ method: 'single sign-on', provider: providerId });

    // Signing in again finds the same account.
    const again = new TestClient(t.app);
    expect((await ssoSignIn(again, op, providerId, 'casey')).headers.location).toBe('/');
    const { n } = await t.database.db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('email', '=', 'casey@council.example')
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(1);
  });

  it('gives the most senior role when several groups are mapped', async () => {
    const client = new TestClient(t.app);
    expect((await ssoSignIn(client, op, providerId, 'manny')).statusCode).toBe(303);
    const user = await t.database.db
      .selectFrom('app_user')
      .select('role')
      .where('email', '=', 'manny@council.example')
      .executeTakeFirstOrThrow();
    expect(user.role).toBe('team-manager');
  });

  it('keeps the role in step with the groups at each sign-in, audited', async () => {
    const form = `/admin/identity-providers/${providerId}`;
    await admin.submit(form, { group: 'send-caseworkers', role: 'send-leader' }, `${form}/groups`);
    const client = new TestClient(t.app);
    expect((await ssoSignIn(client, op, providerId, 'casey')).statusCode).toBe(303);
    const user = await t.database.db
      .selectFrom('app_user')
      .select(['id', 'role'])
      .where('email', '=', 'casey@council.example')
      .executeTakeFirstOrThrow();
    expect(user.role).toBe('send-leader');
    const change = (await auditOf('user.update')).find((r) => r.record_id === user.id);
    expect(change?.detail).toMatchObject({ from: { role: 'caseworker' }, to: { role: 'send-leader' } });
    await admin.submit(form, { group: 'send-caseworkers', role: 'caseworker' }, `${form}/groups`);
    await ssoSignIn(new TestClient(t.app), op, providerId, 'casey');
  });

  it('says the provider cannot be reached when its discovery fails', async () => {
    const other = await configureProvider(admin, op, {
      name: 'Unreachable provider',
      clientId: 'unreachable-client',
      domains: 'unreachable.example',
    });
    await admin.submit(`/admin/identity-providers/${other}`, {
      name: 'Unreachable provider',
      issuer: 'http://127.0.0.1:9',
      clientId: 'unreachable-client',
      secretEnv: 'OIDC_CLIENT_SECRET_TEST',
      groupsClaim: 'groups',
      domains: 'unreachable.example',
      enabled: 'no',
    });
    const response = await new TestClient(t.app).get(`/sign-in/sso/${other}`);
    // Switched off: no such button.
    expect(response.statusCode).toBe(404);
    await admin.submit(`/admin/identity-providers/${other}`, {
      name: 'Unreachable provider',
      issuer: 'http://127.0.0.1:9',
      clientId: 'unreachable-client',
      secretEnv: 'OIDC_CLIENT_SECRET_TEST',
      groupsClaim: 'groups',
      domains: 'unreachable.example',
      enabled: 'yes',
    });
    const down = await new TestClient(t.app).get(`/sign-in/sso/${other}`);
    expect(down.statusCode).toBe(503);
    expect(down.body).toContain('Sign-in with your organisation is not available');
    await admin.submit(`/admin/identity-providers/${other}`, {
      name: 'Unreachable provider',
      issuer: 'http://127.0.0.1:9',
      clientId: 'unreachable-client',
      secretEnv: 'OIDC_CLIENT_SECRET_TEST',
      groupsClaim: 'groups',
      domains: 'unreachable.example',
      enabled: 'no',
    });
  });

  it('links an existing account of the same verified email', async () => {
    const client = new TestClient(t.app);
    expect((await ssoSignIn(client, op, providerId, 'pat')).headers.location).toBe('/');
    expect((await client.get('/')).body).toContain('Pat Password');
    expect((await auditOf('sso.link')).length).toBeGreaterThan(0);
  });

  it('keeps a person with no mapped group waiting, seeing nothing, until an administrator approves them', async () => {
    const client = new TestClient(t.app);
    const done = await ssoSignIn(client, op, providerId, 'newbie');
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/sign-in/waiting');
    expect(done.cookies.find((c) => c.name === 'goldthread_session')).toBeUndefined();
    const waiting = await client.get('/sign-in/waiting');
    expect(waiting.statusCode).toBe(200);
    expect(waiting.body).toContain('Your account is waiting for approval');
    expect(waiting.body).toContain('newbie@council.example');
    expect((await client.get('/')).body).not.toContain('Nell Newcomer');
    for (const path of ['/children', '/plans', '/admin/users']) {
      const r = await client.get(path);
      expect(r.statusCode, path).toBe(302);
      expect(r.headers.location, path).toMatch(/^\/sign-in/);
    }
    // Signing in again still waits, with one request.
    expect((await ssoSignIn(new TestClient(t.app), op, providerId, 'newbie')).headers.location).toBe(
      '/sign-in/waiting',
    );
    const requests = await admin.get('/admin/sign-in-requests');
    expect(requests.statusCode).toBe(200);
    expect(requests.body).toContain('Nell Newcomer');
    const id = /\/admin\/sign-in-requests\/([0-9a-f-]{36})/.exec(requests.body)![1]!;
    const page = await admin.get(`/admin/sign-in-requests/${id}`);
    expect(page.body).toContain('finance');
    const noRole = await admin.submit(`/admin/sign-in-requests/${id}`, { decision: 'approve' });
    expect(noRole.statusCode).toBe(400);
    expect(noRole.body).toContain('There is a problem');
    expect(noRole.body).toContain('<a href="#role">Select a role</a>');
    const approved = await admin.submit(`/admin/sign-in-requests/${id}`, {
      decision: 'approve',
      role: 'caseworker',
    });
    expect(approved.statusCode).toBe(303);
    expect(approved.headers.location).toMatch(/^\/admin\/users\/[0-9a-f-]{36}\?created=1$/);
    expect((await client.get('/sign-in/waiting')).body).toContain('Your account has been approved');
    const later = new TestClient(t.app);
    expect((await ssoSignIn(later, op, providerId, 'newbie')).headers.location).toBe('/');
    expect((await later.get('/')).body).toContain('Nell Newcomer');
    expect((await auditOf('sso.pending.create')).length).toBe(1);
    expect((await auditOf('sso.pending.approve')).length).toBe(1);
    // Decided once only.
    const twice = await admin.submit(`/admin/sign-in-requests/${id}`, { decision: 'refuse' });
    expect(twice.statusCode).not.toBe(303);
  });

  it('tells a refused person so, and keeps them out; a forged waiting cookie shows nothing', async () => {
    op.addAccount({
      sub: 'refused',
      email: 'rory@council.example',
      name: 'Rory Refused',
      claims: { groups: [] },
    });
    const client = new TestClient(t.app);
    expect((await ssoSignIn(client, op, providerId, 'refused')).headers.location).toBe('/sign-in/waiting');
    const requests = await admin.get('/admin/sign-in-requests');
    const id = new RegExp(`/admin/sign-in-requests/([0-9a-f-]{36})">Rory Refused`).exec(requests.body)![1]!;
    const refused = await admin.submit(`/admin/sign-in-requests/${id}`, { decision: 'refuse' });
    expect(refused.statusCode).toBe(303);
    expect(refused.headers.location).toBe('/admin/sign-in-requests?decided=refused');
    expect((await client.get('/sign-in/waiting')).body).toContain('Your account was not approved');
    const again = new TestClient(t.app);
    expect((await ssoSignIn(again, op, providerId, 'refused')).headers.location).toBe('/sign-in/waiting');
    expect((await again.get('/sign-in/waiting')).body).toContain('Your account was not approved');
    expect((await auditOf('sso.pending.refuse')).length).toBe(1);
    const forged = await t.app.inject({
      method: 'GET',
      url: '/sign-in/waiting',
      headers: { cookie: `goldthread_sso_pending=${id}` },
    });
    expect(forged.statusCode).toBe(303);
    expect(forged.headers.location).toBe('/sign-in');
  });

  it('signs out at the provider too (end_session_endpoint with id_token_hint)', async () => {
    const client = new TestClient(t.app);
    const jar = new CookieJar();
    await ssoSignIn(client, op, providerId, 'casey', jar);
    const out = await client.submit('/', {}, '/sign-out');
    // A page that goes on to the provider (a redirect from the form would break CSP form-action 'self').
    expect(out.statusCode).toBe(200);
    expect(out.body).toContain('Signing you out');
    const href = /<a href="([^"]+)"[^>]*id="provider-sign-out"/.exec(out.body)![1]!.replace(/&amp;/g, '&');
    const endSession = new URL(href);
    expect(endSession.origin).toBe(op.issuer);
    expect(endSession.pathname).toBe('/session/end');
    expect(endSession.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(
      `${t.config.publicUrl}/sign-in?signedOut=1`,
    );
    expect((await client.get('/children')).statusCode).toBe(302);
    const back = await followProvider(op, endSession.href, jar);
    expect(back.href).toBe(`${t.config.publicUrl}/sign-in?signedOut=1`);
    // The provider's session has ended: it asks who is signing in again.
    op.nextLogin = undefined;
    const start = await client.get(`/sign-in/sso/${providerId}`);
    const authorise = await fetch(start.headers.location as string, {
      headers: { cookie: jar.header() },
      redirect: 'manual',
    });
    jar.remember(authorise);
    const interaction = new URL(authorise.headers.get('location')!, op.issuer);
    expect(interaction.pathname).toMatch(/^\/interaction\//);
    const page = await fetch(interaction, { headers: { cookie: jar.header() } });
    expect(await page.text()).toContain('Sign in as');
  });

  it('refuses password sign-in for an email of a single sign-on domain, pointing to the button', async () => {
    const client = new TestClient(t.app);
    const refused = await client.submit('/sign-in', {
      email: 'Pat.Password@council.example',
      password: TEST_PASSWORD,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('There is a problem');
    expect(refused.body).toContain(
      `<a href="#sso-${providerId}">Your organisation signs you in with single sign-on`,
    );
    expect(refused.body).toContain(`id="sso-${providerId}"`);
    expect(refused.cookies.find((c) => c.name === 'goldthread_session')).toBeUndefined();
    const audited = await auditOf('sign-in.password-refused');
    expect(audited.at(-1)).toMatchObject({
      outcome: 'denied',
      record_id: providerId,
      detail: { domain: 'council.example' },
    });
    // Other domains still sign in with a password, and so does a family account of the domain (a staff provider never
    // signs families in).
    expect((await new TestClient(t.app).signIn('admin@test.example', TEST_PASSWORD)).statusCode).toBe(303);
    const la = (await t.database.db.selectFrom('local_authority').select('la_code').executeTakeFirstOrThrow())
      .la_code;
    await createUser(t.database.db, la, 'parent', { email: 'a.parent@council.example' });
    expect((await new TestClient(t.app).signIn('a.parent@council.example', TEST_PASSWORD)).statusCode).toBe(
      303,
    );
  });

  it('signs in the same new person from several tabs at once: one account, one waiting request, no error', async () => {
    const at = (sub: string) =>
      Promise.all([1, 2, 3].map(() => ssoSignIn(new TestClient(t.app), op, providerId, sub)));
    for (const done of await at('twin')) expect([done.statusCode, done.headers.location]).toEqual([303, '/']);
    const accounts = await t.database.db
      .selectFrom('app_user')
      .select('role')
      .where('email', '=', 'twin@council.example')
      .execute();
    expect(accounts).toEqual([{ role: 'caseworker' }]);
    for (const done of await at('queue')) {
      expect([done.statusCode, done.headers.location]).toEqual([303, '/sign-in/waiting']);
    }
    const waiting = await t.database.db
      .selectFrom('sso_pending_account')
      .select('email')
      .where('email', '=', 'queue@council.example')
      .execute();
    expect(waiting).toHaveLength(1);
  });
});
