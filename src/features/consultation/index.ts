/**
 * The public surface of the consultation feature: the family's preference for a school, consulting schools on the
 * draft plan, their answers, and the rules a final plan's section I must meet (docs/consultation.md).
 */
import type { Feature } from '../../platform/feature.ts';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { consultationRoutes } from './routes.ts';
import { createConsultationService, type ConsultationService } from './service.ts';
import { CONSULTATION_TEMPLATES } from './templates.ts';

/**
 * Who may use each route (src/platform/web/permissions.ts): Schools (professionals) answer consultations; casework
 * staff see placements; caseworkers and team managers act on them.
 */
const ROUTE_ROLES: RouteRoles = {
  'GET /consultations': ['professional'],
  'GET /consultations/:consultationId': ['professional', 'caseworker', 'team-manager', 'send-leader'],
  'POST /consultations/:consultationId': ['professional', 'caseworker', 'team-manager'],
  'GET /consultations/:consultationId/draft-plan.pdf': [
    'professional',
    'caseworker',
    'team-manager',
    'send-leader',
  ],
  'GET /assessments/:caseId/placement': ['caseworker', 'team-manager', 'send-leader'],
  'POST /assessments/:caseId/placement/consult': ['caseworker', 'team-manager'],
  'POST /assessments/:caseId/placement/preference': ['caseworker', 'team-manager'],
  '* /assessments/:caseId/placement/preferences/:preferenceId/refuse': ['caseworker', 'team-manager'],
  '* /consultations/preferences/:preferenceId/refuse': ['caseworker', 'team-manager'],
};

export const consultationFeature = {
  name: 'consultation',
  roles: ROUTE_ROLES,
  createService: createConsultationService,
  routes: consultationRoutes,
  templates: CONSULTATION_TEMPLATES,
} satisfies Feature<'consultation', ConsultationService>;

/**
 * For the assessment journey and the plan, inside their own changes: consult on the draft when it is served, record
 * the family's preference from the request, check section I before a final plan is issued, and the summary the case
 * pages show. For an issued plan (amendments, phase transfers; ADR 0032): record a preference and consult at once,
 * the round's summary, and the amended plan's section I check.
 */
export { consultOnDraft, recordPlanPreference, recordPreference } from './consult.ts';
export { amendedPlacementProblems, finalPlacementProblems } from './placement-checks.ts';
export type { ConsultationNeeds, ConsultationService, PlanSubject, PreferenceInput } from './service.ts';
export {
  familyPlacementLines,
  placementSummary,
  planPlacementSummary,
  type PlacementSummary,
} from './summary.ts';
export { PLAN_DOCUMENT, PROPOSAL_DOCUMENT } from './support.ts';

/** The school's list of consultations as a page's data (home shows it to a SENCO or head teacher). */
export { schoolListView } from './view-models.ts';

/** The preferences and consultations since a day, for the phase-transfer board (docs/transfers.md). */
export { consultationsForTransfers, preferencesForTransfers } from './store.ts';
/** For the phase-transfer demo (docs/transfers.md): preferences and consultations for the next setting. */
export { seedTransferPlacements, type TransferPlacementWanted } from './demo-transfers.ts';
