/**
 * The review backlog page and the caseworker's "reviews due this week and overdue", on both engines, on the demo
 * authority: who may see them (casework staff) and who may not (families, professionals, schools, Local Offer staff,
 * the administrator), the ranking shown with its reasons, the filters, paging, bad query strings, and the audit of
 * the children listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { DEMO_PASSWORD } from '../../demo/accounts.ts';
import { todayInLondon } from '../../platform/web/views.ts';

describe.each(ENGINES)('the review backlog on %s', (engine) => {
  let t: TestApp;
  const signedIn = new Map<string, TestClient>();
  const as = async (who: string) => {
    let client = signedIn.get(who);
    if (!client) {
      client = new TestClient(t.app);
      await client.signIn(`${who}@demo.example`, DEMO_PASSWORD);
      signedIn.set(who, client);
    }
    return client;
  };
  const horizon = () => {
    const d = new Date(`${todayInLondon()}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 56);
    return d.toISOString().slice(0, 10);
  };
  const inBacklog = () =>
    t.database.db.selectFrom('plan_review_schedule').selectAll().where('next_due', '<=', horizon()).execute();

  beforeAll(async () => {
    t = await createTestApp(engine, {}, { image: 'demo' });
  });
  afterAll(() => t?.close());

  it('shows casework staff every plan due or overdue, ranked, each with why, 25 to a page', async () => {
    const rows = await inBacklog();
    expect(rows.length).toBeGreaterThan(25);
    for (const who of ['caseworker', 'manager', 'leader']) {
      const page = await (await as(who)).get('/reviews');
      expect(page.statusCode, who).toBe(200);
      expect(page.body).toContain('<h1 class="govuk-heading-l">Reviews due and overdue</h1>');
      expect(page.body).toContain(`${rows.length} plans`);
      expect(page.body).toContain('Why it ranks here');
      expect(page.body).toMatch(/Review \d+ days? overdue|Review due in \d+ days?/);
      expect(page.body.match(/<tr class="govuk-table__row">/g)?.length).toBe(26); // header + 25
      expect(page.body).toContain('href="/reviews?page=2"');
    }
    const second = await (await as('caseworker')).get('/reviews?page=2');
    expect(second.body).toMatch(/>26<\/td>/);
  });

  it('filters by officer, school and stage, keeping the filters when paging', async () => {
    const rows = await inBacklog();
    const officer = rows.find((r) => r.officer_id)!.officer_id!;
    const mine = rows.filter((r) => r.officer_id === officer).length;
    const page = await (await as('manager')).get(`/reviews?officer=${officer}`);
    expect(page.body).toContain(`${mine} ${mine === 1 ? 'plan' : 'plans'}`);
    expect(page.body).toContain(`<option value="${officer}" selected>`);
    const setting = rows.find((r) => r.setting_id)!;
    const atSchool = rows.filter((r) => r.setting_id === setting.setting_id).length;
    const school = await (await as('manager')).get(`/reviews?school=${setting.setting_id}`);
    expect(school.body).toContain(`${atSchool} ${atSchool === 1 ? 'plan' : 'plans'}`);
    const notArranged = rows.filter((r) => r.stage === 'not-arranged').length;
    const stage = await (await as('manager')).get('/reviews?stage=not-arranged');
    expect(stage.body).toContain(`${notArranged} ${notArranged === 1 ? 'plan' : 'plans'}`);
    expect(stage.body).not.toMatch(/<td class="govuk-table__cell">(Meeting date set|Invitations sent)<\/td>/);
  });

  it('answers a broken query string with the whole backlog, never an error', async () => {
    const rows = await inBacklog();
    const page = await (
      await as('caseworker')
    ).get('/reviews?officer=nope&school=12345&stage=bogus&page=abc');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`${rows.length} plans`);
  });

  it('refuses families, professionals, schools, Local Offer staff and the administrator', async () => {
    for (const who of ['parent', 'youngperson', 'ep', 'health', 'senco', 'editor', 'provider', 'admin']) {
      const page = await (await as(who)).get('/reviews');
      expect(page.statusCode, who).toBe(403);
      expect(page.body, who).not.toContain('Why it ranks here');
    }
  });

  it('audits which children the backlog showed', async () => {
    await (await as('leader')).get('/reviews');
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', '=', 'review.backlog.read')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect((entry.detail as { children: string[] }).children).toHaveLength(25);
  });

  it("gives a caseworker's first screen their reviews due this week and overdue", async () => {
    const home = await (await as('caseworker')).get('/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Reviews due this week and overdue');
    expect(home.body).toMatch(
      /\d+ reviews? overdue and \d+ due in the next 7 days on your plans|None of your plans/,
    );
    expect(home.body).toContain('See all reviews due and overdue, ranked');
  });

  it('counts the overdue and this week reviews over every schedule row (the counts read only those rows)', async () => {
    const today = todayInLondon();
    const week = new Date(`${today}T00:00:00Z`);
    week.setUTCDate(week.getUTCDate() + 6);
    const lastDay = week.toISOString().slice(0, 10);
    const all = await t.database.db.selectFrom('plan_review_schedule').selectAll().execute();
    const caseworker = await t.database.db
      .selectFrom('app_user')
      .select(['id', 'la_code', 'email', 'role', 'team_id'])
      .where('email', '=', 'caseworker@demo.example')
      .executeTakeFirstOrThrow();
    const expected = (rows: typeof all) => ({
      overdue: rows.filter((r) => r.next_due < today).length,
      thisWeek: rows.filter((r) => r.next_due >= today && r.next_due <= lastDay).length,
    });
    const actor = {
      laCode: caseworker.la_code,
      userId: caseworker.id,
      sessionId: 'test',
      email: caseworker.email,
      displayName: 'Caseworker',
      role: caseworker.role,
      teamId: caseworker.team_id,
      jobTitle: null,
      ip: null,
    };
    const mine = expected(all.filter((r) => r.officer_id === caseworker.id));
    expect(mine.overdue + mine.thisWeek).toBeGreaterThan(0);
    const counted = await t.services.reviews.dueThisWeek(actor);
    expect({ overdue: counted.overdue, thisWeek: counted.thisWeek }).toEqual(mine);
    const everyone = await t.services.reviews.dueThisWeek({ ...actor, role: 'send-leader' });
    expect({ overdue: everyone.overdue, thisWeek: everyone.thisWeek }).toEqual(expected(all));
  });
});
