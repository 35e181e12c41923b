/** The public surface of the notices feature: rights in every decision and who is told (docs/rights.md). */
import type { Feature } from '../../platform/feature.ts';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { noticesRoutes } from './routes.ts';
import { createNoticesService, type NoticesService } from './service.ts';
import { ORGANISATION_TEMPLATES } from './told.ts';
import { seedNoticesDemo } from './demo.ts';
import { LETTER_TEMPLATES } from './plan-letters.ts';

/**
 * Who may use each route (src/platform/web/permissions.ts): Staff, families and the organisations a notice was sent
 * to read notices (each checked by the service); administrators keep the rights contacts.
 */
const LETTER_READERS = [
  'caseworker',
  'team-manager',
  'send-leader',
  'professional',
  'parent',
  'young-person',
] as const;

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
  'GET /letters/:kind/:recordId': LETTER_READERS,
  'GET /letters/:kind/:recordId/letter.pdf': LETTER_READERS,
  'GET /letters/:kind/:recordId/letter.docx': LETTER_READERS,
  'GET /inbox': ['professional'],
  '* /admin/rights-contacts': ['administrator'],
};

export const noticesFeature = {
  name: 'notices',
  roles: ROUTE_ROLES,
  createService: createNoticesService,
  routes: noticesRoutes,
  templates: { ...ORGANISATION_TEMPLATES, ...LETTER_TEMPLATES },
  demo: seedNoticesDemo,
} satisfies Feature<'notices', NoticesService>;

export type { NoticesService } from './service.ts';
export type { NoticesNeeds } from './service.ts';

/** The rights block as a message gives it (the journey's decisions). */
export { rightsLinesFor, rightsMessage } from './decisions.ts';

/** Which notices a case has, for the family's page and the caseworker's. */
export { NOTICE_LABELS, noticesOf, planNoticeKind, type CaseDecisions, type NoticeKind } from './notice.ts';

/** Who is told of a decision: organisations' inbox and email (the journey's decisions call it). */
export { tellOrganisations, type DecisionToTell } from './told.ts';

/**
 * The letters about a plan (docs/reviews.md "Letters"): the reviews, ceasing and amendments features send theirs
 * inside the decision's transaction and give the facts each letter is written from (through the composition root).
 */
export { familyContactLine, sendPlanLetter, type LetterFactsOf, type LetterToSend } from './plan-letters.ts';
export { PLAN_LETTER_LABELS, type PlanLetterFacts, type PlanLetterKind } from './letters.ts';
