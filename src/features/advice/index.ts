/** The public surface of the advice feature: advisers' tasks in the assessment journey. */
import type { Feature } from '../../platform/feature.ts';
import { adviceRoutes } from './routes.ts';

export const adviceFeature = {
  name: 'advice',
  routes: adviceRoutes,
} satisfies Feature<'advice'>;
