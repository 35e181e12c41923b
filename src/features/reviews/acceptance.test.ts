/**
 * The acceptance examples of S1 and S11 (statutory-work.md) through the reviews service and its tables, on both
 * engines: a plan made 2025-03-10 and a meeting on Monday 2026-02-02; a plan made 2025-06-01 transferred in on
 * 2026-03-31; with the service's today moved along the dates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newFormToken } from '../../platform/change/once.ts';
import { noticesFeature } from '../notices/index.ts';
import { registerTemplates } from '../../platform/notify/templates.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/db.ts';
import { DEMO_LA_CODE } from '../../demo/accounts.ts';
import type { Actor } from '../../platform/access/access.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { plansForReviews } from '../plans/index.ts';
import { createReviewsService } from './service.ts';

const LA = DEMO_LA_CODE;

describe.each(ENGINES)('S1 acceptance through the reviews service on %s', (engine) => {
  let database: TestDatabase;
  let today = '2026-01-05';
  let service: ReturnType<typeof createReviewsService>;
  let actor: Actor;
  let planId: string;

  beforeAll(async () => {
    // a decision's letter is queued to the family through the notices feature's templates
    registerTemplates(noticesFeature.templates);
    database = await createTestDatabase(engine, { image: 'demo' });
    const db = database.db;
    service = createReviewsService({
      db,
      today: () => today,
      jobs: { send: () => Promise.resolve() },
    } as unknown as ServiceDeps);
    const u = await db
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
    // a plan made on 2025-03-10 for a demo child without one (test set-up writes the tables directly)
    const child = await db
      .selectFrom('child as c')
      .select('c.id')
      .where('c.la_code', '=', LA)
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
    planId = plan.id;
  });
  afterAll(() => database?.close());

  it('review due 2026-03-09; invitations and advice by 2026-01-19; report 2026-02-16; decision 2026-03-02; next review by 2027-02-01; appeal by 2026-05-05', async () => {
    expect((await service.planReviews(actor, planId)).schedule?.due.date).toBe('2026-03-09');
    const { review } = await service.scheduleReview(actor, planId, {
      formToken: newFormToken(),
      meetingDate: '2026-02-02',
      arrangedBy: 'school',
    });
    let view = await service.planReviews(actor, planId);
    expect(view.reviews[0]!.steps.map((s) => [s.id, s.due.date])).toEqual([
      ['invitations', '2026-01-19'],
      ['adviceCirculated', '2026-01-19'],
      ['report', '2026-02-16'],
      ['decision', '2026-03-02'],
    ]);
    today = '2026-01-19';
    expect(
      (
        await service.arrange(actor, review.id, {
          formToken: newFormToken(),
          invitationsSent: '2026-01-19',
          adviceCirculated: '2026-01-19',
        })
      ).warnings,
    ).toEqual([]);
    today = '2026-02-02';
    await service.hold(actor, review.id, { formToken: newFormToken(), held: '2026-02-02' });
    today = '2026-02-16';
    expect(
      (await service.sendReport(actor, review.id, { formToken: newFormToken(), reportSent: '2026-02-16' }))
        .warnings,
    ).toEqual([]);
    today = '2026-03-02';
    expect(
      (
        await service.decide(actor, review.id, {
          formToken: newFormToken(),
          date: '2026-03-02',
          outcome: 'maintain',
        })
      ).warnings,
    ).toEqual([]);
    view = await service.planReviews(actor, planId);
    expect(view.schedule?.due.date).toBe('2027-02-01');
    expect(view.reviews[0]!.steps.every((s) => s.status === 'met')).toBe(true);
    expect(view.reviews[0]!.rights?.appealBy.date).toBe('2026-05-05');
    expect(view.reviews[0]!.rights?.mediationContactBy.date).toBe('2026-05-02');
    const row = await database.db
      .selectFrom('plan_review_schedule')
      .selectAll()
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow();
    expect([row.next_due, row.next_number, row.basis, row.counted_from]).toEqual([
      '2027-02-01',
      2,
      'last-meeting',
      '2026-02-02',
    ]);
  });

  it('amending the plan on 2026-04-20 does not move the next review date', async () => {
    await database.db
      .insertInto('ehc_plan_version')
      .values({
        la_code: LA,
        plan_id: planId,
        number: 1,
        kind: 'amended',
        issued_on: '2026-04-20',
        snapshot: '{}',
      })
      .execute();
    await database.db.updateTable('ehc_plan').set({ status: 'amended' }).where('id', '=', planId).execute();
    today = '2026-05-01';
    const view = await service.planReviews(actor, planId);
    expect(view.schedule?.due.date).toBe('2027-02-01');
    const [plan] = await plansForReviews(database.db, LA, [planId]);
    expect(plan?.amendmentsIssued).toEqual(['2026-04-20']);
  });

  it('a late decision is accepted and says it is late, with its rule', async () => {
    today = '2027-01-20';
    const { review } = await service.scheduleReview(actor, planId, {
      formToken: newFormToken(),
      meetingDate: '2027-01-20',
      arrangedBy: 'authority',
    });
    await service.arrange(actor, review.id, {
      formToken: newFormToken(),
      invitationsSent: '2027-01-06',
      adviceCirculated: null,
    });
    await service.hold(actor, review.id, { formToken: newFormToken(), held: '2027-01-20' });
    today = '2027-02-25';
    await service.sendReport(actor, review.id, { formToken: newFormToken(), reportSent: '2027-02-03' });
    const late = await service.decide(actor, review.id, {
      formToken: newFormToken(),
      date: '2027-02-25',
      outcome: 'amend',
    });
    expect(late.warnings).toMatchObject([{ step: 'decision', daysLate: 8 }]);
    expect(late.warnings[0]!.message).toContain('within 4 weeks of the meeting');
    const view = await service.planReviews(actor, planId);
    expect(view.reviews.at(-1)!.steps.find((s) => s.id === 'decision')).toMatchObject({
      status: 'late',
      daysLate: 8,
    });
  });

  it('S11 transfer in: T = 2026-03-31, plan made 2025-06-01 → notice by 2026-05-12; review by 2026-06-30', async () => {
    const db = database.db;
    const child = await db
      .selectFrom('child as c')
      .select('c.id')
      .where('c.la_code', '=', LA)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('ehc_plan as p').select('p.id').whereRef('p.child_id', '=', 'c.id'))),
      )
      .orderBy('c.id')
      .executeTakeFirstOrThrow();
    await db.updateTable('child').set({ plan_status: 'plan' }).where('id', '=', child.id).execute();
    const plan = await db
      .insertInto('ehc_plan')
      .values({ la_code: LA, child_id: child.id, status: 'final', final_issued: '2025-06-01' })
      .returning('id')
      .executeTakeFirstOrThrow();
    today = '2026-04-01';
    await expect(
      service.recordTransferIn(actor, plan.id, {
        formToken: newFormToken(),
        transferredOn: '2026-03-31',
        fromAuthority: ' ',
        noticeSent: null,
        proposesReassessment: null,
      }),
    ).rejects.toMatchObject({ errors: [{ field: 'fromAuthority' }] });
    await expect(
      service.recordTransferIn(actor, plan.id, {
        formToken: newFormToken(),
        transferredOn: '2026-04-02',
        fromAuthority: 'Northshire',
        noticeSent: null,
        proposesReassessment: null,
      }),
    ).rejects.toMatchObject({ errors: [{ field: 'transferredOn' }] });
    await service.recordTransferIn(actor, plan.id, {
      formToken: newFormToken(),
      transferredOn: '2026-03-31',
      fromAuthority: 'Northshire County Council',
      noticeSent: null,
      proposesReassessment: null,
    });
    let view = await service.planReviews(actor, plan.id);
    expect(view.transferIn).toMatchObject({ noticeDue: { date: '2026-05-12' }, noticeLate: false });
    expect(view.schedule).toMatchObject({
      due: { date: '2026-06-30' },
      basis: 'transfer-in',
      countedFrom: '2026-03-31',
    });
    const row = await db
      .selectFrom('plan_review_schedule')
      .selectAll()
      .where('plan_id', '=', plan.id)
      .executeTakeFirstOrThrow();
    expect([row.next_due, row.basis]).toEqual(['2026-06-30', 'transfer-in']);
    today = '2026-05-13';
    expect((await service.planReviews(actor, plan.id)).transferIn?.noticeLate).toBe(true);
    // the notice must say whether the council proposes to reassess (reg 15(4)): told without it is refused
    await expect(
      service.recordTransferIn(actor, plan.id, {
        formToken: newFormToken(),
        transferredOn: '2026-03-31',
        fromAuthority: 'Northshire County Council',
        noticeSent: '2026-05-12',
        proposesReassessment: null,
      }),
    ).rejects.toMatchObject({ errors: [{ field: 'proposesReassessment' }] });
    await service.recordTransferIn(actor, plan.id, {
      formToken: newFormToken(),
      transferredOn: '2026-03-31',
      fromAuthority: 'Northshire County Council',
      noticeSent: '2026-05-12',
      proposesReassessment: false,
    });
    view = await service.planReviews(actor, plan.id);
    expect(view.transferIn).toMatchObject({
      noticeSent: '2026-05-12',
      noticeLate: false,
      proposesReassessment: false,
    });
    const { review } = await service.scheduleReview(actor, plan.id, {
      formToken: newFormToken(),
      meetingDate: '2026-06-15',
      arrangedBy: 'school',
    });
    expect(review.kind).toBe('transfer-in');
    const audits = await db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', plan.id)
      .where('action', '=', 'review.transfer-in')
      .execute();
    expect(audits).toHaveLength(2);
  });
});
