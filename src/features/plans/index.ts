/** The public surface of the plans feature: the structured EHC plan (docs/plans.md). */
import type { Feature } from '../../platform/feature.ts';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { seedPlansDemo } from './demo.ts';
import { planRoutes } from './routes.ts';
import { PLAN_TEMPLATES } from './templates.ts';

/**
 * Who may use each route (src/platform/web/permissions.ts): Casework staff read plans; caseworkers and team managers
 * write them; team managers override the quality checks; families and professionals read the plans shared with them.
 */
const ROUTE_ROLES: RouteRoles = {
  'GET /plans': ['caseworker', 'team-manager', 'send-leader'],
  'GET /plans/:planId': ['caseworker', 'team-manager', 'send-leader'],
  'GET /plans/:planId/comments': ['caseworker', 'team-manager', 'send-leader'],
  'GET /plans/:planId/versions': [
    'caseworker',
    'team-manager',
    'send-leader',
    'parent',
    'young-person',
    'professional',
  ],
  'GET /plans/:planId/compare': [
    'caseworker',
    'team-manager',
    'send-leader',
    'parent',
    'young-person',
    'professional',
  ],
  'GET /plans/:planId/versions/:versionId/document': [
    'caseworker',
    'team-manager',
    'send-leader',
    'parent',
    'young-person',
    'professional',
  ],
  'GET /plans/:planId/versions/:versionId/plan.docx': [
    'caseworker',
    'team-manager',
    'send-leader',
    'parent',
    'young-person',
    'professional',
  ],
  'GET /plans/:planId/versions/:versionId/plan.pdf': [
    'caseworker',
    'team-manager',
    'send-leader',
    'parent',
    'young-person',
    'professional',
  ],
  '* /plans/start': ['caseworker', 'team-manager'],
  'POST /plans/:planId/advice': ['caseworker', 'team-manager'],
  '* /plans/:planId/budget': ['caseworker', 'team-manager'],
  '* /plans/:planId/comments/:commentId': ['caseworker', 'team-manager'],
  '* /plans/:planId/issue-draft': ['caseworker', 'team-manager'],
  '* /plans/:planId/issue-final': ['caseworker', 'team-manager'],
  '* /plans/:planId/items/:itemId': ['caseworker', 'team-manager'],
  'POST /plans/:planId/items/:itemId/remove': ['caseworker', 'team-manager'],
  '* /plans/:planId/items/new/:section': ['caseworker', 'team-manager'],
  '* /plans/:planId/placement': ['caseworker', 'team-manager'],
  'POST /plans/:planId/pull': ['caseworker', 'team-manager'],
  '* /plans/:planId/override': ['team-manager'],
  'GET /your-plans': ['parent', 'young-person', 'professional'],
  'GET /your-plans/:planId': [
    'caseworker',
    'team-manager',
    'send-leader',
    'parent',
    'young-person',
    'professional',
  ],
  'POST /your-plans/:planId/comments': ['parent', 'young-person', 'professional'],
};

export const plansFeature = {
  name: 'plans',
  roles: ROUTE_ROLES,
  routes: planRoutes,
  templates: PLAN_TEMPLATES,
  demo: seedPlansDemo,
} satisfies Feature<'plans'>;

/** The latest draft plan of an assessment case as a PDF, for the schools consulted on it. */
export { draftPlanPdf } from './consultation-draft.ts';

/** The plans as the returns read them, and plans read in from a SEN2 return (docs/sen2.md). */
export { insertImportedPlans, plansForReturns } from './store.ts';

/** The plans as the review schedule reads them (docs/reviews.md). */
export { plansForReviews, type PlanForReviews } from './store.ts';
