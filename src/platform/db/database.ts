/**
 * Opens the database: PostgreSQL when a URL is given, otherwise the embedded PGlite database in a data folder that
 * only one process may open (a lock file says which process holds it). Dates the law counts come back as
 * 'YYYY-MM-DD' strings, never as JavaScript Dates, so no deadline is ever shifted by a time zone.
 */
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { describeFault, FaultLog } from './faults.ts';
import { ConnectionScopes } from './request-connection.ts';
import type { DB } from './schema/index.ts';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  readonly db: Kysely<DB>;
  readonly engine: Engine;
  /** The PGlite instance when embedded (pg-boss and tests use it); undefined on PostgreSQL. */
  readonly pglite: PGlite | undefined;
  /** The PostgreSQL connection string (pg-boss opens its own pool with it); undefined when embedded. */
  readonly url: string | undefined;
  /** Connections the server closed or that failed (PostgreSQL): how many, and the last, for `/health`. */
  readonly faults: FaultLog;
  /** One connection per request (ADR 0062): the web app opens a scope for each request; its queries share one. */
  readonly connections: ConnectionScopes;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connection string. */
  url?: string | undefined;
  /** Embedded: the data folder; omitted means an in-memory database (tests). */
  dataDir?: string | undefined;
  /** PostgreSQL pool size. */
  poolSize?: number;
  /**
   * PostgreSQL: how long a request may wait for a connection (all in use, or the server slow to answer) before it is
   * answered 503: "busy" when every connection was in use, "unavailable" otherwise. 10 s by default.
   */
  connectionWaitMs?: number;
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

/** What a lock file says about the process holding it (older lock files hold only the process id). */
interface LockHolder {
  pid: number;
  /** The process's start time on its machine (Linux: field 22 of /proc/PID/stat), which a reused id does not share. */
  start?: string | undefined;
  host?: string | undefined;
}

/** Lock files this process holds now: a second opening in the same process is refused, not taken over. */
const heldLocks = new Set<string>();

/** How often the holder touches its lock file, and how old a touch may be before a lock from another machine is stale. */
const HEARTBEAT_MS = 10_000;
const HEARTBEAT_STALE_MS = 60_000;

function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in brackets and may hold spaces: count fields after its closing bracket.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** The process's command line, or undefined where the system does not say (not Linux, or not allowed). */
function commandLine(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return undefined;
  }
}

function readLock(lockPath: string): LockHolder | undefined {
  const text = readFileSync(lockPath, 'utf8').trim();
  if (/^\d+$/.test(text)) return { pid: Number(text) };
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (Number.isInteger(parsed.pid) && (parsed.pid as number) > 0) return parsed as LockHolder;
  } catch {
    // unreadable: a lock cut short by a crash while it was written
  }
  return undefined;
}

/**
 * Why the lock is stale, or undefined when a live Goldthread process holds it. Stale: no process named (a lock
 * cut short), the process has ended, the lock names this very process but this process does not hold it (a
 * container's PID 1 restarted after `kill -9` or running out of memory), the process id now belongs to another
 * program (not Node, or started at another time than the holder), or the lock comes from another machine or container
 * and has not been touched for a minute.
 */
function staleness(lockPath: string, holder: LockHolder | undefined): string | undefined {
  if (!holder) return 'it names no process';
  if (holder.host !== undefined && holder.host !== hostname()) {
    const age = Date.now() - statSync(lockPath).mtimeMs;
    return age > HEARTBEAT_STALE_MS
      ? `machine ${holder.host} has not touched it for ${Math.round(age / 1000)} s`
      : undefined;
  }
  if (holder.pid === process.pid) return heldLocks.has(lockPath) ? undefined : 'it names this process';
  if (!isRunning(holder.pid)) return `process ${holder.pid} has ended`;
  const start = processStart(holder.pid);
  if (holder.start !== undefined && start !== undefined && start !== holder.start) {
    return `process ${holder.pid} is another program started later`;
  }
  const argv = commandLine(holder.pid);
  if (
    argv &&
    !/(^|[/\\])node(\.exe|js)?(\d+)?$/i.test(argv[0] ?? '') &&
    !argv.some((a) => /goldthread/i.test(a))
  ) {
    return `process ${holder.pid} is not a Goldthread server (${argv[0] ?? 'unknown'})`;
  }
  return undefined;
}

