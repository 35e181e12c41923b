/** The public surface of the admin feature: users, the audit log, messages sent. */
import type { Feature } from '../../platform/feature.ts';
import { adminRoutes } from './routes.ts';
import { createAdminService, type AdminService } from './service.ts';

export const adminFeature = {
  name: 'admin',
  createService: createAdminService,
  routes: adminRoutes,
} satisfies Feature<'admin', AdminService>;

export type { AdminNeeds, AdminService } from './service.ts';
