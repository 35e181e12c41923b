/** The public surface of the sso feature: staff single sign-on by OpenID Connect (docs/adr/0010-single-sign-on.md). */
import type { Feature } from '../../platform/feature.ts';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { ssoRoutes } from './routes.ts';
import { createSsoService, type SsoService } from './service.ts';

export { seedIdentityProvider } from './service.ts';
export { DEMO_SSO_ACCOUNTS, DEMO_SSO_GROUPS, DEMO_SSO_PROVIDER } from './demo.ts';

/**
 * Who may use each route (src/platform/web/permissions.ts): Only administrators manage identity providers and
 * approve sign-in requests.
 */
const ROUTE_ROLES: RouteRoles = {
  '* /admin/identity-providers': ['administrator'],
  '* /admin/identity-providers/new': ['administrator'],
  '* /admin/identity-providers/:providerId': ['administrator'],
  'POST /admin/identity-providers/:providerId/groups': ['administrator'],
  'POST /admin/identity-providers/:providerId/groups/remove': ['administrator'],
  'GET /admin/sign-in-requests': ['administrator'],
  '* /admin/sign-in-requests/:requestId': ['administrator'],
};

export const ssoFeature = {
  name: 'sso',
  roles: ROUTE_ROLES,
  createService: createSsoService,
  routes: ssoRoutes,
} satisfies Feature<'sso', SsoService>;

export type { SsoService } from './service.ts';
