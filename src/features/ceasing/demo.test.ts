/**
 * The demo's ended plans carry their endings (issue 14): every child whose plan ceased in the demo has the ceasing
 * feature's record of it, so the SEN2 return gives each ceased plan its day and reason, and a plan that ended before
 * the return's activity year drops out of it (docs/sen2.md, docs/ceasing.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/db.ts';
import { DEMO_IMAGE_TODAY } from '../../../test/helpers/images.ts';
import { DEMO_LA_CODE } from '../../demo/accounts.ts';
import { buildSen2Return } from '../../domain/sen2/index.ts';
import { caseEventsOfKindsSince } from '../../platform/people/case-events.ts';
import { loadCasework } from '../returns/index.ts';
import { cessationsForReturns } from './service.ts';
import { decisionForCeasing } from './demo.ts';

const LA = DEMO_LA_CODE;
const CENSUS = '2027-01-21';

describe.each(ENGINES)('the demo authority’s ended plans (%s)', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine, { image: 'demo' });
  }, 120_000);
  afterAll(() => database?.close());

  it('records each ending through the ceasing feature: every ceased plan has its day and reason', async () => {
    const db = database.db;
    const ceased = await db
      .selectFrom('child')
      .select(['id', 'reference'])
      .where('la_code', '=', LA)
      .where('plan_status', '=', 'ceased')
      .execute();
    expect(ceased.length).toBeGreaterThan(10);
    const endings = await cessationsForReturns(db, LA, DEMO_IMAGE_TODAY);
    const history = new Map(
      (await caseEventsOfKindsSince(db, LA, ['plan-ceased'], '2014-09-01')).map((e) => [e.child_id, e.day]),
    );
    for (const child of ceased) {
      const ending = endings.get(child.id);
      expect(ending, child.reference).toBeDefined();
      expect(ending!.reason, child.reference).toMatch(/^[1-7]$/);
      const day = history.get(child.id);
      // A move: the day the history gives; a decision: its plan ceases the day after the last day to appeal, on or
      // just before that day.
      if (day && ending!.reason === '5') expect(ending!.ceasedOn, child.reference).toBe(day);
      else if (day) expect(ending!.ceasedOn, child.reference).toBe(decisionForCeasing(day).ceasesOn);
    }
    // Both kinds of ending: sent to another council (5) and decided (2, and the young people's grounds).
    expect(new Set([...endings.values()].map((e) => e.reason === '5'))).toEqual(new Set([true, false]));
  });

  it('gives the SEN2 return every ceased plan with its date and reason, and leaves out those that ended before', async () => {
    const db = database.db;
    const ret = buildSen2Return(await loadCasework(db, LA), {
      census: CENSUS,
      generatedAt: '2027-01-21T09:00:00Z',
      softwareCode: 'TEST',
    });
    const ceased = new Map(
      (
        await db
          .selectFrom('child')
          .select(['id', 'reference'])
          .where('la_code', '=', LA)
          .where('plan_status', '=', 'ceased')
          .execute()
      ).map((c) => [c.reference, c.id]),
    );
    const endings = await cessationsForReturns(db, LA, CENSUS);
    const inReturn = new Set<string>();
    for (const person of ret.persons) {
      const id = ceased.get(person.personId);
      const plan = person.plans[0];
      if (!id || !plan) continue;
      inReturn.add(person.personId);
      expect(plan.ceasedDate, person.personId).toBe(endings.get(id)!.ceasedOn);
      expect(plan.ceasedReason, person.personId).toBe(endings.get(id)!.reason);
    }
    for (const [reference, id] of ceased) {
      const endedBefore = endings.get(id)!.ceasedOn < '2026-01-01';
      expect(inReturn.has(reference), `${reference} ended ${endings.get(id)!.ceasedOn}`).toBe(!endedBefore);
    }
    expect(inReturn.size).toBeGreaterThan(5);
    expect(inReturn.size).toBeLessThan(ceased.size);
  });
});
