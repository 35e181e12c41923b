/**
 * The voices before a review meeting through the pages, on both engines, on the demo authority: the parent saves a
 * draft of their views, comes back to it, sends it (bad input answered with the GOV.UK error summary and the input
 * kept); the easy-read version; the young person's own views; the caseworker reads them on the plan's reviews page,
 * asks a professional for advice, the professional answers it with a report attached (a file that is not a real PDF
 * refused with the error summary, the words kept), and once the advice is sent round the family reads it and
 * downloads the report. Every role's access: other families 404, roles that may not 403, a professional not asked
 * 404; each change and each download audited.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { createSenco } from '../../../test/helpers/factories.ts';
import { DEMO_PASSWORD } from '../../demo/accounts.ts';
import { todayInLondon } from '../../platform/web/views.ts';

describe.each(ENGINES)('review voices pages on %s', (engine) => {
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
  const userId = async (who: string) =>
    (
      await t.database.db
        .selectFrom('app_user')
        .select('id')
        .where('email', '=', `${who}@demo.example`)
        .executeTakeFirstOrThrow()
    ).id;
  /** The open review of the child the account is linked to. */
  const openReviewOf = async (who: string) => {
    const uid = await userId(who);
    return t.database.db
      .selectFrom('plan_review as r')
      .innerJoin('access_grant as g', (j) =>
        j.onRef('g.la_code', '=', 'r.la_code').onRef('g.child_id', '=', 'r.child_id'),
      )
      .select(['r.id', 'r.plan_id', 'r.child_id'])
      .where('g.user_id', '=', uid)
      .where('r.held', 'is', null)
      .executeTakeFirstOrThrow();
  };
  const audits = async (action: string) =>
    (
      await t.database.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', action)
        .executeTakeFirstOrThrow()
    ).n;

  beforeAll(async () => {
    t = await createTestApp(engine, {}, { image: 'demo' });
  });
  afterAll(() => t?.close());

  it('the parent saves a draft, comes back to it, and sends their views; errors keep the input', async () => {
    const review = await openReviewOf('parent');
    const parent = await as('parent');
    const page = await parent.get(`/your-review/${review.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('What we ask of you');
    expect(page.body).toContain('Send your views by');
    // the demo parent has a draft of their own views started, and not their child's
    expect(page.body).toContain('Saved, not sent');
    const url = `/your-review/${review.id}/views/family`;
    const form = await parent.get(url);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('What is going well?');
    expect(form.body).toContain('He is happier going into school');
    expect((await parent.get(`${url}?easy=1`)).body).toContain('What is good?');

    const tooLong = await parent.submitOnce(url, {
      goingWell: 'x'.repeat(5001),
      hard: 'Mornings',
      action: 'save',
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('There is a problem');
    expect(tooLong.body).toContain('href="#goingWell"');
    expect(tooLong.body).toContain('Mornings');

    const saves = await audits('review.views.save');
    const saved = await parent.submitOnce(url, {
      goingWell: 'Reading at bedtime',
      hard: 'Mornings',
      action: 'save',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${url}?saved=1`);
    expect(await audits('review.views.save')).toBe(Number(saves) + 1);
    const back = await parent.get(`${url}?saved=1`);
    expect(back.body).toContain('Nothing is sent until you choose to send it');
    expect(back.body).toContain('Reading at bedtime');

    const empty = await parent.submitOnce(url, { action: 'send' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Answer at least one question before you send your views');

    // sent twice (a double tap on a phone: the same form and one-use token): one view sent, one audit entry
    const sending = {
      goingWell: 'Reading at bedtime',
      future: 'College',
      action: 'send',
      ...TestClient.formTokensFrom((await parent.get(url)).body, url),
    };
    const sends = await audits('review.views.send');
    const sent = await parent.post(url, sending);
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/your-review/${review.id}?sent=1`);
    const resent = await parent.post(url, sending);
    expect(resent.headers.location).toBe(sent.headers.location);
    expect(await audits('review.views.send')).toBe(Number(sends) + 1);
    const familyViews = await t.database.db
      .selectFrom('plan_review_view')
      .select('id')
      .where('review_id', '=', review.id)
      .where('about', '=', 'family')
      .execute();
    expect(familyViews).toHaveLength(1);
    const after = await parent.get(url);
    expect(after.body).toContain('You sent these views on');
    expect(after.body).not.toContain('Send my views');
    const again = await parent.post(url, {
      goingWell: 'Changed',
      action: 'send',
      _csrf: TestClient.csrfFrom(after.body),
      formToken: randomUUID(),
    });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('You have already sent these views');

    // the caseworker reads them on the plan's reviews page, with when they were sent
    const cw = await (await as('caseworker')).get(`/reviews/plans/${review.plan_id}`);
    expect(cw.body).toContain('Views from the family');
    expect(cw.body).toContain(`The family’s views, sent`);
    expect(cw.body).toContain('Reading at bedtime');
  });

  it("the parent's child's own views in easy read; the young person writes only their own", async () => {
    const review = await openReviewOf('parent');
    const parent = await as('parent');
    const url = `/your-review/${review.id}/views/child`;
    const easy = await parent.get(`${url}?easy=1`);
    expect(easy.body).toContain('Tell us what you think.');
    const sent = await parent.submitOnce(
      `${url}?easy=1`,
      { easyRead: 'yes', goingWell: 'Art', action: 'send' },
      url,
    );
    expect(sent.statusCode).toBe(303);
    const shown = await parent.get(url);
    expect(shown.body).toContain('What is good?');

    const yp = await openReviewOf('youngperson');
    const young = await as('youngperson');
    expect((await young.get(`/your-review/${yp.id}/views/family`)).statusCode).toBe(404);
    const own = await young.get(`/your-review/${yp.id}/views/child`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('work or further study');
  });

  it('refuses other families (404), staff and professionals (403)', async () => {
    const review = await openReviewOf('parent');
    for (const who of ['parent2', 'youngperson']) {
      expect((await (await as(who)).get(`/your-review/${review.id}`)).statusCode, who).toBe(404);
      expect((await (await as(who)).get(`/your-review/${review.id}/views/child`)).statusCode, who).toBe(404);
    }
    for (const who of ['caseworker', 'manager', 'leader', 'ep', 'senco', 'editor', 'provider', 'admin']) {
      expect((await (await as(who)).get(`/your-review/${review.id}`)).statusCode, who).toBe(403);
    }
    const p2 = await as('parent2');
    const own = await p2.get('/');
    const bad = await p2.post(`/your-review/${review.id}/views/family`, {
      _csrf: TestClient.csrfFrom(own.body),
      goingWell: 'x',
      action: 'send',
    });
    expect(bad.statusCode).toBe(404);
    expect((await (await as('parent')).get('/your-review/not-a-review')).statusCode).toBe(404);
  });

  it("offers school staff only at the child's own setting to ask for review advice (issue 18)", async () => {
    const review = await openReviewOf('parent');
    const db = t.database.db;
    const laCode = (
      await db
        .selectFrom('child')
        .select('la_code')
        .where('id', '=', review.child_id)
        .executeTakeFirstOrThrow()
    ).la_code;
    const own = await db
      .selectFrom('child_setting as cs')
      .innerJoin('setting as s', (j) =>
        j.onRef('s.la_code', '=', 'cs.la_code').onRef('s.id', '=', 'cs.setting_id'),
      )
      .select('s.name')
      .where('cs.child_id', '=', review.child_id)
      .where('cs.end_date', 'is', null)
      .executeTakeFirstOrThrow();
    const elsewhere = await createSenco(db, laCode, `Elsewhere Academy ${randomUUID().slice(0, 8)}`);
    // a second account at the child's own school (an organisation of the same name, as school staff are matched)
    const ownSenco = await createSenco(db, laCode, own.name);
    const cw = await as('caseworker');
    const ask = `/reviews/${review.id}/ask-advice`;
    const form = (await cw.get(ask)).body;
    expect(form).toContain(`value="${ownSenco.id}"`);
    expect(form).toContain(`value="${await userId('ep')}"`);
    expect(form).not.toContain(`value="${elsewhere.id}"`);
    const refused = await cw.submitOnce(ask, { agency: 'other', professionalId: elsewhere.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Select the professional to ask from the list');
    expect(
      await db
        .selectFrom('plan_review_advice')
        .select('id')
        .where('professional_user_id', '=', elsewhere.id)
        .execute(),
    ).toHaveLength(0);
  });

  it('the caseworker asks for advice, the professional answers, and the family reads it once sent round', async () => {
    const review = await openReviewOf('parent');
    await t.database.db
      .updateTable('plan_review')
      .set({ advice_circulated: null })
      .where('id', '=', review.id)
      .execute();
    const cw = await as('caseworker');
    const ask = `/reviews/${review.id}/ask-advice`;
    const form = await cw.get(ask);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Advice is due by');
    const empty = await cw.submitOnce(ask, { question: 'How is the sensory diet going?' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Select the kind of advice');
    expect(empty.body).toContain('Select the professional to ask');
    expect(empty.body).toContain('How is the sensory diet going?');
    const health = await userId('health');
    // asked twice with the same one-use token (a double click): one request
    const asking = {
      agency: 'other',
      professionalId: health,
      question: 'How is the sensory diet going?',
      ...TestClient.formTokensFrom((await cw.get(ask)).body, ask),
    };
    const asked = await cw.post(ask, asking);
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe(`/reviews/plans/${review.plan_id}`);
    expect((await cw.post(ask, asking)).headers.location).toBe(asked.headers.location);
    const requests = await t.database.db
      .selectFrom('plan_review_advice')
      .select('id')
      .where('review_id', '=', review.id)
      .where('professional_user_id', '=', health)
      .where('agency', '=', 'other')
      .execute();
    expect(requests).toHaveLength(1);
    const twice = await cw.submitOnce(ask, { agency: 'other', professionalId: health });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('has already been asked for this advice');
    const row = await t.database.db
      .selectFrom('plan_review_advice')
      .select(['id', 'due'])
      .where('review_id', '=', review.id)
      .where('professional_user_id', '=', health)
      .where('agency', '=', 'other')
      .executeTakeFirstOrThrow();
    const task = `/review-advice/${row.id}`;

    const pro = await as('health');
    const list = await pro.get('/review-advice');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="${task}"`);
    const open = await pro.get(task);
    expect(open.body).toContain('How is the sensory diet going?');
    const bad = await pro.submitOnce(task, { working: 'The quiet room' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Describe the progress towards the outcomes');
    expect(bad.body).toContain('The quiet room');
    // the form takes a report: a page of HTML named .pdf is refused, the words kept
    expect(open.body).toContain('enctype="multipart/form-data"');
    expect(open.body).toContain('Attach your report (optional)');
    const answer = {
      progress: 'Steady progress with the sensory diet',
      working: 'The quiet room',
      changes: 'none',
    };
    const multipart = async (file: { filename: string; content: Buffer }) =>
      pro.postMultipart(
        task,
        { ...answer, ...TestClient.formTokensFrom((await pro.get(task)).body, task) },
        { name: 'document', type: 'application/pdf', ...file },
      );
    const fake = await multipart({ filename: 'Report.pdf', content: Buffer.from('<html>not a pdf</html>') });
    expect(fake.statusCode).toBe(400);
    expect(fake.body).toContain('govuk-error-summary');
    expect(fake.body).toContain('The selected file is not a real .pdf file');
    expect(fake.body).toContain('Steady progress with the sensory diet');
    const pdf = Buffer.from('%PDF-1.4\n% review report\n%%EOF\n');
    expect((await multipart({ filename: 'Health review report.pdf', content: pdf })).statusCode).toBe(303);
    const sentPage = (await pro.get(task)).body;
    expect(sentPage).toContain('What was sent');
    const documentUrl = `/review-advice/${row.id}/document`;
    expect(sentPage).toContain(`href="${documentUrl}"`);
    expect(sentPage).toContain('Health review report.pdf');
    const download = await pro.get(documentUrl);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('application/pdf');
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(pdf)).toBe(true);
    // listed on the plan's reviews page for the caseworker
    const planPage = await cw.get(`/reviews/plans/${review.plan_id}`);
    expect(planPage.body).toContain(`href="${documentUrl}"`);
    expect((await cw.get(documentUrl)).rawPayload.equals(pdf)).toBe(true);

    // who else may see it
    expect((await (await as('ep')).get(task)).statusCode).toBe(404);
    expect((await (await as('parent')).get(task)).statusCode).toBe(403);
    const leader = await as('leader');
    const read = await leader.get(task);
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain('Steady progress with the sensory diet');
    expect(
      (await leader.post(task, { _csrf: TestClient.csrfFrom(read.body), progress: 'x', changes: 'x' }))
        .statusCode,
    ).toBe(403);
    for (const who of ['leader', 'senco', 'parent', 'admin']) {
      expect((await (await as(who)).get(ask)).statusCode, who).toBe(403);
    }

    // not shown to the family until the council sends the advice round, nor its report (404, audited)
    const parent = await as('parent');
    expect((await parent.get(`/your-review/${review.id}`)).body).not.toContain(
      'Steady progress with the sensory diet',
    );
    const deniedBefore = Number(await audits('review.advice.document.download.denied'));
    expect((await parent.get(documentUrl)).statusCode).toBe(404);
    expect((await (await as('ep')).get(documentUrl)).statusCode).toBe(404);
    expect((await (await as('senco')).get(documentUrl)).statusCode).toBe(404);
    expect(Number(await audits('review.advice.document.download.denied'))).toBe(deniedBefore + 3);
    expect((await (await as('admin')).get(documentUrl)).statusCode).toBe(403);
    // the caseworker records the advice sent round (the review's paperwork step)
    await t.database.db
      .updateTable('plan_review')
      .set({ advice_circulated: todayInLondon() })
      .where('id', '=', review.id)
      .execute();
    const papers = (await parent.get(`/your-review/${review.id}`)).body;
    expect(papers).toContain('Steady progress with the sensory diet');
    // the report goes round with the papers: the family downloads it, and so does a professional asked for advice for
    // this review; another family and a professional not asked still cannot
    expect(papers).toContain(`href="${documentUrl}"`);
    const downloads = Number(await audits('review.advice.document.download'));
    const theirs = await parent.get(documentUrl);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.rawPayload.equals(pdf)).toBe(true);
    expect(Number(await audits('review.advice.document.download'))).toBe(downloads + 1);
    const askedForAdvice = new Set(
      (
        await t.database.db
          .selectFrom('plan_review_advice')
          .select('professional_user_id')
          .where('review_id', '=', review.id)
          .execute()
      ).map((a) => a.professional_user_id),
    );
    for (const who of ['ep', 'senco']) {
      const status = (await (await as(who)).get(documentUrl)).statusCode;
      expect(status, who).toBe(askedForAdvice.has(await userId(who)) ? 200 : 404);
    }
    expect((await (await as('youngperson')).get(documentUrl)).statusCode).toBe(404);
  });
  it("shows the family's next review and what is asked, and the professional's review advice, on their first screens", async () => {
    const review = await openReviewOf('parent');
    const parentHome = await (await as('parent')).get('/');
    expect(parentHome.body).toContain('Annual review');
    expect(parentHome.body).toContain('Send your views by');
    expect(parentHome.body).toContain(`href="/your-review/${review.id}"`);
    const youngHome = await (await as('youngperson')).get('/');
    expect(youngHome.body).toContain('See the review and what we ask of you');
    expect((await (await as('parent2')).get('/')).body).not.toContain('Annual review');

    const epHome = await (await as('ep')).get('/');
    expect(epHome.body).toContain('Advice asked of you for reviews');
    expect(epHome.body).toContain('Advice asked of you'); // the assessment advice tasks, still there
    expect(epHome.body).toMatch(/href="\/review-advice\/[0-9a-f-]{36}"/);
    const dues = [
      ...epHome.body.matchAll(/data-review-advice-due="(\d{4}-\d{2}-\d{2})" data-waiting="yes"/g),
    ].map((m) => m[1]!);
    expect(dues.length).toBeGreaterThan(0);
    expect(dues).toEqual([...dues].sort());
    // issue 18: the first screen leads with what is due next, soonest first, both kinds of advice in one short list,
    // and names the children advised on in a sentence with a link, not a table of every child
    expect(epHome.body.indexOf('Due next')).toBeLessThan(
      epHome.body.indexOf('Advice asked of you for reviews'),
    );
    const next = [...epHome.body.matchAll(/data-due="(\d{4}-\d{2}-\d{2})"/g)].map((m) => m[1]!);
    expect(next.length).toBeGreaterThan(0);
    expect(next.length).toBeLessThanOrEqual(8);
    expect(next).toEqual([...next].sort());
    expect(epHome.body).toContain('See all your assessment advice');
    expect(epHome.body).toContain('See the children you advise on');
    expect(epHome.body).not.toContain('Children you advise on</caption>');
  });

  it("shows the family the review's report on their first screen once it is sent, and what happens next by when", async () => {
    const review = await openReviewOf('parent');
    const today = todayInLondon();
    const senco = await as('caseworker');
    const meetingUrl = `/reviews/meetings/${review.id}`;
    const meeting = await senco.get(meetingUrl);
    expect(meeting.statusCode).toBe(200);
    // invited already (the demo arranges some reviews), or invited now: the family, else whoever is offered
    if (!meeting.body.includes('>Record the meeting<')) {
      const key =
        /value="(family:[^"]+)"/.exec(meeting.body)?.[1] ??
        /name="invitees" type="checkbox" value="([^"]+)"/.exec(meeting.body)?.[1];
      expect(key).toBeDefined();
      expect(
        (await senco.submitOnce(meetingUrl, { invitees: [key!] }, `${meetingUrl}/invite`)).statusCode,
      ).toBe(303);
    }
    const form = await senco.get(meetingUrl);
    const fields: Record<string, string> = {
      'held-day': String(Number(today.slice(8))),
      'held-month': String(Number(today.slice(5, 7))),
      'held-year': today.slice(0, 4),
      'working-family': 'Oliver enjoys the lunch club',
      'change-F': 'More time in the sensory room',
    };
    for (const m of form.body.matchAll(/name="(attendance-[0-9a-f-]{36})"/g)) fields[m[1]!] = 'attended';
    for (const m of form.body.matchAll(/name="(progress-[0-9a-f-]{36})"/g)) fields[m[1]!] = 'on-track';
    expect((await senco.submitOnce(meetingUrl, fields, `${meetingUrl}/record`)).statusCode).toBe(303);

    // held, the report not sent: the family is told when it is due, and does not see the record yet
    const parent = await as('parent');
    const held = await parent.get('/');
    expect(held.body).toContain(`Held on`);
    expect(held.body).toContain('To be sent to you by');
    expect(held.body).not.toContain('Read the review report');
    expect((await parent.get(`/your-review/${review.id}`)).body).not.toContain(
      'Oliver enjoys the lunch club',
    );

    expect((await senco.submitOnce(meetingUrl, {}, `${meetingUrl}/report`)).statusCode).toBe(303);
    const home = await parent.get('/');
    expect(home.body).toContain('Read the review report');
    expect(home.body).toContain(`href="/your-review/${review.id}#report"`);
    expect(home.body).toContain('The council must tell you by');
    const page = await parent.get(`/your-review/${review.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('The review report');
    expect(page.body).toContain('Oliver enjoys the lunch club');
    expect(page.body).toContain('More time in the sensory room');
    // another family, and roles that are not the family's, still may not read it
    expect((await (await as('parent2')).get(`/your-review/${review.id}`)).statusCode).toBe(404);
    expect((await (await as('parent2')).get('/')).body).not.toContain('Read the review report');
    expect((await (await as('youngperson')).get(`/your-review/${review.id}`)).statusCode).toBe(404);
    for (const who of ['ep', 'editor', 'admin'])
      expect((await (await as(who)).get(`/your-review/${review.id}`)).statusCode, who).toBe(403);
  });
});
