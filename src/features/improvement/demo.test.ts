/**
 * The demo plan: deterministic (the same rows, ids included, for the same date), in every state, with a year of
 * updates and evidence and every flag showing something; seeding twice is harmless.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/db.ts';
import { createAuthority, createUser } from '../../../test/helpers/factories.ts';
import { FLAGS } from '../../domain/improvement/flags.ts';
import { STATUSES } from '../../domain/improvement/types.ts';
import { flagged, overview, quarterlyProgress } from './compute.ts';
import { seedImprovementDemo, shiftMonths } from './demo.ts';
import { loadImprovementPlan } from './store.ts';

const TODAY = '2026-11-01';

describe('shiftMonths', () => {
  it('keeps month ends as month ends and clamps other days', () => {
    expect(shiftMonths('2022-01-31', 1)).toBe('2022-02-28');
    expect(shiftMonths('2022-02-28', 24)).toBe('2024-02-29');
    expect(shiftMonths('2022-03-01', -3)).toBe('2021-12-01');
    expect(shiftMonths('2022-01-30', 1)).toBe('2022-02-28');
    expect(shiftMonths('2022-05-15', 48)).toBe('2026-05-15');
  });
});

describe.each(ENGINES)('the demo improvement plan on %s', (engine) => {
  let database: TestDatabase;
  let planA: string;
  let planB: string;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const db = database.db;
    for (const la of ['901', '902']) {
      await createAuthority(db, la);
      await createUser(db, la, 'send-leader', { email: 'leader@demo.example', displayName: 'Lee Leader' });
      await createUser(db, la, 'team-manager', { email: 'manager@demo.example', displayName: 'Mo Manager' });
    }
    planA = await db
      .transaction()
      .execute((trx) => seedImprovementDemo(trx, { laCode: '901', today: TODAY }));
    planB = await db
      .transaction()
      .execute((trx) => seedImprovementDemo(trx, { laCode: '902', today: TODAY }));
  });
  afterAll(() => database?.close());

  it('is the same, ids included, every time', async () => {
    expect(planA).toBe(planB);
    const a = (await loadImprovementPlan(database.db, '901', planA))!;
    const b = (await loadImprovementPlan(database.db, '902', planB))!;
    const strip = (d: typeof a) => ({
      ...d,
      laCode: '',
      plan: { ...d.plan, createdAt: null },
      groups: d.groups.map((g) => ({ ...g, members: g.members.map((m) => ({ ...m, userId: null })) })),
      actions: d.actions.map((x) => ({
        ...x,
        owners: x.owners.map((o) => ({ ...o, userId: null })),
        updates: x.updates.map((u) => ({ ...u, authorUserId: null })),
      })),
    });
    expect(strip(a)).toEqual(strip(b));
  });

  it('does nothing when seeded again', async () => {
    const again = await database.db
      .transaction()
      .execute((trx) => seedImprovementDemo(trx, { laCode: '901', today: TODAY }));
    expect(again).toBe(planA);
    const plans = await database.db
      .selectFrom('improvement_plan')
      .select('id')
      .where('la_code', '=', '901')
      .execute();
    expect(plans).toHaveLength(1);
  });

  it('has every status, a year of updates and evidence, and raises every flag', async () => {
    const data = (await loadImprovementPlan(database.db, '901', planA))!;
    expect(data.areas).toHaveLength(8);
    expect(data.actions).toHaveLength(112);
    expect(data.areas.every((a) => a.findings.length > 0)).toBe(true);
    const summary = overview(data, TODAY);
    for (const s of STATUSES) expect(summary.totals[s], s).toBeGreaterThan(0);
    const updates = data.actions.flatMap((a) => a.updates);
    expect(updates.length).toBeGreaterThan(300);
    expect(updates.every((u) => u.date <= TODAY)).toBe(true);
    const dates = updates.map((u) => u.date).sort();
    expect(dates[0]! < '2026-01-01').toBe(true);
    const kinds = new Set(updates.flatMap((u) => u.evidence.map((e) => e.kind)));
    expect([...kinds].sort()).toEqual(['file', 'indicator', 'link', 'minutes', 'text']);
    const flags = flagged(data, TODAY);
    for (const flag of FLAGS) {
      const group = flags.groups.find((g) => g.flag === flag)!;
      expect(group.rows.length, flag).toBeGreaterThan(0);
    }
    expect(flags.lastReport?.meetingDate).toBe('2026-10-22');
    const quarters = quarterlyProgress(data, TODAY);
    expect(quarters.length).toBeGreaterThanOrEqual(4);
    expect(quarters.filter((q) => q.finished.length > 0).length).toBeGreaterThanOrEqual(3);
    // Governance, with the parent carer forum's vice lead on the board.
    const board = data.groups.find((g) => g.kind === 'board')!;
    expect(board.members.map((m) => m.jobTitle)).toContain('Parent carer forum vice lead');
    expect(data.groups.filter((g) => g.kind === 'workstream')).toHaveLength(8);
    expect(data.actions.every((a) => a.workstreamId !== null)).toBe(true);
    // Demo staff own actions.
    const leaderOwns = data.actions.filter((a) => a.owners.some((o) => o.name !== null));
    expect(leaderOwns.length).toBeGreaterThan(5);
  });
});
