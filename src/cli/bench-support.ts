/** What every benchmark in src/cli/bench/ shares: options, percentiles, and a scratch PostgreSQL database. */
import pg from 'pg';
import { UsageError } from './command.ts';

/** The PostgreSQL server benchmarks make their databases on. */
export const serverUrl = (): string =>
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

/** A whole-number option `--name N` (or `--name=N`) above 0, or the fallback. */
export function option(args: readonly string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const raw = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0)
    throw new UsageError(`${name} must be a whole number above 0, not "${raw}"`);
  return n;
}

/** The p-th percentile (nearest rank) of numbers sorted ascending; NaN for none. */
export function percentile(sorted: readonly number[], p: number): number {
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[at] ?? Number.NaN;
}

/** Runs one statement (create or drop a database) on the server's maintenance database. */
export async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The connection string of a database on the same server. */
export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export const round = (n: number): number => Math.round(n * 10) / 10;
