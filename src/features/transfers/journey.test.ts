/**
 * Issue 13's journey through the pages, on both engines, on the demo authority (its plans have no assessment case on
 * record, as most real plans): a parent states two preferences on /your-transfer, each school is consulted through the
 * consultation flow and answers as its SENCO (one can meet the needs, one cannot, with a ground); the caseworker
 * starts the amendment, names the first school in section I and sends the proposal; issuing is refused while the
 * other preference has no recorded ground (the error summary), then the ground is recorded and the amended plan
 * issued before 15 February; the cohort board shows the child as named. The same plan issued after the deadline would
 * be "Named late" (naming.test.ts). The family's email for the amended plan names the new setting and says it is the
 * phase transfer's naming, by its deadline.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import {
  actorFor,
  createSenco,
  createSetting,
  grant,
  TEST_PASSWORD,
} from '../../../test/helpers/factories.ts';
import { DEMO_IMAGE_TODAY } from '../../../test/helpers/images.ts';
import { DEMO_LA_CODE, DEMO_PASSWORD } from '../../demo/accounts.ts';
import type { DB } from '../../platform/db/schema/index.ts';
import { paths } from '../../platform/web/paths.ts';
import { planForAmendment } from '../plans/index.ts';
import { cohortOn } from './service.ts';

const LA = DEMO_LA_CODE;
const dateFields = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
};

/** A school taking the child's next year group, with a SENCO account (test set-up). */
async function school(db: Kysely<DB>, name: string, first: number) {
  const id = await createSetting(db, LA, name, 'school', { first, last: first + 4 });
  return { id, name, senco: await createSenco(db, LA, name) };
}

