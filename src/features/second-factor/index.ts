/** The public surface of the second-factor feature: its pages (issue 19 item 3). */
import type { Feature } from '../../platform/feature.ts';
import { secondFactorRoutes } from './routes.ts';
import { createSecondFactorService, type SecondFactorService } from './service.ts';

export const secondFactorFeature = {
  name: 'second-factor',
  createService: createSecondFactorService,
  routes: secondFactorRoutes,
} satisfies Feature<'second-factor', SecondFactorService>;

export type { SecondFactorService } from './service.ts';
