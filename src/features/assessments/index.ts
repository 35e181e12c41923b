/** The public surface of the assessments feature: the EHC needs assessment journey (docs/assessments.md). */
import type { Feature } from '../../platform/feature.ts';
import { seedAssessmentDemo } from './demo.ts';
import { registerAssessmentJobs } from './jobs.ts';
import { assessmentRoutes } from './routes.ts';
import { ASSESSMENT_TEMPLATES } from './templates.ts';

export const assessmentsFeature = {
  name: 'assessments',
  routes: assessmentRoutes,
  jobs: registerAssessmentJobs,
  templates: ASSESSMENT_TEMPLATES,
  demo: seedAssessmentDemo,
} satisfies Feature<'assessments'>;

/** How many open assessments an officer holds (admin asks before switching an account off). */
export { openCasesHeldBy } from './store.ts';

/** A case's child and stage, for consultation on the placement (src/features/consultation). */
export { placementCase } from './store.ts';

/** A case's decisions, for their notices (src/features/notices). */
export { decisionFacts, type DecisionFacts } from './store.ts';

/** The caseworker's workspace and the manager's team view, as pages' data (home shows them). */
export { teamPage, workspacePage } from './routes.ts';

/** The requests as the returns read them, and requests read in from a SEN2 return (docs/sen2.md). */
export {
  existingRequestKeys,
  insertImportedRequests,
  requestsForReturns,
  type ImportedRequest,
} from './store.ts';
