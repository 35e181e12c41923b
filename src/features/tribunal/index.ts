/**
 * The public surface of the tribunal feature: mediation and tribunal appeals (statutory-work.md S7;
 * docs/tribunal.md). Other features use `tasksFor` (a caseworker's dates on their first screen), `familyCount` (a
 * family's first screen) through the service, and `appealsForFigures` (the leaders' figure of appeals registered).
 */
import type { Feature } from '../../platform/feature.ts';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { seedTribunalDemo } from './demo.ts';
import { tribunalRoutes } from './routes.ts';
import { TRIBUNAL_TEMPLATES } from './templates.ts';
import { createTribunalService, FAMILY, STAFF, type TribunalService } from './service.ts';

/**
 * Who may use each route (src/platform/web/permissions.ts): casework staff and leaders record and read
 * disagreements; parents and young people see their own children's.
 */
const ROUTE_ROLES: RouteRoles = {
  'GET /tribunal': STAFF,
  '* /tribunal/new': STAFF,
  'GET /tribunal/:disagreementId': STAFF,
  '* /tribunal/:disagreementId/mediation': STAFF,
  '* /tribunal/:disagreementId/agreement': STAFF,
  '* /tribunal/:disagreementId/appeal': STAFF,
  'POST /tribunal/:disagreementId/done': STAFF,
  '* /tribunal/:disagreementId/exception': STAFF,
  'GET /your-appeals': FAMILY,
};

export const tribunalFeature = {
  name: 'tribunal',
  roles: ROUTE_ROLES,
  createService: createTribunalService,
  routes: tribunalRoutes,
  templates: TRIBUNAL_TEMPLATES,
  demo: seedTribunalDemo,
} satisfies Feature<'tribunal', TribunalService>;

export type { TribunalService } from './service.ts';

/** Appeals registered, with how each ended, for the leaders' figure of tribunal appeals (docs/figures.md). */
export { appealsForFigures } from './store.ts';

/** How one appeal ended, for the register's learning actions (ADR 0047). */
export { appealOutcome } from './store.ts';
