/**
 * Plans transferred in from another council (S11 inbound), on both engines, on the demo authority (built as of
 * DEMO_IMAGE_TODAY): the demo has them at different stages (demo-transfers.ts), each plan's next review is due by
 * the later of its normal date and the 3 months beginning with the transfer in the schedule, on the plan's reviews
 * page and on the arrange page alike; and the arrange page says a plan has stopped only when the ceasing feature has
 * ended it (a review decided `cease` alone does not).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { DEMO_IMAGE_TODAY } from '../../../test/helpers/images.ts';
import { DEMO_LA_CODE, DEMO_PASSWORD } from '../../demo/accounts.ts';
import { addDays } from '../../demo/dates.ts';
import { transferInDates } from '../../domain/clock/index.ts';
import { childrenForReviews } from '../../platform/people/children.ts';
import { plansForReviews } from '../plans/index.ts';
import { DEMO_TRANSFERS_IN } from './demo-transfers.ts';
import { reviewsOf } from './store.ts';

const LA = DEMO_LA_CODE;
const TODAY = DEMO_IMAGE_TODAY;

describe.each(ENGINES)('plans transferred in, on %s', (engine) => {
  let t: TestApp;
  let caseworker: TestClient;

  beforeAll(async () => {
    t = await createTestApp(engine, {}, { image: 'demo' });
    caseworker = new TestClient(t.app);
    await caseworker.signIn('caseworker@demo.example', DEMO_PASSWORD);
  });
  afterAll(() => t?.close());

  const transfers = () =>
    t.database.db
      .selectFrom('plan_review_transfer_in')
      .selectAll()
      .where('la_code', '=', LA)
      .orderBy('transferred_on', 'desc')
      .execute();

  it('has a plan transferred in at each stage: told or not, on time or late, reviewed after the transfer or not', async () => {
    const rows = await transfers();
    expect(rows.map((r) => r.transferred_on)).toEqual(
      DEMO_TRANSFERS_IN.map((s) => addDays(TODAY, s.transferred)),
    );
    const plans = await plansForReviews(t.database.db, LA);
    const states = rows.map((r) => {
      const plan = plans.find((p) => p.id === r.plan_id)!;
      const due = transferInDates({ transferred: r.transferred_on, firstIssued: plan.firstIssued }).notice
        .date;
      if (r.notice_sent) return r.notice_sent > due ? 'told late' : 'told on time';
      return TODAY > due ? 'not told, overdue' : 'not told yet';
    });
    expect(states).toEqual(['not told yet', 'not told, overdue', 'told on time', 'told late']);
    const reviews = await reviewsOf(
      t.database.db,
      LA,
      rows.map((r) => r.plan_id),
    );
    const after = reviews.filter((r) => r.kind === 'transfer-in');
    expect(after.map((r) => [r.held === null ? 'scheduled' : 'held', r.decision])).toEqual(
      expect.arrayContaining([
        ['scheduled', null],
        ['held', 'maintain'],
      ]),
    );
    // every transfer-in review comes after its plan's transfer
    for (const r of after) {
      const tr = rows.find((x) => x.plan_id === r.plan_id)!;
      expect(r.meeting_date! > tr.transferred_on).toBe(true);
    }
  });

  it('dates the next review by the later of the normal date and 3 months from the transfer, everywhere', async () => {
    const rows = await transfers();
    const plans = await plansForReviews(t.database.db, LA);
    // the two not yet reviewed after the transfer: the 3 months decide
    for (const r of rows.slice(0, 2)) {
      const plan = plans.find((p) => p.id === r.plan_id)!;
      const meetings = (await reviewsOf(t.database.db, LA, [plan.id]))
        .map((x) => x.held)
        .filter((d): d is string => d !== null)
        .sort();
      const expected = transferInDates({
        transferred: r.transferred_on,
        firstIssued: plan.firstIssued,
        lastReviewMeeting: meetings.at(-1) ?? null,
      }).review.date;
      const schedule = await t.database.db
        .selectFrom('plan_review_schedule')
        .select(['next_due', 'counted_from'])
        .where('la_code', '=', LA)
        .where('plan_id', '=', plan.id)
        .executeTakeFirstOrThrow();
      expect(schedule.next_due).toBe(expected);
      const page = await caseworker.get(`/reviews/plans/${plan.id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(r.from_authority);
      // the arrange page's schedule honours the transfer too (it ignored it before)
      const arrange = await caseworker.get(`/reviews/plans/${plan.id}/arrange`);
      expect(arrange.statusCode).toBe(200);
      const long = new Date(`${expected}T00:00:00Z`).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
      expect(arrange.body).toContain(`must be held by <strong>${long}</strong>`);
      expect(arrange.body).toContain('reg 15(5)');
    }
  });

  it('says a plan has stopped only when the ceasing feature ended it, not when a review was decided cease', async () => {
    const db = t.database.db;
    const children = await childrenForReviews(db, LA);
    const plans = await plansForReviews(db, LA);
    const reviews = await reviewsOf(db, LA);
    // a plan in force whose review decided `cease` (the decision then withdrawn or overturned on appeal)
    // (and no review of it open yet: the arrange page would send the caseworker to that meeting instead)
    const decided = reviews.find(
      (r) =>
        r.decision !== null &&
        children.get(r.child_id)?.planStatus === 'plan' &&
        !reviews.some((o) => o.plan_id === r.plan_id && o.held === null),
    )!;
    await db
      .updateTable('plan_review')
      .set({ decision: 'cease' })
      .where('la_code', '=', LA)
      .where('id', '=', decided.id)
      .execute();
    const inForce = await caseworker.get(`/reviews/plans/${decided.plan_id}/arrange`);
    expect(inForce.statusCode).toBe(200);
    expect(inForce.body).not.toContain('This plan has stopped');
    expect(inForce.body).toContain('Set the meeting date');
    // a plan the ceasing feature ended (the demo's ceased plan or a plan sent away)
    const ended = plans.find((p) => children.get(p.childId)?.planStatus === 'ceased')!;
    const stopped = await caseworker.get(`/reviews/plans/${ended.id}/arrange`);
    expect(stopped.statusCode).toBe(200);
    expect(stopped.body).toContain('This plan has stopped');
    expect(stopped.body).not.toContain('Set the meeting date');
  });
});
