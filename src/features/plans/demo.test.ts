/** The demo plans: seeded with the demo authority, deterministic, mixed in quality, with audits; pages render. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/db.ts';
import { DEMO_LA_CODE } from '../../demo/accounts.ts';
import { checkPlan } from '../../domain/plan-quality/golden-thread.ts';
import { yearGroupOn } from '../../domain/school-year.ts';
import { DEMO_IMAGE_TODAY } from '../../../test/helpers/images.ts';
import type { Snapshot } from './snapshot.ts';

/** The area of need a plan leads with, for each primary need (SEN2 codes). */
const PRIMARY_AREA: Record<string, string> = {
  ASD: 'communication-and-interaction',
  SLCN: 'communication-and-interaction',
  SEMH: 'social-emotional-mental-health',
  MLD: 'cognition-and-learning',
  SPLD: 'cognition-and-learning',
  SLD: 'cognition-and-learning',
  PMLD: 'cognition-and-learning',
  HI: 'sensory-physical',
  VI: 'sensory-physical',
  MSI: 'sensory-physical',
  PD: 'sensory-physical',
};

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

  it('writes plans for the child’s primary need and age, with specific provision and SMART outcomes (issue 18 item 9)', async () => {
    const rows = await database.db
      .selectFrom('ehc_plan_version as v')
      .innerJoin('ehc_plan as p', (j) =>
        j.onRef('p.id', '=', 'v.plan_id').onRef('p.la_code', '=', 'v.la_code'),
      )
      .innerJoin('child as c', (j) => j.onRef('c.id', '=', 'p.child_id').onRef('c.la_code', '=', 'p.la_code'))
      .select(['v.snapshot', 'c.primary_need', 'c.date_of_birth'])
      .where('v.kind', '=', 'final')
      .execute();
    expect(rows.length).toBeGreaterThan(50);
    let young = 0;
    for (const row of rows) {
      const plan = (row.snapshot as Snapshot).plan;
      // Nothing a plan prints says "Not given": every outcome says by when and how success is seen; every provision
      // says how much, how often, who and in what grouping.
      for (const o of plan.outcomes) {
        expect(o.timescale.text, o.text).not.toBe('');
        expect(o.successMeasure, o.text).not.toBe('');
      }
      for (const x of plan.provision) {
        expect([x.amount, x.frequency, x.deliverer, x.grouping], x.what).not.toContain(null);
      }
      // Section B opens with the child's primary need's own area.
      const first = plan.needs.find((n) => n.section === 'B');
      const area = PRIMARY_AREA[row.primary_need ?? ''];
      if (area && first?.section === 'B') expect(first.area).toBe(area);
      // A young person past Year 11 has outcomes in all four preparing-for-adulthood areas.
      if (yearGroupOn(row.date_of_birth, DEMO_IMAGE_TODAY) >= 12) {
        young++;
        const pfa = new Set(plan.outcomes.map((o) => o.preparationForAdulthood).filter(Boolean));
        expect(pfa.size).toBe(4);
      }
    }
    expect(young).toBeGreaterThan(5);
    // Plans differ: no need sentence stands for more than one plan in seven.
    const texts = rows.flatMap((r) => (r.snapshot as Snapshot).plan.needs.map((n) => n.text));
    const most = Math.max(...[...Map.groupBy(texts, (t) => t).values()].map((v) => v.length));
    expect(most).toBeLessThan(rows.length / 7);
  }, 400_000);
});
