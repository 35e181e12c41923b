/**
 * Distributing the schema across machines with Citus, every table on `la_code` (issue 20 item 5, ADR 0038).
 *
 * `readSchemaFacts` reads what the distribution depends on from the live schema (tables, keys, foreign keys, unique
 * indexes, triggers); `distributionPlan` is pure: it checks that distribution is safe and orders the statements that
 * do it. The checks are Citus's own rules for co-located tables, stated against our schema:
 * - every table has `la_code`, not null (the distribution column);
 * - every primary key, unique constraint and unique index includes it (Citus enforces uniqueness per shard only);
 * - every foreign key between distributed tables maps `la_code` to `la_code` (so both rows live on the same shard;
 *   containing the column is not enough: it must be paired with the other side's `la_code`);
 * - each table is distributed after the tables it references; keys round a cycle are dropped first and added back;
 * - a reference table (copied to every node) references no distributed table;
 * - no exclusion constraint; a trigger function that reads another table reads it by `la_code = new.la_code` (so it
 *   stays in its own shard group); row triggers need `citus.enable_unsafe_triggers`, said as a warning.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema/index.ts';

/** Tables kept on the coordinator only: the migration bookkeeping, which no request reads. */
export const LOCAL_TABLES: readonly string[] = ['kysely_migration', 'kysely_migration_lock'];
/**
 * Tables copied whole to every node: shared by all authorities, small, read in joins. None today: every table,
 * `local_authority` included (it names its commissioner's organisation, a distributed table), belongs to one
 * authority. A national register shared by all (the schools of GIAS, say) would be one.
 */
export const REFERENCE_TABLES: readonly string[] = [];
export const DISTRIBUTION_COLUMN = 'la_code';

export interface TableFacts {
  readonly name: string;
  /** Whether the table has `la_code` and it is `not null`. */
  readonly laCode: 'missing' | 'nullable' | 'not-null';
}

export interface ConstraintFacts {
  readonly table: string;
  readonly name: string;
  readonly kind: 'primary' | 'unique' | 'foreign' | 'exclusion';
  readonly columns: readonly string[];
  /** A foreign key's referenced table and columns, in the same order as `columns`. */
  readonly references?: { readonly table: string; readonly columns: readonly string[] };
  /** The constraint as SQL (`pg_get_constraintdef`), to add a key back after distribution. */
  readonly definition?: string;
}

export interface UniqueIndexFacts {
  readonly table: string;
  readonly name: string;
  /** The indexed columns; an expression is given as null. */
  readonly columns: readonly (string | null)[];
}

export interface TriggerFacts {
  readonly table: string;
  readonly name: string;
  readonly level: 'row' | 'statement';
  /** The trigger function's body. */
  readonly body: string;
}

export interface SchemaFacts {
  readonly tables: readonly TableFacts[];
  readonly constraints: readonly ConstraintFacts[];
  readonly uniqueIndexes: readonly UniqueIndexFacts[];
  readonly triggers: readonly TriggerFacts[];
}

export interface DistributionPlan {
  /** What makes distribution unsafe: any one refuses it. */
  readonly problems: readonly string[];
  /** What an operator must know or set, without refusing. */
  readonly warnings: readonly string[];
  /** Reference tables first, then each distributed table after every table it references. */
  readonly statements: readonly string[];
  readonly referenceTables: readonly string[];
  readonly distributedTables: readonly string[];
}

