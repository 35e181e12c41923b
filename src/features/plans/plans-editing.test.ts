/**
 * The plan pages on both engines, over an assessment with three pieces of received advice
 * (test/helpers/plan-pages.ts): editing the plan. Starting a plan fills section K; advice not reflected is listed and
 * pulled in with its citation, one or all at once, each once; the family's own words are offered for section A;
 * forms show GOV.UK errors with input kept and nothing half-saved; hostile input is escaped; CSRF is enforced; the
 * draft is previewed as the family will see it, sending nothing. plans-sharing.test.ts and plans-issuing.test.ts go on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { countRows, ENGINES } from '../../../test/helpers/db.ts';
import { planPagesCase, buttonClass } from '../../../test/helpers/plan-pages.ts';
import { paths } from '../../platform/web/paths.ts';

describe.each(ENGINES)('EHC plan pages on %s: editing', (engine) => {
  let t: TestApp;
  const la = '901';
  let caseworker: TestClient;
  let manager: TestClient;
  let parent: TestClient;
  let otherParent: TestClient;
  let health: TestClient;
  let childRef: string;
  let childId: string;
  let caseId: string;
  let planId: string;
  const count = (table: 'ehc_plan_item' | 'ehc_plan_version' | 'ehc_plan_comment' | 'ehc_plan_override') =>
    countRows(t.database.db, table);

  beforeAll(async () => {
    t = await createTestApp(engine);
    const s = await planPagesCase(t, la);
    ({ caseworker, manager, parent, otherParent, health, childRef, childId, caseId } = s);
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
});
