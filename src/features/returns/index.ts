/** The public surface of the returns feature: the SEN2 return both ways and the inspection lists (docs/sen2.md). */
export { loadCasework } from './casework.ts';
export { exportSen2, importSen2, inspectionFiles, readReturn, type ImportSummary } from './operations.ts';

import type { Feature } from '../../platform/feature.ts';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { registerReturnsJobs } from './jobs.ts';
import { returnsRoutes } from './routes.ts';
import { createReturnsService, type ReturnsService } from './service.ts';

/**
 * Who may use each route (src/platform/web/permissions.ts): Team managers and leaders make returns and inspection
 * lists; administrators read in a SEN2 return.
 */
const ROUTE_ROLES: RouteRoles = {
  'GET /returns': ['team-manager', 'send-leader'],
  'GET /returns/inspection-list': ['team-manager', 'send-leader'],
  'POST /returns/sen2/exports': ['team-manager', 'send-leader'],
  'GET /returns/sen2/exports/:exportId': ['team-manager', 'send-leader'],
  'GET /returns/sen2/exports/:exportId/file': ['team-manager', 'send-leader'],
  '* /returns/sen2/import': ['administrator'],
};

export const returnsFeature = {
  name: 'returns',
  roles: ROUTE_ROLES,
  createService: createReturnsService,
  routes: returnsRoutes,
  jobs: registerReturnsJobs,
} satisfies Feature<'returns', ReturnsService>;

export type { ReturnsService } from './service.ts';
