/**
 * The public surface of the education feature: children not in full-time education (statutory-work.md S4;
 * docs/education.md). Other features use `notInFullTimeEducation` (the review backlog ranks these children first)
 * and the child record shows `educationSummary`.
 */
import type { Feature } from '../../platform/feature.ts';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { STAFF, VIEWERS } from './service.ts';
import { seedEducationDemo } from './demo.ts';
import { educationRoutes } from './routes.ts';
import { createEducationService, type EducationService } from './service.ts';
import { EDUCATION_TEMPLATES } from './templates.ts';

/**
 * Who may use each route (src/platform/web/permissions.ts): casework staff read children's education; caseworkers
 * and team managers record it.
 */
const ROUTE_ROLES: RouteRoles = {
  'GET /education': VIEWERS,
  'GET /children/:childId/education': VIEWERS,
  '* /children/:childId/education/new': STAFF,
  '* /children/:childId/education/:episodeId': STAFF,
  '* /children/:childId/education/:episodeId/close': STAFF,
  '* /children/:childId/education/attendance': STAFF,
  'POST /children/:childId/education/duties/:dutyId/done': STAFF,
};

export const educationFeature = {
  name: 'education',
  roles: ROUTE_ROLES,
  createService: createEducationService,
  routes: educationRoutes,
  templates: EDUCATION_TEMPLATES,
  demo: seedEducationDemo,
} satisfies Feature<'education', EducationService>;

/**
 * `notInFullTimeEducation(db, laCode, childIds, asOf)`: which of these children have an open permanent exclusion,
 * part-time timetable, missing-education or home-education episode on `asOf`, with those kinds (children with none
 * are left out). The service's `notInFullTimeEducation(laCode, childIds)` is the same as of today.
 */
export {
  educationSummary,
  notInFullTimeEducation,
  notInFullTimeEducationOn,
  type EducationService,
  type EducationSummary,
} from './service.ts';
export { EPISODE_KIND_LABELS, type EpisodeKind } from '../../domain/education/index.ts';
