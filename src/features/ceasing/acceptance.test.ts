/**
 * The acceptance examples of S9 and S11 (statutory-work.md) through the ceasing service and its tables, on both
 * engines, with the service's today moved along the dates: a decision without the consultation on record cannot be
 * saved; an under-18's plan cannot be ceased for leaving education (reg 29); a decision sent 2026-06-15 with no
 * appeal keeps the plan in force until 2026-09-01 and ceases it on 2026-09-02, when the review schedule drops it, the
 * child's plan shows as ceased and the SEN2 return reads the day and the reason code; the review the procedure came
 * from is decided with it. A move learned of on Monday 2026-03-02 for 2026-03-10 is to be sent by 2026-03-20; sent
 * late, it is shown late, and the plan leaves (SEN2 reason 5).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticesFeature } from '../notices/index.ts';
import { registerTemplates } from '../../platform/notify/templates.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/db.ts';
import { DEMO_LA_CODE } from '../../demo/accounts.ts';
import { buildSen2Return } from '../../domain/sen2/index.ts';
import type { Actor } from '../../platform/access/access.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { loadCasework } from '../returns/index.ts';
import { applyPlanEndings, CeasingFormError, cessationsForReturns, createCeasingService } from './service.ts';

const LA = DEMO_LA_CODE;

describe.each(ENGINES)('S9 and S11 acceptance through the ceasing service on %s', (engine) => {
  let database: TestDatabase;
  let today = '2026-05-01';
  let service: ReturnType<typeof createCeasingService>;
  let actor: Actor;

  /** A final plan made on 2025-03-10 for a demo child under 18 with none (set-up writes the tables directly). */
  async function newPlan(): Promise<{ planId: string; childId: string }> {
    const db = database.db;
    const child = await db
      .selectFrom('child as c')
      .select('c.id')
      .where('c.la_code', '=', LA)
      .where('c.date_of_birth', '>=', '2010-09-01')
      .where('c.date_of_birth', '<', '2019-09-01')
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('ehc_plan as p').select('p.id').whereRef('p.child_id', '=', 'c.id'))),
      )
      .orderBy('c.id')
      .executeTakeFirstOrThrow();
    await db.updateTable('child').set({ plan_status: 'plan' }).where('id', '=', child.id).execute();
    const plan = await db
      .insertInto('ehc_plan')
      .values({ la_code: LA, child_id: child.id, status: 'final', final_issued: '2025-03-10' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { planId: plan.id, childId: child.id };
  }

  const statusOf = async (childId: string) =>
    (
      await database.db
        .selectFrom('child')
        .select('plan_status')
        .where('id', '=', childId)
        .executeTakeFirstOrThrow()
    ).plan_status;
  const scheduled = async (planId: string) =>
    (
      await database.db
        .selectFrom('plan_review_schedule')
        .select('plan_id')
        .where('plan_id', '=', planId)
        .execute()
    ).length === 1;
  /**
   * The daily job run as of a day for the plans a test is about: the demo's own ended plans carry their records, and a
   * day simulated before one of them ended would restore it (the job as of that day), which is not what these test.
   */
  const applyOn = (day: string, planIds: readonly string[]) =>
    database.db
      .transaction()
      .execute((trx) =>
        applyPlanEndings(trx, { laCode: LA, userId: null, sessionId: null, ip: null }, day, planIds),
      );
  const audits = async (action: string) =>
    (
      await database.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', action)
        .where('record_type', '<>', 'child')
        .execute()
    ).length;

  beforeAll(async () => {
    // a decision's letter is queued to the family through the notices feature's templates
    registerTemplates(noticesFeature.templates);
    database = await createTestDatabase(engine, { image: 'demo' });
    service = createCeasingService({
      db: database.db,
      today: () => today,
      jobs: { send: () => Promise.resolve() },
    } as unknown as ServiceDeps);
    const u = await database.db
      .selectFrom('app_user')
      .selectAll()
      .where('email', '=', 'caseworker@demo.example')
      .executeTakeFirstOrThrow();
    actor = {
      laCode: LA,
      userId: u.id,
      sessionId: 'test',
      email: u.email,
      displayName: u.display_name,
      role: u.role,
      teamId: u.team_id,
      jobTitle: u.job_title,
      ip: null,
    };
  });
  afterAll(() => database?.close());

  it('S9: no decision without the consultation; not for leaving education under 18; in force until 2026-09-01, ceased 2026-09-02', async () => {
    const { planId, childId } = await newPlan();
    const db = database.db;
    // the review the procedure comes from: held 2026-04-20, report sent 2026-04-30, waiting for its decision
    const review = await db
      .insertInto('plan_review')
      .values({
        la_code: LA,
        plan_id: planId,
        child_id: childId,
        number: 1,
        kind: 'annual',
        arranged_by: 'school',
        meeting_date: '2026-04-20',
        invitations_sent: '2026-04-01',
        held: '2026-04-20',
        report_sent: '2026-04-30',
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    today = '2026-05-01';
    const started = await service.start(actor, planId, {
      startedOn: '2026-05-01',
      reason: 'The review recommended it: needs met without the plan.',
      reviewId: review.id,
    });
    const again = await service
      .start(actor, planId, { startedOn: '2026-05-01', reason: 'Again', reviewId: null })
      .catch((e: unknown) => e);
    expect((again as CeasingFormError).errors[0]?.message).toContain('already has a ceasing procedure');
    // reg 31(1): the family is told and asked by letter (in the child's history), the school or college consulted
    const told = await database.db
      .selectFrom('case_event')
      .select('summary')
      .where('kind', '=', 'letter.sent')
      .where('summary', 'like', 'We are considering stopping the EHC plan sent%')
      .execute();
    expect(told).toHaveLength(1);
    const sent = await database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'notices.letter.sent')
      .where('record_id', '=', planId)
      .execute();
    expect(sent.map((a) => (a.detail as { kind: string }).kind)).toEqual(['considering-cease']);

    today = '2026-06-15';
    const decision = {
      outcome: 'cease',
      decisionDate: '2026-06-15',
      ground: 'no-longer-necessary',
      reviewEstablishingNoReturn: null,
      reasons: null,
    };
    const before = await audits('ceasing.decide');
    const unconsulted = await service.decide(actor, started.id, decision).catch((e: unknown) => e);
    expect(unconsulted).toBeInstanceOf(CeasingFormError);
    const messages = (unconsulted as CeasingFormError).errors.map((e) => `${e.field}: ${e.message}`);
    expect(messages.some((m) => m.startsWith('familyConsulted') && m.includes('reg 31(1)'))).toBe(true);
    const leftEducation = await service
      .decide(actor, started.id, { ...decision, ground: 'left-education' })
      .catch((e: unknown) => e);
    expect((leftEducation as CeasingFormError).errors[0]).toMatchObject({ field: 'ground' });
    expect((leftEducation as CeasingFormError).errors[0]!.message).toContain('reg 29');
    expect(await audits('ceasing.decide')).toBe(before);
    expect((await service.planEnding(actor, planId)).open?.state).toBe('considering');

    const view = await service.planEnding(actor, planId);
    await service.consult(actor, started.id, {
      familyConsulted: '2026-05-20',
      familyResponse: 'We agree.',
      institutionConsulted: view.institution ? '2026-05-22' : null,
      institutionResponse: view.institution ? 'No objection.' : null,
    });
    const underEighteen = await service
      .decide(actor, started.id, { ...decision, ground: 'left-education' })
      .catch((e: unknown) => e);
    expect((underEighteen as CeasingFormError).errors.map((e) => e.message)).toEqual([
      expect.stringContaining('reg 29') as string,
    ]);
    await service.decide(actor, started.id, decision);
    expect(await audits('ceasing.decide')).toBe(before + 1);

    const decided = await service.planEnding(actor, planId);
    expect(decided.open?.state).toBe('appeal-window');
    expect(decided.open?.row).toMatchObject({ ground: 'no-longer-necessary', sen2_reason: '2' });
    expect(decided.open?.dates?.inForceUntil?.date).toBe('2026-09-01');
    expect(decided.open?.dates?.ceasesOn?.date).toBe('2026-09-02');
    expect(decided.open?.rights?.kind).toBe('to-cease');
    // the review it came from is decided with it (late: 28 days from the meeting was 2026-05-18)
    const reviewed = await db
      .selectFrom('plan_review')
      .select(['decision', 'decision_date'])
      .where('id', '=', review.id)
      .executeTakeFirstOrThrow();
    expect(reviewed).toEqual({ decision: 'cease', decision_date: '2026-06-15' });

    // in force, and reviewed, until the appeal window closes
    expect(await applyOn('2026-09-01', [planId])).toEqual([]);
    expect(await statusOf(childId)).toBe('plan');
    expect(await scheduled(planId)).toBe(true);
    expect((await cessationsForReturns(db, LA, '2026-09-01')).has(childId)).toBe(false);

    expect(await applyOn('2026-09-02', [planId])).toEqual([planId]);
    expect(await applyOn('2026-09-03', [planId])).toEqual([]);
    expect(await statusOf(childId)).toBe('ceased');
    expect(await scheduled(planId)).toBe(false);
    expect(await audits('ceasing.plan-ended')).toBeGreaterThan(0);
    expect((await cessationsForReturns(db, LA, '2026-09-02')).get(childId)).toMatchObject({
      ceasedOn: '2026-09-02',
      reason: '2',
    });
    today = '2026-09-02';
    expect((await service.planEnding(actor, planId)).cessations[0]?.state).toBe('ceased');

    const casework = await loadCasework(db, LA, '2026-09-02');
    const person = (census: string) =>
      buildSen2Return(casework, { census, generatedAt: 'x', softwareCode: 'x' }).persons.find(
        (p) => p.plans[0]?.links?.childId === childId,
      );
    const after = person('2027-01-21')!.plans[0]!;
    expect([after.ceasedDate, after.ceasedReason, after.active]).toEqual(['2026-09-02', '2', null]);
    const during = person('2026-01-15')!.plans[0]!;
    expect([during.ceasedDate, during.ceasedReason]).toEqual(['', '']);
    expect(during.active).not.toBeNull();
  });

  it('S9: a decision not to cease after consulting needs its reasons, and ends the procedure', async () => {
    const { planId, childId } = await newPlan();
    today = '2026-06-01';
    const started = await service.start(actor, planId, {
      startedOn: '2026-05-01',
      reason: 'The school suggested it.',
      reviewId: null,
    });
    await service.consult(actor, started.id, {
      familyConsulted: '2026-05-10',
      familyResponse: 'We disagree.',
      institutionConsulted: null,
      institutionResponse: null,
    });
    const bare = {
      outcome: 'not-cease',
      decisionDate: '2026-06-01',
      ground: null,
      reviewEstablishingNoReturn: null,
    };
    const noReasons = await service
      .decide(actor, started.id, { ...bare, reasons: ' ' })
      .catch((e: unknown) => e);
    expect((noReasons as CeasingFormError).errors.map((e) => e.field)).toEqual(['reasons']);
    await service.decide(actor, started.id, { ...bare, reasons: 'The plan is still needed.' });
    const view = await service.planEnding(actor, planId);
    expect(view.open).toBeNull();
    expect(view.cessations[0]?.state).toBe('not-ceased');
    expect(await applyOn('2026-12-01', [planId])).toEqual([]);
    expect(await statusOf(childId)).toBe('plan');
  });

  it('S11: learned Mon 2026-03-02, move 2026-03-10 → send by 2026-03-20; sent late on 2026-03-23, the plan leaves', async () => {
    const { planId, childId } = await newPlan();
    const move = {
      toAuthority: 'Eastvale Council',
      toAuthorityCode: '991',
      learnedOn: '2026-03-02',
      moveDate: '2026-03-10',
      sentOn: null,
      healthToldOn: null,
    };
    today = '2026-03-05';
    const recorded = await service.recordTransferOut(actor, planId, move);
    expect([recorded.sendBy.date, recorded.status]).toEqual(['2026-03-20', 'open']);
    expect(await statusOf(childId)).toBe('plan');
    const bad = await service
      .recordTransferOut(actor, planId, { ...move, toAuthorityCode: 'EV1', sentOn: '2026-03-06' })
      .catch((e: unknown) => e);
    expect((bad as CeasingFormError).errors.map((e) => e.field)).toEqual(['toAuthorityCode', 'sentOn']);

    today = '2026-03-23';
    expect((await service.planEnding(actor, planId)).transferOut).toMatchObject({
      status: 'overdue',
      daysLate: 3,
    });
    const sent = await service.recordTransferOut(actor, planId, {
      ...move,
      sentOn: '2026-03-23',
      healthToldOn: '2026-03-23',
    });
    expect([sent.status, sent.daysLate]).toEqual(['late', 3]);
    expect(await statusOf(childId)).toBe('ceased');
    expect(await scheduled(planId)).toBe(false);
    expect(await audits('ceasing.plan-transferred')).toBeGreaterThan(0);
    expect((await cessationsForReturns(database.db, LA, '2026-03-23')).get(childId)).toMatchObject({
      ceasedOn: '2026-03-23',
      reason: '5',
    });
    const sentAgain = await service.recordTransferOut(actor, planId, move).catch((e: unknown) => e);
    expect((sentAgain as CeasingFormError).errors[0]?.message).toContain('already been sent');
  });
});
