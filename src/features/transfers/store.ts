/**
 * The only code that names the transfers feature's tables in SQL (migration 0048): the preferences a family states
 * for a child's next phase, and where a child goes when that changes the law's date. Setting names come from the
 * core records (src/platform/people), never joined here.
 */
import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../platform/audit/audit.ts';
import { idIn } from '../../platform/db/any-id.ts';
import type {
  TransferCohortTable,
  TransferDestinationTable,
  TransferNoticeTable,
  TransferPreferenceTable,
} from '../../platform/db/schema/index.ts';

export type TransferPreferenceRow = Awaited<ReturnType<typeof preferencesOfChild>>[number];
export type TransferDestinationRow = NonNullable<Awaited<ReturnType<typeof destinationOf>>>;

/** A child's preferences for the cohort of one school year, in the order received. */
export function preferencesOfChild(db: Executor, laCode: string, childId: string, schoolYear: number) {
  return db
    .selectFrom('transfer_preference')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .where('school_year', '=', schoolYear)
    .orderBy('received')
    .orderBy('created_at')
    .execute();
}

/** Records a preference; a setting already asked for this child and year is not recorded twice (undefined). */
export async function insertTransferPreference(
  db: Executor,
  row: Insertable<TransferPreferenceTable>,
): Promise<string | undefined> {
  const made = await db
    .insertInto('transfer_preference')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['la_code', 'child_id', 'school_year', 'setting_id'])
        .where('setting_id', 'is not', null)
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return made?.id;
}

/** For the board: these children's preferences for the year, received on or after `since`. */
export function transferPreferencesFor(
  db: Executor,
  laCode: string,
  childIds: readonly string[],
  schoolYear: number,
  since: string,
): Promise<Array<{ child_id: string; received: string }>> {
  if (childIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('transfer_preference')
    .select(['child_id', 'received'])
    .where('la_code', '=', laCode)
    .where(idIn('child_id', childIds))
    .where('school_year', '=', schoolYear)
    .where('received', '>=', since)
    .execute();
}

export function destinationOf(db: Executor, laCode: string, childId: string, schoolYear: number) {
  return db
    .selectFrom('transfer_destination')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .where('school_year', '=', schoolYear)
    .executeTakeFirst();
}

/** Every destination recorded for the year's cohort (a few per authority: only where the law's date changes). */
export function destinationsOfYear(db: Executor, laCode: string, schoolYear: number) {
  return db
    .selectFrom('transfer_destination')
    .select(['child_id', 'destination', 'move_date'])
    .where('la_code', '=', laCode)
    .where('school_year', '=', schoolYear)
    .execute();
}

/** Records (or corrects) where the child goes; returns the row as it was before, if any. */
export async function saveDestination(
  db: Executor,
  row: Insertable<TransferDestinationTable>,
): Promise<TransferDestinationRow | undefined> {
  const before = await destinationOf(db, row.la_code, row.child_id, row.school_year);
  await db
    .insertInto('transfer_destination')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['la_code', 'child_id', 'school_year']).doUpdateSet({
        destination: row.destination,
        move_date: row.move_date ?? null,
        recorded_on: row.recorded_on,
        recorded_by: row.recorded_by ?? null,
        updated_at: new Date(),
      }),
    )
    .execute();
  return before;
}

/** The children whose family was told of the year's cohort (transfer_notice). */
export async function childrenTold(db: Executor, laCode: string, schoolYear: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('transfer_notice')
    .select('child_id')
    .where('la_code', '=', laCode)
    .where('school_year', '=', schoolYear)
    .execute();
  return new Set(rows.map((r) => r.child_id));
}

/** Records that the family was told; false if they already were this year. */
export async function insertNotice(db: Executor, row: Insertable<TransferNoticeTable>): Promise<boolean> {
  const made = await db
    .insertInto('transfer_notice')
    .values(row)
    .onConflict((oc) => oc.columns(['la_code', 'child_id', 'school_year']).doNothing())
    .returning('child_id')
    .executeTakeFirst();
  return made !== undefined;
}

// ---- The cohort as the board reads it (migration 0056, ADR 0033)

export type CohortTableRow = Insertable<TransferCohortTable>;

