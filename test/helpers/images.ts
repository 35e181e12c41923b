/**
 * Database images for the test run, built once by Vitest's global set-up (`test/global-setup.ts`) and cloned by every
 * test file: a migrated database and a seeded demo authority, on each engine. PGlite images are `dumpDataDir()`
 * tarballs in a temporary folder (a clone loads one with `loadDataDir`); PostgreSQL images are databases that a clone
 * copies with `CREATE DATABASE ... TEMPLATE`. Building them per run means a new migration is always in them. Each
 * has the job queue's tables (pg-boss's schema, as the service installs it at its first start), so a test app's jobs
 * start without installing them.
 */
import { hostname } from 'node:os';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { seedDemo } from '../../src/app/demo.ts';
import { openDatabase, type Database, type Engine } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { createJobs, installJobsSchema } from '../../src/platform/jobs/jobs.ts';

/** The kinds of database a test file can start from. */
export type ImageName = 'migrated' | 'demo';

/** Children in the demo image every demo-based and browser test shares (the service's default is 2,500). */
export const DEMO_IMAGE_CHILDREN = 400;

/**
 * The date the demo image is built as of. The service builds its demo as of today; the tests fix the day so the
 * image, and every page and figure a test reads from it, is the same whenever the tests run.
 */
export const DEMO_IMAGE_TODAY = '2026-11-01';

/** Where each image is: a tarball path for PGlite, a template database name for PostgreSQL. */
export type TestImages = Record<Engine, Record<ImageName, string>>;

declare module 'vitest' {
  export interface ProvidedContext {
    testImages: TestImages;
  }
}

const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function urlFor(database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Builds the PGlite images into the folder; resolves to their paths. */
export async function buildPgliteImages(folder: string): Promise<Record<ImageName, string>> {
  const paths = { migrated: join(folder, 'migrated.tar'), demo: join(folder, 'demo.tar') };
  const database = await openDatabase({});
  try {
    await migrateToLatest(database.db);
    await installJobs(database);
    await writeFile(paths.migrated, await dump(database));
    await seedDemo(database.db, { children: DEMO_IMAGE_CHILDREN, today: DEMO_IMAGE_TODAY });
    await writeFile(paths.demo, await dump(database));
  } finally {
    await database.close();
  }
  return paths;
}

/**
 * Installs the job queue's tables (pg-boss's schema) as the service does at its first start, so that each test app's
 * jobs find them installed: about 0.2 s of processor time a PGlite test app, 0.1 s a PostgreSQL one.
 */
async function installJobs(database: Database): Promise<void> {
  const jobs = createJobs(database);
  await jobs.start({ workers: false });
  await jobs.stop();
}

async function dump(database: Database): Promise<Buffer> {
  return Buffer.from(await (await database.pglite!.dumpDataDir('none')).arrayBuffer());
}

/**
 * A comment on each template database names the machine and process that made it, so a later run can drop the
 * templates of a run that was killed before it could clean up (never another live run's, nor another machine's).
 */
const COMMENT_PREFIX = 'goldthread test image';

/** Builds the PostgreSQL template databases; resolves to their names, adding each to `created` once it exists. */
export async function buildPostgresImages(created: string[]): Promise<Record<ImageName, string>> {
  const tag = `${process.pid}_${Date.now().toString(36)}`;
  const names = { migrated: `gt_image_${tag}_migrated`, demo: `gt_image_${tag}_demo` };
  const comment = `${COMMENT_PREFIX} ${hostname()} ${process.pid}`;
  // Each is filled on its own connection pool, closed before anything copies it (a template must have no
  // connections): the migrated one first, then the demo one copied from it and seeded.
  const fill = async (name: string, template: string | undefined, fn: (db: Database) => Promise<unknown>) => {
    await admin(async (c) => {
      await c.query(`create database ${name}${template ? ` template ${template}` : ''}`);
      created.push(name);
      await c.query(`comment on database ${name} is '${comment}'`);
    });
    const database = await openDatabase({ url: urlFor(name), poolSize: 2 });
    try {
      await fn(database);
    } finally {
      await database.close();
    }
  };
  await fill(names.migrated, undefined, async (d) => {
    await migrateToLatest(d.db);
    await installJobsSchema(urlFor(names.migrated));
  });
  await fill(names.demo, names.migrated, (d) =>
    seedDemo(d.db, { children: DEMO_IMAGE_CHILDREN, today: DEMO_IMAGE_TODAY }),
  );
  return names;
}

/** Drops the given template databases. */
export async function dropPostgresImages(names: readonly string[]): Promise<void> {
  for (const name of names) await admin((c) => c.query(`drop database if exists ${name} with (force)`));
}

/** Drops template databases left by a test run on this machine whose process has ended (killed mid-run). */
export async function dropAbandonedPostgresImages(): Promise<void> {
  const { rows } = await admin((c) =>
    c.query<{ datname: string; comment: string }>(
      `select datname, shobj_description(oid, 'pg_database') as comment from pg_database
       where datname like 'gt\\_image\\_%'`,
    ),
  );
  const abandoned = rows.filter((row) => {
    const [host, pid] = (row.comment ?? '').slice(COMMENT_PREFIX.length + 1).split(' ');
    return row.comment?.startsWith(COMMENT_PREFIX) && host === hostname() && !isRunning(Number(pid));
  });
  await dropPostgresImages(abandoned.map((row) => row.datname));
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
