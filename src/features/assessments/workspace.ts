/**
 * The caseworker's workspace and the team manager's view. Filtering, sorting by urgency and paging run in SQL on the
 * clock's cached next step (next_due, written with every change); the rows shown are then run through the clock
 * again, so every date, status and day count on the page is the clock's own.
 */
import { sql } from 'kysely';
import type { Actor } from '../../platform/access/access.ts';
import { requireRole } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import type { AssessmentStage, PrimaryNeed } from '../../platform/db/schema/index.ts';
import {
  AGENCY_LABELS,
  caseTimeline,
  stepById,
  type CaseFacts,
  type Stage,
} from '../../domain/assessment/journey.ts';
import type { Step } from '../../domain/clock/types.ts';
import { childIdsAtSetting, childIdsWithNeed } from '../../platform/people/children.ts';
import { partiesOfRows, type RowParties } from '../../platform/people/row-parties.ts';
import { caseOfficersOf } from '../../platform/people/users.ts';
import { CASE_FACT_COLUMNS, factsOfRows } from './store.ts';
import { STAFF, TEAM_READERS } from './case-support.ts';

export interface WorkspaceFilters {
  stage?: AssessmentStage | undefined;
  /** 'overdue' | 'soon' (due in the next 14 days) */
  due?: 'overdue' | 'soon' | undefined;
  setting?: string | undefined;
  need?: PrimaryNeed | undefined;
  /** an officer's id, 'me', 'none' (unallocated) or 'any' */
  officer?: string | undefined;
  /** Only the cases of the user's own team (a team manager's default; a user with no team sees the authority's). */
  teamOnly?: boolean | undefined;
  page: number;
}

export interface WorkspaceRow {
  id: string;
  child_id: string;
  reference: string;
  given_name: string;
  family_name: string;
  primary_need: PrimaryNeed | null;
  stage: Stage;
  request_received: string;
  officer_name: string | null;
  team_name: string;
  setting_name: string | null;
  next: Step | null;
  /** Each advice request's agency, by advice id, so an advice step names who is asked ("Advice: Health"). */
  adviceLabels: ReadonlyMap<string, string>;
}

export const WORKSPACE_PAGE_SIZE = 25;

/** Each advice request's agency in words, by advice id (the steps' labels: "Advice: Educational psychology"). */
export function agencyLabels(facts: Pick<CaseFacts, 'advice'>): ReadonlyMap<string, string> {
  return new Map(facts.advice.map((a) => [a.id, AGENCY_LABELS[a.agency] ?? a.agency]));
}

/** The date 14 days after today, for the "due soon" filter (a window on the clock's due dates, not a deadline). */
function plusDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export async function workspace(
  db: Executor,
  actor: Actor,
  filters: WorkspaceFilters,
  today: string,
  pageSize = WORKSPACE_PAGE_SIZE,
) {
  requireRole(actor, STAFF.concat(['send-leader']), 'assessment.workspace');
  let query = db
    .selectFrom('assessment_case as a')
    .where('a.la_code', '=', actor.laCode)
    .where('a.is_open', '=', true);
  const officer = filters.officer ?? 'me';
  if (officer === 'me') query = query.where('a.officer_id', '=', actor.userId);
  else if (officer === 'none') query = query.where('a.officer_id', 'is', null);
  else if (officer !== 'any') query = query.where('a.officer_id', '=', officer);
  if (filters.teamOnly && actor.teamId !== null) query = query.where('a.team_id', '=', actor.teamId);
  if (filters.stage) query = query.where('a.stage', '=', filters.stage);
  if (filters.due === 'overdue') query = query.where('a.next_due', '<', today);
  if (filters.due === 'soon')
    query = query.where('a.next_due', '>=', today).where('a.next_due', '<=', plusDays(today, 14));
  // The child's need and setting are the core records' columns: the people store answers each as a query of child
  // ids, so the filter, the count and the page stay one statement each.
  if (filters.need) query = query.where('a.child_id', 'in', childIdsWithNeed(db, actor.laCode, filters.need));
  if (filters.setting)
    query = query.where('a.child_id', 'in', childIdsAtSetting(db, actor.laCode, filters.setting));
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(n);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, filters.page), pages);
  // Page first (on the index of the clock's due dates), with the columns of the cases' facts, then the page's
  // advice and exceptions and the people its rows name (the child and their setting, the officer, the team).
  const cases = await query
    .select([...CASE_FACT_COLUMNS, 'a.next_step', 'a.officer_id', 'a.team_id'])
    // Most urgent first: the earliest statutory due date not yet met.
    .orderBy(sql`a.next_due asc nulls last`)
    .orderBy('a.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const facts = await factsOfRows(db, actor.laCode, cases);
  const parties = await partiesOfRows(db, actor.laCode, cases.map(partiesOf));
  const rows: WorkspaceRow[] = cases.flatMap((c, i) => {
    const names = parties[i];
    if (!names) return [];
    const caseFacts = facts.get(c.id)!;
    const timeline = caseTimeline(caseFacts, today);
    return [
      {
        id: c.id,
        child_id: c.child_id,
        reference: names.reference,
        given_name: names.given_name,
        family_name: names.family_name,
        primary_need: names.primary_need,
        stage: c.stage,
        request_received: c.request_received,
        officer_name: names.officer_name,
        team_name: names.team_name ?? '',
        setting_name: names.setting_name,
        next: c.next_step ? (stepById(timeline, c.next_step) ?? null) : null,
        adviceLabels: agencyLabels(caseFacts),
      },
    ];
  });
  return { rows, total, page, pages };
}

