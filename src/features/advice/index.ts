/** The public surface of the advice feature: advisers' tasks in the assessment journey. */
import type { Feature } from '../../platform/feature.ts';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { adviceRoutes } from './routes.ts';

/**
 * Who may use each route (src/platform/web/permissions.ts): Professionals answer advice requests; caseworkers and
 * team managers record advice that arrived otherwise.
 */
const ROUTE_ROLES: RouteRoles = {
  'GET /advice': ['professional'],
  '* /advice/:adviceId': ['caseworker', 'team-manager', 'professional'],
  'GET /advice/:adviceId/document': ['caseworker', 'team-manager', 'professional'],
};

export const adviceFeature = {
  name: 'advice',
  roles: ROUTE_ROLES,
  routes: adviceRoutes,
} satisfies Feature<'advice'>;

/**
 * The checks of a document attached to advice (PDF, Word, OpenDocument text or text: extension and contents), which
 * review advice uses too (docs/reviews.md).
 */
export { ADVICE_DOCUMENT_ACCEPT, checkAdviceDocument } from './documents.ts';

/** An adviser's tasks, as a page's data (home shows them to professionals). */
export { tasksPage } from './routes.ts';
