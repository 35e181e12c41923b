/**
 * Changing one's own password (issue 18), on both engines: the current password first, the new one by the project's
 * rules (12 to 200 characters, not the current one, typed twice); GOV.UK errors that never send a password back to
 * the page; one change for a double submit; every other session of the account signed out; audited, the refusals
 * too; an account with no password is told so; and the link from the header.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { createAuthority, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.ts';

const NEW_PASSWORD = 'a new long pass phrase';
const URL = '/account/password';

describe.each(ENGINES)('changing your password on %s', (engine) => {
  let t: TestApp;
  const la = '906';
  const users: Record<string, { id: string; email: string }> = {};
  const audits = async (action: string, userId: string) =>
    t.database.db
      .selectFrom('audit_log')
      .select(['outcome', 'detail'])
      .where('action', '=', action)
      .where('user_id', '=', userId)
      .execute();

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    await createAuthority(db, la);
    users.parent = await createUser(db, la, 'parent');
    users.caseworker = await createUser(db, la, 'caseworker');
    users.sso = await createUser(db, la, 'parent');
    users.guessed = await createUser(db, la, 'caseworker');
  }, 120_000);
  afterAll(async () => t?.close());

  it('refuses bad input with GOV.UK errors, never sending a password back', async () => {
    const me = new TestClient(t.app);
    await me.signIn(users.parent!.email, TEST_PASSWORD);
    const home = await me.get('/');
    expect(home.body).toContain(`href="${URL}"`);
    const page = await me.get(URL);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Change your password');
    expect(page.body).toContain('autocomplete="current-password"');

    const empty = await me.submitOnce(URL, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('There is a problem');
    expect(empty.body).toContain('Enter your current password');
    expect(empty.body).toContain('Enter a new password');
    expect(empty.body).toContain('Enter your new password again');

    const cases: Array<[Record<string, string>, string]> = [
      [
        { currentPassword: 'wrong password here', newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
        'Your current password is not right',
      ],
      [
        { currentPassword: TEST_PASSWORD, newPassword: 'short one', confirmPassword: 'short one' },
        'New password must be 12 characters or more',
      ],
      [
        { currentPassword: TEST_PASSWORD, newPassword: 'x'.repeat(201), confirmPassword: 'x'.repeat(201) },
        'New password must be 200 characters or fewer',
      ],
      [
        { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: 'something different' },
        'The passwords do not match',
      ],
      [
        { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD, confirmPassword: TEST_PASSWORD },
        'must be different from your current password',
      ],
    ];
    for (const [fields, message] of cases) {
      const r = await me.submitOnce(URL, fields);
      expect(r.statusCode, message).toBe(400);
      expect(r.body).toContain(message);
      for (const typed of Object.values(fields)) expect(r.body).not.toContain(`value="${typed}"`);
    }
    const failed = await audits('password.change.failed', users.parent!.id);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.outcome).toBe('denied');
    expect(await audits('password.change', users.parent!.id)).toHaveLength(0);
    // still the old password
    await new TestClient(t.app).signIn(users.parent!.email, TEST_PASSWORD);
  });

  it('changes it once for a double submit, signs out every other session and is audited', async () => {
    const me = new TestClient(t.app);
    await me.signIn(users.caseworker!.email, TEST_PASSWORD);
    const elsewhere = new TestClient(t.app);
    await elsewhere.signIn(users.caseworker!.email, TEST_PASSWORD);
    expect((await elsewhere.get(URL)).statusCode).toBe(200);

    const page = await me.get(URL);
    const fields = {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
      ...TestClient.formTokensFrom(page.body, URL),
    };
    const done = await me.post(URL, fields);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`${URL}?changed=1`);
    const again = await me.post(URL, fields);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(done.headers.location);
    const changes = await audits('password.change', users.caseworker!.id);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.detail).toMatchObject({ otherSessionsEnded: 1 });
    expect(JSON.stringify(changes)).not.toContain(NEW_PASSWORD);

    // this session goes on; the other is signed out
    const after = await me.get(`${URL}?changed=1`);
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('Your password has been changed');
    const out = await elsewhere.get(URL);
    expect(out.statusCode).toBe(302);
    expect(String(out.headers.location ?? '')).toContain('/sign-in');
    // the new password signs in, the old one no longer does
    await new TestClient(t.app).signIn(users.caseworker!.email, NEW_PASSWORD);
    await expect(new TestClient(t.app).signIn(users.caseworker!.email, TEST_PASSWORD)).rejects.toThrow();
  });

  it('counts wrong current passwords in the sign-in throttle: an open session cannot guess faster than sign-in', async () => {
    const me = new TestClient(t.app);
    await me.signIn(users.guessed!.email, TEST_PASSWORD);
    const guess = async (currentPassword: string) =>
      me.submitOnce(URL, { currentPassword, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    // the test app's limit: 10 failures for one account in the window (SIGN_IN_LIMIT)
    for (let i = 0; i < 10; i++) {
      const wrong = await guess(`wrong guess number ${i}`);
      expect(wrong.statusCode).toBe(400);
      expect(wrong.body).toContain('Your current password is not right');
    }
    // now even the right password is not checked, and nothing changes
    const locked = await guess(TEST_PASSWORD);
    expect(locked.statusCode).toBe(400);
    expect(locked.body).toContain('You have entered a wrong password too many times. Try again in');
    expect(await audits('password.change', users.guessed!.id)).toHaveLength(0);
    const refusals = await audits('password.change.failed', users.guessed!.id);
    expect(refusals).toHaveLength(11);
    expect(
      refusals.filter((r) => (r.detail as { throttled?: string } | null)?.throttled === 'account'),
    ).toHaveLength(1);
    // the same lock holds on the sign-in page
    await expect(new TestClient(t.app).signIn(users.guessed!.email, TEST_PASSWORD)).rejects.toThrow();
  });

  it('tells an account with no password that there is nothing to change here', async () => {
    const me = new TestClient(t.app);
    await me.signIn(users.sso!.email, TEST_PASSWORD);
    await t.database.db
      .updateTable('app_user')
      .set({ password_hash: null })
      .where('id', '=', users.sso!.id)
      .execute();
    const page = await me.get(URL);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('does not sign in with a Goldthread password');
    expect(page.body).not.toContain('autocomplete="current-password"');
    const refused = await me.post(URL, {
      currentPassword: 'anything at all',
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
      ...TestClient.formTokensFrom((await me.get(URL)).body, URL),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('does not sign in with a password');
  });

  it('asks someone not signed in to sign in', async () => {
    const anon = await new TestClient(t.app).get(URL);
    expect(anon.statusCode).toBe(302);
    expect(String(anon.headers.location)).toContain('/sign-in');
  });
});
