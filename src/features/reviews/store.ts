/**
 * The reviews feature's store: its three tables (migration 0025) and nothing else. Other features' facts reach the
 * schedule through their public surfaces (service.ts); the backlog is ranked and paged here, in SQL, on
 * plan_review_schedule alone, in the order src/domain/review/backlog.ts defines.
 */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../../platform/audit/audit.ts';
import type {
  PlanReviewEarlyRequestTable,
  PlanReviewScheduleTable,
  PlanReviewTable,
  PlanReviewTransferInTable,
} from '../../platform/db/schema/index.ts';
import { idIn } from '../../platform/db/any-id.ts';

export type ReviewRow = Selectable<PlanReviewTable>;
export type ScheduleRow = Selectable<PlanReviewScheduleTable>;
export type EarlyRequestRow = Selectable<PlanReviewEarlyRequestTable>;
export type NewSchedule = Insertable<PlanReviewScheduleTable>;

/** Every review of the plans named (or of the authority), by plan and number. */
export function reviewsOf(db: Executor, laCode: string, planIds?: readonly string[]): Promise<ReviewRow[]> {
  if (planIds && planIds.length === 0) return Promise.resolve([]);
  let q = db.selectFrom('plan_review').selectAll().where('la_code', '=', laCode);
  if (planIds) q = q.where('plan_id', 'in', planIds);
  return q.orderBy('plan_id').orderBy('number').execute();
}

