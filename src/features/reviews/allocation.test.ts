/**
 * Allocating reviews from the backlog (issue 12 item 6, ADR 0020), on both engines, on the demo authority: a team
 * manager ticks rows and names an officer, in one audited transaction that names the child's lead officer and
 * refreshes the schedule (the backlog's officer column and filter show it at once); every bad input answers the GOV.UK
 * error summary with the input kept and writes nothing; everyone else is refused. And the reviews each officer holds,
 * counted for the team's caseload view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { actorFor } from '../../../test/helpers/factories.ts';
import { DEMO_LA_CODE, DEMO_PASSWORD } from '../../demo/accounts.ts';
import { todayInLondon } from '../../platform/web/views.ts';

describe.each(ENGINES)('allocating reviews on %s', (engine) => {
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
  const db = () => t.database.db;
  const horizon = () => {
    const d = new Date(`${todayInLondon()}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 56);
    return d.toISOString().slice(0, 10);
  };
  const backlog = () =>
    db()
      .selectFrom('plan_review_schedule')
      .selectAll()
      .where('next_due', '<=', horizon())
      .orderBy('plan_id')
      .execute();
  const officers = () =>
    db()
      .selectFrom('app_user')
      .select(['id', 'display_name', 'email'])
      .where('la_code', '=', DEMO_LA_CODE)
      .where('role', 'in', ['caseworker', 'team-manager'])
      .where('active', '=', true)
      .orderBy('email')
      .execute();
  const allocations = async () =>
    Number(
      (
        await db()
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('action', '=', 'review.allocate')
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(engine, {}, { image: 'demo' });
  });
  afterAll(() => t?.close());

  it('offers team managers a tick box on each row and the officer to allocate to; no one else', async () => {
    const page = await (await as('manager')).get('/reviews');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('action="/reviews/allocate"');
    expect(page.body.match(/name="plans"/g)).toHaveLength(25);
    expect(page.body).toContain('Allocate the selected reviews');
    for (const who of ['caseworker', 'leader']) {
      const other = await (await as(who)).get('/reviews');
      expect(other.statusCode, who).toBe(200);
      expect(other.body, who).not.toContain('action="/reviews/allocate"');
      expect(other.body, who).not.toContain('name="plans"');
    }
  });

  it('allocates the selected rows in one audited change: the officer column, filter and history show it', async () => {
    const rows = await backlog();
    const all = await officers();
    // two rows whose officer is not yet the one we allocate to
    const to = all.find((o) => o.email === 'caseworker2@demo.example') ?? all[1]!;
    const chosen = rows.filter((r) => r.officer_id !== to.id).slice(0, 2);
    const auditsBefore = await allocations();
    const manager = await as('manager');
    const done = await manager.submit(
      '/reviews?stage=not-arranged',
      { plans: chosen.map((r) => r.plan_id), allocateTo: to.id, stage: 'not-arranged' },
      '/reviews/allocate',
    );
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/reviews?stage=not-arranged&allocated=2');
    const banner = await manager.get(done.headers.location as string);
    expect(banner.body).toContain('2 reviews allocated');

    // the child's lead officer, the schedule row (same transaction), the history and the audit
    const children = await db()
      .selectFrom('child')
      .select(['id', 'lead_officer_id'])
      .where(
        'id',
        'in',
        chosen.map((r) => r.child_id),
      )
      .execute();
    expect(children.every((c) => c.lead_officer_id === to.id)).toBe(true);
    const after = await db()
      .selectFrom('plan_review_schedule')
      .select(['plan_id', 'officer_id'])
      .where(
        'plan_id',
        'in',
        chosen.map((r) => r.plan_id),
      )
      .execute();
    expect(after.every((r) => r.officer_id === to.id)).toBe(true);
    expect(await allocations()).toBe(auditsBefore + 2);
    const events = await db()
      .selectFrom('case_event')
      .select(['child_id', 'summary'])
      .where('kind', '=', 'review.allocated')
      .where(
        'child_id',
        'in',
        chosen.map((r) => r.child_id),
      )
      .execute();
    expect(events).toHaveLength(2);
    expect(events[0]!.summary).toContain(to.display_name);

    // the backlog filtered by that officer lists them, with the officer's name in the column
    const filtered = await manager.get(`/reviews?officer=${to.id}`);
    const mine = (await backlog()).filter((r) => r.officer_id === to.id).length;
    expect(filtered.body).toContain(`${mine} ${mine === 1 ? 'plan' : 'plans'}`);
    expect(filtered.body).toContain(`<td class="govuk-table__cell">${to.display_name}</td>`);

    // allocating the same rows to the same officer again changes nothing and audits nothing more
    const again = await manager.submit(
      '/reviews',
      { plans: chosen.map((r) => r.plan_id), allocateTo: to.id },
      '/reviews/allocate',
    );
    expect(again.statusCode).toBe(303);
    expect(await allocations()).toBe(auditsBefore + 2);
  });

  it('shows each bad input in the error summary, with the input kept, and writes nothing', async () => {
    const rows = await backlog();
    const [to] = await officers();
    const manager = await as('manager');
    const before = await allocations();

    const none = await manager.submit('/reviews', { allocateTo: to!.id }, '/reviews/allocate');
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('govuk-error-summary');
    expect(none.body).toContain('Select at least one review to allocate');
    expect(none.body).toContain('href="#plans"');
    expect(none.body).toContain(`<option value="${to!.id}" selected>`);

    const first = rows[0]!;
    const noOfficer = await manager.submit('/reviews', { plans: [first.plan_id] }, '/reviews/allocate');
    expect(noOfficer.statusCode).toBe(400);
    expect(noOfficer.body).toContain('Select the officer to allocate the reviews to');
    expect(noOfficer.body).toContain('href="#allocateTo"');

    const both = await manager.submit('/reviews', {}, '/reviews/allocate');
    expect(both.statusCode).toBe(400);
    expect(both.body).toContain('href="#plans"');
    expect(both.body).toContain('href="#allocateTo"');

    const forged = await manager.submit(
      '/reviews',
      { plans: ['00000000-0000-4000-8000-000000000000', 'nonsense'], allocateTo: to!.id },
      '/reviews/allocate',
    );
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain('Select reviews from the list');

    const leaver = await manager.submit(
      '/reviews',
      { plans: [first.plan_id], allocateTo: '00000000-0000-4000-8000-000000000000' },
      '/reviews/allocate',
    );
    expect(leaver.statusCode).toBe(400);
    expect(leaver.body).toContain('Select the officer to allocate the reviews to');
    expect(await allocations()).toBe(before);
  });

  it('keeps the ticked rows ticked when the officer is missing', async () => {
    const page = await (await as('manager')).get('/reviews');
    const plan = /name="plans" type="checkbox" value="([^"]+)"/.exec(page.body)![1]!;
    const again = await (await as('manager')).submit('/reviews', { plans: [plan] }, '/reviews/allocate');
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain(`value="${plan}" checked`);
  });

  it('refuses caseworkers, the SEND leader and everyone outside casework (403, nothing written)', async () => {
    const rows = await backlog();
    const [to] = await officers();
    const before = await allocations();
    for (const who of ['caseworker', 'leader', 'parent', 'youngperson', 'ep', 'senco', 'editor', 'admin']) {
      const client = await as(who);
      const home = await client.get('/');
      const refused = await client.post('/reviews/allocate', {
        plans: [rows[0]!.plan_id],
        allocateTo: to!.id,
        _csrf: TestClient.csrfFrom(home.body),
      });
      expect(refused.statusCode, who).toBe(403);
    }
    expect(await allocations()).toBe(before);
  });

  it("counts each officer's reviews due and overdue for the team's caseload view", async () => {
    const rows = await backlog();
    const today = todayInLondon();
    const manager = await db()
      .selectFrom('app_user')
      .select(['id', 'email', 'role', 'team_id'])
      .where('email', '=', 'manager@demo.example')
      .executeTakeFirstOrThrow();
    const actor = actorFor({ ...manager, laCode: DEMO_LA_CODE }, manager.team_id);
    const loads = await t.services.reviews.caseloads(actor);
    const officer = rows.find((r) => r.officer_id)!.officer_id!;
    const theirs = rows.filter((r) => r.officer_id === officer);
    expect(loads.get(officer)).toEqual({
      due: theirs.length,
      overdue: theirs.filter((r) => r.next_due < today).length,
    });
    const total = [...loads.values()].reduce((n, l) => n + l.due, 0);
    expect(total).toBe(rows.filter((r) => r.officer_id).length);
    // Given officers (the manager's home passes the team's), only theirs, counted the same
    const only = await t.services.reviews.caseloads(actor, [officer]);
    expect([...only.entries()]).toEqual([[officer, loads.get(officer)]]);
    expect((await t.services.reviews.caseloads(actor, [])).size).toBe(0);
  });

  it("shows the team's caseloads with each officer's reviews as well as assessments, on the manager's home", async () => {
    const home = await (await as('manager')).get('/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Open assessments');
    expect(home.body).toContain('Reviews due or overdue');
    const rows = await backlog();
    const listed = [...home.body.matchAll(/href="\/reviews\?officer=([0-9a-f-]+)">(\d+)</g)];
    expect(listed.length).toBeGreaterThan(0);
    for (const [, officer, n] of listed)
      expect(Number(n), officer).toBe(rows.filter((r) => r.officer_id === officer).length);
    expect(listed.some(([, , n]) => Number(n) > 0)).toBe(true);
  });
});
