/** The reviews pages (docs/reviews.md). */
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../platform/feature.ts';
import type { ReviewsService } from './service.ts';

export function reviewRoutes(_app: FastifyInstance, _deps: RouteDeps<ReviewsService>): void {
  // The backlog and the review pages are registered here as they are built (docs/reviews.md, "Not built yet").
}
