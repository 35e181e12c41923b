/** The public surface of the notices feature: rights in every decision and who is told (docs/rights.md). */
import type { Feature } from '../../platform/feature.ts';
import { noticesRoutes } from './routes.ts';
import { createNoticesService, type NoticesService } from './service.ts';

export const noticesFeature = {
  name: 'notices',
  createService: createNoticesService,
  routes: noticesRoutes,
} satisfies Feature<'notices', NoticesService>;

export type { NoticesService } from './service.ts';
