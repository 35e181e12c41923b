/**
 * Databases for tests: every database test runs on both engines. PGlite in memory; PostgreSQL in a fresh database
 * made for the test file and dropped after it (TEST_DATABASE_URL names the server, default the local one).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type Engine } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';

export const ENGINES: readonly Engine[] = ['pglite', 'postgres'];

export const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase extends Database {
  /** The PostgreSQL connection string of this test's database (undefined on PGlite). */
  readonly url: string | undefined;
}

function urlFor(database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Drops a test database once its connections have gone. A connection still closing when a forced drop terminates
 * it raises an error nobody can catch, so wait for them first and force only as a last resort.
 */
async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const { rows } = await admin((c) =>
      c.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]),
    );
    if (rows[0]?.n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await admin((c) => c.query(`drop database if exists ${name} with (force)`));
}

/** A migrated, empty database on the given engine. Close it to drop it. */
export async function createTestDatabase(
  engine: Engine,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  let database: Database;
  let url: string | undefined;
  let name: string | undefined;
  if (engine === 'pglite') {
    database = await openDatabase({});
  } else {
    name = `gt_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    await admin((c) => c.query(`create database ${name}`));
    url = urlFor(name);
    database = await openDatabase({ url, poolSize: 4 });
  }
  if (options.migrate !== false) await migrateToLatest(database.db);
  return {
    ...database,
    url,
    async close() {
      await database.close();
      if (name) await dropDatabase(name);
    },
  };
}
