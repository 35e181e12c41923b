/**
 * Database faults: which errors mean the database cannot be reached (a connection closed by the server, a restart, a
 * failover, a network blip) rather than a fault in the request. The web layer answers those 503 with a clear page,
 * and `/health` reports the last one seen.
 */

/** SQLSTATE classes and codes that mean the connection, not the statement, failed. */
const UNAVAILABLE_CODES = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend, a fast shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, in recovery
  '57P05', // idle_session_timeout
  '53300', // too_many_connections
  '25006', // read_only_sql_transaction: a standby after a failover
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /not queryable/, // pg: a client whose connection has failed
  /^timeout exceeded when trying to connect/,
  /^Client has encountered a connection error/,
  /^Cannot use a pool after calling end/,
  /terminating connection/,
];

/** True when the error (or one it was caused by) says the database could not be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const { code, message, cause, severity } = e as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      severity?: unknown;
    };
    // FATAL and PANIC end the connection, whatever the code (a database refusing connections says 55000).
    if (severity === 'FATAL' || severity === 'PANIC') return true;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => m.test(message))) return true;
    if (e instanceof AggregateError && e.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    e = cause;
  }
  return false;
}

/** A connection fault as `/health` reports it: when, and what, without any data from the request. */
export interface FaultReport {
  readonly at: string;
  readonly error: string;
}

export function describeFault(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message.slice(0, 200) : 'unknown error';
  return typeof code === 'string' ? `${code}: ${text}` : text;
}

/** Counts the connection faults seen and keeps the last one. */
export class FaultLog {
  count = 0;
  last: FaultReport | undefined;
  note(error: unknown): void {
    this.count++;
    this.last = { at: new Date().toISOString(), error: describeFault(error) };
  }
}
