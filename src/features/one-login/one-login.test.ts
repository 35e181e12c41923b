/**
 * Families by GOV.UK One Login (issue 19 item 2), on both engines, against a real OpenID Connect provider started by
 * the test (test/helpers/oidc-provider.ts) that accepts this client only with private_key_jwt: the request asks for
 * the medium level of confidence (vtr Cl.Cm) and openid email phone; a family member is linked only by the code a
 * caseworker made (a wrong, a used and an expired code refused and audited); an account not linked yet reaches only
 * the link page; the email and phone come from the user info; a linked account signs straight in; a family member
 * with a password keeps it; low confidence and a client key One Login does not know are refused.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import {
  createAuthority,
  createChild,
  createUser,
  grant,
  TEST_PASSWORD,
} from '../../../test/helpers/factories.ts';
import {
  CookieJar,
  followProvider,
  startTestProvider,
  type TestProvider,
} from '../../../test/helpers/oidc-provider.ts';

const CLIENT_ID = 'goldthread-one-login-test';
const PUBLIC_URL = 'http://localhost:3000';
/** The authority the One Login client is registered for (ONE_LOGIN_LA). */
const LA = '901';

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey };
}
const jwkOf = (publicKey: KeyObject) => ({
  ...publicKey.export({ format: 'jwk' }),
  kid: 'goldthread-1',
  alg: 'RS256',
  use: 'sig',
});

