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
