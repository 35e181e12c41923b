/**
 * A plan's review page on both engines, on the demo authority: a caseworker sets the meeting, records the
 * invitations, the meeting, the report and the decision through the forms, each bad input answered with the GOV.UK
 * error summary and the input kept, a decision to stop the plan refused with its rule, and the decision to keep the
 * plan showing the family's rights; who may read the page (casework staff), who may change it (caseworkers and team
 * managers), and who may not see it at all.
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
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe.each(ENGINES)("a plan's reviews on %s", (engine) => {
  let t: TestApp;
  let planId: string;
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
  });
  afterAll(() => t?.close());

  it('takes a review from its meeting date to the decision through the forms, with the rights', async () => {
    const cw = await as('caseworker');
    const url = `/reviews/plans/${planId}`;
    const today = todayInLondon();
    const page = await cw.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Meeting due by');
    expect(page.body).toContain('Children and Families Act 2014');
    // the plan's own page links here
    expect((await cw.get(`/plans/${planId}`)).body).toContain(`href="${url}"`);

    const empty = await cw.submitOnce(url, { arrangedBy: 'authority' }, `${url}/schedule`);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('There is a problem');
    expect(empty.body).toContain('Enter the date of the review meeting');
    expect(empty.body).toMatch(/value="authority" checked/);
    const unreal = await cw.submitOnce(
      url,
      { 'meetingDate-day': '31', 'meetingDate-month': '2', 'meetingDate-year': '2027' },
      `${url}/schedule`,
    );
    expect(unreal.statusCode).toBe(400);
    expect(unreal.body).toContain('must be a real date');
    expect(unreal.body).toContain('value="31"');

    // a double submit of the meeting form sets up one review (the one-use form token)
    const form = TestClient.formTokensFrom((await cw.get(url)).body, `${url}/schedule`);
    const fields = { ...dateFields('meetingDate', addDays(today, 21)), arrangedBy: 'school', ...form };
    const set = await cw.post(`${url}/schedule`, fields);
    expect(set.statusCode).toBe(303);
    expect((await cw.post(`${url}/schedule`, fields)).statusCode).toBe(303);
    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('plan_review')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('plan_id', '=', planId)
            .where('held', 'is', null)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count()).toBe(1);
    const scheduled = await cw.get(url);
    expect(scheduled.body).toContain('Record the invitations');
    const reviewId = /\/reviews\/([0-9a-f-]{36})\/arrange/.exec(scheduled.body)![1]!;
    const step = (s: string) => `/reviews/${reviewId}/${s}`;

    const again = await cw.submitOnce(
      url,
      { ...dateFields('meetingDate', addDays(today, 30)) },
      `${url}/schedule`,
    );
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('already has a review that has not been held');

    const arrangeForm = TestClient.formTokensFrom((await cw.get(url)).body, step('arrange'));
    const arranged = { ...dateFields('invitationsSent', today), ...arrangeForm };
    expect((await cw.post(step('arrange'), arranged)).statusCode).toBe(303);
    // the same form again: nothing changes, and the page answers as it did the first time
    expect((await cw.post(step('arrange'), arranged)).statusCode).toBe(303);
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'review.arrange')
      .where('record_id', '=', reviewId)
      .execute();
    expect(audits).toHaveLength(1);
    const noToken = await cw.submit(url, dateFields('held', today), step('hold'));
    expect(noToken.statusCode).toBe(400);
    expect(noToken.body).toContain('This form has expired');
    const future = await cw.submitOnce(url, dateFields('held', addDays(today, 1)), step('hold'));
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('The date the meeting was held must be today or in the past');
    expect(future.body).toContain(`value="${Number(addDays(today, 1).slice(8))}"`);
    expect((await cw.submitOnce(url, dateFields('held', today), step('hold'))).statusCode).toBe(303);
    expect((await cw.submitOnce(url, dateFields('reportSent', today), step('report'))).statusCode).toBe(303);

    const noOutcome = await cw.submitOnce(url, dateFields('date', today), step('decide'));
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.body).toContain('Select whether to keep, amend or stop the plan');
    const cease = await cw.submitOnce(
      url,
      { ...dateFields('date', today), outcome: 'cease' },
      step('decide'),
    );
    expect(cease.statusCode).toBe(400);
    expect(cease.body).toContain('reg 31(1)');
    expect(
      (await cw.submitOnce(url, { ...dateFields('date', today), outcome: 'maintain' }, step('decide')))
        .statusCode,
    ).toBe(303);

    const decided = await cw.get(url);
    expect(decided.body).toContain('Decided: keep the plan as it is');
    expect(decided.body).toContain('data-rights-item="appeal-deadline"');
    expect(decided.body).toContain('data-rights-item="sendiass"');
    // the next review is now counted from the meeting held today
    expect(decided.body).toContain('Set the meeting for review');
  });

  it('records an early review request, keeping the input when it is incomplete', async () => {
    const url = `/reviews/plans/${planId}`;
    const bad = await (
      await as('manager')
    ).submitOnce(url, { reason: 'change-of-need', details: '' }, `${url}/early`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Say what has happened');
    expect(bad.body).toMatch(/value="change-of-need" checked/);
    const ok = await (
      await as('manager')
    ).submitOnce(url, { reason: 'change-of-need', details: 'New diagnosis of autism' }, `${url}/early`);
    expect(ok.statusCode).toBe(303);
    expect((await (await as('manager')).get(url)).body).toContain('New diagnosis of autism');
  });

  it('answers a transfer form with nothing in it with the error summary', async () => {
    const url = `/reviews/plans/${planId}`;
    const bad = await (await as('caseworker')).submitOnce(url, { fromAuthority: '' }, `${url}/transfer-in`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the date the old council transferred the plan');
    expect(bad.body).toContain('href="#transferredOn-day"');
    // the family told, but not whether the council proposes to reassess: refused, the input kept (reg 15(4))
    const today = todayInLondon();
    const fields = {
      fromAuthority: 'Northshire County Council',
      ...dateFields('transferredOn', addDays(today, -20)),
      ...dateFields('noticeSent', addDays(today, -2)),
    };
    const cw = await as('caseworker');
    const unsaid = await cw.submitOnce(url, fields, `${url}/transfer-in`);
    expect(unsaid.statusCode).toBe(400);
    expect(unsaid.body).toContain(
      'Select whether the council proposes to carry out a new EHC needs assessment',
    );
    expect(unsaid.body).toContain('value="Northshire County Council"');
    const saved = await cw.submitOnce(url, { ...fields, proposesReassessment: 'no' }, `${url}/transfer-in`);
    expect(saved.statusCode).toBe(303);
    const page = await cw.get(url);
    expect(page.body).toContain('The council does not propose to assess again');
    expect(page.body).toMatch(/value="no" checked/);
    // and undo it, so the plan's other tests see it as it was
    await t.database.db.deleteFrom('plan_review_transfer_in').where('plan_id', '=', planId).execute();
  });

  it('lets the SEND leader read but not change; refuses everyone else; answers 404 for no such plan', async () => {
    const url = `/reviews/plans/${planId}`;
    const leader = await as('leader');
    const read = await leader.get(url);
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain('Set the meeting date');
    const post = await leader.submitOnce(url, { reason: 'other', details: 'x' }, `${url}/early`);
    expect(post.statusCode).toBe(403);
    for (const who of ['parent', 'youngperson', 'ep', 'senco', 'editor', 'provider', 'admin']) {
      expect((await (await as(who)).get(url)).statusCode, who).toBe(403);
    }
    expect(
      (await (await as('caseworker')).get('/reviews/plans/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
    expect((await (await as('caseworker')).get('/reviews/plans/not-a-plan')).statusCode).toBe(404);
  });
});
