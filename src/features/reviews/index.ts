/** The public surface of the reviews feature: annual reviews of EHC plans (docs/reviews.md, ADR 0012). */
import type { Feature } from '../../platform/feature.ts';
import { seedReviewsDemo } from './demo.ts';
import { registerReviewJobs } from './jobs.ts';
import { reviewRoutes } from './routes.ts';
import { createReviewsService, type ReviewsService } from './service.ts';

export const reviewsFeature = {
  name: 'reviews',
  createService: createReviewsService,
  routes: reviewRoutes,
  jobs: registerReviewJobs,
  demo: seedReviewsDemo,
} satisfies Feature<'reviews', ReviewsService>;

export type { ReviewsService } from './service.ts';
/** Recompute plans' review schedules in the caller's transaction (after a change other features make). */
export { refreshReviewSchedules } from './service.ts';
