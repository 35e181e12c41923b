/** The public surface of the reviews feature: annual reviews of EHC plans (docs/reviews.md, ADR 0012). */
import type { Feature } from '../../platform/feature.ts';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { REVIEW_ALLOCATORS } from './allocation.ts';
import { seedReviewsDemo } from './demo.ts';
import { registerReviewJobs } from './jobs.ts';
import { reviewRoutes } from './routes.ts';
import { createReviewsService, type ReviewsService } from './service.ts';

/**
 * Who may use each route (src/platform/web/permissions.ts): casework staff read the review backlog and a plan's
 * reviews; caseworkers and team managers change them; team managers allocate them to officers (ADR 0020).
 */
const ROUTE_ROLES: RouteRoles = {
  'GET /reviews': ['caseworker', 'team-manager', 'send-leader'],
  'GET /reviews/plans/:planId': ['caseworker', 'team-manager', 'send-leader'],
  'POST /reviews/allocate': REVIEW_ALLOCATORS,
  'POST /reviews/plans/:planId/schedule': ['caseworker', 'team-manager'],
  'POST /reviews/plans/:planId/early': ['caseworker', 'team-manager'],
  '* /reviews/plans/:planId/transfer-in': ['caseworker', 'team-manager'],
  'POST /reviews/:reviewId/:step': ['caseworker', 'team-manager'],
};

export const reviewsFeature = {
  name: 'reviews',
  roles: ROUTE_ROLES,
  createService: createReviewsService,
  routes: reviewRoutes,
  jobs: registerReviewJobs,
  demo: seedReviewsDemo,
} satisfies Feature<'reviews', ReviewsService>;

export type { ReviewsService } from './service.ts';
/** Recompute plans' review schedules in the caller's transaction (after a change other features make). */
export { refreshReviewSchedules, refreshReviewsOfChildren } from './service.ts';