/** What a case row points at, for the people store to name. */
function partiesOf(c: { child_id: string; officer_id: string | null; team_id: string }): RowParties {
  return { childId: c.child_id, officerId: c.officer_id, teamId: c.team_id };
}

/**
 * Each officer's open and overdue cases (every team's), and the team's unallocated, overdue and due-soon cases
 * (the authority's for a manager with no team), in one pass over the open cases of the team or of those officers.
 */
async function caseCounts(db: Executor, actor: Actor, officerIds: readonly string[], today: string) {
  const teamId = actor.teamId;
  const inTeam = teamId !== null ? sql<boolean>`a.team_id = ${teamId}` : sql<boolean>`true`;
  const soon = plusDays(today, 14);
  const groups = await db
    .selectFrom('assessment_case as a')
    .where('a.la_code', '=', actor.laCode)
    .where('a.is_open', '=', true)
    .$if(teamId !== null, (q) =>
      q.where((eb) =>
        eb.or([
          eb('a.team_id', '=', teamId!),
          ...(officerIds.length ? [eb('a.officer_id', 'in', officerIds)] : []),
        ]),
      ),
    )
    .select([
      'a.officer_id',
      sql<number>`count(*)`.as('open_cases'),
      sql<number>`count(*) filter (where a.next_due < ${today})`.as('overdue_cases'),
      sql<number>`count(*) filter (where ${inTeam} and a.officer_id is null)`.as('unallocated'),
      sql<number>`count(*) filter (where ${inTeam} and a.next_due < ${today})`.as('overdue'),
      sql<number>`count(*) filter (where ${inTeam} and a.next_due >= ${today} and a.next_due <= ${soon})`.as(
        'soon',
      ),
    ])
    .groupBy('a.officer_id')
    .execute();
  const sum = (key: 'unallocated' | 'overdue' | 'soon') => groups.reduce((t, g) => t + Number(g[key]), 0);
  return {
    byOfficer: new Map(groups.map((g) => [g.officer_id, g])),
    unallocated: sum('unallocated'),
    overdue: sum('overdue'),
    soon: sum('soon'),
  };
}

/** The team manager's view: unallocated requests, caseloads and the team's overdue and coming steps. */
export async function managerView(db: Executor, actor: Actor, today: string) {
  requireRole(actor, TEAM_READERS, 'assessment.team');
  const officers = await caseOfficersOf(db, actor.laCode, actor.teamId);
  const counts = await caseCounts(
    db,
    actor,
    officers.map((o) => o.id),
    today,
  );
  const scoped = db
    .selectFrom('assessment_case as a')
    .where('a.la_code', '=', actor.laCode)
    .where('a.is_open', '=', true)
    .$if(actor.teamId !== null, (q) => q.where('a.team_id', '=', actor.teamId!));
  const columns = [
    ...CASE_FACT_COLUMNS,
    'a.request_method',
    'a.requested_by',
    'a.next_step',
    'a.officer_id',
    'a.team_id',
  ] as const;
  const unallocated = await scoped
    .where('a.officer_id', 'is', null)
    .select(columns)
    .orderBy(sql`a.next_due asc nulls last`)
    .orderBy('a.id')
    .limit(50)
    .execute();
  const due = await scoped
    .where('a.next_due', '<=', plusDays(today, 14))
    .select(columns)
    .orderBy('a.next_due')
    .orderBy('a.id')
    .limit(25)
    .execute();
  const both = [...unallocated, ...due];
  const facts = await factsOfRows(db, actor.laCode, both);
  const parties = await partiesOfRows(db, actor.laCode, both.map(partiesOf));
  const namesOf = new Map(both.map((r, i) => [r, parties[i]]));
  const rowOf = (r: (typeof both)[number]) => {
    const names = namesOf.get(r);
    if (!names) return [];
    return [
      {
        id: r.id,
        child_id: r.child_id,
        stage: r.stage,
        request_received: r.request_received,
        request_method: r.request_method,
        requested_by: r.requested_by,
        next_step: r.next_step,
        officer_id: r.officer_id,
        reference: names.reference,
        given_name: names.given_name,
        family_name: names.family_name,
        officer_name: names.officer_name,
        next: r.next_step ? (stepById(caseTimeline(facts.get(r.id)!, today), r.next_step) ?? null) : null,
        adviceLabels: agencyLabels(facts.get(r.id)!),
      },
    ];
  };
  return {
    officers: officers.map((o) => ({
      ...o,
      open_cases: Number(counts.byOfficer.get(o.id)?.open_cases ?? 0),
      overdue_cases: Number(counts.byOfficer.get(o.id)?.overdue_cases ?? 0),
    })),
    unallocated: unallocated.flatMap(rowOf),
    unallocatedTotal: counts.unallocated,
    due: due.flatMap(rowOf),
    overdueTotal: counts.overdue,
    soonTotal: counts.soon,
  };
}
