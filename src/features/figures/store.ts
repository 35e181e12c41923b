/**
 * The only code that names figure_count and figure_item in SQL (migration 0046, ADR 0026): the job's count of every
 * figure as of a day, and the page's tallies of it, aggregated in SQL so a page reads a few hundred rows, not the
 * casework.
 */
import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../platform/audit/audit.ts';
import type { FigureItemTable } from '../../platform/db/schema/index.ts';

/** The breakdowns' key columns (one per dimension of src/domain/figures). */
export const KEY_COLUMNS = {
  team: 'k_team',
  school: 'k_school',
  need: 'k_need',
  ethnicity: 'k_ethnicity',
  age: 'k_age',
} as const;
export type KeyDimension = keyof typeof KEY_COLUMNS;

export type StoredItem = Omit<Insertable<FigureItemTable>, 'la_code' | 'count_id'>;

export interface CountRow {
  id: string;
  asOf: string;
  countedAt: Date;
  withPlan: number;
  notInEducationByMonth: Record<string, number>;
}

/** Items per insert (each column goes as one array parameter). */
const BATCH = 5000;

/** Every day's count is kept for this many days (ADR 0036); after that only the counts of months' last days. */
export const KEEP_EVERY_DAY = 92;
/** A month end's count is kept for this many months (the trend's 24, and one more). */
export const KEEP_MONTH_ENDS = 25;

/**
 * Fresh planner statistics for the kept counts, after the job replaced every authority's count of the day
 * (docs/national-scale.md): the figures page reads one count's items and tallies by their count, and a table analysed
 * when it held one count (or none) is planned as if every row were that count's. Autovacuum may be late or off.
 */
export async function analyzeCounts(db: Executor): Promise<void> {
  await sql`analyze figure_count, figure_item, figure_tally`.execute(db);
}

/**
 * Keeps a new count as of `asOf` (in the caller's transaction): the count, its items, and the page's tallies summed
 * from them in SQL (by group, by each breakdown, by month). It replaces that day's earlier count only: every other
 * day's count stays (ADR 0036), so a past day the job counted is read from its count. Counts older than
 * `KEEP_EVERY_DAY` days are deleted unless of a month's last day; those go after `KEEP_MONTH_ENDS` months. Returns
 * its id.
 */
