/**
 * The amended plan's section I against the consultations (S3; docs/reviews.md "Amendments"), on both engines, on the
 * demo authority: the demo's amendment whose 15 days are over and whose amended plan is overdue has its working copy
 * name a setting that was never consulted; the amendment page shows the block with its rule before the issue form,
 * and issuing is refused with the same words (the input kept, nothing issued). Unchanged, section I shows nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { DEMO_LA_CODE, DEMO_PASSWORD } from '../../demo/accounts.ts';
import { todayInLondon } from '../../platform/web/views.ts';

const LA = DEMO_LA_CODE;
const dateFields = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
};

describe.each(ENGINES)("the amended plan's section I on %s", (engine) => {
  let t: TestApp;
  let cw: TestClient;

  beforeAll(async () => {
    t = await createTestApp(engine, {}, { image: 'demo' });
    cw = new TestClient(t.app);
    await cw.signIn('caseworker@demo.example', DEMO_PASSWORD);
  });
  afterAll(() => t?.close());

  it('shows a new setting not consulted as a block with its rule, and refuses to issue the plan', async () => {
    const db = t.database.db;
    const amendment = await db
      .selectFrom('plan_amendment')
      .select(['id', 'plan_id'])
      .where('la_code', '=', LA)
      .where('proposal_sent', 'is not', null)
      .where('amended_issued', 'is', null)
      .where('not_amended_on', 'is', null)
      .orderBy('proposal_sent')
      .executeTakeFirstOrThrow();
    const url = `/amendments/plans/${amendment.plan_id}`;
    const before = await cw.get(url);
    expect(before.statusCode).toBe(200);
    expect(before.body).not.toContain('data-section-i=');
    const plan = await db
      .selectFrom('ehc_plan')
      .select(['placement_setting_id', 'case_id'])
      .where('la_code', '=', LA)
      .where('id', '=', amendment.plan_id)
      .executeTakeFirstOrThrow();
    const consulted = (
      await db
        .selectFrom('consultation')
        .select('setting_id')
        .where('la_code', '=', LA)
        .where('plan_id', '=', amendment.plan_id)
        .execute()
    ).map((c) => c.setting_id);
    const other = await db
      .selectFrom('setting')
      .select(['id', 'name'])
      .where('la_code', '=', LA)
      .where('id', 'not in', [plan.placement_setting_id ?? '', ...consulted].filter(Boolean))
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('ehc_plan')
      .set({ placement_setting_id: other.id })
      .where('la_code', '=', LA)
      .where('id', '=', amendment.plan_id)
      .execute();
    const page = await cw.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Children and Families Act 2014 s39');
    // checked whether or not the plan has an assessment on record (ADR 0032)
    expect(page.body).not.toContain('data-section-i="unchecked"');
    expect(page.body).toContain('data-section-i="blocks"');
    expect(page.body).toContain('The amended plan cannot be issued yet');
    const formToken = /name="formToken" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const issue = await cw.post(`/amendments/${amendment.id}/issue`, {
      ...dateFields('date', todayInLondon()),
      formToken,
      _csrf: TestClient.csrfFrom(page.body),
    });
    expect(issue.statusCode).toBe(400);
    expect(issue.body).toContain('govuk-error-summary');
    expect(issue.body).toContain('Children and Families Act 2014 s39');
    const after = await db
      .selectFrom('plan_amendment')
      .select('amended_issued')
      .where('la_code', '=', LA)
      .where('id', '=', amendment.id)
      .executeTakeFirstOrThrow();
    expect(after.amended_issued).toBeNull();
  });
});
