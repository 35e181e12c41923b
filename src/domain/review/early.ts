/**
 * Early reviews (issue 12 item 1): a review called before the annual one is due: at a school's or the family's
 * request, because the child is not in full-time education, or because their needs changed. A review held early
 * is a review: the next one is due 12 months from its meeting (schedule.ts).
 */
import { notInEducationReviewBy, type RuleDate } from '../clock/index.ts';
import type { FieldError } from './lifecycle.ts';
import { checkedDate } from './dates.ts';

export const EARLY_REVIEW_REASONS = [
  'school-request',
  'family-request',
  'not-in-education',
  'change-of-need',
  'placement-at-risk',
  'other',
] as const;
export type EarlyReviewReason = (typeof EARLY_REVIEW_REASONS)[number];

export const EARLY_REVIEW_REASON_LABELS: Readonly<Record<EarlyReviewReason, string>> = {
  'school-request': 'The school or college asked for it',
  'family-request': 'The family or young person asked for it',
  'not-in-education': 'The child is not in full-time education',
  'change-of-need': 'The child’s needs have changed',
  'placement-at-risk': 'The placement is at risk of breaking down',
  other: 'Another reason',
};

/**
 * The date to hold an early review by, when there is one: for a child not in full-time education, 4 weeks from the
 * request (the product's target for the reg 29(2) duty, not a legal time limit); for the others, none (as soon as
 * practicable).
 */
export function earlyReviewTarget(reason: EarlyReviewReason, requestedOn: string): RuleDate | null {
  checkedDate(requestedOn, 'requestedOn');
  return reason === 'not-in-education' ? notInEducationReviewBy(requestedOn) : null;
}

/** A request for an early review must say why: a reason from the list and, always, the details in words. */
export function checkEarlyReviewRequest(input: {
  reason: string | null | undefined;
  details: string | null | undefined;
}): { ok: true; reason: EarlyReviewReason; details: string } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const reason = input.reason ?? '';
  if (!(EARLY_REVIEW_REASONS as readonly string[]).includes(reason)) {
    errors.push({ field: 'reason', message: 'Select why an early review is needed' });
  }
  const details = (input.details ?? '').trim();
  if (details === '')
    errors.push({ field: 'details', message: 'Say what has happened and why the review cannot wait' });
  else if (details.length > 2000)
    errors.push({ field: 'details', message: 'The details must be 2,000 characters or fewer' });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, reason: reason as EarlyReviewReason, details };
}
