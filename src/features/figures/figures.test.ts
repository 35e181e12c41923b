/**
 * The leaders' figures against the database, on both engines: casework built child by child (requests, advice,
 * plans, exceptions, reviews, audits, education episodes) gives each figure's number, and the children behind every
 * number (the headline, each breakdown cell, each group, within and not) are exactly the list the number counts;
 * figures as of another day; the pages' access for every role (403 for all but the leader and team managers), a
 * broken query answered with the GOV.UK error summary and the input kept, and the children's list audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import {
  actorFor,
  createAuthority,
  createChild,
  createTeam,
  createUser,
  TEST_PASSWORD,
} from '../../../test/helpers/factories.ts';
import { caseTimeline, type CaseFacts } from '../../domain/assessment/journey.ts';
import { addDays, formatDate, parseDate } from '../../domain/clock/dates.ts';
import { computeTimeline } from '../../domain/clock/index.ts';
import { DIMENSIONS, MEASURE_IDS, MEASURES, type MeasureId } from '../../domain/figures/index.ts';
import { cohortEntry } from '../../domain/transfer/index.ts';
import type { Actor } from '../../platform/access/access.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { ROLES } from '../../platform/db/schema/index.ts';
import { dateInputValues } from '../../platform/web/forms.ts';
import { withQuery } from '../../platform/web/paths.ts';

const AS_OF = '2026-10-31';

/**
 * A figures page without when (and whether) it was counted and kept, its breakdowns and groups in key order (the view
 * sorts them).
 */
function comparable<
  F extends { breakdown: ReadonlyArray<{ key: string }>; groups: ReadonlyArray<{ key: string }> },
>(page: { countedAt: unknown; figures: readonly F[] }) {
  const byKey = <T extends { key: string }>(rows: readonly T[]) =>
    [...rows].sort((a, b) => a.key.localeCompare(b.key));
  return {
    ...page,
    countedAt: undefined,
    figures: page.figures.map((f) => ({ ...f, breakdown: byKey(f.breakdown), groups: byKey(f.groups) })),
  };
}
const plus = (d: string, n: number) => formatDate(addDays(parseDate(d), n));
const R = '2026-01-05';
const base: CaseFacts = {
  requestReceived: R,
  decision: null,
  advice: [],
  outcome: null,
  draftServed: null,
  finalIssued: null,
  exceptions: [],
};
/** The clock's own due date for a step (never a restated limit). */
const due = (f: Partial<CaseFacts>, step: string) =>
  caseTimeline({ ...base, ...f }, '2027-12-31').steps.find((s) => s.id === step)!.due;
const DECISION_DUE = due({}, 'decision-to-assess');
const ADVICE_REQUESTED = plus(R, 20);
const ADVICE_DUE = due(
  { advice: [{ id: 'x', agency: 'health', requested: ADVICE_REQUESTED, received: null }] },
  'advice:x',
);
/** The legal deadline of the 2025/26 cohort's move from primary school (the clock's, a working day). */
const TRANSFER_DEADLINE = (() => {
  const entry = cohortEntry({
    dateOfBirth: '2015-03-03',
    on: '2026-01-05',
    setting: { kind: 'school', firstYear: 0, lastYear: 6 },
  });
  if (!entry.inCohort) throw new Error('Not in the cohort');
  return entry.dates.deadline.date;
})();
const FINAL_DUE = due(
  {
    decision: { date: DECISION_DUE, outcome: 'assess' },
    outcome: { date: plus(R, 100), outcome: 'issue-plan' },
    draftServed: plus(R, 100),
  },
  'final-plan',
);

