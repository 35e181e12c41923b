/** The public surface of the admin feature: users, the audit log, messages sent. */
import type { Feature } from '../../platform/feature.ts';
import { adminRoutes } from './routes.ts';

export const adminFeature = {
  name: 'admin',
  routes: adminRoutes,
} satisfies Feature<'admin'>;
