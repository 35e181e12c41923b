/**
 * A plan's ceasing page on both engines, on the demo authority: a caseworker starts considering stopping the plan,
 * records the consultation and the decision (with the family's rights), an appeal, and a move to another council,
 * through the forms; each bad input answered with the GOV.UK error summary and the input kept; a decision before the
 * consultation refused with its rule. Who may read the page (casework staff), who may change it (caseworkers and team
 * managers), who may not see it at all (403), and 404 for no such plan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { DEMO_PASSWORD } from '../../demo/accounts.ts';
import { todayInLondon } from '../../platform/web/views.ts';

const dateFields = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
};

describe.each(ENGINES)("a plan's ceasing page on %s", (engine) => {
  let t: TestApp;
  let planId: string;
  let url: string;
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

  beforeAll(async () => {
    t = await createTestApp(engine, {}, { image: 'demo' });
    const row = await t.database.db
      .selectFrom('plan_review_schedule')
      .select('plan_id')
      .where('stage', '=', 'not-arranged')
      .orderBy('plan_id')
      .executeTakeFirstOrThrow();
    planId = row.plan_id;
    url = `/ceasing/plans/${planId}`;
  });
  afterAll(() => t?.close());

  it('takes a plan from considering to a decision to stop it, through the forms, with the rights', async () => {
    const cw = await as('caseworker');
    const today = todayInLondon();
    expect((await cw.get(`/reviews/plans/${planId}`)).body).toContain(`href="${url}"`);
    const page = await cw.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Start considering it');
    expect(page.body).toContain('reg 31(1)');

    const empty = await cw.submit(url, { reason: 'Kept reason text' }, `${url}/start`);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('There is a problem');
    expect(empty.body).toContain('Enter the date the council started considering it');
    expect(empty.body).toContain('href="#startedOn-day"');
    expect(empty.body).toContain('Kept reason text');
    const future = await cw.submit(
      url,
      { ...dateFields('startedOn', '2099-01-31'), reason: '' },
      `${url}/start`,
    );
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('must be today or in the past');
    expect(future.body).toContain('Say why the council is considering stopping the plan');
    expect(future.body).toContain('value="2099"');

    const started = await cw.submit(
      url,
      { ...dateFields('startedOn', today), reason: 'Needs met at the last review' },
      `${url}/start`,
    );
    expect(started.statusCode).toBe(303);
    const considering = await cw.get(url);
    expect(considering.body).toContain('Considering stopping the plan');
    const id = /\/ceasing\/([0-9a-f-]{36})\/consult/.exec(considering.body)![1]!;
    const step = (s: string) => `/ceasing/${id}/${s}`;

    const unconsulted = await cw.submit(
      url,
      { outcome: 'cease', ground: 'no-longer-necessary', ...dateFields('decisionDate', today) },
      step('decide'),
    );
    expect(unconsulted.statusCode).toBe(400);
    expect(unconsulted.body).toContain('reg 31(1)');
    expect(unconsulted.body).toContain('href="#familyConsulted-day"');
    expect(unconsulted.body).toMatch(/value="no-longer-necessary" checked/);

    const nobody = await cw.submit(url, { familyResponse: 'Kept response' }, step('consult'));
    expect(nobody.statusCode).toBe(400);
    expect(nobody.body).toContain('Enter the date the family, or the school or college, was consulted');
    expect(nobody.body).toContain('Kept response');
    const consulted = await cw.submit(
      url,
      {
        ...dateFields('familyConsulted', today),
        familyResponse: 'We agree.',
        ...dateFields('institutionConsulted', today),
        institutionResponse: 'No objection.',
      },
      step('consult'),
    );
    expect(consulted.statusCode).toBe(303);
    const decided = await cw.submit(
      url,
      { outcome: 'cease', ground: 'no-longer-necessary', ...dateFields('decisionDate', today) },
      step('decide'),
    );
    expect(decided.statusCode).toBe(303);
    const after = await cw.get(url);
    expect(after.body).toContain('Decided to stop the plan: in force while the family can appeal');
    expect(after.body).toContain('SEN2 reason 2');
    expect(after.body).toContain('data-rights-item="appeal-deadline"');
    expect(after.body).toContain('data-rights-item="sendiass"');
    expect(after.body).toContain('Record an appeal');

    const noOutcome = await cw.submit(
      url,
      { ...dateFields('appealRegistered', today), ...dateFields('appealEnded', today) },
      step('appeal'),
    );
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.body).toContain('Select how the appeal ended');
    expect((await cw.submit(url, dateFields('appealRegistered', today), step('appeal'))).statusCode).toBe(
      303,
    );
    expect((await cw.get(url)).body).toContain('in force while the appeal goes on');
  });

  it('records a move to another council, keeping the input when it is wrong', async () => {
    const manager = await as('manager');
    const today = todayInLondon();
    const bad = await manager.submit(url, { toAuthority: '', toAuthorityCode: 'AB' }, `${url}/transfer-out`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the council the child is moving to');
    expect(bad.body).toContain('The council’s code must be 3 digits');
    expect(bad.body).toContain('Enter the date the council learned of the move');
    expect(bad.body).toContain('value="AB"');
    const ok = await manager.submit(
      url,
      { toAuthority: 'Eastvale Council', toAuthorityCode: '991', ...dateFields('learnedOn', today) },
      `${url}/transfer-out`,
    );
    expect(ok.statusCode).toBe(303);
    const page = await manager.get(url);
    expect(page.body).toContain('Eastvale Council (991)');
    expect(page.body).toContain('Not sent yet');
    expect(page.body).toContain('reg 15(2)');
    expect(page.body).toContain('Tell the health commissioner');
    // the form is filled from the move on record
    expect(page.body).toContain('value="Eastvale Council"');
  });

  it('lets the SEND leader read but not change; refuses everyone else; answers 404 for no such plan', async () => {
    const leader = await as('leader');
    const read = await leader.get(url);
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain('Record a move to another council');
    expect(read.body).not.toContain('Start considering it');
    expect((await leader.submit(url, { reason: 'x' }, `${url}/start`)).statusCode).toBe(403);
    expect((await leader.submit(url, { toAuthority: 'x' }, `${url}/transfer-out`)).statusCode).toBe(403);
    for (const who of ['parent', 'youngperson', 'ep', 'senco', 'editor', 'provider', 'admin']) {
      const client = await as(who);
      expect((await client.get(url)).statusCode, who).toBe(403);
    }
    const cw = await as('caseworker');
    expect((await cw.get('/ceasing/plans/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await cw.get('/ceasing/plans/not-a-plan')).statusCode).toBe(404);
    expect(
      (await cw.submit(url, { reason: 'x' }, '/ceasing/00000000-0000-4000-8000-000000000000/consult'))
        .statusCode,
    ).toBe(404);
    const denied = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('outcome', '=', 'denied')
      .where('action', '=', 'page.denied')
      .execute();
    expect(denied.length).toBeGreaterThan(0);
  });
});
