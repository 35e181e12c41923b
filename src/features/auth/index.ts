/** The public surface of the auth feature: signing in and out. */
import type { Feature } from '../../platform/feature.ts';
import { authRoutes } from './routes.ts';

export const authFeature = {
  name: 'auth',
  routes: authRoutes,
} satisfies Feature<'auth'>;