describe.each(ENGINES)('the leaders’ figures on %s', (engine) => {
  let t: TestApp;
  const la = '931';
  let leader: Actor;
  const kids: Record<string, string> = {};
  const teams: Record<string, string> = {};
  const clients = new Map<Role, TestClient>();

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    await createAuthority(db, la);
    await createAuthority(db, '932');
    teams.north = (await createTeam(db, la, { name: 'North team' })).teamId;
    teams.south = (await createTeam(db, la, { name: 'South team' })).teamId;
    const north = await createUser(db, la, 'caseworker', { teamId: teams.north });
    const south = await createUser(db, la, 'caseworker', { teamId: teams.south });
    const leaderUser = await createUser(db, la, 'send-leader');
    leader = actorFor(leaderUser);
    for (const role of ROLES) {
      const user = await createUser(db, la, role, role === 'team-manager' ? { teamId: teams.north } : {});
      const client = new TestClient(t.app);
      await client.signIn(user.email, TEST_PASSWORD);
      clients.set(role, client);
    }
    const child = async (name: string, officer: string | null, over: Record<string, unknown>) => {
      const c = await createChild(db, la, { givenName: name, familyName: 'Figures', leadOfficerId: officer });
      await db.updateTable('child').set(over).where('la_code', '=', la).where('id', '=', c.id).execute();
      kids[name] = c.id;
      return c.id;
    };
    await child('Ava', north.id, { ethnicity: 'WBRI', primary_need: 'ASD', date_of_birth: '2016-04-12' });
    await child('Ben', south.id, { ethnicity: 'APKN', primary_need: 'SEMH', date_of_birth: '2010-01-01' });
    await child('Cal', null, { ethnicity: null, primary_need: null, plan_status: 'assessment' });
    await child('Dee', north.id, { ethnicity: 'BAFR', primary_need: 'SLCN', date_of_birth: '2014-09-09' });
    await child('Eve', south.id, { ethnicity: 'WBRI', primary_need: 'MLD' });
    await child('Fay', north.id, { ethnicity: 'MWBC', primary_need: 'ASD' });
    const school = await db
      .insertInto('setting')
      .values({
        la_code: la,
        name: 'Alder Primary',
        urn: '931001',
        kind: 'school',
        type: 'Community school',
        phase: 'Primary',
        first_year_group: 0,
        last_year_group: 6,
        in_area: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('child_setting')
      .values({
        la_code: la,
        child_id: kids.Ava!,
        setting_id: school.id,
        start_date: '2020-09-01',
        end_date: null,
        attendance: 'full-time',
      })
      .execute();

    // Phase transfers: Gus and Hal were in year 6 at Alder Primary in 2025/26 (deadline 15 February 2026). Gus's
    // amended plan was issued in January and he moved on to Birch Academy in September (his cohort is read with
    // his setting as it was then); Hal's was issued in March, after the deadline. Ava is in year 6 now: her
    // deadline (15 February 2027) has not come, so she is not counted yet.
    const secondary = await db
      .insertInto('setting')
      .values({
        la_code: la,
        name: 'Birch Academy',
        urn: '931002',
        kind: 'school',
        type: 'Academy',
        phase: 'Secondary',
        first_year_group: 7,
        last_year_group: 11,
        in_area: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await child('Gus', north.id, { ethnicity: 'WBRI', primary_need: 'SLCN', date_of_birth: '2015-03-03' });
    await child('Hal', south.id, { ethnicity: 'BCRB', primary_need: 'ASD', date_of_birth: '2014-11-20' });
    await db
      .insertInto('child_setting')
      .values([
        {
          la_code: la,
          child_id: kids.Gus!,
          setting_id: school.id,
          start_date: '2019-09-01',
          end_date: '2026-07-22',
          attendance: 'full-time',
        },
        {
          la_code: la,
          child_id: kids.Gus!,
          setting_id: secondary.id,
          start_date: '2026-09-01',
          end_date: null,
          attendance: 'full-time',
        },
        {
          la_code: la,
          child_id: kids.Hal!,
          setting_id: school.id,
          start_date: '2019-09-01',
          end_date: null,
          attendance: 'full-time',
        },
      ])
      .execute();
    const namedOn = async (childId: string, proposalSent: string, issued: string) => {
      const p = await db
        .insertInto('ehc_plan')
        .values({ la_code: la, child_id: childId, status: 'final', final_issued: '2022-05-01' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const versions = await db
        .insertInto('ehc_plan_version')
        .values(
          (
            [
              [1, 'final', '2022-05-01'],
              [2, 'draft', proposalSent],
              [3, 'amended', issued],
            ] as const
          ).map(([number, kind, on]) => ({
            la_code: la,
            plan_id: p.id,
            number,
            kind,
            issued_on: on,
            // section I: the primary school in force; the proposal and the amended plan name the secondary
            snapshot: JSON.stringify({
              plan: { placement: { settingId: kind === 'final' ? school.id : secondary.id } },
            }),
          })),
        )
        .returning('id')
        .execute();
      await db
        .insertInto('plan_amendment')
        .values({
          la_code: la,
          plan_id: p.id,
          child_id: childId,
          trigger: 'change-of-placement',
          details: 'The next phase’s school',
          started_on: proposalSent,
          in_force_version_id: versions[0]!.id,
          proposal_version_id: versions[1]!.id,
          proposal_sent: proposalSent,
          amended_version_id: versions[2]!.id,
          amended_issued: issued,
        })
        .execute();
    };
    await namedOn(kids.Gus!, '2025-12-01', '2026-01-20');
    await namedOn(kids.Hal!, '2026-02-02', '2026-03-02');

    // Requests: Ava's decided, advised and issued on the clock's day; Ben's a day late, his final plan late with a
    // confirmed exception; Cal's decided after the day; an old one of Dee's, outside the 24 months.
    let n = 0;
    const kase = async (childId: string, team: string, over: Record<string, unknown>) => {
      const row = await db
        .insertInto('assessment_case')
        .values({
          la_code: la,
          child_id: childId,
          request_received: R,
          request_method: 'email',
          requested_by: 'parent',
          request_answers: '{}',
          idempotency_key: `figures-${++n}`,
          team_id: team,
          ...over,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    };
    const advice = (caseId: string, childId: string, agency: string, received: string) =>
      db
        .insertInto('assessment_advice')
        .values({
          la_code: la,
          case_id: caseId,
          child_id: childId,
          agency: agency as never,
          requested: ADVICE_REQUESTED,
          due: ADVICE_DUE,
          received,
          status: 'received',
        })
        .execute();
    const issued = {
      decision_outcome: 'assess',
      outcome: 'issue-plan',
      outcome_date: plus(R, 100),
      draft_served: plus(R, 100),
    } as const;
    const ava = await kase(kids.Ava!, teams.north, {
      ...issued,
      decision_date: DECISION_DUE,
      final_issued: FINAL_DUE,
      stage: 'final',
    });
    await advice(ava, kids.Ava!, 'health', ADVICE_DUE);
    const ben = await kase(kids.Ben!, teams.south, {
      ...issued,
      decision_date: plus(DECISION_DUE, 1),
      final_issued: plus(FINAL_DUE, 10),
      stage: 'final',
    });
    await advice(ben, kids.Ben!, 'educational-psychology', plus(ADVICE_DUE, 1));
    await db
      .insertInto('assessment_exception')
      .values({
        la_code: la,
        case_id: ben,
        kind: 'absence-from-area',
        from_date: plus(R, 50),
        to_date: plus(R, 80),
        applies_to: '[]',
        reason: 'Family abroad',
        confirmed_at: new Date('2026-07-01T09:00:00Z'),
        confirmed_by: leaderUser.id,
        confirmation_reason: 'The family were abroad for the appointments',
      } as never)
      .execute();
    await kase(kids.Cal!, teams.north, {
      request_received: '2026-09-01',
      decision_date: '2026-11-15',
      decision_outcome: 'assess',
    });
    await kase(kids.Dee!, teams.north, {
      request_received: '2023-01-05',
      decision_date: '2023-02-01',
      decision_outcome: 'not-assess',
      stage: 'not-assessed',
      is_open: false,
    });

    // Plans, reviews and audits.
    const plan = async (childId: string, finalIssued: string) => {
      const p = await db
        .insertInto('ehc_plan')
        .values({ la_code: la, child_id: childId, status: 'final', final_issued: finalIssued })
        .returning('id')
        .executeTakeFirstOrThrow();
      const v = await db
        .insertInto('ehc_plan_version')
        .values({
          la_code: la,
          plan_id: p.id,
          number: 1,
          kind: 'final',
          issued_on: finalIssued,
          snapshot: '{}',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { plan: p.id, version: v.id };
    };
    const avaPlan = await plan(kids.Ava!, FINAL_DUE);
    const deePlan = await plan(kids.Dee!, '2024-03-01');
    const evePlan = await plan(kids.Eve!, '2023-01-10');
    await plan(kids.Fay!, '2022-01-10');
    await db
      .insertInto('plan_review_schedule')
      .values({
        la_code: la,
        plan_id: deePlan.plan,
        child_id: kids.Dee!,
        first_issued: '2024-03-01',
        next_number: 3,
        next_due: '2027-02-24',
        basis: 'last-meeting',
        counted_from: '2026-02-25',
        stage: 'not-arranged',
        refreshed_on: AS_OF,
      })
      .execute();
    const firstReviewDue = computeTimeline({ asOf: AS_OF, plan: { firstIssued: '2024-03-01' } }).steps.find(
      (s) => s.id === 'review:1',
    )!.due;
    const secondReviewDue = computeTimeline({
      asOf: AS_OF,
      plan: { firstIssued: '2024-03-01', reviews: [{ meeting: plus(firstReviewDue, -10) }] },
    }).steps.find((s) => s.id === 'review:2')!.due;
    const secondHeld = plus(secondReviewDue, 1);
    const decisionDue = computeTimeline({
      asOf: AS_OF,
      plan: {
        firstIssued: '2024-03-01',
        reviews: [{ meeting: plus(firstReviewDue, -10) }, { meeting: secondHeld }],
      },
    }).steps.find((s) => s.id === 'review-decision:2')!.due;
    await db
      .insertInto('plan_review')
      .values([
        {
          la_code: la,
          plan_id: deePlan.plan,
          child_id: kids.Dee!,
          number: 1,
          kind: 'annual',
          arranged_by: 'school',
          held: plus(firstReviewDue, -10),
        },
        {
          la_code: la,
          plan_id: deePlan.plan,
          child_id: kids.Dee!,
          number: 2,
          kind: 'annual',
          arranged_by: 'school',
          held: secondHeld,
          decision: 'maintain',
          decision_date: decisionDue,
        },
      ])
      .execute();
    // Dee's plan amended after each review: late after the first (issued in the 12 months), in time after the second.
    const deeReviews = await db
      .selectFrom('plan_review')
      .select(['id', 'number', 'held'])
      .where('plan_id', '=', deePlan.plan)
      .orderBy('number')
      .execute();
    let versionNumber = 1;
    const version = (kind: 'draft' | 'amended', on: string) =>
      db
        .insertInto('ehc_plan_version')
        .values({
          la_code: la,
          plan_id: deePlan.plan,
          number: ++versionNumber,
          kind,
          issued_on: on,
          snapshot: '{}',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    for (const [review, issued] of [
      [deeReviews[0]!, '2025-12-01'],
      [deeReviews[1]!, plus(deeReviews[1]!.held!, 40)],
    ] as const) {
      const proposalSent = plus(review.held!, 20);
      const proposal = await version('draft', proposalSent);
      const amended = await version('amended', issued);
      await db
        .insertInto('plan_amendment')
        .values({
          la_code: la,
          plan_id: deePlan.plan,
          child_id: kids.Dee!,
          trigger: 'review',
          review_id: review.id,
          meeting_date: review.held,
          started_on: proposalSent,
          in_force_version_id: deePlan.version,
          proposal_version_id: proposal.id,
          proposal_sent: proposalSent,
          amended_version_id: amended.id,
          amended_issued: issued,
        })
        .execute();
    }
    const audit = (p: { plan: string; version: string }, on: string, overall: number, moderates?: string) =>
      db
        .insertInto('plan_audit')
        .values({
          la_code: la,
          plan_id: p.plan,
          version_id: p.version,
          kind: moderates ? 'moderation' : 'first',
          moderates_id: moderates ?? null,
          auditor_id: leaderUser.id,
          grades: '{}',
          overall,
          overall_evidence: 'Evidence',
          audited_on: on,
          idempotency_key: `audit-${++n}`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    await audit(avaPlan, '2026-07-01', 1);
    const eveAudit = await audit(evePlan, '2026-06-01', 2);
    await audit(evePlan, '2026-06-10', 3, eveAudit.id);

    // Education: Dee on a part-time timetable now; Fay missing education until August; Cal (no plan) at home.
    const episode = (childId: string, kind: string, start: string, end: string | null) =>
      db
        .insertInto('education_episode')
        .values({
          la_code: la,
          child_id: childId,
          kind: kind as never,
          start_date: start,
          end_date: end,
          hours_a_week: kind === 'part-time-timetable' ? 15 : null,
          reason: 'A reason',
          review_date: kind === 'part-time-timetable' ? '2027-01-01' : null,
          recorded_on: start,
          recorded_by: leaderUser.id,
          updated_at: new Date(),
        })
        .execute();
    await episode(kids.Dee!, 'part-time-timetable', '2026-09-01', null);
    await episode(kids.Fay!, 'missing-education', '2026-06-01', '2026-08-01');
    await episode(kids.Cal!, 'home-education', '2026-03-01', null);

    // Tribunal appeals: Ben's registered in March and allowed in September, Eve's registered in October and not
    // decided; Ava's registered before the 12 months (withdrawn) and Fay's after the day (neither counted).
    const appeal = (childId: string, registered: string, ended: { outcome: string; on: string } | null) =>
      db
        .insertInto('disagreement')
        .values({
          la_code: la,
          child_id: childId,
          decision_kind: 'final-plan',
          decision_sent: plus(registered, -60),
          appeal_registered_on: registered,
          ground: 'contents',
          sections: 'B,F,I',
          outcome: (ended?.outcome ?? null) as never,
          decided_on: ended?.on ?? null,
          order_kind: ended?.outcome === 'allowed' ? 'amend' : null,
        })
        .execute();
    await appeal(kids.Ben!, '2026-03-10', { outcome: 'allowed', on: '2026-09-01' });
    await appeal(kids.Eve!, '2026-10-01', null);
    await appeal(kids.Ava!, '2025-06-01', { outcome: 'withdrawn', on: '2025-07-01' });
    await appeal(kids.Fay!, '2026-11-10', null);
  });
  afterAll(() => t?.close());

  const service = () => t.services.figures;
  const names = (rows: ReadonlyArray<{ childId: string }>) =>
    rows.map((r) => Object.entries(kids).find(([, id]) => id === r.childId)?.[0] ?? r.childId).sort();
  const listed = async (
    id: MeasureId,
    input: Partial<Parameters<ReturnType<typeof service>['countChildren']>[2]> = {},
  ) => service().countChildren(leader, id, { asOf: AS_OF, show: 'all', page: 1, ...input });

  /**
   * Runs `fn` with the job's counts of these days kept, then deletes them (the other tests count live): the pages
   * read only a kept count (ADR 0061).
   */
  const withCounts = async (days: readonly string[], fn: () => Promise<void>) => {
    for (const day of days) await service().recount(la, day);
    try {
      await fn();
    } finally {
      await t.database.db
        .deleteFrom('figure_count')
        .where('la_code', '=', la)
        .where('as_of', 'in', [...days])
        .execute();
    }
  };

  it('counts each figure from the casework, to the clock’s day', async () => {
    const page = await service().countFigures(leader, { asOf: AS_OF });
    const year = (id: MeasureId) => page.figures.find((f) => f.id === id)!.year;
    expect(year('requests-6-weeks')).toEqual({ counted: 2, met: 1, percent: 50 });
    expect(year('plans-20-weeks')).toEqual({ counted: 2, met: 1, percent: 50 });
    expect(year('plans-20-weeks-excluding')).toEqual({ counted: 1, met: 1, percent: 100 });
    expect(year('advice-6-weeks')).toEqual({ counted: 2, met: 1, percent: 50 });
    expect(year('reviews-12-months')).toEqual({ counted: 1, met: 0, percent: 0 });
    expect(year('review-decisions-4-weeks')).toEqual({ counted: 1, met: 1, percent: 100 });
    expect(year('plan-quality')).toEqual({ counted: 2, met: 1, percent: 50 });
    expect(year('amendments-12-weeks')).toEqual({ counted: 2, met: 1, percent: 50 });
    expect(year('not-in-full-time-education').counted).toBe(1);
    expect(year('tribunal-appeals')).toEqual({ counted: 2, met: 2, percent: 100 });
    expect(year('phase-transfers')).toEqual({ counted: 2, met: 1, percent: 50 });
    expect(page.withPlan).toBe(7); // Ava, Ben, Dee, Eve, Fay, Gus and Hal (Cal is being assessed)
    expect(page.figures.map((f) => f.id)).toEqual(
      MEASURE_IDS.filter((m) => MEASURES[m].kind !== 'not-recorded'),
    );
  });

  it('lists exactly the children behind each number', async () => {
    expect(names((await listed('requests-6-weeks')).rows)).toEqual(['Ava', 'Ben']);
    expect(names((await listed('requests-6-weeks', { show: 'met' })).rows)).toEqual(['Ava']);
    expect(names((await listed('requests-6-weeks', { show: 'not-met' })).rows)).toEqual(['Ben']);
    expect(names((await listed('plans-20-weeks')).rows)).toEqual(['Ava', 'Ben']);
    expect(names((await listed('plans-20-weeks', { show: 'met' })).rows)).toEqual(['Ava']);
    expect(names((await listed('plans-20-weeks-excluding')).rows)).toEqual(['Ava']);
    expect((await listed('plans-20-weeks', { show: 'not-met' })).rows[0]).toMatchObject({ exception: true });
    expect(names((await listed('advice-6-weeks', { group: 'educational-psychology' })).rows)).toEqual([
      'Ben',
    ]);
    expect(names((await listed('reviews-12-months')).rows)).toEqual(['Dee']);
    expect(names((await listed('review-decisions-4-weeks', { show: 'met' })).rows)).toEqual(['Dee']);
    expect(names((await listed('plan-quality')).rows)).toEqual(['Ava', 'Eve']);
    expect(names((await listed('advice-6-weeks', { show: 'met' })).rows)).toEqual(['Ava']);
    expect(names((await listed('plan-quality', { show: 'not-met' })).rows)).toEqual(['Eve']);
    expect((await listed('plan-quality', { show: 'not-met' })).rows[0]).toMatchObject({ group: 'moderated' });
    expect(names((await listed('not-in-full-time-education')).rows)).toEqual(['Dee']);
    expect(names((await listed('amendments-12-weeks')).rows)).toEqual(['Dee', 'Dee']);
    expect((await listed('amendments-12-weeks', { show: 'not-met' })).rows[0]).toMatchObject({
      date: '2025-12-01',
    });
    expect(names((await listed('requests-6-weeks', { by: 'team', key: teams.south })).rows)).toEqual(['Ben']);
    expect(names((await listed('tribunal-appeals')).rows)).toEqual(['Ben', 'Eve']);
    expect(names((await listed('tribunal-appeals', { group: 'pending' })).rows)).toEqual(['Eve']);
    expect((await listed('tribunal-appeals', { group: 'allowed' })).rows[0]).toMatchObject({
      childId: kids.Ben,
      date: '2026-03-10',
    });
    expect(names((await listed('tribunal-appeals', { by: 'need', key: 'MLD' })).rows)).toEqual(['Eve']);
    // Phase transfers: on the deadline day; Gus named in time, Hal after; each counted in the cohort he moved with.
    const transfers = await listed('phase-transfers');
    expect(names(transfers.rows)).toEqual(['Gus', 'Hal']);
    expect(transfers.rows.map((r) => r.date)).toEqual([TRANSFER_DEADLINE, TRANSFER_DEADLINE]);
    expect(names((await listed('phase-transfers', { show: 'met' })).rows)).toEqual(['Gus']);
    expect(names((await listed('phase-transfers', { group: 'named-late' })).rows)).toEqual(['Hal']);
    expect(names((await listed('phase-transfers', { by: 'team', key: teams.south })).rows)).toEqual(['Hal']);
    // As of the day before the deadline neither is counted; as of the deadline Hal is not named yet.
    const before = await service().countFigures(leader, { asOf: plus(TRANSFER_DEADLINE, -1) });
    expect(before.figures.find((f) => f.id === 'phase-transfers')!.year.counted).toBe(0);
    const onTheDay = await service().countChildren(leader, 'phase-transfers', {
      asOf: TRANSFER_DEADLINE,
      show: 'all',
      page: 1,
    });
    expect(onTheDay.rows.map((r) => [names([r])[0], r.met, r.group]).sort()).toEqual([
      ['Gus', true, 'in-time'],
      ['Hal', false, 'not-named'],
    ]);
  });

  /** Every number on the page, in every breakdown, group and "within or not", with the list behind it. */
  const everyNumber = async () => {
    const seen: Array<{ page: unknown; lists: unknown[] }> = [];
    for (const by of [undefined, ...DIMENSIONS]) {
      const page = await service().countFigures(leader, { asOf: AS_OF, by });
      const lists: unknown[] = [];
      for (const f of comparable(page).figures) {
        const cells = [
          { input: {}, tally: f.year },
          ...f.breakdown.map((r) => ({ input: { by, key: r.key }, tally: r.tally })),
          ...f.groups.map((r) => ({ input: { group: r.key }, tally: r.tally })),
        ];
        for (const cell of cells) {
          for (const [show, n] of [
            ['all', cell.tally.counted],
            ['met', cell.tally.met],
            ['not-met', cell.tally.counted - cell.tally.met],
          ] as const) {
            const list = await listed(f.id, { ...cell.input, show: show });
            expect(list.total, `${f.id} ${JSON.stringify(cell.input)} ${show}`).toBe(n);
            expect(list.rows).toHaveLength(Math.min(n, 50));
            lists.push({
              id: f.id,
              ...cell.input,
              show,
              total: list.total,
              tally: list.tally,
              rows: list.rows,
            });
          }
        }
      }
      seen.push({ page: comparable(page), lists });
    }
    return seen;
  };

  it('every number on the page, in every breakdown, agrees with its list of children', async () => {
    await everyNumber();
  }, 240_000);

  it('the job’s count of the day gives the same numbers and the same lists as counting live', async () => {
    const live = await everyNumber();
    expect((await service().countFigures(leader, { asOf: AS_OF })).countedAt).toBeNull();
    const made = await service().recount(la, AS_OF);
    expect(made.items).toBeGreaterThan(10);
    const page = await service().countFigures(leader, { asOf: AS_OF });
    expect(page.countedAt).not.toBeNull();
    const counted = await everyNumber();
    expect(counted).toEqual(live);
    const logged = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'record_id', 'detail'])
      .where('la_code', '=', la)
      .where('action', '=', 'figures.counted')
      .execute();
    expect(logged).toHaveLength(1);
    expect(logged[0]!.record_id).toBe(made.id);
    // A second count of the day replaces the first; a day never counted is still counted live.
    await service().recount(la, AS_OF);
    const days = () =>
      t.database.db
        .selectFrom('figure_count')
        .select('as_of')
        .where('la_code', '=', la)
        .orderBy('as_of')
        .execute()
        .then((rows) => rows.map((r) => r.as_of));
    expect(await days()).toEqual([AS_OF]);
    expect((await service().countFigures(leader, { asOf: '2026-11-30' })).countedAt).toBeNull();
  }, 240_000);

  it('keeps each day’s count: a past day the job counted is read from its count, the same as live', async () => {
    const past = '2026-09-15';
    const live = comparable(await service().countFigures(leader, { asOf: past, by: 'team' }));
    const liveList = await listed('requests-6-weeks', { asOf: past, show: 'not-met' });
    await service().recount(la, past);
    await service().recount(la, AS_OF);
    const page = await service().countFigures(leader, { asOf: past, by: 'team' });
    expect(page.countedAt).not.toBeNull();
    expect(comparable(page)).toEqual(live);
    const list = await listed('requests-6-weeks', { asOf: past, show: 'not-met' });
    expect(list).toEqual(liveList);
    expect((await service().countFigures(leader, { asOf: AS_OF })).countedAt).not.toBeNull();
    // A count made after the casework changed stays as counted: it is the casework as it stood then.
    const counted = await t.database.db
      .selectFrom('figure_count')
      .select('as_of')
      .where('la_code', '=', la)
      .orderBy('as_of')
      .execute();
    expect(counted.map((r) => r.as_of)).toEqual([past, AS_OF]);
    // Tidy: the other tests count these days live.
    await t.database.db
      .deleteFrom('figure_count')
      .where('la_code', '=', la)
      .where('as_of', '=', past)
      .execute();
  }, 240_000);

  it('keeps every day’s count for 92 days, then only months’ last days, for 25 months', async () => {
    const other = '932';
    for (const day of ['2024-09-30', '2024-10-31', '2026-06-29', '2026-06-30', '2026-08-01', '2026-10-30'])
      await service().recount(other, day);
    await service().recount(other, '2026-10-31');
    const kept = await t.database.db
      .selectFrom('figure_count')
      .select('as_of')
      .where('la_code', '=', other)
      .orderBy('as_of')
      .execute();
    // 2024-09-30 is over 25 months before; 2026-06-29 over 92 days and not a month's end.
    expect(kept.map((r) => r.as_of)).toEqual([
      '2024-10-31',
      '2026-06-30',
      '2026-08-01',
      '2026-10-30',
      '2026-10-31',
    ]);
    await t.database.db.deleteFrom('figure_count').where('la_code', '=', other).execute();
  }, 240_000);

  it('counts as of another day: a later decision appears, the trend keeps each month', async () => {
    const later = await service().countFigures(leader, { asOf: '2026-11-30' });
    expect(later.figures.find((f) => f.id === 'requests-6-weeks')!.year.counted).toBe(3);
    const before = await service().countFigures(leader, { asOf: '2026-01-31' });
    expect(before.figures.find((f) => f.id === 'requests-6-weeks')!.year.counted).toBe(0);
    const page = await service().countFigures(leader, { asOf: AS_OF });
    const nfte = page.figures.find((f) => f.id === 'not-in-full-time-education')!;
    expect(nfte.trend).toHaveLength(24);
    expect(nfte.trend.find((m) => m.month === '2026-07')!.tally.counted).toBe(1); // Fay, missing education
    expect(nfte.trend.find((m) => m.month === '2026-10')!.tally.counted).toBe(1); // Dee
    const reviews = page.figures.find((f) => f.id === 'reviews-12-months')!;
    expect(reviews.trend.reduce((sum, m) => sum + m.tally.counted, 0)).toBe(2);
    // Appeals by the month registered: Ava's (June 2025) is in the 24 months though not in the 12.
    const appeals = page.figures.find((f) => f.id === 'tribunal-appeals')!;
    expect(appeals.trend.filter((m) => m.tally.counted).map((m) => m.month)).toEqual([
      '2025-06',
      '2026-03',
      '2026-10',
    ]);
    // As of the day before Ben's appeal was decided it was not decided yet; Fay's counts once registered.
    const beforeDecision = (await service().countFigures(leader, { asOf: '2026-08-31' })).figures.find(
      (f) => f.id === 'tribunal-appeals',
    )!;
    expect(beforeDecision.groups).toEqual([{ key: 'pending', tally: { counted: 1, met: 1, percent: 100 } }]);
    const after = (await service().countFigures(leader, { asOf: '2026-11-30' })).figures.find(
      (f) => f.id === 'tribunal-appeals',
    )!;
    expect(after.year.counted).toBe(3);
  });

  it('shows the figures to the leader and team managers and refuses every other role (403)', async () => {
    await withCounts([service().today()], async () => {
      for (const role of ROLES) {
        const client = clients.get(role)!;
        for (const path of [
          '/figures',
          '/figures/requests-6-weeks',
          '/figures/requests-6-weeks/children.csv',
        ]) {
          const res = await client.get(path);
          expect([role, path, res.statusCode]).toEqual([
            role,
            path,
            ['send-leader', 'team-manager'].includes(role) ? 200 : 403,
          ]);
        }
      }
      const page = await clients.get('send-leader')!.get('/figures?by=team');
      expect(page.body).toContain('Requests for an assessment decided within 6 weeks');
      expect(page.body).toContain('North team');
      expect(page.body).toContain('role="img"');
      expect(page.body).toContain('84.8%');
      expect(page.body).toContain('Phase transfers named by the deadline');
      expect(page.body).toContain('Goldthread does not yet count every appealable decision');
    });
  });

  it('never counts a day not counted on the request: says it is being counted, and shows the kept count once the job made it', async () => {
    await t.database.db.deleteFrom('figure_count').where('la_code', '=', la).execute();
    const client = clients.get('send-leader')!;
    const query = { ...dateInputValues('asOf', AS_OF), by: 'team' };
    const pending = await client.get(withQuery('/figures', query));
    expect(pending.statusCode).toBe(200);
    expect(pending.body).toContain('The figures as of 31 October 2026 are being counted');
    expect(pending.body).toContain('Being counted');
    expect(pending.body).not.toContain('role="img"');
    expect(pending.body).toContain(
      `href="${withQuery('/figures', query).replace(/&/g, '&amp;')}">Check again`,
    );
    const list = await client.get(
      withQuery('/figures/requests-6-weeks', { ...dateInputValues('asOf', AS_OF), show: 'met' }),
    );
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('are being counted');
    expect(list.body).not.toContain('Ava Figures');
    const csv = await client.get(
      withQuery('/figures/requests-6-weeks/children.csv', dateInputValues('asOf', AS_OF)),
    );
    expect(csv.statusCode).toBe(303);
    expect(csv.headers.location).toBe(withQuery('/figures/requests-6-weeks', dateInputValues('asOf', AS_OF)));
    // Asked for three times, queued once; the job counts it and keeps it, and the same page now shows the count.
    try {
      expect(await t.jobs.runPending('figures-count')).toBe(1);
      const ready = await client.get(withQuery('/figures', query));
      expect(ready.body).toContain('Counted at');
      expect(ready.body).not.toContain('being counted');
      expect(ready.body).toContain('North team');
      const shown = await service().figures(leader, { asOf: AS_OF, by: 'team' });
      const live = comparable(await service().countFigures(leader, { asOf: AS_OF, by: 'team' }));
      expect(shown.ready && comparable(shown)).toEqual({ ...live, ready: true });
      const met = await client.get(
        withQuery('/figures/requests-6-weeks', { ...dateInputValues('asOf', AS_OF), show: 'met' }),
      );
      expect(met.body).toContain('Ava Figures');
    } finally {
      await t.database.db.deleteFrom('figure_count').where('la_code', '=', la).execute();
    }
  }, 240_000);

  it('downloads the children behind a number as CSV, audited as a bulk export of special category data', async () => {
    await withCounts([AS_OF, service().today()], async () => {
      const client = clients.get('send-leader')!;
      const query = { ...dateInputValues('asOf', AS_OF), show: 'not-met' };
      const list = await listed('advice-6-weeks', { show: 'not-met' });
      const page = await client.get(withQuery('/figures/advice-6-weeks', query));
      expect(page.body).toContain('/figures/advice-6-weeks/children.csv?');
      const res = await client.get(withQuery('/figures/advice-6-weeks/children.csv', query));
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      const lines = res.body.trim().split(/\r?\n/);
      expect(lines[0]).toBe(
        'Reference,Name,Done on,Due by,Outcome,Confirmed exception,Agency,Setting,Primary need',
      );
      expect(lines).toHaveLength(list.total + 1);
      expect(lines[1]).toContain('Ben Figures');
      expect(lines[1]).toContain('Received late');
      const entry = await t.database.db
        .selectFrom('audit_log')
        .select(['detail', 'record_id', 'user_id'])
        .where('la_code', '=', la)
        .where('action', '=', 'figures.children.export')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(entry.record_id).toBe('advice-6-weeks');
      expect(entry.detail).toMatchObject({ bulkExport: true, specialCategoryData: true, rows: list.total });
      expect((entry.detail as { children: string[] }).children).toContain(kids.Ben);
      expect((await client.get('/figures/advice-6-weeks/children.csv?page=x')).statusCode).toBe(400);
      expect((await client.get('/figures/no-such-figure/children.csv')).statusCode).toBe(404);
    });
  });

  it('answers a broken date or choice with the error summary and the input kept', async () => {
    const client = clients.get('send-leader')!;
    const bad = await client.get('/figures?asOf-day=31&asOf-month=2&asOf-year=2026&by=team');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('The date must be a real date');
    expect(bad.body).toMatch(/name="asOf-day"[^>]*value="31"/);
    const by = await client.get('/figures?by=colour');
    expect(by.statusCode).toBe(400);
    expect(by.body).toContain('Choose team, school, primary need, ethnicity, age or no breakdown');
    const future = await client.get(withQuery('/figures', dateInputValues('asOf', '2099-01-01')));
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('The date must be today or in the past');
    const list = await client.get('/figures/requests-6-weeks?asOf-day=x&asOf-month=1&asOf-year=2026');
    expect(list.statusCode).toBe(400);
    expect(list.body).toContain('govuk-error-summary');
    expect(list.body).toMatch(/name="asOf-day"[^>]*value="x"/);
    expect((await client.get('/figures/requests-6-weeks?page=abc')).statusCode).toBe(400);
    expect((await client.get('/figures/no-such-figure')).statusCode).toBe(404);
    expect((await clients.get('caseworker')!.get('/figures?asOf-day=x')).statusCode).toBe(403);
  });

  it('lists the children behind a number, audited as a list shown, and says when a figure has no data', async () => {
    await withCounts([AS_OF], async () => {
      const client = clients.get('send-leader')!;
      const page = await client.get(
        withQuery('/figures/requests-6-weeks', { ...dateInputValues('asOf', AS_OF) }),
      );
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Ava Figures');
      expect(page.body).toContain('Ben Figures');
      const entry = await t.database.db
        .selectFrom('audit_log')
        .select(['detail', 'record_id'])
        .where('la_code', '=', la)
        .where('action', '=', 'figures.children.read')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(entry.record_id).toBe('/figures/requests-6-weeks');
      expect([...(entry.detail as { children: string[] }).children].sort()).toEqual(
        [kids.Ava, kids.Ben].sort(),
      );
      const transfers = await client.get(
        withQuery('/figures/phase-transfers', { ...dateInputValues('asOf', AS_OF), show: 'not-met' }),
      );
      expect(transfers.statusCode).toBe(200);
      expect(transfers.body).toContain('Hal Figures');
      expect(transfers.body).not.toContain('Gus Figures');
      expect(transfers.body).toContain('Named after the deadline');
      expect(transfers.body).toContain('Deadline');
      const appeals = await client.get(
        withQuery('/figures/tribunal-appeals', { ...dateInputValues('asOf', AS_OF) }),
      );
      expect(appeals.statusCode).toBe(200);
      expect(appeals.body).toContain('2 appeals registered from');
      expect(appeals.body).toContain('Ben Figures');
      expect(appeals.body).toContain('Not decided yet');
      const csv = await client.get(
        withQuery('/figures/tribunal-appeals/children.csv', { ...dateInputValues('asOf', AS_OF) }),
      );
      const lines = csv.body.trim().split(/\r?\n/);
      expect(lines[0]).toBe('Reference,Name,Registered on,Where it stands,Setting,Primary need');
      expect(lines).toHaveLength(3);
      const index = await client.get(withQuery('/figures', { ...dateInputValues('asOf', AS_OF) }));
      expect(index.body).toContain('Tribunal appeals registered');
      expect(index.body).toContain('Registered in the month');
    });
  });

  it('as of a past day, takes the child’s team, need and ethnicity and the exception’s confirmation as they were then', async () => {
    const db = t.database.db;
    const history = () => db.selectFrom('child_key_history').where('child_id', '=', kids.Ben!);
    // Ben's records so far, as if made long ago; then his lead officer (so his team), need and ethnicity change,
    // recorded by the database on the day of the change, taken here as 15 October 2026.
    await db
      .updateTable('child_key_history')
      .set({ changed_on: '2025-01-01' })
      .where('child_id', '=', kids.Ben!)
      .execute();
    const northOfficer = await db
      .selectFrom('app_user')
      .select('id')
      .where('la_code', '=', la)
      .where('team_id', '=', teams.north!)
      .where('role', '=', 'caseworker')
      .executeTakeFirstOrThrow();
    const southOfficer = await db
      .selectFrom('child')
      .select('lead_officer_id')
      .where('id', '=', kids.Ben!)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('child')
      .set({ lead_officer_id: northOfficer.id, primary_need: 'ASD', ethnicity: 'WBRI' })
      .where('id', '=', kids.Ben!)
      .execute();
    const changed = await history()
      .select(['id', 'team_id', 'primary_need'])
      .where('changed_on', '>', '2025-01-01')
      .execute();
    expect(changed).toEqual([expect.objectContaining({ team_id: teams.north, primary_need: 'ASD' })]);
    await db
      .updateTable('child_key_history')
      .set({ changed_on: '2026-10-15' })
      .where('id', '=', changed[0]!.id)
      .execute();

    // A day after the change that the job has not counted (a kept count is the casework as it stood then).
    const AFTER = '2026-10-30';
    const appealsBy = async (asOf: string, by: 'team' | 'need' | 'ethnicity') =>
      (await service().countFigures(leader, { asOf, by })).figures
        .find((f) => f.id === 'tribunal-appeals')!
        .breakdown.map((r) => [r.key, r.tally.counted])
        .sort();
    // Ben's appeal (March 2026): before the change under the south team, SEMH, Asian; after it, north, ASD, White.
    expect(await appealsBy('2026-10-14', 'team')).toEqual([[teams.south, 2]].sort());
    expect(await appealsBy('2026-10-14', 'need')).toEqual(
      [
        ['SEMH', 1],
        ['MLD', 1],
      ].sort(),
    );
    expect(await appealsBy('2026-10-14', 'ethnicity')).toEqual(
      [
        ['asian', 1],
        ['white', 1],
      ].sort(),
    );
    expect(await appealsBy(AFTER, 'team')).toEqual(
      [
        [teams.north, 1],
        [teams.south, 1],
      ].sort(),
    );
    expect(await appealsBy(AFTER, 'need')).toEqual(
      [
        ['ASD', 1],
        ['MLD', 1],
      ].sort(),
    );
    expect(await appealsBy(AFTER, 'ethnicity')).toEqual([['white', 2]]);
    // Ben's request (decided in February 2026) is his case's: its team on the day is his lead officer's team then
    // (allocation names the case's officer his lead officer); Ava's stays north; the list behind each cell agrees.
    const requestsBy = async (asOf: string) =>
      (await service().countFigures(leader, { asOf, by: 'team' })).figures
        .find((f) => f.id === 'requests-6-weeks')!
        .breakdown.map((r) => [r.key, r.tally.counted])
        .sort();
    expect(await requestsBy('2026-10-14')).toEqual(
      [
        [teams.north, 1],
        [teams.south, 1],
      ].sort(),
    );
    expect(await requestsBy(AFTER)).toEqual([[teams.north, 2]]);
    const requestsOf = async (asOf: string, key: string) =>
      names(
        (
          await service().countChildren(leader, 'requests-6-weeks', {
            asOf,
            by: 'team',
            key,
            show: 'all',
            page: 1,
          })
        ).rows,
      );
    expect(await requestsOf('2026-10-14', teams.south!)).toEqual(['Ben']);
    expect(await requestsOf(AFTER, teams.north!)).toEqual(['Ava', 'Ben']);
    expect(await requestsOf(AFTER, teams.south!)).toEqual([]);
    // The list behind a cell is the same children.
    const listedBy = (asOf: string, key: string) =>
      service().countChildren(leader, 'tribunal-appeals', { asOf, by: 'need', key, show: 'all', page: 1 });
    expect(names((await listedBy('2026-10-14', 'SEMH')).rows)).toEqual(['Ben']);
    expect(names((await listedBy(AFTER, 'ASD')).rows)).toEqual(['Ben']);
    // The job's count of a day keeps the keys as they were that day.
    await service().recount(la, '2026-10-14');
    expect(await appealsBy('2026-10-14', 'need')).toEqual(
      [
        ['SEMH', 1],
        ['MLD', 1],
      ].sort(),
    );
    await db.deleteFrom('figure_count').where('la_code', '=', la).where('as_of', '=', '2026-10-14').execute();

    // An officer moving team moves their children's team from that day.
    await db
      .updateTable('app_user')
      .set({ team_id: teams.south! })
      .where('id', '=', northOfficer.id)
      .execute();
    const moved = await history()
      .select(['team_id', 'changed_on'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(moved.team_id).toBe(teams.south);
    await db
      .updateTable('app_user')
      .set({ team_id: teams.north! })
      .where('id', '=', northOfficer.id)
      .execute();

    // Ben's exception was confirmed on 1 July 2026: before that his late plan counts in "excluding exceptions".
    const excluding = async (asOf: string) =>
      (await service().countFigures(leader, { asOf })).figures.find(
        (f) => f.id === 'plans-20-weeks-excluding',
      )!.year;
    expect(await excluding('2026-06-30')).toEqual({ counted: 2, met: 1, percent: 50 });
    expect(await excluding('2026-07-01')).toEqual({ counted: 1, met: 1, percent: 100 });

    // Put Ben back as he was, and forget the change.
    await db
      .updateTable('child')
      .set({ lead_officer_id: southOfficer.lead_officer_id, primary_need: 'SEMH', ethnicity: 'APKN' })
      .where('id', '=', kids.Ben!)
      .execute();
    await db
      .deleteFrom('child_key_history')
      .where('child_id', '=', kids.Ben!)
      .where('changed_on', '>', '2025-01-01')
      .execute();
  }, 120_000);

  it('as of a past day, counts a plan ceased since: the children with a plan, out of education, and the transfer cohort', async () => {
    const db = t.database.db;
    const ended = async (childId: string, kind: string, on: string | null, at: string) => {
      await db.updateTable('child').set({ plan_status: 'ceased' }).where('id', '=', childId).execute();
      await db
        .insertInto('case_event')
        .values({
          la_code: la,
          child_id: childId,
          at: new Date(`${at}T10:00:00Z`),
          kind,
          summary: 'The plan stopped',
          detail: JSON.stringify(on ? { on } : {}),
        })
        .execute();
    };
    const figure = async (asOf: string, id: MeasureId) => {
      const page = await service().countFigures(leader, { asOf });
      return { withPlan: page.withPlan, year: page.figures.find((f) => f.id === id)!.year };
    };
    const before = await figure('2026-10-19', 'not-in-full-time-education');
    expect(before.year.counted).toBe(1);
    // Dee's plan ceased on 20 October 2026 (the ceasing feature's entry, recorded a day later, says the day).
    await ended(kids.Dee!, 'plan.ceased', '2026-10-20', '2026-10-21');
    // The day before, Dee still had a plan and was out of full-time education: the number and its list agree.
    const onTheEve = await figure('2026-10-19', 'not-in-full-time-education');
    expect(onTheEve).toEqual(before);
    expect(names((await listed('not-in-full-time-education', { asOf: '2026-10-19' })).rows)).toEqual(['Dee']);
    // From the day it ceased, not.
    const after = await figure('2026-10-20', 'not-in-full-time-education');
    expect(after.withPlan).toBe(before.withPlan - 1);
    expect(after.year.counted).toBe(0);
    expect((await listed('not-in-full-time-education', { asOf: '2026-10-20' })).rows).toEqual([]);
    // The month's-end trend: September (Dee then had a plan) counts her.
    // (Days the job has not counted: a kept count is the casework as it stood when counted.)
    const LATER = '2026-10-30';
    const trend = (await service().countFigures(leader, { asOf: LATER })).figures.find(
      (f) => f.id === 'not-in-full-time-education',
    )!.trend;
    expect(trend.find((m) => m.month === '2026-09')!.tally.counted).toBe(1);
    expect(trend.at(-1)!.tally.counted).toBe(0);

    // Gus's plan was sent to another council in September 2026, after his cohort's deadline (an older history's
    // entry, dated by when it was recorded): he is still in the cohort he moved with, named in time.
    await ended(kids.Gus!, 'plan-ceased', null, '2026-09-20');
    expect(names((await listed('phase-transfers', { asOf: LATER })).rows)).toEqual(['Gus', 'Hal']);
    expect(names((await listed('phase-transfers', { asOf: LATER, show: 'met' })).rows)).toEqual(['Gus']);
    // Had it ended before 1 February 2026 (his setting's day for the cohort), he had no plan to name a school in.
    await db
      .updateTable('case_event')
      .set({ at: new Date('2026-01-10T10:00:00Z') })
      .where('child_id', '=', kids.Gus!)
      .where('kind', '=', 'plan-ceased')
      .execute();
    expect(names((await listed('phase-transfers', { asOf: LATER })).rows)).toEqual(['Hal']);
    // A ceased plan whose end is not dated anywhere counts as ended on every day, as before.
    await db
      .deleteFrom('case_event')
      .where('child_id', '=', kids.Gus!)
      .where('kind', '=', 'plan-ceased')
      .execute();
    expect(names((await listed('phase-transfers', { asOf: LATER })).rows)).toEqual(['Hal']);

    // Put them back.
    for (const id of [kids.Dee!, kids.Gus!]) {
      await db.updateTable('child').set({ plan_status: 'plan' }).where('id', '=', id).execute();
      await db
        .deleteFrom('case_event')
        .where('child_id', '=', id)
        .where('kind', 'in', ['plan.ceased', 'plan-ceased'])
        .execute();
    }
  }, 120_000);

  it('keeps to the authority: another council’s leader sees none of these children', async () => {
    const other = actorFor(await createUser(t.database.db, '932', 'send-leader'));
    const page = await service().countFigures(other, { asOf: AS_OF });
    expect(page.figures.every((f) => f.year.counted === 0)).toBe(true);
  });
});
