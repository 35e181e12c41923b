/**
 * The public surface of the register feature: what families raise (statutory-work.md S12; docs/register.md).
 * Other features use `tasksFor` (a caseworker's s42 tasks on their first screen) and `surveyOffersFor` (a family's
 * open surveys on theirs) through the service.
 */
import type { Feature } from '../../platform/feature.ts';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { seedRegisterDemo } from './demo.ts';
import { registerRoutes } from './routes.ts';
import { registerSurveyJobs } from './survey-jobs.ts';
import { SURVEY_TEMPLATES } from './survey-service.ts';
import { REGISTER_TEMPLATES } from './messages.ts';
import { FAMILY, LEADERS, POLICY_SETTERS, STAFF } from './items.ts';
import { createRegisterService, type RegisterService } from './service.ts';

/**
 * Who may use each route (src/platform/web/permissions.ts): casework staff and leaders work the register; team
 * managers and leaders see the counts and write "You said, we did"; leaders and administrators set the policy;
 * parents and young people see and raise their own. The public form and the published "You said, we did" are
 * undeclared: anyone, signed in or not; so is the family's survey, reached by the link in their message (its token is
 * the permission, ADR 0034). Team managers and leaders see the survey's results.
 */
const ROUTE_ROLES: RouteRoles = {
  'GET /register': STAFF,
  '* /register/new': STAFF,
  'GET /register/:itemId': STAFF,
  '* /register/:itemId/:action': STAFF,
  '* /register/:itemId/owner-and-themes': STAFF,
  'POST /register/:itemId/task-done': STAFF,
  '* /register/policy': POLICY_SETTERS,
  'GET /register/counts': LEADERS,
  '* /register/you-said-we-did': LEADERS,
  'POST /register/you-said-we-did/:entryId/publish': LEADERS,
  'GET /register/survey': LEADERS,
  '* /register/survey/:responseId/themes': LEADERS,
  'GET /register/disagreement-resolution': STAFF,
  '* /register/disagreement-resolution/new': STAFF,
  'GET /register/disagreement-resolution/:resolutionId': STAFF,
  'POST /register/disagreement-resolution/:resolutionId/obligation': STAFF,
  'POST /register/disagreement-resolution/:resolutionId/obligation/:obligationId/done': STAFF,
  'GET /register/learning': LEADERS,
  '* /register/learning/new': LEADERS,
  'GET /your-say': FAMILY,
  '* /your-say/new': FAMILY,
  'GET /your-say/:itemId': FAMILY,
};

export const registerFeature = {
  name: 'register',
  roles: ROUTE_ROLES,
  createService: createRegisterService,
  routes: registerRoutes,
  jobs: registerSurveyJobs,
  templates: { ...SURVEY_TEMPLATES, ...REGISTER_TEMPLATES },
  demo: seedRegisterDemo,
} satisfies Feature<'register', RegisterService>;

export type { RegisterService } from './service.ts';
export { SURVEY_OFFERS_QUEUE } from './survey-jobs.ts';
/** The learning actions sent to one improvement plan action, for its page (ADR 0047). */
export { learningForAction } from './learning-service.ts';
