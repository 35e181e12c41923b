/**
 * The working copy written back from a version (after a decision not to amend, docs/reviews.md "Amendments"): on both
 * engines, for the demo's issued plans, every section's items, section I and the personal budget come back exactly
 * as the version had them, with their ids and the links between them, whatever the working copy held before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/db.ts';
import { DEMO_LA_CODE } from '../../demo/accounts.ts';
import { loadPlan } from './read.ts';
import { planRow } from './store.ts';
import { restoreWorkingCopy, versionsWithSnapshots } from './store/amendment.ts';

const LA = DEMO_LA_CODE;
const TODAY = '2026-03-02';

describe.each(ENGINES)('restoring the working copy from a version on %s', (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(engine, { image: 'demo' });
  });
  afterAll(() => database?.close());

  /** The plan as the editor would load it now, without what depends on the day (the year group, the status). */
  const contentOf = async (planId: string) => {
    const record = await planRow(database.db, LA, planId);
    const { plan } = await loadPlan(database.db, record!, TODAY);
    return {
      aspirations: plan.aspirations,
      needs: plan.needs,
      outcomes: plan.outcomes,
      provision: plan.provision,
      placement: plan.placement,
      personalBudget: plan.personalBudget,
    };
  };

  it('gives back every section of the issued version, ids and links included, over a changed working copy', async () => {
    const plans = await database.db
      .selectFrom('ehc_plan')
      .select(['id', 'revision'])
      .where('la_code', '=', LA)
      .where('status', 'in', ['final', 'amended'])
      // plans issued in the service (the demo's ended plans are read in as from a return, with no document to restore)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('ehc_plan_version as v')
            .select('v.id')
            .whereRef('v.la_code', '=', 'ehc_plan.la_code')
            .whereRef('v.plan_id', '=', 'ehc_plan.id')
            .where('v.kind', '!=', 'draft'),
        ),
      )
      .orderBy('id')
      .limit(12)
      .execute();
    expect(plans.length).toBeGreaterThan(5);
    let withAdviceCitations = 0;
    for (const p of plans) {
      const [inForce] = (await versionsWithSnapshots(database.db, LA, p.id)).filter(
        (v) => v.kind !== 'draft',
      );
      expect(inForce, p.id).toBeDefined();
      const issued = inForce!.snapshot.plan;
      if (issued.provision.some((v) => v.source.kind === 'advice')) withAdviceCitations++;
      // the working copy changed in every way the editor allows: an item gone, one reworded, section I cleared
      const items = await database.db
        .selectFrom('ehc_plan_item')
        .select(['id', 'section'])
        .where('la_code', '=', LA)
        .where('plan_id', '=', p.id)
        .orderBy('section')
        .orderBy('position')
        .execute();
      const e = items.find((i) => i.section === 'E');
      if (e) await database.db.deleteFrom('ehc_plan_item').where('id', '=', e.id).execute();
      await database.db
        .updateTable('ehc_plan_item')
        .set({ text: 'A proposed change' })
        .where('plan_id', '=', p.id)
        .where('section', '=', 'F')
        .execute();
      await database.db
        .updateTable('ehc_plan')
        .set({ placement_setting_id: null })
        .where('id', '=', p.id)
        .execute();
      const restored = await restoreWorkingCopy(database.db, LA, p.id, inForce!.snapshot);
      expect(restored.items).toBeGreaterThan(0);
      expect(await contentOf(p.id), p.id).toEqual({
        aspirations: issued.aspirations,
        needs: issued.needs,
        outcomes: issued.outcomes,
        provision: issued.provision,
        placement: issued.placement,
        personalBudget: issued.personalBudget,
      });
      const after = await database.db
        .selectFrom('ehc_plan')
        .select('revision')
        .where('id', '=', p.id)
        .executeTakeFirstOrThrow();
      expect(after.revision).toBe(p.revision + 1);
    }
    // the demo's plans exercise the citations to advice (and the test says so when they stop doing so)
    expect(withAdviceCitations).toBeGreaterThan(0);
  });
});
