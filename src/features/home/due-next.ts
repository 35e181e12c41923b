/**
 * What an adviser must send next (issue 18: the adviser's first screen was 11,000 pixels tall, with sent advice and
 * every child they advise on before anything due): the advice still to send, for assessments and for reviews, in
 * one list, soonest due first, overdue marked.
 */
import { paths } from '../../platform/web/paths.ts';

export interface DueAssessmentTask {
  readonly id: string;
  readonly given_name: string;
  readonly family_name: string;
  readonly reference: string;
  readonly label: string;
  readonly service_name: string | null;
  readonly received: string | null;
  readonly step: { readonly due: string } | null;
}

export interface DueReviewAdvice {
  readonly id: string;
  readonly childName: string;
  readonly reference: string;
  readonly agencyLabel: string;
  readonly due: string;
  readonly received: string | null;
}

export interface DueItem {
  readonly href: string;
  readonly childName: string;
  readonly reference: string;
  readonly what: string;
  readonly due: string;
  readonly overdue: boolean;
}

/** The first `limit` pieces of advice still to send, soonest due first (ties by child's name), from both lists. */
export function dueNext(
  tasks: readonly DueAssessmentTask[],
  reviews: readonly DueReviewAdvice[],
  today: string,
  limit = 8,
): DueItem[] {
  const items: DueItem[] = [
    ...tasks
      .filter((t) => !t.received && t.step)
      .map((t) => ({
        href: paths.advice.task(t.id),
        childName: `${t.given_name} ${t.family_name}`,
        reference: t.reference,
        what: `Assessment: ${t.label}${t.service_name ? ` (${t.service_name})` : ''}`,
        due: t.step!.due,
      })),
    ...reviews
      .filter((r) => !r.received)
      .map((r) => ({
        href: paths.reviewVoices.task(r.id),
        childName: r.childName,
        reference: r.reference,
        what: `Annual review: ${r.agencyLabel}`,
        due: r.due,
      })),
  ].map((i) => ({ ...i, overdue: i.due < today }));
  return items
    .sort((a, b) => a.due.localeCompare(b.due) || a.childName.localeCompare(b.childName))
    .slice(0, limit);
}
