/** The public surface of the assessments feature: the EHC needs assessment journey (docs/assessments.md). */
import type { Feature } from '../../platform/feature.ts';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { seedAssessmentDemo } from './demo.ts';
import { registerAssessmentJobs } from './jobs.ts';
import { assessmentRoutes } from './routes.ts';
import { ASSESSMENT_TEMPLATES } from './templates.ts';

/**
 * Who may use each route (src/platform/web/permissions.ts): Casework staff read cases; caseworkers and team managers
 * act on them; team managers allocate.
 */
const ROUTE_ROLES: RouteRoles = {
  'GET /assessments': ['caseworker', 'team-manager', 'send-leader'],
  'GET /assessments/:caseId': ['caseworker', 'team-manager', 'send-leader'],
  'GET /assessments/:caseId/timeline': ['caseworker', 'team-manager', 'send-leader'],
  'GET /assessments/:caseId/decision-notice': ['caseworker', 'team-manager', 'send-leader'],
  '* /assessments/record': ['caseworker', 'team-manager'],
  'GET /assessments/team': ['team-manager', 'send-leader'],
  'POST /assessments/team/move-cases': ['team-manager'],
  '* /assessments/:caseId/allocate': ['team-manager'],
  '* /assessments/:caseId/advice': ['caseworker', 'team-manager'],
  '* /assessments/:caseId/close': ['caseworker', 'team-manager'],
  '* /assessments/:caseId/confirm-exception': ['caseworker', 'team-manager'],
  '* /assessments/:caseId/decision': ['caseworker', 'team-manager'],
  '* /assessments/:caseId/draft': ['caseworker', 'team-manager'],
  '* /assessments/:caseId/exception': ['caseworker', 'team-manager'],
  '* /assessments/:caseId/final': ['caseworker', 'team-manager'],
  '* /assessments/:caseId/outcome': ['caseworker', 'team-manager'],
  '* /assessments/:caseId/response': ['caseworker', 'team-manager'],
  '* /assessments/:caseId/reuse-advice': ['caseworker', 'team-manager'],
  'POST /assessments/:caseId/requester': ['caseworker', 'team-manager'],
};

export const assessmentsFeature = {
  name: 'assessments',
  roles: ROUTE_ROLES,
  routes: assessmentRoutes,
  jobs: registerAssessmentJobs,
  templates: ASSESSMENT_TEMPLATES,
  demo: seedAssessmentDemo,
} satisfies Feature<'assessments'>;

/** How many open assessments an officer holds (admin asks before switching an account off). */
export { openCasesHeldBy } from './store.ts';

/** A case's child and stage, for consultation on the placement (src/features/consultation). */
export { placementCase } from './store.ts';

/** A case's decisions, for their notices (src/features/notices). */
export { decisionFacts, type DecisionFacts } from './store.ts';

/** The caseworker's workspace and the manager's team view, as pages' data (home shows them). */
export { teamPage, workspacePage } from './routes.ts';

/** The requests as the returns read them, and requests read in from a SEN2 return (docs/sen2.md). */
export {
  existingRequestKeys,
  insertImportedRequests,
  requestsForReturns,
  type ImportedRequest,
} from './store.ts';

/** The cases the leaders' figures count, with their facts (docs/figures.md). */
export { casesForFigures } from './store.ts';
/** Each child's latest assessment case, for the phase-transfer demo's preferences (docs/transfers.md). */
export { latestCasesOfChildren } from './store.ts';
/** The family's own words on a case (their request and their views), offered for section A of the plan. */
export { familyWords } from './advice-tasks.ts';

/**
 * What the plans feature asks of a case (src/features/plans): its received advice for section K and the checks, the
 * case a new plan belongs to, where its plan stage stands, its facts for the family's comment period, a reassessment
 * that replaces the plan; and the journey's steps the plan records (the draft served, the final issued).
 */
export {
  adviceRecommendationSources,
  caseForNewPlan,
  loadFacts,
  planStageOf,
  receivedAdviceOfCase,
} from './store.ts';
export { openReassessmentOf, setReassessedPlan } from './store/lawful-steps.ts';
export { outstandingAdvice } from './lawful-steps.ts';
export { issueFinal, serveDraft } from './plan-stage.ts';
export { NEED_AREAS, type ProvisionLine } from './advice.ts';

/** The advisers' pages (src/features/advice): their tasks, their advice and its form. */
export { adviceSchema } from './forms.ts';
export { getAdviceDocument, getAdviceTask, NEW_TASK_DAYS, professionalTasks } from './advice-tasks.ts';
export { saveAdviceDraft, submitAdvice } from './advice.ts';
export { JourneyError, STAFF } from './case-support.ts';

/**
 * The family's pages (src/features/family): the case as the family sees it, their views, and the online request (the
 * requester's children and school, a new child's match, the request and the requester's link).
 */
export { caseForView } from './routes.ts';
export { createRequest } from './requests.ts';
export { familyCase, familyCases, type CaseView } from './case-view.ts';
export { familyViewsRequest, submitFamilyViews } from './advice.ts';
export {
  alreadyLinked,
  childForNewDetails,
  myRequest,
  myRequests,
  recordRequester,
  sencoSetting,
  settingRegister,
} from './requesters.ts';
export { lockDraft, markDraftSent, newDraft, openDraft, saveDraftAnswers } from './store/request-drafts.ts';

/** For the command line's benchmarks: the children with a case, and how many cases are open. */
export { childIdsWithCases, openCaseCount } from './store/samples.ts';
