/**
 * The amendments demo on both engines (the demo image, built as of DEMO_IMAGE_TODAY): amendments in every state, a
 * proposal out for comments, one issued on time, one issued late and one overdue, each amended version a new
 * version of the same plan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/db.ts';
import { DEMO_IMAGE_TODAY } from '../../../test/helpers/images.ts';
import { amendmentState, amendmentSteps } from '../../domain/review/index.ts';
import { factsOf } from './support.ts';

describe.each(ENGINES)('the amendments demo on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine, { image: 'demo' });
  });
  afterAll(() => database?.close());

  it('has amendments preparing, out for comments, overdue, issued on time and issued late', async () => {
    // The phase-transfer demo's amendments (a change of placement) are checked in src/features/transfers/demo.test.ts.
    const rows = await database.db
      .selectFrom('plan_amendment')
      .selectAll()
      .where('trigger', '!=', 'change-of-placement')
      .orderBy('started_on')
      .execute();
    const states = rows.map((r) => amendmentState(factsOf(r), DEMO_IMAGE_TODAY));
    expect(new Set(states)).toEqual(new Set(['preparing', 'proposal-sent', 'comments-closed', 'amended']));
    const issued = rows.filter((r) => r.amended_issued !== null);
    const statuses = issued.map(
      (r) => amendmentSteps(factsOf(r), DEMO_IMAGE_TODAY).find((s) => s.id === 'amended-plan')!.status,
    );
    expect(statuses.sort()).toEqual(['late', 'met']);
    const overdue = rows.filter(
      (r) =>
        amendmentSteps(factsOf(r), DEMO_IMAGE_TODAY).find((s) => s.id === 'amended-plan')?.status ===
        'overdue',
    );
    expect(overdue.map((r) => r.trigger)).toEqual(['change-of-need']);
    for (const r of issued) {
      const v = await database.db
        .selectFrom('ehc_plan_version')
        .select(['plan_id', 'kind'])
        .where('id', '=', r.amended_version_id!)
        .executeTakeFirstOrThrow();
      expect(v).toEqual({ plan_id: r.plan_id, kind: 'amended' });
    }
  });
});
