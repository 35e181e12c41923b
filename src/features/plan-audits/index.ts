/** The public surface of the plan-audits feature: EHC plan quality audits (docs/plans.md). */
import type { Feature } from '../../platform/feature.ts';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { planAuditRoutes } from './routes.ts';

/**
 * Who may use each route (src/platform/web/permissions.ts): Team managers and leaders audit and moderate plans;
 * caseworkers see the weak plans and their actions.
 */
const ROUTE_ROLES: RouteRoles = {
  'GET /plan-audits': ['team-manager', 'send-leader'],
  'GET /plan-audits/:auditId': ['team-manager', 'send-leader'],
  '* /plan-audits/:auditId/moderate': ['team-manager', 'send-leader'],
  'GET /plan-audits/moderation': ['team-manager', 'send-leader'],
  '* /plan-audits/new/:planId': ['team-manager', 'send-leader'],
  'GET /plan-audits/actions': ['team-manager', 'send-leader', 'caseworker'],
  'GET /plan-audits/backlog': ['team-manager', 'send-leader', 'caseworker'],
  'POST /plan-audits/actions/:actionId/done': ['caseworker', 'team-manager', 'send-leader'],
};

export const planAuditsFeature = {
  name: 'plan-audits',
  roles: ROUTE_ROLES,
  routes: planAuditRoutes,
} satisfies Feature<'plan-audits'>;

/** Each audited plan's latest overall grade (the review backlog ranks by it, docs/reviews.md). */
export { latestPlanGrades, type QualityGrade } from './store.ts';

/** The audits the leaders' figures count, with their moderations (docs/figures.md). */
export { auditsForFigures } from './store.ts';

/** The demo's audits of its plans, written in bulk (src/features/plans/demo.ts). */
export { insertDemoAudits } from './store.ts';

/** The plan audit's areas and grades, for the demo's audits of its plans (src/features/plans/demo.ts). */
export { AUDIT_AREAS, type Grade, type Grades } from './stats.ts';

/** For the plans benchmark: how many audits the database holds. */
export { auditCount } from './store.ts';
