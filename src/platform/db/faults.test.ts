/**
 * Database faults (issue 16 item 1), on PostgreSQL: the real service, started as `goldthread serve` in its own
 * process, is read and written under load while the test closes its database connections again and again
 * (`pg_terminate_backend`, on connections idle and in use, the job workers' included), then shuts the database to
 * new connections for a while. The process must not exit; a request whose connection was closed is answered 503 with
 * a clear page, never 500; no acknowledged write is lost; `/health` says what is wrong while it is wrong; once the
 * database is back the next requests succeed and the job workers run jobs again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { urlFor } from '../../../test/helpers/images.ts';
import { DEMO_TOTP_SECRET, stepAt, TOTP_PERIOD_SECONDS, totpFor } from '../auth/second-factor.ts';
import { NOTIFY_QUEUE } from '../notify/notify.ts';
import { describeFault, isDatabaseUnavailable } from './faults.ts';

/** The demo accounts' password (the demo contract, docs/architecture.md). */
const DEMO_PASSWORD = 'goldthread-demo';

/** The test's own connections carry this name, so the terminator leaves them alone. */
const TEST_APP_NAME = 'goldthread-fault-test';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A browser-like client over HTTP: keeps cookies, reads the CSRF token from the form, never follows redirects. */
class HttpClient {
  private readonly cookies = new Map<string, string>();
  private readonly base: string;
  constructor(base: string) {
    this.base = base;
  }

  async request(path: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const headers: Record<string, string> = {
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    };
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(this.base + path, {
      method: init.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    return {
      status: response.status,
      text: await response.text(),
      location: response.headers.get('location'),
    };
  }

  /** GETs the form, then POSTs it with the page's CSRF token. */
  async submit(path: string, fields: Record<string, string>) {
    const page = await this.request(path);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1];
    if (!token) return page; // the form page itself failed (503): that is this attempt's answer
    return this.request(path, { form: { ...fields, _csrf: token } });
  }
}

/**
 * The demo staff's second-factor codes by the wall clock (the service runs in its own process): each sign-in of an
 * account takes the next 30-second step no code of it has used, waiting for it when it is more than a step ahead.
 */
const lastStep = new Map<string, number>();
async function demoCode(account: string): Promise<string> {
  const now = stepAt(new Date());
  const step = Math.max(now, (lastStep.get(account) ?? -1) + 1);
  lastStep.set(account, step);
  const wait = (step - 1) * TOTP_PERIOD_SECONDS * 1000 - Date.now() + 100;
  if (step > now + 1 && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return totpFor(DEMO_TOTP_SECRET).generate({ timestamp: step * TOTP_PERIOD_SECONDS * 1000 });
}

/** Signs a demo account in, second factor included for staff; every answer counted when a tally is given. */
async function signIn(client: HttpClient, account: string, tally?: Tally) {
  const answer = await client.submit('/sign-in', {
    email: `${account}@demo.example`,
    password: DEMO_PASSWORD,
  });
  if (tally) await count(tally, answer.status, answer.text);
  if (answer.status !== 303 || !answer.location?.startsWith('/second-factor')) return answer;
  const code = await client.submit(answer.location, { code: await demoCode(account) });
  if (tally) await count(tally, code.status, code.text);
  return code;
}

interface Tally {
  requests: number;
  statuses: Map<number, number>;
  /** Requests that got no HTTP answer at all (the process gone, a connection reset). */
  networkErrors: number;
  unavailablePages: number;
  acknowledged: string[];
  notAcknowledged: string[];
}

async function count(tally: Tally, status: number, text: string) {
  tally.requests++;
  // A person who sees the 503 page waits a moment before trying again.
  if (status === 503) await new Promise((resolve) => setTimeout(resolve, 200));
  tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
  if (status === 503 && text.includes('Sorry, the service is unavailable')) tally.unavailablePages++;
}

describe('the service under database faults (PostgreSQL)', () => {
  let database: TestDatabase;
  let url: string;
  let service: ChildProcess;
  let base: string;
  const exits: Array<number | null> = [];
  const serviceErrors: string[] = [];

  /** A connection of the test's own, which the terminator leaves alone. */
  async function adminQuery<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
    const client = new pg.Client({ connectionString: url, application_name: TEST_APP_NAME });
    await client.connect();
    try {
      return await client.query<T>(text, values);
    } finally {
      await client.end();
    }
  }

  /**
   * Closes every connection the service has to its database; resolves to how many were closed. The connections are
   * chosen first, in a materialised CTE, and only then terminated: with `pg_terminate_backend(pid)` in the same WHERE
   * as `datname = $1`, the planner pushes it below pg_stat_activity's join with pg_database, so it ran before the
   * database was checked and ended every connection on the server (other test files' included).
   */
  async function terminateServiceConnections(serverAdmin: pg.Client, name: string): Promise<number> {
    const { rows } = await serverAdmin.query<{ pid: number }>(
      `with chosen as materialized (
         select pid from pg_stat_activity
         where datname = $1 and pid <> pg_backend_pid() and application_name <> $2
       )
       select pid from chosen where pg_terminate_backend(pid)`,
      [name, TEST_APP_NAME],
    );
    return rows.length;
  }

  beforeAll(async () => {
    database = await createTestDatabase('postgres', { image: 'demo' });
    url = database.url!;
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    service = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', 'src/cli/main.ts', 'serve'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: url,
        GOLDTHREAD_DEMO: 'true',
        COOKIE_SECRET: 'fault-test-secret-fault-test-secret',
        PORT: String(port),
        HOST: '127.0.0.1',
        SIGN_IN_LIMIT: '100000',
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    service.on('exit', (code) => exits.push(code));
    service.stderr!.on('data', (chunk: Buffer) => serviceErrors.push(chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      service.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Goldthread is running')) resolve();
      });
      service.once('exit', (code) =>
        reject(new Error(`the service exited (${code}): ${serviceErrors.join('')}`)),
      );
    });
  }, 180_000);

