/**
 * The public surface of the figures feature: the leaders' figures (issue 14 item 2, docs/figures.md), each as of any
 * day, broken down, with its trend and the children behind each number. It owns no table.
 */
import type { Feature } from '../../platform/feature.ts';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { FIGURES_COUNT_QUEUE, registerFiguresJobs } from './jobs.ts';
import { figuresRoutes } from './routes.ts';
import { createFiguresService, FIGURE_READERS, type FiguresService } from './service.ts';

/** Who may use each route (src/platform/web/permissions.ts): the SEND leader and team managers. */
const ROUTE_ROLES: RouteRoles = {
  'GET /figures': FIGURE_READERS,
  'GET /figures/:measure': FIGURE_READERS,
  'GET /figures/:measure/children.csv': FIGURE_READERS,
};

export const figuresFeature = {
  name: 'figures',
  roles: ROUTE_ROLES,
  createService: createFiguresService,
  routes: figuresRoutes,
  jobs: registerFiguresJobs,
} satisfies Feature<'figures', FiguresService>;

export { FIGURE_READERS, type FiguresService } from './service.ts';

/** The job that counts every figure as of today (ADR 0026). */
export { FIGURES_COUNT_QUEUE };

/** One figure counted live from the casework, for the improvement plan's performance indicators (issue 14 item 6). */
export { FIGURE_CHOICES, liveFigure, type LiveFigure } from './live.ts';
