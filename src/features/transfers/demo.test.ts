/**
 * The phase-transfer demo on both engines (the demo image, built as of DEMO_IMAGE_TODAY, 1 November): this school
 * year's cohort at every stage the day allows (no deadline has passed, so none is late), each stage's facts dated in
 * the review window and no later than the demo's day, and the same cohort in both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/db.ts';
import { DEMO_IMAGE_TODAY } from '../../../test/helpers/images.ts';
import { DEMO_LA_CODE } from '../../demo/accounts.ts';
import { cohortOn } from './service.ts';

const seen = new Map<string, string>();

describe.each(ENGINES)('the phase-transfer demo on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine, { image: 'demo' });
  });
  afterAll(() => database?.close());

  it('has a cohort at every stage the demo’s day allows, each fact in the review window', async () => {
    const rows = await cohortOn(database.db, DEMO_LA_CODE, DEMO_IMAGE_TODAY);
    const stages = new Set(rows.map((r) => r.stage));
    // Preferences live on an assessment case, and few of the test image's 400 children with a plan have one: the
    // demo takes the first to consulting, the next to a preference only (the full demo has both).
    for (const stage of [
      'in-cohort',
      'preference-received',
      'consulting',
      'proposal-sent',
      'named',
    ] as const) {
      expect(stages.has(stage), stage).toBe(true);
    }
    expect(stages.has('late')).toBe(false);
    for (const r of rows) {
      for (const d of [
        r.facts.preferenceReceived,
        r.facts.consultationSent,
        r.facts.proposalSent,
        r.facts.named,
      ]) {
        if (d === null) continue;
        expect(d >= r.dates.reviewFrom.date && d <= DEMO_IMAGE_TODAY).toBe(true);
      }
      if (r.stage === 'consulting') expect(r.facts.consultations).toBeGreaterThan(0);
      if (r.stage === 'named') expect(r.facts.named! <= r.dates.deadline.date).toBe(true);
    }
    expect(rows.some((r) => r.stage === 'consulting' && r.facts.consultationsAnswered > 0)).toBe(true);
    // The family's preferences in the feature's own table (migration 0048), stated online and from the review.
    const own = await database.db
      .selectFrom('transfer_preference')
      .select(['child_id', 'source', 'received'])
      .where('la_code', '=', DEMO_LA_CODE)
      .execute();
    expect(new Set(own.map((p) => p.source))).toEqual(new Set(['family', 'review']));
    for (const p of own) {
      const row = rows.find((r) => r.child.id === p.child_id)!;
      expect(row.facts.preferenceReceived).not.toBeNull();
      expect(p.received <= DEMO_IMAGE_TODAY).toBe(true);
    }
    // S2's two destinations: another school's sixth form leaves the cohort; a reg 18(2) move is in it, 5 months before.
    const destinations = await database.db
      .selectFrom('transfer_destination')
      .select(['child_id', 'destination', 'move_date'])
      .where('la_code', '=', DEMO_LA_CODE)
      .execute();
    const sixth = destinations.find((d) => d.destination === 'school-sixth-form')!;
    expect(rows.some((r) => r.child.id === sixth.child_id)).toBe(false);
    const mover = destinations.find((d) => d.move_date !== null)!;
    const moved = rows.find((r) => r.child.id === mover.child_id)!;
    expect(moved.dates.deadline.source).toMatch(/reg 18\(2\)/);
    expect(moved.child.setting.kind).toBe('college');
    const summary = rows
      .map((r) => `${r.child.reference}:${r.stage}`)
      .sort()
      .join(',');
    const other = seen.get('summary');
    if (other) expect(summary).toBe(other);
    else seen.set('summary', summary);
  });
});
