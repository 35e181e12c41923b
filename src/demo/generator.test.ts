import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../platform/auth/passwords.ts';
import type { DB } from '../platform/db/schema/index.ts';
import { DEMO_ACCOUNTS, DEMO_LA_CODE, DEMO_PASSWORD } from './accounts.ts';
import { ageOn, yearGroupOn } from '../domain/calendar.ts';
import { seedDemo } from '../app/demo.ts';
import type { SeedSummary } from './generator.ts';
import { EHC_PLANS_BEGAN } from './build.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../test/helpers/db.ts';

const CHILDREN = 300;
const TODAY = '2026-11-01';

const TABLES = [
  'local_authority',
  'organisation',
  'team',
  'app_user',
  'setting',
  'child',
  'family_member',
  'child_setting',
  'access_grant',
  'case_event',
] as const;

/** A digest of every demo table's rows, in key order (password hashes left out: argon2 salts them). */
async function digest(db: Kysely<DB>): Promise<string> {
  const hash = createHash('sha256');
  for (const table of TABLES) {
    const order = table === 'local_authority' ? 'la_code' : 'id';
    const { rows } = await sql<
      Record<string, unknown>
    >`select * from ${sql.table(table)} order by ${sql.ref(order)}`.execute(db);
    for (const row of rows) {
      if ('password_hash' in row) row.password_hash = row.password_hash ? 'hashed' : null;
      hash.update(JSON.stringify(row));
    }
    hash.update(`|${table}:${rows.length}|`);
  }
  return hash.digest('hex');
}

