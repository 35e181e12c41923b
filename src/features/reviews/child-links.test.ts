/**
 * The child's record links to the plan's reviews and its amendments, with the next review's due date (docs/reviews.md),
 * on both engines, on the demo authority: casework staff see them; the child's own parent reads the record without
 * them (the reviews pages are casework staff's).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { DEMO_LA_CODE, DEMO_PASSWORD } from '../../demo/accounts.ts';

const LA = DEMO_LA_CODE;

describe.each(ENGINES)("the child's record and the plan's reviews on %s", (engine) => {
  let t: TestApp;
  const signIn = async (who: string) => {
    const client = new TestClient(t.app);
    await client.signIn(`${who}@demo.example`, DEMO_PASSWORD);
    return client;
  };

  beforeAll(async () => {
    t = await createTestApp(engine, {}, { image: 'demo' });
  });
  afterAll(() => t?.close());

  it("links casework staff to the plan's reviews and amendments; not the family", async () => {
    const db = t.database.db;
    const grant = await db
      .selectFrom('access_grant as g')
      .innerJoin('app_user as u', (j) =>
        j.onRef('u.id', '=', 'g.user_id').onRef('u.la_code', '=', 'g.la_code'),
      )
      .innerJoin('plan_review_schedule as s', (j) =>
        j.onRef('s.child_id', '=', 'g.child_id').onRef('s.la_code', '=', 'g.la_code'),
      )
      .select(['g.child_id', 's.plan_id'])
      .where('g.la_code', '=', LA)
      .where('u.email', '=', 'parent@demo.example')
      .where('g.revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    for (const who of ['caseworker', 'manager', 'leader']) {
      const page = await (await signIn(who)).get(`/children/${grant.child_id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Annual reviews');
      expect(page.body).toContain(`href="/reviews/plans/${grant.plan_id}"`);
      expect(page.body).toContain(`href="/amendments/plans/${grant.plan_id}"`);
      expect(page.body).toContain('Next review due by');
    }
    const family = await (await signIn('parent')).get(`/children/${grant.child_id}`);
    expect(family.statusCode).toBe(200);
    expect(family.body).not.toContain(`/reviews/plans/${grant.plan_id}`);
    expect(family.body).not.toContain(`/amendments/plans/${grant.plan_id}`);
  });
});
