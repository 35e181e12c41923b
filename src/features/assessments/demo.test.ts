/**
 * The demo's requests: about 250 open of 2,500 children, every stage, mostly on time, deterministic; and every case's
 * clock columns kept as the clock gives them from its facts (what refreshClock writes), which migration 0080's
 * back-fill writes again, on both engines.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../app/demo.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/db.ts';
import { DEMO_IMAGE_TODAY } from '../../../test/helpers/images.ts';
import { analyzeNow, nullFraction } from '../../../test/helpers/planner-statistics.ts';
import { caseTimeline } from '../../domain/assessment/journey.ts';
import { backFillFinalPlans } from '../../platform/db/migrations/0080-twenty-week-summary.ts';
import type { DB } from '../../platform/db/schema/index.ts';
import { clockColumns, loadFacts } from './store.ts';

const SUMMARY = ['final_plan_due', 'final_plan_done', 'final_plan_excepted'] as const;
const CLOCK = ['next_step', 'next_owner', 'next_due', 'next_adjusted_due', ...SUMMARY] as const;

/**
 * The clock columns compared: the next step's advice request by its kind only. Advice asked for on the same day is
 * due the same day, and which of them the next step names depends on the order the rows are read in (same day, same
 * creation time), so the seeder and a reading from the database may name different ones of the same due date.
 */
const comparable = <C extends { next_step: string | null }>(c: C): C => ({
  ...c,
  next_step: c.next_step?.startsWith('advice:') ? 'advice' : c.next_step,
});

/** Every case's kept clock columns, by case id. */
async function keptClock(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('assessment_case')
    .select(['la_code', 'id', ...CLOCK])
    .orderBy('la_code')
    .orderBy('id')
    .execute();
  return new Map(rows.map(({ la_code: _, id, ...clock }) => [id, comparable(clock)]));
}

/** Every case's clock columns as the clock gives them from its facts as of `day` (refreshClock's answer). */
async function clockOf(db: Kysely<DB>, day: string) {
  const cases = await db
    .selectFrom('assessment_case')
    .select(['la_code', 'id'])
    .orderBy('la_code')
    .orderBy('id')
    .execute();
  const computed = new Map<string, ReturnType<typeof clockColumns>>();
  for (const la of new Set(cases.map((c) => c.la_code))) {
    const ids = cases.filter((c) => c.la_code === la).map((c) => c.id);
    const facts = await loadFacts(db, la, ids);
    for (const id of ids) computed.set(id, comparable(clockColumns(caseTimeline(facts.get(id)!, day))));
  }
  return computed;
}

/** The demo's kept clock columns equal the clock's for every case, a request joined to another included. */
async function expectKeptAsTheClock(db: Kysely<DB>, day: string) {
  const kept = await keptClock(db);
  expect(kept.size).toBeGreaterThan(50);
  const linked = await db.selectFrom('assessment_case').select('id').where('stage', '=', 'linked').execute();
  expect(linked.length).toBeGreaterThan(0);
  expect(kept).toEqual(await clockOf(db, day));
}

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

  it('keeps every case’s next step and final-plan step as the clock gives them from its facts', async () => {
    await expectKeptAsTheClock(database.db, '2026-11-01');
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

describe.each(ENGINES)('the demo’s clock columns (%s)', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine, { image: 'demo' });
  }, 120_000);
  afterAll(async () => database?.close());

  it('are the clock’s for every case, and migration 0080’s back-fill writes the same final-plan steps and analyses the table', async () => {
    const db = database.db;
    await expectKeptAsTheClock(db, DEMO_IMAGE_TODAY);
    const kept = await keptClock(db);
    // As before migration 0080: no summary, and the planner's statistics taken then (every value null).
    await db
      .updateTable('assessment_case')
      .set({ final_plan_due: null, final_plan_done: null, final_plan_excepted: null })
      .execute();
    await analyzeNow(db, 'assessment_case');
    await backFillFinalPlans(db, DEMO_IMAGE_TODAY);
    expect(await keptClock(db)).toEqual(kept);
    // The statistics are the back-filled table's: the share of cases with no final-plan step, not all of them.
    const nulls = [...kept.values()].filter((c) => c.final_plan_due === null).length / kept.size;
    expect(nulls).toBeLessThan(1);
    expect(await nullFraction(db, 'assessment_case', 'final_plan_due')).toBeCloseTo(nulls, 3);
  });
});