describe.each(ENGINES)('GOV.UK One Login for families on %s', (engine) => {
  let op: TestProvider;
  let t: TestApp;
  let la: string;
  let caseworker: Awaited<ReturnType<typeof createUser>>;
  let staff: TestClient;
  const key = keyPair();

  beforeAll(async () => {
    op = await startTestProvider({
      clients: [
        {
          client_id: CLIENT_ID,
          redirect_uris: [`${PUBLIC_URL}/sign-in/one-login/callback`],
          post_logout_redirect_uris: [`${PUBLIC_URL}/sign-in?signedOut=1`],
          token_endpoint_auth_method: 'private_key_jwt',
          token_endpoint_auth_signing_alg: 'RS256',
          jwks: { keys: [jwkOf(key.publicKey)] },
        },
      ],
      extraClaims: ['vot'],
      title: 'GOV.UK One Login (test)',
    });
    t = await createTestApp(engine, {
      GOLDTHREAD_PUBLIC_URL: PUBLIC_URL,
      ONE_LOGIN_ISSUER: op.issuer,
      ONE_LOGIN_CLIENT_ID: CLIENT_ID,
      ONE_LOGIN_PRIVATE_KEY: key.pem,
      ONE_LOGIN_KEY_ID: 'goldthread-1',
      ONE_LOGIN_LA: LA,
      SIGN_IN_LIMIT: '50',
    });
    la = await createAuthority(t.database.db, LA);
    caseworker = await createUser(t.database.db, la, 'caseworker');
    staff = new TestClient(t.app);
    await staff.signIn(caseworker.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
    await op?.close();
  });

  let n = 0;
  function oneLoginAccount(claims: Record<string, unknown> = {}) {
    n++;
    const account = {
      sub: `urn:fdc:gov.uk:2022:${engine}-${n}`,
      email: `family${n}@one-login.example`,
      claims: { vot: 'Cl.Cm', phone_number: `+4477009001${String(n).padStart(2, '0')}`, ...claims },
    };
    op.addAccount(account);
    return account;
  }

  async function familyMember(childId: string, given: string, userId: string | null = null) {
    const { id } = await t.database.db
      .insertInto('family_member')
      .values({
        la_code: la,
        child_id: childId,
        given_name: given,
        family_name: 'Fenwick',
        relationship: 'mother',
        parental_responsibility: true,
        email: `${given.toLowerCase()}@records.example`,
        contact_preference: 'email',
        user_id: userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  /** The caseworker makes a code on the child's record; the code as shown once. */
  async function makeCode(childId: string, memberId: string): Promise<string> {
    const url = `/children/${childId}/family/${memberId}/one-login`;
    const made = await staff.submit(url, {});
    expect(made.statusCode).toBe(200);
    return /id="one-login-code">([0-9A-Z]{5}-[0-9A-Z]{5})</.exec(made.body)![1]!;
  }

  /** Signs in through the provider as `sub`: the app's answer to One Login's callback. */
  async function throughOneLogin(client: TestClient, sub: string, jar = new CookieJar()) {
    op.nextLogin = sub;
    const start = await client.get('/sign-in/one-login');
    expect(start.statusCode).toBe(303);
    const callback = await followProvider(op, String(start.headers.location), jar);
    return { start, answer: await client.get(callback.pathname + callback.search) };
  }

  it('asks for the medium level of confidence, email and phone, with PKCE, state and nonce', async () => {
    const account = oneLoginAccount();
    const client = new TestClient(t.app);
    expect((await client.get('/sign-in')).body).toContain('Sign in with GOV.UK One Login');
    const { start } = await throughOneLogin(client, account.sub);
    const url = new URL(String(start.headers.location));
    expect(url.origin).toBe(op.issuer);
    expect(url.searchParams.get('vtr')).toBe('["Cl.Cm"]');
    expect(url.searchParams.get('scope')).toBe('openid email phone');
    expect(url.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
  });

  it('links a family member only by the council’s code: until then the account reaches only the link page', async () => {
    const child = await createChild(t.database.db, la, { givenName: 'Ivy' });
    const memberId = await familyMember(child.id, 'Fern');
    const page = await staff.get(`/children/${child.id}/family/${memberId}/one-login`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Not linked');
    const code = await makeCode(child.id, memberId);

    const account = oneLoginAccount();
    const family = new TestClient(t.app);
    const { answer } = await throughOneLogin(family, account.sub);
    expect(answer.statusCode).toBe(303);
    expect(answer.headers.location).toBe('/sign-in/one-login/link');
    // Not signed in: every other page sends the account to sign in.
    for (const path of ['/children', `/children/${child.id}`, '/your-plans'])
      expect((await family.get(path)).headers.location, path).toMatch(/^\/sign-in/);
    expect((await family.get('/')).body).not.toContain('Sign out');
    const link = await family.get('/sign-in/one-login/link');
    expect(link.statusCode).toBe(200);
    expect(link.body).toContain('Enter the code the council gave you');

    const empty = await family.submit('/sign-in/one-login/link', { code: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('<a href="#code">Enter the code the council gave you</a>');
    const wrong = await family.submit('/sign-in/one-login/link', { code: 'ZZZZZ-ZZZZZ' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('The code is not correct');
    expect(wrong.body).toContain('value="ZZZZZ-ZZZZZ"');

    const linked = await family.submit('/sign-in/one-login/link', { code: code.toLowerCase() });
    expect(linked.statusCode).toBe(303);
    expect(linked.headers.location).toBe('/');
    expect((await family.get('/')).statusCode).toBe(200);
    expect((await family.get(`/children/${child.id}`)).statusCode).toBe(200);

    const identity = await t.database.db
      .selectFrom('one_login_identity')
      .innerJoin('app_user', (j) =>
        j
          .onRef('app_user.la_code', '=', 'one_login_identity.la_code')
          .onRef('app_user.id', '=', 'one_login_identity.user_id'),
      )
      .select([
        'one_login_identity.email',
        'one_login_identity.phone',
        'app_user.role',
        'app_user.id',
        'app_user.password_hash',
      ])
      .where('subject', '=', account.sub)
      .executeTakeFirstOrThrow();
    expect(identity).toMatchObject({
      email: account.email,
      phone: account.claims.phone_number,
      role: 'parent',
      password_hash: null,
    });
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select(['child_id', 'detail', 'outcome'])
      .where('action', '=', 'one-login.linked')
      .where('record_id', '=', identity.id)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      child_id: child.id,
      outcome: 'ok',
      detail: { familyMemberId: memberId, accountCreated: true },
    });
    expect((await staff.get(`/children/${child.id}/family/${memberId}/one-login`)).body).toContain(
      'Linked on',
    );

    // Next time, One Login alone signs the family in.
    await family.submit('/', {}, '/sign-out');
    const again = new TestClient(t.app);
    const next = await throughOneLogin(again, account.sub);
    expect(next.answer.statusCode).toBe(303);
    expect(next.answer.headers.location).toBe('/');
    expect((await again.get(`/children/${child.id}`)).statusCode).toBe(200);
  });

  it('refuses a used code and an expired code, and audits each refusal', async () => {
    const child = await createChild(t.database.db, la);
    const memberId = await familyMember(child.id, 'Hazel');
    const code = await makeCode(child.id, memberId);
    const first = new TestClient(t.app);
    await throughOneLogin(first, oneLoginAccount().sub);
    expect((await first.submit('/sign-in/one-login/link', { code })).statusCode).toBe(303);

    const second = new TestClient(t.app);
    await throughOneLogin(second, oneLoginAccount().sub);
    const reused = await second.submit('/sign-in/one-login/link', { code });
    expect(reused.statusCode).toBe(400);
    expect(reused.body).toContain('This code has already been used. Ask the council for a new one');

    const other = await familyMember(child.id, 'Rowan');
    const late = await makeCode(child.id, other);
    await t.database.db
      .updateTable('one_login_link_code')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('family_member_id', '=', other)
      .execute();
    const expired = await second.submit('/sign-in/one-login/link', { code: late });
    expect(expired.statusCode).toBe(400);
    expect(expired.body).toContain('This code has expired. Ask the council for a new one');
    expect((await second.get('/children')).headers.location).toMatch(/^\/sign-in/);

    const refusals = await t.database.db
      .selectFrom('audit_log')
      .select(['detail', 'outcome', 'child_id'])
      .where('action', '=', 'one-login.link.refused')
      .where('child_id', '=', child.id)
      .orderBy('id')
      .execute();
    expect(refusals.map((r) => (r.detail as { reason: string }).reason)).toEqual(['used', 'expired']);
    expect(refusals.every((r) => r.outcome === 'denied')).toBe(true);
  });

  it('links to a family member’s existing account, whose password still works', async () => {
    const child = await createChild(t.database.db, la);
    const parent = await createUser(t.database.db, la, 'parent');
    await grant(t.database.db, la, parent.id, child.id, 'parent');
    const memberId = await familyMember(child.id, 'Willow', parent.id);
    const code = await makeCode(child.id, memberId);
    const family = new TestClient(t.app);
    await throughOneLogin(family, oneLoginAccount().sub);
    expect((await family.submit('/sign-in/one-login/link', { code })).statusCode).toBe(303);
    const identity = await t.database.db
      .selectFrom('one_login_identity')
      .select('user_id')
      .where('user_id', '=', parent.id)
      .executeTakeFirst();
    expect(identity).toBeDefined();
    const password = new TestClient(t.app);
    expect((await password.signIn(parent.email, TEST_PASSWORD)).headers.location).toBe('/');
  });

  it('throttles wrong codes, and refuses a linked account that has been switched off', async () => {
    const strict = await createTestApp(engine, {
      GOLDTHREAD_PUBLIC_URL: PUBLIC_URL,
      ONE_LOGIN_ISSUER: op.issuer,
      ONE_LOGIN_CLIENT_ID: CLIENT_ID,
      ONE_LOGIN_PRIVATE_KEY: key.pem,
      ONE_LOGIN_KEY_ID: 'goldthread-1',
      SIGN_IN_LIMIT: '3',
    });
    try {
      const client = new TestClient(strict.app);
      op.nextLogin = oneLoginAccount().sub;
      const start = await client.get('/sign-in/one-login');
      const callback = await followProvider(op, String(start.headers.location), new CookieJar());
      expect((await client.get(callback.pathname + callback.search)).headers.location).toBe(
        '/sign-in/one-login/link',
      );
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (await client.submit('/sign-in/one-login/link', { code: `WRONG-0000${i}` })).statusCode,
        );
      expect(statuses).toEqual([400, 400, 400, 429]);
      const limited = await client.submit('/sign-in/one-login/link', { code: 'WRONG-00009' });
      expect(limited.body).toContain(
        'You have entered a wrong code too many times. Try again in 15 minutes.',
      );
    } finally {
      await strict.close();
    }

    const child = await createChild(t.database.db, la);
    const memberId = await familyMember(child.id, 'Juniper');
    const code = await makeCode(child.id, memberId);
    const account = oneLoginAccount();
    const family = new TestClient(t.app);
    await throughOneLogin(family, account.sub);
    expect((await family.submit('/sign-in/one-login/link', { code })).statusCode).toBe(303);
    const { user_id } = await t.database.db
      .selectFrom('one_login_identity')
      .select('user_id')
      .where('subject', '=', account.sub)
      .executeTakeFirstOrThrow();
    await t.database.db.updateTable('app_user').set({ active: false }).where('id', '=', user_id).execute();
    const off = await throughOneLogin(new TestClient(t.app), account.sub);
    expect(off.answer.statusCode).toBe(400);
    expect(off.answer.body).toContain('Your Goldthread account is switched off');
  });

  it('lets only casework staff make a code', async () => {
    const child = await createChild(t.database.db, la);
    const memberId = await familyMember(child.id, 'Aspen');
    const admin = new TestClient(t.app);
    await admin.signIn((await createUser(t.database.db, la, 'administrator')).email, TEST_PASSWORD);
    expect((await admin.get(`/children/${child.id}/family/${memberId}/one-login`)).statusCode).toBe(403);
    const parent = await createUser(t.database.db, la, 'parent');
    await grant(t.database.db, la, parent.id, child.id, 'parent');
    const family = new TestClient(t.app);
    await family.signIn(parent.email, TEST_PASSWORD);
    expect((await family.get(`/children/${child.id}/family/${memberId}/one-login`)).statusCode).toBe(403);
    const otherChild = await createChild(t.database.db, la);
    expect((await staff.get(`/children/${otherChild.id}/family/${memberId}/one-login`)).statusCode).toBe(404);
    expect((await staff.get(`/children/${child.id}`)).body).toContain(
      `/children/${child.id}/family/${memberId}/one-login`,
    );
  });

  /** The refusals audited before any account is known (`one-login.refused`), from the index given on. */
  async function refusalsFrom(index: number) {
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select(['la_code', 'user_id', 'record_id', 'child_id', 'outcome', 'detail'])
      .where('action', '=', 'one-login.refused')
      .orderBy('id')
      .execute();
    return rows.slice(index);
  }
  const refusalCount = async () => (await refusalsFrom(0)).length;

  it('refuses a sign-in below the medium level of confidence, and a replayed callback', async () => {
    const before = await refusalCount();
    const low = oneLoginAccount({ vot: 'Cl' });
    const client = new TestClient(t.app);
    op.nextLogin = low.sub;
    const start = await client.get('/sign-in/one-login');
    const callback = await followProvider(op, String(start.headers.location), new CookieJar());
    const refused = await client.get(callback.pathname + callback.search);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('You could not be signed in');
    expect(refused.body).toContain('a password and a second step');
    // The same callback again: the request was used.
    const replay = await client.get(callback.pathname + callback.search);
    expect(replay.statusCode).toBe(400);
    expect((await client.get('/children')).headers.location).toMatch(/^\/sign-in/);
    // Each refusal audited under the client's authority, with the reason and nothing about the person.
    const audited = await refusalsFrom(before);
    expect(audited).toEqual([
      {
        la_code: LA,
        user_id: null,
        record_id: null,
        child_id: null,
        outcome: 'denied',
        detail: { reason: 'confidence' },
      },
      {
        la_code: LA,
        user_id: null,
        record_id: null,
        child_id: null,
        outcome: 'denied',
        detail: { reason: 'state' },
      },
    ]);
  });

  it('refuses and audits an ID token that fails its checks (another audience), before any account is known', async () => {
    const before = await refusalCount();
    const account = oneLoginAccount();
    op.tamperNextIdToken({ aud: 'someone-else' });
    const client = new TestClient(t.app);
    const { answer } = await throughOneLogin(client, account.sub);
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toContain('You could not be signed in');
    expect((await client.get('/children')).headers.location).toMatch(/^\/sign-in/);
    expect(await refusalsFrom(before)).toEqual([
      {
        la_code: LA,
        user_id: null,
        record_id: null,
        child_id: null,
        outcome: 'denied',
        detail: { reason: 'token' },
      },
    ]);
    expect(JSON.stringify(await refusalsFrom(before))).not.toContain(account.sub);
  });

  /** The ID tokens kept beside a user's sessions (one_login_session), with whether each session has ended. */
  async function keptIdTokens(userId: string) {
    return t.database.db
      .selectFrom('one_login_session')
      .innerJoin('session', (j) =>
        j
          .onRef('session.la_code', '=', 'one_login_session.la_code')
          .onRef('session.id', '=', 'one_login_session.session_id'),
      )
      .select(['one_login_session.id_token', 'session.ended_at'])
      .where('session.user_id', '=', userId)
      .execute();
  }

  it('signs the family out of GOV.UK One Login too (end_session with id_token_hint), back to the signed-out page', async () => {
    const child = await createChild(t.database.db, la);
    const memberId = await familyMember(child.id, 'Laurel');
    const code = await makeCode(child.id, memberId);
    const account = oneLoginAccount();
    const family = new TestClient(t.app);
    const jar = new CookieJar();
    await throughOneLogin(family, account.sub, jar);
    expect((await family.submit('/sign-in/one-login/link', { code })).statusCode).toBe(303);
    const { user_id } = await t.database.db
      .selectFrom('one_login_identity')
      .select('user_id')
      .where('subject', '=', account.sub)
      .executeTakeFirstOrThrow();
    const kept = await keptIdTokens(user_id);
    expect(kept.map((k) => k.ended_at)).toEqual([null]);
    expect(kept[0]!.id_token).toMatch(/^ey/);

    const out = await family.submit('/', {}, '/sign-out');
    // A page that goes on to One Login (a redirect from the form would break CSP form-action 'self').
    expect(out.statusCode).toBe(200);
    expect(out.body).toContain('Signing you out');
    const href = /<a href="([^"]+)"[^>]*id="provider-sign-out"/.exec(out.body)![1]!.replace(/&amp;/g, '&');
    const endSession = new URL(href);
    expect(endSession.origin).toBe(op.issuer);
    expect(endSession.pathname).toBe('/session/end');
    expect(endSession.searchParams.get('id_token_hint')).toBe(kept[0]!.id_token);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${PUBLIC_URL}/sign-in?signedOut=1`);
    expect(endSession.searchParams.get('state')).toMatch(/^[\w-]{16,}$/);
    // The Goldthread session is gone, and its ID token with it.
    expect((await family.get(`/children/${child.id}`)).headers.location).toMatch(/^\/sign-in/);
    expect(await keptIdTokens(user_id)).toEqual([]);
    // One Login ends its session and sends the family back to the signed-out page, with the state.
    const back = await followProvider(op, endSession.href, jar);
    expect(`${back.origin}${back.pathname}`).toBe(`${PUBLIC_URL}/sign-in`);
    expect(back.searchParams.get('signedOut')).toBe('1');
    expect(back.searchParams.get('state')).toBe(endSession.searchParams.get('state'));
    expect((await family.get(back.pathname + back.search)).body).toContain('You have signed out');

    // A linked account signing straight in keeps its session's ID token too.
    const again = new TestClient(t.app);
    await throughOneLogin(again, account.sub);
    const keptAgain = await keptIdTokens(user_id);
    expect(keptAgain.map((k) => k.ended_at)).toEqual([null]);
    expect(keptAgain[0]!.id_token).toMatch(/^ey/);
  });

  it('signs out a family member who signed in with a password as before: no provider', async () => {
    const parent = await createUser(t.database.db, la, 'parent');
    const client = new TestClient(t.app);
    await client.signIn(parent.email, TEST_PASSWORD);
    expect((await client.get('/')).statusCode).toBe(200);
    const out = await client.submit('/', {}, '/sign-out');
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/sign-in?signedOut=1');
    expect((await client.get('/children')).headers.location).toMatch(/^\/sign-in/);
  });

  it('is refused by One Login when the client signs with a key One Login does not know (private_key_jwt)', async () => {
    const other = await createTestApp(engine, {
      GOLDTHREAD_PUBLIC_URL: PUBLIC_URL,
      ONE_LOGIN_ISSUER: op.issuer,
      ONE_LOGIN_CLIENT_ID: CLIENT_ID,
      ONE_LOGIN_PRIVATE_KEY: keyPair().pem,
    });
    try {
      const client = new TestClient(other.app);
      op.nextLogin = oneLoginAccount().sub;
      const start = await client.get('/sign-in/one-login');
      const callback = await followProvider(op, String(start.headers.location), new CookieJar());
      const refused = await client.get(callback.pathname + callback.search);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('You could not be signed in');
    } finally {
      await other.close();
    }
  });
});
