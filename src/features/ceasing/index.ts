/**
 * The public surface of the ceasing feature: stopping a plan (S9) and transferring it to another authority (S11
 * outbound) (docs/ceasing.md, ADR 0018).
 */
import type { Feature } from '../../platform/feature.ts';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { seedCeasingDemo } from './demo.ts';
import { registerCeasingJobs } from './jobs.ts';
import { ceasingRoutes } from './routes.ts';
import { CEASING_EDITORS, CEASING_READERS, createCeasingService, type CeasingService } from './service.ts';

/** Casework staff read a plan's ceasing page; caseworkers and team managers change it. */
const ROUTE_ROLES: RouteRoles = {
  'GET /ceasing/plans/:planId': CEASING_READERS,
  'POST /ceasing/plans/:planId/start': CEASING_EDITORS,
  'POST /ceasing/plans/:planId/transfer-out': CEASING_EDITORS,
  'POST /ceasing/:cessationId/:step': CEASING_EDITORS,
};

export const ceasingFeature = {
  name: 'ceasing',
  roles: ROUTE_ROLES,
  createService: createCeasingService,
  routes: ceasingRoutes,
  jobs: registerCeasingJobs,
  demo: seedCeasingDemo,
} satisfies Feature<'ceasing', CeasingService>;

export type { CeasingService, CessationForReturns } from './service.ts';
/** The plans that have ended for the authority (ceased or transferred out), for the SEN2 return (module 4a). */
export { cessationsForReturns } from './service.ts';
/** What the notices feature writes the letter of a decision to cease from (docs/ceasing.md). */
export { cessationLetterFacts, consideringLetterFacts } from './letters.ts';
