/**
 * Times the SQL a benchmark's pages run: wraps `pg.Client.prototype.query` (the driver every PostgreSQL connection
 * uses) so each query's time on the driver, and its text and parameters, are recorded until `stop()`. For
 * benchmarks that request one page at a time, the sum since `reset()` is that page's own SQL time.
 */
import { loadavg } from 'node:os';
import pg from 'pg';

export interface QueryClock {
  reset(): void;
  /** Milliseconds spent in queries since the last reset. */
  ms(): number;
  queries(): ReadonlyArray<{ text: string; values: unknown }>;
  stop(): void;
}

export function queryClock(): QueryClock {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  let spent = 0;
  let ran: Array<{ text: string; values: unknown }> = [];
  proto.query = function timed(this: unknown, ...args: unknown[]) {
    const started = performance.now();
    const result = original.apply(this, args);
    const first = args[0];
    const text = typeof first === 'string' ? first : ((first as { text?: string } | null)?.text ?? '');
    const values = typeof first === 'string' ? args[1] : (first as { values?: unknown } | null)?.values;
    ran.push({ text, values });
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      const done = () => {
        spent += performance.now() - started;
      };
      (result as Promise<unknown>).then(done, done);
    }
    return result;
  };
  return {
    reset() {
      spent = 0;
      ran = [];
    },
    ms: () => spent,
    queries: () => ran,
    stop() {
      proto.query = original;
    },
  };
}

/** The machine's load averages (1, 5 and 15 minutes), as `uptime` prints them. */
export const loadAverage = (): string =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');
