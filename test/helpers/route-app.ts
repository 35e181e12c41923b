/**
 * Route tests with stand-in services (hmpps-template-typescript's appWithAllRoutes habit): a feature's routes over
 * the real Fastify app and the real Nunjucks views, given services written for the test, and no database. Use them
 * for validation, errors kept in the form and rendering; keep database route tests for access and the audit log.
 *
 *   const app = await createRouteTestApp({ features: [childrenFeature], services: { children: fake }, actor });
 */
import type { FastifyInstance } from 'fastify';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import type { Actor } from '../../src/platform/access/access.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Database } from '../../src/platform/db/database.ts';
import type { DB } from '../../src/platform/db/schema/index.ts';
import type { Feature } from '../../src/platform/feature.ts';
import { FaultLog } from '../../src/platform/db/faults.ts';
import { ConnectionScopes } from '../../src/platform/db/request-connection.ts';
import type { Jobs } from '../../src/platform/jobs/jobs.ts';
import { buildApp } from '../../src/platform/web/app.ts';

/** A database that answers every query with no rows: the app's own plumbing (denials' audit) needs one. */
function noDatabase(): Database {
  const connections = new ConnectionScopes();
  const db = new Kysely<DB>({
    dialect: connections.wrap(
      {
        createAdapter: () => new PostgresAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (k) => new PostgresIntrospector(k),
        createQueryCompiler: () => new PostgresQueryCompiler(),
      },
      false,
    ),
  });
  return {
    db,
    engine: 'pglite',
    pglite: undefined,
    url: undefined,
    faults: new FaultLog(),
    connections,
    close: () => db.destroy(),
  };
}

/** Jobs that refuse to be used: a page under test with stand-in services has no business queuing one. */
const noJobs: Jobs = {
  send: () => Promise.reject(new Error('route test: no jobs')),
  handle: () => undefined,
  schedule: () => undefined,
  start: () => Promise.resolve(),
  runPending: () => Promise.reject(new Error('route test: no jobs')),
  stop: () => Promise.resolve(),
  faults: new FaultLog(),
};

export interface RouteTestOptions<S extends Record<string, unknown>> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- features of any service type
  readonly features: ReadonlyArray<Feature<string, any>>;
  /** Each feature's stand-in service, under the feature's name; a partial object is enough for the pages tested. */
  readonly services: S;
  /** Who is signed in (null: nobody). Change it between requests with `app.signInAs`. */
  readonly actor: Actor | null;
}

export type RouteTestApp = FastifyInstance & { signInAs(actor: Actor | null): void };

export async function createRouteTestApp<S extends Record<string, unknown>>(
  options: RouteTestOptions<S>,
): Promise<RouteTestApp> {
  let actor = options.actor;
  const config = loadConfig({
    NODE_ENV: 'test',
    GOLDTHREAD_DEMO: 'false',
    COOKIE_SECRET: 'route-test-secret-route-test-secret',
  });
  const app = await buildApp({
    database: noDatabase(),
    config,
    jobs: noJobs,
    logger: false,
    currentUser: () => actor,
    routes: options.features.map((feature) => async (a, deps) => {
      await feature.routes?.(a, { ...deps, service: options.services[feature.name] });
    }),
  });
  return Object.assign(app, {
    signInAs(next: Actor | null) {
      actor = next;
    },
  });
}

/** An actor for route tests. */
export function testActor(role: Actor['role'], overrides: Partial<Actor> = {}): Actor {
  return {
    laCode: '901',
    userId: '00000000-0000-4000-8000-00000000000a',
    sessionId: 'route-test-session',
    email: `${role}@test.example`,
    displayName: `Test ${role}`,
    role,
    teamId: null,
    jobTitle: null,
    ip: '127.0.0.1',
    ...overrides,
  };
}
