/**
 * The schema's rules (architecture.md, data rules): every table carries la_code, and its primary key, every unique
 * constraint and every foreign key include it, so the schema can be sharded by authority. Checked on both engines.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/db.ts';

const IGNORED = new Set(['kysely_migration', 'kysely_migration_lock']);

describe.each(ENGINES)('schema rules on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  async function constraints() {
    const { rows } = await sql<{
      table: string;
      name: string;
      type: string;
      columns: string[];
      refcolumns: string[] | null;
    }>`
      select c.conrelid::regclass::text as table, c.conname as name, c.contype as type,
        array(select a.attname::text from unnest(c.conkey) k join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k) as columns,
        case when c.confrelid = 0 then null else
          array(select a.attname::text from unnest(c.confkey) k join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k) end as refcolumns
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where n.nspname = 'public' and c.contype in ('p', 'u', 'f')`.execute(database.db);
    return rows.filter((r) => !IGNORED.has(r.table));
  }

  it('every table has an la_code column and a primary key that includes it', async () => {
    const { rows: tables } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(
      database.db,
    );
    const names = tables.map((t) => t.table_name).filter((t) => !IGNORED.has(t));
    expect(names).toContain('child');
    expect(names).toContain('audit_log');
    const { rows: cols } = await sql<{ table_name: string }>`
      select table_name from information_schema.columns where table_schema = 'public' and column_name = 'la_code'`.execute(
      database.db,
    );
    const withLa = new Set(cols.map((c) => c.table_name));
    expect(names.filter((n) => !withLa.has(n))).toEqual([]);
    const pks = (await constraints()).filter((c) => c.type === 'p');
    for (const table of names) {
      const pk = pks.find((p) => p.table === table);
      expect(pk, `${table} has a primary key`).toBeDefined();
      expect(pk!.columns, `${table} primary key`).toContain('la_code');
    }
  });

  it('every unique constraint and unique index includes la_code', async () => {
    const uniques = (await constraints()).filter((c) => c.type === 'u');
    for (const u of uniques) expect(u.columns, u.name).toContain('la_code');
    const { rows: indexes } = await sql<{ indexname: string; indexdef: string; tablename: string }>`
      select indexname, indexdef, tablename from pg_indexes where schemaname = 'public' and indexdef like 'CREATE UNIQUE%'`.execute(
      database.db,
    );
    for (const index of indexes.filter((i) => !IGNORED.has(i.tablename))) {
      expect(index.indexdef, index.indexname).toMatch(/\(la_code\b|, la_code\b|\bla_code,/);
    }
  });

  it('every foreign key includes la_code on both sides', async () => {
    const fks = (await constraints()).filter((c) => c.type === 'f');
    expect(fks.length).toBeGreaterThan(10);
    for (const fk of fks) {
      expect(fk.columns, fk.name).toContain('la_code');
      expect(fk.refcolumns, fk.name).toContain('la_code');
    }
  });

  it('dates the law counts come back as YYYY-MM-DD strings, not Dates', async () => {
    const { rows } = await sql<{ d: unknown }>`select date '2026-02-16' as d`.execute(database.db);
    expect(rows[0]!.d).toBe('2026-02-16');
  });
});
