/**
 * Background jobs with pg-boss in the same database (PGlite or PostgreSQL). A job sent with the business
 * transaction exists only if that transaction commits (`send(trx, ...)`), so side effects such as messages happen
 * after the change is safe. The service runs workers; tests and commands run waiting jobs on demand.
 */
import { PgBoss, fromKysely, fromPglite } from 'pg-boss';
import type { Executor } from '../audit/audit.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { FaultLog } from '../db/faults.ts';
import type { Notifier } from '../notify/notify.ts';

export type Handler = (data: unknown) => Promise<void>;

export interface JobOptions {
  /** Run no sooner than this many seconds from now. */
  startAfterSeconds?: number;
  /**
   * A key for `singletonSeconds`. On its own it does not stop a second job with the same key (the queues are
   * pg-boss's standard policy): give `singletonSeconds` too for one job a key.
   */
  singletonKey?: string;
  /** With `singletonKey`: one job with the key (waiting, running or done) per time slot of this many seconds. */
  singletonSeconds?: number;
  retryLimit?: number;
}

export interface Jobs {
  /** Queues a job inside the caller's transaction. */
  send(trx: Executor, queue: string, data: object, options?: JobOptions): Promise<void>;
  /** Registers the handler for a queue (before start). */
  handle(queue: string, handler: Handler): void;
  /** Runs a queue on a cron schedule (UK time), when workers run. */
  schedule(queue: string, cron: string, data?: object): void;
  /** Starts pg-boss; with workers, handlers run in the background as jobs arrive. */
  start(options: { workers: boolean }): Promise<void>;
  /** Runs every job waiting in the queue now (tests and commands); resolves to how many ran. */
  runPending(queue: string): Promise<number>;
  stop(): Promise<void>;
  /** Errors pg-boss reported (its connections closed, a poll that failed): how many, and the last, for `/health`. */
  readonly faults: FaultLog;
}

/** What a job registration is given (the composition root registers every feature's jobs with it). */
export interface JobDeps {
  readonly database: Database;
  readonly config: Config;
  readonly jobs: Jobs;
  readonly notifier: Notifier;
}

/**
 * Installs or updates the job queue's schema (pg-boss's tables), as the role that owns the tables, when the service's
 * own role may not create them (MIGRATION_DATABASE_URL).
 */
export async function installJobsSchema(url: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: url,
    schema: 'pgboss',
    max: 1,
    supervise: false,
    schedule: false,
  });
  boss.on('error', (err: unknown) => {
    process.stderr.write(`jobs: ${err instanceof Error ? err.message : String(err)}\n`);
  });
  await boss.start();
  await boss.stop({ graceful: false });
}

export interface CreateJobsOptions {
  /** Install or update pg-boss's schema at start (default true); false when the owner did it (installJobsSchema). */
  readonly migrate?: boolean;
  /**
   * How often pg-boss looks for schedules that came due and forwards them (its `cronMonitorIntervalSeconds` and
   * `cronWorkerIntervalSeconds`; pg-boss's 30 and 5 by default). Tests make it 1 so a schedule runs in seconds.
   */
  readonly cronIntervalSeconds?: number;
}

export function createJobs(database: Database, options: CreateJobsOptions = {}): Jobs {
  const handlers = new Map<string, Handler>();
  const schedules: Array<{ queue: string; cron: string; data: object }> = [];
  const cron = options.cronIntervalSeconds
    ? {
        cronMonitorIntervalSeconds: options.cronIntervalSeconds,
        cronWorkerIntervalSeconds: options.cronIntervalSeconds,
      }
    : {};
  const boss =
    database.engine === 'pglite'
      ? new PgBoss({ db: fromPglite(database.pglite!), backend: 'pglite', schema: 'pgboss', ...cron })
      : new PgBoss({
          connectionString: database.url!,
          schema: 'pgboss',
          max: 3,
          ...(options.migrate === false ? { migrate: false } : {}),
          ...cron,
        });
  const faults = new FaultLog();
  // pg-boss reports a failed poll or a closed connection here and keeps polling: the workers resume by themselves.
  boss.on('error', (err: unknown) => {
    faults.note(err);
    process.stderr.write(`jobs: ${err instanceof Error ? err.message : String(err)}\n`);
  });
  let started = false;
  const queues = new Set<string>();

  async function ensureQueue(name: string) {
    if (queues.has(name)) return;
    await boss.createQueue(name, { retryLimit: 3, retryBackoff: true });
    // Prime pg-boss's queue cache now (deleting a job that cannot exist reads the queue and changes nothing).
    // Otherwise the first send inside a transaction would look the queue up on pg-boss's own connection, which on
    // PGlite (one connection, held by the transaction) waits for ever.
    await boss.deleteJob(name, '00000000-0000-0000-0000-000000000000');
    queues.add(name);
  }

  return {
    faults,
    async send(trx, queue, data, options = {}) {
      if (!started) throw new Error(`jobs: send to ${queue} before start`);
      if (!queues.has(queue)) throw new Error(`jobs: no handler registered for queue ${queue}`);
      await boss.send(queue, data, {
        db: fromKysely(trx),
        ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
        ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
        ...(options.singletonSeconds ? { singletonSeconds: options.singletonSeconds } : {}),
        ...(options.retryLimit !== undefined ? { retryLimit: options.retryLimit } : {}),
      });
    },
    handle(queue, handler) {
      if (started) throw new Error(`jobs: handler for ${queue} registered after start`);
      handlers.set(queue, handler);
    },
    schedule(queue, cron, data = {}) {
      schedules.push({ queue, cron, data });
    },
    async start({ workers }) {
      await boss.start();
      started = true;
      for (const queue of handlers.keys()) await ensureQueue(queue);
      if (!workers) return;
      for (const [queue, handler] of handlers) {
        await boss.work(queue, { pollingIntervalSeconds: 2 }, async (jobs: Array<{ data: unknown }>) => {
          for (const job of jobs) await handler(job.data);
        });
      }
      for (const { queue, cron, data } of schedules) {
        await boss.schedule(queue, cron, data, { tz: 'Europe/London' });
      }
    },
    async runPending(queue) {
      const handler = handlers.get(queue);
      if (!handler) throw new Error(`jobs: no handler for ${queue}`);
      let ran = 0;
      for (;;) {
        const batch = await boss.fetch<object>(queue, { batchSize: 50 });
        if (!batch.length) return ran;
        for (const job of batch) {
          try {
            await handler(job.data);
            await boss.complete(queue, job.id);
          } catch (err) {
            await boss.fail(queue, job.id, { message: err instanceof Error ? err.message : String(err) });
          }
          ran++;
        }
      }
    },
    async stop() {
      if (started) await boss.stop({ graceful: true, timeout: 5000 });
      started = false;
    },
  };
}
