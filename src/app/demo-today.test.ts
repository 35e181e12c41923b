/**
 * The demo is built as of the day it is started (issue 17): whatever the date, a newcomer sees a reasonably run
 * authority. Seeded as of several days (the test images' day, one in the summer holiday, one between Christmas and
 * New Year, a leap day), most open statutory steps are on time, some are late, there is a real backlog, and every
 * state of a request is there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { DEMO_IMAGE_TODAY } from '../../test/helpers/images.ts';
import { sql } from 'kysely';
import { EHC_PLANS_BEGAN } from '../demo/build.ts';
import { addDays } from '../demo/dates.ts';
import { ASSESSMENT_STAGES } from '../platform/db/schema/index.ts';
import { seedDemo } from './demo.ts';

const DAYS = [DEMO_IMAGE_TODAY, '2027-08-16', '2027-12-30', '2028-02-29'];

interface Figures {
  openSteps: number;
  overdue: number;
  openCases: number;
  overdueCases: number;
  plans: number;
  overdueReviews: number;
  reviewsDueSoon: number;
  waitingForDecision: number;
  unallocated: number;
  stages: Set<string>;
  childStatuses: Set<string>;
  /** The reviews feature's schedule and review records (issue 12 item 8). */
  schedules: number;
  overdueSchedules: number;
  reviewStates: Set<string>;
}

/** The open statutory steps: each open request's next step (moved by a confirmed exception) and each plan's review. */
async function figures(database: TestDatabase, today: string): Promise<Figures> {
  const db = database.db;
  const cases = await db
    .selectFrom('assessment_case')
    .select(['stage', 'is_open', 'officer_id', 'next_due', 'next_adjusted_due'])
    .execute();
  const open = cases.filter((c) => c.is_open && c.next_due);
  const overdueCases = open.filter((c) => (c.next_adjusted_due ?? c.next_due)! < today).length;
  const plans = await db.selectFrom('ehc_plan').select('review_due').execute();
  const reviews = plans.filter((p) => p.review_due);
  const overdueReviews = reviews.filter((p) => p.review_due! < today).length;
  const children = await db.selectFrom('child').select('plan_status').distinct().execute();
  const schedules = await db.selectFrom('plan_review_schedule').select('next_due').execute();
  const reviewRows = await db
    .selectFrom('plan_review')
    .select(['invitations_sent', 'held', 'report_sent', 'decision'])
    .execute();
  const reviewStates = new Set(
    reviewRows.map((r) =>
      r.decision
        ? `decided:${r.decision}`
        : r.report_sent
          ? 'report-sent'
          : r.held
            ? 'held'
            : r.invitations_sent
              ? 'arranged'
              : 'scheduled',
    ),
  );
  return {
    openSteps: open.length + reviews.length,
    overdue: overdueCases + overdueReviews,
    openCases: open.length,
    overdueCases,
    plans: reviews.length,
    overdueReviews,
    reviewsDueSoon: reviews.filter((p) => p.review_due! >= today && p.review_due! <= addDays(today, 56))
      .length,
    waitingForDecision: cases.filter((c) => c.stage === 'request').length,
    unallocated: cases.filter((c) => c.is_open && !c.officer_id).length,
    stages: new Set(cases.map((c) => c.stage)),
    childStatuses: new Set(children.map((c) => c.plan_status)),
    schedules: schedules.length,
    overdueSchedules: schedules.filter((r) => r.next_due < today).length,
    reviewStates,
  };
}

describe.each(DAYS)('the demo started on %s (pglite)', (today) => {
  let database: TestDatabase;
  let f: Figures;
  /** While the demo was seeded: the features' own demo entries in the audit log are dated by the clock then. */
  const seeding = { from: new Date(), to: new Date() };
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    seeding.from = new Date();
    await seedDemo(database.db, { children: 400, today });
    seeding.to = new Date();
    f = await figures(database, today);
  }, 120_000);
  afterAll(() => database?.close());

  it('shows open work mostly on time: a believable share overdue, some of it late', () => {
    const share = f.overdue / f.openSteps;
    expect(f.openSteps).toBeGreaterThan(250);
    expect(share, `${f.overdue} of ${f.openSteps} open steps overdue`).toBeGreaterThan(0.05);
    expect(share, `${f.overdue} of ${f.openSteps} open steps overdue`).toBeLessThan(0.25);
    // Requests and reviews each mostly on time, and each with some late.
    expect(f.overdueCases).toBeGreaterThan(0);
    expect(f.overdueCases / f.openCases).toBeLessThan(0.3);
    expect(f.overdueReviews).toBeGreaterThan(0);
    expect(f.overdueReviews / f.plans).toBeLessThan(0.25);
  });

  it('has a real backlog: requests waiting for a decision or a caseworker, reviews coming up', () => {
    expect(f.waitingForDecision).toBeGreaterThan(3);
    expect(f.unallocated).toBeGreaterThan(0);
    expect(f.reviewsDueSoon).toBeGreaterThan(5);
  });

  it('gives every plan its review history: about one in ten next reviews overdue, reviews in every state', () => {
    expect(f.schedules).toBeGreaterThan(50);
    const share = f.overdueSchedules / f.schedules;
    expect(share, `${f.overdueSchedules} of ${f.schedules} reviews overdue`).toBeGreaterThan(0.03);
    expect(share, `${f.overdueSchedules} of ${f.schedules} reviews overdue`).toBeLessThan(0.2);
    expect([...f.reviewStates].sort()).toEqual(
      ['arranged', 'decided:amend', 'decided:maintain', 'held', 'report-sent', 'scheduled'].sort(),
    );
  });

  it('dates nothing that happened before EHC plans began (1 September 2014) or after its day', async () => {
    // What happened: the histories, requests, plans and their versions and advice, reviews held, plans ended.
    const happened = [
      ['case_event', sql`(at at time zone 'Europe/London')::date`],
      ['child', sql`(created_at at time zone 'Europe/London')::date`],
      ['child', sql`plan_first_issued`],
      ['ehc_plan', sql`final_issued`],
      ['ehc_plan', sql`draft_served`],
      ['ehc_plan_version', sql`issued_on`],
      ['ehc_plan_advice', sql`received`],
      ['plan_review', sql`held`],
      ['plan_cessation', sql`decision_date`],
      ['plan_cessation', sql`ceased_on`],
      ['plan_transfer_out', sql`sent_on`],
      // The demo's 26 weeks of the service in use (the features' own entries are dated while seeding, by the clock).
      [
        'audit_log',
        sql`(case when at < ${seeding.from} or at > ${seeding.to} then (at at time zone 'Europe/London')::date end)`,
      ],
    ] as const;
    for (const [table, day] of happened) {
      const { rows } = await sql<{ first: string | null; last: string | null }>`
        select min(${day})::text as first, max(${day})::text as last from ${sql.table(table)}`.execute(
        database.db,
      );
      const label = `${table}: ${rows[0]!.first} to ${rows[0]!.last}`;
      expect(rows[0]!.first, label).not.toBeNull();
      expect(rows[0]!.first! >= EHC_PLANS_BEGAN, label).toBe(true);
      expect(rows[0]!.last! <= today, label).toBe(true);
    }
  });

  it('has every state of a request, and children with plans, being assessed, whose plans ceased and with none', () => {
    expect([...f.stages].sort()).toEqual([...ASSESSMENT_STAGES].sort());
    expect([...f.childStatuses].sort()).toEqual(['assessment', 'ceased', 'none', 'plan']);
  });
});