  afterAll(async () => {
    if (service && service.exitCode === null) {
      const exited = new Promise((resolve) => service.once('exit', resolve));
      service.kill('SIGTERM');
      await exited;
    }
    await database?.close();
  });

  it('survives connections closed at any moment under load, answers 503 for the requests hit, loses no acknowledged write, and recovers', async () => {
    const name = new URL(url).pathname.slice(1);
    // On the server's own database: a database cannot be shut to connections from inside itself.
    const serverAdmin = new pg.Client({
      connectionString: urlFor('postgres'),
      application_name: TEST_APP_NAME,
    });
    serverAdmin.on('error', () => {}); // the query in flight reports it
    await serverAdmin.connect();
    const tally: Tally = {
      requests: 0,
      statuses: new Map(),
      networkErrors: 0,
      unavailablePages: 0,
      acknowledged: [],
      notAcknowledged: [],
    };
    let running = true;
    let terminations = 0;
    let rounds = 0;
    const healthDuringFaults: Array<{ status: number; body: string }> = [];

    async function guarded(fn: () => Promise<void>) {
      try {
        await fn();
      } catch {
        tally.requests++;
        tally.networkErrors++;
      }
    }

    // Readers: signed-in staff and a parent, each on their own session, reading their lists and home pages.
    const readerAccounts = ['caseworker', 'manager', 'leader', 'caseworker', 'parent', 'ep'];
    const readers = readerAccounts.map(async (account) => {
      const client = new HttpClient(base);
      let signedIn = false;
      while (running) {
        await guarded(async () => {
          if (!signedIn) {
            const answer = await signIn(client, account, tally);
            signedIn = answer.status === 303;
            return;
          }
          for (const path of ['/', '/children', '/plans', '/assessments', '/local-offer']) {
            if (!running) break;
            const page = await client.request(path);
            await count(tally, page.status, page.text);
            // 302: sent to sign in (a session that could not be read is never taken as signed in): sign in again.
            if (page.status === 302) signedIn = false;
          }
        });
      }
    });
    // Writers: Local Offer comments, each with its own marker, counted as acknowledged only on 303.
    let sequence = 0;
    const writers = Array.from({ length: 4 }, async () => {
      const client = new HttpClient(base);
      while (running) {
        await guarded(async () => {
          const marker = `fault-test-${++sequence}-${randomUUID()}`;
          const answer = await client.submit('/local-offer/comments', { body: `Comment ${marker}` });
          await count(tally, answer.status, answer.text);
          (answer.status === 303 ? tally.acknowledged : tally.notAcknowledged).push(marker);
        });
      }
    });
    // The faults: every 1.5 s close every connection the service holds, idle or in the middle of a request.
    const faults = async () => {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const until = Date.now() + 20_000;
      while (Date.now() < until) {
        terminations += await terminateServiceConnections(serverAdmin, name);
        rounds++;
        if (rounds % 4 === 0) {
          const health = await fetch(`${base}/health`).catch(() => undefined);
          if (health) healthDuringFaults.push({ status: health.status, body: await health.text() });
        }
        await new Promise((resolve) => setTimeout(resolve, 1_500));
      }
      // Then the database refuses new connections for 3 s (a restart, a failover): everything fails until it is back.
      await serverAdmin.query(`alter database ${name} with allow_connections false`);
      terminations += await terminateServiceConnections(serverAdmin, name);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const health = await fetch(`${base}/health`);
      healthDuringFaults.push({ status: health.status, body: await health.text() });
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await serverAdmin.query(`alter database ${name} with allow_connections true`);
    };
    const terminator = (async () => {
      try {
        await faults();
      } finally {
        running = false;
      }
    })();
    try {
      await terminator;
    } finally {
      await Promise.all([...readers, ...writers]);
      await serverAdmin.query(`alter database ${name} with allow_connections true`);
      await serverAdmin.end();
    }

    // The process is still there, and once the database is back every request succeeds.
    expect(exits).toEqual([]);
    const after = new HttpClient(base);
    const signedIn = await signIn(after, 'caseworker');
    expect(signedIn.status).toBe(303);
    for (const path of ['/', '/children', '/plans', '/local-offer']) {
      expect((await after.request(path)).status).toBe(200);
    }
    const recovered = await after.submit('/local-offer/comments', { body: 'Comment after the faults' });
    expect(recovered.status).toBe(303);

    // /health said what was wrong while the database refused connections, and says what happened since.
    const refused = healthDuringFaults.at(-1)!;
    expect(refused.status).toBe(503);
    const refusedReport = JSON.parse(refused.body) as { database: { error: string } };
    expect(refusedReport).toMatchObject({
      status: 'error',
      database: { engine: 'postgres', status: 'unavailable' },
    });
    expect(refusedReport.database.error).toContain('not currently accepting connections');
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    const report = (await health.json()) as { database: { faults: number; lastFault?: { error: string } } };
    expect(report.database.faults).toBeGreaterThan(0);
    expect(report.database.lastFault?.error).toBeTruthy();

    // No acknowledged write lost, none written twice.
    const { rows } = await adminQuery<{ body: string }>(
      `select body from local_offer_feedback where body like 'Comment fault-test-%'`,
    );
    const saved = new Map<string, number>();
    for (const row of rows) {
      const marker = row.body.slice('Comment '.length);
      saved.set(marker, (saved.get(marker) ?? 0) + 1);
    }
    const lost = tally.acknowledged.filter((m) => !saved.has(m));
    const duplicated = [...saved.values()].filter((n) => n > 1).length;
    const savedUnacknowledged = tally.notAcknowledged.filter((m) => saved.has(m)).length;

    // The job workers run jobs again: a job sent now is done within a few polls.
    const boss = new PgBoss({
      connectionString: `${url}${url.includes('?') ? '&' : '?'}application_name=${TEST_APP_NAME}`,
      schema: 'pgboss',
      supervise: false,
      schedule: false,
      migrate: false,
    });
    await boss.start();
    let jobState: string | undefined;
    try {
      const jobId = await boss.send(NOTIFY_QUEUE, { laCode: '999', id: randomUUID(), personalisation: {} });
      for (let i = 0; i < 60 && jobState !== 'completed'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        jobState = (await boss.getJobById(NOTIFY_QUEUE, jobId!))?.state;
      }
    } finally {
      await boss.stop({ graceful: false });
    }

    const figures = {
      test: 'database-faults',
      requests: tally.requests,
      terminations,
      rounds,
      statuses: Object.fromEntries([...tally.statuses].sort(([a], [b]) => a - b)),
      unavailable503: tally.unavailablePages,
      networkErrors: tally.networkErrors,
      writesAcknowledged: tally.acknowledged.length,
      writesLost: lost.length,
      writesDuplicated: duplicated,
      writesNotAcknowledgedButSaved: savedUnacknowledged,
      jobAfterFaults: jobState,
      processExits: exits.length,
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);

    expect(terminations).toBeGreaterThan(20);
    expect(tally.statuses.get(500) ?? 0).toBe(0);
    const otherFailures = [...tally.statuses].filter(([s]) => s >= 500 && s !== 503);
    expect(otherFailures).toEqual([]);
    // Every 503 is the clear page, not a bare error.
    expect(tally.unavailablePages).toBe(tally.statuses.get(503) ?? 0);
    expect(tally.unavailablePages).toBeGreaterThan(0);
    expect(tally.networkErrors).toBe(0);
    expect(tally.acknowledged.length).toBeGreaterThan(20);
    expect(lost).toEqual([]);
    expect(duplicated).toBe(0);
    expect(jobState).toBe('completed');
    expect(exits).toEqual([]);
  }, 240_000);
});

describe('which errors mean the database is unavailable', () => {
  it('knows connection faults from faults in the request', () => {
    const terminated = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
      severity: 'FATAL',
    });
    expect(isDatabaseUnavailable(terminated)).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(
      isDatabaseUnavailable(new Error('Client has encountered a connection error and is not queryable')),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('database "x" is not currently accepting connections'), {
          code: '55000',
          severity: 'FATAL',
        }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: terminated }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([terminated]))).toBe(true);
    // A statement's own fault is not the database being unavailable.
    const badInput = Object.assign(new Error('invalid input syntax for type uuid: "x"'), {
      code: '22P02',
      severity: 'ERROR',
    });
    expect(isDatabaseUnavailable(badInput)).toBe(false);
    expect(isDatabaseUnavailable(new Error('something else'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(describeFault(terminated)).toBe('57P01: terminating connection due to administrator command');
  });
});
