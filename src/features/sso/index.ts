/** The public surface of the sso feature: staff single sign-on by OpenID Connect (docs/adr/0010-single-sign-on.md). */
import type { Feature } from '../../platform/feature.ts';
import { ssoRoutes } from './routes.ts';
import { createSsoService, type SsoService } from './service.ts';

export const ssoFeature = {
  name: 'sso',
  createService: createSsoService,
  routes: ssoRoutes,
} satisfies Feature<'sso', SsoService>;

export type { SsoService } from './service.ts';