describe.each(ENGINES)('a phase transfer from preference to named on %s', (engine) => {
  let t: TestApp;
  let today = '2026-11-02';
  let childId: string;
  let planId: string;
  let schools: Awaited<ReturnType<typeof school>>[];
  let board: (stage: string) => string;
  const signIn = async (email: string, password = DEMO_PASSWORD) => {
    const c = new TestClient(t.app);
    await c.signIn(email, password);
    return c;
  };

  beforeAll(async () => {
    t = await createTestApp(engine, {}, { image: 'demo', today: () => today });
    const db = t.database.db;
    // a child of the cohort (15 February 2027) whose plan can be amended (a structured plan with section I, no proposal out)
    const cohort = (await cohortOn(db, LA, today)).filter(
      (r) =>
        r.stage === 'in-cohort' && r.dates.deadline.date === '2027-02-14' && r.child.setting.lastYear === 6,
    );
    const cw = await db
      .selectFrom('app_user')
      .selectAll()
      .where('email', '=', 'caseworker@demo.example')
      .executeTakeFirstOrThrow();
    const actor = actorFor({ id: cw.id, email: cw.email, laCode: LA, role: cw.role }, cw.team_id);
    let found: { child: string; plan: string; school: string; next: number } | undefined;
    for (const r of cohort) {
      const plan = await db
        .selectFrom('ehc_plan')
        .select('id')
        .where('la_code', '=', LA)
        .where('child_id', '=', r.child.id)
        .where('status', '=', 'final')
        .executeTakeFirst();
      if (!plan) continue;
      const amendable = await planForAmendment(db, actor, plan.id, today);
      if (amendable.threadErrors > 0 || !amendable.inForce || amendable.proposal || !amendable.placementNamed)
        continue;
      found = {
        child: r.child.id,
        plan: plan.id,
        school: r.child.setting.id,
        next: r.child.setting.lastYear + 1,
      };
      break;
    }
    childId = found!.child;
    planId = found!.plan;
    // the board's list narrowed to the child's school and a stage (every count on the board is such a list)
    board = (stage: string) => `/transfers?stage=${stage}&school=${found!.school}`;
    const parent = await db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', 'parent@demo.example')
      .executeTakeFirstOrThrow();
    await grant(db, LA, parent.id, childId, 'parent');
    schools = [
      await school(db, 'Northfield Academy', found!.next),
      await school(db, 'Westbrook School', found!.next),
    ];
    expect(DEMO_IMAGE_TODAY < today).toBe(true);
  });
  afterAll(() => t?.close());

  it('goes from the family’s preferences to the plan naming the school before 15 February', async () => {
    const db = t.database.db;
    // 1. The parent states two preferences on their transfer page.
    const parent = await signIn('parent@demo.example');
    const url = paths.transfers.familyPreference(childId);
    for (const s of schools) {
      const res = await parent.submitOnce(url, { settingId: s.id, reasons: 'Close to home' });
      expect(res.statusCode).toBe(303);
    }
    const consultations = await db
      .selectFrom('consultation')
      .select(['id', 'setting_id', 'plan_id', 'case_id'])
      .where('child_id', '=', childId)
      .orderBy('created_at')
      .execute();
    expect(consultations.map((c) => [c.setting_id, c.plan_id, c.case_id])).toEqual(
      schools.map((s) => [s.id, planId, null]),
    );

    // 2. Each school answers in Goldthread as its SENCO.
    today = '2026-11-09';
    const answers: Record<string, string>[] = [
      { answer: 'can-meet' },
      { answer: 'cannot-meet', ground: 'resources', reasons: 'The year group is full in every class' },
    ];
    for (const [i, s] of schools.entries()) {
      const senco = await signIn(s.senco.email, TEST_PASSWORD);
      const c = consultations[i]!;
      expect((await senco.get(paths.consultation.list)).body).toContain(paths.consultation.show(c.id));
      const res = await senco.submitOnce(paths.consultation.show(c.id), answers[i]!);
      expect(res.statusCode).toBe(303);
    }
    const caseworker = await signIn('caseworker@demo.example');
    const childPage = await caseworker.get(paths.transfers.child(childId));
    expect(childPage.body).toContain('Northfield Academy</a>: consulted 2 November 2026, can meet the needs');
    expect(childPage.body).toContain('Westbrook School</a>: consulted 2 November 2026, cannot');
    expect((await caseworker.get(board('consulting'))).body).toContain(paths.transfers.child(childId));

    // 3. The caseworker starts the amendment, names Northfield in section I and sends the proposal.
    today = '2026-11-16';
    const amendments = paths.amendments.plan(planId);
    const started = await caseworker.submitOnce(
      amendments,
      {
        trigger: 'change-of-placement',
        details: 'Phase transfer: naming the secondary school for September 2027',
      },
      paths.amendments.start(planId),
    );
    expect(started.statusCode).toBe(303);
    const placed = await caseworker.submit(
      paths.plans.placement(planId),
      { settingId: schools[0]!.id },
      paths.plans.placement(planId),
    );
    expect(placed.statusCode).toBe(303);
    const page = await caseworker.get(amendments);
    const amendmentId = /\/amendments\/([0-9a-f-]{36})\/proposal/.exec(page.body)![1]!;
    const step = (s: string) => paths.amendments.step(amendmentId, s);
    expect(
      (await caseworker.submitOnce(amendments, dateFields('date', today), step('proposal'))).statusCode,
    ).toBe(303);

    // 4. After the 15 days: refused while Westbrook (asked for, not named) has no recorded ground.
    today = '2026-12-07';
    const refused = await caseworker.submitOnce(amendments, dateFields('date', today), step('issue'));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain('Westbrook School');
    const westbrook = await db
      .selectFrom('placement_preference')
      .select('id')
      .where('plan_id', '=', planId)
      .where('setting_id', '=', schools[1]!.id)
      .executeTakeFirstOrThrow();
    const ground = await caseworker.submitOnce(paths.consultation.planRefuse(westbrook.id), {
      ground: 'resources',
      reasons: 'Westbrook has no place in Year 7; Northfield can meet the needs and is as near',
    });
    expect(ground.statusCode).toBe(303);
    const issued = await caseworker.submitOnce(amendments, dateFields('date', today), step('issue'));
    expect(issued.statusCode).toBe(303);
    // The family's email names the new setting and says it is the phase transfer's naming, by its deadline.
    const emails = await db
      .selectFrom('notification')
      .select(['template', 'subject', 'body'])
      .where('la_code', '=', LA)
      .where('child_id', '=', childId)
      .where('template', 'in', ['amendment-issued', 'amendment-issued-transfer'])
      .execute();
    expect(emails.length).toBeGreaterThan(0);
    for (const e of emails) {
      expect(e.template).toBe('amendment-issued-transfer');
      expect(e.subject).toContain(`names ${schools[0]!.name} for the move in 2027`);
      expect(e.body).toContain(`It names ${schools[0]!.name} as the school or college`);
      expect(e.body).toContain('a phase transfer');
      expect(e.body).toContain('by 14 February 2027. It has been named in time.');
    }

    // 5. The board shows the child as named, before 15 February 2027.
    const row = (await cohortOn(db, LA, today)).find((r) => r.child.id === childId)!;
    expect(row.naming).toMatchObject({ status: 'named', on: '2026-12-07', settingId: schools[0]!.id });
    expect(row.stage).toBe('named');
    const named = await caseworker.get(board('named'));
    expect(named.body).toContain(paths.transfers.child(childId));
  });
});
