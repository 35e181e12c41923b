/**
 * The letters about a plan on both engines, on the demo authority (docs/reviews.md "Letters"): a review's decision
 * (keep with the rights block, amend without), the notice of a plan transferred in, a decision to stop a plan and a
 * decision not to amend after all, the amended plan's notice (reg 22(3)) and the letter that the council is
 * considering stopping a plan (reg 31(1)), each as a page, a PDF and a Word document; a review decided through the service
 * sends its letter (the family's email, the head's school inbox and email, the child's history, the audit log), and
 * the SENCO reads it there; who may not read a letter (another family, a professional not sent it: 404; the Local
 * Offer roles and the administrator: 403).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newFormToken } from '../../platform/change/once.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { DEMO_LA_CODE, DEMO_PASSWORD } from '../../demo/accounts.ts';
import type { Actor } from '../../platform/access/access.ts';
import { appealDeadline } from '../../domain/clock/index.ts';
import { longDate } from '../../domain/calendar.ts';
import { settingOfUser } from '../../platform/people/settings.ts';
import { todayInLondon } from '../../platform/web/views.ts';

const LA = DEMO_LA_CODE;

describe.each(ENGINES)('letters about a plan on %s', (engine) => {
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
  const actor = async (who: string): Promise<Actor> => {
    const u = await t.database.db
      .selectFrom('app_user')
      .selectAll()
      .where('la_code', '=', LA)
      .where('email', '=', `${who}@demo.example`)
      .executeTakeFirstOrThrow();
    return {
      laCode: LA,
      userId: u.id,
      sessionId: `test-${who}`,
      email: u.email,
      displayName: u.display_name,
      role: u.role,
      teamId: u.team_id,
      jobTitle: u.job_title,
      ip: null,
    };
  };
  // the oldest decided review of a plan in force (one with a schedule row): in the demo, one decided before 2018,
  // whose rights block needs the clock's bank holidays of those years
  const decided = (decision: 'maintain' | 'amend') =>
    t.database.db
      .selectFrom('plan_review')
      .select(['id', 'child_id', 'plan_id', 'decision_date'])
      .where('la_code', '=', LA)
      .where('decision', '=', decision)
      .where('plan_id', 'in', (q) =>
        q.selectFrom('plan_review_schedule').select('plan_id').where('la_code', '=', LA),
      )
      .orderBy('decision_date')
      .orderBy('id')
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp(engine, {}, { image: 'demo' });
  });
  afterAll(() => t?.close());

  it("writes a review's decision to keep the plan with the rights block, as a page, PDF and Word", async () => {
    const review = await decided('maintain');
    // the demo's review histories go back before 2018 (the clock's bank holidays once started there)
    expect(review.decision_date! < '2018-01-01').toBe(true);
    const cw = await as('caseworker');
    const page = await cw.get(`/letters/review-decision/${review.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('as it is');
    expect(page.body).toContain('If you disagree: your rights');
    expect(page.body).toContain('data-rights-item="appeal-deadline"');
    expect(page.body).toContain(
      `The last day to appeal is ${longDate(appealDeadline(review.decision_date!).date)}`,
    );
    expect(page.body).toContain('The next review must be held by');
    const pdf = await cw.get(`/letters/review-decision/${review.id}/letter.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const docx = await cw.get(`/letters/review-decision/${review.id}/letter.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain('.docx');
    // the plan's reviews page links to it
    const reviewsPage = await cw.get(`/reviews/plans/${review.plan_id}`);
    expect(reviewsPage.statusCode).toBe(200);
    expect(reviewsPage.body.match(/<h1[^>]*>[^<]*/)?.[0]).toBe('<h1 class="govuk-heading-l">Annual reviews');
    expect(reviewsPage.body).toContain(`/letters/review-decision/${review.id}`);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('la_code', '=', LA)
      .where('action', '=', 'notices.letter.read')
      .where('child_id', '=', review.child_id)
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });

  it('writes a decision to amend without the rights block, saying when the rights come', async () => {
    const review = await decided('amend');
    const page = await (await as('leader')).get(`/letters/review-decision/${review.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('We propose to change');
    expect(page.body).not.toContain('If you disagree: your rights');
    expect(page.body).toContain('You can appeal about the amended plan once we issue it');
  });

  it('writes the notice of a plan transferred in once the family is told, and none before', async () => {
    const rows = await t.database.db
      .selectFrom('plan_review_transfer_in')
      .selectAll()
      .where('la_code', '=', LA)
      .orderBy('transferred_on')
      .execute();
    const told = rows.find((r) => r.notice_sent !== null)!;
    const cw = await as('caseworker');
    const page = await cw.get(`/letters/transfer-in/${told.plan_id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(told.from_authority);
    expect(page.body).toContain('reg 15(5)');
    expect(page.body).toContain('stays the same until the plan is amended');
    const notTold = rows.find((r) => r.notice_sent === null)!;
    expect((await cw.get(`/letters/transfer-in/${notTold.plan_id}`)).statusCode).toBe(404);
    // reg 15(4): whether the council proposes to reassess, as recorded (the demo has one of each)
    const reassess = rows.find((r) => r.proposes_reassessment === true)!;
    const keep = rows.find((r) => r.proposes_reassessment === false)!;
    const yes = await cw.get(`/letters/transfer-in/${reassess.plan_id}`);
    expect(yes.body).toContain('Whether we will assess again');
    expect(yes.body).toContain('We propose to carry out a new EHC needs assessment');
    expect(yes.body).not.toContain('We do not propose');
    const no = await cw.get(`/letters/transfer-in/${keep.plan_id}`);
    expect(no.body).toContain('We do not propose to carry out a new EHC needs assessment');
    expect(no.body).toContain('You can ask us for a new assessment at any time');
    const docx = await cw.get(`/letters/transfer-in/${keep.plan_id}/letter.docx`);
    expect(docx.statusCode).toBe(200);
  });

  it('writes a decision to stop a plan, and a decision not to amend after all, each with the rights block', async () => {
    const cessation = await t.database.db
      .selectFrom('plan_cessation')
      .select(['id', 'plan_id'])
      .where('la_code', '=', LA)
      .where('decision', '=', 'cease')
      .orderBy('decision_date', 'desc')
      .executeTakeFirstOrThrow();
    const cw = await as('caseworker');
    const cease = await cw.get(`/letters/to-cease/${cessation.id}`);
    expect(cease.statusCode).toBe(200);
    expect(cease.body).toContain('stop maintaining');
    expect(cease.body).toContain('data-rights-item="appeal-deadline"');
    expect((await cw.get(`/ceasing/plans/${cessation.plan_id}`)).body).toContain(
      `/letters/to-cease/${cessation.id}`,
    );
    const amendment = await t.database.db
      .selectFrom('plan_amendment')
      .select(['id', 'plan_id'])
      .where('la_code', '=', LA)
      .where('amended_issued', 'is', null)
      .where('proposal_sent', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect((await cw.get(`/letters/not-to-amend/${amendment.id}`)).statusCode).toBe(404);
    await t.database.db
      .updateTable('plan_amendment')
      .set({
        not_amended_on: todayInLondon(),
        not_amended_reasons: 'The family and the school agreed no change was needed.',
      })
      .where('la_code', '=', LA)
      .where('id', '=', amendment.id)
      .execute();
    const notAmended = await cw.get(`/letters/not-to-amend/${amendment.id}`);
    expect(notAmended.statusCode).toBe(200);
    expect(notAmended.body).toContain('The family and the school agreed no change was needed.');
    expect(notAmended.body).toContain('data-rights-item="appeal-deadline"');
    expect((await cw.get(`/amendments/plans/${amendment.plan_id}`)).body).toContain(
      `/letters/not-to-amend/${amendment.id}`,
    );
  });

  it("writes the amended plan's notice with the rights block, what changed and the next review unmoved", async () => {
    const amended = await t.database.db
      .selectFrom('plan_amendment')
      .select(['id', 'plan_id', 'proposal_sent', 'amended_issued', 'meeting_date'])
      .where('la_code', '=', LA)
      .where('amended_issued', 'is not', null)
      .orderBy('amended_issued')
      .execute();
    expect(amended.length).toBeGreaterThanOrEqual(2);
    const cw = await as('caseworker');
    let late = 0;
    for (const a of amended) {
      const page = await cw.get(`/letters/amended-plan/${a.id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('We have amended');
      expect(page.body).toContain(`On ${longDate(a.proposal_sent!)} we sent you the changes we proposed`);
      expect(page.body).toContain('These parts of the plan have changed: Section');
      expect(page.body).toContain('Amending the plan does not change this date');
      // reg 32: the amended plan's rights, with its appeal date from the day it was issued
      expect(page.body).toContain('data-rights-item="appeal-deadline"');
      expect(page.body).toContain(
        `The last day to appeal is ${longDate(appealDeadline(a.amended_issued!).date)}`,
      );
      expect(page.body).toContain('section I');
      if (page.body.includes('We are sorry it is late')) {
        late++;
        expect(page.body).toContain('We should have issued it by');
        expect(page.body).toContain('reg 22');
      }
      expect((await cw.get(`/amendments/plans/${a.plan_id}`)).body).toContain(
        `/letters/amended-plan/${a.id}`,
      );
    }
    // the demo has one amended plan issued late: its notice says so, with the rule
    expect(late).toBeGreaterThanOrEqual(1);
    const pdf = await cw.get(`/letters/amended-plan/${amended[0]!.id}/letter.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const docx = await cw.get(`/letters/amended-plan/${amended[0]!.id}/letter.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain('amended-plan.docx');
    // an amendment still open has no notice yet
    const open = await t.database.db
      .selectFrom('plan_amendment')
      .select('id')
      .where('la_code', '=', LA)
      .where('amended_issued', 'is', null)
      .where('not_amended_on', 'is', null)
      .executeTakeFirstOrThrow();
    expect((await cw.get(`/letters/amended-plan/${open.id}`)).statusCode).toBe(404);
  });

  it('writes the letter that the council is considering stopping the plan, asking for views, with no rights yet', async () => {
    const row = await t.database.db
      .selectFrom('plan_cessation')
      .select(['id', 'plan_id', 'started_on', 'reason'])
      .where('la_code', '=', LA)
      .where('decision', 'is', null)
      .executeTakeFirstOrThrow();
    const cw = await as('caseworker');
    const page = await cw.get(`/letters/considering-cease/${row.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('We are considering stopping');
    expect(page.body).toContain(`On ${longDate(row.started_on)} we started to consider`);
    expect(page.body).toContain('We have not decided yet');
    expect(page.body).toContain('reg 31(1)');
    expect(page.body).toContain('You can ask to meet us');
    expect(page.body).not.toContain('If you disagree: your rights');
    expect((await cw.get(`/letters/considering-cease/${row.id}/letter.pdf`)).statusCode).toBe(200);
    expect((await cw.get(`/letters/considering-cease/${row.id}/letter.docx`)).statusCode).toBe(200);
    expect((await cw.get(`/ceasing/plans/${row.plan_id}`)).body).toContain(
      `/letters/considering-cease/${row.id}`,
    );
  });

  it("sends a review's decision to the family and the head, who read it; others may not", async () => {
    const db = t.database.db;
    const senco = await actor('senco');
    const school = await settingOfUser(db, LA, senco.userId);
    const schedule = await db
      .selectFrom('plan_review_schedule')
      .select(['plan_id', 'child_id'])
      .where('la_code', '=', LA)
      .where('setting_id', '=', school!.id)
      .orderBy('plan_id')
      .execute();
    const review = await db
      .selectFrom('plan_review')
      .select(['id', 'child_id', 'plan_id'])
      .where('la_code', '=', LA)
      .where(
        'plan_id',
        'in',
        schedule.map((s) => s.plan_id),
      )
      .where('decision', 'is not', null)
      .where('decision', '!=', 'cease')
      .orderBy('held', 'desc')
      .executeTakeFirstOrThrow();
    // the review back to "report sent", then decided through the service
    await db
      .updateTable('plan_review')
      .set({ decision: null, decision_date: null })
      .where('la_code', '=', LA)
      .where('id', '=', review.id)
      .execute();
    // a parent with parental responsibility and no account, who asked for letters by post (ADR 0053)
    await db
      .insertInto('family_member')
      .values({
        la_code: LA,
        child_id: review.child_id,
        given_name: 'Robin',
        family_name: 'Bypost',
        relationship: 'Parent',
        parental_responsibility: true,
        address_line: '4 Mill Lane',
        town: 'Denmoor',
        postcode: 'DM3 4EF',
        contact_preference: 'letter',
      })
      .execute();
    await t.services.reviews.decide(await actor('caseworker'), review.id, {
      formToken: newFormToken(),
      date: todayInLondon(),
      outcome: 'maintain',
    });
    // the decision is a milestone: its letter carries the survey's short address and code (ADR 0057)
    const { view } = await t.services.notices.letter(await actor('caseworker'), 'review-decision', review.id);
    const survey = view.sections.find((x) => x.heading === 'Tell us how it went');
    expect(survey?.paragraphs.join(' ')).toMatch(new RegExp(`/say/${LA}/[A-Z2-9]{4}-[A-Z2-9]{4}`));
    // that parent is sent the decision itself by post, with the rights block, not an email asking them to sign in
    const inFull = await db
      .selectFrom('notification')
      .select(['channel', 'recipient', 'body'])
      .where('la_code', '=', LA)
      .where('child_id', '=', review.child_id)
      .where('template', '=', 'plan-letter-in-full')
      .execute();
    const byPost = inFull.filter((m) => m.channel === 'letter');
    expect(byPost).toHaveLength(1);
    expect(byPost[0]!.recipient).toContain('Robin Bypost');
    expect(byPost[0]!.recipient).toContain('DM3 4EF');
    // every family member without an account (the demo's own by email as well) gets the letter in full
    for (const m of inFull) {
      expect(m.body).toMatch(/appeal/i);
      expect(m.body).not.toMatch(/sign in/i);
    }
    const sent = await db
      .selectFrom('notification')
      .select(['template', 'recipient'])
      .where('la_code', '=', LA)
      .where('child_id', '=', review.child_id)
      .where('template', 'in', ['plan-letter-to-family', 'plan-letter-to-organisation'])
      .execute();
    expect(sent.map((s) => s.template)).toContain('plan-letter-to-organisation');
    const items = await db
      .selectFrom('plan_letter_inbox_item')
      .selectAll()
      .where('la_code', '=', LA)
      .where('record_id', '=', review.id)
      .execute();
    expect(items.map((i) => [i.kind, i.reason])).toEqual([['review-decision', 'school']]);
    const event = await db
      .selectFrom('case_event')
      .select('summary')
      .where('la_code', '=', LA)
      .where('child_id', '=', review.child_id)
      .where('kind', '=', 'letter.sent')
      .executeTakeFirstOrThrow();
    expect(event.summary).toContain('Decision after the annual review sent');
    const audit = await db
      .selectFrom('audit_log')
      .select('detail')
      .where('la_code', '=', LA)
      .where('action', '=', 'notices.letter.sent')
      .where('child_id', '=', review.child_id)
      .execute();
    expect(audit).toHaveLength(1);
    // the SENCO reads it from their inbox
    const sencoClient = await as('senco');
    expect((await sencoClient.get('/inbox')).body).toContain(`/letters/review-decision/${review.id}`);
    expect((await sencoClient.get(`/letters/review-decision/${review.id}`)).statusCode).toBe(200);
    // a professional not sent it, and a parent not of this child: 404; the roles that never read letters: 403
    const other = await decided('amend');
    expect((await sencoClient.get(`/letters/review-decision/${other.id}`)).statusCode).toBe(404);
    expect((await (await as('ep')).get(`/letters/review-decision/${review.id}`)).statusCode).toBe(404);
    const parentChildren = await db
      .selectFrom('access_grant')
      .innerJoin('app_user', 'app_user.id', 'access_grant.user_id')
      .select('access_grant.child_id')
      .where('app_user.email', '=', 'parent2@demo.example')
      .execute();
    if (!parentChildren.some((c) => c.child_id === review.child_id))
      expect((await (await as('parent2')).get(`/letters/review-decision/${review.id}`)).statusCode).toBe(404);
    for (const who of ['editor', 'provider', 'admin'])
      expect((await (await as(who)).get(`/letters/review-decision/${review.id}`)).statusCode).toBe(403);
    // unknown letters and broken ids: 404
    expect((await (await as('caseworker')).get(`/letters/nonsense/${review.id}`)).statusCode).toBe(404);
    expect((await (await as('caseworker')).get('/letters/review-decision/not-a-uuid')).statusCode).toBe(404);
  });

  it("lets the child's own family read their letter", async () => {
    const db = t.database.db;
    const grant = await db
      .selectFrom('access_grant')
      .innerJoin('app_user', (j) =>
        j
          .onRef('app_user.id', '=', 'access_grant.user_id')
          .onRef('app_user.la_code', '=', 'access_grant.la_code'),
      )
      .select('access_grant.child_id')
      .where('app_user.email', '=', 'parent@demo.example')
      .where('access_grant.revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    const review = await db
      .selectFrom('plan_review')
      .select(['id', 'held'])
      .where('la_code', '=', LA)
      .where('child_id', '=', grant.child_id)
      .where('held', 'is not', null)
      .orderBy('held', 'desc')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('plan_review')
      .set({ decision: 'maintain', decision_date: review.held, report_sent: review.held })
      .where('la_code', '=', LA)
      .where('id', '=', review.id)
      .execute();
    const page = await (await as('parent')).get(`/letters/review-decision/${review.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('If you disagree: your rights');
  });
});
