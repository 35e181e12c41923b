/**
 * Databases for tests: every database test runs on both engines. Each test database is a copy of one of the run's
 * images (`images.ts`, built once by `test/global-setup.ts`): migrated and empty, or with the demo authority seeded.
 * PGlite in memory, loaded from the image's tarball; PostgreSQL in a fresh database copied from the image's template
 * database and dropped after the test file (TEST_DATABASE_URL names the server, default the local one).
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { inject } from 'vitest';
import { openDatabase, type Database, type Engine } from '../../src/platform/db/database.ts';
import type { DB } from '../../src/platform/db/schema/index.ts';
import { admin, urlFor, type ImageName } from './images.ts';

export const ENGINES: readonly Engine[] = ['pglite', 'postgres'];

export interface TestDatabase extends Database {
  /** The PostgreSQL connection string of this test's database (undefined on PGlite). */
  readonly url: string | undefined;
}

const tarballs = new Map<string, Promise<Blob>>();

/** The PGlite image's tarball, read once per test file. */
function pgliteImage(image: ImageName): Promise<Blob> {
  const path = inject('testImages').pglite[image];
  let tarball = tarballs.get(path);
  if (!tarball) {
    tarball = readFile(path).then((bytes) => new Blob([bytes]));
    tarballs.set(path, tarball);
  }
  return tarball;
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

/**
 * A database on the given engine copied from one of the run's images: `migrated` (the default), empty and migrated;
 * or `demo`, the demo authority seeded (`DEMO_IMAGE_CHILDREN` children). Close it to drop it.
 */
export async function createTestDatabase(
  engine: Engine,
  options: { image?: ImageName } = {},
): Promise<TestDatabase> {
  const image = options.image ?? 'migrated';
  let database: Database;
  let url: string | undefined;
  let name: string | undefined;
  if (engine === 'pglite') {
    database = await openDatabase({ image: await pgliteImage(image) });
  } else {
    name = `gt_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const template = inject('testImages').postgres[image];
    await admin((c) => c.query(`create database ${name} template ${template}`));
    url = urlFor(name);
    database = await openDatabase({ url, poolSize: 4 });
  }
  return {
    ...database,
    url,
    async close() {
      await database.close();
      if (name) await dropDatabase(name);
    },
  };
}

/** How many rows the table holds, in every authority. */
export async function countRows(db: Kysely<DB>, table: keyof DB): Promise<number> {
  const { n } = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}