const addDaysIso = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe.each(ENGINES)('seedDemo on %s', (engine) => {
  let first: TestDatabase;
  let second: TestDatabase;
  let summary: SeedSummary;

  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase(engine), createTestDatabase(engine)]);
    summary = await seedDemo(first.db, { children: CHILDREN, today: TODAY });
  });

  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
  });

  it('seeds the authority and reports what it created', async () => {
    expect(summary.skipped).toBe(false);
    if (summary.skipped) return;
    expect(summary.counts.child).toBe(CHILDREN);
    const db = first.db;
    const la = await db.selectFrom('local_authority').selectAll().executeTakeFirstOrThrow();
    expect(la).toMatchObject({ la_code: DEMO_LA_CODE, name: 'Denmoor Council' });
    for (const [table, count] of Object.entries(summary.counts)) {
      const row = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
      expect(row.rows[0]!.n, table).toBe(count);
    }
  });

  it('gives identical rows for the same seed in another database', async () => {
    await seedDemo(second.db, { children: CHILDREN, today: TODAY });
    expect(await digest(second.db)).toBe(await digest(first.db));
  });

  it('creates the thirteen accounts with their roles and the demo password', async () => {
    const users = await first.db
      .selectFrom('app_user')
      .select(['email', 'role', 'password_hash'])
      .where(
        'email',
        'in',
        DEMO_ACCOUNTS.map((a) => a.email),
      )
      .execute();
    expect(users).toHaveLength(13);
    for (const account of DEMO_ACCOUNTS) {
      const user = users.find((u) => u.email === account.email)!;
      expect(user.role).toBe(account.role);
    }
    expect(await verifyPassword(users[0]!.password_hash, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(users[0]!.password_hash, 'wrong')).toBe(false);
    expect(new Set(users.map((u) => u.password_hash)).size).toBe(1);
    const others = await first.db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('password_hash', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(Number(others.n)).toBe(13);
  });

  it('links parent@ and parent2@ to different children and youngperson@ to their own record', async () => {
    const db = first.db;
    const linked = await db
      .selectFrom('access_grant')
      .innerJoin('app_user', (j) => j.onRef('app_user.id', '=', 'access_grant.user_id'))
      .innerJoin('child', (j) => j.onRef('child.id', '=', 'access_grant.child_id'))
      .select([
        'app_user.email',
        'access_grant.kind',
        'child.id',
        'child.date_of_birth',
        'child.given_name',
        'child.family_name',
        'app_user.display_name',
      ])
      .where('app_user.email', 'in', [
        'parent@demo.example',
        'parent2@demo.example',
        'youngperson@demo.example',
      ])
      .execute();
    expect(linked).toHaveLength(3);
    const parent = linked.find((l) => l.email === 'parent@demo.example')!;
    const parent2 = linked.find((l) => l.email === 'parent2@demo.example')!;
    const young = linked.find((l) => l.email === 'youngperson@demo.example')!;
    expect(parent.kind).toBe('parent');
    expect(parent2.kind).toBe('parent');
    expect(parent.id).not.toBe(parent2.id);
    expect(young.kind).toBe('young-person');
    expect(`${young.given_name} ${young.family_name}`).toBe(young.display_name);
    const age = ageOn(young.date_of_birth, TODAY);
    expect(age).toBeGreaterThanOrEqual(16);
    expect(age).toBeLessThanOrEqual(25);
    const members = await db
      .selectFrom('family_member')
      .innerJoin('app_user', (j) => j.onRef('app_user.id', '=', 'family_member.user_id'))
      .select(['app_user.email', 'family_member.child_id'])
      .execute();
    expect(members.find((m) => m.email === 'parent@demo.example')?.child_id).toBe(parent.id);
    expect(members.find((m) => m.email === 'parent2@demo.example')?.child_id).toBe(parent2.id);
  });

  it('places children in settings that fit their year group, gives plans their dates and caseworker@ a caseload', async () => {
    const db = first.db;
    const current = await db
      .selectFrom('child_setting')
      .innerJoin('child', (j) => j.onRef('child.id', '=', 'child_setting.child_id'))
      .innerJoin('setting', (j) => j.onRef('setting.id', '=', 'child_setting.setting_id'))
      .select([
        'child.reference',
        'child.date_of_birth',
        'setting.first_year_group',
        'setting.last_year_group',
      ])
      .where('child_setting.end_date', 'is', null)
      .execute();
    expect(current.length).toBeGreaterThan(CHILDREN / 2);
    for (const row of current) {
      const yg = yearGroupOn(row.date_of_birth, TODAY);
      expect(row.first_year_group <= yg && yg <= row.last_year_group, row.reference).toBe(true);
    }
    const missing = await db
      .selectFrom('child')
      .select('reference')
      .where('plan_status', 'in', ['plan', 'ceased'])
      .where('plan_first_issued', 'is', null)
      .execute();
    expect(missing).toEqual([]);
    const caseload = await db
      .selectFrom('child')
      .innerJoin('app_user', (j) => j.onRef('app_user.id', '=', 'child.lead_officer_id'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('app_user.email', '=', 'caseworker@demo.example')
      .executeTakeFirstOrThrow();
    expect(Number(caseload.n)).toBeGreaterThanOrEqual(35);
    expect(Number(caseload.n)).toBeLessThanOrEqual(60);
  });

  it('reads as a real, reasonably run authority (issue 18 item 9)', async () => {
    const db = first.db;
    // No plan, review or audit from before EHC plans began (September 2014).
    const early = await db
      .selectFrom('child')
      .select('reference')
      .where('plan_first_issued', '<', EHC_PLANS_BEGAN)
      .execute();
    expect(early).toEqual([]);
    const earlyReviews = await db
      .selectFrom('case_event')
      .select('id')
      .where('kind', '=', 'review-held')
      .where('at', '<', new Date(`${EHC_PLANS_BEGAN}T00:00:00Z`))
      .execute();
    expect(earlyReviews).toEqual([]);
    const audits = await db
      .selectFrom('plan_audit')
      .select((eb) => [eb.fn.min('audited_on').as('first'), eb.fn.max('audited_on').as('last')])
      .executeTakeFirstOrThrow();
    expect(String(audits.first) >= addDaysIso(TODAY, -800)).toBe(true);
    expect(String(audits.last) <= TODAY).toBe(true);
    // Every child with a plan has the plan itself.
    const withoutPlan = await db
      .selectFrom('child as c')
      .select('c.reference')
      .where('c.plan_status', '=', 'plan')
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('ehc_plan as p').select('p.id').whereRef('p.child_id', '=', 'c.id'))),
      )
      .execute();
    expect(withoutPlan).toEqual([]);
    // Needs that fit the age: no moderate learning difficulty before school, no dyslexia before Year 2.
    const children = await db
      .selectFrom('child')
      .select(['reference', 'date_of_birth', 'primary_need'])
      .execute();
    for (const c of children) {
      const yg = yearGroupOn(c.date_of_birth, TODAY);
      if (yg < 0) expect(c.primary_need, c.reference).not.toBe('MLD');
      if (yg < 2) expect(c.primary_need, c.reference).not.toBe('SPLD');
    }
    // A young person past Year 11 has an outcome preparing them for adult life.
    const plans = await db
      .selectFrom('ehc_plan as p')
      .innerJoin('child as c', (j) => j.onRef('c.id', '=', 'p.child_id'))
      .select(['p.id', 'c.reference', 'c.date_of_birth'])
      .where('c.plan_status', '=', 'plan')
      .execute();
    const withPfa = new Set(
      (
        await db
          .selectFrom('ehc_plan_item')
          .select('plan_id')
          .where('section', '=', 'E')
          .where('pfa_area', 'is not', null)
          .execute()
      ).map((r) => r.plan_id),
    );
    const adults = plans.filter((p) => yearGroupOn(p.date_of_birth, TODAY) >= 12);
    expect(adults.length).toBeGreaterThan(5);
    for (const p of adults) expect(withPfa.has(p.id), p.reference).toBe(true);
  });

  it('does nothing the second time', async () => {
    expect(await seedDemo(first.db, { children: CHILDREN, today: TODAY })).toEqual({
      skipped: true,
    });
    const n = await first.db
      .selectFrom('child')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(CHILDREN);
  });
});
