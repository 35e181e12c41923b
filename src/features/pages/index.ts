/** The public surface of the pages feature: health, accessibility statement, cookies. */
import type { Feature } from '../../platform/feature.ts';
import { pageRoutes } from './routes.ts';

export const pagesFeature = {
  name: 'pages',
  routes: pageRoutes,
} satisfies Feature<'pages'>;
