/** The public surface of the family feature: families' view of the journey and their request for an assessment. */
import type { Feature } from '../../platform/feature.ts';
import { familyRoutes } from './routes.ts';

export const familyFeature = {
  name: 'family',
  routes: familyRoutes,
} satisfies Feature<'family'>;
