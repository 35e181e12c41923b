/** The public surface of the admin feature: users, the audit log, messages sent. */
import type { Feature } from '../../platform/feature.ts';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { adminRoutes } from './routes.ts';
import { createAdminService, type AdminService } from './service.ts';

/**
 * Who may use each route (src/platform/web/permissions.ts): Only administrators use these pages.
 */
const ROUTE_ROLES: RouteRoles = {
  '* /admin/users': ['administrator'],
  '* /admin/users/new': ['administrator'],
  '* /admin/users/:userId': ['administrator'],
  'GET /admin/audit': ['administrator'],
  'GET /admin/outbox': ['administrator'],
};

export const adminFeature = {
  name: 'admin',
  roles: ROUTE_ROLES,
  createService: createAdminService,
  routes: adminRoutes,
} satisfies Feature<'admin', AdminService>;

export type { AdminNeeds, AdminService } from './service.ts';
