/** The public surface of the plans feature: the structured EHC plan (docs/plans.md). */
import type { Feature } from '../../platform/feature.ts';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { createPlansService, type PlansService } from './service.ts';
import { PLAN_EDITORS, PLAN_MANAGERS, SHARED_ROLES } from './access.ts';
import { CASEWORK_ROLES } from '../../platform/access/access.ts';
import { seedPlansDemo, settleDemoPlanTimes } from './demo.ts';
import { planRoutes } from './routes.ts';
import { PLAN_TEMPLATES } from './templates.ts';

/**
 * Who may use each route (src/platform/web/permissions.ts): Casework staff read plans; caseworkers and team managers
 * write them; team managers override the quality checks; families and professionals read the plans shared with them.
 */
const ROUTE_ROLES: RouteRoles = {
  'GET /plans': CASEWORK_ROLES,
  'GET /plans/:planId': CASEWORK_ROLES,
  'GET /plans/:planId/comments': CASEWORK_ROLES,
  'GET /plans/:planId/versions': [...CASEWORK_ROLES, ...SHARED_ROLES],
  'GET /plans/:planId/compare': [...CASEWORK_ROLES, ...SHARED_ROLES],
  'GET /plans/:planId/versions/:versionId/document': [...CASEWORK_ROLES, ...SHARED_ROLES],
  'GET /plans/:planId/versions/:versionId/plan.docx': [...CASEWORK_ROLES, ...SHARED_ROLES],
  'GET /plans/:planId/versions/:versionId/plan.pdf': [...CASEWORK_ROLES, ...SHARED_ROLES],
  '* /plans/start': PLAN_EDITORS,
  'POST /plans/:planId/advice': PLAN_EDITORS,
  '* /plans/:planId/budget': PLAN_EDITORS,
  '* /plans/:planId/comments/:commentId': PLAN_EDITORS,
  '* /plans/:planId/issue-draft': PLAN_EDITORS,
  'GET /plans/:planId/preview': PLAN_EDITORS,
  '* /plans/:planId/issue-final': PLAN_EDITORS,
  '* /plans/:planId/items/:itemId': PLAN_EDITORS,
  'POST /plans/:planId/items/:itemId/remove': PLAN_EDITORS,
  '* /plans/:planId/items/new/:section': PLAN_EDITORS,
  '* /plans/:planId/placement': PLAN_EDITORS,
  'POST /plans/:planId/pull': PLAN_EDITORS,
  '* /plans/:planId/override': PLAN_MANAGERS,
  'GET /your-plans': SHARED_ROLES,
  'GET /your-plans/:planId': [...CASEWORK_ROLES, ...SHARED_ROLES],
  'POST /your-plans/:planId/comments': SHARED_ROLES,
};

export const plansFeature = {
  name: 'plans',
  roles: ROUTE_ROLES,
  createService: createPlansService,
  routes: planRoutes,
  templates: PLAN_TEMPLATES,
  demo: seedPlansDemo,
  demoAfter: (trx, options) => settleDemoPlanTimes(trx, options.laCode, options.today),
} satisfies Feature<'plans', PlansService>;

export type { PlansChanged, PlansService } from './service.ts';

/**
 * The latest draft plan of an assessment case, or an issued plan's latest version (the proposal while out), as a PDF
 * for the schools consulted on it; and an issued plan's round for consultation (the version in force's issue day).
 */
export { draftPlanPdf, namedSettingsOfVersions, planInForceOfChild, planPdf } from './consultation-draft.ts';

/** The plans as the returns read them, and plans read in from a SEN2 return (docs/sen2.md). */
export { insertImportedPlans, plansForReturns } from './store.ts';

/** The plans as the review schedule reads them (docs/reviews.md). */
export { plansForReviews, type PlanForReviews } from './store.ts';

/** A plan's outcomes as the review meeting records progress toward each (docs/reviews.md). */
export { planOutcomesForReviews, type OutcomeForReviews } from './store.ts';
/**
 * Amending an issued plan (ADR 0017), for the amendments feature inside its own changes: the plan as an amendment
 * sees it, the proposal shared as a draft version, its changes section by section, the amended version (refused
 * without a proposal whose 15 days are over), and the proposal withdrawn after a decision not to amend.
 */
export {
  amendedVersionSummary,
  issueAmendedPlan,
  planForAmendment,
  proposalChanges,
  shareProposal,
  withdrawProposal,
  type PlanForAmendment,
  type ProposedChanges,
} from './amendment.ts';
/** For the amendments demo: a proposed change made in the working copy (the first section F provision's words). */
export {
  nameWorkingPlacement as demoNamePlacement,
  reviseFirstProvision as demoProposedChange,
} from './store/amendment.ts';
/** A rule of the plan refused a change: its field and message, for the caller's form. */
export { PlanError } from './service.ts';

/** A child's issued plan, its review date and outcomes, for a young person's first screen (issue 18 item 2). */
export { issuedPlanOfChild } from './store.ts';
/** The family accounts that commented on an amendment's proposal, for its comments' reminder. */
export { familyCommentersOf } from './store.ts';
/** The family's open proposals to amend a plan, for their first screen's tasks (issue 18 item 1). */
export { familyProposals } from './read.ts';
export { PFA_LABELS } from './describe.ts';

/** Every issued plan with its child, for the leaders' figures (docs/figures.md). */
export { issuedPlansForFigures } from './store.ts';

/** The plans as their quality audits read them, and the audits' backlog paged by review day (docs/plans.md). */
export {
  latestVersionOfPlan,
  plansByReviewDue,
  plansForAudits,
  versionsForAudits,
  type PlanForAudit,
  type PlanIdQuery,
} from './store/audits.ts';

/** For the command line's benchmarks: the children with a plan, a child's plan and its versions, the counts. */
export { childIdsWithPlans, planCounts, planIdsOfChildren, versionIdsOfPlan } from './store/samples.ts';
