/**
 * The Local Offer end to end over the real app, on both engines: public pages and forms, search (typos, ranking,
 * filters, zero results counted), access (public, provider, editor, others), the editor's approvals and
 * "You said, we did", the jobs (reminders once, link check with an injected fetch), and the Open Referral UK API
 * with every response validated against the standard's schemas.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { createAuthority, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { generateDemoLocalOffer } from './demo-services.ts';
import { demoFetch, runLinkCheck, runStaleReminders } from './jobs.ts';
import { serviceAtLocationId } from './oruk/map.ts';
import { needTermId, TAXONOMY_ID } from './oruk/taxonomy.ts';
import { validateOrukResponse } from './oruk/validate.ts';
import type { OrukEndpoint } from './oruk/validate.ts';
import { insertLocalOffer, searchServices } from './store.ts';

const API = '/api/open-referral/v3';

describe.each(ENGINES)('Local Offer on %s', (engine) => {
  let t: TestApp;
  const today = todayInLondon();
  const offer = generateDemoLocalOffer({ today, services: 120 });
  let editor: { id: string; email: string };
  let provider: { id: string; email: string };
  let parent: { email: string };
  let caseworker: { email: string };
  const ownOrg = offer.organisations.find((o) => o.kind === 'charity')!;
  const own = offer.services.find((s) => s.organisationId === ownOrg.id && s.status === 'active')!;
  const other = offer.services.find((s) => s.organisationId !== ownOrg.id && s.status === 'active')!;
  const stale = offer.services.find((s) => s.reviewBy < today && s.status === 'active')!;

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

  const client = () => new TestClient(t.app);
  const signedIn = async (email: string) => {
    const c = client();
    await c.signIn(email, TEST_PASSWORD);
    return c;
  };

  describe('public directory', () => {
    it('shows the home page with search, information pages and SENDIASS, without signing in', async () => {
      const r = await client().get('/local-offer');
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('SEND Local Offer');
      expect(r.body).toContain('Testshire SENDIASS');
      expect(r.body).toContain('/local-offer/information/ask-for-an-assessment');
      expect(r.body).toContain('/plan-progress');
      expect(r.headers['set-cookie'] ?? '').not.toMatch(/track|_ga/);
    });

    it('forgives typos: "autsim" finds autism services and "speach" finds speech services', async () => {
      const db = t.database.db;
      const autism = await searchServices(db, '901', { q: 'autsim' }, { page: 1, perPage: 10 });
      expect(autism.total).toBeGreaterThan(0);
      expect(autism.corrections).toContainEqual({ from: 'autsim', to: 'autism' });
      const first = offer.services.find((s) => s.id === autism.ids[0])!;
      expect(first.needs).toContain('ASD');
      const speech = await searchServices(db, '901', { q: 'speach therapy' }, { page: 1, perPage: 10 });
      expect(speech.total).toBeGreaterThan(0);
      const top = offer.services.find((s) => s.id === speech.ids[0])!;
      expect(`${top.name} ${top.needs.join(' ')}`).toMatch(/Speech|SLCN/);
      const page = await client().get('/local-offer/search?q=autsim');
      expect(page.body).toContain('Showing results for <strong>autism</strong>');
    });

    it('ranks a match in the name above a match in the description', async () => {
      const r = await searchServices(t.database.db, '901', { q: 'swimming' }, { page: 1, perPage: 50 });
      const names = r.ids.map((id) => offer.services.find((s) => s.id === id)!.name);
      const firstWithout = names.findIndex((n) => !/swim/i.test(n));
      const lastWith = names.map((n) => /swim/i.test(n)).lastIndexOf(true);
      expect(lastWith).toBeLessThan(firstWithout === -1 ? Infinity : firstWithout + 1);
    });

    it('finds a service by need and age in two steps, with counts and paging', async () => {
      const r = await client().get('/local-offer/search?need=ASD&age=7');
      expect(r.statusCode).toBe(200);
      const expected = offer.services.filter(
        (s) =>
          s.status === 'active' &&
          s.needs.includes('ASD') &&
          (s.minAge === null || s.minAge <= 7) &&
          (s.maxAge === null || s.maxAge >= 7),
      );
      expect(r.body).toContain(`<strong>${expected.length}</strong>`);
      const free = await searchServices(
        t.database.db,
        '901',
        { free: true, category: 'leisure' },
        { page: 1, perPage: 100 },
      );
      for (const id of free.ids) {
        const s = offer.services.find((x) => x.id === id)!;
        expect(s.cost.kind).toBe('free');
        expect(s.categories).toContain('leisure');
      }
      const prov = await searchServices(
        t.database.db,
        '901',
        { provider: ownOrg.id },
        { page: 1, perPage: 100 },
      );
      expect(prov.ids).toContain(own.id);
    });

    it('records searches and zero-result terms, and the no-results page says what to try and where to get help', async () => {
      const counts = async () =>
        new Map(
          (
            await t.database.db
              .selectFrom('local_offer_usage_daily')
              .select(['metric', 'count'])
              .where('la_code', '=', '901')
              .where('day', '=', today)
              .execute()
          ).map((u) => [u.metric, u.count]),
        );
      const before = await counts();
      const r = await client().get('/local-offer/search?q=zzqxv+flumph');
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('No services found');
      expect(r.body).toContain('0300 000 0001');
      const term = await t.database.db
        .selectFrom('local_offer_zero_result_term')
        .select(['term', 'count'])
        .where('la_code', '=', '901')
        .where('term', '=', 'zzqxv flumph')
        .executeTakeFirst();
      expect(term?.count).toBe(1);
      const usage = await t.database.db
        .selectFrom('local_offer_usage_daily')
        .select(['metric', 'count'])
        .where('la_code', '=', '901')
        .where('day', '=', today)
        .execute();
      expect(usage.find((u) => u.metric === 'zero-result')?.count).toBeGreaterThanOrEqual(1);
      // The page counted one search, one zero-result search and one page view (in one statement).
      const after = await counts();
      for (const metric of ['search', 'zero-result', 'page-view'] as const)
        expect((after.get(metric) ?? 0) - (before.get(metric) ?? 0)).toBe(1);
      // A search's second page counts a page view, not another search.
      await client().get('/local-offer/search?q=support&page=2');
      const second = await counts();
      expect((second.get('search') ?? 0) - (after.get('search') ?? 0)).toBe(0);
      expect((second.get('page-view') ?? 0) - (after.get('page-view') ?? 0)).toBe(1);
    });

    it('shows bad filters with an error summary, keeps the input and escapes it', async () => {
      const r = await client().get('/local-offer/search?q=%3Cscript%3Ealert(1)%3C/script%3E&age=abc');
      expect(r.statusCode).toBe(400);
      expect(r.body).toContain('govuk-error-summary');
      expect(r.body).toContain('Age must be a whole number');
      expect(r.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(r.body).not.toContain('<script>alert(1)');
    });

    it('shows a service in plain English with when it was last checked, and warns when it is stale', async () => {
      const r = await client().get(`/local-offer/services/${own.id}`);
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('Last checked on');
      expect(r.body).toContain('What the staff are trained in');
      expect(r.body).toContain('Was this page useful?');
      const s = await client().get(`/local-offer/services/${stale.id}`);
      expect(s.body).toContain('has not been checked since');
      expect((await client().get('/local-offer/services/not-an-id')).statusCode).toBe(404);
      const inactive = offer.services.find((x) => x.status === 'inactive');
      if (inactive) expect((await client().get(`/local-offer/services/${inactive.id}`)).statusCode).toBe(404);
    });

    it('shows the information pages, You said we did and the annual report', async () => {
      expect((await client().get('/local-offer/information/personal-budgets')).statusCode).toBe(200);
      const ask = await client().get('/local-offer/information/ask-for-an-assessment');
      expect(ask.body).toContain(
        '<a class="govuk-link" href="/request-assessment">Ask for an assessment online</a>',
      );
      expect((await client().get('/local-offer/information/nope')).statusCode).toBe(404);
      expect((await client().get('/local-offer/you-said-we-did')).statusCode).toBe(200);
      expect((await client().get(`/local-offer/you-said-we-did/${today.slice(0, 4)}`)).statusCode).toBe(200);
    });
  });

  describe('feedback forms', () => {
    it('refuses a form without its CSRF token and saves nothing', async () => {
      const before = await countFeedback();
      const r = await client().post('/local-offer/report-a-problem', { pagePath: '/local-offer', body: 'x' });
      expect(r.statusCode).toBe(403);
      expect(await countFeedback()).toBe(before);
    });

    it('asks for an answer to "was this page useful" and saves a rating', async () => {
      const c = client();
      const bad = await c.submit(
        `/local-offer/services/${own.id}`,
        { pagePath: `/local-offer/services/${own.id}` },
        '/local-offer/feedback',
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('Select whether this page was useful');
      const ok = await c.submit(
        `/local-offer/services/${own.id}`,
        { pagePath: `/local-offer/services/${own.id}`, useful: 'no', accurate: 'yes' },
        '/local-offer/feedback',
      );
      expect(ok.statusCode).toBe(303);
      const row = await t.database.db
        .selectFrom('local_offer_feedback')
        .selectAll()
        .where('la_code', '=', '901')
        .where('service_id', '=', own.id)
        .where('kind', '=', 'rating')
        .executeTakeFirstOrThrow();
      expect(row.useful).toBe(false);
      expect(row.accurate).toBe(true);
    });

    it('reports a problem: errors keep the input, hostile text is escaped, then it is saved for triage', async () => {
      const c = client();
      const form = `/local-offer/report-a-problem?pagePath=/local-offer/services/${own.id}`;
      const empty = await c.submit(
        form,
        { pagePath: `/local-offer/services/${own.id}`, body: '   ' },
        '/local-offer/report-a-problem',
      );
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain('Enter what is wrong with the page');
      const long = await c.submit(
        form,
        { pagePath: `/local-offer/services/${own.id}`, body: `<b>x</b>${'y'.repeat(2001)}` },
        '/local-offer/report-a-problem',
      );
      expect(long.statusCode).toBe(400);
      expect(long.body).toContain('&lt;b&gt;x&lt;/b&gt;');
      const ok = await c.submit(
        form,
        { pagePath: `/local-offer/services/${own.id}`, body: 'The phone number is wrong <script>' },
        '/local-offer/report-a-problem',
      );
      expect(ok.statusCode).toBe(303);
      const row = await t.database.db
        .selectFrom('local_offer_feedback')
        .selectAll()
        .where('la_code', '=', '901')
        .where('kind', '=', 'problem')
        .executeTakeFirstOrThrow();
      expect(row.triage).toBe('new');
      expect(row.service_id).toBe(own.id);
    });

    it('takes general comments', async () => {
      const c = client();
      const bad = await c.submit('/local-offer/comments', { body: '' });
      expect(bad.statusCode).toBe(400);
      const ok = await c.submit('/local-offer/comments', { body: 'Please list more clubs for teenagers.' });
      expect(ok.statusCode).toBe(303);
    });
  });

  async function countFeedback() {
    const r = await t.database.db
      .selectFrom('local_offer_feedback')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  describe('access', () => {
    it('sends people who are not signed in to sign in, and refuses parents and caseworkers (403)', async () => {
      const anon = await client().get('/local-offer/manage/approvals');
      expect(anon.statusCode).toBe(302);
      for (const email of [parent.email, caseworker.email]) {
        const c = await signedIn(email);
        expect((await c.get('/local-offer/manage/approvals')).statusCode).toBe(403);
        expect((await c.get('/local-offer/manage/services')).statusCode).toBe(403);
        expect((await c.get(`/local-offer/manage/services/${own.id}/edit`)).statusCode).toBe(403);
      }
      const p = await signedIn(provider.email);
      expect((await p.get('/local-offer/manage/approvals')).statusCode).toBe(403);
      expect((await p.get('/local-offer/manage/feedback')).statusCode).toBe(403);
    });

    it('does not let a provider see or change another provider’s entry (404), and audits the denial', async () => {
      const p = await signedIn(provider.email);
      expect((await p.get(`/local-offer/manage/services/${other.id}/edit`)).statusCode).toBe(404);
      const token = TestClient.csrfFrom((await p.get(`/local-offer/manage/services/${own.id}/edit`)).body);
      const r = await p.post(`/local-offer/manage/services/${other.id}/edit`, {
        _csrf: token,
        name: 'Taken over',
      });
      expect(r.statusCode).toBe(404);
      const denied = await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('record_id', '=', other.id)
        .where('outcome', '=', 'denied')
        .execute();
      expect(denied.length).toBeGreaterThan(0);
    });

    it('lets the editor link a provider account to an organisation, and no one else', async () => {
      const second = await createUser(t.database.db, '901', 'local-offer-provider');
      const e = await signedIn(editor.email);
      const bad = await e.submit('/local-offer/manage/providers', {
        email: parent.email,
        organisationId: ownOrg.id,
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('Enter the email address of a Local Offer provider account');
      expect(bad.body).toContain(parent.email);
      const noOrg = await e.submit('/local-offer/manage/providers', {
        email: second.email,
        organisationId: '',
      });
      expect(noOrg.statusCode).toBe(400);
      const ok = await e.submit('/local-offer/manage/providers', {
        email: second.email,
        organisationId: ownOrg.id,
      });
      expect(ok.statusCode).toBe(303);
      expect(
        (await e.submit('/local-offer/manage/providers', { email: second.email, organisationId: ownOrg.id }))
          .statusCode,
      ).toBe(303);
      const links = await t.database.db
        .selectFrom('local_offer_provider_user')
        .selectAll()
        .where('user_id', '=', second.id)
        .execute();
      expect(links).toHaveLength(1);
      const p = await signedIn(provider.email);
      expect((await p.get('/local-offer/manage/providers')).statusCode).toBe(403);
      const c = await signedIn(caseworker.email);
      expect((await c.get('/local-offer/manage/providers')).statusCode).toBe(403);
    });

    it('shows a provider their own entries on their home page', async () => {
      const p = await signedIn(provider.email);
      const home = await p.get('/');
      expect(home.body).toContain('Your Local Offer entries');
      expect(home.body).toContain(own.name.replace(/&/g, '&amp;'));
      expect(home.body).not.toContain(`/local-offer/manage/services/${other.id}/edit`);
    });
  });

  describe('keeping entries current', () => {
    it('holds a provider’s change for approval; errors keep the input; the editor sees the diff and publishes it', async () => {
      const p = await signedIn(provider.email);
      const editUrl = `/local-offer/manage/services/${own.id}/edit`;
      const page = await p.get(editUrl);
      const token = TestClient.csrfFrom(page.body);
      const bad = await p.post(editUrl, {
        _csrf: token,
        name: '',
        description: 'New words',
        howToGetIt: '',
        minAge: '9',
        maxAge: '4',
        needsNote: '',
        staffTraining: '',
        cost: 'Free',
        url: '',
        contactPhone: '',
        contactEmail: '',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('Enter the name of the service');
      expect(bad.body).toContain('Oldest age must be');
      expect(bad.body).toContain('New words');
      const fields = {
        _csrf: token,
        name: `${own.name} (renamed)`,
        description: own.description,
        howToGetIt: own.howToGetIt ?? '',
        minAge: own.minAge === null ? '' : String(own.minAge),
        maxAge: own.maxAge === null ? '' : String(own.maxAge),
        needs: [...own.needs],
        needsNote: own.needsNote ?? '',
        staffTraining: own.staffTraining.join('\n'),
        cost: 'Free',
        url: own.url ?? '',
        contactPhone: own.contacts[0]?.phone ?? '',
        contactEmail: own.contacts[0]?.email ?? '',
      };
      expect((await p.post(editUrl, fields)).statusCode).toBe(303);
      expect((await p.post(editUrl, fields)).statusCode).toBe(303); // a double submit replaces, never duplicates
      const pending = await t.database.db
        .selectFrom('local_offer_pending_edit')
        .selectAll()
        .where('service_id', '=', own.id)
        .where('status', '=', 'pending')
        .execute();
      expect(pending).toHaveLength(1);
      const publicPage = await client().get(`/local-offer/services/${own.id}`);
      expect(publicPage.body).not.toContain('(renamed)');

      const e = await signedIn(editor.email);
      const home = await e.get('/');
      expect(home.body).toContain('changes waiting for approval');
      expect(home.body).toContain('<svg');
      const approval = await e.get(`/local-offer/manage/approvals/${pending[0]!.id}`);
      expect(approval.body).toContain('(renamed)');
      const noChoice = await e.submit(`/local-offer/manage/approvals/${pending[0]!.id}`, {});
      expect(noChoice.statusCode).toBe(400);
      const ok = await e.submit(`/local-offer/manage/approvals/${pending[0]!.id}`, { decision: 'approve' });
      expect(ok.statusCode).toBe(303);
      const after = await client().get(`/local-offer/services/${own.id}`);
      expect(after.body).toContain('(renamed)');
      expect(after.body).toContain(`Last checked on`);
      const told = await t.database.db
        .selectFrom('notification')
        .select(['recipient', 'body'])
        .where('template', '=', 'local-offer-edit-approved')
        .executeTakeFirstOrThrow();
      expect(told.recipient).toBe(provider.email);
      expect(told.body).toContain('published it');
      const row = await t.database.db
        .selectFrom('local_offer_service')
        .select(['review_by', 'last_checked_on'])
        .where('id', '=', own.id)
        .executeTakeFirstOrThrow();
      expect(row.last_checked_on).toBe(today);
      expect(row.review_by > today).toBe(true);
    });

    it('reminds owners of stale entries once per stage', async () => {
      const ctx = { db: t.database.db, jobs: t.jobs };
      const first = await runStaleReminders(ctx, { laCode: '901', today });
      expect(first.sent).toBeGreaterThan(0);
      const count = async () =>
        Number(
          (
            await t.database.db
              .selectFrom('notification')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('template', 'like', 'local-offer-review-%')
              .executeTakeFirstOrThrow()
          ).n,
        );
      const n = await count();
      const again = await runStaleReminders(ctx, { laCode: '901', today });
      expect(again.sent).toBe(0);
      expect(await count()).toBe(n);
      const msg = await t.database.db
        .selectFrom('notification')
        .select(['recipient', 'body'])
        .where('template', '=', 'local-offer-review-overdue')
        .executeTakeFirstOrThrow();
      expect(msg.body).toContain('These details are still right');
    });

    it('checks links with an injected fetch, records broken ones and tells the owner only after two failures in a row', async () => {
      const ctx = { db: t.database.db, jobs: t.jobs };
      const brokenCount = async () =>
        Number(
          (
            await t.database.db
              .selectFrom('notification')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('template', '=', 'local-offer-broken-link')
              .executeTakeFirstOrThrow()
          ).n,
        );
      let clock = Date.parse(`${today}T03:00:00Z`);
      const now = () => new Date((clock += 1000));
      const one = await runLinkCheck(ctx, { laCode: '901', fetch: demoFetch, now });
      expect(one.checked).toBeGreaterThan(0);
      expect(one.notified).toBe(0);
      const two = await runLinkCheck(ctx, { laCode: '901', fetch: demoFetch, now });
      const broken = offer.services.filter((s) => s.status === 'active' && s.url?.includes('.invalid'));
      expect(broken.length).toBeGreaterThan(0);
      expect(two.notified).toBeGreaterThan(0);
      const n = await brokenCount();
      await runLinkCheck(ctx, { laCode: '901', fetch: demoFetch, now });
      expect(await brokenCount()).toBe(n);
      const e = await signedIn(editor.email);
      const links = await e.get('/local-offer/manage/links');
      expect(links.body).toContain('.invalid');
    });
  });

  it('tells the owner once when a link has moved for good', async () => {
    const moved = offer.services.find((s) => s.status === 'active' && s.url && !s.url.includes('.invalid'))!;
    const fetchMoved: typeof fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url === moved.url) {
        return Promise.resolve(
          new Response(null, { status: 301, headers: { location: 'https://new-home.example.org/' } }),
        );
      }
      return demoFetch(input, init);
    };
    const ctx = { db: t.database.db, jobs: t.jobs };
    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('notification')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('template', '=', 'local-offer-link-moved')
            .executeTakeFirstOrThrow()
        ).n,
      );
    let clock = Date.parse(`${today}T05:00:00Z`);
    const now = () => new Date((clock += 1000));
    await runLinkCheck(ctx, { laCode: '901', fetch: fetchMoved, now });
    const n = await count();
    expect(n).toBeGreaterThan(0);
    await runLinkCheck(ctx, { laCode: '901', fetch: fetchMoved, now });
    expect(await count()).toBe(n);
  });

  describe('You said, we did', () => {
    it('lets the editor triage comments and turn them into a published entry', async () => {
      const comment = await t.database.db
        .selectFrom('local_offer_feedback')
        .select('id')
        .where('kind', '=', 'comment')
        .executeTakeFirstOrThrow();
      const e = await signedIn(editor.email);
      const bad = await e.submit('/local-offer/manage/you-said-we-did/new', {
        year: today.slice(0, 4),
        title: '',
        comments: [comment.id],
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('Enter a short title');
      const fields = {
        year: today.slice(0, 4),
        title: 'Clubs for teenagers',
        youSaid: 'More clubs for teenagers.',
        response: 'We agree.',
        action: 'Two new clubs.',
        owner: 'Short breaks team manager',
        status: 'planned',
        published: 'yes',
        comments: [comment.id],
      };
      expect((await e.submit('/local-offer/manage/you-said-we-did/new', fields)).statusCode).toBe(303);
      const dup = await e.submit('/local-offer/manage/you-said-we-did/new', fields);
      expect(dup.statusCode).toBe(400);
      const row = await t.database.db
        .selectFrom('local_offer_feedback')
        .select(['triage', 'you_said_id'])
        .where('id', '=', comment.id)
        .executeTakeFirstOrThrow();
      expect(row.triage).toBe('publishable');
      expect(row.you_said_id).not.toBeNull();
      const pub = await client().get('/local-offer/you-said-we-did');
      expect(pub.body).toContain('Clubs for teenagers');
      const problem = await t.database.db
        .selectFrom('local_offer_feedback')
        .select('id')
        .where('kind', '=', 'problem')
        .executeTakeFirstOrThrow();
      expect(
        (
          await e.submit(
            '/local-offer/manage/feedback',
            { triage: 'complaint' },
            `/local-offer/manage/feedback/${problem.id}`,
          )
        ).statusCode,
      ).toBe(303);
      const parentClient = await signedIn(parent.email);
      expect((await parentClient.get('/local-offer/manage/you-said-we-did/new')).statusCode).toBe(403);
    });
  });

  describe('Open Referral UK API', () => {
    async function getJson(url: string) {
      const r = await t.app.inject({ method: 'GET', url });
      expect(r.headers['access-control-allow-origin']).toBe('*');
      return { status: r.statusCode, body: r.json<Record<string, unknown>>() };
    }
    function valid(endpoint: OrukEndpoint, body: unknown) {
      const v = validateOrukResponse(endpoint, body);
      expect(v.errors ?? [], JSON.stringify(v).slice(0, 500)).toEqual([]);
      expect(v.valid).toBe(true);
    }

    it('serves every endpoint with responses that validate against the standard', async () => {
      const meta = await getJson(API);
      valid('/', meta.body);
      const list = await getJson(`${API}/services?per_page=5&page=2`);
      expect(list.status).toBe(200);
      valid('/services', list.body);
      expect(list.body.page_number).toBe(2);
      const full = await getJson(`${API}/services/${stale.id}`);
      valid('/services/{id}', full.body);
      expect(full.body.alert).toBeDefined();
      const search = await getJson(
        `${API}/services?search=speech&taxonomy_term_id=${needTermId('SLCN')}&minimum_age=0&day=MO`,
      );
      valid('/services', search.body);
      const sal = await getJson(`${API}/service_at_locations?per_page=10`);
      valid('/service_at_locations', sal.body);
      const withLoc = offer.services.find((s) => s.status === 'active' && s.locations.length > 0)!;
      const one = await getJson(
        `${API}/service_at_locations/${serviceAtLocationId(withLoc.id, withLoc.locations[0]!.id)}`,
      );
      expect(one.status).toBe(200);
      valid('/service_at_locations/{id}', one.body);
      const near = await getJson(
        `${API}/service_at_locations?postcode=${encodeURIComponent(withLoc.locations[0]!.postcode)}&proximity=2000`,
      );
      valid('/service_at_locations', near.body);
      expect(Number(near.body.total_items)).toBeGreaterThan(0);
      valid('/taxonomies', (await getJson(`${API}/taxonomies`)).body);
      valid('/taxonomies/{id}', (await getJson(`${API}/taxonomies/${TAXONOMY_ID}`)).body);
      valid('/taxonomy_terms', (await getJson(`${API}/taxonomy_terms?per_page=5`)).body);
      valid('/taxonomy_terms/{id}', (await getJson(`${API}/taxonomy_terms/${needTermId('ASD')}`)).body);
      const empty = await getJson(`${API}/services?taxonomy_id=00000000-0000-0000-0000-000000000000`);
      valid('/services', empty.body);
      expect(empty.body.total_items).toBe(0);
    });

    it('answers bad parameters with 400 JSON and unknown ids with 404 JSON, without CSRF or a key', async () => {
      const bad = await getJson(`${API}/services?page=0`);
      expect(bad.status).toBe(400);
      expect(bad.body.error).toBe('invalid_query');
      expect((await getJson(`${API}/services?minimum_age=10&maximum_age=5`)).status).toBe(400);
      expect((await getJson(`${API}/service_at_locations?proximity=100`)).status).toBe(400);
      expect((await getJson(`${API}/services/00000000-0000-0000-0000-000000000000`)).status).toBe(404);
      expect((await getJson(`${API}/services/nope`)).status).toBe(404);
      expect((await getJson(`${API}/taxonomy_terms/nope`)).status).toBe(404);
      expect((await getJson(`${API}/nothing-here`)).status).toBe(404);
      const openapi = await t.app.inject({ method: 'GET', url: `${API}/openapi.json` });
      expect(openapi.statusCode).toBe(200);
      expect(openapi.json()).toHaveProperty('paths');
    });
  });
});
