/**
 * The review backlog's order (issue 12 item 6; S1 "backlog triage"): plans whose review is overdue or due within 8
 * weeks, ranked by, in this order: (1) a phase transfer due this cycle, its reg 18 deadline soonest first; (2) the
 * child is not in full-time education (S4); (3) an out-of-area or independent placement; (4) looked after; (5) the
 * plan's quality graded inadequate or requires improvement; (6) days overdue, most first (then the earliest due).
 * Each factor outranks every later one. The feature's SQL sorts by the same keys (a test holds them together);
 * this module is the definition and writes each row's reason.
 */
import { formatLong, parseDate } from '../clock/dates.ts';

export type QualityGrade = 'outstanding' | 'good' | 'requires-improvement' | 'inadequate';

export interface BacklogFacts {
  readonly planId: string;
  /** The next review's due date. */
  readonly reviewDue: string;
  /** The reg 18 deadline of a phase transfer due this cycle, or null. */
  readonly phaseTransferDeadline: string | null;
  /**
   * Whether the child is not in full-time education (S4: permanent exclusion, part-time timetable, missing
   * education, no placement). Null when not known: Goldthread does not record it yet, and null never ranks.
   */
  readonly notInFullTimeEducation: boolean | null;
  readonly outOfAreaOrIndependent: boolean;
  readonly lookedAfter: boolean;
  /** The latest quality audit's grade, or null when never audited. */
  readonly qualityGrade: QualityGrade | null;
}

export interface BacklogRank {
  /** The factors that apply, by their number (1-5), lowest first; a plan with none ranks by days overdue alone. */
  readonly factors: readonly number[];
  readonly daysOverdue: number;
  /** "Why here", one sentence per factor, first the one that ranks it. */
  readonly reasons: readonly string[];
}

export const BACKLOG_FACTORS = [
  'Phase transfer due this cycle',
  'Not in full-time education',
  'Out-of-area or independent placement',
  'Looked after',
  'Plan quality inadequate or requires improvement',
  'Days overdue',
] as const;

const poorQuality = (g: QualityGrade | null) => g === 'inadequate' || g === 'requires-improvement';

export function backlogRank(f: BacklogFacts, asOf: string): BacklogRank {
  const factors: number[] = [];
  const reasons: string[] = [];
  if (f.phaseTransferDeadline) {
    factors.push(1);
    reasons.push(
      `Phase transfer this year: the plan must be amended to name the next school or college by ${formatLong(parseDate(f.phaseTransferDeadline))}.`,
    );
  }
  if (f.notInFullTimeEducation === true) {
    factors.push(2);
    reasons.push('Not in full-time education.');
  }
  if (f.outOfAreaOrIndependent) {
    factors.push(3);
    reasons.push('Placed out of area or at an independent school or college.');
  }
  if (f.lookedAfter) {
    factors.push(4);
    reasons.push('Looked after by the council.');
  }
  if (poorQuality(f.qualityGrade)) {
    factors.push(5);
    reasons.push(
      `Plan quality graded ${f.qualityGrade === 'inadequate' ? 'inadequate' : 'requires improvement'}.`,
    );
  }
  const toDue = parseDate(f.reviewDue) - parseDate(asOf);
  const daysOverdue = toDue < 0 ? -toDue : 0;
  reasons.push(
    toDue < 0
      ? `Review ${daysOverdue === 1 ? '1 day' : `${daysOverdue} days`} overdue (due ${formatLong(parseDate(f.reviewDue))}).`
      : toDue === 0
        ? 'Review due today.'
        : `Review due in ${toDue === 1 ? '1 day' : `${toDue} days`} (${formatLong(parseDate(f.reviewDue))}).`,
  );
  return { factors, daysOverdue, reasons };
}

/** The backlog's order as a comparator: negative when a ranks above b. */
export function compareBacklog(a: BacklogFacts, b: BacklogFacts): number {
  const flag = (x: boolean) => (x ? 0 : 1);
  const keys = (f: BacklogFacts): (string | number)[] => [
    flag(f.phaseTransferDeadline !== null),
    f.phaseTransferDeadline ?? '',
    flag(f.notInFullTimeEducation === true),
    flag(f.outOfAreaOrIndependent),
    flag(f.lookedAfter),
    flag(poorQuality(f.qualityGrade)),
    f.reviewDue,
    f.planId,
  ];
  const ka = keys(a);
  const kb = keys(b);
  for (let i = 0; i < ka.length; i++) {
    const x = ka[i] as string | number;
    const y = kb[i] as string | number;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

/** Whether a review due on `reviewDue` belongs in the backlog on asOf: overdue, or due within 8 weeks. */
export function inBacklog(reviewDue: string, asOf: string): boolean {
  return parseDate(reviewDue) - parseDate(asOf) <= 56;
}
