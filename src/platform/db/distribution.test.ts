/**
 * The Citus distribution's checks and order (issue 20 item 5, ADR 0038): pure cases for each rule, then the real
 * migrated schema on both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/db.ts';
import {
  distributionPlan,
  readSchemaFacts,
  type ConstraintFacts,
  type SchemaFacts,
  type TableFacts,
} from './distribution.ts';

const table = (name: string, laCode: TableFacts['laCode'] = 'not-null'): TableFacts => ({ name, laCode });
const pk = (t: string, columns = ['la_code', 'id']): ConstraintFacts => ({
  table: t,
  name: `${t}_pkey`,
  kind: 'primary',
  columns,
});
const fk = (t: string, columns: string[], target: string, targetColumns: string[]): ConstraintFacts => ({
  table: t,
  name: `${t}_${target}_fkey`,
  kind: 'foreign',
  columns,
  references: { table: target, columns: targetColumns },
});

/** A small sound schema: the authority, a child, a plan of the child, an item of the plan. */
function sound(): SchemaFacts {
  return {
    tables: ['local_authority', 'child', 'ehc_plan', 'ehc_plan_item'].map((n) => table(n)),
    constraints: [
      pk('local_authority', ['la_code']),
      pk('child'),
      pk('ehc_plan'),
      pk('ehc_plan_item'),
      fk('child', ['la_code'], 'local_authority', ['la_code']),
      fk('ehc_plan_item', ['la_code', 'plan_id'], 'ehc_plan', ['la_code', 'id']),
      fk('ehc_plan', ['la_code', 'child_id'], 'child', ['la_code', 'id']),
    ],
    uniqueIndexes: [],
    triggers: [],
  };
}

/** The pure cases treat the authority as a reference table, to test that rule too. */
const planOf = (facts: SchemaFacts) => distributionPlan(facts, ['local_authority']);

function withFacts(change: Partial<SchemaFacts>): SchemaFacts {
  return { ...sound(), ...change };
}

