/** The public surface of the improvement feature: the improvement plan tracker (docs/improvement.md). */
import type { Feature } from '../../platform/feature.ts';
import { seedImprovementDemo } from './demo.ts';
import { improvementRoutes } from './routes.ts';

export const improvementFeature = {
  name: 'improvement',
  routes: improvementRoutes,
  demo: seedImprovementDemo,
} satisfies Feature<'improvement'>;