/** Takes the data folder's lock file, or throws a clear error naming the process that holds it. */
export function lockDataFolder(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, 'goldthread.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      const holder: LockHolder = { pid: process.pid, start: processStart(process.pid), host: hostname() };
      writeSync(fd, JSON.stringify(holder));
      closeSync(fd);
      heldLocks.add(lockPath);
      // The touch tells another machine sharing the folder that the lock is alive.
      const heartbeat = setInterval(() => {
        const now = new Date();
        try {
          utimesSync(lockPath, now, now);
        } catch {
          // the folder went away: nothing to keep alive
        }
      }, HEARTBEAT_MS);
      heartbeat.unref();
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        clearInterval(heartbeat);
        heldLocks.delete(lockPath);
        rmSync(lockPath, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: LockHolder | undefined;
      try {
        holder = readLock(lockPath);
      } catch (readErr) {
        if ((readErr as NodeJS.ErrnoException).code === 'ENOENT') continue; // released meanwhile
        throw readErr;
      }
      const stale = staleness(lockPath, holder);
      if (stale === undefined) {
        const where = holder?.host && holder.host !== hostname() ? ` on ${holder.host}` : '';
        throw new DataFolderLockedError(
          `The embedded database in ${dataDir} is in use by another Goldthread process (process ${holder?.pid}${where}). ` +
            'Stop that process first, or set DATABASE_URL to use PostgreSQL, which many processes can share.',
        );
      }
      process.stderr.write(`database: taking over the stale lock on ${dataDir} (${stale})\n`);
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
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      // A server that does not answer (a network fault, a failover) fails the request instead of holding it for ever;
      // the same bound is the longest a request waits at the door when every connection is in use (ADR 0062).
      connectionTimeoutMillis: options.connectionWaitMs ?? 10_000,
      keepAlive: true,
    });
    const faults = new FaultLog();
    // The server may close a connection at any moment (a restart, a failover, pg_terminate_backend, a network reset).
    // An idle connection's error reaches the pool's 'error' event, and the pool replaces it. A connection in use
    // between two statements (a transaction waiting on the application) emits 'error' on its client, which would end
    // the process without a listener: every client gets one. The statement in flight, or the next one on that
    // client, fails and its request is answered 503; the pool drops the broken client when it is released.
    pool.on('error', (err) => {
      faults.note(err);
      process.stderr.write(`database: an idle connection was closed (${describeFault(err)})\n`);
    });
    pool.on('connect', (client) => {
      client.on('error', (err) => {
        faults.note(err);
        process.stderr.write(`database: a connection in use was closed (${describeFault(err)})\n`);
      });
    });
    const connections = new ConnectionScopes();
    const db = new Kysely<DB>({
      dialect: connections.wrap(new PostgresDialect({ pool }), false, options.poolSize ?? 10),
    });
    return {
      db,
      engine: 'postgres',
      pglite: undefined,
      url: options.url,
      faults,
      connections,
      close: () => db.destroy(),
    };
  }
  const release = options.dataDir ? lockDataFolder(options.dataDir) : () => {};
  try {
    const pglite = await PGlite.create({
      ...(options.dataDir ? { dataDir: join(options.dataDir, 'pglite') } : {}),
      ...(options.image ? { loadDataDir: options.image } : {}),
      extensions: { pg_trgm },
      parsers,
    });
    const connections = new ConnectionScopes();
    const db = new Kysely<DB>({ dialect: connections.wrap(new PGliteDialect({ pglite }), true) });
    return {
      db,
      engine: 'pglite',
      pglite,
      url: undefined,
      faults: new FaultLog(),
      connections,
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
