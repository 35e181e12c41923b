/**
 * Adding to the Local Offer over the real app, on both engines: a provider's new service waits for the editor and
 * is found by search once published; the editor's is published at once; errors keep (escaped) input and save
 * nothing; a double submit makes one service; a provider cannot add for someone else's organisation (404,
 * audited); parents and caseworkers get 403; the editor adds a provider organisation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { createAuthority, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { generateDemoLocalOffer } from './demo-services.ts';
import { addDays } from './service.ts';
import { insertLocalOffer, searchServices } from './store.ts';

const NEW = '/local-offer/manage/services/new';
const NEW_ORG = '/local-offer/manage/organisations/new';

function tokenFrom(html: string): string {
  const m = /name="token" value="([0-9a-f-]{36})"/.exec(html);
  if (!m) throw new Error('No token on the page');
  return m[1]!;
}

describe.each(ENGINES)('Adding to the Local Offer on %s', (engine) => {
  let t: TestApp;
  const today = todayInLondon();
  const offer = generateDemoLocalOffer({ today, services: 40 });
  const ownOrg = offer.organisations.find((o) => o.kind === 'charity')!;
  const otherOrg = offer.organisations.find((o) => o.id !== ownOrg.id)!;
  let editor: { id: string; email: string };
  let provider: { id: string; email: string };
  let parent: { email: string };
  let caseworker: { email: string };

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    await createAuthority(db, '901');
    editor = await createUser(db, '901', 'local-offer-editor');
    provider = await createUser(db, '901', 'local-offer-provider');
    parent = await createUser(db, '901', 'parent');
    caseworker = await createUser(db, '901', 'caseworker');
    await db.transaction().execute((trx) => insertLocalOffer(trx, '901', offer, editor.id));
    await db
      .insertInto('local_offer_provider_user')
      .values({ la_code: '901', user_id: provider.id, organisation_id: ownOrg.id })
      .execute();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const signedIn = async (email: string) => {
    const c = new TestClient(t.app);
    await c.signIn(email, TEST_PASSWORD);
    return c;
  };

  const fields = (overrides: Record<string, string | string[]> = {}) => ({
    organisationId: ownOrg.id,
    name: 'Zebrafinch Sensory Swim Club',
    description: 'A quiet swimming session with small groups and calm music.',
    categories: ['leisure', 'short-breaks'],
    needs: ['ASD', 'SLCN'],
    needsNote: '',
    minAge: '5',
    maxAge: '16',
    cost: 'paid',
    costDetails: '£3 per session. Carers go free.',
    howToGetIt: 'Book a place by phone.',
    when: 'Saturdays, 9am to 10am, in school term time',
    locationName: 'Riverside Leisure Centre',
    addressLine1: '1 River Walk',
    addressLine2: '',
    town: 'Denmoor',
    postcode: 'dm1 4ab',
    accessibility: 'Step-free entrance and a changing places toilet.',
    staffTraining: 'Makaton\nAutism awareness',
    contactPhone: '01632 960555',
    contactEmail: 'swim@example.org',
    url: 'https://swim.example.org/',
    ...overrides,
  });

  async function post(c: TestClient, url: string, data: Record<string, string | string[]>) {
    const page = await c.get(url);
    return c.post(url, { ...data, _csrf: TestClient.csrfFrom(page.body), token: tokenFrom(page.body) });
  }

  const count = async (name: string) =>
    (
      await t.database.db
        .selectFrom('local_offer_service')
        .select('id')
        .where('la_code', '=', '901')
        .where('name', '=', name)
        .execute()
    ).length;

  it('holds a provider’s new service for approval; a double submit makes one; once published search finds it', async () => {
    const p = await signedIn(provider.email);
    const home = await p.get('/');
    expect(home.body).toContain(NEW);
    const form = await p.get(NEW);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(ownOrg.name.replace(/&/g, '&amp;'));
    expect(form.body).not.toContain(otherOrg.id);
    const token = tokenFrom(form.body);
    const data = { ...fields(), _csrf: TestClient.csrfFrom(form.body), token };
    const first = await p.post(NEW, data);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toContain('saved=new-pending');
    expect((await p.post(NEW, data)).statusCode).toBe(303); // the second click
    expect(await count('Zebrafinch Sensory Swim Club')).toBe(1);
    const row = await t.database.db
      .selectFrom('local_offer_service')
      .selectAll()
      .where('id', '=', token)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('inactive');
    expect(row.review_by).toBe(addDays(today, 365));
    expect(row.owner_organisation_id).toBe(ownOrg.id);
    expect((await new TestClient(t.app).get(`/local-offer/services/${token}`)).statusCode).toBe(404);
    const hidden = await searchServices(t.database.db, '901', { q: 'zebrafinch' }, { page: 1, perPage: 10 });
    expect(hidden.ids).not.toContain(token);
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', token)
      .where('action', '=', 'local-offer.service.create')
      .execute();
    expect(audits).toHaveLength(1);

    const e = await signedIn(editor.email);
    const list = await e.get('/local-offer/manage/approvals');
    expect(list.body).toContain('New service');
    const pending = await t.database.db
      .selectFrom('local_offer_pending_edit')
      .select('id')
      .where('service_id', '=', token)
      .where('status', '=', 'pending')
      .execute();
    expect(pending).toHaveLength(1);
    const approval = await e.get(`/local-offer/manage/approvals/${pending[0]!.id}`);
    expect(approval.body).toContain('Check the new service Zebrafinch Sensory Swim Club');
    expect(approval.body).toContain('1 River Walk');
    expect(approval.body).toContain('DM1 4AB');
    const ok = await e.submit(`/local-offer/manage/approvals/${pending[0]!.id}`, { decision: 'approve' });
    expect(ok.statusCode).toBe(303);
    const page = await new TestClient(t.app).get(`/local-offer/services/${token}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Saturdays, 9am to 10am');
    expect(page.body).toContain('Step-free entrance');
    expect(page.body).toContain('£3 per session');
    expect(page.body).toContain('approved by');
    const found = await searchServices(t.database.db, '901', { q: 'zebrafinch' }, { page: 1, perPage: 10 });
    expect(found.ids).toContain(token);
    const typo = await searchServices(t.database.db, '901', { q: 'zebrafinsh' }, { page: 1, perPage: 10 });
    expect(typo.ids).toContain(token);
  });

  it('publishes the editor’s new service at once, checked by the editor, for any organisation', async () => {
    const e = await signedIn(editor.email);
    expect((await e.get('/local-offer/manage/services')).body).toContain(NEW);
    expect((await e.get('/')).body).toContain(NEW_ORG);
    const r = await post(
      e,
      NEW,
      fields({
        organisationId: otherOrg.id,
        name: 'Quillback Homework Club',
        cost: 'free',
        costDetails: '',
        contactEmail: '',
        url: '',
      }),
    );
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toContain('saved=new-published');
    const row = await t.database.db
      .selectFrom('local_offer_service')
      .selectAll()
      .where('name', '=', 'Quillback Homework Club')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('active');
    expect(row.is_free).toBe(true);
    expect(row.last_checked_by_email).toBe(editor.email);
    expect(row.last_checked_on).toBe(today);
    expect(row.organisation_id).toBe(otherOrg.id);
    const found = await new TestClient(t.app).get('/local-offer/search?q=quillback');
    expect(found.body).toContain(`/local-offer/services/${row.id}`);
    const pending = await t.database.db
      .selectFrom('local_offer_pending_edit')
      .select('id')
      .where('service_id', '=', row.id)
      .execute();
    expect(pending).toHaveLength(0);
  });

  it('shows every error at once, keeps the input escaped, and saves nothing', async () => {
    const p = await signedIn(provider.email);
    const empty = await post(p, NEW, {});
    expect(empty.statusCode).toBe(400);
    for (const message of [
      'Select the organisation that runs the service',
      'Enter the name of the service',
      'Enter what the service is, in plain English',
      'Select at least one type of service',
      'Select whether the service is free or costs money',
      'Enter how to get the service',
      'Enter when the service runs',
      'Enter the first line of the address',
      'Enter the town or city',
      'Enter the postcode',
      'Enter a phone number or an email address',
    ])
      expect(empty.body).toContain(message);
    expect(empty.body).toContain('govuk-error-summary');
    expect(empty.body).toContain('<title>Error: Add a service');

    const hostile = '<script>alert("x")</script>';
    const bad = await post(
      p,
      NEW,
      fields({
        name: `Hostile ${hostile}`,
        description: `"><img src=x onerror=alert(1)>`,
        postcode: 'NOT A POSTCODE',
        url: 'javascript:alert(1)',
        minAge: '12',
        maxAge: '3',
        cost: 'paid',
        costDetails: '',
        contactEmail: 'not-an-email',
        categories: ['leisure', 'not-a-category'],
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toContain(hostile);
    expect(bad.body).toContain('&lt;script&gt;');
    expect(bad.body).not.toContain('<img src=x');
    for (const message of [
      'Enter a real postcode, like DM1 4AB',
      'Enter a website address that starts with https://',
      'Oldest age must be the same as or more than the youngest age',
      'Enter what it costs, like £5 per session',
      'Enter an email address in the correct format',
      'Select types of service from the list',
    ])
      expect(bad.body).toContain(message);
    expect(bad.body).toContain('value="1 River Walk"'); // input kept
    expect(await count(`Hostile ${hostile}`)).toBe(0);

    // Saved hostile text is shown as text on the public page.
    const e = await signedIn(editor.email);
    const ok = await post(e, NEW, fields({ name: 'Hostile club', description: hostile }));
    expect(ok.statusCode).toBe(303);
    const id = /id=([0-9a-f-]{36})/.exec(ok.headers.location as string)![1]!;
    const page = await new TestClient(t.app).get(`/local-offer/services/${id}`);
    expect(page.body).not.toContain(hostile);
    expect(page.body).toContain('&lt;script&gt;');
  });

  it('refuses a provider adding for someone else’s organisation (404, audited) and saves nothing', async () => {
    const p = await signedIn(provider.email);
    const r = await post(p, NEW, fields({ organisationId: otherOrg.id, name: 'Takeover club' }));
    expect(r.statusCode).toBe(404);
    expect(await count('Takeover club')).toBe(0);
    const denied = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'user_id'])
      .where('record_id', '=', otherOrg.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toContainEqual({ action: 'local-offer.service.create.denied', user_id: provider.id });
    // Nor by replaying a token that belongs to someone else's existing service.
    const existing = offer.services.find((s) => s.organisationId !== ownOrg.id)!;
    const form = await p.get(NEW);
    const replay = await p.post(NEW, {
      ...fields({ name: 'Replay club' }),
      _csrf: TestClient.csrfFrom(form.body),
      token: existing.id,
    });
    expect(replay.statusCode).toBe(404);
    expect(await count('Replay club')).toBe(0);
  });

  it('refuses parents and caseworkers (403), sends the signed-out to sign in, and keeps organisations to the editor', async () => {
    expect((await new TestClient(t.app).get(NEW)).statusCode).toBe(302);
    for (const email of [parent.email, caseworker.email]) {
      const c = await signedIn(email);
      expect((await c.get(NEW)).statusCode).toBe(403);
      expect((await c.get(NEW_ORG)).statusCode).toBe(403);
      expect((await c.submit('/', fields(), NEW)).statusCode).toBe(403);
      expect((await c.submit('/', { name: 'X', kind: 'charity' }, NEW_ORG)).statusCode).toBe(403);
    }
    const p = await signedIn(provider.email);
    expect((await p.get(NEW_ORG)).statusCode).toBe(403);
    expect((await p.submit('/', { name: 'Sneaky', kind: 'charity' }, NEW_ORG)).statusCode).toBe(403);
  });

  it('lets the editor add a provider organisation once, with errors kept, then add its first service', async () => {
    const e = await signedIn(editor.email);
    expect((await e.get('/local-offer/manage/providers')).body).toContain(NEW_ORG);
    const bad = await post(e, NEW_ORG, { name: '<b>Bold</b>', kind: 'pirate', website: 'ftp://x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Select what kind of organisation it is');
    expect(bad.body).toContain('Enter a website address that starts with https://');
    expect(bad.body).toContain('&lt;b&gt;Bold&lt;/b&gt;');
    const dup = await post(e, NEW_ORG, { name: ownOrg.name.toUpperCase(), kind: 'charity' });
    expect(dup.statusCode).toBe(400);
    expect(dup.body).toContain('There is already an organisation with this name');
    const form = await e.get(NEW_ORG);
    const data = {
      _csrf: TestClient.csrfFrom(form.body),
      token: tokenFrom(form.body),
      name: 'Wrenfield Family Support',
      kind: 'charity',
      email: 'hello@wrenfield.example.org',
    };
    const ok = await e.post(NEW_ORG, data);
    expect(ok.statusCode).toBe(303);
    expect((await e.post(NEW_ORG, data)).statusCode).toBe(303);
    const orgs = await t.database.db
      .selectFrom('local_offer_organisation')
      .select('id')
      .where('name', '=', 'Wrenfield Family Support')
      .execute();
    expect(orgs).toHaveLength(1);
    expect(ok.headers.location).toContain(`organisationId=${orgs[0]!.id}`);
    const next = await e.get(ok.headers.location as string);
    expect(next.body).toMatch(new RegExp(`value="${orgs[0]!.id}" selected`));
    const svc = await post(e, NEW, fields({ organisationId: orgs[0]!.id, name: 'Wrenfield Parent Group' }));
    expect(svc.statusCode).toBe(303);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', orgs[0]!.id)
      .where('action', '=', 'local-offer.organisation.create')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