export async function saveCount(
  trx: Executor,
  laCode: string,
  count: {
    asOf: string;
    /** Counts of days before this are deleted unless of a month's last day. */
    keepEveryDayFrom: string;
    /** Counts of days before this are deleted. */
    keepMonthEndsFrom: string;
    /** A day asked for that the rules above would not keep: kept until this day (ADR 0061); else null. */
    keptUntil: string | null;
    year: { from: string; to: string };
    months: { from: string; to: string };
    withPlan: number;
    notInEducationByMonth: Record<string, number>;
    items: readonly StoredItem[];
  },
): Promise<{ id: string; countedAt: Date }> {
  await trx
    .deleteFrom('figure_count')
    .where('la_code', '=', laCode)
    .where((eb) =>
      eb.or([
        eb('as_of', '=', count.asOf),
        // A day asked for is kept until its day (ADR 0061), whatever the usual rules say.
        eb('kept_until', '<', count.asOf),
        eb.and([
          eb('kept_until', 'is', null),
          eb.or([
            eb('as_of', '<', count.keepMonthEndsFrom),
            eb.and([
              eb('as_of', '<', count.keepEveryDayFrom),
              // Not a month's last day: the next day is in the same month.
              sql<boolean>`extract(month from as_of + 1) = extract(month from as_of)`,
            ]),
          ]),
        ]),
      ]),
    )
    .execute();
  const row = await trx
    .insertInto('figure_count')
    .values({
      la_code: laCode,
      as_of: count.asOf,
      with_plan: count.withPlan,
      not_in_education_by_month: JSON.stringify(count.notInEducationByMonth),
      items: count.items.length,
      kept_until: count.keptUntil,
    })
    .returning(['id', 'counted_at'])
    .executeTakeFirstOrThrow();
  for (let i = 0; i < count.items.length; i += BATCH) {
    const chunk = count.items.slice(i, i + BATCH);
    const column = <T>(pick: (item: StoredItem) => T) => chunk.map(pick);
    await sql`insert into figure_item (la_code, count_id, seq, measure, child_id, record_id, grp, day, due, met,
        exception, k_team, k_school, k_need, k_ethnicity, k_age)
      select ${laCode}, ${row.id}::uuid, * from unnest(${column((x) => x.seq)}::integer[],
        ${column((x) => x.measure)}::text[], ${column((x) => x.child_id)}::uuid[], ${column((x) => x.record_id)}::text[],
        ${column((x) => x.grp ?? null)}::text[], ${column((x) => x.day)}::date[], ${column((x) => x.due ?? null)}::date[],
        ${column((x) => x.met)}::boolean[], ${column((x) => x.exception)}::boolean[], ${column((x) => x.k_team)}::text[],
        ${column((x) => x.k_school)}::text[], ${column((x) => x.k_need)}::text[],
        ${column((x) => x.k_ethnicity)}::text[], ${column((x) => x.k_age)}::text[])`.execute(trx);
  }
  const summed = [
    ...(await tallies(trx, laCode, row.id, count.year, undefined)).map((r) => ({ ...r, dimension: '' })),
    ...(
      await Promise.all(
        (Object.keys(KEY_COLUMNS) as KeyDimension[]).map(async (by) =>
          (await tallies(trx, laCode, row.id, count.year, by)).map((r) => ({ ...r, dimension: by })),
        ),
      )
    ).flat(),
    ...(await monthTallies(trx, laCode, row.id, count.months)).map((r) => ({
      dimension: 'month',
      measure: r.measure,
      grp: null,
      key: r.month,
      counted: r.counted,
      met: r.met,
    })),
  ];
  for (let i = 0; i < summed.length; i += 1000)
    await trx
      .insertInto('figure_tally')
      .values(
        summed.slice(i, i + 1000).map((t, n) => ({
          la_code: laCode,
          count_id: row.id,
          seq: i + n,
          dimension: t.dimension,
          measure: t.measure,
          grp: t.grp,
          key: t.key,
          counted: t.counted,
          met: t.met,
        })),
      )
      .execute();
  return { id: row.id, countedAt: row.counted_at };
}

/** The count's tallies by group ('') and by month, and by the breakdown asked for: the page's every number. */
export async function storedTallies(
  db: Executor,
  laCode: string,
  countId: string,
  by: KeyDimension | undefined,
): Promise<
  Array<{
    dimension: string;
    measure: string;
    grp: string | null;
    key: string | null;
    counted: number;
    met: number;
  }>
> {
  return db
    .selectFrom('figure_tally')
    .select(['dimension', 'measure', 'grp', 'key', 'counted', 'met'])
    .where('la_code', '=', laCode)
    .where('count_id', '=', countId)
    .where('dimension', 'in', by ? ['', 'month', by] : ['', 'month'])
    .orderBy('seq')
    .execute();
}

/** The authority's count as of `asOf`, if the job has made one. */
export async function countAsOf(db: Executor, laCode: string, asOf: string): Promise<CountRow | null> {
  const row = await db
    .selectFrom('figure_count')
    .select(['id', 'as_of', 'counted_at', 'with_plan', 'not_in_education_by_month'])
    .where('la_code', '=', laCode)
    .where('as_of', '=', asOf)
    .executeTakeFirst();
  if (!row) return null;
  const months = row.not_in_education_by_month;
  return {
    id: row.id,
    asOf: row.as_of,
    countedAt: row.counted_at,
    withPlan: row.with_plan,
    notInEducationByMonth: (typeof months === 'string' ? JSON.parse(months) : months) as Record<
      string,
      number
    >,
  };
}

export interface TallyRow {
  measure: string;
  grp: string | null;
  key: string | null;
  counted: number;
  met: number;
}

/**
 * Each figure's items from `from` to `to` tallied by group or, when asked, by a breakdown's key (over every group):
 * the page's headlines, groups and breakdowns in one query.
 */
