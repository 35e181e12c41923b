/** The route table: every feature's routes, registered in order. */
import { adminRoutes } from '../../features/admin/routes.ts';
import { adviceRoutes } from '../../features/advice/routes.ts';
import { assessmentRoutes } from '../../features/assessments/routes.ts';
import { familyRoutes } from '../../features/family/routes.ts';
import { authRoutes } from '../../features/auth/routes.ts';
import { childrenRoutes } from '../../features/children/routes.ts';
import { homeRoutes } from '../../features/home/routes.ts';
import { improvementRoutes } from '../../features/improvement/routes.ts';
import { localOfferApiRoutes } from '../../features/local-offer/api.ts';
import { localOfferRoutes } from '../../features/local-offer/routes.ts';
import { pageRoutes } from '../../features/pages/routes.ts';
import { planRoutes } from '../../features/plans/routes.ts';
import { planAuditRoutes } from '../../features/plan-audits/routes.ts';
import type { AppDeps } from './app.ts';

export const featureRoutes: AppDeps['routes'] = [
  pageRoutes,
  authRoutes,
  homeRoutes,
  childrenRoutes,
  adminRoutes,
  improvementRoutes,
  localOfferRoutes,
  localOfferApiRoutes,
  assessmentRoutes,
  adviceRoutes,
  familyRoutes,
  planRoutes,
  planAuditRoutes,
];
