/**
 * The amendments pages on both engines, on the demo authority: a caseworker starts an amendment of the demo parent's
 * child's plan, sends the proposal (refused with no change, with no date), the parent reads the notice and comments
 * on the proposal and asks for a meeting (recorded once, the officer emailed, the meeting recorded held), the amended
 * plan is refused inside the 15 days; each bad input answered with the GOV.UK error
 * summary and the input kept; who may read (casework staff; the notice: the child's family and advisers), who may change
 * (caseworkers and team managers), and who is refused (403) or told nothing (404).
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

describe.each(ENGINES)('amendment pages on %s', (engine) => {
  let t: TestApp;
  let planId: string;
  let otherPlanId: string;
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
  /** GETs the page, then POSTs the fields with its CSRF token and its one-use formToken. */
  const submit = async (client: TestClient, page: string, fields: Record<string, string>, action: string) => {
    const body = (await client.get(page)).body;
    const formToken = /name="formToken" value="([^"]+)"/.exec(body)?.[1] ?? '';
    return client.post(action, { ...fields, formToken, _csrf: TestClient.csrfFrom(body) });
  };

  beforeAll(async () => {
    t = await createTestApp(engine, {}, { image: 'demo' });
    const db = t.database.db;
    const parent = await db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', 'parent@demo.example')
      .executeTakeFirstOrThrow();
    const plan = await db
      .selectFrom('ehc_plan as p')
      .innerJoin('access_grant as g', (j) => j.onRef('g.child_id', '=', 'p.child_id'))
      .select('p.id')
      .where('g.user_id', '=', parent.id)
      .where('g.revoked_at', 'is', null)
      .where('p.status', '!=', 'draft')
      .executeTakeFirstOrThrow();
    planId = plan.id;
    const other = await db
      .selectFrom('ehc_plan')
      .select('id')
      .where('status', '=', 'final')
      .where('id', '!=', planId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    otherPlanId = other.id;
  });
  afterAll(() => t?.close());

  it('starts an amendment, sends the proposal, and shows the family its notice and the comment form', async () => {
    const cw = await as('caseworker');
    const url = `/amendments/plans/${planId}`;
    const today = todayInLondon();
    const page = await cw.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Start an amendment');
    expect(page.body).toContain('never moves the next annual review');

    const none = await submit(cw, url, { details: 'kept words' }, `${url}/start`);
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('There is a problem');
    expect(none.body).toContain('Select why the plan is being amended');
    expect(none.body).toContain('kept words');
    const short = await submit(cw, url, { trigger: 'change-of-need', details: 'too short' }, `${url}/start`);
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('at least 20 characters');
    expect(short.body).toMatch(/value="change-of-need" checked/);
    const started = await submit(
      cw,
      url,
      { trigger: 'change-of-need', details: 'New assessment of speech and language needs this term' },
      `${url}/start`,
    );
    expect(started.statusCode).toBe(303);
    const preparing = await cw.get(url);
    expect(preparing.body).toContain('Preparing the proposal');
    expect(preparing.body).toContain('No changes yet');
    const amendmentId = /\/amendments\/([0-9a-f-]{36})\/proposal/.exec(preparing.body)![1]!;
    const step = (s: string) => `/amendments/${amendmentId}/${s}`;

    const noDate = await submit(cw, url, {}, step('proposal'));
    expect(noDate.statusCode).toBe(400);
    expect(noDate.body).toContain('Enter the date the proposal was sent');
    // six step forms on the page each have a date: the summary links to the proposal's own inputs
    expect(noDate.body).toContain('href="#proposal-date-day"');
    expect(noDate.body).toContain('id="proposal-date-day"');
    expect(noDate.body).not.toContain('id="date-day"');
    const noChange = await submit(cw, url, dateFields('date', today), step('proposal'));
    expect(noChange.statusCode).toBe(400);
    expect(noChange.body).toContain('no proposed changes');
    expect(noChange.body).toContain(`value="${Number(today.slice(8))}"`);

    // the proposed change, made in the working copy (test set-up writes the row)
    const db = t.database.db;
    const item = await db
      .selectFrom('ehc_plan_item')
      .select('id')
      .where('plan_id', '=', planId)
      .where('section', 'in', ['F', 'B', 'E'])
      .orderBy('section', 'desc')
      .orderBy('position')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('ehc_plan_item')
      .set({
        text: 'Proposed: small-group literacy support, 30 minutes daily, by a trained teaching assistant',
      })
      .where('id', '=', item.id)
      .execute();
    const withChange = await cw.get(url);
    expect(withChange.body).toContain('1 changed');
    expect(withChange.body).toContain('<ins>Proposed: small-group literacy support');
    expect((await submit(cw, url, dateFields('date', today), step('proposal'))).statusCode).toBe(303);
    const sent = await cw.get(url);
    expect(sent.body).toContain('Proposal sent: family commenting');
    expect(sent.body).toContain('data-step="comments"');
    expect(sent.body).toContain('reg 22(2)(c)');

    // inside the 15 days: refused with the rule, the date kept
    const early = await submit(cw, url, dateFields('date', today), step('issue'));
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('cannot be issued before');
    const noReasons = await submit(cw, url, { reasons: 'short' }, step('not-to-amend'));
    expect(noReasons.statusCode).toBe(400);
    expect(noReasons.body).toContain('Enter the date the decision was sent');
    expect(noReasons.body).toContain('Give the reasons');
    expect(noReasons.body).toContain('>short</textarea>');

    // the family asks for a school: the demo plans were made with no assessment on record, and the setting is
    // consulted all the same (ADR 0032); the page lists it with a link to the consultation
    const noSetting = await submit(cw, url, dateFields('date', today), step('school'));
    expect(noSetting.statusCode).toBe(400);
    expect(noSetting.body).toContain('Choose the school, college or setting the family asked for');
    const settingId = /id="settingId"[\s\S]*?<option value="([0-9a-f-]{36})"/.exec(sent.body)?.[1] ?? '';
    const asked = await submit(cw, url, { settingId, ...dateFields('date', today) }, step('school'));
    expect(asked.statusCode).toBe(303);
    const consulting = await cw.get(url);
    expect(consulting.body).toContain('data-placement');
    expect(consulting.body).toMatch(/href="\/consultations\/[0-9a-f-]{36}"/);
    expect(consulting.body).toContain('/consultations/preferences/');

    // the family: their shared plan links the notice, the notice marks the changes, and they can comment
    const parent = await as('parent');
    const shared = await parent.get(`/your-plans/${planId}`);
    expect(shared.statusCode).toBe(200);
    expect(shared.body).toContain(`/your-plans/${planId}/proposal`);
    expect(shared.body).toContain('Comment on the whole section');
    expect((await parent.get(`/your-plans/${planId}?part=section:F`)).body).toContain('Send your comment');
    const notice = await parent.get(`/your-plans/${planId}/proposal`);
    expect(notice.statusCode).toBe(200);
    expect(notice.body).toContain('Proposed changes to the EHC plan');
    expect(notice.body).toContain('ask for a particular school');
    expect(notice.body).toContain('<ins>Proposed: small-group literacy support');
    expect(notice.body).toContain('data-comments-end');
    const part = 'section:F';
    const comment = await parent.submitWithFormToken(
      `/your-plans/${planId}?part=${part}`,
      { part, body: 'We would like the support to be daily in a small group, as proposed.' },
      `/your-plans/${planId}/comments`,
    );
    expect(comment.statusCode).toBe(303);
    expect((await cw.get(`/plans/${planId}/comments`)).body).toContain('daily in a small group');

    // the family asks for a meeting from the notice (reg 22(2)(c)): too long a note is refused with the words kept;
    // sent twice with one form token, one request; the officer is emailed; the caseworker records it held
    const meeting = `/your-plans/${planId}/proposal/meeting`;
    const long = await parent.submitOnce(
      `/your-plans/${planId}/proposal`,
      { note: 'x'.repeat(2001) },
      meeting,
    );
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('2000 characters or fewer');
    expect(long.body).toContain('x'.repeat(50));
    const form = (await parent.get(`/your-plans/${planId}/proposal`)).body;
    const once = {
      note: 'How the small-group support will work on Fridays',
      formToken: /name="formToken" value="([^"]+)"/.exec(form)![1]!,
      _csrf: TestClient.csrfFrom(form),
    };
    expect((await parent.post(meeting, once)).statusCode).toBe(303);
    expect((await parent.post(meeting, once)).statusCode).toBe(303);
    const askedNotice = (await parent.get(`/your-plans/${planId}/proposal`)).body;
    expect(askedNotice).toContain('data-meeting-requested');
    expect(askedNotice).toContain('You asked for a meeting on');
    expect(askedNotice).not.toContain('Ask for a meeting</button>');
    const requests = await db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'amendment.meeting-request')
      .where('record_id', '=', amendmentId)
      .execute();
    expect(requests).toHaveLength(1);
    const told = await db
      .selectFrom('notification')
      .select('body')
      .where('template', '=', 'amendment-meeting-requested')
      .execute();
    expect(told.some((n) => n.body.includes('Fridays'))).toBe(true);
    const withMeeting = await cw.get(url);
    expect(withMeeting.body).toContain('The family asked for a meeting on');
    expect(withMeeting.body).toContain('(online)');
    const again = await submit(cw, url, dateFields('date', today), step('meeting'));
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('already asked for a meeting');
    const future = await submit(cw, url, dateFields('date', '2999-01-01'), step('meeting-held'));
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('must be today or in the past');
    expect(future.body).toContain('value="2999"');
    expect((await submit(cw, url, dateFields('date', today), step('meeting-held'))).statusCode).toBe(303);
    expect((await cw.get(url)).body).toContain('Held on');
    // another family cannot ask about this plan (404), and staff use their own form (403 here)
    const outsider = await (await as('parent2')).submitOnce('/', { note: 'x' }, meeting);
    expect(outsider.statusCode).toBe(404);
    expect((await cw.post(meeting, { note: 'x' })).statusCode).toBe(403);

    // the open amendments list
    const list = await cw.get('/amendments');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`/amendments/plans/${planId}`);
  }, 180_000);

  it('lets the SEND leader read but not change; refuses other roles; tells outsiders nothing of a notice', async () => {
    const url = `/amendments/plans/${otherPlanId}`;
    const leader = await as('leader');
    const read = await leader.get(url);
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain('Start the amendment');
    expect((await leader.get('/amendments')).statusCode).toBe(200);
    const post = await leader.submit(url, { trigger: 'other', details: 'x'.repeat(30) }, `${url}/start`);
    expect(post.statusCode).toBe(403);
    expect((await (await as('manager')).get(url)).statusCode).toBe(200);
    for (const who of [
      'parent',
      'parent2',
      'youngperson',
      'ep',
      'health',
      'socialcare',
      'senco',
      'editor',
      'provider',
      'admin',
    ]) {
      const c = await as(who);
      expect((await c.get(url)).statusCode, who).toBe(403);
      expect((await c.get('/amendments')).statusCode, who).toBe(403);
    }
    for (const who of ['editor', 'provider', 'admin']) {
      expect((await (await as(who)).get(`/your-plans/${planId}/proposal`)).statusCode, who).toBe(403);
    }
    for (const who of ['parent2', 'youngperson']) {
      expect((await (await as(who)).get(`/your-plans/${planId}/proposal`)).statusCode, who).toBe(404);
    }
    // a plan with no proposal out: 404 for staff too
    expect((await (await as('caseworker')).get(`/your-plans/${otherPlanId}/proposal`)).statusCode).toBe(404);
    expect(
      (await (await as('caseworker')).get('/amendments/plans/00000000-0000-4000-8000-000000000000'))
        .statusCode,
    ).toBe(404);
    expect((await (await as('caseworker')).get('/amendments/plans/not-a-plan')).statusCode).toBe(404);
  });
});
