/**
 * The rights contacts page against the database, on both engines: only administrators use it; a save is one
 * transaction with its audit entry; bad input gets the GOV.UK error summary with the input kept and saves nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { createAuthority, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { authoritySettings } from '../../platform/people/authority-settings.ts';

const URL = '/admin/rights-contacts';

const GOOD = {
  mediationAdviserName: 'Fictional Mediation Ltd',
  mediationAdviserPhone: '0300 000 0101',
  mediationAdviserEmail: 'adviser@mediation.example',
  mediationAdviserUrl: 'https://mediation.example.org',
  authorityMediationName: 'SEND mediation officer',
  authorityMediationPhone: '',
  authorityMediationEmail: 'mediation@council.example',
  disagreementResolutionName: 'Fictional Resolution Service',
  disagreementResolutionPhone: '0300 000 0102',
  disagreementResolutionEmail: '',
  disagreementResolutionUrl: '',
  sendiassName: 'Testshire SENDIASS',
  sendiassPhone: '0300 000 0001',
  sendiassEmail: 'sendiass@example.org',
  sendiassUrl: 'https://sendiass.example.org',
  commissionerOrganisationId: '',
  commissionerEmail: '',
  socialCareOrganisationId: '',
  socialCareEmail: '',
};

describe.each(ENGINES)('the rights contacts page on %s', (engine) => {
  let t: TestApp;
  let admin: TestClient;
  let la: string;
  let health: string;
  let school: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    la = await createAuthority(t.database.db, '901');
    await createAuthority(t.database.db, '902');
    const orgs = await t.database.db
      .insertInto('organisation')
      .values([
        { la_code: la, name: 'Testshire Integrated Care Board', kind: 'health' },
        { la_code: la, name: 'Testshire Primary', kind: 'school' },
      ])
      .returning(['id', 'kind'])
      .execute();
    health = orgs.find((o) => o.kind === 'health')!.id;
    school = orgs.find((o) => o.kind === 'school')!.id;
    const user = await createUser(t.database.db, la, 'administrator');
    admin = new TestClient(t.app);
    await admin.signIn(user.email, TEST_PASSWORD);
  });
  afterAll(() => t?.close());

  it('shows the form, warns of missing contacts and offers only health organisations as commissioner', async () => {
    const page = await admin.get(URL);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Rights contacts and who is told of decisions');
    expect(page.body).toContain('Decision notices are missing: Mediation adviser');
    expect(page.body).toContain('Testshire Integrated Care Board');
    expect(page.body).not.toContain('Testshire Primary');
    expect(page.body).toContain('value="Testshire SENDIASS"');
  });

  it('refuses empty and malformed input with the error summary, keeps it, and saves nothing', async () => {
    const response = await admin.submit(URL, {
      ...GOOD,
      mediationAdviserName: '',
      mediationAdviserPhone: '',
      mediationAdviserEmail: '',
      authorityMediationEmail: 'not-an-email',
      sendiassUrl: 'sendiass',
      disagreementResolutionPhone: 'call us',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    for (const message of [
      'Enter the name of the mediation adviser',
      'Enter a phone number or an email address for the mediation adviser',
      'Enter the email address of the council&#39;s contact for mediation in the correct format',
      'Enter the website of SENDIASS in the correct format',
      'Enter the phone number of the disagreement resolution service using numbers',
    ])
      expect(response.body).toContain(message);
    expect(response.body).toContain('href="#mediationAdviserName"');
    expect(response.body).toContain('value="not-an-email"');
    expect((await authoritySettings(t.database.db, la)).mediationAdviser.name).toBe('');
  });

  it('refuses an organisation that is not a health organisation of the authority', async () => {
    const response = await admin.submit(URL, { ...GOOD, commissionerOrganisationId: school });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Select an organisation from the list');
    expect((await authoritySettings(t.database.db, la)).mediationAdviser.name).toBe('');
  });

  it('saves the contacts and the commissioner, audited, for this authority only', async () => {
    const response = await admin.submit(URL, {
      ...GOOD,
      commissionerOrganisationId: health,
      commissionerEmail: 'send@icb.example',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${URL}?saved=1`);
    const saved = await authoritySettings(t.database.db, la);
    expect(saved.mediationAdviser).toEqual({
      name: 'Fictional Mediation Ltd',
      phone: '0300 000 0101',
      email: 'adviser@mediation.example',
      url: 'https://mediation.example.org',
    });
    expect(saved.authorityMediation.email).toBe('mediation@council.example');
    expect(saved.commissioner).toEqual({ organisationId: health, email: 'send@icb.example' });
    expect((await authoritySettings(t.database.db, '902')).mediationAdviser.name).toBe('');
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'record_id', 'detail'])
      .where('action', '=', 'notices.rights-contacts.update')
      .executeTakeFirstOrThrow();
    expect(entry.record_id).toBe(la);
    expect(JSON.stringify(entry.detail)).toContain('mediationAdviser');
    const page = await admin.get(`${URL}?saved=1`);
    expect(page.body).toContain('The rights contacts are saved');
    expect(page.body).not.toContain('Decision notices are missing');
  });

  const others: Role[] = [
    'caseworker',
    'team-manager',
    'send-leader',
    'professional',
    'parent',
    'young-person',
    'local-offer-editor',
    'local-offer-provider',
  ];
  it.each(others)('a %s may neither see nor change it', async (role) => {
    const user = await createUser(t.database.db, la, role);
    const client = new TestClient(t.app);
    await client.signIn(user.email, TEST_PASSWORD);
    expect((await client.get(URL)).statusCode).toBe(403);
    const home = await client.get('/');
    const post = await client.post(URL, {
      ...GOOD,
      mediationAdviserName: 'Hijack',
      _csrf: TestClient.csrfFrom(home.body),
    });
    expect(post.statusCode).toBe(403);
    expect((await authoritySettings(t.database.db, la)).mediationAdviser.name).not.toBe('Hijack');
  });

  it('sends a signed-out visitor to sign in', async () => {
    const response = await new TestClient(t.app).get(URL);
    expect(response.statusCode).toBeGreaterThanOrEqual(300);
    expect(response.headers.location).toContain('/sign-in');
  });
});
