/**
 * Consultation per plan (ADR 0032; docs/consultation.md "Consulting about an issued plan"), on both engines, on the
 * demo authority: a plan with no assessment case on record (as most real plans) records the family's preference in
 * the plan's round and consults the setting at once; the school (the demo SENCO's) sees it in its list, opens it,
 * reads the plan as a PDF and answers once; another professional gets 404 and the family 403; section I of an amended
 * plan is checked against the round (named setting consulted; an unmet preference needs its s39(4) ground, recorded
 * on its own page with the GOV.UK error summary, once); the next round starts empty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { actorFor } from '../../../test/helpers/factories.ts';
import { DEMO_LA_CODE, DEMO_PASSWORD } from '../../demo/accounts.ts';
import type { Actor } from '../../platform/access/access.ts';
import { withChange } from '../../platform/change/change.ts';
import { settingOfUser } from '../../platform/people/settings.ts';
import { paths } from '../../platform/web/paths.ts';
import { planInForceOfChild } from '../plans/index.ts';
import {
  amendedPlacementProblems,
  planPlacementSummary,
  PLAN_DOCUMENT,
  recordPlanPreference,
} from './index.ts';

const LA = DEMO_LA_CODE;
const TODAY = '2026-11-02';

describe.each(ENGINES)('consultation about an issued plan on %s', (engine) => {
  let t: TestApp;
  let cw: Actor;
  let plan: { planId: string; childId: string; inForce: string };
  let sencoSchool: { id: string; name: string };
  let other: { id: string; name: string };
  let consultationId: string;
  const signIn = async (email: string) => {
    const c = new TestClient(t.app);
    await c.signIn(email, DEMO_PASSWORD);
    return c;
  };
  const actorOf = async (email: string): Promise<Actor> => {
    const u = await t.database.db
      .selectFrom('app_user')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    return actorFor({ id: u.id, email, laCode: LA, role: u.role }, u.team_id);
  };
  const record = (settingId: string) =>
    withChange({ db: t.database.db, jobs: t.jobs, today: () => TODAY }, cw, (ctx) =>
      recordPlanPreference(
        ctx,
        plan,
        { kind: 'setting', settingId, received: TODAY, source: 'review' },
        { from: TODAY, document: PLAN_DOCUMENT },
      ),
    );

  beforeAll(async () => {
    t = await createTestApp(engine, {}, { image: 'demo', today: () => TODAY });
    const db = t.database.db;
    cw = await actorOf('caseworker@demo.example');
    const senco = await actorOf('senco@demo.example');
    const school = await settingOfUser(db, LA, senco.userId);
    sencoSchool = { id: school!.id, name: school!.name };
    const row = await db
      .selectFrom('ehc_plan')
      .select('child_id')
      .where('la_code', '=', LA)
      .where('case_id', 'is', null)
      .where('status', 'in', ['final', 'amended'])
      .where('placement_setting_id', 'is distinct from', sencoSchool.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const found = await planInForceOfChild(db, LA, row.child_id);
    plan = { planId: found!.planId, childId: row.child_id, inForce: found!.inForce };
    expect(found!.caseId).toBeNull();
    other = await db
      .selectFrom('setting')
      .select(['id', 'name'])
      .where('la_code', '=', LA)
      .where('id', '!=', sencoSchool.id)
      .where('in_area', '=', true)
      .orderBy('id')
      .executeTakeFirstOrThrow();
  });
  afterAll(() => t?.close());

  it('records the preference in the plan’s round and consults the setting at once, once', async () => {
    const id = await record(sencoSchool.id);
    expect(id).toBeTruthy();
    expect(await record(sencoSchool.id)).toBeUndefined();
    const rows = await t.database.db
      .selectFrom('consultation')
      .selectAll()
      .where('plan_id', '=', plan.planId)
      .execute();
    expect(rows.map((r) => [r.case_id, r.plan_in_force, r.setting_id, r.consultee, r.sent])).toEqual([
      [null, plan.inForce, sencoSchool.id, 'setting', TODAY],
    ]);
    consultationId = rows[0]!.id;
    const sent = await t.database.db
      .selectFrom('notification')
      .select('template')
      .where('child_id', '=', plan.childId)
      .where('template', 'in', ['consultation-sent', 'consultation-family-sent'])
      .execute();
    expect(sent.map((n) => n.template)).toContain('consultation-sent');
    const history = await t.database.db
      .selectFrom('case_event')
      .select('summary')
      .where('child_id', '=', plan.childId)
      .where('kind', '=', 'consultation-sent')
      .execute();
    expect(history.map((h) => h.summary).join()).toContain('consulted on the plan in force and the advice');
    const summary = await planPlacementSummary(t.database.db, LA, plan, TODAY);
    expect(summary.consultations.map((c) => c.state.due.date)).toEqual(['2026-11-17']);
  });

  it('the school sees it, reads the plan as a PDF and answers once; another professional 404, the family 403', async () => {
    const senco = await signIn('senco@demo.example');
    const list = await senco.get(paths.consultation.list);
    expect(list.body).toContain(paths.consultation.show(consultationId));
    const page = await senco.get(paths.consultation.show(consultationId));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(paths.consultation.draft(consultationId));
    const pdf = await senco.get(paths.consultation.draft(consultationId));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const empty = await senco.submitOnce(paths.consultation.show(consultationId), {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('govuk-error-summary');
    const form = await senco.get(paths.consultation.show(consultationId));
    const fields = {
      answer: 'can-meet',
      ...TestClient.formTokensFrom(form.body, paths.consultation.show(consultationId)),
    };
    expect((await senco.post(paths.consultation.show(consultationId), fields)).statusCode).toBe(303);
    expect((await senco.post(paths.consultation.show(consultationId), fields)).statusCode).toBe(303);
    const answered = await t.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'consultation.answer')
      .where('record_id', '=', consultationId)
      .execute();
    expect(answered).toHaveLength(1);
    const adviser = await signIn('ep@demo.example'); // a professional at another organisation
    expect((await adviser.get(paths.consultation.show(consultationId))).statusCode).toBe(404);
    const family = await signIn('parent@demo.example');
    expect((await family.get(paths.consultation.show(consultationId))).statusCode).toBe(403);
    const staff = await signIn('caseworker@demo.example');
    const read = await staff.get(paths.consultation.show(consultationId));
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain(paths.amendments.plan(plan.planId));
  });

  it('section I of the amended plan is checked against the round; the ground recorded on its page, once', async () => {
    const db = t.database.db;
    const named = (s: { id: string; name: string }) =>
      ({ kind: 'setting', settingId: s.id, settingName: s.name }) as const;
    expect(await amendedPlacementProblems(db, LA, plan, named(sencoSchool), null)).toEqual([]);
    const notConsulted = await amendedPlacementProblems(db, LA, plan, named(other), null);
    expect(notConsulted.map((p) => p.rule)).toEqual(['not-consulted', 'preference-refused-without-ground']);
    // unchanged from the plan in force, the setting needs no new consultation; the family's preference still counts
    const kept = await amendedPlacementProblems(db, LA, plan, named(other), other.id);
    expect(kept.map((p) => p.rule)).toEqual(['preference-refused-without-ground']);
    const preference = await db
      .selectFrom('placement_preference')
      .select('id')
      .where('plan_id', '=', plan.planId)
      .executeTakeFirstOrThrow();
    const staff = await signIn('caseworker@demo.example');
    const url = paths.consultation.planRefuse(preference.id);
    const page = await staff.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(sencoSchool.name);
    const bad = await staff.submitOnce(url, { reasons: 'Kept words' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Kept words');
    const form = await staff.get(url);
    const fields = {
      ground: 'resources',
      reasons: 'The school named keeps the child with their friends at no extra cost',
      ...TestClient.formTokensFrom(form.body, url),
    };
    const ok = await staff.post(url, fields);
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toContain(paths.amendments.plan(plan.planId));
    expect((await staff.post(url, fields)).statusCode).toBe(303);
    const refusals = await db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'consultation.refuse')
      .where('record_id', '=', preference.id)
      .execute();
    expect(refusals).toHaveLength(1);
    expect(await amendedPlacementProblems(db, LA, plan, named(other), other.id)).toEqual([]);
    // a later round (the plan amended since) starts with nothing asked for and nothing consulted
    const next = { ...plan, inForce: '2026-12-01' };
    expect((await planPlacementSummary(db, LA, next, TODAY)).preferences).toEqual([]);
    expect(await amendedPlacementProblems(db, LA, next, named(sencoSchool), null)).toEqual([
      expect.objectContaining({ rule: 'not-consulted' }),
    ]);
  });

  it('only casework staff reach the refusal page; only caseworkers and team managers record it', async () => {
    const preference = await t.database.db
      .selectFrom('placement_preference')
      .select('id')
      .where('plan_id', '=', plan.planId)
      .executeTakeFirstOrThrow();
    const url = paths.consultation.planRefuse(preference.id);
    for (const email of ['senco@demo.example', 'parent@demo.example', 'leader@demo.example']) {
      const c = await signIn(email);
      expect((await c.get(url)).statusCode).toBe(403);
    }
    const staff = await signIn('manager@demo.example');
    expect((await staff.get(url)).statusCode).toBe(200);
    expect((await staff.get(paths.consultation.planRefuse('not-an-id'))).statusCode).toBe(404);
  });
});
