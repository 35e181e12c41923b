/** The public surface of the improvement feature: the improvement plan tracker (docs/improvement.md). */
import type { Feature } from '../../platform/feature.ts';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { PLAN_MANAGERS, PLAN_READERS } from './service.ts';
import { seedImprovementDemo } from './demo.ts';
import { improvementRoutes } from './routes.ts';

/**
 * Who may use each route (src/platform/web/permissions.ts): Staff, professionals, the Local Offer editor and
 * administrators read the improvement plan; leaders and team managers manage it (an action's owners update it too,
 * checked by the service).
 */
const ROUTE_ROLES: RouteRoles = {
  'GET /improvement': PLAN_READERS,
  'GET /improvement/my-actions': PLAN_READERS,
  '* /improvement/actions/:actionId': PLAN_READERS,
  'POST /improvement/actions/:actionId/figure': PLAN_MANAGERS,
  'GET /improvement/evidence/:evidenceId': PLAN_READERS,
  '* /improvement/import': PLAN_MANAGERS,
  'POST /improvement/import/confirm': PLAN_MANAGERS,
  'GET /improvement/plans/:planId': PLAN_READERS,
  'GET /improvement/plans/:planId/actions': PLAN_READERS,
  'GET /improvement/plans/:planId/changes': PLAN_READERS,
  'GET /improvement/plans/:planId/flags': PLAN_READERS,
  'GET /improvement/plans/:planId/governance': PLAN_READERS,
  'GET /improvement/plans/:planId/timeline': PLAN_READERS,
  'GET /improvement/plans/:planId/reports/:reportId': PLAN_READERS,
  'GET /improvement/plans/:planId/reports/:reportId/pack.docx': PLAN_READERS,
  'GET /improvement/plans/:planId/reports': PLAN_READERS,
  'POST /improvement/plans/:planId/reports': PLAN_MANAGERS,
  'GET /improvement/plans/:planId/export.csv': PLAN_MANAGERS,
  'POST /improvement/plans/:planId/publish': PLAN_MANAGERS,
};

export const improvementFeature = {
  name: 'improvement',
  roles: ROUTE_ROLES,
  routes: improvementRoutes,
  demo: seedImprovementDemo,
} satisfies Feature<'improvement'>;

/** The plans' actions, for linking what was learnt elsewhere to the action that takes it on (managers only). */
export { actionChoices } from './service.ts';
