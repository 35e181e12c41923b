/**
 * The reviews service (issue 12; docs/reviews.md, ADR 0012): the factory the feature's index.ts calls, and what its
 * parts share: who reads and who changes reviews, the form error a rule's refusal becomes, a review's facts for the
 * rules in src/domain/review, and a plan or review of the actor's authority (or 404).
 *
 * The work is in the files beside it: each plan's review schedule, derived and kept per plan (schedule.ts); the
 * ranked backlog, the caseloads and allocation (backlog.ts); a plan's reviews page and the child's record's links
 * (plan-reviews.ts); setting up a review and each step of its paperwork, and a decision to cease (steps.ts); a plan
 * transferred in (transfers-in.ts); the views and advice before a meeting (voices-service.ts). The meeting itself is
 * in meeting.ts.
 *
 * Access: casework staff (caseworker, team manager, SEND leader) read the schedule and the backlog; caseworkers and
 * team managers change reviews. Everyone else is refused (403, audited by the platform); a plan of another authority
 * answers 404. Every change is one transaction with an audit entry.
 */
import { CASEWORK_ROLES, isUuid, type Actor } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { FieldError as FormFieldError } from '../../platform/web/forms.ts';
import type { FieldError, ReviewFacts } from '../../domain/review/index.ts';
import { plansForReviews, type PlanForReviews } from '../plans/index.ts';
import { createReviewBacklog } from './backlog.ts';
import { createPlanReviews } from './plan-reviews.ts';
import { createReviewSteps } from './steps.ts';
import { reviewById, type ReviewRow } from './store.ts';
import { createTransfersIn } from './transfers-in.ts';
import { createReviewVoices } from './voices-service.ts';

export const REVIEW_READERS: readonly Role[] = CASEWORK_ROLES;
export const REVIEW_EDITORS: readonly Role[] = ['caseworker', 'team-manager'];

/** A rule refused the change: shown on the form as the GOV.UK error summary, with the input kept. */
export class ReviewFormError extends FormFieldError {
  readonly errors: readonly FieldError[];
  constructor(errors: readonly FieldError[]) {
    super(errors[0]?.field ?? 'form', errors.map((e) => e.message).join('; '));
    this.errors = errors;
  }
}

export function factsOf(r: ReviewRow): ReviewFacts {
  return {
    meetingDate: r.meeting_date,
    invitationsSent: r.invitations_sent,
    adviceCirculated: r.advice_circulated,
    held: r.held,
    reportSent: r.report_sent,
    decision: r.decision && r.decision_date ? { date: r.decision_date, outcome: r.decision } : null,
  };
}

/** A final plan of the actor's authority, or 404. */
export async function finalPlan(db: Executor, actor: Actor, planId: string): Promise<PlanForReviews> {
  if (!isUuid(planId)) throw new NotFoundError();
  const [plan] = await plansForReviews(db, actor.laCode, [planId]);
  if (!plan) throw new NotFoundError();
  return plan;
}

/** A review of the actor's authority, or 404. */
export async function reviewOrNotFound(db: Executor, actor: Actor, reviewId: string): Promise<ReviewRow> {
  if (!isUuid(reviewId)) throw new NotFoundError();
  const review = await reviewById(db, actor.laCode, reviewId);
  if (!review) throw new NotFoundError();
  return review;
}

export function createReviewsService(deps: ServiceDeps) {
  return {
    /** The family's and the child's views and the professionals' advice before a meeting (voices-service.ts). */
    ...createReviewVoices(deps),
    /** The ranked backlog, the caseloads, allocation and the whole schedule recomputed (backlog.ts). */
    ...createReviewBacklog(deps),
    /** A plan's reviews page (plan-reviews.ts). */
    ...createPlanReviews(deps),
    /** Setting up a review, an early review request and each step of the paperwork (steps.ts). */
    ...createReviewSteps(deps),
    /** A plan transferred in from another council (transfers-in.ts). */
    ...createTransfersIn(deps),
  };
}

export type ReviewsService = ReturnType<typeof createReviewsService>;
