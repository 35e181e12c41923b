/**
 * What every group of plan pages is given by ../routes.ts: the app, the feature's route deps, the database, `run` (a
 * change to a plan, in one transaction through withChange) and `planIdOf` (the plan's id from the path).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../../platform/access/access.ts';
import { withChange, type ChangeContext } from '../../../platform/change/change.ts';
import type { RouteDeps } from '../../../platform/feature.ts';
import type { PlansService } from '../service.ts';

export interface PlanRoutes {
  readonly app: FastifyInstance;
  readonly deps: RouteDeps<PlansService>;
  readonly db: RouteDeps<PlansService>['database']['db'];
  readonly run: <T>(actor: Actor, fn: (ctx: ChangeContext) => Promise<T>) => Promise<T>;
  readonly planIdOf: (request: FastifyRequest) => string;
}

export function planRouteContext(app: FastifyInstance, deps: RouteDeps<PlansService>): PlanRoutes {
  const { db } = deps.database;
  const run = <T>(actor: Actor, fn: (ctx: ChangeContext) => Promise<T>) =>
    withChange({ db, jobs: deps.jobs, today: deps.service.today }, actor, fn);
  const planIdOf = (request: FastifyRequest) => (request.params as { planId: string }).planId;
  return { app, deps, db, run, planIdOf };
}
