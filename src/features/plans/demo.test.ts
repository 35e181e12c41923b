/** The demo plans: seeded with the demo authority, deterministic, mixed in quality, with audits; pages render. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/db.ts';
import { DEMO_LA_CODE } from '../../demo/accounts.ts';
import { checkPlan } from '../../domain/plan-quality/golden-thread.ts';
import type { Snapshot } from './service.ts';

describe.each(ENGINES)('demo plans on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine, { image: 'demo' });
  });
  afterAll(() => database?.close());

  it('gives many children a structured plan of mixed quality, with versions and audits', async () => {
    const db = database.db;
    const plans = await db
      .selectFrom('ehc_plan')
      .select(['id', 'child_id'])
      .where('la_code', '=', DEMO_LA_CODE)
      .execute();
    expect(plans.length).toBeGreaterThan(50);
    const finals = await db
      .selectFrom('ehc_plan_version')
      .select('snapshot')
      .where('kind', '=', 'final')
      .execute();
    const errors = finals.map((v) => checkPlan((v.snapshot as Snapshot).plan, { receivedAdvice: [] }));
    expect(errors.filter((c) => c.errors === 0).length).toBeGreaterThan(0);
    expect(errors.filter((c) => c.errors > 0).length).toBeGreaterThan(0);
    expect(errors.filter((c) => c.warnings > 0).length).toBeGreaterThan(0);
    const audits = await db.selectFrom('plan_audit').select(['kind']).execute();
    expect(audits.some((a) => a.kind === 'moderation')).toBe(true);
    const oliver = await db
      .selectFrom('ehc_plan as p')
      .innerJoin('child as c', (j) => j.onRef('c.id', '=', 'p.child_id').onRef('c.la_code', '=', 'p.la_code'))
      .innerJoin('ehc_plan_version as v', (j) =>
        j.onRef('v.plan_id', '=', 'p.id').onRef('v.la_code', '=', 'p.la_code'),
      )
      .select(['v.kind'])
      .where('c.reference', '=', 'GT-000018')
      .execute();
    expect(oliver.map((v) => v.kind).sort()).toEqual(['draft', 'final']);
  });
});
