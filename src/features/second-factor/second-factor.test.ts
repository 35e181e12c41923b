/**
 * The second factor (issue 19 item 3), on both engines: the gate (a half-signed-in administrator reaches no page but
 * the second-factor step: every route of the route table is walked), codes (wrong, replayed, throttled), set-up with
 * the key as text and QR code, recovery codes (shown once, single use), secrets encrypted at rest, an administrator's
 * reset, and the audit entries of each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { createAuthority, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.ts';
import { routeTable } from '../../../test/helpers/route-table.ts';
import { codeNow, keyFromSetUpPage, nextCode } from '../../../test/helpers/second-factor.ts';
import { DEMO_TOTP_SECRET } from '../../platform/auth/second-factor.ts';
import { open } from '../../platform/auth/secret-box.ts';
import { DEMO_SECOND_FACTOR_KEY } from '../../platform/config.ts';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

describe.each(ENGINES)('the second factor on %s', (engine) => {
  let t: TestApp;
  let la: string;

  beforeAll(async () => {
    t = await createTestApp(engine, { SIGN_IN_LIMIT: '5' });
    la = await createAuthority(t.database.db);
  });
  afterAll(() => t?.close());

  const actions = async (userId: string) =>
    (
      await t.database.db
        .selectFrom('audit_log')
        .select(['action', 'outcome', 'detail'])
        .where('record_id', '=', userId)
        .orderBy('id')
        .execute()
    ).map((r) => `${r.action}:${r.outcome}`);

  it('sends a half-signed-in administrator from every page and form of the route table to the second-factor step', async () => {
    const admin = await createUser(t.database.db, la, 'administrator');
    const client = new TestClient(t.app);
    const half = await client.signIn(admin.email, TEST_PASSWORD, { halfway: true });
    expect(half.headers.location).toBe('/second-factor?returnTo=%2F');
    const routes = routeTable(t.app).filter(
      (r) =>
        !r.path.startsWith('/second-factor') &&
        !r.path.startsWith('/assets') &&
        !r.path.startsWith('/static'),
    );
    expect(routes.length).toBeGreaterThan(100);
    const reached: string[] = [];
    for (const { method, path } of routes) {
      if (method === 'HEAD' || (method === 'POST' && path === '/sign-out')) continue;
      const url = path.replace(/:[A-Za-z]+/g, NO_SUCH_ID).replace(/\*$/, 'x');
      const response =
        method === 'GET'
          ? await client.get(url)
          : await client.post(url, { _csrf: 'not-needed-to-be-refused' });
      const location = String(response.headers.location ?? '');
      const expected =
        method === 'GET' ? `/second-factor?returnTo=${encodeURIComponent(url)}` : '/second-factor';
      if (response.statusCode !== (method === 'GET' ? 302 : 303) || location !== expected)
        reached.push(`${method} ${url}: ${response.statusCode} ${location}`);
    }
    expect(reached).toEqual([]);
    // The step itself is shown, with no menu; once the code is given, the pages open.
    const step = await client.get('/second-factor');
    expect(step.statusCode).toBe(200);
    expect(step.body).toContain('Enter the code from your authenticator app');
    expect(step.body).not.toContain('Main menu');
    expect((await client.get('/admin/users')).statusCode).toBe(302);
    await client.passSecondFactor(admin.email, '/second-factor?returnTo=%2Fadmin%2Fusers');
    expect((await client.get('/admin/users')).statusCode).toBe(200);
  });

  it('refuses empty, malformed, wrong and replayed codes with the GOV.UK error summary, then signs in with a new session', async () => {
    const user = await createUser(t.database.db, la, 'caseworker');
    const client = new TestClient(t.app);
    const half = await client.signIn(user.email, TEST_PASSWORD, { halfway: true });
    const halfToken = half.cookies.find((c) => c.name === 'goldthread_session')!.value;
    const empty = await client.submit('/second-factor', { code: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('There is a problem');
    expect(empty.body).toContain('<a href="#code">Enter the 6-digit code from your authenticator app</a>');
    const letters = await client.submit('/second-factor', { code: 'abcdef' });
    expect(letters.body).toContain('The code must be 6 digits');
    const code = nextCode();
    const wrong = await client.submit('/second-factor', { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('The code is not correct');
    expect(wrong.body).toMatch(/name="code" type="text" [^>]*value="(000000|111111)"/);
    const ok = await client.submit('/second-factor', {
      code: code.replace(/^(\d{3})/, '$1 '),
      returnTo: '/children',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/children');
    const token = ok.cookies.find((c) => c.name === 'goldthread_session')!.value;
    expect(token).not.toBe(halfToken);
    expect((await client.get('/children')).statusCode).toBe(200);
    // The half-signed-in token is worth nothing now.
    const old = await t.app.inject({
      url: '/children',
      headers: { cookie: `goldthread_session=${halfToken}` },
    });
    expect(old.headers.location).toBe('/sign-in?returnTo=%2Fchildren');
    // The same code, in the same step, on another sign-in: refused.
    const again = new TestClient(t.app);
    await again.signIn(user.email, TEST_PASSWORD, { halfway: true });
    const replay = await again.submit('/second-factor', { code: codeNow() });
    expect(replay.statusCode).toBe(400);
    expect(replay.body).toContain('That code has already been used');
    expect(await actions(user.id)).toEqual([
      'sign-in:ok',
      'second-factor.verification.failed:denied',
      'second-factor.verified:ok',
      'sign-in:ok',
      'second-factor.verification.failed:denied',
    ]);
  });

  it('throttles wrong codes with the sign-in throttle, saying when to try again', async () => {
    const user = await createUser(t.database.db, la, 'team-manager');
    const client = new TestClient(t.app);
    await client.signIn(user.email, TEST_PASSWORD, { halfway: true });
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await client.submit('/second-factor', { code: '999999' })).statusCode);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    const limited = await client.submit('/second-factor', { code: nextCode() });
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('You have entered a wrong code too many times. Try again in 15 minutes.');
  });

  it('sets up a staff account without one: the key as text and QR code, confirmed with a code, ten recovery codes shown once', async () => {
    const user = await createUser(t.database.db, la, 'professional', { secondFactor: false });
    const client = new TestClient(t.app);
    const half = await client.signIn(user.email, TEST_PASSWORD, { halfway: true, returnTo: '/children' });
    const step = await client.get(String(half.headers.location));
    expect(step.headers.location).toBe('/second-factor/set-up?returnTo=%2Fchildren');
    const page = await client.get(String(step.headers.location));
    expect(page.statusCode).toBe(200);
    const key = keyFromSetUpPage(page.body);
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    expect(page.body).toMatch(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="QR code/);
    expect(page.body).toContain(`otpauth://totp/Goldthread:${encodeURIComponent(user.email)}?`);
    // Reloading keeps the same key (the app may have scanned it already).
    expect(keyFromSetUpPage((await client.get('/second-factor/set-up')).body)).toBe(key);
    const wrong = await client.submit('/second-factor/set-up', { code: '12345' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('<a href="#code">The code must be 6 digits, like 123456</a>');
    expect(wrong.body).toContain('value="12345"');
    expect(keyFromSetUpPage(wrong.body)).toBe(key);
    const done = await client.submit('/second-factor/set-up', { code: nextCode(key), returnTo: '/children' });
    expect(done.statusCode).toBe(200);
    const codes = [...done.body.matchAll(/<li><code>([0-9a-z]{5}-[0-9a-z]{5})<\/code><\/li>/g)].map(
      (m) => m[1],
    );
    expect(new Set(codes).size).toBe(10);
    expect(done.body).toContain('href="/children"');
    expect((await client.get('/children')).statusCode).toBe(200);
    // Kept encrypted, and the codes only as hashes.
    const row = await t.database.db
      .selectFrom('second_factor')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.secret).not.toContain(key);
    expect(open(DEMO_SECOND_FACTOR_KEY, row.secret, `second_factor:${la}:${user.id}`)).toBe(key);
    expect(open(Buffer.alloc(32, 1), row.secret, `second_factor:${la}:${user.id}`)).toBeNull();
    expect(open(DEMO_SECOND_FACTOR_KEY, row.secret, `second_factor:${la}:${NO_SUCH_ID}`)).toBeNull();
    const hashes = await t.database.db
      .selectFrom('recovery_code')
      .select('code_hash')
      .where('user_id', '=', user.id)
      .execute();
    expect(hashes).toHaveLength(10);
    for (const h of hashes) expect(codes.some((c) => h.code_hash.includes(c!.replace('-', '')))).toBe(false);
    // The set-up page is no longer offered.
    expect((await client.get('/second-factor/set-up')).headers.location).toBe('/second-factor/settings');
    expect(await actions(user.id)).toContain('second-factor.enrolled:ok');
    // The codes page's own forms (signing out) carry the new session's token.
    const out = await client.post('/sign-out', { _csrf: TestClient.csrfFrom(done.body) });
    expect(out.statusCode).toBe(303);
  });

  it('lets a family choose a second factor, then asks for it, and takes each recovery code once', async () => {
    const parent = await createUser(t.database.db, la, 'parent');
    const client = new TestClient(t.app);
    const first = await client.signIn(parent.email, TEST_PASSWORD);
    expect(first.headers.location).toBe('/');
    const settings = await client.get('/second-factor/settings');
    expect(settings.statusCode).toBe(200);
    expect(settings.body).toContain('No, but you can choose it');
    const setUp = await client.get('/second-factor/set-up');
    const key = keyFromSetUpPage(setUp.body);
    const done = await client.submit('/second-factor/set-up', { code: nextCode(key) });
    const codes = [...done.body.matchAll(/<li><code>([0-9a-z-]{11})<\/code><\/li>/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(10);
    await client.submit('/', {}, '/sign-out');
    // Now the family's sign-in asks for it too; a recovery code stands in for the app, once.
    const next = new TestClient(t.app);
    const half = await next.signIn(parent.email, TEST_PASSWORD, { halfway: true });
    expect(half.headers.location).toBe('/second-factor?returnTo=%2F');
    expect((await next.get('/')).statusCode).toBe(302);
    const recovery = await next.get('/second-factor/recovery');
    expect(recovery.statusCode).toBe(200);
    const bad = await next.submit('/second-factor/recovery', { recoveryCode: 'aaaaa-bbbbb' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('The recovery code is not correct, or it has been used already');
    expect(bad.body).toContain('value="aaaaa-bbbbb"');
    const used = await next.submit('/second-factor/recovery', { recoveryCode: codes[0]!.toUpperCase() });
    expect(used.statusCode).toBe(303);
    expect((await next.get('/')).statusCode).toBe(200);
    const third = new TestClient(t.app);
    await third.signIn(parent.email, TEST_PASSWORD, { halfway: true });
    const reused = await third.submit('/second-factor/recovery', { recoveryCode: codes[0]! });
    expect(reused.statusCode).toBe(400);
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('record_id', '=', parent.id)
      .where('action', '=', 'second-factor.recovery-code-used')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.detail).toEqual({ left: 9 });
  });

  it('lets only an administrator reset a second factor: removed, sessions ended, audited, set up again at the next sign-in', async () => {
    const admin = await createUser(t.database.db, la, 'administrator');
    const user = await createUser(t.database.db, la, 'caseworker');
    const other = await createUser(t.database.db, la, 'team-manager');
    const userClient = new TestClient(t.app);
    await userClient.signIn(user.email, TEST_PASSWORD);
    const manager = new TestClient(t.app);
    await manager.signIn(other.email, TEST_PASSWORD);
    expect((await manager.get(`/admin/users/${user.id}/second-factor`)).statusCode).toBe(403);
    const adminClient = new TestClient(t.app);
    await adminClient.signIn(admin.email, TEST_PASSWORD);
    const page = await adminClient.get(`/admin/users/${user.id}/second-factor`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Reset second factor');
    expect((await adminClient.get(`/admin/users/${NO_SUCH_ID}/second-factor`)).statusCode).toBe(404);
    const reset = await adminClient.submit(`/admin/users/${user.id}/second-factor`, {});
    expect(reset.statusCode).toBe(303);
    expect((await adminClient.get(String(reset.headers.location))).body).toContain('Second factor reset.');
    expect((await userClient.get('/children')).statusCode).toBe(302);
    const count = await t.database.db
      .selectFrom('second_factor')
      .select('user_id')
      .where('user_id', '=', user.id)
      .execute();
    expect(count).toHaveLength(0);
    const again = new TestClient(t.app);
    const half = await again.signIn(user.email, TEST_PASSWORD, { halfway: true });
    expect((await again.get(String(half.headers.location))).headers.location).toMatch(
      /^\/second-factor\/set-up/,
    );
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select(['user_id', 'outcome'])
      .where('action', '=', 'second-factor.reset')
      .where('record_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({ user_id: admin.id, outcome: 'ok' });
  });

  it('accepts the demo key for accounts enrolled with it, and no code of another key', async () => {
    const user = await createUser(t.database.db, la, 'send-leader');
    const client = new TestClient(t.app);
    await client.signIn(user.email, TEST_PASSWORD, { halfway: true });
    const other = await client.submit('/second-factor', {
      code: nextCode('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'),
    });
    expect(other.statusCode).toBe(400);
    expect((await client.submit('/second-factor', { code: nextCode(DEMO_TOTP_SECRET) })).statusCode).toBe(
      303,
    );
  });
});
