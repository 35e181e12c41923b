import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { createAuthority, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.ts';

describe.each(ENGINES)('sign-in and sessions on %s', (engine) => {
  let t: TestApp;
  let user: Awaited<ReturnType<typeof createUser>>;
  let inactive: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    t = await createTestApp(engine, { SIGN_IN_LIMIT: '10' });
    const la = await createAuthority(t.database.db);
    user = await createUser(t.database.db, la, 'caseworker', { displayName: 'Casey Worker' });
    inactive = await createUser(t.database.db, la, 'caseworker', { active: false });
  });
  afterAll(() => t?.close());

  it('shows the sign-in form with a CSRF token and security headers', async () => {
    const response = await new TestClient(t.app).get('/sign-in');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Sign in to Goldthread');
    expect(response.body).toMatch(/name="_csrf" value="[^"]+"/);
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(response.body).toContain(`<script nonce="${nonce}">`);
  });

  it('signs in with a session cookie that is HttpOnly and SameSite=Lax, then shows the home page', async () => {
    const client = new TestClient(t.app);
    const response = await client.signIn(user.email, TEST_PASSWORD);
    expect(response.headers.location).toBe('/');
    const cookie = response.cookies.find((c) => c.name === 'goldthread_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const home = await client.get('/');
    expect(home.body).toContain('Casey Worker');
    expect(home.body).toContain('Your children and young people');
  });

  it('gives one message for a wrong password and for an account that does not exist', async () => {
    const client = new TestClient(t.app);
    const wrong = await client.submit('/sign-in', { email: user.email, password: 'not-the-password' });
    const unknown = await client.submit('/sign-in', {
      email: 'nobody@test.example',
      password: 'not-the-password',
    });
    const deactivated = await client.submit('/sign-in', { email: inactive.email, password: TEST_PASSWORD });
    for (const r of [wrong, unknown, deactivated]) {
      expect(r.statusCode).toBe(400);
      expect(r.body).toContain('There is a problem');
      expect(r.body).toContain('Enter a correct email address and password');
    }
    expect(unknown.body).toContain('value="nobody@test.example"');
  });

  it('shows GOV.UK errors for empty, malformed, too long and hostile input, keeping the email typed', async () => {
    const client = new TestClient(t.app);
    const empty = await client.submit('/sign-in', { email: '', password: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('<a href="#email">Enter your email address</a>');
    expect(empty.body).toContain('<a href="#password">Enter your password</a>');
    expect(empty.body).toContain('<title>Error: Sign in');
    const hostile = await client.submit('/sign-in', { email: '<script>alert(1)</script>', password: 'x' });
    expect(hostile.body).not.toContain('<script>alert(1)</script>');
    expect(hostile.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hostile.body).toContain('Enter an email address in the correct format');
    const long = await client.submit('/sign-in', { email: `${'a'.repeat(250)}@x.example`, password: 'x' });
    expect(long.body).toContain('Email address must be 254 characters or fewer');
    const twice = await client.submit('/sign-in', { email: ['a@b.example', 'c@d.example'], password: 'x' });
    expect(twice.statusCode).toBe(400);
  });

  it('refuses a form without a valid CSRF token and saves nothing', async () => {
    const client = new TestClient(t.app);
    await client.get('/sign-in');
    const response = await client.post('/sign-in', {
      email: user.email,
      password: TEST_PASSWORD,
      _csrf: 'forged',
    });
    expect(response.statusCode).toBe(403);
    expect(response.cookies.find((c) => c.name === 'goldthread_session')).toBeUndefined();
  });

  it("refuses a CSRF token minted anonymously, or for another session, with a user's session (issue 16 item 6)", async () => {
    const victim = new TestClient(t.app);
    const signedIn = await victim.signIn(user.email, TEST_PASSWORD);
    const session = signedIn.cookies.find((c) => c.name === 'goldthread_session')!.value;
    const anonymous = await t.app.inject({ method: 'GET', url: '/sign-in' });
    const csrfCookie = anonymous.cookies.find((c) => c.name === '_csrf')!.value;
    const forged = await t.app.inject({
      method: 'POST',
      url: '/sign-out',
      payload: new URLSearchParams({ _csrf: TestClient.csrfFrom(anonymous.body) }).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `goldthread_session=${session}; _csrf=${csrfCookie}`,
      },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain('Your form could not be sent');
    // The session is untouched, and its own token still works.
    expect((await victim.get('/children')).statusCode).toBe(200);
    expect((await victim.submit('/', {}, '/sign-out')).statusCode).toBe(303);
  });

  it('only returns to a path on this site after sign-in', async () => {
    const client = new TestClient(t.app);
    const page = await client.get('/sign-in?returnTo=//evil.example/x');
    expect(page.body).toContain('name="returnTo" value="/"');
    const ok = await client.submit('/sign-in?returnTo=/children', {
      email: user.email,
      password: TEST_PASSWORD,
      returnTo: '/children',
    });
    // Staff give their second factor first, then go where they were going.
    expect(ok.headers.location).toBe('/second-factor?returnTo=%2Fchildren');
    const done = await client.passSecondFactor(user.email, String(ok.headers.location));
    expect(done.headers.location).toBe('/children');
  });

  it('never sends a signed-in user off the site, whatever returnTo holds (issue 16 item 3)', async () => {
    const client = new TestClient(t.app);
    await client.signIn(user.email, TEST_PASSWORD);
    for (const trick of [
      '%2F%09%2F127.0.0.1%3A3999%2Fphish',
      '%2F%0A%2Fx',
      '%2F%0D%0A%2Fx',
      '%2F%252F%252Fevil.example',
      '%2F%5Cevil.example',
      'javascript%3Aalert(1)',
    ]) {
      const r = await client.get(`/sign-in?returnTo=${trick}`);
      expect(r.statusCode, trick).toBe(302);
      expect(r.headers.location, trick).toBe('/');
    }
    const post = await new TestClient(t.app).submit('/sign-in', {
      email: user.email,
      password: TEST_PASSWORD,
      returnTo: '/\t/127.0.0.1:3999/phish',
    });
    expect(post.statusCode).toBe(303);
    expect(post.headers.location).toBe('/second-factor?returnTo=%2F');
  });

  it('signs out with a POST that ends the session on the server', async () => {
    const client = new TestClient(t.app);
    const signedIn = await client.signIn(user.email, TEST_PASSWORD);
    const token = signedIn.cookies.find((c) => c.name === 'goldthread_session')!.value;
    const out = await client.submit('/', {}, '/sign-out');
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/sign-in?signedOut=1');
    // The old token no longer works even if someone kept it.
    const reuse = await t.app.inject({
      method: 'GET',
      url: '/children',
      headers: { cookie: `goldthread_session=${token}` },
    });
    expect(reuse.statusCode).toBe(302);
    expect(reuse.headers.location).toBe('/sign-in?returnTo=%2Fchildren');
  });

  it('ends a session after 30 idle minutes and after 12 hours however active', async () => {
    const client = new TestClient(t.app);
    const signedIn = await client.signIn(user.email, TEST_PASSWORD);
    const token = signedIn.cookies.find((c) => c.name === 'goldthread_session')!.value;
    const { hashToken } = await import('../../platform/auth/sessions.ts');
    const id = hashToken(token);
    const db = t.database.db;
    await db
      .updateTable('session')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60 * 1000) })
      .where('id', '=', id)
      .execute();
    expect((await client.get('/children')).statusCode).toBe(302);

    const second = new TestClient(t.app);
    const again = await second.signIn(user.email, TEST_PASSWORD);
    const id2 = hashToken(again.cookies.find((c) => c.name === 'goldthread_session')!.value);
    expect((await second.get('/children')).statusCode).toBe(200);
    await db
      .updateTable('session')
      .set({ absolute_expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', id2)
      .execute();
    expect((await second.get('/children')).statusCode).toBe(302);
  });

  it('limits failed sign-in attempts for an account (more in throttle.test.ts)', async () => {
    const client = new TestClient(t.app);
    const email = 'ratelimited@test.example';
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await client.submit('/sign-in', { email, password: 'wrong-password' })).statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
    expect(statuses.slice(10)).toEqual([429, 429]);
    const limited = await client.submit('/sign-in', { email, password: 'wrong-password' });
    expect(limited.body).toContain('You have tried to sign in too many times. Try again in 15 minutes.');
  });

  it('records sign-in, failed sign-in and sign-out in the audit log', async () => {
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('user_id', '=', user.id)
      .execute();
    const actions = new Set(rows.map((r) => r.action));
    expect(actions).toContain('sign-in');
    expect(actions).toContain('sign-in.failed');
    expect(actions).toContain('sign-out');
  });
});
