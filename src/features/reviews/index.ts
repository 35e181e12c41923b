/** The public surface of the reviews feature: annual reviews of EHC plans (docs/reviews.md, ADR 0012). */
import type { Feature, RouteDeps, ServiceDeps } from '../../platform/feature.ts';
import type { FastifyInstance } from 'fastify';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { REVIEW_ALLOCATORS } from './allocation.ts';
import { seedReviewsDemo } from './demo.ts';
import { registerReviewJobs } from './jobs.ts';
import { reviewRoutes } from './routes.ts';
import { createReviewsService } from './service.ts';
import { createMeetingService } from './meeting.ts';
import { meetingRoutes } from './meeting-routes.ts';
import { MEETING_TEMPLATES } from './meeting-templates.ts';
import { seedMeetingDemo } from './meeting-demo.ts';
import { REMINDER_TEMPLATES } from './reminders.ts';

/** Who may open a review's meeting page and report (the service then lets in only its school and invitees). */
const MEETING_READERS = [
  'caseworker',
  'team-manager',
  'send-leader',
  'professional',
  'parent',
  'young-person',
] as const;

/**
 * Who may use each route (src/platform/web/permissions.ts): casework staff read the review backlog and a plan's
 * reviews; caseworkers and team managers change them and ask professionals for advice; team managers allocate them to
 * officers (ADR 0020). Parents and young people give their views for their child's review; professionals answer the
 * review advice asked of them.
 */
const ROUTE_ROLES: RouteRoles = {
  'GET /reviews': ['caseworker', 'team-manager', 'send-leader'],
  'GET /reviews/plans/:planId': ['caseworker', 'team-manager', 'send-leader'],
  'POST /reviews/allocate': REVIEW_ALLOCATORS,
  'POST /reviews/plans/:planId/schedule': ['caseworker', 'team-manager'],
  'POST /reviews/plans/:planId/early': ['caseworker', 'team-manager'],
  '* /reviews/plans/:planId/transfer-in': ['caseworker', 'team-manager'],
  'POST /reviews/:reviewId/:step': ['caseworker', 'team-manager'],
  // The review meeting (ADR 0015): the school's staff arrange and record it too; anyone invited reads it.
  '* /reviews/plans/:planId/arrange': ['caseworker', 'team-manager', 'professional'],
  'GET /reviews/meetings/:reviewId': MEETING_READERS,
  'GET /reviews/meetings/:reviewId/report': MEETING_READERS,
  'POST /reviews/meetings/:reviewId/:action': ['caseworker', 'team-manager', 'professional'],
  'GET /your-review/:reviewId': ['parent', 'young-person'],
  '* /your-review/:reviewId/views/:about': ['parent', 'young-person'],
  '* /reviews/:reviewId/ask-advice': ['caseworker', 'team-manager'],
  'GET /review-advice': ['professional'],
  'GET /review-advice/:adviceId': ['caseworker', 'team-manager', 'send-leader', 'professional'],
  'POST /review-advice/:adviceId': ['professional'],
  'GET /review-advice/:adviceId/document': [
    'caseworker',
    'team-manager',
    'send-leader',
    'professional',
    'parent',
    'young-person',
  ],
};

/** The reviews service: the schedule and the review records (service.ts) and the meeting (meeting.ts). */
function createService(deps: ServiceDeps) {
  return { ...createReviewsService(deps), ...createMeetingService(deps) };
}
export type ReviewsService = ReturnType<typeof createService>;

function routes(app: FastifyInstance, deps: RouteDeps<ReviewsService>): void {
  reviewRoutes(app, deps);
  meetingRoutes(app, deps.service);
}

export const reviewsFeature = {
  name: 'reviews',
  roles: ROUTE_ROLES,
  createService,
  routes,
  templates: { ...MEETING_TEMPLATES, ...REMINDER_TEMPLATES },
  jobs: registerReviewJobs,
  demo: async (trx, options) => ({
    ...(await seedReviewsDemo(trx, options)),
    ...(await seedMeetingDemo(trx, options)),
  }),
} satisfies Feature<'reviews', ReviewsService>;

/** Recompute plans' review schedules in the caller's transaction (after a change other features make). */
export { refreshReviewSchedules, refreshReviewsOfChildren } from './schedule.ts';
/** The ceasing procedure's link to the review it came from (ADR 0018). */
export { recordReviewCeased, reviewsAwaitingDecision } from './steps.ts';
/** A plan's review records, for the amendments feature: a review's decision to amend starts an amendment (ADR 0017). */
export { reviewsOf, type ReviewRow } from './store.ts';
/** The held reviews the leaders' figures count (docs/figures.md). */
export { heldReviewsForFigures } from './store.ts';
/** The review meetings held since a day, for the phase-transfer board (docs/transfers.md). */
export { reviewsHeldForTransfers } from './store.ts';
/** What the notices feature writes a review's letters from (docs/reviews.md "Letters"). */
export { nextReviewAsOf, reviewLetterFacts, transferInLetterFacts } from './letters.ts';
/** A child's plans with their next review's due date, for the plan's documents (issue 18 item 7). */
export { scheduleOfChild as reviewScheduleOfChild } from './store.ts';
/** The child's record: links to a plan's reviews and amendments, with the next review's date. */
export { reviewLinksOfChild } from './plan-reviews.ts';
/** A reminder before a review's date, claimed once (the amendments feature's reminders of comments use it too). */
export { claimReminder } from './store/reminders.ts';
export { REMINDER_DAYS, runReviewReminders } from './reminders.ts';
