/**
 * `column = any($1::uuid[])`: one parameter for a list of ids, however long. A `where … in (…)` of a few thousand ids
 * (the phase-transfer board reads the facts of every child in the cohort, about 2,800 at 25,000 plans) is a node
 * and a bind parameter per id for the query builder, the driver and the server's parser; an array is one of each.
 *
 *   .where(idIn('child_id', childIds))
 */
import { sql, type Expression, type SqlBool } from 'kysely';

export function idIn(column: string, ids: readonly string[]): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} = any(${sql.val([...ids])}::uuid[])`;
}
