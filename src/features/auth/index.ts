/** The public surface of the auth feature: signing in and out. */
import type { Feature } from '../../platform/feature.ts';
import { authRoutes } from './routes.ts';
import { createAuthService, type AuthService } from './service.ts';

export const authFeature = {
  name: 'auth',
  createService: createAuthService,
  routes: authRoutes,
} satisfies Feature<'auth', AuthService>;

export type { AuthNeeds, AuthService } from './service.ts';
