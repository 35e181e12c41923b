/**
 * The reviews feature on both engines, on the demo authority (built as of DEMO_IMAGE_TODAY): every plan's schedule
 * as the rules compute it, the backlog ranked and paged in SQL exactly as the domain orders it, the demo's review
 * history, and a review taken from scheduled to decided through the service, each change audited in its own
 * transaction, refused moves leaving nothing behind, and who may not use it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newFormToken } from '../../platform/change/once.ts';
import { noticesFeature } from '../notices/index.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/db.ts';
import { DEMO_IMAGE_TODAY } from '../../../test/helpers/images.ts';
import { DEMO_LA_CODE } from '../../demo/accounts.ts';
import { addDays } from '../../demo/dates.ts';
import { compareBacklog, reviewSchedule, reviewState, type BacklogFacts } from '../../domain/review/index.ts';
import type { Actor } from '../../platform/access/access.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { educationFeature } from '../education/index.ts';
import { registerTemplates } from '../../platform/notify/templates.ts';
import { plansForReviews } from '../plans/index.ts';
import { refreshReviewSchedules, refreshReviewsOfChildren } from './schedule.ts';
import { createReviewsService, factsOf, ReviewFormError } from './service.ts';
import { backlogPage, reviewsOf, transfersIn, type ScheduleRow } from './store.ts';
import { registerReviewJobs, REVIEW_SCHEDULE_QUEUE } from './jobs.ts';
import type { Handler, JobDeps } from '../../platform/jobs/jobs.ts';
import { analyzeNow, plannerRows } from '../../../test/helpers/planner-statistics.ts';

const LA = DEMO_LA_CODE;
const TODAY = DEMO_IMAGE_TODAY;

const facts = (r: ScheduleRow): BacklogFacts => ({
  planId: r.plan_id,
  reviewDue: r.next_due,
  phaseTransferDeadline: r.phase_transfer_deadline,
  notInFullTimeEducation: r.not_in_full_time_education,
  outOfAreaOrIndependent: r.out_of_area_or_independent,
  lookedAfter: r.looked_after,
  qualityGrade: r.quality_grade,
});

describe.each(ENGINES)('reviews on %s', (engine) => {
  let database: TestDatabase;
  let service: ReturnType<typeof createReviewsService>;
  const actors = new Map<string, Actor>();

  beforeAll(async () => {
    // a decision's letter is queued to the family through the notices feature's templates
    registerTemplates(noticesFeature.templates);
    database = await createTestDatabase(engine, { image: 'demo' });
    service = createReviewsService({
      db: database.db,
      today: () => TODAY,
      jobs: { send: () => Promise.resolve() },
    } as unknown as ServiceDeps);
    for (const who of ['caseworker', 'manager', 'leader', 'parent', 'ep', 'admin']) {
      const u = await database.db
        .selectFrom('app_user')
        .selectAll()
        .where('la_code', '=', LA)
        .where('email', '=', `${who}@demo.example`)
        .executeTakeFirstOrThrow();
      actors.set(who, {
        laCode: LA,
        userId: u.id,
        sessionId: `test-${who}`,
        email: u.email,
        displayName: u.display_name,
        role: u.role,
        teamId: u.team_id,
        jobTitle: u.job_title,
        ip: null,
      });
    }
  });
  afterAll(() => database?.close());
  const as = (who: string) => actors.get(who)!;

  it('gives every final plan a schedule computed by the rules from its review meetings, never its amendments', async () => {
    const db = database.db;
    const plans = await plansForReviews(db, LA);
    const rows = await db.selectFrom('plan_review_schedule').selectAll().where('la_code', '=', LA).execute();
    const reviews = await reviewsOf(db, LA);
    // a plan transferred in from another authority is due by the later of the usual date and 3 months (reg 15(5))
    const transfers = await transfersIn(db, LA);
    expect(plans.length).toBeGreaterThan(50);
    expect(rows.length).toBeGreaterThan(plans.length * 0.8);
    for (const row of rows) {
      const plan = plans.find((p) => p.id === row.plan_id)!;
      const meetings = reviews.filter((r) => r.plan_id === row.plan_id && r.held).map((r) => r.held!);
      const moved = transfers.get(row.plan_id)?.transferred_on ?? null;
      const s = reviewSchedule({
        asOf: TODAY,
        firstIssued: plan.firstIssued,
        meetings,
        transferredIn: moved !== null && moved <= TODAY ? moved : null,
      });
      expect([row.next_due, row.next_number, row.basis], row.plan_id).toEqual([
        s.due.date,
        s.number,
        s.basis,
      ]);
    }
    // a full refresh gives the same rows
    const again = await db.transaction().execute((trx) => refreshReviewSchedules(trx, LA, TODAY));
    expect(again).toBe(rows.length);
  });

  it('the nightly refresh gives every authority its schedule again, and analyses the table after', async () => {
    const db = database.db;
    const kept = await db
      .selectFrom('plan_review_schedule')
      .select('plan_id')
      .where('la_code', '=', LA)
      .execute();
    // The statistics taken with no schedule (autovacuum may be late or off): the refresh makes them stale.
    await db.deleteFrom('plan_review_schedule').where('la_code', '=', LA).execute();
    await analyzeNow(db, 'plan_review_schedule');
    const handlers = new Map<string, Handler>();
    registerReviewJobs({
      database,
      jobs: {
        handle: (queue: string, handler: Handler) => handlers.set(queue, handler),
        schedule: () => undefined,
      },
    } as unknown as JobDeps);
    await handlers.get(REVIEW_SCHEDULE_QUEUE)!({ today: TODAY });
    const rows = await plannerRows(db, 'plan_review_schedule');
    expect(rows.rows).toBe(kept.length);
    expect(rows.planned).toBe(rows.rows);
  });

  it('has a review history in every state, about one in ten next reviews overdue, and early requests', async () => {
    const db = database.db;
    const reviews = await reviewsOf(db, LA);
    const states = new Set(
      reviews.map((r) => (r.decision ? `decided:${r.decision}` : reviewState(factsOf(r)))),
    );
    expect([...states].sort()).toEqual(
      ['arranged', 'decided:amend', 'decided:maintain', 'held', 'report-sent', 'scheduled'].sort(),
    );
    const rows = await db.selectFrom('plan_review_schedule').selectAll().where('la_code', '=', LA).execute();
    const overdue = rows.filter((r) => r.next_due < TODAY).length / rows.length;
    expect(overdue).toBeGreaterThan(0.03);
    expect(overdue).toBeLessThan(0.2);
    expect(new Set(rows.map((r) => r.stage))).toEqual(new Set(['not-arranged', 'scheduled', 'arranged']));
    const late = reviews.filter((r) => r.decision_date && r.held && r.decision_date > addDays(r.held, 28));
    expect(late.length).toBeGreaterThan(0);
    const early = await db.selectFrom('plan_review_early_request').selectAll().execute();
    expect(early.length).toBeGreaterThan(0);
  });

  it('ranks and pages the backlog in SQL exactly as the domain orders it, with filters', async () => {
    const all = await backlogPage(database.db, { laCode: LA, asOf: TODAY, limit: 10_000, offset: 0 });
    expect(all.total).toBe(all.rows.length);
    expect(all.total).toBeGreaterThan(10);
    for (const r of all.rows) expect(r.next_due <= addDays(TODAY, 56)).toBe(true);
    const sorted = [...all.rows].sort((a, b) => compareBacklog(facts(a), facts(b)));
    expect(all.rows.map((r) => r.plan_id)).toEqual(sorted.map((r) => r.plan_id));
    const first = await backlogPage(database.db, { laCode: LA, asOf: TODAY, limit: 5, offset: 0 });
    const second = await backlogPage(database.db, { laCode: LA, asOf: TODAY, limit: 5, offset: 5 });
    expect([...first.rows, ...second.rows].map((r) => r.plan_id)).toEqual(
      all.rows.slice(0, 10).map((r) => r.plan_id),
    );
    const officer = all.rows.find((r) => r.officer_id)!.officer_id!;
    const mine = await backlogPage(database.db, {
      laCode: LA,
      asOf: TODAY,
      officerId: officer,
      limit: 100,
      offset: 0,
    });
    expect(mine.rows.every((r) => r.officer_id === officer)).toBe(true);
    expect(mine.total).toBe(all.rows.filter((r) => r.officer_id === officer).length);
    const setting = all.rows.find((r) => r.setting_id)!.setting_id!;
    const atSchool = await backlogPage(database.db, {
      laCode: LA,
      asOf: TODAY,
      settingId: setting,
      limit: 100,
      offset: 0,
    });
    expect(atSchool.rows.every((r) => r.setting_id === setting)).toBe(true);
    const notArranged = await backlogPage(database.db, {
      laCode: LA,
      asOf: TODAY,
      stage: 'not-arranged',
      limit: 100,
      offset: 0,
    });
    expect(notArranged.rows.every((r) => r.stage === 'not-arranged')).toBe(true);
    expect(notArranged.total).toBe(all.rows.filter((r) => r.stage === 'not-arranged').length);
  });

  it('takes a review from scheduled to decided, each step audited, the next review then due 12 months on', async () => {
    const db = database.db;
    const row = await db
      .selectFrom('plan_review_schedule')
      .selectAll()
      .where('la_code', '=', LA)
      .where('stage', '=', 'not-arranged')
      .orderBy('plan_id')
      .executeTakeFirstOrThrow();
    const cw = as('caseworker');
    const auditsBefore = await db
      .selectFrom('audit_log')
      .select('id')
      .where('record_type', '=', 'plan_review')
      .execute();

    const scheduled = await service.scheduleReview(cw, row.plan_id, {
      formToken: newFormToken(),
      meetingDate: addDays(TODAY, 5),
      arrangedBy: 'school',
    });
    expect(scheduled.review.number).toBe(row.next_number);
    // five days ahead: the 2 weeks' notice can no longer be given, and the page says so
    expect(scheduled.warnings.map((w) => w.step)).toContain('invitations');
    await expect(
      service.scheduleReview(cw, row.plan_id, {
        formToken: newFormToken(),
        meetingDate: addDays(TODAY, 9),
        arrangedBy: 'school',
      }),
    ).rejects.toBeInstanceOf(ReviewFormError);
    const id = scheduled.review.id;
    expect((await service.planReviews(cw, row.plan_id)).reviews.at(-1)?.state).toBe('scheduled');

    const arranged = await service.arrange(cw, id, {
      formToken: newFormToken(),
      invitationsSent: TODAY,
      adviceCirculated: null,
    });
    expect(arranged.warnings.map((w) => w.step)).toEqual(['invitations']);
    await expect(
      service.hold(cw, id, { formToken: newFormToken(), held: addDays(TODAY, 1) }),
    ).rejects.toMatchObject({
      errors: [{ field: 'held', message: 'The date the meeting was held must be today or in the past' }],
    });
    await service.hold(cw, id, { formToken: newFormToken(), held: TODAY });
    const after = await db
      .selectFrom('plan_review_schedule')
      .selectAll()
      .where('la_code', '=', LA)
      .where('plan_id', '=', row.plan_id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({
      next_due: reviewSchedule({ asOf: TODAY, firstIssued: TODAY, meetings: [] }).due.date,
      next_number: row.next_number + 1,
      stage: 'not-arranged',
      basis: 'last-meeting',
    });
    await expect(
      service.decide(cw, id, { formToken: newFormToken(), date: TODAY, outcome: 'maintain' }),
    ).rejects.toBeInstanceOf(ReviewFormError);
    await service.sendReport(cw, id, { formToken: newFormToken(), reportSent: TODAY });
    const cease = await service
      .decide(cw, id, { formToken: newFormToken(), date: TODAY, outcome: 'cease' })
      .catch((e: unknown) => e);
    expect(cease).toBeInstanceOf(ReviewFormError);
    expect((cease as ReviewFormError).errors[0]?.message).toContain('reg 31(1)');
    const decided = await service.decide(cw, id, {
      formToken: newFormToken(),
      date: TODAY,
      outcome: 'maintain',
    });
    expect(reviewState(factsOf(decided.review))).toBe('decided');

    const audits = await db
      .selectFrom('audit_log')
      .select(['action', 'record_id', 'user_id'])
      .where('record_type', '=', 'plan_review')
      .where('record_id', '=', id)
      .orderBy('id')
      .execute();
    expect(audits.map((a) => a.action)).toEqual([
      'review.schedule',
      'review.arrange',
      'review.hold',
      'review.report',
      'review.decide',
    ]);
    expect(audits.every((a) => a.user_id === cw.userId)).toBe(true);
    const auditsAfter = await db
      .selectFrom('audit_log')
      .select('id')
      .where('record_type', '=', 'plan_review')
      .execute();
    expect(auditsAfter.length - auditsBefore.length).toBe(5); // refused moves wrote nothing
  });

  it('S4: a part-time timetable recorded ranks the plan as not in full-time education the same day, until it ends', async () => {
    const db = database.db;
    const row = await db
      .selectFrom('plan_review_schedule')
      .selectAll()
      .where('la_code', '=', LA)
      .where((eb) =>
        eb.or([eb('not_in_full_time_education', '=', false), eb('not_in_full_time_education', 'is', null)]),
      )
      .where('phase_transfer_deadline', 'is', null)
      .orderBy('next_due')
      .limit(1)
      .executeTakeFirstOrThrow();
    registerTemplates(educationFeature.templates);
    const education = educationFeature.createService(
      { db, today: () => TODAY, jobs: { send: () => Promise.resolve() } } as unknown as ServiceDeps,
      { episodesChanged: refreshReviewsOfChildren },
    );
    const flag = async () =>
      (
        await db
          .selectFrom('plan_review_schedule')
          .select('not_in_full_time_education')
          .where('plan_id', '=', row.plan_id)
          .executeTakeFirstOrThrow()
      ).not_in_full_time_education;
    const episodeId = await education.record(
      as('caseworker'),
      row.child_id,
      {
        kind: 'part-time-timetable',
        start: addDays(TODAY, -20),
        end: null,
        days: null,
        hoursAWeek: 15,
        reason: 'Returning after a long illness',
        reviewDate: addDays(TODAY, 42),
      },
      randomUUID(),
    );
    expect(await flag()).toBe(true);
    const page = await service.backlog(as('caseworker'), {});
    const ranked = page.rows.find((r) => r.plan_id === row.plan_id);
    if (ranked) expect(ranked.reasons).toContain('Not in full-time education.');
    // Ended yesterday: not open today, so the plan goes back to what its placement says.
    await education.close(as('caseworker'), row.child_id, String(episodeId), addDays(TODAY, -1));
    expect(await flag()).toBe(row.not_in_full_time_education);
  });

  it('records an early review request with its reason, and refuses one without', async () => {
    const plan = (await plansForReviews(database.db, LA))[3]!;
    await expect(
      service.requestEarlyReview(as('caseworker'), plan.id, {
        formToken: newFormToken(),
        reason: 'change-of-need',
        details: '',
      }),
    ).rejects.toMatchObject({ errors: [{ field: 'details' }] });
    const r = await service.requestEarlyReview(as('manager'), plan.id, {
      formToken: newFormToken(),
      reason: 'not-in-education',
      details: 'On a part-time timetable since half term',
    });
    expect(r).toMatchObject({ reason: 'not-in-education', requested_on: TODAY });
    expect((await service.planReviews(as('leader'), plan.id)).earlyRequests[0]?.id).toBe(r?.id);
  });

  it('lets only casework staff read, and only caseworkers and managers change; another plan is not found', async () => {
    const plan = (await plansForReviews(database.db, LA))[0]!;
    for (const who of ['parent', 'ep', 'admin']) {
      await expect(service.backlog(as(who), {}), who).rejects.toMatchObject({ name: 'ForbiddenError' });
      await expect(service.planReviews(as(who), plan.id), who).rejects.toMatchObject({
        name: 'ForbiddenError',
      });
    }
    await expect(
      service.scheduleReview(as('leader'), plan.id, {
        formToken: newFormToken(),
        meetingDate: TODAY,
        arrangedBy: 'authority',
      }),
    ).rejects.toMatchObject({ name: 'ForbiddenError' });
    expect((await service.backlog(as('leader'), {})).rows.length).toBeGreaterThan(0);
    await expect(
      service.planReviews(as('caseworker'), '00000000-0000-4000-8000-000000000000'),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});
