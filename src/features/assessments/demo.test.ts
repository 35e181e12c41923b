/** The demo's requests: about 250 open of 2,500 children, every stage, mostly on time, deterministic. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../app/demo.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';

describe('demo assessments (pglite)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await seedDemo(database.db, { children: 2500, today: '2026-11-01' });
  }, 300_000);
  afterAll(async () => database?.close());

  it('has about 250 open requests at every open stage, spread across officers, with advice for the demo professionals', async () => {
    const db = database.db;
    const open = await db
      .selectFrom('assessment_case')
      .select(['stage', 'officer_id', 'next_due'])
      .where('is_open', '=', true)
      .execute();
    expect(open.length).toBeGreaterThan(180);
    expect(open.length).toBeLessThan(320);
    expect(new Set(open.map((o) => o.stage))).toEqual(new Set(['request', 'assessment', 'draft']));
    const overdue = open.filter((o) => o.next_due! < '2026-11-01').length;
    expect(overdue).toBeGreaterThan(0);
    expect(overdue / open.length).toBeLessThan(0.25);
    const closed = await db
      .selectFrom('assessment_case')
      .select('stage')
      .where('is_open', '=', false)
      .execute();
    expect(new Set(closed.map((c) => c.stage))).toEqual(
      new Set(['final', 'not-assessed', 'no-plan', 'linked', 'withdrawn', 'moved-out']),
    );
    expect(new Set(open.map((o) => o.officer_id)).size).toBeGreaterThan(8);
    expect(open.some((o) => o.officer_id === null)).toBe(true);
    const exceptions = await db.selectFrom('assessment_exception').select('id').execute();
    expect(exceptions.length).toBeGreaterThan(5);
    for (const email of ['ep@demo.example', 'health@demo.example', 'socialcare@demo.example']) {
      const tasks = await db
        .selectFrom('assessment_advice as a')
        .innerJoin('app_user as u', (j) =>
          j.onRef('u.la_code', '=', 'a.la_code').onRef('u.id', '=', 'a.professional_user_id'),
        )
        .select(['a.due', 'a.received'])
        .where('u.email', '=', email)
        .execute();
      expect(tasks.filter((t) => !t.received).length, email).toBeGreaterThan(0);
    }
    const parent = await db
      .selectFrom('assessment_case as a')
      .innerJoin('child as c', (j) => j.onRef('c.la_code', '=', 'a.la_code').onRef('c.id', '=', 'a.child_id'))
      .select(['a.stage'])
      .where('c.reference', '=', 'GT-000018')
      .execute();
    expect(parent.map((p) => p.stage)).toEqual(['assessment']);
  });

  it('names each child’s caseworker on their request as the child’s named officer (issue 18 item 9)', async () => {
    const rows = await database.db
      .selectFrom('assessment_case as a')
      .innerJoin('child as c', (j) => j.onRef('c.la_code', '=', 'a.la_code').onRef('c.id', '=', 'a.child_id'))
      .select(['c.reference', 'c.lead_officer_id', 'a.officer_id'])
      .where('a.is_open', '=', true)
      .where('a.officer_id', 'is not', null)
      .execute();
    expect(rows.length).toBeGreaterThan(150);
    const differ = rows.filter((r) => r.lead_officer_id !== r.officer_id).map((r) => r.reference);
    expect(differ).toEqual([]);
  });
});
