/**
 * Section J of the plan filled from the personal budget decision (issue 15), on both engines over the demo: the
 * decision as it stood on a day (waiting, agreed, refused; nothing before a request), and the plan's page, its
 * document page, Word and PDF showing the agreed amounts and arrangements rather than anything typed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { pdfText, unzipEntry } from '../../../test/helpers/documents.ts';
import { DEMO_IMAGE_TODAY } from '../../../test/helpers/images.ts';
import { DEMO_LA_CODE, DEMO_PASSWORD } from '../../demo/accounts.ts';
import { paths } from '../../platform/web/paths.ts';
import { addDays } from '../../demo/dates.ts';
import { budgetForPlan } from './index.ts';
import { recordsOf, requestsOf } from './store.ts';

describe.each(ENGINES)('section J from the personal budget decision on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, {}, { image: 'demo', today: () => DEMO_IMAGE_TODAY });
  });
  afterAll(() => t?.close());

  it('gives the decision as it stood on a day: nothing before the request, waiting, then agreed or refused', async () => {
    const db = t.database.db;
    const requests = await requestsOf(db, DEMO_LA_CODE);
    const records = await recordsOf(
      db,
      DEMO_LA_CODE,
      requests.map((r) => r.id),
    );
    const decided = requests.filter((r) => records.decisions.some((d) => d.request_id === r.id));
    const states = new Set<string>();
    for (const r of decided) {
      const first = records.decisions.find((d) => d.request_id === r.id)!;
      const onlyRequest = requests.filter((x) => x.child_id === r.child_id).length === 1;
      if (!onlyRequest) continue;
      expect(await budgetForPlan(db, DEMO_LA_CODE, r.child_id, addDays(r.requested_on, -1))).toBeNull();
      if (first.decided_on > r.requested_on)
        expect((await budgetForPlan(db, DEMO_LA_CODE, r.child_id, r.requested_on))?.state).toBe('waiting');
      const now = (await budgetForPlan(db, DEMO_LA_CODE, r.child_id, DEMO_IMAGE_TODAY))!;
      states.add(now.state);
      if (now.state === 'agreed') {
        expect(now.elements.length).toBeGreaterThan(0);
        expect(now.total).toMatch(/^£[\d,]+\.\d\d$/);
      }
    }
    expect(states).toEqual(new Set(['agreed', 'refused']));
  });

  it('fills section J of the plan’s page, document, Word and PDF from the decision', async () => {
    const db = t.database.db;
    const requests = await requestsOf(db, DEMO_LA_CODE);
    let planId: string | undefined;
    let budget: Awaited<ReturnType<typeof budgetForPlan>> = null;
    for (const r of requests) {
      const b = await budgetForPlan(db, DEMO_LA_CODE, r.child_id, DEMO_IMAGE_TODAY);
      const plan = await db
        .selectFrom('ehc_plan')
        .select('id')
        .where('la_code', '=', DEMO_LA_CODE)
        .where('child_id', '=', r.child_id)
        .executeTakeFirst();
      if (b?.state === 'agreed' && b.directPayments.length && plan) {
        planId = plan.id;
        budget = b;
        break;
      }
    }
    expect(planId).toBeDefined();
    const staff = new TestClient(t.app);
    await staff.signIn('caseworker@demo.example', DEMO_PASSWORD);
    const page = await staff.get(paths.plans.plan(planId!));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-personal-budget-decision');
    expect(page.body).toContain(`: ${budget!.total} a year.`);
    expect(page.body).toContain(budget!.href);
    const html = await staff.get(paths.plans.document(planId!, 'current'));
    expect(html.statusCode).toBe(200);
    const section = html.body.slice(html.body.indexOf('id="doc-J"'), html.body.indexOf('id="doc-K"'));
    expect(section).toContain('Personal budget agreed on');
    for (const e of budget!.elements) expect(section).toContain(`${e.label}: ${e.amount} a year.`);
    expect(section).toContain(`Direct payment for ${budget!.directPayments[0]!.element.toLowerCase()}`);
    expect(section).not.toContain('A personal budget was requested');
    const docx = await staff.get(paths.plans.document(planId!, 'current', 'docx'));
    const xml = unzipEntry(docx.rawPayload, 'word/document.xml') ?? '';
    expect(xml).toContain('Personal budget agreed on');
    expect(xml).toContain(budget!.elements[0]!.amount);
    const pdf = await staff.get(paths.plans.document(planId!, 'current', 'pdf'));
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Personal budget agreed on');
    expect(text).toContain(budget!.total);
  });
});