/** The day the year's cohort was last derived whole and the last audit entry seen; `lock` holds it for a refresh. */
export function cohortState(db: Executor, laCode: string, schoolYear: number, lock = false) {
  const q = db
    .selectFrom('transfer_cohort_state')
    .select(['derived_on', 'audit_seen'])
    .where('la_code', '=', laCode)
    .where('school_year', '=', schoolYear);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

export async function saveCohortState(
  db: Executor,
  laCode: string,
  schoolYear: number,
  derivedOn: string,
  auditSeen: number,
): Promise<void> {
  await db
    .insertInto('transfer_cohort_state')
    .values({ la_code: laCode, school_year: schoolYear, derived_on: derivedOn, audit_seen: auditSeen })
    .onConflict((oc) =>
      oc.columns(['la_code', 'school_year']).doUpdateSet({ derived_on: derivedOn, audit_seen: auditSeen }),
    )
    .execute();
}

/**
 * The children of the year's kept cohort whose row may change only because the day moved on (ADR 0033): the legal
 * deadline passed without the plan named (the stage becomes late), a proposal out (what must happen next changes when
 * the family's 15 days end), a move on a date of its own (reg 18(2)). Everything else in a row is fixed by its facts
 * and the school year; the urgency is read from the next step's day (service.ts).
 */
export async function cohortDayChildren(
  db: Executor,
  laCode: string,
  schoolYear: number,
  today: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('transfer_cohort')
    .select('child_id')
    .where('la_code', '=', laCode)
    .where('school_year', '=', schoolYear)
    .where((eb) =>
      eb.or([
        eb('stage', '=', 'proposal-sent'),
        eb.and([eb('deadline', '<', today), eb('stage', 'not in', ['named', 'late'])]),
      ]),
    )
    .execute();
  const movers = await db
    .selectFrom('transfer_destination')
    .select('child_id')
    .where('la_code', '=', laCode)
    .where('school_year', '=', schoolYear)
    .where('move_date', 'is not', null)
    .execute();
  return [...rows, ...movers].map((r) => r.child_id);
}

/** The children of the year's kept cohort these officers lead (an officer's account changed). */
export async function cohortChildrenOfOfficers(
  db: Executor,
  laCode: string,
  schoolYear: number,
  officerIds: readonly string[],
): Promise<string[]> {
  if (!officerIds.length) return [];
  const rows = await db
    .selectFrom('transfer_cohort')
    .select('child_id')
    .where('la_code', '=', laCode)
    .where('school_year', '=', schoolYear)
    .where(idIn('officer_id', officerIds))
    .execute();
  return rows.map((r) => r.child_id);
}

/** Moves the last audit entry seen on to `auditSeen`, unless the day changed or another reading moved it further. */
export async function advanceCohortState(
  db: Executor,
  laCode: string,
  schoolYear: number,
  derivedOn: string,
  auditSeen: number,
): Promise<void> {
  await db
    .updateTable('transfer_cohort_state')
    .set({ audit_seen: auditSeen })
    .where('la_code', '=', laCode)
    .where('school_year', '=', schoolYear)
    .where('derived_on', '=', derivedOn)
    .where('audit_seen', '<', auditSeen)
    .execute();
}

/**
 * Replaces the year's cohort rows: all of them (`childIds` undefined; earlier years' rows go too), or those of these
 * children, with `rows`.
 */
export async function replaceCohortRows(
  db: Executor,
  laCode: string,
  schoolYear: number,
  rows: readonly CohortTableRow[],
  childIds?: readonly string[],
): Promise<void> {
  let del = db.deleteFrom('transfer_cohort').where('la_code', '=', laCode);
  del = childIds
    ? del.where('school_year', '=', schoolYear).where(idIn('child_id', childIds))
    : del.where('school_year', '<=', schoolYear);
  if (!childIds || childIds.length) await del.execute();
  for (let i = 0; i < rows.length; i += 500) {
    // Two first readings of the day deriving at once: the later one's rows win.
    await db
      .insertInto('transfer_cohort')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.columns(['la_code', 'school_year', 'child_id']).doUpdateSet((eb) => ({
          as_of: eb.ref('excluded.as_of'),
          reference: eb.ref('excluded.reference'),
          given_name: eb.ref('excluded.given_name'),
          family_name: eb.ref('excluded.family_name'),
          setting_id: eb.ref('excluded.setting_id'),
          setting_name: eb.ref('excluded.setting_name'),
          officer_id: eb.ref('excluded.officer_id'),
          officer_name: eb.ref('excluded.officer_name'),
          deadline: eb.ref('excluded.deadline'),
          stage: eb.ref('excluded.stage'),
          next_by: eb.ref('excluded.next_by'),
          told: eb.ref('excluded.told'),
          detail: eb.ref('excluded.detail'),
        })),
      )
      .execute();
  }
}

/**
 * Fresh planner statistics for the kept cohort, after it was derived whole (docs/national-scale.md): the board's
 * statement is planned from them, and a table analysed before it was filled (the planner expecting 1 row, where
 * LA 101 has 3,538) made the board 205 ms p95 where it is 52 ms with them. Autovacuum would analyse it later, or
 * never where it is off; a refill of every row is exactly when its statistics go stale. ANALYZE may run inside the
 * refill's transaction (it counts that transaction's own rows) on both engines.
 */
export async function analyzeCohort(db: Executor): Promise<void> {
  await sql`analyze transfer_cohort, transfer_cohort_state`.execute(db);
}

/** What a board filter names, in SQL terms (each count on the board is one). */
export interface CohortFilter {
  readonly deadline?: string | undefined;
  readonly stage?: string | undefined;
  readonly school?: string | undefined;
  /** 'none' for children with no lead officer. */
  readonly officer?: string | undefined;
  readonly week?: 'overdue' | 'this-week' | 'due' | undefined;
}

