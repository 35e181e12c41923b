/**
 * One shape for every write (ozone's transaction-scoped context): a `ChangeContext` holds the transaction, who is
 * acting, today, the jobs, and what to run once the change has committed. `withChange` opens the transaction, builds
 * the context and runs the after-commit work. Writers take a `ChangeContext` (so a write outside a transaction does
 * not type-check: `trx` is a `Transaction<DB>`, never the outer `Kysely<DB>`).
 *
 * Durable follow-ups (messages, jobs) are not after-commit work: queue them inside the transaction
 * (`queueNotification(ctx.trx, ctx.jobs, …)`), so they exist exactly when the change does. `afterCommit` is for what
 * may be lost in a crash: refreshing a cache, a metric, a log line.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../access/access.ts';
import type { DB } from '../db/schema/index.ts';
import type { Jobs } from '../jobs/jobs.ts';

export type Tx = Transaction<DB>;

export interface ChangeContext {
  readonly trx: Tx;
  readonly actor: Actor;
  /** Today in London ('YYYY-MM-DD'), fixed for the whole change. */
  readonly today: string;
  readonly jobs: Jobs;
  /** Runs `fn` after the transaction commits (never if it rolls back). Errors are reported, not thrown. */
  afterCommit(fn: () => void | Promise<void>): void;
}

/** What `withChange` needs: a feature's ServiceDeps has all of it. */
export interface ChangeDeps {
  readonly db: Kysely<DB>;
  readonly jobs: Jobs;
  readonly today: () => string;
}

export async function withChange<T>(
  deps: ChangeDeps,
  actor: Actor,
  fn: (ctx: ChangeContext) => Promise<T>,
): Promise<T> {
  const after: Array<() => void | Promise<void>> = [];
  const today = deps.today();
  const result = await deps.db
    .transaction()
    .execute((trx) => fn({ trx, actor, today, jobs: deps.jobs, afterCommit: (f) => void after.push(f) }));
  for (const f of after) {
    try {
      await f();
    } catch (err) {
      // The change is already safe; a lost follow-up must not turn it into an error page.
      process.stderr.write(`after commit: ${err instanceof Error ? err.message : String(err)}\n`);
    }
  }
  return result;
}