describe('distributionPlan', () => {
  it('distributes a sound schema: the reference table first, each table after those it references', () => {
    const plan = planOf(sound());
    expect(plan.problems).toEqual([]);
    expect(plan.referenceTables).toEqual(['local_authority']);
    expect(plan.distributedTables).toEqual(['child', 'ehc_plan', 'ehc_plan_item']);
    expect(plan.statements).toEqual([
      "select create_reference_table('local_authority')",
      "select create_distributed_table('child', 'la_code')",
      "select create_distributed_table('ehc_plan', 'la_code', colocate_with => 'child')",
      "select create_distributed_table('ehc_plan_item', 'la_code', colocate_with => 'child')",
    ]);
  });

  it('refuses a table without la_code, or with la_code that may be null, and gives no statements', () => {
    const plan = planOf(
      withFacts({
        tables: [...sound().tables, table('note', 'missing'), table('draft', 'nullable')],
        constraints: [...sound().constraints, pk('note', ['id']), pk('draft')],
      }),
    );
    expect(plan.problems).toEqual([
      'note: has no la_code column',
      'draft: la_code may be null',
      'note.note_pkey: a primary key without la_code is unique per shard only',
    ]);
    expect(plan.statements).toEqual([]);
  });

  it('refuses a table with no primary key', () => {
    const plan = planOf(withFacts({ tables: [...sound().tables, table('loose')] }));
    expect(plan.problems).toEqual(['loose: has no primary key']);
  });

  it('refuses unique constraints and unique indexes without la_code; an expression index counts as no column', () => {
    const plan = planOf(
      withFacts({
        constraints: [
          ...sound().constraints,
          { table: 'child', name: 'child_upn_key', kind: 'unique', columns: ['upn'] },
          { table: 'child', name: 'child_ok_key', kind: 'unique', columns: ['la_code', 'upn'] },
        ],
        uniqueIndexes: [
          { table: 'child', name: 'child_lower_email', columns: [null] },
          { table: 'child', name: 'child_la_email', columns: ['la_code', null] },
        ],
      }),
    );
    expect(plan.problems).toEqual([
      'child.child_upn_key: a unique key without la_code is unique per shard only',
      'child.child_lower_email: a unique index without la_code is unique per shard only',
    ]);
  });

  it('refuses a foreign key that contains la_code but pairs it with another column', () => {
    const plan = planOf(
      withFacts({
        constraints: [
          ...sound().constraints.filter((c) => c.table !== 'ehc_plan' || c.kind !== 'foreign'),
          fk('ehc_plan', ['child_id', 'la_code'], 'child', ['la_code', 'id']),
        ],
      }),
    );
    expect(plan.problems).toEqual([
      'ehc_plan.ehc_plan_child_fkey: the foreign key to child must pair la_code with child.la_code',
    ]);
  });

  it('refuses a foreign key without la_code between distributed tables', () => {
    const plan = planOf(
      withFacts({
        constraints: [...sound().constraints, fk('ehc_plan_item', ['child_id'], 'child', ['id'])],
      }),
    );
    expect(plan.problems).toEqual([
      'ehc_plan_item.ehc_plan_item_child_fkey: the foreign key to child must pair la_code with child.la_code',
    ]);
  });

  it('refuses a reference table that references a distributed table', () => {
    const plan = planOf(
      withFacts({
        constraints: [
          ...sound().constraints,
          fk('local_authority', ['la_code', 'child_id'], 'child', ['la_code', 'id']),
        ],
      }),
    );
    expect(plan.problems).toEqual([
      'local_authority.local_authority_child_fkey: a reference table cannot reference child, a distributed table',
    ]);
  });

  it('sets aside the keys round a cycle, distributes, then adds them back; a table may reference itself', () => {
    const selfOnly = planOf(
      withFacts({
        constraints: [
          ...sound().constraints,
          fk('child', ['la_code', 'sibling_id'], 'child', ['la_code', 'id']),
        ],
      }),
    );
    expect(selfOnly.problems).toEqual([]);
    expect(selfOnly.statements.filter((s) => s.startsWith('alter'))).toEqual([]);
    const back = {
      ...fk('child', ['la_code', 'plan_id'], 'ehc_plan_item', ['la_code', 'id']),
      definition: 'FOREIGN KEY (la_code, plan_id) REFERENCES ehc_plan_item(la_code, id)',
    };
    const withDefinitions = sound().constraints.map((c) =>
      c.kind === 'foreign' ? { ...c, definition: `FOREIGN KEY ${c.name}` } : c,
    );
    const cycle = planOf(withFacts({ constraints: [...withDefinitions, back] }));
    expect(cycle.problems).toEqual([]);
    expect(cycle.distributedTables).toEqual(['child', 'ehc_plan', 'ehc_plan_item']);
    expect(cycle.statements).toEqual([
      'alter table child drop constraint child_ehc_plan_item_fkey',
      'alter table ehc_plan drop constraint ehc_plan_child_fkey',
      'alter table ehc_plan_item drop constraint ehc_plan_item_ehc_plan_fkey',
      "select create_reference_table('local_authority')",
      "select create_distributed_table('child', 'la_code')",
      "select create_distributed_table('ehc_plan', 'la_code', colocate_with => 'child')",
      "select create_distributed_table('ehc_plan_item', 'la_code', colocate_with => 'child')",
      'alter table child add constraint child_ehc_plan_item_fkey FOREIGN KEY (la_code, plan_id) REFERENCES ehc_plan_item(la_code, id)',
      'alter table ehc_plan add constraint ehc_plan_child_fkey FOREIGN KEY ehc_plan_child_fkey',
      'alter table ehc_plan_item add constraint ehc_plan_item_ehc_plan_fkey FOREIGN KEY ehc_plan_item_ehc_plan_fkey',
    ]);
    expect(cycle.warnings[0]).toMatch(/^foreign keys round a cycle are dropped/);
    const { definition: _unused, ...backWithoutDefinition } = back;
    const noDefinition = planOf(withFacts({ constraints: [...sound().constraints, backWithoutDefinition] }));
    expect(noDefinition.problems).toContain(
      'child.child_ehc_plan_item_fkey: its definition is needed to add it back',
    );
    expect(noDefinition.statements).toEqual([]);
  });

  it('refuses exclusion constraints and keys to the coordinator-only migration tables', () => {
    const plan = planOf(
      withFacts({
        tables: [...sound().tables, table('kysely_migration', 'missing')],
        constraints: [
          ...sound().constraints,
          pk('kysely_migration', ['name']),
          { table: 'child', name: 'child_no_overlap', kind: 'exclusion', columns: ['la_code', 'during'] },
          fk('child', ['la_code', 'migration'], 'kysely_migration', ['la_code', 'name']),
        ],
      }),
    );
    expect(plan.problems).toEqual([
      'child.child_no_overlap: exclusion constraints cannot be distributed',
      'child.child_kysely_migration_fkey: references kysely_migration, which stays on the coordinator',
    ]);
    expect(plan.distributedTables).not.toContain('kysely_migration');
  });

  it('lets a trigger read another table only through la_code = new.la_code, and warns about row triggers', () => {
    const reads = (body: string) =>
      planOf(withFacts({ triggers: [{ table: 'child', name: 'child_check', level: 'row', body }] }));
    expect(reads("begin raise exception 'no'; end").problems).toEqual([]);
    expect(
      reads('begin if exists (select 1 from ehc_plan p where p.child_id = new.id) then null; end if; end')
        .problems,
    ).toEqual(['child.child_check: its function reads ehc_plan without la_code = new.la_code']);
    const scoped = reads(
      'begin if exists (select 1 from ehc_plan p where p.la_code = new.la_code and p.child_id = new.id) then null; end if; end',
    );
    expect(scoped.problems).toEqual([]);
    expect(scoped.warnings).toEqual([
      'row triggers on child: set citus.enable_unsafe_triggers = on (each reads only its own row or its own shard group)',
    ]);
    const statement = planOf(
      withFacts({
        triggers: [{ table: 'child', name: 'child_no_truncate', level: 'statement', body: 'begin end' }],
      }),
    );
    expect(statement.problems).toEqual([]);
    expect(statement.warnings[0]).toMatch(/^child\.child_no_truncate: a statement trigger/);
  });
});

