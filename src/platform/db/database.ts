/**
 * Opens the database: PostgreSQL when a URL is given, otherwise the embedded PGlite database in a data folder that
 * only one process may open (a lock file says which process holds it). Dates the law counts come back as
 * 'YYYY-MM-DD' strings, never as JavaScript Dates, so no deadline is ever shifted by a time zone.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema/index.ts';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  readonly db: Kysely<DB>;
  readonly engine: Engine;
  /** The PGlite instance when embedded (pg-boss and tests use it); undefined on PostgreSQL. */
  readonly pglite: PGlite | undefined;
  /** The PostgreSQL connection string (pg-boss opens its own pool with it); undefined when embedded. */
  readonly url: string | undefined;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connection string. */
  url?: string | undefined;
  /** Embedded: the data folder; omitted means an in-memory database (tests). */
  dataDir?: string | undefined;
  /** PostgreSQL pool size. */
  poolSize?: number;
  /** Embedded, in memory: start from this data-folder image (a `dumpDataDir()` tarball) instead of an empty database. */
  image?: Blob | undefined;
}

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const parsers = {
  [DATE_OID]: (value: string) => value,
  [INT8_OID]: (value: string) => Number(value),
  [NUMERIC_OID]: (value: string) => Number(value),
};

export class DataFolderLockedError extends Error {}

/** Takes the data folder's lock file, or throws a clear error naming the process that holds it. */
export function lockDataFolder(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, 'goldthread.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(lockPath, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
        throw new DataFolderLockedError(
          `The embedded database in ${dataDir} is in use by another Goldthread process (process ${holder}). ` +
            'Stop that process first, or set DATABASE_URL to use PostgreSQL, which many processes can share.',
        );
      }
      // A lock left by a process that has ended: take it over.
      rmSync(lockPath, { force: true });
    }
  }
  throw new DataFolderLockedError(`Could not take the lock on ${lockPath}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) {
    pg.types.setTypeParser(DATE_OID, parsers[DATE_OID]);
    pg.types.setTypeParser(INT8_OID, parsers[INT8_OID]);
    pg.types.setTypeParser(NUMERIC_OID, parsers[NUMERIC_OID]);
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection can be closed by the server (a restart, an administrator): the pool replaces it. Without a
    // listener that 'error' event would end the process.
    pool.on('error', (err) => {
      process.stderr.write(`database: an idle connection was closed (${err.message})\n`);
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', pglite: undefined, url: options.url, close: () => db.destroy() };
  }
  const release = options.dataDir ? lockDataFolder(options.dataDir) : () => {};
  try {
    const pglite = await PGlite.create({
      ...(options.dataDir ? { dataDir: join(options.dataDir, 'pglite') } : {}),
      ...(options.image ? { loadDataDir: options.image } : {}),
      extensions: { pg_trgm },
      parsers,
    });
    const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
    return {
      db,
      engine: 'pglite',
      pglite,
      url: undefined,
      async close() {
        try {
          await db.destroy();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
