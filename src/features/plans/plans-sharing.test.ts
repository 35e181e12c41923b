/**
 * The plan pages on both engines (test/helpers/plan-pages.ts), from a started plan: sharing the draft. The final is
 * refused before a draft; the draft is shared (recording the journey's date) and listed with its dates; the family
 * and the advisers of this child read it and comment (one comment for a double submit), everyone else gets 404 or
 * 403, audited; the caseworker answers each comment and its author is told.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { countRows, ENGINES } from '../../../test/helpers/db.ts';
import { buttonClass, planPagesCase, startedPlan } from '../../../test/helpers/plan-pages.ts';
import { paths } from '../../platform/web/paths.ts';
import { todayInLondon } from '../../platform/web/views.ts';

describe.each(ENGINES)('EHC plan pages on %s: sharing the draft', (engine) => {
  let t: TestApp;
  const la = '901';
  let caseworker: TestClient;
  let parent: TestClient;
  let otherParent: TestClient;
  let health: TestClient;
  let otherAdviser: TestClient;
  let caseId: string;
  let planId: string;
  const count = (table: 'ehc_plan_item' | 'ehc_plan_version' | 'ehc_plan_comment' | 'ehc_plan_override') =>
    countRows(t.database.db, table);

  beforeAll(async () => {
    t = await createTestApp(engine);
    const s = await planPagesCase(t, la);
    ({ caseworker, parent, otherParent, health, otherAdviser, caseId } = s);
    planId = await startedPlan(s);
  });
  afterAll(() => t?.close());

  it('refuses the final before a draft; shares the draft and records the journey date', async () => {
    const early = await caseworker.submit(paths.plans.issueFinal(planId), {
      'date-day': '1',
      'date-month': '1',
      'date-year': '2026',
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('Name the school or other setting in section I');
    const bad = await caseworker.submit(paths.plans.issueDraft(planId), {
      'date-day': '31',
      'date-month': '2',
      'date-year': '2026',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('must be a real date');
    expect(await count('ehc_plan_version')).toBe(0);
    const res = await caseworker.submit(paths.plans.issueDraft(planId), {
      'date-day': '2',
      'date-month': '1',
      'date-year': '2026',
    });
    expect(res.statusCode).toBe(303);
    expect(await count('ehc_plan_version')).toBe(1);
    const kase = await t.database.db
      .selectFrom('assessment_case')
      .select(['draft_served'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(kase.draft_served).toBe('2026-01-02');
    const mail = await t.database.db.selectFrom('notification').select(['template', 'recipient']).execute();
    expect(mail.some((m) => m.template === 'plan-draft-shared-adviser')).toBe(true);
    expect(mail.some((m) => m.template === 'assessment-draft-served')).toBe(true);
    const page = await caseworker.get(paths.plans.plan(planId));
    expect(page.body).toContain('2 January 2026 to 16 January 2026');
    // The 15 days are over: issuing is now the primary action, sharing another draft secondary.
    expect(buttonClass(page.body, paths.plans.issueFinal(planId))).toBe('govuk-button');
    expect(buttonClass(page.body, paths.plans.issueDraft(planId))).toBe(
      'govuk-button govuk-button--secondary',
    );
    await withDraftSharedToday(async () => {
      // While the family's 15 days run, the draft stays first and the page says when the plan can be issued.
      const open = (await caseworker.get(paths.plans.plan(planId))).body;
      expect(buttonClass(open, paths.plans.issueDraft(planId))).toBe('govuk-button');
      expect(buttonClass(open, paths.plans.issueFinal(planId))).toBe('govuk-button govuk-button--secondary');
      expect(open).toMatch(/Issue the final plan after \d+ \w+ \d{4}, unless the family tell you/);
    });
  });

  /** Runs `check` with the draft served today (its 15 days open), then puts the dates back (versions never change). */
  const withDraftSharedToday = async (check: () => Promise<void>) => {
    const db = t.database.db;
    const today = todayInLondon();
    const kase = await db
      .selectFrom('assessment_case')
      .select('draft_served')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const plan = await db
      .selectFrom('ehc_plan')
      .select('draft_served')
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    const set = async (c: string | null, p: string | null) => {
      await db.updateTable('assessment_case').set({ draft_served: c }).where('id', '=', caseId).execute();
      await db.updateTable('ehc_plan').set({ draft_served: p }).where('id', '=', planId).execute();
    };
    await set(today, today);
    try {
      await check();
    } finally {
      await set(kase.draft_served, plan.draft_served);
    }
  };

  it("lists the shared plan with its dates, waiting for the family's comments while the 15 days run (issue 18)", async () => {
    const closed = (await parent.get(paths.plans.shared)).body;
    expect(closed).toContain('Draft shared on 2 January 2026.');
    expect(closed).toContain('The time to comment ended on 16 January 2026.');
    expect(closed).not.toContain('Waiting for your comments');
    await withDraftSharedToday(async () => {
      const open = (await parent.get(paths.plans.shared)).body;
      expect(open).toContain('Waiting for your comments');
      expect(open).toContain('Comments due by');
      expect((await health.get(paths.plans.shared)).body).toContain('Waiting for your comments');
      expect((await otherParent.get(paths.plans.shared)).body).not.toContain('Rowan');
    });
  });

  it('lets the family and the advisers of this child read and comment, and no one else', async () => {
    const mine = await parent.get(paths.plans.sharedPlan(planId));
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain('Section G: health provision');
    expect(mine.body).toContain('16 January 2026');
    expect((await health.get(paths.plans.sharedPlan(planId))).statusCode).toBe(200);
    for (const outsider of [otherParent, otherAdviser]) {
      expect((await outsider.get(paths.plans.sharedPlan(planId))).statusCode).toBe(404);
      expect((await outsider.get(paths.plans.versions(planId))).statusCode).toBe(404);
      expect((await outsider.get(paths.plans.plan(planId))).statusCode).toBe(403);
    }
    const denied = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'plan.shared.read.denied')
      .execute();
    expect(denied.length).toBeGreaterThan(0);
    expect((await parent.get(paths.plans.plan(planId))).statusCode).toBe(403);
    const empty = await parent.submit(
      paths.plans.sharedPlan(planId),
      { part: '', body: '' },
      paths.plans.comment(planId),
    );
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Select the part of the plan your comment is about');
    expect(await count('ehc_plan_comment')).toBe(0);
    // Item by item (issue 18, finding 16): no list of cut-off choices; every part has its own link to the form.
    expect(mine.body).not.toContain('Which part of the plan is your comment about?');
    expect(mine.body).toContain('Comment on the whole section');
    expect(mine.body).not.toContain('name="body"');
    const page = await parent.get(`${paths.plans.sharedPlan(planId)}?part=section:F`);
    expect(page.body).toContain(
      'Your comment on Section F: special educational provision (the whole section)',
    );
    const token = TestClient.csrfFrom(page.body);
    const formToken = /name="token" value="([^"]+)"/.exec(page.body)![1]!;
    const fields = {
      _csrf: token,
      token: formToken,
      part: 'section:F',
      body: 'Rowan needs help at lunchtime too.',
    };
    // Two posts at the same moment (not a double click the browser stops): one comment.
    const both = await Promise.all([
      parent.post(paths.plans.comment(planId), fields),
      parent.post(paths.plans.comment(planId), fields),
    ]);
    expect(both.map((r) => r.statusCode)).toEqual([303, 303]);
    expect((await parent.post(paths.plans.comment(planId), fields)).statusCode).toBe(303); // double submit
    expect(await count('ehc_plan_comment')).toBe(1);
    // A post without the form's one-use token (not from a page this service drew) is refused, the words kept.
    const tokenless = await parent.post(paths.plans.comment(planId), { ...fields, token: '' });
    expect(tokenless.statusCode).toBe(400);
    expect(tokenless.body).toContain('This form has expired');
    expect(tokenless.body).toContain('Rowan needs help at lunchtime too.');
    expect(await count('ehc_plan_comment')).toBe(1);
    const hp = await health.get(paths.plans.sharedPlan(planId));
    const link = /href="([^"]*\?part=item%3AG%3A[^"#]+)#comment-form">Comment on this/.exec(hp.body)![1]!;
    const item = decodeURIComponent(link.split('?part=')[1]!);
    const itemId = item.split(':')[2]!;
    const itemWords = (
      await t.database.db
        .selectFrom('ehc_plan_item')
        .select('text')
        .where('id', '=', itemId)
        .executeTakeFirstOrThrow()
    ).text;
    // The form on that item shows it in full; an empty comment keeps the item chosen and says what to do.
    const form = await health.get(link.replaceAll('&amp;', '&'));
    expect(form.body).toContain('Your comment on Section G: health provision');
    expect(form.body.slice(form.body.indexOf('id="comment-item"'))).toContain(itemWords);
    expect(form.body).toContain(`name="part" value="${item}"`);
    const blank = await health.submitWithFormToken(
      link.replaceAll('&amp;', '&'),
      { part: item, body: ' ' },
      paths.plans.comment(planId),
    );
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain(`name="part" value="${item}"`);
    const r = await health.submitWithFormToken(
      link.replaceAll('&amp;', '&'),
      { part: item, body: 'Please add the nurse’s name.' },
      paths.plans.comment(planId),
    );
    expect(r.statusCode).toBe(303);
    expect(await count('ehc_plan_comment')).toBe(2);
  });

  it('no longer flags the draft as waiting once the family has commented', async () => {
    await withDraftSharedToday(async () => {
      const list = (await parent.get(paths.plans.shared)).body;
      expect(list).toContain('Comments due by');
      expect(list).not.toContain('Waiting for your comments');
    });
  });

  it('has the caseworker answer each comment and tells its author', async () => {
    const list = await caseworker.get(paths.plans.comments(planId));
    expect(list.body).toContain('2 waiting for an answer');
    // The comment on one item shows that item's words, as the version commented on had them.
    const commented = await t.database.db
      .selectFrom('ehc_plan_comment')
      .select('item_id')
      .where('plan_id', '=', planId)
      .where('item_id', 'is not', null)
      .executeTakeFirstOrThrow();
    const { text } = await t.database.db
      .selectFrom('ehc_plan_item')
      .select('text')
      .where('id', '=', commented.item_id!)
      .executeTakeFirstOrThrow();
    expect(list.body).toContain('About this item:');
    const escaped = text
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      .replaceAll('"', '&quot;')
      .replaceAll("'", '&#39;');
    expect(list.body).toContain(escaped);
    const ids = [...list.body.matchAll(/\/comments\/([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    expect(ids.length).toBe(2);
    const bad = await caseworker.submit(paths.plans.respond(planId, ids[0]!), {
      response: '',
      changed: 'yes',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter your answer to the comment');
    expect(bad.body).toContain('Say what changed in the plan');
    for (const id of ids) {
      const r = await caseworker.submit(paths.plans.respond(planId, id), {
        response: 'Thank you, done.',
        changed: 'yes',
        changeNote: 'Added lunchtime support to F.',
      });
      expect(r.statusCode).toBe(303);
    }
    const mail = await t.database.db
      .selectFrom('notification')
      .select('template')
      .where('template', '=', 'plan-comment-answered')
      .execute();
    expect(mail.length).toBe(2);
    const seen = await parent.get(paths.plans.sharedPlan(planId));
    expect(seen.body).toContain('The plan was changed: Added lunchtime support to F.');
  });
});
