/**
 * The admin pages with stand-in services: the real views and CSRF, no database. Forms, errors kept, the open-cases
 * refusal and its link, and filters. Access and the audit log are tested against the database in admin.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../../test/helpers/client.ts';
import { createRouteTestApp, testActor, type RouteTestApp } from '../../../test/helpers/route-app.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import { adminFeature } from './index.ts';
import { DuplicateEmailError, HoldsOpenCasesError, type AdminService, type NewUserInput } from './service.ts';

const USER = '00000000-0000-4000-8000-0000000000d1';
const TEAM = '00000000-0000-4000-8000-0000000000e1';

const user = {
  id: USER,
  email: 'olive@council.example',
  display_name: 'Olive Officer',
  role: 'caseworker' as const,
  job_title: null,
  active: true,
  last_signed_in_at: null,
  created_at: new Date('2026-01-01T09:00:00Z'),
  team_name: 'North team',
};

describe('admin pages with stand-in services', () => {
  let app: RouteTestApp;
  let client: TestClient;
  const created: NewUserInput[] = [];
  const updates: Array<{ role: string; active: boolean }> = [];
  let refuse: Error | undefined;

  const service = {
    users: (_actor, filters) =>
      Promise.resolve({
        rows: [{ ...user, last_signed_in_at: null }],
        total: 120,
        page: filters.page,
        pages: 3,
      }),
    teams: () => Promise.resolve([{ id: TEAM, name: 'North team', organisation_name: 'Testshire Council' }]),
    user: () => Promise.resolve(user),
    createUser: (_actor, input) => {
      if (refuse) return Promise.reject(refuse);
      created.push(input);
      return Promise.resolve(USER);
    },
    updateUser: (_actor, _id, change) => {
      if (refuse) return Promise.reject(refuse);
      updates.push(change);
      return Promise.resolve();
    },
    searchAudit: (_actor, filters) => Promise.resolve({ rows: [], total: 0, page: filters.page, pages: 1 }),
    outbox: (_actor, filters) => Promise.resolve({ rows: [], total: 0, page: filters.page, pages: 1 }),
  } satisfies AdminService;

  beforeAll(async () => {
    app = await createRouteTestApp({
      features: [adminFeature],
      services: { admin: service },
      actor: testActor('administrator'),
    });
    client = new TestClient(app);
  });
  afterAll(() => app?.close());

  const newUser = {
    email: 'New.Person@test.example',
    displayName: 'New Person',
    role: 'caseworker',
    jobTitle: '',
    teamId: TEAM,
    password: 'a-long-enough-password',
  };

  it('adds a user and redirects (303) to their page', async () => {
    refuse = undefined;
    created.length = 0;
    const response = await client.submit('/admin/users/new', newUser);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/admin/users/${USER}?created=1`);
    expect(created).toEqual([{ ...newUser, jobTitle: undefined }]);
  });

  it('shows every error of an empty form in the summary, in the form’s order, and submits nothing', async () => {
    created.length = 0;
    const response = await client.submit('/admin/users/new', { email: '', displayName: '', password: '' });
    expect(response.statusCode).toBe(400);
    const summary = response.body.slice(response.body.indexOf('govuk-error-summary'));
    const order = ['#email', '#displayName', '#role', '#password'].map((href) =>
      summary.indexOf(`href="${href}"`),
    );
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(created).toEqual([]);
  });

  it('shows a service’s refusal against its field, keeping the input but never the password', async () => {
    refuse = new DuplicateEmailError();
    const response = await client.submit('/admin/users/new', newUser);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('A user with this email address already exists');
    expect(response.body).toContain('href="#email"');
    expect(response.body).toContain('value="New.Person@test.example"');
    expect(response.body).not.toContain('a-long-enough-password');
    expect(response.body).toMatch(/<option value="00000000-0000-4000-8000-0000000000e1" selected>/);
    refuse = undefined;
  });

  it('explains why an account holding open assessments stays on, with a link to move the cases', async () => {
    refuse = new HoldsOpenCasesError(2, USER);
    const response = await client.submit(`/admin/users/${USER}`, { role: 'caseworker', active: 'no' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('This officer still holds 2 open assessments');
    expect(response.body).toContain(`/assessments/team?from=${USER}#move-cases`);
    expect(response.body).toMatch(/value="no" checked/);
    refuse = undefined;
  });

  it('saves a change and redirects (303) with a confirmation', async () => {
    updates.length = 0;
    const response = await client.submit(`/admin/users/${USER}`, { role: 'team-manager', active: 'yes' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/admin/users/${USER}?updated=1`);
    expect(updates).toEqual([{ role: 'team-manager', active: true }]);
    expect((await client.get(response.headers.location as string)).body).toContain('Changes saved.');
  });

  it('pages the users list with the filters kept, and explains a bad filter (400)', async () => {
    const list = await client.get('/admin/users?q=olive&role=caseworker&page=2');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Olive Officer');
    expect(list.body).toContain('href="/admin/users?q=olive&amp;role=caseworker&amp;page=3"');
    const bad = await client.get('/admin/users?role=emperor');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Select a role from the list');
  });

  it('explains bad audit dates (400) and a to date before the from date', async () => {
    const bad = await client.get(
      '/admin/audit?from-day=31&from-month=2&from-year=2026&to-day=1&to-month=1&to-year=2026',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('From date must be a real date');
    const backwards = await client.get(
      '/admin/audit?from-day=2&from-month=2&from-year=2026&to-day=1&to-month=2&to-year=2026',
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('To date must be the same as or after the from date');
    expect(backwards.body).toContain('href="#to-day"');
  });

  it('answers 403 with the GOV.UK page when the service refuses the role', async () => {
    app.signInAs(testActor('caseworker'));
    const refusing = { ...service, users: () => Promise.reject(new ForbiddenError()) };
    const other = await createRouteTestApp({
      features: [adminFeature],
      services: { admin: refusing },
      actor: testActor('caseworker'),
    });
    const response = await other.inject('/admin/users');
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('You do not have permission to see this page');
    await other.close();
    app.signInAs(testActor('administrator'));
  });
});