/** The filter as one SQL condition (the list only narrows: no filter, every child). */
function filterCondition(today: string, weekEnd: string, f: CohortFilter) {
  const conds = [sql`true`];
  if (f.deadline) conds.push(sql`deadline = ${f.deadline}`);
  if (f.stage) conds.push(sql`stage = ${f.stage}`);
  if (f.school) conds.push(sql`setting_id = ${f.school}`);
  if (f.officer === 'none') conds.push(sql`officer_id is null`);
  else if (f.officer) conds.push(sql`officer_id = ${f.officer}`);
  if (f.week === 'overdue') conds.push(sql`next_by < ${today}`);
  if (f.week === 'this-week') conds.push(sql`next_by >= ${today} and next_by <= ${weekEnd}`);
  if (f.week === 'due') conds.push(sql`next_by <= ${weekEnd}`);
  return sql.join(conds, sql` and `);
}

export interface CohortBoardRead {
  /** The year's state (transfer_cohort_state), undefined when the year is not kept yet. */
  readonly state: { derived_on: string; audit_seen: string | number } | undefined;
  /** The narrow columns of every child of the year's cohort (cohortTallyRows). */
  readonly tallies: Awaited<ReturnType<typeof cohortTallyRows>>;
  /** How many children the filter names, the page shown (past the last page: the last) and its rows' `detail`. */
  readonly total: number;
  readonly page: number;
  readonly details: unknown[];
}

/**
 * The whole board's reading in one statement (issue 13: the board's time under load was its round trips, not its
 * SQL): the year's state, the narrow columns of its rows, how many the filter names, and the `detail` of only the
 * page's rows (filtered, most urgent first: next step's day, nulls last, family name, child; read in that order from
 * the index `transfer_cohort_next`, so only the page's 25 rows are sorted again to number them), the page number
 * kept within the pages there are. Replaces three statements (the state, the narrow columns, the page).
 */
export async function cohortBoardRead(
  db: Executor,
  laCode: string,
  schoolYear: number,
  today: string,
  weekEnd: string,
  f: CohortFilter,
  page: number,
  pageSize: number,
): Promise<CohortBoardRead> {
  type Row = Awaited<ReturnType<typeof cohortTallyRows>>[number] & {
    derived_on: string | null;
    audit_seen: string | number | null;
    total: string | number;
    at: number;
    child_id: string | null;
    ord: string | number | null;
    detail: unknown;
  };
  const { rows } = await sql<Row>`
    with t as (
      select child_id, deadline, stage, setting_id, setting_name, officer_id, officer_name, next_by, told,
        (${filterCondition(today, weekEnd, f)}) as hit
      from transfer_cohort where la_code = ${laCode} and school_year = ${schoolYear}
    ),
    n as (
      select count(*) filter (where hit) as total,
        least(${page}::int, greatest(1, ceil(count(*) filter (where hit) / ${pageSize}::numeric)))::int as at
      from t
    ),
    p as (
      select child_id, detail, row_number() over (order by next_by, family_name, child_id) as ord from (
        select child_id, detail, next_by, family_name from transfer_cohort
        where la_code = ${laCode} and school_year = ${schoolYear} and (${filterCondition(today, weekEnd, f)})
        order by next_by, family_name, child_id
        limit ${pageSize}::int offset (select (at - 1) * ${pageSize}::int from n)
      ) page
    )
    select s.derived_on, s.audit_seen, n.total, n.at, t.child_id, t.deadline, t.stage, t.setting_id, t.setting_name,
      t.officer_id, t.officer_name, t.next_by, t.told, p.ord, p.detail
    from n
    left join transfer_cohort_state s on s.la_code = ${laCode} and s.school_year = ${schoolYear}
    left join t on true
    left join p on p.child_id = t.child_id
  `.execute(db);
  const first = rows[0];
  const cohort = rows.filter((r) => r.child_id !== null);
  return {
    state:
      first && first.derived_on !== null && first.audit_seen !== null
        ? { derived_on: first.derived_on, audit_seen: first.audit_seen }
        : undefined,
    tallies: cohort.map((r) => ({
      deadline: r.deadline,
      stage: r.stage,
      setting_id: r.setting_id,
      setting_name: r.setting_name,
      officer_id: r.officer_id,
      officer_name: r.officer_name,
      next_by: r.next_by,
      told: r.told,
    })),
    total: Number(first?.total ?? 0),
    page: first?.at ?? 1,
    details: cohort
      .filter((r) => r.ord !== null)
      .sort((a, b) => Number(a.ord) - Number(b.ord))
      .map((r) => r.detail),
  };
}

/**
 * What the board counts of each child of the year's cohort (narrow columns only: the rows' `detail` stays in the
 * table's TOAST, migration 0056): deadline, stage, setting, officer, the next step's latest day, whether told.
 * Counting these in the caller is cheaper than grouping in SQL (measured: docs/transfers.md).
 */
export function cohortTallyRows(db: Executor, laCode: string, schoolYear: number) {
  return db
    .selectFrom('transfer_cohort')
    .select([
      'deadline',
      'stage',
      'setting_id',
      'setting_name',
      'officer_id',
      'officer_name',
      'next_by',
      'told',
    ])
    .where('la_code', '=', laCode)
    .where('school_year', '=', schoolYear)
    .execute();
}
