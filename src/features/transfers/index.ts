/**
 * The public surface of the transfers feature: phase transfers (issue 13, statutory-work.md S2, docs/transfers.md):
 * the cohort board for caseworkers and managers, each child's transfer page, the family's. The cohort comes from the
 * core records and the domain's rule, each child's stage from the reviews, consultation and amendments features; the
 * feature keeps it derived for the board (ADR 0033) and owns the family's preferences, destinations and notices.
 */
import type { Feature } from '../../platform/feature.ts';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { FAMILY_ROLES, TRANSFER_WRITERS } from './child.ts';
import { seedTransfersDemo } from './demo.ts';
import { registerTransferJobs } from './jobs.ts';
import { TRANSFER_TEMPLATES } from './notices.ts';
import { transferRoutes } from './routes.ts';
import { createTransfersService, TRANSFER_READERS, type TransfersService } from './service.ts';

/** Who may use each route (src/platform/web/permissions.ts): caseworkers, team managers and the SEND leader. */
const ROUTE_ROLES: RouteRoles = {
  'GET /transfers': TRANSFER_READERS,
  'POST /transfers/tell': TRANSFER_WRITERS,
  'GET /transfers/children/:childId': TRANSFER_READERS,
  'POST /transfers/children/:childId/preference': TRANSFER_WRITERS,
  'POST /transfers/children/:childId/destination': TRANSFER_WRITERS,
  'GET /your-transfer/:childId': FAMILY_ROLES,
  '* /your-transfer/:childId/preference': FAMILY_ROLES,
};

export const transfersFeature = {
  name: 'transfers',
  roles: ROUTE_ROLES,
  createService: createTransfersService,
  routes: transferRoutes,
  demo: seedTransfersDemo,
  jobs: registerTransferJobs,
  templates: TRANSFER_TEMPLATES,
} satisfies Feature<'transfers', TransfersService>;

export { TRANSFER_READERS, type TransfersService } from './service.ts';

/** The cohorts' children whose deadline fell in a period, named in time or not: for the leaders' figures. */
export { transfersForFigures, type TransferForFigures } from './figures.ts';

/** Whether an amended plan just issued names the setting for a child's phase transfer: the family's email says so. */
export { transferNamingOf, type TransferNaming } from './figures.ts';
