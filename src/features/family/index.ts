/** The public surface of the family feature: families' view of the journey and their request for an assessment. */
import type { Feature } from '../../platform/feature.ts';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { familyRoutes } from './routes.ts';

/**
 * Who may use each route (src/platform/web/permissions.ts): Families, and schools asking on their behalf, make
 * online requests; families follow their assessments.
 */
const ROUTE_ROLES: RouteRoles = {
  'GET /request-assessment': ['professional', 'parent', 'young-person'],
  '* /request-assessment/:step': ['professional', 'parent', 'young-person'],
  'GET /request-assessment/sent/:caseId': ['professional', 'parent', 'young-person'],
  'GET /your-assessment/:caseId': ['parent', 'young-person'],
  'GET /your-assessment/:caseId/decision': ['parent', 'young-person'],
  '* /your-assessment/:caseId/views': ['parent', 'young-person'],
};

export const familyFeature = {
  name: 'family',
  roles: ROUTE_ROLES,
  routes: familyRoutes,
} satisfies Feature<'family'>;

/** A family's assessments, what each asks of them, and their requests, as the family home page shows them. */
export { familyFactsOf, familyHome, familyRequests } from './routes.ts';