describe.each(ENGINES)('the migrated schema on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('can be distributed: no problems, every table once, each after the tables it references', async () => {
    const facts = await readSchemaFacts(database.db);
    const plan = distributionPlan(facts);
    expect(plan.problems).toEqual([]);
    // The authority and its commissioner's organisation reference each other: those keys are set aside and put back.
    expect(plan.warnings.join('\n')).toMatch(/local_authority\.local_authority_commissioner_fk/);
    const names = facts.tables.map((t) => t.name).filter((n) => !n.startsWith('kysely_migration'));
    expect([...plan.referenceTables, ...plan.distributedTables].sort()).toEqual([...names].sort());
    expect(plan.statements.filter((s) => s.startsWith('select'))).toHaveLength(names.length);
    const position = new Map(plan.distributedTables.map((t, i) => [t, i]));
    const foreign = facts.constraints.filter((c) => c.kind === 'foreign' && c.references);
    expect(foreign.length).toBeGreaterThan(100);
    for (const key of foreign) {
      const target = key.references!.table;
      const setAside = plan.statements.includes(`alter table ${key.table} drop constraint ${key.name}`);
      if (target === key.table || !position.has(target) || setAside) continue;
      expect(position.get(target)!, key.name).toBeLessThan(position.get(key.table)!);
    }
    // The append-only audit log and plan versions are kept by row triggers: the operator is told what to set.
    expect(plan.warnings.join('\n')).toMatch(/row triggers on .*audit_log.*ehc_plan_version/);
  });

  it('reads foreign keys column by column in order, paired with the referenced columns', async () => {
    const facts = await readSchemaFacts(database.db);
    const planToChild = facts.constraints.find(
      (c) => c.kind === 'foreign' && c.table === 'ehc_plan' && c.references?.table === 'child',
    );
    expect(planToChild).toBeDefined();
    const at = planToChild!.columns.indexOf('la_code');
    expect(planToChild!.references!.columns[at]).toBe('la_code');
    expect(planToChild!.columns).toHaveLength(planToChild!.references!.columns.length);
  });
});
