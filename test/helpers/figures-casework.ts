/**
 * The casework the leaders' figures' database tests count (src/features/figures/figures-*.test.ts): two authorities,
 * two teams, a user of every role, and children built one by one with requests, advice, plans, exceptions, reviews,
 * amendments, audits, education episodes, phase transfers and tribunal appeals, written straight into the tables; the
 * dates the clock gives them; and the lookups the tests share. Built afresh by each test file, nothing kept between.
 */
import type { Kysely } from 'kysely';
import { caseTimeline, type CaseFacts } from '../../src/domain/assessment/journey.ts';
import { addDays, formatDate, parseDate } from '../../src/domain/clock/dates.ts';
import { computeTimeline } from '../../src/domain/clock/index.ts';
import type { MeasureId } from '../../src/domain/figures/index.ts';
import { cohortEntry } from '../../src/domain/transfer/index.ts';
import type { Actor } from '../../src/platform/access/access.ts';
import type { DB, Role } from '../../src/platform/db/schema/index.ts';
import { ROLES } from '../../src/platform/db/schema/index.ts';
import type { TestApp } from './app.ts';
import { actorFor, createAuthority, createChild, createTeam, createUser } from './factories.ts';

type TestUser = Awaited<ReturnType<typeof createUser>>;

export const AS_OF = '2026-10-31';

/**
 * A figures page without when (and whether) it was counted and kept, its breakdowns and groups in key order (the view
 * sorts them).
 */
export function comparable<
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
export const plus = (d: string, n: number) => formatDate(addDays(parseDate(d), n));
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
export const TRANSFER_DEADLINE = (() => {
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

/** The casework every figures test file counts, in authority 931 (932 is another council, with no casework). */
export interface FiguresCasework {
  readonly la: string;
  /** The SEND leader who reads the figures. */
  readonly leader: Actor;
  /** Each child's id by given name. */
  readonly kids: Readonly<Record<string, string>>;
  /** The north and south teams' ids. */
  readonly teams: Readonly<Record<string, string>>;
  /** A user of every role (the team manager in the north team), for the pages' access. */
  readonly roleUsers: ReadonlyMap<Role, TestUser>;
}

export async function buildFiguresCasework(db: Kysely<DB>): Promise<FiguresCasework> {
  const la = '931';
  const kids: Record<string, string> = {};
  const teams: Record<string, string> = {};
  await createAuthority(db, la);
  await createAuthority(db, '932');
  teams.north = (await createTeam(db, la, { name: 'North team' })).teamId;
  teams.south = (await createTeam(db, la, { name: 'South team' })).teamId;
  const north = await createUser(db, la, 'caseworker', { teamId: teams.north });
  const south = await createUser(db, la, 'caseworker', { teamId: teams.south });
  const leaderUser = await createUser(db, la, 'send-leader');
  const leader = actorFor(leaderUser);
  const roleUsers = new Map<Role, TestUser>();
  for (const role of ROLES) {
    const user = await createUser(db, la, role, role === 'team-manager' ? { teamId: teams.north } : {});
    roleUsers.set(role, user);
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
  return { la, leader, kids, teams, roleUsers };
}

/**
 * The figures service and the lookups every figures test file uses, over the file's app and casework (read when a
 * test runs, after its `beforeAll` has made them).
 */
export function figuresLookups(state: () => { t: TestApp; casework: FiguresCasework }) {
  const service = () => state().t.services.figures;
  const names = (rows: ReadonlyArray<{ childId: string }>) => {
    const { kids } = state().casework;
    return rows.map((r) => Object.entries(kids).find(([, id]) => id === r.childId)?.[0] ?? r.childId).sort();
  };
  const listed = async (
    id: MeasureId,
    input: Partial<Parameters<ReturnType<typeof service>['countChildren']>[2]> = {},
  ) => service().countChildren(state().casework.leader, id, { asOf: AS_OF, show: 'all', page: 1, ...input });
  return { service, names, listed };
}