export function reviewById(db: Executor, laCode: string, id: string): Promise<ReviewRow | undefined> {
  return db
    .selectFrom('plan_review')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertReview(trx: Executor, row: Insertable<PlanReviewTable>): Promise<ReviewRow> {
  return trx.insertInto('plan_review').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates a review's dated steps; the caller has checked the move (src/domain/review/lifecycle.ts). */
export async function updateReview(
  trx: Executor,
  laCode: string,
  id: string,
  change: Partial<
    Pick<
      ReviewRow,
      | 'meeting_date'
      | 'invitations_sent'
      | 'advice_circulated'
      | 'held'
      | 'report_sent'
      | 'decision'
      | 'decision_date'
      | 'arranged_by'
    >
  >,
): Promise<ReviewRow> {
  return trx
    .updateTable('plan_review')
    .set({ ...change, updated_at: new Date() })
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function earlyRequestsOf(db: Executor, laCode: string, planId: string): Promise<EarlyRequestRow[]> {
  return db
    .selectFrom('plan_review_early_request')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('plan_id', '=', planId)
    .orderBy('requested_on', 'desc')
    .execute();
}

export async function insertEarlyRequest(
  trx: Executor,
  row: Insertable<PlanReviewEarlyRequestTable>,
): Promise<EarlyRequestRow> {
  return trx.insertInto('plan_review_early_request').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function linkEarlyRequest(trx: Executor, laCode: string, requestId: string, reviewId: string) {
  await trx
    .updateTable('plan_review_early_request')
    .set({ review_id: reviewId })
    .where('la_code', '=', laCode)
    .where('id', '=', requestId)
    .execute();
}

export function scheduleOf(db: Executor, laCode: string, planId: string): Promise<ScheduleRow | undefined> {
  return db
    .selectFrom('plan_review_schedule')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('plan_id', '=', planId)
    .executeTakeFirst();
}

/** The schedule rows of these plans (those that have one). */
export function schedulesOf(
  db: Executor,
  laCode: string,
  planIds: readonly string[],
): Promise<ScheduleRow[]> {
  if (planIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('plan_review_schedule')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('plan_id', 'in', planIds)
    .execute();
}

/** The plans of these children that have a schedule row. */
/** A child's plans in force with their next review (the child's record links to them). */
export function scheduleOfChild(db: Executor, laCode: string, childId: string) {
  return db
    .selectFrom('plan_review_schedule')
    .select(['plan_id', 'next_due', 'open_review_id'])
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .orderBy('plan_id')
    .execute();
}

export async function schedulePlansOfChildren(
  db: Executor,
  laCode: string,
  childIds: readonly string[],
): Promise<string[]> {
  if (childIds.length === 0) return [];
  const rows = await db
    .selectFrom('plan_review_schedule')
    .select('plan_id')
    .where('la_code', '=', laCode)
    .where('child_id', 'in', childIds)
    .execute();
  return rows.map((r) => r.plan_id);
}

/**
 * Fresh planner statistics for the schedule, after the nightly refresh replaced every authority's rows
 * (docs/national-scale.md): the backlog and the home pages' counts are planned from them. Autovacuum may be late or off.
 */
export async function analyzeSchedules(db: Executor): Promise<void> {
  await sql`analyze plan_review_schedule`.execute(db);
}

/**
 * Writes the schedule rows given (insert or replace) and, for a full refresh (`planIds` undefined), deletes the rows
 * of plans not given (no longer final, or ceased); for a partial one, deletes the named plans' rows not given.
 */
export async function saveSchedules(
  trx: Executor,
  laCode: string,
  rows: readonly NewSchedule[],
  planIds?: readonly string[],
): Promise<void> {
  const kept = new Set(rows.map((r) => r.plan_id));
  if (planIds) {
    const gone = planIds.filter((id) => !kept.has(id));
    if (gone.length > 0) {
      await trx
        .deleteFrom('plan_review_schedule')
        .where('la_code', '=', laCode)
        .where('plan_id', 'in', gone)
        .execute();
    }
  } else {
    await trx.deleteFrom('plan_review_schedule').where('la_code', '=', laCode).execute();
  }
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('plan_review_schedule')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.columns(['la_code', 'plan_id']).doUpdateSet((eb) => ({
          child_id: eb.ref('excluded.child_id'),
          first_issued: eb.ref('excluded.first_issued'),
          next_number: eb.ref('excluded.next_number'),
          next_due: eb.ref('excluded.next_due'),
          basis: eb.ref('excluded.basis'),
          counted_from: eb.ref('excluded.counted_from'),
          open_review_id: eb.ref('excluded.open_review_id'),
          stage: eb.ref('excluded.stage'),
          officer_id: eb.ref('excluded.officer_id'),
          setting_id: eb.ref('excluded.setting_id'),
          setting_name: eb.ref('excluded.setting_name'),
          phase_transfer_deadline: eb.ref('excluded.phase_transfer_deadline'),
          not_in_full_time_education: eb.ref('excluded.not_in_full_time_education'),
          out_of_area_or_independent: eb.ref('excluded.out_of_area_or_independent'),
          looked_after: eb.ref('excluded.looked_after'),
          quality_grade: eb.ref('excluded.quality_grade'),
          refreshed_on: eb.ref('excluded.refreshed_on'),
        })),
      )
      .execute();
  }
}

export interface BacklogQuery {
  readonly laCode: string;
  /** Today: a plan is in the backlog when its next review is due on or before asOf + 56 days. */
  readonly asOf: string;
  readonly officerId?: string | null;
  readonly settingId?: string | null;
  readonly stage?: ScheduleRow['stage'] | null;
  readonly limit: number;
  readonly offset: number;
}

/** The backlog's last day: due within 8 weeks of asOf (src/domain/review/backlog.ts `inBacklog`). */
function horizon(asOf: string) {
  return sql<string>`(cast(${asOf} as date) + 56)`;
}

/**
 * One page of the backlog, ranked in SQL by the keys of `compareBacklog` (src/domain/review/backlog.ts): phase
 * transfer (soonest deadline first), not in full-time education, out of area or independent, looked after, quality
 * inadequate or requires improvement, then the earliest due (the most overdue), then the plan id. And the total.
 */
export async function backlogPage(
  db: Executor,
  q: BacklogQuery,
): Promise<{ rows: ScheduleRow[]; total: number }> {
  let base = db
    .selectFrom('plan_review_schedule')
    .where('la_code', '=', q.laCode)
    .where('next_due', '<=', horizon(q.asOf));
  if (q.officerId) base = base.where('officer_id', '=', q.officerId);
  if (q.settingId) base = base.where('setting_id', '=', q.settingId);
  if (q.stage) base = base.where('stage', '=', q.stage);
  const rows = await base
    .selectAll()
    .orderBy(sql`phase_transfer_deadline is null`)
    .orderBy('phase_transfer_deadline')
    .orderBy(sql`coalesce(not_in_full_time_education, false) desc`)
    .orderBy('out_of_area_or_independent', 'desc')
    .orderBy('looked_after', 'desc')
    .orderBy(sql`coalesce(quality_grade in ('inadequate', 'requires-improvement'), false) desc`)
    .orderBy('next_due')
    .orderBy('plan_id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/** Counts for a caseworker's first screen: their plans' reviews overdue, and due within the 7 days from asOf. */
export async function dueCounts(
  db: Executor,
  laCode: string,
  asOf: string,
  officerId: string | null,
): Promise<{ overdue: number; thisWeek: number }> {
  let q = db
    .selectFrom('plan_review_schedule')
    .select((eb) => [
      eb.fn
        .countAll<string>()
        .filterWhere('next_due', '<', sql<string>`cast(${asOf} as date)`)
        .as('overdue'),
      eb.fn
        .countAll<string>()
        .filterWhere('next_due', '>=', sql<string>`cast(${asOf} as date)`)
        .filterWhere('next_due', '<=', sql<string>`(cast(${asOf} as date) + 6)`)
        .as('week'),
    ])
    .where('la_code', '=', laCode)
    // Only the rows counted: a range on the (officer and) due date index, not every plan of the officer.
    .where('next_due', '<=', sql<string>`(cast(${asOf} as date) + 6)`);
  if (officerId) q = q.where('officer_id', '=', officerId);
  const r = await q.executeTakeFirstOrThrow();
  return { overdue: Number(r.overdue), thisWeek: Number(r.week) };
}

/**
 * Each officer's plans in the backlog (due within 8 weeks of asOf, or overdue) and overdue: the team's caseloads.
 * Given officers, only theirs (a team's, by the `(la_code, officer_id, next_due)` index), not every officer's.
 */
export async function officerLoads(
  db: Executor,
  laCode: string,
  asOf: string,
  officerIds?: readonly string[],
): Promise<Array<{ officer_id: string; due: number; overdue: number }>> {
  if (officerIds && !officerIds.length) return [];
  let q = db
    .selectFrom('plan_review_schedule')
    .select((eb) => [
      'officer_id',
      eb.fn.countAll<string>().as('due'),
      eb.fn
        .countAll<string>()
        .filterWhere('next_due', '<', sql<string>`cast(${asOf} as date)`)
        .as('overdue'),
    ])
    .where('la_code', '=', laCode)
    .where('next_due', '<=', horizon(asOf))
    .where('officer_id', 'is not', null)
    .groupBy('officer_id');
  if (officerIds) q = q.where('officer_id', 'in', officerIds);
  const rows = await q.execute();
  return rows.map((r) => ({ officer_id: r.officer_id!, due: Number(r.due), overdue: Number(r.overdue) }));
}

/** Many reviews at once (the demo). */
export async function insertReviews(
  trx: Executor,
  rows: readonly Insertable<PlanReviewTable>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('plan_review')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

/**
 * The settings the schedule names (the backlog's school filter; with backlogAsOf, those with a plan in the backlog),
 * by name.
 */
export async function scheduleSettings(
  db: Executor,
  laCode: string,
  backlogAsOf?: string,
): Promise<{ id: string; name: string }[]> {
  let q = db
    .selectFrom('plan_review_schedule')
    .select(['setting_id', 'setting_name'])
    .distinct()
    .where('la_code', '=', laCode)
    .where('setting_id', 'is not', null);
  // Only the settings with a plan in the backlog: every choice finds a review, and fewer rows are read.
  if (backlogAsOf) q = q.where('next_due', '<=', horizon(backlogAsOf));
  const rows = await q.orderBy('setting_name').execute();
  return rows.map((r) => ({ id: r.setting_id!, name: r.setting_name ?? '' }));
}

/** An officer's plans whose review is overdue or due within the 7 days from asOf, most overdue first. */
export function dueThisWeek(
  db: Executor,
  laCode: string,
  asOf: string,
  officerId: string | null,
  limit: number,
): Promise<ScheduleRow[]> {
  let q = db
    .selectFrom('plan_review_schedule')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('next_due', '<=', sql<string>`(cast(${asOf} as date) + 6)`);
  if (officerId) q = q.where('officer_id', '=', officerId);
  return q.orderBy('next_due').orderBy('plan_id').limit(limit).execute();
}

export type TransferInRow = Selectable<PlanReviewTransferInTable>;

/** The plans named (or all the authority's) that were transferred in, by plan. */
export async function transfersIn(
  db: Executor,
  laCode: string,
  planIds?: readonly string[],
): Promise<Map<string, TransferInRow>> {
  if (planIds && planIds.length === 0) return new Map();
  let q = db.selectFrom('plan_review_transfer_in').selectAll().where('la_code', '=', laCode);
  if (planIds) q = q.where('plan_id', 'in', planIds);
  return new Map((await q.execute()).map((r) => [r.plan_id, r]));
}

/** Records (or corrects) a plan's transfer in. */
export async function saveTransferIn(
  trx: Executor,
  row: Insertable<PlanReviewTransferInTable>,
): Promise<void> {
  await trx
    .insertInto('plan_review_transfer_in')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['la_code', 'plan_id']).doUpdateSet((eb) => ({
        transferred_on: eb.ref('excluded.transferred_on'),
        from_authority: eb.ref('excluded.from_authority'),
        notice_sent: eb.ref('excluded.notice_sent'),
        proposes_reassessment: eb.ref('excluded.proposes_reassessment'),
        recorded_by: eb.ref('excluded.recorded_by'),
      })),
    )
    .execute();
}

/** A held review the leaders' figures count, with what its items need (docs/figures.md). */
export interface HeldReviewForFigures {
  readonly id: string;
  readonly plan_id: string;
  readonly child_id: string;
  /** The day the plan's first 12 months began (its schedule). */
  readonly first_issued: string;
  readonly held: string;
  /** The plan's meeting before this one (held by the day), if any: the next 12 months run from it. */
  readonly previous_held: string | null;
  readonly decision: PlanReviewTable['decision'];
  readonly decision_date: string | null;
}

/**
 * The held reviews the leaders' figures count as of `asOf` (docs/figures.md, ADR 0059), worked out in SQL so only the
 * rows the figures count leave the database: each meeting held by `asOf` of a plan first issued by then (its
 * schedule), with the plan's meeting before it (in meeting order: held, then number), leaving out every meeting after
 * the plan's first decision to cease sent by `asOf` (its reviews end there), and only those whose meeting or decision
 * falls from `since` (the figures' 24 months) to `asOf`. In each plan's meeting order. Plans with no schedule row are
 * left out. The items and their due dates are the clock's (src/domain/figures `heldReviewItems`), not restated here.
 */
export async function heldReviewsForFigures(
  db: Executor,
  laCode: string,
  since: string,
  asOf: string,
): Promise<HeldReviewForFigures[]> {
  // The plan's reviews end at its first decision to cease sent by the day (in meeting order): few rows, hashed once.
  const result = await sql<HeldReviewForFigures>`with ceased as (
      select distinct on (plan_id) plan_id, held, number from plan_review
      where la_code = ${laCode} and decision = 'cease' and decision_date <= ${asOf}::date and held <= ${asOf}::date
      order by plan_id, held, number)
    select h.id, h.plan_id, h.child_id, h.first_issued::text as first_issued, h.held::text as held,
      h.previous_held::text as previous_held, h.decision, h.decision_date::text as decision_date
    from (select r.id, r.plan_id, r.child_id, s.first_issued, r.held, r.number, r.decision, r.decision_date,
        lag(r.held) over (partition by r.plan_id order by r.held, r.number) as previous_held
      from plan_review r join plan_review_schedule s on s.la_code = r.la_code and s.plan_id = r.plan_id
      where r.la_code = ${laCode} and r.held <= ${asOf}::date and s.first_issued <= ${asOf}::date) h
    left join ceased c on c.plan_id = h.plan_id
    where (c.plan_id is null or (h.held, h.number) <= (c.held, c.number))
      and (h.held >= ${since}::date or h.decision_date between ${since}::date and ${asOf}::date)
    order by h.plan_id, h.held, h.number`.execute(db);
  return result.rows;
}

/** For the phase-transfer board (docs/transfers.md): the review meetings held on or after `since` for these children. */
export function reviewsHeldForTransfers(
  db: Executor,
  laCode: string,
  childIds: readonly string[],
  since: string,
): Promise<Array<{ child_id: string; held: string }>> {
  if (childIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('plan_review')
    .select(['child_id', 'held'])
    .where('la_code', '=', laCode)
    .where(idIn('child_id', childIds))
    .where('held', '>=', since)
    .orderBy('held')
    .execute() as Promise<Array<{ child_id: string; held: string }>>;
}
