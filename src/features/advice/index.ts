/** The public surface of the advice feature: advisers' tasks in the assessment journey. */
import type { Feature } from '../../platform/feature.ts';
import { adviceRoutes } from './routes.ts';

export const adviceFeature = {
  name: 'advice',
  routes: adviceRoutes,
} satisfies Feature<'advice'>;

/** An adviser's tasks, as a page's data (home shows them to professionals). */
export { tasksPage } from './routes.ts';
