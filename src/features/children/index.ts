/** The public surface of the children feature: the list of children and a child's record. */
import type { Feature } from '../../platform/feature.ts';
import { childrenRoutes } from './routes.ts';

export const childrenFeature = {
  name: 'children',
  routes: childrenRoutes,
} satisfies Feature<'children'>;