export async function tallies(
  db: Executor,
  laCode: string,
  countId: string,
  period: { from: string; to: string },
  by: KeyDimension | undefined,
): Promise<TallyRow[]> {
  const key = by ? sql.ref<string>(KEY_COLUMNS[by]) : sql<string | null>`null::text`;
  // A breakdown's numbers are per key, whatever the group: summed over the groups here, so the page reads one row a
  // figure and key (by school: a few hundred rows, not one per agency and school).
  const grp = by ? sql<string | null>`null::text` : sql.ref<string | null>('grp');
  const rows = await db
    .selectFrom('figure_item')
    .select([
      'measure',
      grp.as('grp'),
      key.as('key'),
      sql<string>`count(*)`.as('counted'),
      sql<string>`count(*) filter (where met)`.as('met'),
    ])
    .where('la_code', '=', laCode)
    .where('count_id', '=', countId)
    .where('day', '>=', period.from)
    .where('day', '<=', period.to)
    .groupBy(by ? ['measure', KEY_COLUMNS[by]] : ['measure', 'grp'])
    .execute();
  return rows.map((r) => ({ ...r, counted: Number(r.counted), met: Number(r.met) }));
}

/** Each figure's items by calendar month from `from` to `to`: the trends. */
export async function monthTallies(
  db: Executor,
  laCode: string,
  countId: string,
  period: { from: string; to: string },
): Promise<Array<{ measure: string; month: string; counted: number; met: number }>> {
  const month = sql<string>`to_char(day, 'YYYY-MM')`;
  const rows = await db
    .selectFrom('figure_item')
    .select([
      'measure',
      month.as('month'),
      sql<string>`count(*)`.as('counted'),
      sql<string>`count(*) filter (where met)`.as('met'),
    ])
    .where('la_code', '=', laCode)
    .where('count_id', '=', countId)
    .where('day', '>=', period.from)
    .where('day', '<=', period.to)
    .groupBy(['measure', month])
    .execute();
  return rows.map((r) => ({ ...r, counted: Number(r.counted), met: Number(r.met) }));
}

export interface ItemFilter {
  measure: string;
  from: string;
  to: string;
  by?: KeyDimension | undefined;
  key?: string | undefined;
  group?: string | undefined;
  /** true: within the limit; false: not; undefined: both. */
  met?: boolean | undefined;
}

function filtered(db: Executor, laCode: string, countId: string, f: ItemFilter) {
  let q = db
    .selectFrom('figure_item')
    .where('la_code', '=', laCode)
    .where('count_id', '=', countId)
    .where('measure', '=', f.measure)
    .where('day', '>=', f.from)
    .where('day', '<=', f.to);
  if (f.by && f.key !== undefined) q = q.where(KEY_COLUMNS[f.by], '=', f.key);
  if (f.group !== undefined) q = q.where('grp', '=', f.group);
  if (f.met !== undefined) q = q.where('met', '=', f.met);
  return q;
}

/** How many items a filter selects, and how many of those were within the limit. */
export async function itemTally(
  db: Executor,
  laCode: string,
  countId: string,
  f: ItemFilter,
): Promise<{ counted: number; met: number }> {
  const row = await filtered(db, laCode, countId, f)
    .select([sql<string>`count(*)`.as('counted'), sql<string>`count(*) filter (where met)`.as('met')])
    .executeTakeFirstOrThrow();
  return { counted: Number(row.counted), met: Number(row.met) };
}

/** The items a filter selects, in the list's order (one page of them when `page` is given). */
export function itemsOf(
  db: Executor,
  laCode: string,
  countId: string,
  f: ItemFilter,
  page?: { limit: number; offset: number },
) {
  let q = filtered(db, laCode, countId, f)
    .select([
      'measure',
      'child_id',
      'record_id',
      'grp',
      'day',
      'due',
      'met',
      'exception',
      'k_team',
      'k_school',
      'k_need',
    ])
    .orderBy('seq');
  if (page) q = q.limit(page.limit).offset(page.offset);
  return q.execute();
}
