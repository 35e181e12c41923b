/** The public surface of the One Login feature: families signing in with GOV.UK One Login (issue 19 item 2). */
import type { Feature } from '../../platform/feature.ts';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { oneLoginRoutes } from './routes.ts';
import { createOneLoginService, type OneLoginService } from './service.ts';

/**
 * Who may use each route (src/platform/web/permissions.ts): Casework staff make a family member's One Login code.
 */
const ROUTE_ROLES: RouteRoles = {
  '* /children/:childId/family/:memberId/one-login': ['caseworker', 'team-manager', 'send-leader'],
};

export const oneLoginFeature = {
  name: 'one-login',
  roles: ROUTE_ROLES,
  createService: createOneLoginService,
  routes: oneLoginRoutes,
} satisfies Feature<'one-login', OneLoginService>;

export type { OneLoginService } from './service.ts';
