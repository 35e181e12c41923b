/**
 * Test databases for the demo generator's tests (to move to test/helpers): an in-memory PGlite, or a uniquely named
 * PostgreSQL database (on TEST_DATABASE_URL's server, else 127.0.0.1:5432 as postgres) that `drop` removes.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type Engine } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';

export const ENGINES: readonly Engine[] = ['pglite', 'postgres'];

export interface TestDatabase {
  readonly database: Database;
  /** Closes the database and, on PostgreSQL, drops it. */
  drop(): Promise<void>;
}

function adminUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export async function openTestDatabase(engine: Engine, prefix = 'gt_test'): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const database = await openDatabase({});
    await migrateToLatest(database.db);
    return { database, drop: () => database.close() };
  }
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 4 });
  await migrateToLatest(database.db);
  return {
    database,
    async drop() {
      await database.close();
      const client = new pg.Client({ connectionString: adminUrl() });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
