/**
 * Who may do what with the improvement plan, for every role, including what each must not do. Reading: every staff
 * and partner role; managing (import, export, report packs, publishing): SEND leaders and team managers; posting an
 * update: the action's own officers and managers; the families' page: everyone. Denials answer 403 (404 for another
 * authority's records) and are audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { createAuthority, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { paths } from '../../platform/web/paths.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { seedImprovementDemo } from './demo.ts';

type Who =
  | 'caseworker'
  | 'owner'
  | 'manager'
  | 'leader'
  | 'professional'
  | 'parent'
  | 'youngPerson'
  | 'editor'
  | 'admin'
  | 'otherLeader';

describe.each(ENGINES)('improvement plan access on %s', (engine) => {
  let t: TestApp;
  let planId: string;
  let reportId: string;
  let ownedAction: string;
  let otherAction: string;
  const users = {} as Record<Who, { id: string; email: string }>;
  const clients = {} as Record<Who | 'visitor', TestClient>;
  const today = todayInLondon();

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    await createAuthority(db, '901');
    await createAuthority(db, '902');
    const roles: Array<[Who, Role, string?]> = [
      ['caseworker', 'caseworker'],
      ['owner', 'caseworker'],
      ['manager', 'team-manager', 'manager@demo.example'],
      ['leader', 'send-leader', 'leader@demo.example'],
      ['professional', 'professional'],
      ['parent', 'parent'],
      ['youngPerson', 'young-person'],
      ['editor', 'local-offer-editor'],
      ['admin', 'administrator'],
    ];
    for (const [who, role, email] of roles)
      users[who] = await createUser(db, '901', role, email ? { email } : {});
    users.otherLeader = await createUser(db, '902', 'send-leader');
    planId = await db.transaction().execute((trx) => seedImprovementDemo(trx, { laCode: '901', today }));
    const action = async (ref: string) =>
      (
        await db
          .selectFrom('improvement_action')
          .select('id')
          .where('la_code', '=', '901')
          .where('ref', '=', ref)
          .executeTakeFirstOrThrow()
      ).id;
    ownedAction = await action('5 C');
    otherAction = await action('5 D');
    await db
      .updateTable('improvement_action_owner')
      .set({ user_id: users.owner.id })
      .where('la_code', '=', '901')
      .where('action_id', '=', ownedAction)
      .execute();
    await db
      .updateTable('improvement_action_owner')
      .set({ user_id: null })
      .where('la_code', '=', '901')
      .where('action_id', '=', otherAction)
      .execute();
    reportId = (
      await db
        .selectFrom('improvement_report')
        .select('id')
        .where('la_code', '=', '901')
        .where('plan_id', '=', planId)
        .executeTakeFirstOrThrow()
    ).id;
    for (const who of Object.keys(users) as Who[]) {
      clients[who] = new TestClient(t.app);
      await clients[who].signIn(users[who].email, TEST_PASSWORD);
    }
    clients.visitor = new TestClient(t.app);
  });
  afterAll(() => t?.close());

  const readers: Who[] = ['caseworker', 'owner', 'manager', 'leader', 'professional', 'editor', 'admin'];
  const families: Who[] = ['parent', 'youngPerson'];
  const managers: Who[] = ['manager', 'leader'];
  const everyone: Who[] = [...readers, ...families, 'otherLeader'];

  const readPages = () => [
    paths.improvement.index,
    paths.improvement.myActions,
    paths.improvement.plan(planId),
    paths.improvement.actions(planId),
    paths.improvement.flags(planId),
    paths.improvement.timeline(planId),
    paths.improvement.changes(planId),
    paths.improvement.governance(planId),
    paths.improvement.reports(planId),
    paths.improvement.report(planId, reportId),
    paths.improvement.reportDocx(planId, reportId),
    paths.improvement.action(otherAction),
  ];

  it('lets every staff and partner role read the plan, and refuses families with 403', async () => {
    for (const who of everyone) {
      for (const url of readPages()) {
        const status = (await clients[who].get(url)).statusCode;
        const planScoped = url !== paths.improvement.index && url !== paths.improvement.myActions;
        const expected = families.includes(who) ? 403 : who === 'otherLeader' && planScoped ? 404 : 200;
        expect(status, `${who} ${url}`).toBe(expected);
      }
    }
  });

  it('shows the menu item to readers only', async () => {
    for (const who of everyone) {
      const home = await clients[who].get('/');
      const shown = home.body.includes(`href="${paths.improvement.index}"`);
      expect(shown, who).toBe(!families.includes(who));
    }
  });

  it('lets only SEND leaders and team managers import, export, make report packs and publish', async () => {
    for (const who of [...readers, ...families]) {
      const allowed = managers.includes(who);
      const c = clients[who];
      expect((await c.get(paths.improvement.import)).statusCode, `${who} import`).toBe(allowed ? 200 : 403);
      expect((await c.get(paths.improvement.export(planId))).statusCode, `${who} export`).toBe(
        allowed ? 200 : 403,
      );
      const token = TestClient.csrfFrom((await c.get('/')).body);
      const preview = await c.post(paths.improvement.import, {
        _csrf: token,
        title: `Plan by ${who}`,
        kind: 'send-strategy',
        csv: 'ref,action\n1 A,Do it',
      });
      expect(preview.statusCode, `${who} preview`).toBe(allowed ? 200 : 403);
      const confirm = await c.post(paths.improvement.importConfirm, {
        _csrf: token,
        title: `Plan by ${who}`,
        kind: 'send-strategy',
        csv: 'ref,action\n1 A,Do it',
      });
      expect(confirm.statusCode, `${who} confirm`).toBe(allowed ? 303 : 403);
      const report = await c.post(paths.improvement.reports(planId), {
        _csrf: token,
        'meetingDate-day': '1',
        'meetingDate-month': '1',
        'meetingDate-year': '2026',
        audience: 'families',
      });
      expect(report.statusCode, `${who} report`).toBe(allowed ? 303 : 403);
      const invalidReport = await c.post(paths.improvement.reports(planId), { _csrf: token });
      expect(invalidReport.statusCode, `${who} invalid report`).toBe(allowed ? 400 : 403);
      const publish = await c.post(paths.improvement.publish(planId), { _csrf: token, published: 'yes' });
      expect(publish.statusCode, `${who} publish`).toBe(allowed ? 303 : 403);
    }
    const plans = await t.database.db
      .selectFrom('improvement_plan')
      .select('title')
      .where('la_code', '=', '901')
      .orderBy('title')
      .execute();
    expect(plans.map((p) => p.title)).toEqual([
      'Plan by leader',
      'Plan by manager',
      'Written statement of action',
    ]);
  });

  it("lets an action's own officer and managers post updates, and no one else", async () => {
    const update = (body: string) => ({
      'date-day': today.slice(8, 10),
      'date-month': today.slice(5, 7),
      'date-year': today.slice(0, 4),
      status: 'on-track',
      body,
      evidenceKind: 'none',
    });
    const expectations: Array<[Who, string, number]> = [
      ['owner', ownedAction, 303],
      ['owner', otherAction, 403],
      ['caseworker', ownedAction, 403],
      ['professional', ownedAction, 403],
      ['editor', ownedAction, 403],
      ['admin', ownedAction, 403],
      ['parent', ownedAction, 403],
      ['youngPerson', ownedAction, 403],
      ['manager', otherAction, 303],
      ['leader', otherAction, 303],
      ['otherLeader', ownedAction, 404],
    ];
    for (const [who, id, expected] of expectations) {
      const c = clients[who];
      const token = TestClient.csrfFrom((await c.get('/')).body);
      const response = await c.post(paths.improvement.action(id), { ...update(`by ${who}`), _csrf: token });
      expect(response.statusCode, `${who} on ${id === ownedAction ? 'owned' : 'other'}`).toBe(expected);
    }
    const page = await clients.owner.get(paths.improvement.action(ownedAction));
    expect(page.body).toContain('Post an update');
    const notOwned = await clients.owner.get(paths.improvement.action(otherAction));
    expect(notOwned.body).not.toContain('Post an update');
    expect(notOwned.body).toMatch(/Only the action(&#39;|')s accountable officers/);
    const bodies = await t.database.db
      .selectFrom('improvement_update')
      .select('body')
      .where('la_code', '=', '901')
      .where('body', 'like', 'by %')
      .orderBy('body')
      .execute();
    expect(bodies.map((b) => b.body)).toEqual(['by leader', 'by manager', 'by owner']);
    const mine = await clients.owner.get(paths.improvement.myActions);
    expect(mine.body).toContain('>5 C<');
  });

  it('audits denials', async () => {
    const denied = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'record_id'])
      .where('la_code', '=', '901')
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.some((d) => d.action === 'improvement.update.denied' && d.record_id === ownedAction)).toBe(
      true,
    );
    // Role refusals are answered by the route's declared roles, named by the route's pattern.
    expect(denied.some((d) => d.action === 'page.denied' && d.record_id === paths.improvement.import)).toBe(
      true,
    );
    expect(denied.some((d) => d.action === 'page.denied' && d.record_id === paths.improvement.index)).toBe(
      true,
    );
  });

  it("shows the families' page to everyone, signed in or not", async () => {
    for (const who of [...everyone, 'visitor' as const]) {
      const page = await clients[who].get(paths.improvement.public('901'));
      expect(page.statusCode, who).toBe(200);
    }
    expect((await clients.visitor.get(paths.improvement.public('902'))).statusCode).toBe(404);
  });
});
