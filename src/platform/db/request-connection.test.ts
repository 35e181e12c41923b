/**
 * One connection per request (ADR 0062): a request's queries, transactions included, share one connection taken from
 * the pool (or the embedded engine's lock) once; a failed request gives it back; outside a request nothing changes.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/db.ts';
import { loadConfig } from '../config.ts';
import { createJobs } from '../jobs/jobs.ts';
import { buildApp } from '../web/app.ts';
import { openDatabase } from './database.ts';

/** The pg driver warns when a statement is sent on a client still running another (pg 9 will refuse it). */
const overlapping: string[] = [];
process.on('warning', (w) => {
  if (/already executing a query/.test(w.message)) overlapping.push(w.message);
});

const one = (database: TestDatabase) => sql<{ n: number }>`select 1 as n`.execute(database.db);

describe.each(ENGINES)('one connection per request (%s)', (engine) => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await sql`create table scope_probe (n int primary key)`.execute(database.db);
    app = await buildApp({
      database,
      config: loadConfig({ COOKIE_SECRET: 'scope-test-secret-scope-test-secret' }),
      jobs: createJobs(database),
      logger: false,
      routes: [
        (a) => {
          // A page of many reads, some side by side, and a change in a transaction.
          a.get('/page', async () => {
            await one(database);
            await Promise.all([one(database), one(database), one(database)]);
            await database.db.transaction().execute(async (trx) => {
              await sql`insert into scope_probe values (1) on conflict do nothing`.execute(trx);
            });
            await one(database);
            return { ok: true };
          });
          a.get('/fails', async () => {
            await one(database);
            throw new Error('the page failed');
          });
          a.get('/fails-in-a-transaction', async () => {
            await database.db.transaction().execute(async (trx) => {
              await sql`insert into scope_probe values (2)`.execute(trx);
              throw new Error('the change failed');
            });
          });
          a.post('/api/form', async (request) => {
            await one(database);
            await one(database);
            return { body: request.body };
          });
          a.get('/static-like', () => ({ ok: true }));
        },
      ],
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const counts = () => database.connections.counts;
  const settled = () => vi.waitFor(() => expect(counts().held).toBe(0));

  it('outside a request, each query takes a connection as before', async () => {
    await settled();
    const before = counts().taken;
    await one(database);
    await one(database);
    await one(database);
    expect(counts().taken - before).toBe(3);
    expect(counts().held).toBe(0);
  });

  it('a page of many queries and a transaction takes one connection, given back after the answer', async () => {
    await settled();
    const before = counts().taken;
    const res = await app.inject({ method: 'GET', url: '/page' });
    expect(res.statusCode).toBe(200);
    await settled();
    expect(counts().taken - before).toBe(1);
    const { rows } = await sql<{ n: number }>`select n from scope_probe`.execute(database.db);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('a form sent over a socket (its body parsed after the first hooks) still shares the request’s connection', async () => {
    await settled();
    const before = counts().taken;
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const res = await fetch(`http://127.0.0.1:${port}/api/form`, {
      method: 'POST',
      body: 'a=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(200);
    await settled();
    expect(counts().taken - before).toBe(1);
  });

  it('a request that reads nothing takes no connection', async () => {
    await settled();
    const before = counts().taken;
    expect((await app.inject({ method: 'GET', url: '/static-like' })).statusCode).toBe(200);
    expect(counts().taken - before).toBe(0);
  });

  it('a failed request gives its connection back, and a failed change is rolled back', async () => {
    await settled();
    const before = counts().taken;
    expect((await app.inject({ method: 'GET', url: '/fails' })).statusCode).toBe(500);
    expect((await app.inject({ method: 'GET', url: '/fails-in-a-transaction' })).statusCode).toBe(500);
    await settled();
    expect(counts().taken - before).toBe(2);
    const { rows } = await sql<{ n: number }>`select n from scope_probe where n = 2`.execute(database.db);
    expect(rows).toEqual([]);
    // The connection is usable again: the next page answers.
    expect((await app.inject({ method: 'GET', url: '/page' })).statusCode).toBe(200);
  });

  it('many requests at once each take one connection and all answer', async () => {
    await settled();
    const before = counts().taken;
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => app.inject({ method: 'GET', url: '/page' })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(12).fill(200));
    await settled();
    expect(counts().taken - before).toBe(12);
  });

  it('two transactions of one scope run one after the other; the connection goes back after the last', async () => {
    await settled();
    const scope = database.connections.open();
    const order: string[] = [];
    const change = (n: number) =>
      database.db.transaction().execute(async (trx) => {
        order.push(`begin ${n}`);
        await sql`insert into scope_probe values (${n}) on conflict do nothing`.execute(trx);
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push(`commit ${n}`);
      });
    const both = scope.run(() => Promise.all([change(10), change(11)]));
    scope.end(); // ended while the changes run: the connection waits for them
    await both;
    expect(order).toEqual(['begin 10', 'commit 10', 'begin 11', 'commit 11']);
    await settled();
    const { rows } = await sql<{ n: number }>`select n from scope_probe where n >= 10 order by n`.execute(
      database.db,
    );
    expect(rows).toEqual([{ n: 10 }, { n: 11 }]);
  });

  it('sends the statements of side-by-side queries one after another', async () => {
    const scope = database.connections.open();
    const sleep = () => sql`select pg_sleep(0.02)`.execute(database.db);
    const t0 = performance.now();
    await scope.run(() => Promise.all([sleep(), sleep(), sleep()]));
    scope.end();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(55);
    expect(overlapping).toEqual([]);
    await settled();
  });

  it('after its scope has ended, work it started takes connections of its own', async () => {
    await settled();
    const scope = database.connections.open();
    await scope.run(() => one(database));
    scope.end();
    await settled();
    const before = counts().taken;
    await scope.run(() => one(database));
    expect(counts().taken - before).toBe(1);
    await settled();
  });
});

describe('the door: every connection in use for the whole wait (PostgreSQL)', () => {
  let template: TestDatabase;
  let database: Awaited<ReturnType<typeof openDatabase>>;
  let app: FastifyInstance;

  beforeAll(async () => {
    template = await createTestDatabase('postgres');
    // One connection, a short wait: a second request waits at the door, then is told the service is busy.
    database = await openDatabase({ url: template.url, poolSize: 1, connectionWaitMs: 300 });
    app = await buildApp({
      database,
      config: loadConfig({ COOKIE_SECRET: 'scope-test-secret-scope-test-secret' }),
      jobs: createJobs(database),
      logger: false,
      routes: [
        (a) => {
          a.get('/slow', async () => {
            await sql`select pg_sleep(1)`.execute(database.db);
            return { ok: true };
          });
          a.get('/quick', async () => {
            await sql`select 1`.execute(database.db);
            return { ok: true };
          });
        },
      ],
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await template?.close();
  });

  it('answers 503 "service busy" after the wait, and serves the next request once a connection is free', async () => {
    const slow = app.inject({ method: 'GET', url: '/slow' });
    await vi.waitFor(() => expect(database.connections.counts.held).toBe(1));
    const busy = await app.inject({ method: 'GET', url: '/quick' });
    expect(busy.statusCode).toBe(503);
    expect(busy.headers['retry-after']).toBe('10');
    expect(busy.body).toContain('Sorry, the service is busy');
    expect(busy.body).toContain('Nothing was changed.');
    expect((await slow).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/quick' })).statusCode).toBe(200);
  });
});
