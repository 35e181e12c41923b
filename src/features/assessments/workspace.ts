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
import { loadFacts } from './store.ts';
import { STAFF, TEAM_READERS } from './service.ts';

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
  if (filters.need) {
    const need = filters.need;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('child as nc')
          .select('nc.id')
          .whereRef('nc.la_code', '=', 'a.la_code')
          .whereRef('nc.id', '=', 'a.child_id')
          .where('nc.primary_need', '=', need),
      ),
    );
  }
  if (filters.setting) {
    const setting = filters.setting;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('child_setting as cs')
          .select('cs.id')
          .whereRef('cs.la_code', '=', 'a.la_code')
          .whereRef('cs.child_id', '=', 'a.child_id')
          .where('cs.setting_id', '=', setting)
          .where('cs.end_date', 'is', null),
      ),
    );
  }
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(n);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, filters.page), pages);
  // Page first (on the index of the clock's due dates), then the few joins for the rows shown.
  const rows = await query
    .innerJoin('child as c', (j) => j.onRef('c.la_code', '=', 'a.la_code').onRef('c.id', '=', 'a.child_id'))
    .innerJoin('team as t', (j) => j.onRef('t.la_code', '=', 'a.la_code').onRef('t.id', '=', 'a.team_id'))
    .leftJoin('app_user as o', (j) =>
      j.onRef('o.la_code', '=', 'a.la_code').onRef('o.id', '=', 'a.officer_id'),
    )
    .select([
      'a.id',
      'a.child_id',
      'a.stage',
      'a.request_received',
      'a.next_step',
      'c.reference',
      'c.given_name',
      'c.family_name',
      'c.primary_need',
      'o.display_name as officer_name',
      't.name as team_name',
    ])
    // Most urgent first: the earliest statutory due date not yet met.
    .orderBy(sql`a.next_due asc nulls last`)
    .orderBy('a.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const facts = await loadFacts(
    db,
    actor.laCode,
    rows.map((r) => r.id),
  );
  const settingOf = new Map<string, string>();
  if (rows.length) {
    const settings = await db
      .selectFrom('child_setting as cs')
      .innerJoin('setting as s', (j) =>
        j.onRef('s.la_code', '=', 'cs.la_code').onRef('s.id', '=', 'cs.setting_id'),
      )
      .select(['cs.child_id', 's.name'])
      .where('cs.la_code', '=', actor.laCode)
      .where(
        'cs.child_id',
        'in',
        rows.map((r) => r.child_id),
      )
      .where('cs.end_date', 'is', null)
      .orderBy('cs.start_date', 'desc')
      .execute();
    for (const st of settings) if (!settingOf.has(st.child_id)) settingOf.set(st.child_id, st.name);
  }
  const result: WorkspaceRow[] = rows.map((r) => {
    const timeline = caseTimeline(facts.get(r.id)!, today);
    const { next_step, ...rest } = r;
    return {
      ...rest,
      setting_name: settingOf.get(r.child_id) ?? null,
      next: next_step ? (stepById(timeline, next_step) ?? null) : null,
      adviceLabels: agencyLabels(facts.get(r.id)!),
    };
  });
  return { rows: result, total, page, pages };
}

/** The team manager's view: unallocated requests, caseloads and the team's overdue and coming steps. */
export async function managerView(db: Executor, actor: Actor, today: string) {
  requireRole(actor, TEAM_READERS, 'assessment.team');
  const officers = await db
    .selectFrom('app_user as u')
    .select([
      'u.id',
      'u.display_name',
      'u.job_title',
      'u.active',
      'u.role',
      (eb) =>
        eb
          .selectFrom('assessment_case as a')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('a.la_code', '=', 'u.la_code')
          .whereRef('a.officer_id', '=', 'u.id')
          .where('a.is_open', '=', true)
          .as('open_cases'),
      (eb) =>
        eb
          .selectFrom('assessment_case as a')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('a.la_code', '=', 'u.la_code')
          .whereRef('a.officer_id', '=', 'u.id')
          .where('a.is_open', '=', true)
          .where('a.next_due', '<', today)
          .as('overdue_cases'),
    ])
    .where('u.la_code', '=', actor.laCode)
    .where('u.role', 'in', ['caseworker', 'team-manager'])
    .$if(actor.teamId !== null, (q) => q.where('u.team_id', '=', actor.teamId!))
    .orderBy('u.display_name')
    .execute();
  const scoped = db
    .selectFrom('assessment_case as a')
    .innerJoin('child as c', (j) => j.onRef('c.la_code', '=', 'a.la_code').onRef('c.id', '=', 'a.child_id'))
    .where('a.la_code', '=', actor.laCode)
    .where('a.is_open', '=', true)
    .$if(actor.teamId !== null, (q) => q.where('a.team_id', '=', actor.teamId!));
  const columns = [
    'a.id',
    'a.child_id',
    'a.stage',
    'a.request_received',
    'a.request_method',
    'a.requested_by',
    'a.next_step',
    'a.officer_id',
    'c.reference',
    'c.given_name',
    'c.family_name',
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
    .leftJoin('app_user as o', (j) =>
      j.onRef('o.la_code', '=', 'a.la_code').onRef('o.id', '=', 'a.officer_id'),
    )
    .select([...columns, 'o.display_name as officer_name'])
    .orderBy('a.next_due')
    .orderBy('a.id')
    .limit(25)
    .execute();
  // The three counts in one query on the open cases' index alone (every case has its child: no join needed).
  const counts = await db
    .selectFrom('assessment_case as a')
    .where('a.la_code', '=', actor.laCode)
    .where('a.is_open', '=', true)
    .$if(actor.teamId !== null, (q) => q.where('a.team_id', '=', actor.teamId!))
    .select([
      sql<number>`count(*) filter (where a.officer_id is null)`.as('unallocated'),
      sql<number>`count(*) filter (where a.next_due < ${today})`.as('overdue'),
      sql<number>`count(*) filter (where a.next_due >= ${today} and a.next_due <= ${plusDays(today, 14)})`.as(
        'soon',
      ),
    ])
    .executeTakeFirstOrThrow();
  const facts = await loadFacts(
    db,
    actor.laCode,
    [...unallocated, ...due].map((r) => r.id),
  );
  const withStep = <R extends { id: string; next_step: string | null }>(r: R) => ({
    ...r,
    next: r.next_step ? (stepById(caseTimeline(facts.get(r.id)!, today), r.next_step) ?? null) : null,
    adviceLabels: agencyLabels(facts.get(r.id)!),
  });
  return {
    officers: officers.map((o) => ({
      ...o,
      open_cases: Number(o.open_cases),
      overdue_cases: Number(o.overdue_cases),
    })),
    unallocated: unallocated.map(withStep),
    unallocatedTotal: Number(counts.unallocated),
    due: due.map(withStep),
    overdueTotal: Number(counts.overdue),
    soonTotal: Number(counts.soon),
  };
}

/** Settings that children with open assessments attend (for the workspace filter). */
export async function workspaceSettings(db: Executor, laCode: string) {
  return db
    .selectFrom('setting')
    .select(['id', 'name'])
    .where('la_code', '=', laCode)
    .orderBy('name')
    .execute();
}

/** Officers a case can be given to. */
export async function officerChoices(db: Executor, laCode: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name', 'team_id'])
    .where('la_code', '=', laCode)
    .where('role', 'in', ['caseworker', 'team-manager'])
    .where('active', '=', true)
    .orderBy('display_name')
    .execute();
}