function quote(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Words in a trigger body that name one of the schema's tables, other than the trigger's own. */
function tablesNamed(body: string, tables: ReadonlySet<string>, own: string): string[] {
  const words = new Set(body.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []);
  return [...tables].filter((t) => t !== own && words.has(t)).sort();
}

/**
 * Groups tables that reference each other round a cycle (strongly connected components, Tarjan), so a cycle's keys
 * can be set aside while its tables are distributed; self-references are not cycles.
 */
function cycles(
  tables: readonly string[],
  edges: ReadonlyMap<string, ReadonlySet<string>>,
): Map<string, number> {
  const component = new Map<string, number>();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let next = 0;
  let components = 0;
  const visit = (t: string): void => {
    index.set(t, next);
    low.set(t, next++);
    stack.push(t);
    onStack.add(t);
    for (const r of edges.get(t) ?? []) {
      if (r === t || !tables.includes(r)) continue;
      if (!index.has(r)) {
        visit(r);
        low.set(t, Math.min(low.get(t)!, low.get(r)!));
      } else if (onStack.has(r)) low.set(t, Math.min(low.get(t)!, index.get(r)!));
    }
    if (low.get(t) === index.get(t)) {
      for (;;) {
        const member = stack.pop()!;
        onStack.delete(member);
        component.set(member, components);
        if (member === t) break;
      }
      components++;
    }
  };
  for (const t of [...tables].sort()) if (!index.has(t)) visit(t);
  return component;
}

/** Orders tables so each comes after the tables it references (ties alphabetical); the edges must form no cycle. */
function orderByReferences(
  tables: readonly string[],
  edges: ReadonlyMap<string, ReadonlySet<string>>,
): string[] {
  const order: string[] = [];
  const placed = new Set<string>();
  let remaining = [...tables].sort();
  while (remaining.length > 0) {
    const ready = remaining.filter((t) =>
      [...(edges.get(t) ?? [])].every((r) => r === t || placed.has(r) || !tables.includes(r)),
    );
    if (ready.length === 0) throw new Error(`a cycle is left among ${remaining.join(', ')}`);
    for (const t of ready) {
      order.push(t);
      placed.add(t);
    }
    remaining = remaining.filter((t) => !placed.has(t));
  }
  return order;
}

export function distributionPlan(
  facts: SchemaFacts,
  referenceTables: readonly string[] = REFERENCE_TABLES,
): DistributionPlan {
  const problems: string[] = [];
  const warnings: string[] = [];
  const local = new Set(LOCAL_TABLES);
  const all = facts.tables.filter((t) => !local.has(t.name));
  const names = new Set(all.map((t) => t.name));
  const reference = referenceTables.filter((t) => names.has(t));
  const referenceSet = new Set(reference);
  const distributed = all.map((t) => t.name).filter((t) => !referenceSet.has(t));
  const distributedSet = new Set(distributed);
  const col = DISTRIBUTION_COLUMN;

  for (const table of all) {
    if (table.laCode === 'missing') problems.push(`${table.name}: has no ${col} column`);
    else if (table.laCode === 'nullable') problems.push(`${table.name}: ${col} may be null`);
  }
  for (const table of all) {
    if (!facts.constraints.some((c) => c.table === table.name && c.kind === 'primary'))
      problems.push(`${table.name}: has no primary key`);
  }

  const edges = new Map<string, Set<string>>();
  for (const c of facts.constraints) {
    if (local.has(c.table)) continue;
    if (c.kind === 'exclusion') {
      problems.push(`${c.table}.${c.name}: exclusion constraints cannot be distributed`);
    } else if (c.kind === 'primary' || c.kind === 'unique') {
      if (!c.columns.includes(col))
        problems.push(`${c.table}.${c.name}: a ${c.kind} key without ${col} is unique per shard only`);
    } else if (c.references) {
      const target = c.references.table;
      if (local.has(target)) {
        problems.push(`${c.table}.${c.name}: references ${target}, which stays on the coordinator`);
        continue;
      }
      if (referenceSet.has(c.table) && distributedSet.has(target)) {
        problems.push(
          `${c.table}.${c.name}: a reference table cannot reference ${target}, a distributed table`,
        );
        continue;
      }
      if (distributedSet.has(c.table) && distributedSet.has(target)) {
        const at = c.columns.indexOf(col);
        if (at < 0 || c.references.columns[at] !== col) {
          problems.push(
            `${c.table}.${c.name}: the foreign key to ${target} must pair ${col} with ${target}.${col}`,
          );
        }
        if (target !== c.table) {
          const set = edges.get(c.table) ?? new Set<string>();
          set.add(target);
          edges.set(c.table, set);
        }
      }
    }
  }
  for (const index of facts.uniqueIndexes) {
    if (local.has(index.table)) continue;
    if (!index.columns.includes(col))
      problems.push(`${index.table}.${index.name}: a unique index without ${col} is unique per shard only`);
  }

  const rowTriggers = new Set<string>();
  for (const trigger of facts.triggers) {
    if (local.has(trigger.table)) continue;
    const others = tablesNamed(trigger.body, names, trigger.table);
    if (others.length > 0 && !/\bla_code\s*=\s*new\.la_code\b/i.test(trigger.body)) {
      problems.push(
        `${trigger.table}.${trigger.name}: its function reads ${others.join(', ')} without ${col} = new.${col}`,
      );
    }
    if (trigger.level === 'row') rowTriggers.add(trigger.table);
    else
      warnings.push(
        `${trigger.table}.${trigger.name}: a statement trigger is not carried to the shards; the service role's ` +
          'missing privilege (ADR 0007) is what keeps this rule on a distributed table',
      );
  }
  if (rowTriggers.size > 0) {
    warnings.push(
      `row triggers on ${[...rowTriggers].sort().join(', ')}: set citus.enable_unsafe_triggers = on ` +
        '(each reads only its own row or its own shard group)',
    );
  }

  // Keys round a cycle (the authority names its commissioner's organisation, which belongs to the authority) are
  // dropped before and added back after: Citus distributes a table only after the tables it references.
  const component = cycles(distributed, edges);
  const setAside = facts.constraints
    .filter(
      (c) =>
        c.kind === 'foreign' &&
        c.references &&
        c.table !== c.references.table &&
        distributedSet.has(c.table) &&
        component.get(c.table) === component.get(c.references.table),
    )
    .sort((a, b) => a.table.localeCompare(b.table) || a.name.localeCompare(b.name));
  const acyclic = new Map<string, Set<string>>();
  for (const [from, targets] of edges) {
    acyclic.set(from, new Set([...targets].filter((t) => component.get(t) !== component.get(from))));
  }
  const order = orderByReferences(distributed, acyclic);
  if (setAside.length > 0) {
    warnings.push(
      `foreign keys round a cycle are dropped while their tables are distributed and added back after: ` +
        setAside.map((c) => `${c.table}.${c.name}`).join(', '),
    );
  }
  for (const c of setAside) {
    if (!c.definition) problems.push(`${c.table}.${c.name}: its definition is needed to add it back`);
  }

  const anchor = order[0];
  const statements = [
    ...setAside.map((c) => `alter table ${c.table} drop constraint ${c.name}`),
    ...reference.map((t) => `select create_reference_table(${quote(t)})`),
    ...order.map((t) =>
      t === anchor
        ? `select create_distributed_table(${quote(t)}, ${quote(col)})`
        : `select create_distributed_table(${quote(t)}, ${quote(col)}, colocate_with => ${quote(anchor!)})`,
    ),
    ...setAside.map((c) => `alter table ${c.table} add constraint ${c.name} ${c.definition ?? ''}`),
  ];
  return {
    problems,
    warnings,
    statements: problems.length > 0 ? [] : statements,
    referenceTables: reference,
    distributedTables: order,
  };
}

/** Reads the facts `distributionPlan` needs from the `public` schema (PostgreSQL and PGlite alike). */
export async function readSchemaFacts(db: Kysely<DB>): Promise<SchemaFacts> {
  const { rows: tables } = await sql<{ name: string; la_code: string | null }>`
    select t.table_name as name, c.is_nullable as la_code
    from information_schema.tables t
    left join information_schema.columns c
      on c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name = ${DISTRIBUTION_COLUMN}
    where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
    order by 1`.execute(db);
  const { rows: constraints } = await sql<{
    table: string;
    name: string;
    type: string;
    columns: string[];
    reftable: string | null;
    refcolumns: string[] | null;
    definition: string;
  }>`
    select c.conrelid::regclass::text as table, c.conname as name, c.contype as type,
      pg_get_constraintdef(c.oid) as definition,
      array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as columns,
      case when c.confrelid = 0 then null else c.confrelid::regclass::text end as reftable,
      case when c.confrelid = 0 then null else
        array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i)
          join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) end as refcolumns
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where n.nspname = 'public' and c.contype in ('p', 'u', 'f', 'x')
    order by 1, 2`.execute(db);
  const { rows: indexes } = await sql<{ table: string; name: string; columns: (string | null)[] }>`
    select t.relname as table, i.relname as name,
      array(select a.attname::text from unnest(x.indkey::int2[]) with ordinality k(n, o)
        left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.n order by k.o) as columns
    from pg_index x
    join pg_class i on i.oid = x.indexrelid
    join pg_class t on t.oid = x.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = 'public' and x.indisunique
      and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
    order by 1, 2`.execute(db);
  const { rows: triggers } = await sql<{ table: string; name: string; row: boolean; body: string }>`
    select t.tgrelid::regclass::text as table, t.tgname as name, (t.tgtype & 1) = 1 as row, p.prosrc as body
    from pg_trigger t join pg_proc p on p.oid = t.tgfoid
    join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where not t.tgisinternal and n.nspname = 'public'
    order by 1, 2`.execute(db);
  const kinds = { p: 'primary', u: 'unique', f: 'foreign', x: 'exclusion' } as const;
  return {
    tables: tables.map((t) => ({
      name: t.name,
      laCode: t.la_code === null ? 'missing' : t.la_code === 'NO' ? 'not-null' : 'nullable',
    })),
    constraints: constraints.map((c) => ({
      table: c.table,
      name: c.name,
      kind: kinds[c.type as keyof typeof kinds],
      columns: c.columns,
      definition: c.definition,
      ...(c.reftable ? { references: { table: c.reftable, columns: c.refcolumns ?? [] } } : {}),
    })),
    uniqueIndexes: indexes.map((i) => ({ table: i.table, name: i.name, columns: i.columns })),
    triggers: triggers.map((t) => ({
      table: t.table,
      name: t.name,
      level: t.row ? 'row' : 'statement',
      body: t.body,
    })),
  };
}
