/**
 * Learning actions against the database, on both engines (ADR 0047): raised from a theme, from a register item and
 * from a tribunal appeal's outcome, each linked to an action in the improvement plan (every problem at once with
 * what was typed kept and nothing stored; a double submit stores one; an appeal with no outcome and another
 * authority's action refused), the audit, the leaders' list of what was learnt and where it went, and every role's
 * access.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { signedIn } from '../../../test/helpers/feature-test.ts';
import { createAuthority, createChild } from '../../../test/helpers/factories.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { dateInputValues } from '../../platform/web/forms.ts';
import { todayInLondon } from '../../platform/web/views.ts';

async function submitForm(client: TestClient, url: string, fields: Record<string, string>, twice = false) {
  const page = await client.get(url);
  const formToken = /name="formToken" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const body = { ...fields, formToken, _csrf: TestClient.csrfFrom(page.body) };
  const first = await client.post(url, body);
  return twice ? [first, await client.post(url, body)] : [first];
}

describe.each(ENGINES)('learning actions on %s', (engine) => {
  let t: TestApp;
  let la: string;
  let actionId: string;
  let otherActionId: string;
  let itemId: string;
  let decided: string;
  let open: string;
  const clients = {} as Record<Role, TestClient>;
  const today = todayInLondon();

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    la = await createAuthority(db, '903');
    const other = await createAuthority(db, '904');
    for (const role of [
      'caseworker',
      'team-manager',
      'send-leader',
      'professional',
      'parent',
      'young-person',
      'administrator',
    ] as const) {
      clients[role] = (await signedIn(t, la, role)).client;
    }
    const plan = async (laCode: string) =>
      (
        await db
          .insertInto('improvement_plan')
          .values({ la_code: laCode, kind: 'priority-action-plan', title: `Priority action plan ${laCode}` })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const action = async (laCode: string, planId: string, ref: string, text: string) =>
      (
        await db
          .insertInto('improvement_action')
          .values({
            la_code: laCode,
            plan_id: planId,
            ref,
            action: text,
            initial_status: 'on-track',
            status: 'on-track',
            position: 1,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    actionId = await action(la, await plan(la), '2.3', 'Answer every family within ten working days');
    otherActionId = await action(other, await plan(other), '9.9', 'Another council’s action');
    const child = (await createChild(db, la, { givenName: 'Eve', familyName: 'Fairley' })).id;
    const [item] = await submitForm(clients.caseworker, '/register/new', {
      kind: 'complaint',
      channel: 'phone',
      ...dateInputValues('receivedOn', today),
      raiserName: 'A parent',
      summary: 'Nobody called back',
      themes: 'communication',
    });
    itemId = String(item!.headers.location).split('/')[2]!.split('?')[0]!;
    const disagreement = async (outcome: 'allowed' | null) =>
      (
        await db
          .insertInto('disagreement')
          .values({
            la_code: la,
            child_id: child,
            decision_kind: 'not-to-assess',
            decision_sent: '2026-01-05',
            ...(outcome
              ? {
                  appeal_registered_on: '2026-02-10',
                  ground: 'refusal-to-assess' as const,
                  outcome,
                  decided_on: '2026-05-01',
                }
              : {}),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    decided = await disagreement('allowed');
    open = await disagreement(null);
  });
  afterAll(() => t?.close());

  const count = async () =>
    (await t.database.db.selectFrom('register_learning').select('id').execute()).length;

  it('refuses a learning action with every problem, keeps what was typed, stores nothing', async () => {
    const [r] = await submitForm(clients['send-leader'], '/register/learning/new', {
      learnt: 'Typed and kept',
    });
    expect(r!.statusCode).toBe(400);
    expect(r!.body).toContain('Select the theme it was learnt from');
    expect(r!.body).toContain('Select the action in the improvement plan that takes it on');
    expect(r!.body).toContain('Typed and kept');
    const [other] = await submitForm(clients['send-leader'], '/register/learning/new', {
      theme: 'communication',
      learnt: 'x',
      actionId: otherActionId,
    });
    expect(other!.statusCode).toBe(400);
    expect(other!.body).toContain('Select the action in the improvement plan that takes it on');
    expect(await count()).toBe(0);
  });

  it('raises one from a theme once on a double submit, audited, and lists it with where it went', async () => {
    const [first, second] = await submitForm(
      clients['send-leader'],
      '/register/learning/new',
      { theme: 'communication', learnt: 'Families wait too long for a call back', actionId },
      true,
    );
    expect(first!.statusCode).toBe(303);
    expect(second!.statusCode).toBe(303);
    expect(await count()).toBe(1);
    const row = await t.database.db.selectFrom('register_learning').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ source: 'theme', theme: 'communication', improvement_action_id: actionId });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'register.learning.create')
      .execute();
    expect(audit).toHaveLength(1);
    const list = await clients['team-manager'].get('/register/learning');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Theme: Communication');
    expect(list.body).toContain('2.3: Answer every family within ten working days');
    expect(list.body).toContain(`/improvement/actions/${actionId}`);
  });

  it('raises one from a register item and from an appeal with an outcome; not from an appeal still open', async () => {
    const [fromItem] = await submitForm(clients['team-manager'], `/register/learning/new?item=${itemId}`, {
      learnt: 'Call-backs were not logged',
      actionId,
    });
    expect(fromItem!.statusCode).toBe(303);
    const [fromAppeal] = await submitForm(
      clients['team-manager'],
      `/register/learning/new?appeal=${decided}`,
      {
        learnt: 'Refusals to assess did not weigh the school’s evidence',
        actionId,
      },
    );
    expect(fromAppeal!.statusCode).toBe(303);
    expect((await clients['team-manager'].get(`/register/learning/new?appeal=${open}`)).statusCode).toBe(404);
    const rows = await t.database.db
      .selectFrom('register_learning')
      .select(['source', 'item_id', 'disagreement_id'])
      .orderBy('source')
      .execute();
    expect(rows).toEqual([
      { source: 'item', item_id: itemId, disagreement_id: null },
      { source: 'theme', item_id: null, disagreement_id: null },
      { source: 'tribunal', item_id: null, disagreement_id: decided },
    ]);
    const list = await clients['send-leader'].get('/register/learning');
    expect(list.body).toContain('Complaint FR-00001');
    expect(list.body).toContain('Tribunal: Appeal allowed (1 May 2026)');
    expect(list.body).toContain(`/tribunal/${decided}`);
  });

  it('the improvement plan action lists the learning sent to it, for those who read learning actions only', async () => {
    const page = await clients['send-leader'].get(`/improvement/actions/${actionId}`);
    expect(page.statusCode).toBe(200);
    const body = page.body.replace(/&#39;|&rsquo;|’/g, "'");
    expect(body).toContain('Learning sent to this action');
    for (const text of [
      'Families wait too long for a call back',
      'Theme: Communication',
      'Call-backs were not logged',
      'Complaint FR-00001',
      "Refusals to assess did not weigh the school's evidence",
      'Tribunal: Appeal allowed (1 May 2026)',
    ])
      expect(body).toContain(text);
    expect((body.match(/Learnt from /g) ?? []).length).toBe(3);
    const read = await t.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'register.learning.read')
      .execute();
    expect(read.some((r) => JSON.stringify(r.detail).includes(actionId))).toBe(true);
    const caseworker = await clients.caseworker.get(`/improvement/actions/${actionId}`);
    expect(caseworker.statusCode).toBe(200);
    expect(caseworker.body).not.toContain('Learning sent to this action');
    expect(caseworker.body).not.toContain('Families wait too long for a call back');
  });

  it('every role: team managers and SEND leaders, 403 for the rest', async () => {
    const leaders: readonly Role[] = ['team-manager', 'send-leader'];
    for (const url of [
      '/register/learning',
      '/register/learning/new',
      `/register/learning/new?item=${itemId}`,
    ])
      for (const role of Object.keys(clients) as Role[]) {
        const response = await clients[role].get(url);
        expect([url, role, response.statusCode]).toEqual([url, role, leaders.includes(role) ? 200 : 403]);
      }
    expect((await new TestClient(t.app).get('/register/learning')).statusCode).toBe(302);
  });
});
