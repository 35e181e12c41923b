/**
 * Audit completeness (issue 16 item 7): every refusal is written to the audit log as a denial. The test walks the
 * route table of the app as the service builds it (read from Fastify, so a new route is covered without changing
 * this file): every GET route, its parameters filled with an id that names nothing, as every demo account. Each 403
 * must have written a denied entry for that user. Every child a page names (by reference or full name), on every
 * page each demo account reaches from its home page and every route without ids, must be recorded by an audit entry
 * that request wrote: a read of that child, or a list view naming it in detail.children.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { TestClient } from '../../test/helpers/client.ts';
import { routeTable } from '../../test/helpers/route-table.ts';
import { DEMO_ACCOUNTS, DEMO_LA_CODE, DEMO_PASSWORD } from '../demo/accounts.ts';
import { rolesFor, routeRolesOf } from '../platform/web/permissions.ts';

/** An id of the right shape that names no record. */
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

const patternRegex = (pattern: string) =>
  new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '[^/]+')}$`);

describe('every refusal is audited as a denial (the route table, every demo account)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp('pglite', {}, { image: 'demo' });
  });
  afterAll(() => t?.close());

  /** The last entry in the demo authority's audit log now (the log is append-only: a later entry has a higher id). */
  const lastAuditId = async (): Promise<number> => {
    const last = await t.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('id').as('id'))
      .where('la_code', '=', DEMO_LA_CODE)
      .executeTakeFirst();
    return Number(last?.id ?? 0);
  };
  /**
   * Whether a denial of this user was written after the entry `after`. A user's entries carry the user's authority
   * (the log's foreign key), so each question reads only the entries written since, not the user's whole history.
   */
  const deniedSince = async (userId: string, after: number): Promise<boolean> =>
    (await t.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('la_code', '=', DEMO_LA_CODE)
      .where('id', '>', after)
      .where('user_id', '=', userId)
      .where('outcome', '=', 'denied')
      .limit(1)
      .executeTakeFirst()) !== undefined;

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

  it('records every child a page shows (every page each demo account reaches from home, and every route without ids)', async () => {
    const children = await t.database.db
      .selectFrom('child')
      .select(['id', 'reference', 'given_name', 'family_name', 'preferred_name'])
      .where('la_code', '=', DEMO_LA_CODE)
      .execute();
    const users = await t.database.db
      .selectFrom('app_user')
      .select('display_name')
      .where('la_code', '=', DEMO_LA_CODE)
      .execute();
    const userNames = new Set(users.map((u) => u.display_name));
    const escape = (text: string) =>
      text.replaceAll('&', '&amp;').replaceAll("'", '&#39;').replaceAll('"', '&quot;');
    /** How a page names a child: its reference, or its full name when no user has that name. */
    const namesOf = (c: (typeof children)[number]) => [
      c.reference,
      ...[`${c.given_name} ${c.family_name}`, `${c.preferred_name ?? c.given_name} ${c.family_name}`]
        .filter((name) => !userNames.has(name))
        .flatMap((name) => [name, escape(name)]),
    ];
    const asWord = (text: string) =>
      new RegExp(`(?<![\\p{L}\\d-])${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\d])`, 'u');
    const childNames = children.map((c) => ({
      id: c.id,
      names: namesOf(c),
      patterns: namesOf(c).map(asWord),
    }));
    /**
     * The children a page names that it did not record (a name shared by two children counts as recorded when one of
     * them is). An example reference in a form's hint is not a child shown.
     */
    const unrecordedOn = (page: string, recorded: ReadonlySet<string>) => {
      const html = page.replace(/(for example,?|such as) GT-\d+/gi, '');
      const recordedNames = new Set(childNames.filter((c) => recorded.has(c.id)).flatMap((c) => c.names));
      return childNames.filter((c) =>
        c.names.some(
          (name, i) => !recordedNames.has(name) && html.includes(name) && c.patterns[i]!.test(html),
        ),
      );
    };
    const patterns = routeTable(t.app)
      .filter((r) => r.method === 'GET' && !r.path.includes('*'))
      .map((r) => r.path);
    const withoutIds = patterns.filter((p) => !p.includes(':') && !/^\/(assets|static|api)\b/.test(p));
    const patternOf = (url: string) => {
      const path = url.split('?')[0]!;
      return patterns.find((p) => patternRegex(p).test(path)) ?? path;
    };
    const unrecorded = new Set<string>();
    let pages = 0;
    let recording = 0;
    const recordingPages = new Set<string>();
    for (const account of DEMO_ACCOUNTS) {
      const client = new TestClient(t.app);
      expect((await client.signIn(account.email, DEMO_PASSWORD)).statusCode).toBe(303);
      const queue = ['/', ...withoutIds];
      const visited = new Set<string>();
      const shapes = new Map<string, number>();
      while (queue.length && visited.size < 120) {
        const url = queue.shift()!;
        const shape = patternOf(url);
        if (visited.has(url) || (shapes.get(shape) ?? 0) >= 2) continue;
        if (/sign-out|\.(pdf|docx|csv|xlsx|xml)\b|\/document|\/export|\/file\b/.test(url)) continue;
        shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
        visited.add(url);
        const [last] = await t.database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.max('id').as('id'))
          .execute();
        const response = await client.get(url);
        if (response.statusCode !== 200 || !String(response.headers['content-type']).startsWith('text/html'))
          continue;
        pages++;
        const entries = await t.database.db
          .selectFrom('audit_log')
          .select(['child_id', 'detail'])
          .where('la_code', '=', DEMO_LA_CODE)
          .where('id', '>', Number(last?.id ?? 0))
          .where('outcome', '=', 'ok')
          .execute();
        const recorded = new Set(
          entries.flatMap((e) => [
            ...(e.child_id ? [e.child_id] : []),
            ...((e.detail as { children?: string[] } | null)?.children ?? []),
          ]),
        );
        if (recorded.size) {
          recording++;
          recordingPages.add(shape);
        }
        const missing = unrecordedOn(response.body, recorded);
        if (missing.length) unrecorded.add(`${account.role} GET ${shape} (${missing.length} not recorded)`);
        for (const link of response.body.matchAll(/href="(\/[^"#]*)"/g)) {
          const href = link[1]!.replaceAll('&amp;', '&');
          if (!visited.has(href)) queue.push(href);
        }
      }
    }
    process.stdout.write(
      `${JSON.stringify({ test: 'list-views-audited', pages, recording, unrecorded: unrecorded.size })}\n`,
    );
    // The walk reached the list pages (those issue 16 named, as a check on the walk itself).
    for (const page of [
      '/',
      '/assessments',
      '/assessments/team',
      '/advice',
      '/plan-audits/backlog',
      '/your-plans',
    ])
      expect(recordingPages).toContain(page);
    expect(pages).toBeGreaterThan(300);
    expect([...unrecorded].sort()).toEqual([]);
  }, 600_000);

  it('answers a role refusal the same way everywhere: 403 and a denial, before any lookup or validation', async () => {
    const table = routeTable(t.app).filter(
      (r) =>
        (r.method === 'GET' || r.method === 'POST') &&
        !r.path.includes('*') &&
        !/^\/(assets|static|api)\b/.test(r.path) &&
        !['/sign-in', '/sign-out'].includes(r.path),
    );
    // Every declaration names a route that exists.
    const keys = new Set(table.flatMap((r) => [`${r.method} ${r.path}`, `* ${r.path}`]));
    expect([...routeRolesOf(t.app).keys()].filter((key) => !keys.has(key))).toEqual([]);
    const patternOf = (method: string, url: string) => {
      const path = url.split('?')[0]!;
      return table.find((r) => r.method === method && patternRegex(r.path).test(path))?.path;
    };

    // Real addresses and forms: every account walks its pages from home (two pages of each route).
    const links = new Map<string, string>();
    const deadLinks = new Set<string>();
    const forms = new Map<string, { action: string; fields: [string, string][] }>();
    const attr = (tag: string, name: string) =>
      new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]?.replaceAll('&amp;', '&');
    for (const account of DEMO_ACCOUNTS) {
      const client = new TestClient(t.app);
      await client.signIn(account.email, DEMO_PASSWORD);
      const queue = ['/'];
      const visited = new Set<string>();
      const shapes = new Map<string, number>();
      while (queue.length && visited.size < 100) {
        const url = queue.shift()!;
        const shape = patternOf('GET', url) ?? url;
        if (visited.has(url) || (shapes.get(shape) ?? 0) >= 2) continue;
        if (/sign-out|\.(pdf|docx|csv|xlsx|xml)\b|\/document|\/export|\/file\b/.test(url)) continue;
        shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
        visited.add(url);
        const response = await client.get(url);
        // No page offers a link its reader's role is refused.
        if (response.statusCode === 403) deadLinks.add(`${account.role} GET ${shape}`);
        if (response.statusCode !== 200) continue;
        const pattern = patternOf('GET', url);
        if (pattern && !links.has(pattern)) links.set(pattern, url);
        for (const m of response.body.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
          if ((attr(m[1]!, 'method') ?? '').toLowerCase() !== 'post') continue;
          const action = (attr(m[1]!, 'action') ?? url).split('#')[0]!;
          const post = patternOf('POST', action);
          if (!post || forms.has(post)) continue;
          const fields: [string, string][] = [];
          for (const input of m[2]!.matchAll(/<input\b[^>]*>/g)) {
            const name = attr(input[0], 'name');
            if (name && name !== '_csrf' && attr(input[0], 'type') !== 'file')
              fields.push([name, attr(input[0], 'value') ?? 'on']);
          }
          for (const area of m[2]!.matchAll(/<textarea\b[^>]*name="([^"]+)"/g))
            fields.push([area[1]!, 'Some text']);
          forms.set(post, { action, fields });
        }
        for (const link of response.body.matchAll(/href="(\/[^"#]*)"/g)) {
          const href = link[1]!.replaceAll('&amp;', '&');
          if (!visited.has(href)) queue.push(href);
        }
      }
    }

    // Every route, GET and POST, as every account: at an address the walks found and with made-up ids.
    const inconsistent = new Set<string>();
    const refusedEverywhere = new Map<string, boolean>();
    let requests = 0;
    let checkedDenials = 0;
    for (const account of DEMO_ACCOUNTS) {
      const client = new TestClient(t.app);
      await client.signIn(account.email, DEMO_PASSWORD);
      const user = await t.database.db
        .selectFrom('app_user')
        .select('id')
        .where('la_code', '=', DEMO_LA_CODE)
        .where('email', '=', account.email)
        .executeTakeFirstOrThrow();
      const token = TestClient.csrfFrom((await client.get('/')).body);
      for (const route of table) {
        const allowed = rolesFor(t.app, route.method, route.path);
        const refused = allowed !== undefined && !allowed.includes(account.role);
        const made = route.path.replace(/:[A-Za-z]+/g, NO_SUCH_ID);
        const real = route.method === 'GET' ? links.get(route.path) : forms.get(route.path)?.action;
        for (const url of new Set([made, ...(real ? [real] : [])])) {
          const before = await lastAuditId();
          const response =
            route.method === 'GET'
              ? await client.get(url)
              : await client.post(url, {
                  ...Object.fromEntries(url === made ? [] : (forms.get(route.path)?.fields ?? [])),
                  _csrf: token,
                });
          requests++;
          const denied = await deniedSince(user.id, before);
          const where = `${account.role} ${route.method} ${route.path}${url === made ? '' : ' (a real record)'}`;
          if (refused) {
            checkedDenials++;
            if (response.statusCode !== 403 || !denied)
              inconsistent.add(`${where}: ${response.statusCode}, a refused role`);
          } else {
            // Whether every request of this role to this route (any method, any record) was refused.
            const key = `${account.role} ${route.path}`;
            refusedEverywhere.set(key, (refusedEverywhere.get(key) ?? true) && response.statusCode === 403);
          }
        }
      }
    }
    // A role its service refuses on every request to a route, whatever the record or method, is a role refusal the
    // route must declare (so that it is answered before any lookup or validation).
    for (const [key, always] of refusedEverywhere)
      if (always) inconsistent.add(`${key}: refused on every request, not declared in the route's roles`);
    process.stdout.write(
      `${JSON.stringify({ test: 'role-refusals', routes: table.length, declared: routeRolesOf(t.app).size, requests, refusalsChecked: checkedDenials, inconsistent: inconsistent.size })}\n`,
    );
    expect([...inconsistent].sort()).toEqual([]);
    expect([...deadLinks].sort()).toEqual([]);
  }, 900_000);

  it("refuses the leader the plan writer's pages with 403 before any lookup (the review's cases)", async () => {
    const leader = new TestClient(t.app);
    await leader.signIn('leader@demo.example', DEMO_PASSWORD);
    const plan = await t.database.db
      .selectFrom('ehc_plan')
      .select('id')
      .where('la_code', '=', DEMO_LA_CODE)
      .executeTakeFirstOrThrow();
    const token = TestClient.csrfFrom((await leader.get('/')).body);
    // Each answered 404 (as if the plan did not exist), 400 (the form checked first) or 200 (a page the leader could
    // open but not send) before the route declared its roles.
    expect((await leader.get(`/plans/${plan.id}/items/new/A`)).statusCode).toBe(403);
    expect((await leader.get(`/plans/${plan.id}/override`)).statusCode).toBe(403);
    expect((await leader.post('/plans/start', { _csrf: token })).statusCode).toBe(403);
    expect((await leader.get(`/plans/${plan.id}/issue-draft`)).statusCode).toBe(403);
    // Still a plan the leader may read.
    expect((await leader.get(`/plans/${plan.id}`)).statusCode).toBe(200);
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
      for (const pattern of pages) {
        if (pattern === '/sign-out') continue;
        const url = pattern.replace(/:[A-Za-z]+/g, NO_SUCH_ID);
        const before = await lastAuditId();
        const response = await client.get(url);
        requests++;
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        if (response.statusCode !== 403) continue;
        refusals++;
        if (!(await deniedSince(user.id, before))) unaudited.push(`${account.role} GET ${pattern}`);
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
