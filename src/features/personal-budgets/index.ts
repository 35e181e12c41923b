/**
 * The public surface of the personal budgets feature (statutory-work.md S8; docs/personal-budgets.md). Other
 * features use `childSection` (the child's record), `familyCount` (a family's first screen) through the service,
 * the SEN2 return reads `personalBudgetsForReturns`, and the plan's section J reads `budgetForPlan`.
 */
import type { Feature } from '../../platform/feature.ts';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { seedPersonalBudgetsDemo } from './demo.ts';
import { personalBudgetRoutes } from './routes.ts';
import { createPersonalBudgetsService, FAMILY, STAFF, type PersonalBudgetsService } from './service.ts';
import { PERSONAL_BUDGET_TEMPLATES } from './templates.ts';

/**
 * Who may use each route (src/platform/web/permissions.ts): casework staff and leaders record and read personal
 * budgets; parents and young people see their own children's and ask for one.
 */
const ROUTE_ROLES: RouteRoles = {
  'GET /personal-budgets': STAFF,
  '* /personal-budgets/new': STAFF,
  'GET /personal-budgets/:requestId': STAFF,
  '* /personal-budgets/:requestId/decision': STAFF,
  '* /personal-budgets/:requestId/refusal-review': STAFF,
  '* /personal-budgets/:requestId/direct-payment': STAFF,
  '* /personal-budgets/:requestId/monitoring': STAFF,
  '* /personal-budgets/:requestId/change': STAFF,
  '* /personal-budgets/:requestId/reconsideration': STAFF,
  'GET /your-personal-budgets': FAMILY,
  '* /your-personal-budgets/request': FAMILY,
};

export const personalBudgetsFeature = {
  name: 'personal-budgets',
  roles: ROUTE_ROLES,
  createService: createPersonalBudgetsService,
  routes: personalBudgetRoutes,
  templates: PERSONAL_BUDGET_TEMPLATES,
  demo: seedPersonalBudgetsDemo,
} satisfies Feature<'personal-budgets', PersonalBudgetsService>;

export { type PersonalBudgetsService } from './service.ts';
export { personalBudgetsForReturns } from './view.ts';
export { budgetForPlan, type PlanBudget } from './plan-section.ts';
