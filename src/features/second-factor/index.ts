/** The public surface of the second-factor feature: its pages (issue 19 item 3). */
import type { Feature } from '../../platform/feature.ts';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { secondFactorRoutes } from './routes.ts';
import { createSecondFactorService, type SecondFactorService } from './service.ts';

/**
 * Who may use each route (src/platform/web/permissions.ts): Only administrators reset another user's second factor.
 */
const ROUTE_ROLES: RouteRoles = {
  '* /admin/users/:userId/second-factor': ['administrator'],
};

export const secondFactorFeature = {
  name: 'second-factor',
  roles: ROUTE_ROLES,
  createService: createSecondFactorService,
  routes: secondFactorRoutes,
} satisfies Feature<'second-factor', SecondFactorService>;

export type { SecondFactorService } from './service.ts';
