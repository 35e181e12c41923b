/**
 * The personal budgets demo (DEMO_BUDGETS) in the shared demo image: one request in every state, the refusals with
 * reasons, a direct payment on a school's premises with the head's agreement, every reconsideration outcome, and
 * parent@'s child's budget on their page. Deterministic: the ids come from the demo's seeded generator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { DEMO_LA_CODE, DEMO_PASSWORD } from '../../demo/accounts.ts';
import { BUDGET_STATE_LABELS } from '../../domain/personal-budget/index.ts';
import { DEMO_BUDGETS } from './demo.ts';
import { budgetView } from './view.ts';
import { recordsOf, requestsOf } from './store.ts';

describe('the personal budgets demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', {}, { image: 'demo' });
  });
  afterAll(() => t?.close());

  it('has a request in every state, each direct payment state, and the family’s page', async () => {
    const db = t.database.db;
    const requests = await requestsOf(db, DEMO_LA_CODE);
    expect(requests).toHaveLength(DEMO_BUDGETS.length);
    const records = await recordsOf(
      db,
      DEMO_LA_CODE,
      requests.map((r) => r.id),
    );
    const views = requests.map((r) => budgetView(r, records, '2026-11-01'));
    expect(new Set(views.map((v) => v.state))).toEqual(new Set(Object.keys(BUDGET_STATE_LABELS)));
    expect(records.decisions.filter((d) => d.refuses).every((d) => d.reasons)).toBe(true);
    expect(
      records.agreements.some(
        (a) => a.on_premises && a.setting_agreed_on && a.setting_agreed_on <= a.start_on,
      ),
    ).toBe(true);
    expect(views.some((v) => v.agreements.some((a) => a.stopped))).toBe(true);
    expect(views.some((v) => v.agreements.some((a) => a.nextReview?.late))).toBe(true);
    expect(new Set(records.changes.map((c) => c.reconsideration_outcome))).toEqual(
      new Set([null, 'confirmed', 'withdrawn']),
    );
    expect(new Set(requests.map((r) => r.made_by))).toEqual(new Set(['family', 'staff']));
    const parent = new TestClient(t.app);
    await parent.signIn('parent@demo.example', DEMO_PASSWORD);
    const page = await parent.get('/your-personal-budgets');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Direct payment');
    expect(page.body).toContain('Reconsideration asked for on');
  });
});
