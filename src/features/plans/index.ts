/** The public surface of the plans feature: the structured EHC plan (docs/plans.md). */
import type { Feature } from '../../platform/feature.ts';
import { seedPlansDemo } from './demo.ts';
import { planRoutes } from './routes.ts';
import { PLAN_TEMPLATES } from './templates.ts';

export const plansFeature = {
  name: 'plans',
  routes: planRoutes,
  templates: PLAN_TEMPLATES,
  demo: seedPlansDemo,
} satisfies Feature<'plans'>;

/** The latest draft plan of an assessment case as a PDF, for the schools consulted on it. */
export { draftPlanPdf } from './consultation-draft.ts';

/** The plans as the returns read them, and plans read in from a SEN2 return (docs/sen2.md). */
export { insertImportedPlans, plansForReturns } from './store.ts';

/** The plans as the review schedule reads them (docs/reviews.md). */
export { plansForReviews, type PlanForReviews } from './store.ts';
