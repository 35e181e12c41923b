/**
 * Database images for the test run, found or built by Vitest's global set-up (`test/global-setup.ts`) and cloned by
 * every test file: a migrated database and a seeded demo authority, on each engine. PGlite images are
 * `dumpDataDir()` tarballs (a clone loads one with `loadDataDir`); PostgreSQL images are databases that a clone
 * copies with `CREATE DATABASE ... TEMPLATE`. Each has the job queue's tables (pg-boss's schema, as the service
 * installs it at its first start), so a test app's jobs start without installing them.
 *
 * The images are kept between runs (`cachedPgliteImages`, `cachedPostgresImages`, ADR 0065) under a key that is a
 * hash of everything they are built from (`imageKey`): every source file but the tests, this file and the lock file.
 * A run whose key was built before uses the kept images instead of building them (60 to 160 s on a loaded machine,
 * even for one test file); a change to any source file makes a new key, so a new migration or demo change is always
 * in them. `GOLDTHREAD_TEST_IMAGES=fresh` builds them for the run alone, in a temporary folder, as before.
 */
import { createHash } from 'node:crypto';
import { hostname, tmpdir } from 'node:os';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  await fill(names.demo, names.migrated, async (d) => {
    await seedDemo(d.db, { children: DEMO_IMAGE_CHILDREN, today: DEMO_IMAGE_TODAY });
  });
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

/** The project's root folder (this file is in `test/helpers`). */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Whether kept images are used: `GOLDTHREAD_TEST_IMAGES=fresh` builds them for the run alone. */
export const keepImages = (process.env.GOLDTHREAD_TEST_IMAGES ?? '') !== 'fresh';

/** Kept images unused for this long are removed (PGlite folders) or dropped (PostgreSQL templates). */
const KEEP_FOR_MS = 12 * 60 * 60 * 1000;

/**
 * The images' key: a hash of every file under `src` but the tests (migrations, the demo, the code it calls, the data
 * files it reads), of this file (the demo's size and day) and of the lock file (PGlite, pg-boss). 16 hex digits.
 */
export async function imageKey(root = ROOT): Promise<string> {
  const entries = await readdir(join(root, 'src'), { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.test.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
  const hash = createHash('sha256');
  for (const file of [...files, 'test/helpers/images.ts', 'package-lock.json']) {
    hash
      .update(file)
      .update('\0')
      .update(await readFile(join(root, file)))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Where kept PGlite images are: a folder per key in the machine's temporary folder, so every checkout of the project
 * on the machine (worktrees, a clean clone) shares them, as they share the PostgreSQL server's kept templates.
 */
const pgliteCache = join(tmpdir(), 'goldthread-test-images');

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * The PGlite images kept for the key, built first when there are none. Built into a folder of its own and then
 * renamed into place, so a run never reads half an image; when two runs build the same key at once, the first rename
 * wins and the other's copy is removed. Removes kept folders unused for `KEEP_FOR_MS`.
 */
export async function cachedPgliteImages(key: string): Promise<Record<ImageName, string>> {
  await mkdir(pgliteCache, { recursive: true });
  await removeStalePgliteImages(key);
  const folder = join(pgliteCache, key);
  const paths = { migrated: join(folder, 'migrated.tar'), demo: join(folder, 'demo.tar') };
  if ((await exists(paths.migrated)) && (await exists(paths.demo))) {
    const now = new Date();
    await utimes(folder, now, now);
    return paths;
  }
  const building = await mkdtemp(join(pgliteCache, `${key}.building-`));
  try {
    await buildPgliteImages(building);
    await rename(building, folder).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err;
    });
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  return paths;
}

async function removeStalePgliteImages(key: string): Promise<void> {
  for (const name of await readdir(pgliteCache)) {
    if (name === key) continue;
    const path = join(pgliteCache, name);
    const { mtimeMs } = await stat(path).catch(() => ({ mtimeMs: Date.now() }));
    if (Date.now() - mtimeMs > KEEP_FOR_MS) await rm(path, { recursive: true, force: true });
  }
}

/** A kept PostgreSQL template's comment: this prefix and when a run last used it (an ISO date). */
const KEPT_PREFIX = 'goldthread kept test image';

/**
 * The PostgreSQL template databases kept for the key (`gt_cache_<key>_migrated`, `gt_cache_<key>_demo`), built
 * first when there are none: built under the run's own names (`buildPostgresImages`, so `created` lists them for the
 * teardown to drop) and renamed into place. When another run renamed its own first, this run uses its own copies and
 * the teardown drops them. Drops kept templates unused for `KEEP_FOR_MS`.
 */
export async function cachedPostgresImages(
  key: string,
  created: string[],
): Promise<Record<ImageName, string>> {
  const kept = { migrated: `gt_cache_${key}_migrated`, demo: `gt_cache_${key}_demo` };
  await dropStalePostgresImages(key);
  const found = await admin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      'select datname from pg_database where datname = any($1)',
      [Object.values(kept)],
    );
    return rows.map((row) => row.datname);
  });
  if (found.length === 2) {
    await markUsed(Object.values(kept));
    return kept;
  }
  const built = await buildPostgresImages(created);
  const names = { ...built };
  for (const image of ['migrated', 'demo'] as const) {
    if (found.includes(kept[image])) {
      names[image] = kept[image];
      continue;
    }
    try {
      await admin((c) => c.query(`alter database ${built[image]} rename to ${kept[image]}`));
      names[image] = kept[image];
    } catch (err) {
      // 42P04: another run kept its own first; this run uses its copy, dropped with the run.
      if ((err as { code?: string }).code !== '42P04') throw err;
    }
  }
  await markUsed(Object.values(names).filter((name) => name.startsWith('gt_cache_')));
  return names;
}

async function markUsed(names: readonly string[]): Promise<void> {
  const comment = `${KEPT_PREFIX} ${new Date().toISOString()}`;
  for (const name of names) await admin((c) => c.query(`comment on database ${name} is '${comment}'`));
}

async function dropStalePostgresImages(key: string): Promise<void> {
  const { rows } = await admin((c) =>
    c.query<{ datname: string; comment: string | null }>(
      `select datname, shobj_description(oid, 'pg_database') as comment from pg_database
       where datname like 'gt\\_cache\\_%'`,
    ),
  );
  const stale = rows.filter((row) => {
    if (row.datname.startsWith(`gt_cache_${key}_`)) return false;
    const used = Date.parse((row.comment ?? '').slice(KEPT_PREFIX.length + 1));
    return row.comment?.startsWith(KEPT_PREFIX) && Date.now() - used > KEEP_FOR_MS;
  });
  await dropPostgresImages(stale.map((row) => row.datname));
}
