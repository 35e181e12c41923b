/**
 * The administrator's single sign-on pages on both engines: every other role refused (403, audited), the provider
 * form's GOV.UK errors with the input kept, the secret kept out of the database, group mappings, and one audited
 * transaction for each change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { createAuthority, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.ts';
import { ROLES } from '../../platform/db/schema/index.ts';
import { seedIdentityProvider } from './index.ts';

const VALID = {
  name: 'Testshire staff account',
  issuer: 'https://login.testshire.example/tenant/v2.0',
  clientId: 'goldthread-client',
  secretEnv: 'OIDC_CLIENT_SECRET_TESTSHIRE',
  groupsClaim: 'groups',
  domains: 'testshire.gov.uk\nTestshire-Schools.org.uk',
  enabled: 'yes',
};

describe.each(ENGINES)('single sign-on administration on %s', (engine) => {
  let t: TestApp;
  let admin: TestClient;
  let la: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    la = await createAuthority(t.database.db);
    await createAuthority(t.database.db, '902');
    const administrator = await createUser(t.database.db, la, 'administrator');
    admin = new TestClient(t.app);
    await admin.signIn(administrator.email, TEST_PASSWORD);
  });
  afterAll(() => t?.close());

  it('refuses every other role, and sends anyone signed out to sign in', async () => {
    for (const role of ROLES.filter((r) => r !== 'administrator')) {
      const user = await createUser(t.database.db, la, role);
      const client = new TestClient(t.app);
      await client.signIn(user.email, TEST_PASSWORD);
      for (const path of [
        '/admin/identity-providers',
        '/admin/identity-providers/new',
        '/admin/sign-in-requests',
      ]) {
        const response = await client.get(path);
        expect(response.statusCode, `${role} ${path}`).toBe(403);
      }
      expect((await client.get('/')).body).not.toContain('Single sign-on');
    }
    const anonymous = await new TestClient(t.app).get('/admin/identity-providers');
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.location).toBe('/sign-in?returnTo=%2Fadmin%2Fidentity-providers');
  });

  it('shows every error in a GOV.UK error summary, keeping what was typed', async () => {
    const empty = await admin.submit('/admin/identity-providers/new', {
      name: '',
      issuer: '',
      clientId: '',
      secretEnv: '',
      groupsClaim: '',
      domains: '',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('<title>Error: Add an identity provider');
    for (const [field, text] of [
      ['name', 'Enter the name people see on the button'],
      ['issuer', 'Enter the issuer address'],
      ['clientId', 'Enter the client ID'],
      ['secretEnv', 'Enter the name of the environment variable that holds the client secret'],
      ['groupsClaim', 'Enter the claim that carries groups'],
      ['domains', 'Enter at least one email domain'],
      ['enabled', 'Select whether people can sign in with this provider'],
    ])
      expect(empty.body).toContain(`<a href="#${field}">${text}</a>`);

    const bad = await admin.submit('/admin/identity-providers/new', {
      ...VALID,
      issuer: 'http://login.testshire.example/',
      secretEnv: 'COOKIE_SECRET',
      domains: 'testshire.gov.uk\nnot a domain',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the issuer address as it starts with https://');
    expect(bad.body).toContain('Enter an environment variable name that starts OIDC_CLIENT_SECRET_');
    expect(bad.body).toContain('Enter email domains like denmoor.gov.uk');
    expect(bad.body).toContain('value="COOKIE_SECRET"');
    expect(bad.body).toContain('not a domain</textarea>');
  });

  it('adds and changes a provider in one audited transaction each, never keeping the secret', async () => {
    process.env.OIDC_CLIENT_SECRET_TESTSHIRE = 'the-real-secret-value';
    const added = await admin.submit('/admin/identity-providers/new', VALID);
    expect(added.statusCode).toBe(303);
    const id = /identity-providers\/([0-9a-f-]{36})\?saved=1$/.exec(added.headers.location as string)![1]!;
    const page = await admin.get(added.headers.location as string);
    expect(page.body).toContain('Provider saved.');
    expect(page.body).toContain('testshire-schools.org.uk\ntestshire.gov.uk</textarea>');
    expect(page.body).toContain('http://localhost:3000/sign-in/sso/callback');
    expect(page.body).not.toContain('is not set on this server');
    const list = await admin.get('/admin/identity-providers');
    expect(list.body).toContain('Testshire staff account');

    const changed = await admin.submit(`/admin/identity-providers/${id}`, {
      ...VALID,
      enabled: 'no',
      secretEnv: 'OIDC_CLIENT_SECRET_OTHER',
    });
    expect(changed.statusCode).toBe(303);
    expect((await admin.get(`/admin/identity-providers/${id}`)).body).toContain(
      'The environment variable OIDC_CLIENT_SECRET_OTHER is not set on this server',
    );
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('record_id', '=', id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['identity-provider.create', 'identity-provider.update']);
    expect(audit[1]!.detail).toMatchObject({ from: { enabled: true }, to: { enabled: false } });
    // The secret is in no table and no audit entry.
    for (const table of ['identity_provider', 'audit_log'] as const) {
      const rows = await t.database.db.selectFrom(table).selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain('the-real-secret-value');
    }
    // A domain belongs to one provider of the authority.
    const clash = await admin.submit('/admin/identity-providers/new', {
      ...VALID,
      clientId: 'another-client',
      domains: 'testshire.gov.uk',
    });
    expect(clash.statusCode).toBe(400);
    expect(clash.body).toContain(
      '<a href="#domains">Another identity provider already signs in testshire.gov.uk</a>',
    );
  });

  it('keeps the group-to-role mapping, with errors for a missing group or role', async () => {
    const added = await admin.submit('/admin/identity-providers/new', {
      ...VALID,
      clientId: 'mapping-client',
      domains: 'mapping.example',
    });
    const id = /identity-providers\/([0-9a-f-]{36})/.exec(added.headers.location as string)![1]!;
    const form = `/admin/identity-providers/${id}`;
    const bad = await admin.submit(form, { group: '', role: 'parent' }, `${form}/groups`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<a href="#group">Enter the group as the provider sends it</a>');
    expect(bad.body).toContain('<a href="#role">Select a role</a>');
    const ok = await admin.submit(form, { group: 'SEND-Caseworkers', role: 'caseworker' }, `${form}/groups`);
    expect(ok.statusCode).toBe(303);
    const page = await admin.get((ok.headers.location as string).replace(/#.*$/, ''));
    expect(page.body).toContain('Group mapping saved.');
    expect(page.body).toContain('<code>SEND-Caseworkers</code>');
    const removed = await admin.submit(form, { group: 'SEND-Caseworkers' }, `${form}/groups/remove`);
    expect(removed.statusCode).toBe(303);
    expect((await admin.get(form)).body).toContain('No groups are mapped');
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', id)
      .where('action', 'like', 'identity-provider.group-role.%')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'identity-provider.group-role.set',
      'identity-provider.group-role.remove',
    ]);
  });

  it('sets up the demo’s provider without an administrator, once however often it runs, audited', async () => {
    const input = {
      name: 'Seeded',
      issuer: 'https://seeded.example',
      clientId: 'seeded',
      secretEnv: 'OIDC_CLIENT_SECRET_SEEDED',
      groupsClaim: 'groups',
      domains: ['seeded.example'],
      enabled: true,
    };
    const groups = [{ group: 'staff', role: 'caseworker' as const }];
    const first = await seedIdentityProvider(t.database.db, la, input, groups);
    const second = await seedIdentityProvider(t.database.db, la, { ...input, name: 'Seeded again' }, groups);
    expect(second).toBe(first);
    const page = await admin.get(`/admin/identity-providers/${first}`);
    expect(page.body).toContain('Seeded again');
    expect(page.body).toContain('<code>staff</code>');
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', first)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['identity-provider.create', 'identity-provider.update']);
  });

  it('answers 404 for a provider or request that is not the authority’s', async () => {
    const other = await t.database.db
      .insertInto('identity_provider')
      .values({
        la_code: '902',
        name: 'Elsewhere',
        issuer: 'https://elsewhere.example',
        client_id: 'x',
        secret_env: 'OIDC_CLIENT_SECRET_X',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await admin.get(`/admin/identity-providers/${other.id}`)).statusCode).toBe(404);
    expect((await admin.get('/admin/identity-providers/not-an-id')).statusCode).toBe(404);
    expect((await admin.get('/admin/sign-in-requests/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
  });
});
