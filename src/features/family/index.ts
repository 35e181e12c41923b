/** The public surface of the family feature: families' view of the journey and their request for an assessment. */
import type { Feature } from '../../platform/feature.ts';
import { familyRoutes } from './routes.ts';

export const familyFeature = {
  name: 'family',
  routes: familyRoutes,
} satisfies Feature<'family'>;

/** A family's assessments, as the family home page shows them. */
export { familyHome } from './routes.ts';
