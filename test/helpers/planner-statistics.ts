/**
 * The planner's statistics of a table against its rows (docs/national-scale.md): a kept summary refilled in bulk is
 * analysed after, as autovacuum may be late or off. A test takes the statistics first (`analyzeNow`), changes the
 * table through the code under test and expects `plannerRows` to give the table's real count: a table analysed in full
 * (fewer rows than ANALYZE samples) has `pg_class.reltuples` equal to its rows, and keeps the old number otherwise.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema/index.ts';

/** The planner's row count of `table` (`reltuples`, -1 if never analysed) and its real count. */
export async function plannerRows(
  db: Kysely<DB>,
  table: keyof DB,
): Promise<{ planned: number; rows: number }> {
  const { rows } = await sql<{ planned: number; rows: number }>`
    select (select reltuples from pg_class where oid = ${table}::regclass)::float8 as planned,
      (select count(*) from ${sql.table(table)})::int as rows`.execute(db);
  return { planned: Number(rows[0]!.planned), rows: Number(rows[0]!.rows) };
}

/** Takes `table`'s statistics as it is now (what a refill after makes stale). */
export async function analyzeNow(db: Kysely<DB>, table: keyof DB): Promise<void> {
  await sql`analyze ${sql.table(table)}`.execute(db);
}

/** The planner's share of nulls in `table.column` (`pg_stats.null_frac`), undefined if not analysed. */
export async function nullFraction(
  db: Kysely<DB>,
  table: keyof DB,
  column: string,
): Promise<number | undefined> {
  const { rows } = await sql<{ null_frac: number }>`
    select null_frac::float8 as null_frac from pg_stats
    where schemaname = current_schema() and tablename = ${table} and attname = ${column}`.execute(db);
  return rows[0] ? Number(rows[0].null_frac) : undefined;
}
