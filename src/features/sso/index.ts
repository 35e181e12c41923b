/** The public surface of the sso feature: staff single sign-on by OpenID Connect (docs/adr/0010-single-sign-on.md). */
import type { Feature } from '../../platform/feature.ts';
import { ssoRoutes } from './routes.ts';
import { createSsoService, type SsoService } from './service.ts';

export { seedIdentityProvider } from './service.ts';
export { DEMO_SSO_ACCOUNTS, DEMO_SSO_GROUPS, DEMO_SSO_PROVIDER } from './demo.ts';

export const ssoFeature = {
  name: 'sso',
  createService: createSsoService,
  routes: ssoRoutes,
} satisfies Feature<'sso', SsoService>;

export type { SsoService } from './service.ts';
