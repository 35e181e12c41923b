/**
 * Which roles may use each route (issue 16 item 7: role refusals answered consistently). A feature declares its
 * routes' roles (`Feature.roles`, by `METHOD /pattern`, or `* /pattern` for every method); the composition root adds
 * them to the app before the feature's routes. For a declared route, any other signed-in role is refused in a
 * preHandler, before the handler looks anything up or checks any field: 403, audited as `page.denied` with the
 * route's pattern and method. So a role that may not do a thing gets the same answer whatever the record, the method
 * or the input. The services keep their own checks (defence in depth); a route whose service refuses a role must
 * declare it (src/app/audit-completeness.test.ts fails otherwise).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditContext, type Actor } from '../access/access.ts';
import type { Role } from '../db/schema/index.ts';
import { ForbiddenError } from '../errors.ts';

/** `GET /plans/:planId/override`, `POST /plans/start`, or `* /admin/users` for every method: the roles allowed. */
export type RouteRoles = Readonly<Record<string, readonly Role[]>>;

const tables = new WeakMap<FastifyInstance, Map<string, readonly Role[]>>();

function tableOf(app: FastifyInstance): Map<string, readonly Role[]> {
  let table = tables.get(app);
  if (!table) {
    table = new Map();
    tables.set(app, table);
  }
  return table;
}

/** Adds a feature's declarations (before its routes are registered). A route declared twice is a mistake. */
export function declareRouteRoles(app: FastifyInstance, roles: RouteRoles): void {
  const table = tableOf(app);
  for (const [key, allowed] of Object.entries(roles)) {
    if (!/^(GET|POST|\*) \/\S*$/.test(key)) throw new Error(`Route roles: "${key}" is not "METHOD /pattern"`);
    if (table.has(key)) throw new Error(`Route roles: "${key}" is declared twice`);
    table.set(key, allowed);
  }
}

/** Every declaration of the app, for tests. */
export function routeRolesOf(app: FastifyInstance): ReadonlyMap<string, readonly Role[]> {
  return tableOf(app);
}

/** The roles allowed on a route, or undefined when the route declares none (open to every signed-in role). */
export function rolesFor(app: FastifyInstance, method: string, pattern: string): readonly Role[] | undefined {
  const table = tableOf(app);
  return table.get(`${method === 'HEAD' ? 'GET' : method} ${pattern}`) ?? table.get(`* ${pattern}`);
}

/** Whether the route lets this user in (for a page deciding whether to offer a link to it). */
export function mayUse(app: FastifyInstance, actor: Actor, method: string, pattern: string): boolean {
  const allowed = rolesFor(app, method, pattern);
  return !allowed || allowed.includes(actor.role);
}

/** The audit entry of a refused page: the route's pattern (never the ids in the address) and the method. */
export function deniedPage(request: FastifyRequest) {
  return {
    action: 'page.denied',
    recordType: 'page',
    recordId: request.routeOptions.url ?? request.url.split('?')[0] ?? '',
    outcome: 'denied' as const,
    detail: { method: request.method },
  };
}

/** The role check, before CSRF and before any handler. Anonymous visitors are left to the handler (sign in). */
export function setUpRoleChecks(app: FastifyInstance): void {
  app.addHook('preHandler', (request, _reply, done) => {
    const actor = request.actor;
    const pattern = request.routeOptions.url;
    const allowed = actor && pattern ? rolesFor(app, request.method, pattern) : undefined;
    if (!actor || !allowed || allowed.includes(actor.role)) {
      done();
      return;
    }
    done(new ForbiddenError('Forbidden', { ctx: auditContext(actor), entry: deniedPage(request) }));
  });
}
