/** The public surface of the notices feature: rights in every decision and who is told (docs/rights.md). */
import type { Feature } from '../../platform/feature.ts';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { noticesRoutes } from './routes.ts';
import { createNoticesService, type NoticesService } from './service.ts';
import { ORGANISATION_TEMPLATES } from './told.ts';
import { seedNoticesDemo } from './demo.ts';

/**
 * Who may use each route (src/platform/web/permissions.ts): Staff, families and the organisations a notice was sent
 * to read notices (each checked by the service); administrators keep the rights contacts.
 */
const ROUTE_ROLES: RouteRoles = {
  'GET /notices/:caseId/:kind': [
    'caseworker',
    'team-manager',
    'send-leader',
    'professional',
    'parent',
    'young-person',
  ],
  'GET /notices/:caseId/:kind/notice.pdf': [
    'caseworker',
    'team-manager',
    'send-leader',
    'professional',
    'parent',
    'young-person',
  ],
  'GET /notices/:caseId/:kind/notice.docx': [
    'caseworker',
    'team-manager',
    'send-leader',
    'professional',
    'parent',
    'young-person',
  ],
  'GET /inbox': ['professional'],
  '* /admin/rights-contacts': ['administrator'],
};

export const noticesFeature = {
  name: 'notices',
  roles: ROUTE_ROLES,
  createService: createNoticesService,
  routes: noticesRoutes,
  templates: ORGANISATION_TEMPLATES,
  demo: seedNoticesDemo,
} satisfies Feature<'notices', NoticesService>;

export type { NoticesService } from './service.ts';
export type { NoticesNeeds } from './service.ts';

/** The rights block as a message gives it (the journey's decisions). */
export { rightsMessage } from './decisions.ts';

/** Which notices a case has, for the family's page and the caseworker's. */
export { NOTICE_LABELS, noticesOf, planNoticeKind, type CaseDecisions, type NoticeKind } from './notice.ts';

/** Who is told of a decision: organisations' inbox and email (the journey's decisions call it). */
export { tellOrganisations, type DecisionToTell } from './told.ts';
