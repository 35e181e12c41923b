/**
 * The public surface of the consultation feature: the family's preference for a school, consulting schools on the
 * draft plan, their answers, and the rules a final plan's section I must meet (docs/consultation.md).
 */
import type { Feature } from '../../platform/feature.ts';
import { consultationRoutes } from './routes.ts';
import { createConsultationService, type ConsultationService } from './service.ts';
import { CONSULTATION_TEMPLATES } from './templates.ts';

export const consultationFeature = {
  name: 'consultation',
  createService: createConsultationService,
  routes: consultationRoutes,
  templates: CONSULTATION_TEMPLATES,
} satisfies Feature<'consultation', ConsultationService>;

/**
 * For the assessment journey and the plan, inside their own changes: consult on the draft when it is served, record
 * the family's preference from the request, check section I before a final plan is issued, and the summary the case
 * pages show.
 */
export {
  consultOnDraft,
  familyPlacementLines,
  finalPlacementProblems,
  placementSummary,
  recordPreference,
  type ConsultationNeeds,
  type ConsultationService,
  type PlacementSummary,
  type PreferenceInput,
} from './service.ts';

/** The school's list of consultations as a page's data (home shows it to a SENCO or head teacher). */
export { schoolListView } from './view-models.ts';
