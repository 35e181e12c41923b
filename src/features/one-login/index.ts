/** The public surface of the One Login feature: families signing in with GOV.UK One Login (issue 19 item 2). */
import type { Feature } from '../../platform/feature.ts';
import { oneLoginRoutes } from './routes.ts';
import { createOneLoginService, type OneLoginService } from './service.ts';

export const oneLoginFeature = {
  name: 'one-login',
  createService: createOneLoginService,
  routes: oneLoginRoutes,
} satisfies Feature<'one-login', OneLoginService>;

export type { OneLoginService } from './service.ts';
