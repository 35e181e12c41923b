/**
 * The plan pages on both engines, end to end over an assessment with three pieces of received advice: starting a
 * plan fills section K; advice not reflected is listed and pulled in with its citation; forms show GOV.UK errors
 * with input kept and nothing half-saved; hostile input is escaped; CSRF is enforced; a draft is shared (recording
 * the journey's date), the family and an adviser comment, the caseworker answers; the final cannot be issued with
 * thread errors until a manager records why; versions compare; the documents are real .docx and PDF files.
 * Access: the family and advisers see their child's shared plan only; everyone else gets 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { countRows, ENGINES } from '../../../test/helpers/db.ts';
import { pdfText, unzipEntry } from '../../../test/helpers/documents.ts';
import {
  createAuthority,
  createChild,
  createUser,
  grant,
  TEST_PASSWORD,
} from '../../../test/helpers/factories.ts';
import { dateInputValues } from '../../platform/web/forms.ts';
import { paths } from '../../platform/web/paths.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { draftStageCase, teamFor, THREE_ADVICE } from '../../../test/helpers/plan-fixtures.ts';

describe.each(ENGINES)('EHC plan pages on %s', (engine) => {
  let t: TestApp;
  const la = '901';
  let caseworker: TestClient;
  let manager: TestClient;
  let parent: TestClient;
  let otherParent: TestClient;
  let health: TestClient;
  let otherAdviser: TestClient;
  let childRef: string;
  let childId: string;
  let caseId: string;
  let planId: string;
  const signIn = async (email: string) => {
    const c = new TestClient(t.app);
    await c.signIn(email, TEST_PASSWORD);
    return c;
  };
  /** The classes of the link to `href` on a page (which of the page's buttons is primary). */
  const buttonClass = (body: string, href: string) =>
    new RegExp(`<a class="([^"]+)" href="${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).exec(body)?.[1];
  const count = (table: 'ehc_plan_item' | 'ehc_plan_version' | 'ehc_plan_comment' | 'ehc_plan_override') =>
    countRows(t.database.db, table);

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    await createAuthority(db, la);
    const teamId = await teamFor(db, la);
    const cw = await createUser(db, la, 'caseworker', { displayName: 'Casey Worker', teamId });
    const mgr = await createUser(db, la, 'team-manager', { displayName: 'Morgan Manager', teamId });
    const p = await createUser(db, la, 'parent');
    const p2 = await createUser(db, la, 'parent');
    const ep = await createUser(db, la, 'professional');
    const h = await createUser(db, la, 'professional', { displayName: 'Dr Hale' });
    const other = await createUser(db, la, 'professional');
    await db
      .updateTable('app_user')
      .set({ job_title: 'Community paediatrician' })
      .where('id', '=', h.id)
      .execute();
    const child = await createChild(db, la, {
      givenName: 'Rowan',
      familyName: 'Tester',
      dateOfBirth: '2017-02-10',
    });
    const otherChild = await createChild(db, la);
    childId = child.id;
    childRef = (
      await db.selectFrom('child').select('reference').where('id', '=', child.id).executeTakeFirstOrThrow()
    ).reference;
    await grant(db, la, p.id, child.id, 'parent');
    await grant(db, la, p2.id, otherChild.id, 'parent');
    await grant(db, la, h.id, child.id, 'adviser');
    await grant(db, la, ep.id, child.id, 'adviser');
    await grant(db, la, other.id, otherChild.id, 'adviser');
    caseId = await draftStageCase(db, la, {
      childId: child.id,
      teamId,
      officerId: cw.id,
      advice: THREE_ADVICE(ep.id, h.id, null),
    });
    caseworker = await signIn(cw.email);
    manager = await signIn(mgr.email);
    parent = await signIn(p.email);
    otherParent = await signIn(p2.email);
    health = await signIn(h.email);
    otherAdviser = await signIn(other.email);
  });
  afterAll(() => t?.close());

  it('starts a plan from the child reference, with section K filled from the assessment', async () => {
    const bad = await caseworker.submit(paths.plans.start, { childReference: 'nonsense' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the reference in the format GT-000123');
    expect(bad.body).toContain('value="nonsense"');
    const res = await caseworker.submit(paths.plans.start, { childReference: childRef });
    expect(res.statusCode).toBe(303);
    planId = res.headers.location!.split('/').pop()!;
    const again = await caseworker.submit(paths.plans.start, { childReference: childRef });
    expect(again.headers.location).toBe(paths.plans.plan(planId)); // no second plan
    const page = await caseworker.get(paths.plans.plan(planId));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(
      'Health advice from the Community paediatrician: 5 recommendations not in the plan',
    );
    expect(page.body).toContain('Section K: advice and information');
    expect(page.body).toContain('govuk-task-list');
  });

  it('pulls recommendations into the plan with their citation, one or all at once, each once', async () => {
    const page = await caseworker.get(paths.plans.plan(planId));
    const forms = [
      ...page.body.matchAll(
        /name="adviceId" value="([^"]+)">\s*<input type="hidden" name="key" value="([^"]+)"/g,
      ),
    ];
    const single = forms.filter(([, , key]) => key !== 'all');
    expect(single.length).toBe(12);
    // "Add all" (issue 18 item 3): one button for every recommendation, and one for each piece of advice.
    expect(page.body).toContain('Add every recommendation not yet in the plan');
    expect(page.body).toMatch(/Add all 5 to the plan<span class="govuk-visually-hidden">: Health advice/);
    const token = TestClient.csrfFrom(page.body);
    const r = await caseworker.post(paths.plans.pull(planId), {
      _csrf: token,
      adviceId: single[0]![1]!,
      key: single[0]![2]!,
    });
    expect(r.statusCode).toBe(303);
    const one = await count('ehc_plan_item');
    const all = await caseworker.post(paths.plans.pull(planId), {
      _csrf: token,
      adviceId: 'all',
      key: 'all',
    });
    expect(all.statusCode).toBe(303);
    expect(all.headers.location).toBe(`${paths.plans.plan(planId)}?saved=pulled#advice`);
    expect(await count('ehc_plan_item')).toBe(one + 11);
    const before = await count('ehc_plan_item');
    await caseworker.post(paths.plans.pull(planId), {
      _csrf: token,
      adviceId: single[0]![1]!,
      key: single[0]![2]!,
    });
    await caseworker.post(paths.plans.pull(planId), { _csrf: token, adviceId: 'all', key: 'all' });
    await caseworker.post(paths.plans.pull(planId), { _csrf: token, adviceId: single[3]![1]!, key: 'all' });
    expect(await count('ehc_plan_item')).toBe(before);
    const stranger = await caseworker.post(paths.plans.pull(planId), {
      _csrf: token,
      adviceId: '00000000-0000-4000-8000-000000000000',
      key: 'all',
    });
    expect(stranger.statusCode).toBe(404);
    const after = await caseworker.get(paths.plans.plan(planId));
    expect(after.body).toContain('Every recommendation in the submitted advice is in the plan');
    expect(after.body).toContain('Recommended in advice from Health: Community paediatrician (section K)');
    // Provision pulled from the health advice lands in G and is linked to the health need pulled from it.
    const g = await t.database.db
      .selectFrom('ehc_plan_item')
      .selectAll()
      .where('section', '=', 'G')
      .execute();
    expect(g.length).toBe(2);
    expect((g[0]!.need_ids as string[]).length).toBe(1);
    expect(g.find((i) => i.text.startsWith('Occupational'))!.frequency_per).toBe('term');
    // Issue 18: a pulled outcome is linked to the need it concerns, not every need of its advice, and keeps the
    // adviser's "by when"; the linked needs read as a list, without glued full stops.
    const ep = await t.database.db
      .selectFrom('ehc_plan_item')
      .select(['need_ids', 'timescale_text'])
      .where('plan_id', '=', planId)
      .where('text', 'like', 'By July 2027, will follow three-step%')
      .executeTakeFirstOrThrow();
    const memory = await t.database.db
      .selectFrom('ehc_plan_item')
      .select('id')
      .where('plan_id', '=', planId)
      .where('text', 'like', 'Working memory%')
      .executeTakeFirstOrThrow();
    expect(ep).toEqual({ need_ids: [memory.id], timescale_text: 'By July 2027' });
    expect(after.body).not.toContain('.;');
    expect(after.body).toMatch(/By when<\/dt><dd class="govuk-summary-list__value">By July 2027</);
    expect(after.body).not.toMatch(/By when<\/dt><dd class="govuk-summary-list__value">Not given/);
  });

  it("offers the family's own words for section A: why they asked and the views they sent", async () => {
    const db = t.database.db;
    await db
      .updateTable('assessment_case')
      .set({ request_answers: JSON.stringify({ why: 'Rowan cannot read the board & gets upset.' }) })
      .where('id', '=', caseId)
      .execute();
    const { id: viewsId } = await db
      .insertInto('assessment_advice')
      .values({
        la_code: la,
        case_id: caseId,
        child_id: childId,
        agency: 'family',
        requested: '2025-10-01',
        due: '2025-10-29',
        received: '2025-10-20',
        status: 'received',
        answer: 'advice',
        needs: '{}',
        provision: '[]',
        outcomes: 'To have a friend to play with.',
        document_text: 'Rowan loves drawing dinosaurs.',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const page = await caseworker.get(paths.plans.newItem(planId, 'A'));
    expect(page.body).toContain("In the family's own words");
    expect(page.body).toContain('Rowan cannot read the board &amp; gets upset.');
    expect(page.body).toContain('Rowan loves drawing dinosaurs.');
    expect(page.body).toContain('To have a friend to play with.');
    const used = await caseworker.get(`${paths.plans.newItem(planId, 'A')}?use=1`);
    expect(used.body).toMatch(/<textarea[^>]*name="text"[^>]*>Rowan loves drawing dinosaurs\./);
    expect((await caseworker.get(paths.plans.newItem(planId, 'B'))).body).not.toContain('own words');
    await db.deleteFrom('assessment_advice').where('id', '=', viewsId).execute();
    await db.updateTable('assessment_case').set({ request_answers: '{}' }).where('id', '=', caseId).execute();
  });

  it('shows GOV.UK errors with input kept, saves nothing, and escapes hostile input', async () => {
    const before = await count('ehc_plan_item');
    const bad = await caseworker.submit(paths.plans.newItem(planId, 'F'), {
      text: '',
      amountValue: 'lots',
      sourceKind: 'authority-decision',
      sourceReason: '',
      where: '<b>kept</b>',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Describe the provision: what will be done');
    expect(bad.body).toContain('How much must be a number, like 3');
    expect(bad.body).toContain('&lt;b&gt;kept&lt;/b&gt;');
    const noReason = await caseworker.submit(paths.plans.newItem(planId, 'F'), {
      text: 'Speech therapy',
      sourceKind: 'authority-decision',
      sourceReason: '',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why the council decided on this provision');
    expect(await count('ehc_plan_item')).toBe(before);
    const ok = await caseworker.submit(paths.plans.newItem(planId, 'A'), {
      text: '<script>alert(1)</script> I want to be a vet',
      whose: 'Rowan',
    });
    expect(ok.statusCode).toBe(303);
    const page = await caseworker.get(paths.plans.plan(planId));
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; I want to be a vet');
    expect(page.body).not.toContain('<script>alert(1)</script>');
  });

  it('refuses a POST without a CSRF token', async () => {
    const r = await caseworker.post(paths.plans.newItem(planId, 'A'), { text: 'x' });
    expect(r.statusCode).toBe(403);
  });

  it('previews the draft as the family will see it, sending and keeping nothing (issue 18)', async () => {
    const before = await t.database.db.selectFrom('notification').select('id').execute();
    const page = await caseworker.get(paths.plans.preview(planId));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('This is what the family will see if you share the draft today');
    expect(page.body).toContain('Draft education, health and care (EHC) plan for Rowan');
    expect(page.body).toContain('This is version 1, issued on');
    expect(page.body).toContain('to comment on this draft');
    expect(page.body).toContain('Section G: health provision');
    expect(page.body).not.toContain('Send your comment');
    expect(page.body).toContain(`href="${paths.plans.issueDraft(planId)}"`);
    expect((await caseworker.get(paths.plans.plan(planId))).body).toContain(
      `href="${paths.plans.preview(planId)}"`,
    );
    // Issue 18: before a draft is shared, sharing it is the page's primary action and issuing is secondary.
    const editor = (await caseworker.get(paths.plans.plan(planId))).body;
    expect(buttonClass(editor, paths.plans.issueDraft(planId))).toBe('govuk-button');
    expect(buttonClass(editor, paths.plans.issueFinal(planId))).toBe('govuk-button govuk-button--secondary');
    expect(editor).toContain('Next: share a draft with the family and advisers');
    expect((await manager.get(paths.plans.preview(planId))).statusCode).toBe(200);
    for (const outsider of [parent, health, otherParent])
      expect((await outsider.get(paths.plans.preview(planId))).statusCode).toBe(403);
    expect(await count('ehc_plan_version')).toBe(0);
    expect(await t.database.db.selectFrom('notification').select('id').execute()).toHaveLength(before.length);
  });

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

  it('blocks the final with thread errors until a team manager records why, then issues it through the journey', async () => {
    // A word changed after the draft: the comparison marks that word alone (issue 18 item 7).
    const vet = await t.database.db
      .selectFrom('ehc_plan_item')
      .select('id')
      .where('plan_id', '=', planId)
      .where('text', 'like', '%I want to be a vet')
      .executeTakeFirstOrThrow();
    const edited = await caseworker.submit(paths.plans.item(planId, vet.id), {
      text: '<script>alert(1)</script> I want to be a vet nurse',
      whose: 'Rowan',
    });
    expect(edited.statusCode).toBe(303);
    const setting = await t.database.db
      .insertInto('setting')
      .values({
        la_code: la,
        name: 'Testshire Primary',
        kind: 'school',
        type: 'Community school',
        phase: 'Primary',
        first_year_group: 0,
        last_year_group: 6,
        in_area: true,
        urn: null,
        location_authority: null,
        postcode: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Issue 18: the school the child goes to now is offered for section I, by name.
    await t.database.db
      .insertInto('child_setting')
      .values({
        la_code: la,
        child_id: childId,
        setting_id: setting.id,
        start_date: '2025-09-01',
        end_date: null,
        attendance: 'full-time',
      })
      .execute();
    expect((await caseworker.get(paths.plans.plan(planId))).body).toContain(
      'Blank. Rowan goes to Testshire Primary now.',
    );
    const offer = await caseworker.get(paths.plans.placement(planId));
    expect(offer.body).toContain('Rowan goes to Testshire Primary now.');
    expect(offer.body).toContain('Name Testshire Primary');
    // The list has it first, after leaving the section blank.
    expect(offer.body).toMatch(
      /Leave blank \(a draft plan\)<\/option>\s*<option value="[^"]+">Testshire Primary \(Community school\)/,
    );
    expect(
      (await caseworker.submit(paths.plans.placement(planId), { settingId: setting.id })).statusCode,
    ).toBe(303);
    expect((await caseworker.get(paths.plans.placement(planId))).body).not.toContain(
      'Name Testshire Primary',
    );
    const refused = await caseworker.submit(paths.plans.issueFinal(planId), {
      'date-day': '20',
      'date-month': '1',
      'date-year': '2026',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatch(/golden-thread errors?\. Fix them, or ask a team manager/);
    expect(await count('ehc_plan_version')).toBe(1);
    expect((await caseworker.get(paths.plans.override(planId))).statusCode).toBe(403);
    const short = await manager.submit(paths.plans.override(planId), { reason: 'because' });
    expect(short.statusCode).toBe(400);
    expect(await count('ehc_plan_override')).toBe(0);
    expect(
      (
        await manager.submit(paths.plans.override(planId), {
          reason: 'Tribunal deadline: the school outcome will be added at the 6-week review.',
        })
      ).statusCode,
    ).toBe(303);
    // S3: the setting named in section I must have been consulted on the draft.
    const unconsulted = await caseworker.submit(paths.plans.issueFinal(planId), {
      'date-day': '20',
      'date-month': '1',
      'date-year': '2026',
    });
    expect(unconsulted.statusCode).toBe(400);
    expect(unconsulted.body).toContain('Testshire Primary has not been consulted');
    expect(await count('ehc_plan_version')).toBe(1);
    const placement = await caseworker.get(paths.consultation.case(caseId));
    const consulted = await caseworker.post(paths.consultation.consult(caseId), {
      _csrf: TestClient.csrfFrom(placement.body),
      formToken: /name="formToken" value="([^"]+)"/.exec(placement.body)![1]!,
      consultSettingId: setting.id,
    });
    expect(consulted.statusCode).toBe(303);
    const ok = await caseworker.submit(paths.plans.issueFinal(planId), {
      'date-day': '20',
      'date-month': '1',
      'date-year': '2026',
    });
    expect(ok.statusCode).toBe(303);
    const kase = await t.database.db
      .selectFrom('assessment_case')
      .select(['final_issued', 'plan_reference'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(kase.final_issued).toBe('2026-01-20');
    expect(kase.plan_reference).toBe(`${childRef}-V2`);
    const plan = await t.database.db
      .selectFrom('ehc_plan')
      .select(['status', 'review_due'])
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    expect(plan.status).toBe('final');
    expect(plan.review_due).toBe('2027-01-19');
    // The review schedule (and so the backlog) has the plan at once, in the same transaction (docs/reviews.md).
    expect(
      await t.database.db
        .selectFrom('plan_review_schedule')
        .select(['first_issued', 'next_number', 'next_due'])
        .where('plan_id', '=', planId)
        .executeTakeFirst(),
    ).toEqual({ first_issued: '2026-01-20', next_number: 1, next_due: '2027-01-19' });
    const events = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['plan.override', 'plan.final.issue'])
      .where('record_type', '=', 'ehc_plan')
      .execute();
    expect(events.length).toBe(2);
    // Issue 18: the child's history has one entry for the final plan (it had one from each feature), naming the
    // version and the manager's decision; both features' audit entries are kept.
    const issuedEvents = await t.database.db
      .selectFrom('case_event')
      .select(['kind', 'summary', 'detail'])
      .where('child_id', '=', childId)
      .where('kind', 'in', ['plan-issued', 'plan-final'])
      .execute();
    expect(issuedEvents.map((e) => e.summary)).toEqual([
      expect.stringMatching(
        /^Final EHC plan issued \(version 2, (within|\d+ days? after) the 20-week limit\) with golden-thread errors, by a manager’s decision$/,
      ),
    ]);
    expect(issuedEvents[0]!.detail).toMatchObject({ planId, caseId });
    expect(
      await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'assessment.final.issue')
        .where('record_id', '=', caseId)
        .execute(),
    ).toHaveLength(1);
    // Any later change needs a new decision: the override was for that revision only.
    await caseworker.submit(paths.plans.newItem(planId, 'A'), { text: 'Likes drawing', whose: '' });
    const amended = await caseworker.submit(paths.plans.issueFinal(planId), {
      'date-day': '21',
      'date-month': '1',
      'date-year': '2026',
    });
    expect(amended.statusCode).toBe(400);
    // J2: an issued plan is amended only through a review, a reassessment or a tribunal order: not offered, refused,
    // and the review date stays where the final plan put it.
    expect(amended.body).toContain('can only be amended after an annual review (reg 22)');
    expect((await caseworker.get(paths.plans.plan(planId))).body).not.toContain('Issue an amended plan');
    const after = await t.database.db
      .selectFrom('ehc_plan')
      .select(['status', 'review_due'])
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'final', review_due: '2027-01-19' });
  });

  it('compares draft and final for the family, with additions and removals marked in words', async () => {
    const versions = await parent.get(paths.plans.versions(planId));
    expect(versions.statusCode).toBe(200);
    const ids = [...versions.body.matchAll(/<option value="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    const [latest, first] = [ids[0]!, ids[1]!];
    const cmp = await parent.get(`${paths.plans.compare(planId)}?from=${first}&to=${latest}`);
    expect(cmp.statusCode).toBe(200);
    expect(cmp.body).toContain('Compare version 1 with version 2');
    expect(cmp.body).toContain('Added</strong> <ins>Testshire Primary</ins>');
    expect(cmp.body).toContain(
      'I want to be a vet <ins><span class="govuk-visually-hidden">added: </span>nurse</ins>',
    );
    const same = await parent.get(`${paths.plans.compare(planId)}?from=${first}&to=${first}`);
    expect(same.statusCode).toBe(400);
  });

  it('produces the plan as a page, a Word document and a PDF from the same data', async () => {
    const versionId = (
      await t.database.db
        .selectFrom('ehc_plan_version')
        .select('id')
        .where('number', '=', 2)
        .executeTakeFirstOrThrow()
    ).id;
    const html = await parent.get(paths.plans.document(planId, versionId));
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('Appendix 1: advice from');
    // Issue 18: each legal heading has what the section is for in plain words: the document, the family's own
    // page of the plan, the editor, Word and PDF.
    const h1 = 'Social care help the council must give a disabled child under 18 by law';
    expect(html.body).toContain(h1);
    expect((await parent.get(paths.plans.sharedPlan(planId))).body).toContain(h1);
    expect((await caseworker.get(paths.plans.plan(planId))).body).toContain(h1);
    const docx = await parent.get(paths.plans.document(planId, versionId, 'docx'));
    expect(docx.statusCode).toBe(200);
    const xml = unzipEntry(docx.rawPayload, 'word/document.xml')!;
    for (const s of [
      'Section A: views',
      'Section B: special',
      'Section F: special educational provision',
      'Section K: advice',
      'Testshire Primary',
      'Appendix 3',
      'Social care help the council must give a disabled child under 18 by law',
      'The school, college or other place where they will learn.',
    ])
      expect(xml).toContain(s);
    const pdf = await parent.get(paths.plans.document(planId, versionId, 'pdf'));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf.rawPayload);
    for (const s of [
      'Section A: views',
      'Section E: outcomes',
      'Section H2: other social care provision',
      'Section K: advice',
      'What everyone is working towards: the difference the help should make, and by when.',
      'Appendix 2',
      // Fit for the family's file (issue 18 item 7): the issue date, the next review, how to appeal.
      'Final plan issued on 20 January 2026.',
      'The plan must be reviewed by 19 January 2027.',
      'If you disagree with this plan',
      'You can ask the',
    ])
      expect(text.replace(/\s+/g, ' ')).toContain(s);
    for (const s of ['Final plan issued on 20 January 2026.', 'If you disagree with this plan'])
      expect(xml).toContain(s);
    expect(html.body).toContain('The plan must be reviewed by 19 January 2027.');
    const draftId = (
      await t.database.db
        .selectFrom('ehc_plan_version')
        .select('id')
        .where('number', '=', 1)
        .executeTakeFirstOrThrow()
    ).id;
    const draft = pdfText((await parent.get(paths.plans.document(planId, draftId, 'pdf'))).rawPayload);
    expect(draft.replace(/\s+/g, ' ')).toContain(
      'Draft shared on 2 January 2026. This is not the final plan.',
    );
    expect(draft).not.toContain('If you disagree with this plan');
    expect((await otherParent.get(paths.plans.document(planId, versionId, 'pdf'))).statusCode).toBe(404);
    expect((await parent.get(paths.plans.document(planId, 'current', 'pdf'))).statusCode).toBe(403);
  });

  it('lists plans for casework staff, paginated and filtered', async () => {
    const list = await caseworker.get(`${paths.plans.list}?status=final&q=Rowan`);
    expect(list.body).toContain('Rowan Tester');
    const none = await caseworker.get(`${paths.plans.list}?status=draft`);
    expect(none.body).toContain('No plans match.');
    expect((await parent.get(paths.plans.list)).statusCode).toBe(403);
    const shared = await parent.get(paths.plans.shared);
    expect(shared.body).toContain('Rowan Tester');
    expect((await otherParent.get(paths.plans.shared)).body).not.toContain('Rowan');
    void childId;
  });
  it('J8: a new request for a child with a plan is a reassessment, and its outcome is a new version of that plan', async () => {
    const db = t.database.db;
    const dateParts = (iso: string, name: string) => dateInputValues(name, iso);
    const before = await db
      .selectFrom('ehc_plan')
      .select(['status', 'review_due'])
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    expect(before).toEqual({ status: 'final', review_due: '2027-01-19' });
    // The family asks again, by letter: the child has a plan, so it is a reassessment on its own 14 weeks, and they
    // are told so.
    const recorded = await caseworker.submitWithFormToken(paths.assessments.record, {
      child: childRef,
      method: 'letter',
      requestedBy: 'parent',
      why: 'Needs have changed since the plan was issued',
      ...dateParts('2026-03-02', 'received'),
    });
    expect(recorded.statusCode).toBe(303);
    const reId = /\/assessments\/([0-9a-f-]{36})/.exec(recorded.headers.location as string)![1]!;
    const request = await db
      .selectFrom('assessment_case')
      .select(['kind', 'next_step'])
      .where('id', '=', reId)
      .executeTakeFirstOrThrow();
    expect(request.kind).toBe('reassessment');
    expect(request.next_step).not.toBe('decision-to-assess');
    const told = await db
      .selectFrom('notification')
      .select('body')
      .where('la_code', '=', la)
      .where('template', '=', 'reassessment-request-received')
      .execute();
    expect(told.length).toBeGreaterThan(0);
    expect(told[0]!.body).toContain('within 14 weeks');
    const decided = await caseworker.submit(`${paths.assessments.case(reId)}/decision`, {
      outcome: 'assess',
      reasons: 'Needs have changed',
      ...dateParts('2026-03-10', 'date'),
    });
    expect(decided.statusCode).toBe(303);
    const adviceForm = await caseworker.get(`${paths.assessments.case(reId)}/advice`);
    const asked = await caseworker.post(`${paths.assessments.case(reId)}/advice`, {
      agencies: ['family', 'setting', 'health', 'educational-psychology', 'social-care'],
      'service-health': 'Community paediatrics',
      ...dateParts('2026-03-11', 'date'),
      token: /name="token" value="([^"]+)"/.exec(adviceForm.body)![1]!,
      _csrf: TestClient.csrfFrom(adviceForm.body),
    });
    expect(asked.statusCode).toBe(303);
    // Until the reassessment decides to issue a plan and serves its draft, the plan cannot be amended (J2).
    const early = await caseworker.submit(paths.plans.issueFinal(planId), {
      'date-day': '20',
      'date-month': '4',
      'date-year': '2026',
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('can only be amended after an annual review (reg 22)');
    // None of the advice asked for has arrived: the outcome needs the reason to go ahead without it (issue 18).
    const outcome = await caseworker.submit(`${paths.assessments.case(reId)}/outcome`, {
      outcome: 'issue-plan',
      reasons: 'Agreed at panel',
      withoutAdvice: 'Panel agreed the changed needs are clear from the school’s records',
      ...dateParts('2026-04-20', 'date'),
    });
    expect(outcome.statusCode).toBe(303);
    const editor = await caseworker.get(paths.plans.plan(planId));
    expect(editor.body).toContain('Share the reassessment’s draft for comments');
    // Issue 18: the reassessment's new advice reaches the working plan while its draft is written, before it is
    // shared; each outcome is linked to the needs the caseworker chooses (the suggested one ticked).
    const social = await db
      .selectFrom('assessment_advice')
      .select('id')
      .where('case_id', '=', reId)
      .where('agency', '=', 'social-care')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('assessment_advice')
      .set({
        status: 'received',
        received: '2026-04-15',
        answer: 'advice',
        needs: JSON.stringify({ socialCare: 'Anxious in crowds since the family moved house.' }),
        outcomes: 'Goes to the youth club calmly with a friend by the end of Year 6.',
        provision: JSON.stringify([]),
      })
      .where('id', '=', social.id)
      .execute();
    expect(editor.body).toContain('Add newly received advice to section K');
    expect(
      (await caseworker.submit(paths.plans.plan(planId), {}, paths.plans.syncAdvice(planId))).statusCode,
    ).toBe(303);
    const kNew = await db
      .selectFrom('ehc_plan_advice')
      .select('id')
      .where('plan_id', '=', planId)
      .where('assessment_advice_id', '=', social.id)
      .executeTakeFirstOrThrow();
    const pull = (key: string, extra: Record<string, string | string[]> = {}) =>
      caseworker.submit(
        paths.plans.plan(planId),
        { adviceId: kNew.id, key, ...extra },
        paths.plans.pull(planId),
      );
    expect((await pull('need:socialCare')).statusCode).toBe(303);
    const need = await db
      .selectFrom('ehc_plan_item')
      .select('id')
      .where('plan_id', '=', planId)
      .where('source_advice_id', '=', kNew.id)
      .executeTakeFirstOrThrow();
    const choosing = await caseworker.get(paths.plans.plan(planId));
    expect(choosing.body).toContain('Which needs it follows from');
    expect(choosing.body).toMatch(new RegExp(`value="${need.id}" checked`));
    // The caseworker's choice is kept (here, none: the checks will then ask for one).
    expect((await pull('outcome:0', { links: 'chosen' })).statusCode).toBe(303);
    expect(
      await db
        .selectFrom('ehc_plan_item')
        .select(['need_ids', 'timescale_text'])
        .where('source_advice_id', '=', kNew.id)
        .where('source_recommendation', '=', 'outcome:0')
        .executeTakeFirstOrThrow(),
    ).toEqual({ need_ids: [], timescale_text: 'By the end of Year 6' });
    // The draft is a new version of the same plan (section I blank, as every draft), served on the reassessment.
    expect((await caseworker.submit(paths.plans.placement(planId), { settingId: '' })).statusCode).toBe(303);
    const versionsBefore = await count('ehc_plan_version');
    const startedAt = new Date();
    const draft = await caseworker.submit(paths.plans.issueDraft(planId), {
      'date-day': '22',
      'date-month': '4',
      'date-year': '2026',
    });
    expect(draft.statusCode).toBe(303);
    expect(await count('ehc_plan_version')).toBe(versionsBefore + 1);
    const served = await db
      .selectFrom('assessment_case')
      .select(['draft_served', 'reassessed_plan_id', 'stage'])
      .where('id', '=', reId)
      .executeTakeFirstOrThrow();
    expect(served).toEqual({ draft_served: '2026-04-22', reassessed_plan_id: planId, stage: 'draft' });
    expect(
      await db
        .selectFrom('ehc_plan')
        .select(['status', 'case_id'])
        .where('id', '=', planId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'final', case_id: reId });
    // The family may comment on the reassessment's draft.
    const comment = await parent.get(paths.plans.sharedPlan(planId));
    expect(comment.statusCode).toBe(200);
    // Name the school again, consult it on the reassessment, and record why the plan may go with its thread errors.
    const setting = await db
      .selectFrom('setting')
      .select('id')
      .where('la_code', '=', la)
      .where('name', '=', 'Testshire Primary')
      .executeTakeFirstOrThrow();
    expect(
      (await caseworker.submit(paths.plans.placement(planId), { settingId: setting.id })).statusCode,
    ).toBe(303);
    const placement = await caseworker.get(paths.consultation.case(reId));
    expect(
      (
        await caseworker.post(paths.consultation.consult(reId), {
          _csrf: TestClient.csrfFrom(placement.body),
          formToken: /name="formToken" value="([^"]+)"/.exec(placement.body)![1]!,
          consultSettingId: setting.id,
        })
      ).statusCode,
    ).toBe(303);
    const check = await caseworker.get(paths.plans.issueFinal(planId));
    if (check.body.includes('golden-thread errors. It cannot be issued')) {
      expect(
        (
          await manager.submit(paths.plans.override(planId), {
            reason: 'Reassessment: the amended outcomes are agreed with the family at the next review.',
          })
        ).statusCode,
      ).toBe(303);
    }
    // J1: not inside the family's 15 days.
    // The schedule row as a stale daily refresh would have left it: the amended plan's issue refreshes it.
    await db
      .updateTable('plan_review_schedule')
      .set({ refreshed_on: '2026-01-01', next_due: '2026-02-01' })
      .where('plan_id', '=', planId)
      .execute();
    const tooSoon = await caseworker.submit(paths.plans.issueFinal(planId), {
      result: 'amended',
      'date-day': '1',
      'date-month': '5',
      'date-year': '2026',
    });
    expect(tooSoon.statusCode).toBe(400);
    expect(await count('ehc_plan_version')).toBe(versionsBefore + 1);
    // Issue 18: the advice asked for has still not arrived: the issue page lists it, and issuing needs a reason.
    const issuePage = await caseworker.get(paths.plans.issueFinal(planId));
    expect(issuePage.body).toContain('Advice asked for has not arrived from 4 advisers.');
    expect(issuePage.body).toContain('Educational psychology: asked for on 11 March 2026');
    const noReason = await caseworker.submit(paths.plans.issueFinal(planId), {
      result: 'amended',
      'date-day': '11',
      'date-month': '5',
      'date-year': '2026',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('href="#withoutAdvice"');
    expect(noReason.body).toContain('say why the council is issuing the final plan without it');
    expect(await count('ehc_plan_version')).toBe(versionsBefore + 1);
    const issued = await caseworker.submit(paths.plans.issueFinal(planId), {
      result: 'amended',
      'date-day': '11',
      'date-month': '5',
      'date-year': '2026',
      withoutAdvice: 'The reassessment’s 14 weeks are nearly over; the advice will be added when it comes',
    });
    expect(issued.statusCode).toBe(303);
    // One plan, one more version: amended; the review date does not move; the reassessment is done within 14 weeks.
    expect(
      await db.selectFrom('ehc_plan').select('id').where('child_id', '=', childId).execute(),
    ).toHaveLength(1);
    const versions = await db
      .selectFrom('ehc_plan_version')
      .select(['number', 'kind', 'issued_on'])
      .where('plan_id', '=', planId)
      .orderBy('number')
      .execute();
    expect(versions.slice(-2)).toEqual([
      { number: versions.length - 1, kind: 'draft', issued_on: '2026-04-22' },
      { number: versions.length, kind: 'amended', issued_on: '2026-05-11' },
    ]);
    expect(
      await db
        .selectFrom('ehc_plan')
        .select(['status', 'review_due'])
        .where('id', '=', planId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'amended', review_due: '2027-01-19' });
    const schedule = await db
      .selectFrom('plan_review_schedule')
      .select(['next_due', 'refreshed_on'])
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow();
    expect(schedule.next_due).toBe('2027-01-19');
    expect(schedule.refreshed_on).not.toBe('2026-01-01');
    const done = await db
      .selectFrom('assessment_case')
      .select(['stage', 'is_open', 'final_issued', 'reassessed_plan_id', 'reassessment_result'])
      .where('id', '=', reId)
      .executeTakeFirstOrThrow();
    expect(done).toEqual({
      stage: 'final',
      is_open: false,
      final_issued: '2026-05-11',
      reassessed_plan_id: planId,
      reassessment_result: 'amended',
    });
    const history = await db
      .selectFrom('case_event')
      .select('summary')
      .where('child_id', '=', childId)
      .where('kind', '=', 'plan-issued')
      .execute();
    // One entry for the one event (issue 18), naming the version; the plan's own audit entry is kept.
    expect(history.map((h) => h.summary)).toEqual([
      expect.stringMatching(/^Final EHC plan issued \(version 2, /),
      expect.stringMatching(
        /^Amended EHC plan issued \(version 4, within the 14-week limit\) with golden-thread errors, by a manager’s decision before advice arrived from /,
      ),
    ]);
    // The decision is an amended plan (J8): its notice, the family's message and its rights say so, not "final plan".
    const notice = await caseworker.get(paths.notices.notice(reId, 'amended-plan'));
    expect(notice.statusCode).toBe(200);
    expect(notice.body).toContain('amended EHC plan');
    expect(notice.body).toContain('First-tier Tribunal');
    expect((await caseworker.get(paths.notices.notice(reId, 'final-plan'))).statusCode).toBe(404);
    const mail = await db
      .selectFrom('notification')
      .select('template')
      .where('template', 'in', ['assessment-amended-issued', 'assessment-final-issued'])
      .where('created_at', '>=', startedAt)
      .execute();
    expect(mail.map((m) => m.template)).toEqual(['assessment-amended-issued']);
  });
});
