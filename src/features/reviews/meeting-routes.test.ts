/**
 * The review meeting on both engines, on the demo authority (ADR 0015): the school's SENCO arranges a review of a
 * child at their school, invites the family, the school, a professional and someone without an account (bad input
 * answered with the error summary and the input kept), records the meeting (which moves the review to held), and
 * sends the report; the invited professional reads the report; who may not see or change it (403 for roles that never
 * use the pages, 404 for a professional or parent who is neither at the school nor invited); every change audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { DEMO_PASSWORD } from '../../demo/accounts.ts';
import { settingOfUser } from '../../platform/people/settings.ts';
import { todayInLondon } from '../../platform/web/views.ts';

const dateFields = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
};
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe.each(ENGINES)('the review meeting on %s', (engine) => {
  let t: TestApp;
  let planId: string;
  let otherPlanId: string;
  let laCode: string;
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
  const userId = async (who: string) =>
    (
      await t.database.db
        .selectFrom('app_user')
        .select(['id', 'la_code'])
        .where('email', '=', `${who}@demo.example`)
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    t = await createTestApp(engine, {}, { image: 'demo' });
    const senco = await t.database.db
      .selectFrom('app_user')
      .select(['id', 'la_code'])
      .where('email', '=', 'senco@demo.example')
      .executeTakeFirstOrThrow();
    laCode = senco.la_code;
    const school = await settingOfUser(t.database.db, laCode, senco.id);
    expect(school).toBeDefined();
    const row = await t.database.db
      .selectFrom('plan_review_schedule')
      .select('plan_id')
      .where('setting_id', '=', school!.id)
      .where('stage', '=', 'not-arranged')
      .orderBy('plan_id')
      .executeTakeFirst();
    planId =
      row?.plan_id ??
      (
        await t.database.db
          .selectFrom('plan_review_schedule')
          .select('plan_id')
          .where('setting_id', '=', school!.id)
          .orderBy('plan_id')
          .executeTakeFirstOrThrow()
      ).plan_id;
    otherPlanId = (
      await t.database.db
        .selectFrom('plan_review_schedule')
        .select('plan_id')
        .where('setting_id', '!=', school!.id)
        .where('stage', '=', 'not-arranged')
        .orderBy('plan_id')
        .executeTakeFirstOrThrow()
    ).plan_id;
    // the demo may have left the plan with an open review: take the plan with none
    await t.database.db
      .deleteFrom('plan_review_invitee')
      .where('review_id', 'in', (q) =>
        q.selectFrom('plan_review').select('id').where('plan_id', '=', planId).where('held', 'is', null),
      )
      .execute();
    await t.database.db
      .deleteFrom('plan_review')
      .where('plan_id', '=', planId)
      .where('held', 'is', null)
      .execute();
  });
  afterAll(() => t?.close());

  it('the demo has school-arranged reviews with invitations and meeting records', async () => {
    const db = t.database.db;
    const records = await db
      .selectFrom('plan_review_meeting as m')
      .innerJoin('plan_review as r', (j) =>
        j.onRef('r.la_code', '=', 'm.la_code').onRef('r.id', '=', 'm.review_id'),
      )
      .select(['r.arranged_by', 'r.held', 'm.outcome_progress'])
      .execute();
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.arranged_by === 'school' && r.held !== null)).toBe(true);
    const invited = await db.selectFrom('plan_review_invitee').select(['kind', 'attendance']).execute();
    expect(invited.some((i) => i.kind === 'family')).toBe(true);
    expect(invited.some((i) => i.kind === 'setting')).toBe(true);
    expect(invited.some((i) => i.attendance === 'apologies')).toBe(true);
    expect(invited.some((i) => i.attendance === null)).toBe(true);
  });

  it('the SENCO arranges, invites, records the meeting and sends the report; the invitee reads it', async () => {
    const senco = await as('senco');
    const today = todayInLondon();
    const arrange = `/reviews/plans/${planId}/arrange`;
    const page = await senco.get(arrange);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Arrange the review meeting');
    expect(page.body).not.toContain('name="arrangedBy"');
    const empty = await senco.submitOnce(arrange, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('There is a problem');
    expect(empty.body).toContain('href="#meetingDate-day"');
    const set = await senco.submitOnce(arrange, dateFields('meetingDate', addDays(today, 21)));
    expect(set.statusCode).toBe(303);
    const meetingUrl = set.headers.location as string;
    const reviewId = /\/reviews\/meetings\/([0-9a-f-]{36})$/.exec(meetingUrl)![1]!;
    const review = await t.database.db
      .selectFrom('plan_review')
      .selectAll()
      .where('id', '=', reviewId)
      .executeTakeFirstOrThrow();
    expect(review.arranged_by).toBe('school');
    // the arrange page now goes to the open review
    expect((await senco.get(arrange)).headers.location).toBe(meetingUrl);
    // the SENCO's first screen lists it with its paperwork, linking to the meeting
    const home = await senco.get('/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Annual reviews at');
    expect(home.body).toContain(`href="${meetingUrl}"`);
    expect(home.body).toMatch(/Invitations<\/th>[\s\S]*Advice sent round<\/th>[\s\S]*Report<\/th>/);

    const meeting = await senco.get(meetingUrl);
    expect(meeting.statusCode).toBe(200);
    expect(meeting.body).toContain('Send the invitations');
    expect(meeting.body).toContain('Not yet invited');
    const epId = await userId('ep');
    const epKey = new RegExp(`value="([a-z-]+:${epId})"`).exec(meeting.body)?.[1];
    expect(epKey).toBeDefined();
    const sencoKey = /value="(setting:[0-9a-f-]{36})"/.exec(meeting.body)?.[1];
    expect(sencoKey).toBeDefined();

    const none = await senco.submitOnce(meetingUrl, {}, `${meetingUrl}/invite`);
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Select who to invite, or add someone else');
    const badEmail = await senco.submitOnce(
      meetingUrl,
      { invitees: [sencoKey!], otherName: 'Pat Visitor', otherEmail: 'not-an-email', otherKind: 'other' },
      `${meetingUrl}/invite`,
    );
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.body).toContain('Enter an email address in the correct format');
    expect(badEmail.body).toContain('value="Pat Visitor"');
    expect(badEmail.body).toMatch(new RegExp(`value="${sencoKey}" checked`));
    const forged = await senco.submitOnce(meetingUrl, { invitees: ['other:nobody'] }, `${meetingUrl}/invite`);
    expect(forged.statusCode).toBe(400);

    // the invitations sent twice (a double click: the same form, the same one-use token): one set, one message each
    const inviting = {
      invitees: [sencoKey!, epKey!],
      otherName: 'Pat Visitor',
      otherEmail: 'pat.visitor@charity.example',
      otherKind: 'other',
      askAdvice: 'yes',
      ...TestClient.formTokensFrom((await senco.get(meetingUrl)).body, `${meetingUrl}/invite`),
    };
    const invited = await senco.post(`${meetingUrl}/invite`, inviting);
    expect(invited.statusCode).toBe(303);
    const repeated = await senco.post(`${meetingUrl}/invite`, inviting);
    expect(repeated.statusCode).toBe(303);
    expect(repeated.headers.location).toBe(invited.headers.location);
    const after = await t.database.db
      .selectFrom('plan_review')
      .select(['invitations_sent'])
      .where('id', '=', reviewId)
      .executeTakeFirstOrThrow();
    expect(after.invitations_sent).toBe(today);
    const invitees = await t.database.db
      .selectFrom('plan_review_invitee')
      .selectAll()
      .where('review_id', '=', reviewId)
      .orderBy('email')
      .execute();
    expect(invitees.map((i) => i.email)).toEqual(
      expect.arrayContaining(['ep@demo.example', 'pat.visitor@charity.example']),
    );
    expect(invitees).toHaveLength(3);
    // advice asked of the professional invited in the same step (not of the SENCO inviting, nor of Pat, who has no
    // account), due 2 weeks before the meeting, once for the double click
    const advice = await t.database.db
      .selectFrom('plan_review_advice')
      .select(['professional_user_id', 'due', 'requested'])
      .where('review_id', '=', reviewId)
      .execute();
    const sencoId = await userId('senco');
    expect(advice.map((a) => a.professional_user_id)).toContain(epId);
    expect(advice.map((a) => a.professional_user_id)).not.toContain(sencoId);
    expect(advice.length).toBe(invitees.filter((i) => i.user_id && i.user_id !== sencoId).length);
    expect(advice.every((a) => a.due === addDays(today, 21 - 14) && a.requested === today)).toBe(true);
    const asked = await t.database.db
      .selectFrom('plan_review_advice')
      .select('id')
      .where('review_id', '=', reviewId)
      .where('professional_user_id', '=', epId)
      .executeTakeFirstOrThrow();
    expect((await (await as('ep')).get('/review-advice')).body).toContain(`/review-advice/${asked.id}`);
    expect((await senco.get(meetingUrl)).body).toContain('Advice asked');
    // an invitee reads the meeting, not who else was asked for advice
    expect((await (await as('ep')).get(meetingUrl)).body).not.toContain('Advice asked');
    expect(invitees.every((i) => i.invited_on === today)).toBe(true);
    const messages = await t.database.db
      .selectFrom('notification')
      .select(['recipient', 'body'])
      .where('template', '=', 'review-invitation')
      .where('recipient', '=', 'pat.visitor@charity.example')
      .execute();
    expect(messages).toHaveLength(1);
    // on time: 21 days ahead
    expect((await senco.get(meetingUrl)).body).not.toContain('days late');
    const twice = await senco.submitOnce(
      meetingUrl,
      { otherName: 'Pat Visitor', otherEmail: 'Pat.Visitor@charity.example' },
      `${meetingUrl}/invite`,
    );
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('has already been invited');

    // the invited professional reads the review, not the report before it is sent
    const ep = await as('ep');
    expect((await ep.get(meetingUrl)).statusCode).toBe(200);
    expect((await ep.get(`${meetingUrl}/report`)).statusCode).toBe(404);
    expect((await ep.submitOnce(meetingUrl, {}, `${meetingUrl}/report`)).statusCode).toBe(404);

    const form = await senco.get(meetingUrl);
    expect(form.body).toContain('Record the meeting');
    const outcomeIds = [...form.body.matchAll(/name="progress-([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    const unique = [...new Set(outcomeIds)];
    const bad = await senco.submitOnce(
      meetingUrl,
      { ...dateFields('held', today), differences: 'The family wants more speech therapy' },
      `${meetingUrl}/record`,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Select whether each person invited came or sent apologies');
    expect(bad.body).toContain('Enter what is working or what is not');
    if (unique.length) expect(bad.body).toContain('Select the progress toward each outcome');
    expect(bad.body).toContain('The family wants more speech therapy');
    const fields: Record<string, string> = {
      ...dateFields('held', today),
      'working-family': 'Settled at school, enjoys art',
      'notWorking-school': 'Reading is behind',
      'change-F': 'Add a weekly reading intervention',
      differences: 'The family wants more speech therapy',
      'pfa-employment': 'Work experience discussed',
      'pfa-independent-living': 'Travel training next year',
    };
    for (const i of invitees)
      fields[`attendance-${i.id}`] = i.email === 'ep@demo.example' ? 'apologies' : 'attended';
    for (const id of unique) fields[`progress-${id}`] = 'on-track';
    // the record sent twice with the same one-use token: one record, one review.hold
    Object.assign(
      fields,
      TestClient.formTokensFrom((await senco.get(meetingUrl)).body, `${meetingUrl}/record`),
    );
    const recorded = await senco.post(`${meetingUrl}/record`, fields);
    expect(recorded.statusCode).toBe(303);
    expect((await senco.post(`${meetingUrl}/record`, fields)).headers.location).toBe(
      recorded.headers.location,
    );
    const records = await t.database.db
      .selectFrom('plan_review_meeting')
      .select('review_id')
      .where('review_id', '=', reviewId)
      .execute();
    expect(records).toHaveLength(1);
    const held = await t.database.db
      .selectFrom('plan_review')
      .select(['held', 'meeting_date'])
      .where('id', '=', reviewId)
      .executeTakeFirstOrThrow();
    expect(held).toEqual({ held: today, meeting_date: today });
    const record = await t.database.db
      .selectFrom('plan_review_meeting')
      .selectAll()
      .where('review_id', '=', reviewId)
      .executeTakeFirstOrThrow();
    expect(record.differences).toBe('The family wants more speech therapy');
    const attendance = await t.database.db
      .selectFrom('plan_review_invitee')
      .select(['email', 'attendance'])
      .where('review_id', '=', reviewId)
      .execute();
    expect(attendance.find((a) => a.email === 'ep@demo.example')?.attendance).toBe('apologies');
    const view = await senco.get(meetingUrl);
    expect(view.body).toContain('Settled at school, enjoys art');
    expect(view.body).toContain('Add a weekly reading intervention');
    expect(view.body).toContain('Send the report');

    expect((await senco.submitOnce(meetingUrl, {}, `${meetingUrl}/report`)).statusCode).toBe(303);
    const sent = await t.database.db
      .selectFrom('plan_review')
      .select('report_sent')
      .where('id', '=', reviewId)
      .executeTakeFirstOrThrow();
    expect(sent.report_sent).toBe(today);
    const reports = await t.database.db
      .selectFrom('notification')
      .select('recipient')
      .where('template', '=', 'review-report')
      .where('child_id', '=', review.child_id)
      .execute();
    expect(reports.map((r) => r.recipient)).toEqual(
      expect.arrayContaining(['ep@demo.example', 'pat.visitor@charity.example']),
    );
    const again = await senco.submitOnce(meetingUrl, {}, `${meetingUrl}/report`);
    expect(again.statusCode).toBe(400);

    const report = await ep.get(`${meetingUrl}/report`);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('Reading is behind');
    expect(report.body).toContain('Sent apologies');
    expect((await (await as('caseworker')).get(`${meetingUrl}/report`)).statusCode).toBe(200);

    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', reviewId)
      .where('outcome', '=', 'ok')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['review.invite', 'review.hold', 'review.meeting.record', 'review.report']),
    );
  });

  it('refuses those who are neither the authority, the school nor invited', async () => {
    const review = await t.database.db
      .selectFrom('plan_review')
      .select('id')
      .where('plan_id', '=', planId)
      .orderBy('number', 'desc')
      .executeTakeFirstOrThrow();
    const url = `/reviews/meetings/${review.id}`;
    for (const who of ['editor', 'provider', 'admin']) {
      expect((await (await as(who)).get(url)).statusCode, who).toBe(403);
      expect((await (await as(who)).get(`/reviews/plans/${planId}/arrange`)).statusCode, who).toBe(403);
    }
    for (const who of ['socialcare', 'parent2']) {
      expect((await (await as(who)).get(url)).statusCode, who).toBe(404);
    }
    const leader = await as('leader');
    expect((await leader.get(url)).statusCode).toBe(200);
    expect((await leader.post(`${url}/report`, {})).statusCode).toBe(403);
    expect((await leader.get(`/reviews/plans/${planId}/arrange`)).statusCode).toBe(403);
    // the SENCO cannot arrange a review of a child at another school
    expect((await (await as('senco')).get(`/reviews/plans/${otherPlanId}/arrange`)).statusCode).toBe(404);
    expect((await (await as('socialcare')).get(`/reviews/plans/${planId}/arrange`)).statusCode).toBe(404);
    expect((await (await as('senco')).get('/reviews/meetings/not-a-review')).statusCode).toBe(404);
    const denied = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('outcome', '=', 'denied')
      .where('action', 'like', 'review.%')
      .execute();
    expect(denied.length).toBeGreaterThan(0);
  });

  it('the caseworker arranges too, choosing who arranges it, and keeps a bad date with the error summary', async () => {
    const cw = await as('caseworker');
    const arrange = `/reviews/plans/${otherPlanId}/arrange`;
    const page = await cw.get(arrange);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="arrangedBy"');
    const unreal = await cw.submitOnce(arrange, {
      'meetingDate-day': '31',
      'meetingDate-month': '2',
      'meetingDate-year': '2027',
      arrangedBy: 'authority',
    });
    expect(unreal.statusCode).toBe(400);
    expect(unreal.body).toContain('must be a real date');
    expect(unreal.body).toContain('value="31"');
    expect(unreal.body).toMatch(/value="authority" checked/);
    const ok = await cw.submitOnce(arrange, {
      ...dateFields('meetingDate', addDays(todayInLondon(), 10)),
      arrangedBy: 'authority',
    });
    expect(ok.statusCode).toBe(303);
    const meetingUrl = ok.headers.location as string;
    const page2 = await cw.get(meetingUrl);
    expect(page2.body).toContain('The council');
    // fewer than 2 weeks: the invitation is accepted, shown late with its rule
    const key = /value="(authority:[0-9a-f-]{36})"/.exec(page2.body)?.[1];
    const invited = await cw.submitOnce(
      meetingUrl,
      key ? { invitees: [key] } : { otherName: 'Sam Helper', otherEmail: 'sam@helper.example' },
      `${meetingUrl}/invite`,
    );
    expect(invited.statusCode).toBe(303);
    const late = await cw.get(meetingUrl);
    expect(late.body).toContain('4 days late');
    expect(late.body).toContain('reg 20(3), 21(3)');

    // the meeting moves: advice still waiting is due 2 weeks before the new date; advice already sent keeps its date
    const reviewId = meetingUrl.split('/').pop()!;
    const ask = `/reviews/${reviewId}/ask-advice`;
    for (const who of ['ep', 'health'])
      expect(
        (await cw.submitOnce(ask, { agency: 'other', professionalId: await userId(who) })).statusCode,
      ).toBe(303);
    const due = addDays(todayInLondon(), 10 - 14);
    const asked = await t.database.db
      .selectFrom('plan_review_advice')
      .select(['id', 'due', 'professional_user_id'])
      .where('review_id', '=', reviewId)
      .execute();
    expect(asked.map((a) => a.due)).toEqual([due, due]);
    const healthId = await userId('health');
    const answered = asked.find((a) => a.professional_user_id === healthId)!;
    await t.database.db
      .updateTable('plan_review_advice')
      .set({ received: todayInLondon(), progress: 'Steady', changes: 'None' })
      .where('id', '=', answered.id)
      .execute();
    const moved = await cw.submitOnce(
      meetingUrl,
      dateFields('meetingDate', addDays(todayInLondon(), 30)),
      `${meetingUrl}/date`,
    );
    expect(moved.statusCode).toBe(303);
    const after = await t.database.db
      .selectFrom('plan_review_advice')
      .select(['id', 'due'])
      .where('review_id', '=', reviewId)
      .execute();
    expect(after.find((a) => a.id === answered.id)!.due).toBe(due);
    expect(after.find((a) => a.id !== answered.id)!.due).toBe(addDays(todayInLondon(), 30 - 14));
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'review.reschedule')
      .where('record_id', '=', reviewId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(entry.detail)).toContain(addDays(todayInLondon(), 30 - 14));
    // everyone invited is told of the new date, as they were invited, and the notice is counted from today
    const told = async () =>
      t.database.db
        .selectFrom('notification')
        .select(['recipient', 'body'])
        .where('template', '=', 'review-rescheduled')
        .where(
          'child_id',
          '=',
          (
            await t.database.db
              .selectFrom('plan_review')
              .select('child_id')
              .where('id', '=', reviewId)
              .executeTakeFirstOrThrow()
          ).child_id,
        )
        .execute();
    const invitees = await t.database.db
      .selectFrom('plan_review_invitee')
      .select('email')
      .where('review_id', '=', reviewId)
      .execute();
    expect(invitees.length).toBeGreaterThan(0);
    const first = await told();
    expect(first.map((n) => n.recipient).sort()).toEqual(invitees.map((i) => i.email).sort());
    expect(first[0]!.body).toContain('has moved from');
    const renoticed = await t.database.db
      .selectFrom('plan_review')
      .select('invitations_sent')
      .where('id', '=', reviewId)
      .executeTakeFirstOrThrow();
    expect(renoticed.invitations_sent).toBe(todayInLondon());
    // moved again to fewer than 2 weeks away: accepted, told again, shown late against the new date with its rule
    const soon = await cw.submitOnce(
      meetingUrl,
      dateFields('meetingDate', addDays(todayInLondon(), 11)),
      `${meetingUrl}/date`,
    );
    expect(soon.statusCode).toBe(303);
    expect(await told()).toHaveLength(2 * invitees.length);
    const lateAgain = await cw.get(meetingUrl);
    expect(lateAgain.body).toContain('3 days late');
    const history = await t.database.db
      .selectFrom('case_event')
      .select('summary')
      .where('kind', '=', 'review-rescheduled')
      .execute();
    expect(history.length).toBeGreaterThanOrEqual(2);
    // the professional sees the new date on their request
    const pro = await as('ep');
    const task = await pro.get(`/review-advice/${after.find((a) => a.id !== answered.id)!.id}`);
    expect(task.statusCode).toBe(200);
  });
});
