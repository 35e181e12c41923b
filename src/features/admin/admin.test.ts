import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { createAuthority, createChild, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.ts';

describe.each(ENGINES)('user administration and audit search on %s', (engine) => {
  let t: TestApp;
  let admin: TestClient;
  let adminUser: { id: string; email: string };
  let caseworker: { id: string; email: string };
  let child: { id: string };

  beforeAll(async () => {
    t = await createTestApp(engine);
    const la = await createAuthority(t.database.db, '901');
    adminUser = await createUser(t.database.db, la, 'administrator', { displayName: 'Ada Admin' });
    caseworker = await createUser(t.database.db, la, 'caseworker', { displayName: 'Cas Worker' });
    child = await createChild(t.database.db, la, { givenName: 'Robin', familyName: 'Reed' });
    admin = new TestClient(t.app);
    await admin.signIn(adminUser.email, TEST_PASSWORD);
  });
  afterAll(() => t?.close());

  const countUsers = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('app_user')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('lists and filters users', async () => {
    const all = await admin.get('/admin/users');
    expect(all.body).toContain('Cas Worker');
    expect(all.body).toContain('Ada Admin');
    const filtered = await admin.get('/admin/users?role=caseworker');
    expect(filtered.body).toContain('Cas Worker');
    expect(filtered.body).not.toContain(`/admin/users/${adminUser.id}"`);
    expect(all.body).toContain(`/admin/users/${adminUser.id}"`);
    const bad = await admin.get('/admin/users?role=emperor');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Select a role from the list');
  });

  it('shows every error for an empty form and saves nothing', async () => {
    const before = await countUsers();
    const response = await admin.submit('/admin/users/new', { email: '', displayName: '', password: '' });
    expect(response.statusCode).toBe(400);
    for (const message of [
      'Enter an email address',
      'Enter the full name',
      'Select a role',
      'Enter a temporary password',
    ]) {
      expect(response.body).toContain(message);
    }
    expect(response.body).toContain('href="#email"');
    expect(await countUsers()).toBe(before);
  });

  it('keeps what was typed (but never the password) and escapes hostile text', async () => {
    const response = await admin.submit('/admin/users/new', {
      email: 'new.person@test.example',
      displayName: '<script>alert("x")</script>',
      role: 'caseworker',
      jobTitle: 'x'.repeat(101),
      password: 'short',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('value="new.person@test.example"');
    expect(response.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(response.body).not.toContain('<script>alert("x")</script>');
    expect(response.body).toContain('Job title must be 100 characters or fewer');
    expect(response.body).toContain('Temporary password must be 12 characters or more');
    expect(response.body).not.toContain('value="short"');
    expect(response.body).toMatch(/value="caseworker" checked/);
  });

  it('rejects an unknown role or team', async () => {
    const response = await admin.submit('/admin/users/new', {
      email: 'x@test.example',
      displayName: 'X',
      role: 'emperor',
      teamId: 'not-a-team',
      password: 'long-enough-password',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Select a role');
    expect(response.body).toContain('Select a team from the list');
  });

  it('adds a user, audits it, and refuses the same email twice', async () => {
    const fields = {
      email: 'New.Officer@Test.example',
      displayName: 'New Officer',
      role: 'caseworker',
      password: 'a-temporary-password',
    };
    const created = await admin.submit('/admin/users/new', fields);
    expect(created.statusCode).toBe(303);
    const page = await admin.get(created.headers.location as string);
    expect(page.body).toContain('User added.');
    expect(page.body).toContain('new.officer@test.example');
    const duplicate = await admin.submit('/admin/users/new', fields);
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toContain('A user with this email address already exists');
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'user.create')
      .execute();
    expect(audits).toHaveLength(1);
    // The new user can sign in with the temporary password.
    await new TestClient(t.app).signIn('new.officer@test.example', 'a-temporary-password');
  });

  it('changes a role, ends that user’s sessions, and stops a deactivated account signing in', async () => {
    const theirs = new TestClient(t.app);
    await theirs.signIn(caseworker.email, TEST_PASSWORD);
    expect((await theirs.get('/children')).statusCode).toBe(200);
    const url = `/admin/users/${caseworker.id}`;
    const changed = await admin.submit(url, { role: 'team-manager', active: 'no' });
    expect(changed.statusCode).toBe(303);
    expect((await admin.get(changed.headers.location as string)).body).toContain('Changes saved.');
    expect((await theirs.get('/children')).statusCode).toBe(302);
    const again = await new TestClient(t.app).submit('/sign-in', {
      email: caseworker.email,
      password: TEST_PASSWORD,
    });
    expect(again.statusCode).toBe(400);
    const restored = await admin.submit(url, { role: 'caseworker', active: 'yes' });
    expect(restored.statusCode).toBe(303);
  });

  it('does not let administrators lock themselves out', async () => {
    const response = await admin.submit(`/admin/users/${adminUser.id}`, {
      role: 'caseworker',
      active: 'yes',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('You cannot remove your own administrator role');
    const missing = await admin.submit(`/admin/users/${adminUser.id}`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Select whether the account can sign in');
  });

  it('answers 404 for a user id that does not exist', async () => {
    expect((await admin.get('/admin/users/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await admin.get('/admin/users/nope')).statusCode).toBe(404);
  });

  it('searches the audit log by person, child and date, with clear errors for bad dates', async () => {
    const staff = new TestClient(t.app);
    await staff.signIn('new.officer@test.example', 'a-temporary-password');
    await staff.get(`/children/${child.id}`);
    const reference = (
      await t.database.db
        .selectFrom('child')
        .select('reference')
        .where('id', '=', child.id)
        .executeTakeFirstOrThrow()
    ).reference;
    const byChild = await admin.get(`/admin/audit?child=${reference}`);
    // The action in plain words, its code beside it.
    expect(byChild.body).toContain(
      'Child&#39;s record read<br><span class="govuk-body-s"><code>child.read</code>',
    );
    expect(byChild.body).toContain('New Officer');
    // The record in plain words with the child's reference, its code beside it (issue 18, finding 4).
    expect(byChild.body).toContain(
      `Child&#39;s record for ${reference}<br><span class="govuk-body-s"><code>child</code>`,
    );
    // Found by the words of its label or the start of its code; other actions left out.
    for (const action of ['record+read', 'child.read', 'child.']) {
      const byAction = await admin.get(`/admin/audit?child=${reference}&action=${action}`);
      expect(byAction.body, action).toContain('<code>child.read</code>');
    }
    const bySignIn = await admin.get('/admin/audit?person=new.officer&action=Signed+in');
    expect(bySignIn.body).toContain('<code>sign-in</code>');
    expect(bySignIn.body).not.toContain('<code>child.read</code>');
    const noSuchAction = await admin.get(`/admin/audit?child=${reference}&action=plan.final`);
    expect(noSuchAction.body).toContain('No entries match.');
    const searches = await t.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'audit.search')
      .execute();
    expect(searches.some((r) => (r.detail as { action?: string }).action === 'plan.final')).toBe(true);
    // The administrator's first screen says the latest actions in the same words.
    const home = await admin.get('/');
    expect(home.body).toContain('Latest activity');
    expect(home.body).toContain('Ada Admin: Audit log searched');
    expect(home.body).not.toMatch(/, audit\.search/);
    const byPerson = await admin.get('/admin/audit?person=new.officer');
    expect(byPerson.body).toContain('sign-in');
    const nobody = await admin.get('/admin/audit?person=nobody-at-all');
    expect(nobody.body).toContain('No entries match.');
    const badDate = await admin.get(
      '/admin/audit?from-day=31&from-month=2&from-year=2026&to-day=1&to-month=&to-year=2026',
    );
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toContain('From date must be a real date');
    expect(badDate.body).toContain('To date must include a month');
    expect(badDate.body).toContain('value="31"');
    const backwards = await admin.get(
      '/admin/audit?from-day=2&from-month=2&from-year=2026&to-day=1&to-month=2&to-year=2026',
    );
    expect(backwards.body).toContain('To date must be the same as or after the from date');
    const today = new Date();
    const y = today.getUTCFullYear();
    const inRange = await admin.get(
      `/admin/audit?from-day=1&from-month=1&from-year=${y - 1}&to-day=31&to-month=12&to-year=${y + 1}`,
    );
    expect(inRange.body).toContain('child.read');
    const outOfRange = await admin.get(
      '/admin/audit?from-day=1&from-month=1&from-year=2001&to-day=31&to-month=12&to-year=2001',
    );
    expect(outOfRange.body).toContain('No entries match.');
  });
});
