/**
 * Audit completeness (issue 16 item 7): every refusal is written to the audit log as a denial. The test walks the
 * route table of the app as the service builds it (read from Fastify, so a new route is covered without changing
 * this file): every GET route, its parameters filled with an id that names nothing, as every demo account. Each 403
 * must have written a denied entry for that user. Pages that list children record which children they showed.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { TestClient } from '../../test/helpers/client.ts';
import { DEMO_ACCOUNTS, DEMO_LA_CODE, DEMO_PASSWORD } from '../demo/accounts.ts';

/** An id of the right shape that names no record. */
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/** Every route as `METHOD path`, read from Fastify's route tree. */
export function routeTable(app: FastifyInstance): Array<{ method: string; path: string }> {
  const routes: Array<{ method: string; path: string }> = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^(.*?)(?:├── |└── )(.*)$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const text = match[2]!;
    const methods = /^(.*?) \(([A-Z, ]+)\)$/.exec(text);
    const segment = methods ? methods[1]! : text;
    stack.length = depth;
    stack.push(segment);
    if (!methods) continue;
    const path = stack.join('');
    for (const method of methods[2]!.split(', ')) routes.push({ method, path });
  }
  return routes;
}

describe('every refusal is audited as a denial (the route table, every demo account)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp('pglite', {}, { image: 'demo' });
  });
  afterAll(() => t?.close());

  it('reads the route table', () => {
    const routes = routeTable(t.app);
    expect(routes).toContainEqual({ method: 'GET', path: '/children/:childId' });
    expect(routes).toContainEqual({ method: 'POST', path: '/sign-in' });
  });

  it('records which children a list page showed: /children and /plans', async () => {
    const client = new TestClient(t.app);
    await client.signIn('caseworker@demo.example', DEMO_PASSWORD);
    for (const [path, action] of [
      ['/children', 'child.list.read'],
      ['/plans', 'plan.list.read'],
    ] as const) {
      const page = await client.get(path);
      expect(page.statusCode).toBe(200);
      const entry = await t.database.db
        .selectFrom('audit_log')
        .select(['record_id', 'outcome', 'detail'])
        .where('la_code', '=', DEMO_LA_CODE)
        .where('action', '=', action)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(entry).toMatchObject({ record_id: path, outcome: 'ok' });
      const shown = (entry.detail as { children: string[] }).children;
      expect(shown.length).toBeGreaterThan(0);
      // Each child listed is one the page links to.
      for (const childId of shown.slice(0, 5)) {
        const child = await t.database.db
          .selectFrom('child')
          .select(['reference'])
          .where('la_code', '=', DEMO_LA_CODE)
          .where('id', '=', childId)
          .executeTakeFirstOrThrow();
        expect(page.body).toContain(child.reference);
      }
    }
  });

  it('writes a denied audit entry for every 403, on every GET route, for every role', async () => {
    const pages = routeTable(t.app)
      .filter((r) => r.method === 'GET')
      .map((r) => r.path)
      .filter((p) => !p.includes('*') && !p.startsWith('/assets') && !p.startsWith('/static'));
    const unaudited: string[] = [];
    let requests = 0;
    let refusals = 0;
    const statuses = new Map<number, number>();
    for (const account of DEMO_ACCOUNTS) {
      const client = new TestClient(t.app);
      expect((await client.signIn(account.email, DEMO_PASSWORD)).statusCode).toBe(303);
      const user = await t.database.db
        .selectFrom('app_user')
        .select('id')
        .where('la_code', '=', DEMO_LA_CODE)
        .where('email', '=', account.email)
        .executeTakeFirstOrThrow();
      const denials = async () =>
        Number(
          (
            await t.database.db
              .selectFrom('audit_log')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('la_code', '=', DEMO_LA_CODE)
              .where('user_id', '=', user.id)
              .where('outcome', '=', 'denied')
              .executeTakeFirstOrThrow()
          ).n,
        );
      for (const pattern of pages) {
        if (pattern === '/sign-out') continue;
        const url = pattern.replace(/:[A-Za-z]+/g, NO_SUCH_ID);
        const before = await denials();
        const response = await client.get(url);
        requests++;
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        if (response.statusCode !== 403) continue;
        refusals++;
        if ((await denials()) <= before) unaudited.push(`${account.role} GET ${pattern}`);
      }
    }
    process.stdout.write(
      `${JSON.stringify({
        test: 'audit-completeness',
        routes: pages.length,
        accounts: DEMO_ACCOUNTS.length,
        requests,
        refusals403: refusals,
        unaudited: unaudited.length,
        statuses: Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
      })}\n`,
    );
    expect(statuses.get(500) ?? 0).toBe(0);
    expect(refusals).toBeGreaterThan(100);
    expect(unaudited).toEqual([]);
  }, 600_000);
});
