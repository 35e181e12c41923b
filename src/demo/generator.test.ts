import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../platform/auth/passwords.ts';
import type { DB } from '../platform/db/schema/index.ts';
import { CORE_RECORD_TABLES } from '../platform/people/demo-seeding.ts';
import { DEMO_ACCOUNTS, DEMO_LA_CODE, DEMO_PASSWORD } from './accounts.ts';
import { ageOn, yearGroupOn } from '../domain/calendar.ts';
import { demoSeeders, demoStepNames, seedDemo } from '../app/demo.ts';
import type { SeedSummary } from './generator.ts';
import { EHC_PLANS_BEGAN } from './build.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../test/helpers/db.ts';
import { DISTRICTS, TOWN } from './names.ts';
import { SENCO_SCHOOL } from './settings.ts';

const CHILDREN = 300;
const TODAY = '2026-11-01';

/** The authority and its core records: every table the demo generator writes. */
const TABLES = ['local_authority', ...CORE_RECORD_TABLES] as const;

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
  const progress: { done: number; total: number; built: string }[] = [];

  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase(engine), createTestDatabase(engine)]);
    summary = await seedDemo(first.db, { children: CHILDREN, today: TODAY }, (done, total, built) =>
      progress.push({ done, total, built }),
    );
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

  it('tells its progress after every step, in order, naming what each built, and ends at the total', () => {
    const total = demoSeeders.length + 2;
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(new Set(progress.map((p) => p.total))).toEqual(new Set([total]));
    expect(progress.map((p) => p.built)).toEqual(demoStepNames);
  });

  it('gives identical rows for the same seed in another database', async () => {
    await seedDemo(second.db, { children: CHILDREN, today: TODAY });
    expect(await digest(second.db)).toBe(await digest(first.db));
  });

  it('creates the fourteen accounts with their roles and the demo password', async () => {
    const users = await first.db
      .selectFrom('app_user')
      .select(['email', 'role', 'password_hash'])
      .where(
        'email',
        'in',
        DEMO_ACCOUNTS.map((a) => a.email),
      )
      .execute();
    expect(users).toHaveLength(14);
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
    expect(Number(others.n)).toBe(14);
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

  it('lists distinct Local Offer services in the authority’s own places (issue 18 item 9)', async () => {
    const db = first.db;
    const services = await db.selectFrom('local_offer_service').select(['name', 'description']).execute();
    expect(services.length).toBeGreaterThan(300);
    expect(new Set(services.map((s) => s.name)).size).toBe(services.length);
    expect(new Set(services.map((s) => s.description)).size).toBeGreaterThan(0.7 * services.length);
    // Never numbered copies ("... in Dunmarsh (10)"); many different kinds of service, none repeated much.
    expect(services.filter((s) => /\(\d+\)$/.test(s.name))).toEqual([]);
    const kinds = new Map<string, number>();
    for (const s of services) {
      const kind = s.name.replace(/ (at|in|for) .*$/, '');
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    expect(kinds.size).toBeGreaterThan(120);
    expect(Math.max(...kinds.values())).toBeLessThanOrEqual(10);
    const towns = new Map(DISTRICTS.map((d) => [d.district, d.town]));
    const places = await db.selectFrom('local_offer_location').select(['town', 'postcode']).execute();
    expect(places.length).toBeGreaterThan(50);
    for (const p of places) expect(towns.get(p.postcode.split(' ')[0]!), p.postcode).toBe(p.town);
    const orgs = await db.selectFrom('local_offer_organisation').select('name').execute();
    expect(orgs.filter((o) => o.name.includes(TOWN)).length).toBeGreaterThan(5);
    expect(orgs.filter((o) => /Dunmarsh|\(Branch|\((North|South|East|West)\)/.test(o.name))).toEqual([]);
  });

  it('asks each agency for its own advice, of the right professional (issue 18 item 9)', async () => {
    const db = first.db;
    const advice = await db
      .selectFrom('assessment_advice as a')
      .innerJoin('app_user as u', (j) => j.onRef('u.id', '=', 'a.professional_user_id'))
      .innerJoin('team as t', (j) => j.onRef('t.id', '=', 'u.team_id'))
      .innerJoin('organisation as o', (j) => j.onRef('o.id', '=', 't.organisation_id'))
      .select([
        'a.agency',
        'a.service_name',
        'a.needs',
        'a.child_id',
        'u.email',
        't.name as team',
        'o.name as org',
      ])
      .execute();
    const byAgency = (agency: string) => advice.filter((a) => a.agency === agency);
    // Educational psychology from psychologists, social care from social workers, health from the NHS team whose
    // service it is, the school's from the SENCO of the child's own school.
    for (const a of byAgency('educational-psychology')) expect(a.team, a.email).toMatch(/Psychology/);
    for (const a of byAgency('social-care'))
      expect(a.team, a.email).toMatch(/Disabled Children|Children in Care/);
    const services: Record<string, RegExp> = {
      'Community paediatrics': /Community Paediatrics/,
      'Speech and language therapy': /Speech and Language/,
      'Occupational therapy': /Occupational Therapy/,
      Physiotherapy: /Physiotherapy/,
      'Child and adolescent mental health': /CAMHS/,
    };
    for (const a of byAgency('health'))
      expect(a.team, `${a.email} ${a.service_name}`).toMatch(services[a.service_name!]!);
    expect(byAgency('health').filter((a) => a.email === 'health@demo.example').length).toBeGreaterThan(0);
    for (const a of byAgency('health').filter((a) => a.email === 'health@demo.example'))
      expect(a.service_name).toBe('Community paediatrics');
    const settings = await db
      .selectFrom('child_setting as cs')
      .innerJoin('setting as s', (j) => j.onRef('s.id', '=', 'cs.setting_id'))
      .select(['cs.child_id', 's.name'])
      .where('cs.end_date', 'is', null)
      .execute();
    const attends = (childId: string, name: string) =>
      settings.some((x) => x.child_id === childId && x.name === name);
    for (const a of byAgency('setting')) expect(attends(a.child_id, a.org), a.email).toBe(true);
    for (const a of advice) expect(a.email === 'senco@demo.example' ? a.agency : 'setting').toBe('setting');
    // What the advice says is its own agency's: no reading programme from a paediatrician.
    const areas: Record<string, readonly string[]> = {
      'educational-psychology': ['cognition', 'semh'],
      'social-care': ['socialCare'],
      setting: ['cognition', 'communication', 'semh', 'sensory'],
      'Community paediatrics': ['health'],
      'Speech and language therapy': ['communication'],
      'Occupational therapy': ['sensory'],
      Physiotherapy: ['sensory'],
      'Child and adolescent mental health': ['semh'],
    };
    for (const a of advice.filter((x) => x.needs)) {
      const keys = Object.keys(a.needs as object);
      for (const k of keys)
        expect(areas[a.service_name ?? a.agency], `${a.agency} ${a.service_name}`).toContain(k);
    }
    // Each demo professional's list of work is their own agency's, and the SENCO's only her own school's pupils.
    const review = await db
      .selectFrom('plan_review_advice as a')
      .innerJoin('app_user as u', (j) => j.onRef('u.id', '=', 'a.professional_user_id'))
      .select(['a.agency', 'a.child_id', 'a.changes', 'u.email'])
      .execute();
    const own: Record<string, string> = {
      'ep@demo.example': 'educational-psychology',
      'health@demo.example': 'health',
      'socialcare@demo.example': 'social-care',
      'senco@demo.example': 'setting',
    };
    for (const [email, agency] of Object.entries(own)) {
      const tasks = [...advice, ...review].filter((a) => a.email === email);
      expect(tasks.length, email).toBeGreaterThan(0);
      for (const t of tasks) expect(t.agency, email).toBe(agency);
      if (agency === 'setting') for (const t of tasks) expect(attends(t.child_id, SENCO_SCHOOL)).toBe(true);
    }
    for (const a of review.filter((x) => x.agency !== 'setting' && x.changes))
      expect(a.changes, a.agency).not.toMatch(/speech and language therapy at 30 minutes/);
  });

  it('writes each plan’s section A for the child’s age and need, not stock sentences (issue 18 item 9)', async () => {
    const db = first.db;
    const items = await db
      .selectFrom('ehc_plan_item as i')
      .innerJoin('ehc_plan as p', (j) => j.onRef('p.id', '=', 'i.plan_id'))
      .innerJoin('child as c', (j) => j.onRef('c.id', '=', 'p.child_id'))
      .select(['i.plan_id', 'i.text', 'i.whose', 'c.reference', 'c.date_of_birth'])
      .where('i.section', '=', 'A')
      .execute();
    const plans = new Map<string, string[]>();
    for (const i of items) plans.set(i.plan_id, [...(plans.get(i.plan_id) ?? []), i.text]);
    expect(plans.size).toBeGreaterThan(50);
    // No two plans' section A the same; no sentence in more than one plan in five.
    expect(new Set([...plans.values()].map((t) => t.join(' '))).size).toBe(plans.size);
    const sentences = new Map<string, number>();
    for (const texts of plans.values())
      for (const sentence of new Set(texts.join(' ').split(/(?<=\.) /)))
        sentences.set(sentence, (sentences.get(sentence) ?? 0) + 1);
    const [commonest, times] = [...sentences.entries()].sort((a, b) => b[1] - a[1])[0]!;
    expect(times, commonest).toBeLessThanOrEqual(plans.size / 5);
    // In the voice that fits the age: a young person past Year 11 speaks for themselves, a nursery child's parent
    // speaks for them, and no primary-age child is called a young person or hopes for a flat of their own.
    for (const i of items) {
      const yg = yearGroupOn(i.date_of_birth, TODAY);
      if (yg >= 12) expect(i.whose, i.reference).toBe('young person');
      else expect(i.whose, i.reference).not.toBe('young person');
      if (yg <= 0) expect(i.whose, i.reference).toBe('parent');
      if (yg <= 6) expect(i.text, i.reference).not.toMatch(/flat|college|job|university/);
    }
  });

  it('shows each plan’s own last change in demo time, not when the demo was seeded (issue 18 item 9)', async () => {
    const db = first.db;
    const plans = await db
      .selectFrom('ehc_plan as p')
      .select((eb) => [
        'p.id',
        'p.updated_at',
        eb
          .selectFrom('ehc_plan_version as v')
          .select((v) => v.fn.max('v.issued_on').as('d'))
          .whereRef('v.plan_id', '=', 'p.id')
          .as('last_version'),
      ])
      .execute();
    expect(plans.length).toBeGreaterThan(50);
    const endOfToday = new Date(`${TODAY}T23:59:59Z`);
    for (const p of plans) {
      expect(p.updated_at <= endOfToday, p.id).toBe(true);
      if (p.last_version)
        expect(p.updated_at.toISOString() >= `${String(p.last_version)}T10:00`, p.id).toBe(true);
    }
    // Plans the amendments seeder changed after the plans seeder: their last change is the amendment's version.
    const amended = await db
      .selectFrom('ehc_plan_version')
      .select('plan_id')
      .where('number', '>', 2)
      .execute();
    expect(amended.length).toBeGreaterThan(0);
    // Different plans, different days.
    expect(new Set(plans.map((p) => p.updated_at.toISOString().slice(0, 10))).size).toBeGreaterThan(20);
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
