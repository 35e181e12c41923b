/** The public surface of the home feature: each role's first screen. */
import type { Feature } from '../../platform/feature.ts';
import { homeRoutes } from './routes.ts';
import { createHomeService, type HomeService } from './service.ts';

export const homeFeature = {
  name: 'home',
  createService: createHomeService,
  routes: homeRoutes,
} satisfies Feature<'home', HomeService>;

export type { HomeNeeds, HomeService } from './service.ts';
