/**
 * The children pages with stand-in services: the real views, no database. Validation, filters kept in the form,
 * pagination and rendering. Access and the audit log are tested against the database in children.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouteTestApp, testActor, type RouteTestApp } from '../../../test/helpers/route-app.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { childrenFeature } from './index.ts';
import type { ChildFilters, ChildListRow, ChildRecord, ChildrenService } from './service.ts';

const OFFICER = '00000000-0000-4000-8000-0000000000b1';
const CHILD = '00000000-0000-4000-8000-0000000000c1';

const row = (n: number, overrides: Partial<ChildListRow> = {}): ChildListRow => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  reference: `GT-${String(n).padStart(6, '0')}`,
  given_name: `Given${n}`,
  family_name: `Family${n}`,
  date_of_birth: '2016-04-12',
  primary_need: 'SLCN',
  plan_status: 'plan',
  officer_name: null,
  setting_name: null,
  ...overrides,
});

const record = {
  child: {
    id: CHILD,
    reference: 'GT-000018',
    given_name: 'Mina',
    family_name: 'Moss',
    preferred_name: null,
    date_of_birth: '2015-02-03',
    sex: 'F',
    primary_need: 'ASD',
    plan_status: 'plan',
    plan_first_issued: '2022-05-01',
    officer_name: 'Olive Officer',
    officer_email: 'olive@council.example',
    team_name: 'North team',
    team_email: 'north@council.example',
    team_phone: '0300 000 0002',
  },
  authority: { name: 'Testshire Council', team_phone: '0300 000 0000', team_email: 'send@council.example' },
  family: [],
  settings: [],
  history: [
    {
      id: 1,
      at: new Date('2026-01-05T10:00:00Z'),
      kind: 'plan-issued',
      summary: 'Plan first issued',
      actor_name: null,
    },
  ],
} as unknown as ChildRecord;

describe('children pages with stand-in services', () => {
  let app: RouteTestApp;
  const asked: ChildFilters[] = [];
  const service: ChildrenService = {
    list: (_actor, filters) => {
      asked.push(filters);
      const rows = Array.from({ length: 25 }, (_, i) => row(i + 1));
      return Promise.resolve({ rows, total: 60, page: filters.page > 3 ? 3 : filters.page, pages: 3 });
    },
    officers: (actor) =>
      Promise.resolve(actor.role === 'caseworker' ? [{ id: OFFICER, display_name: 'Olive Officer' }] : []),
    auditShown: () => Promise.resolve(),
    record: (_actor, childId) =>
      childId === CHILD ? Promise.resolve(record) : Promise.reject(new NotFoundError()),
  };

  beforeAll(async () => {
    app = await createRouteTestApp({
      features: [childrenFeature],
      services: { children: service },
      actor: testActor('caseworker'),
    });
  });
  afterAll(() => app?.close());

  it('lists a page of children with the count, the filters and links to the other pages that keep them', async () => {
    asked.length = 0;
    const response = await app.inject(`/children?q=Given&need=SLCN&page=2`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('60 children and young people, page 2 of 3');
    expect(response.body).toContain('Given1 Family1');
    expect(response.body).toContain('Speech, language and communication needs');
    expect(response.body).toContain('href="/children?q=Given&amp;need=SLCN&amp;page=3"');
    expect(response.body).toMatch(/<option value="SLCN" selected>/);
    expect(response.body).toContain('Olive Officer');
    expect(asked).toEqual([
      { q: 'Given', need: 'SLCN', page: 2, officer: undefined, unallocated: false, needMissing: false },
    ]);
  });

  it('lists the children a home page count names: by plan status, and with no need recorded', async () => {
    asked.length = 0;
    await app.inject('/children?status=plan&need=missing');
    expect(asked[0]).toMatchObject({ status: 'plan', need: undefined, needMissing: true });
    await app.inject('/children?status=open');
    expect(asked[1]).toMatchObject({ status: 'open' });
    const bad = await app.inject('/children?status=lost');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose a plan status from the list');
  });

  it('asks for children with no named officer when "No named officer" is chosen', async () => {
    asked.length = 0;
    await app.inject('/children?officer=none');
    expect(asked[0]).toMatchObject({ officer: undefined, unallocated: true });
  });

  it('explains bad filters (400), keeps and escapes what was typed, and still lists from page 1', async () => {
    asked.length = 0;
    const response = await app.inject(
      `/children?q=${encodeURIComponent('<script>alert(1)</script>')}${'x'.repeat(100)}&need=XYZ&officer=bogus`,
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('Search must be 100 characters or fewer');
    expect(response.body).toContain('Choose a primary need from the list');
    expect(response.body).toContain('Choose an officer from the list');
    expect(response.body).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(response.body).not.toContain('<script>alert(1)</script>');
    expect(asked).toEqual([
      { page: 1, officer: undefined, need: undefined, unallocated: false, needMissing: false },
    ]);
  });

  it('offers no officer filter to a role that does not see every child', async () => {
    app.signInAs(testActor('parent'));
    const response = await app.inject('/children');
    expect(response.body).not.toContain('Named officer</label>');
    app.signInAs(testActor('caseworker'));
  });

  it('shows a child’s record with labels, the named officer and history, and a back link by role', async () => {
    const response = await app.inject(`/children/${CHILD}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Mina Moss');
    expect(response.body).toContain('Your named officer is Olive Officer');
    expect(response.body).toContain('Autistic spectrum disorder');
    expect(response.body).toContain('Has a plan, first issued 1 May 2022');
    expect(response.body).toContain('Plan first issued');
    expect(response.body).toContain('href="/children"');
    // A request received by letter is recorded from the record, its reference filled in (no retyping).
    expect(response.body).toContain('href="/assessments/record?child=GT-000018"');
    app.signInAs(testActor('parent'));
    const family = (await app.inject(`/children/${CHILD}`)).body;
    expect(family).toMatch(/<a href="\/" class="govuk-back-link">/);
    expect(family).not.toContain('/assessments/record');
    app.signInAs(testActor('caseworker'));
  });

  it('answers a child the service will not show with the GOV.UK 404 page', async () => {
    const response = await app.inject('/children/00000000-0000-4000-8000-0000000000ff');
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Page not found');
  });

  it('sends someone not signed in to sign in', async () => {
    app.signInAs(null);
    const response = await app.inject('/children');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/sign-in?returnTo=%2Fchildren');
    app.signInAs(testActor('caseworker'));
  });
});
