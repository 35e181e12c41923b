/** The public surface of the home feature: each role's first screen. */
import type { Feature } from '../../platform/feature.ts';
import { homeRoutes } from './routes.ts';

export const homeFeature = {
  name: 'home',
  routes: homeRoutes,
} satisfies Feature<'home'>;
