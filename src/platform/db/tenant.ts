/**
 * Joins within one local authority. Every key and foreign key includes `la_code` (the Citus rule, checked by the
 * schema test), so every join must match `la_code` as well as the key: `onTenant('t.id', 'u.team_id')` is
 * `j.onRef('t.la_code', '=', 'u.la_code').onRef('t.id', '=', 'u.team_id')`, and cannot forget the first half.
 *
 *   .innerJoin('team as t', onTenant('t.id', 'u.team_id'))
 */
import type { JoinBuilder } from 'kysely';

type Ref = `${string}.${string}`;

function aliasOf(ref: Ref): string {
  const dot = ref.indexOf('.');
  if (dot < 1 || dot === ref.length - 1) throw new Error(`onTenant: "${ref}" is not alias.column`);
  return ref.slice(0, dot);
}

/** The join condition for `left = right` inside one authority (both sides' `la_code` equal too). */
export function onTenant(left: Ref, right: Ref) {
  const tenant = [`${aliasOf(left)}.la_code`, `${aliasOf(right)}.la_code`] as const;
  return <DB, TB extends keyof DB>(join: JoinBuilder<DB, TB>): JoinBuilder<DB, TB> => {
    // The column names are checked by the SQL snapshots and the tests that run each query; Kysely's own types cannot
    // follow a reference through this helper.
    const on = join as unknown as {
      onRef(l: string, op: '=', r: string): typeof on;
    };
    return on.onRef(tenant[0], '=', tenant[1]).onRef(left, '=', right) as unknown as JoinBuilder<DB, TB>;
  };
}
