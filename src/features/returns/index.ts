/** The public surface of the returns feature: the SEN2 return both ways and the inspection lists (docs/sen2.md). */
export { loadCasework } from './casework.ts';
export { exportSen2, importSen2, inspectionFiles, readReturn, type ImportSummary } from './operations.ts';

import type { Feature } from '../../platform/feature.ts';
import { registerReturnsJobs } from './jobs.ts';
import { returnsRoutes } from './routes.ts';
import { createReturnsService, type ReturnsService } from './service.ts';

export const returnsFeature = {
  name: 'returns',
  createService: createReturnsService,
  routes: returnsRoutes,
  jobs: registerReturnsJobs,
} satisfies Feature<'returns', ReturnsService>;

export type { ReturnsService } from './service.ts';
