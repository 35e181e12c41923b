/** The public surface of the amendments feature: amending an issued EHC plan (docs/reviews.md, ADR 0017). */
import type { Feature } from '../../platform/feature.ts';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { seedAmendmentsDemo } from './demo.ts';
import { registerAmendmentJobs, REMINDER_TEMPLATES } from './jobs.ts';
import { amendmentRoutes } from './routes.ts';
import { createAmendmentsService, type AmendmentsService } from './service.ts';
import { AMENDMENT_EDITORS, AMENDMENT_READERS, NOTICE_READERS } from './support.ts';
import { AMENDMENT_TEMPLATES } from './templates.ts';

/**
 * Who may use each route (src/platform/web/permissions.ts): casework staff read amendments; caseworkers and team
 * managers change them; the family and the child's advisers read the notice of a proposal (the plans feature checks
 * the child is theirs), and the family asks there for a meeting.
 */
const ROUTE_ROLES: RouteRoles = {
  'GET /amendments': AMENDMENT_READERS,
  'GET /amendments/plans/:planId': AMENDMENT_READERS,
  'POST /amendments/plans/:planId/start': AMENDMENT_EDITORS,
  'POST /amendments/:amendmentId/:step': AMENDMENT_EDITORS,
  'GET /your-plans/:planId/proposal': [...AMENDMENT_READERS, ...NOTICE_READERS],
  'POST /your-plans/:planId/proposal/meeting': ['parent', 'young-person'],
};

export const amendmentsFeature = {
  name: 'amendments',
  roles: ROUTE_ROLES,
  createService: createAmendmentsService,
  routes: amendmentRoutes,
  templates: { ...AMENDMENT_TEMPLATES, ...REMINDER_TEMPLATES },
  jobs: registerAmendmentJobs,
  demo: seedAmendmentsDemo,
} satisfies Feature<'amendments', AmendmentsService>;

export type { AmendmentsService } from './service.ts';
/** For the phase-transfer demo (docs/transfers.md): amendments naming the next setting. */
export { seedTransferAmendments, type TransferAmendmentWanted } from './demo.ts';

/** The proposals sent and amended plans issued since a day, for the phase-transfer board (docs/transfers.md). */
export { amendmentsForTransfers } from './store.ts';
/** What the notices feature writes the letter of a decision not to amend from (docs/reviews.md "Amendments"). */
export { amendedPlanLetterFacts, notToAmendLetterFacts } from './letters.ts';

/** Amended plans issued after a review, for the leaders' figure of amendments within 12 weeks (docs/figures.md). */
export { amendmentsForFigures } from './store.ts';
/** Reminders of the family's comments on proposed amendments (docs/reviews.md "Reminders"). */
export { runCommentReminders } from './jobs.ts';
