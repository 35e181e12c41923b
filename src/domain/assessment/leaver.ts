/**
 * Sharing out the work of an officer who is leaving (issue 18 item 5): every child they hold moves to one of the
 * officers chosen, with that child's open assessments, so the family has one named contact and the caseworker of
 * the assessment is the child's named officer.
 *
 * The rule, in two passes:
 * 1. Children with an open assessment of the leaver's, most urgent first, each to the receiver holding the fewest
 *    open assessments at that moment (ties: fewer children, then the order the receivers were chosen in). The
 *    assessments, which carry the statutory dates, are spread as evenly as they can be.
 * 2. Every other child the leaver is named officer for, each to the receiver holding the fewest children at that
 *    moment (counting those just given in pass 1; ties: the order chosen).
 */

export interface Receiver {
  readonly id: string;
  /** Open assessments the officer holds already. */
  readonly openAssessments: number;
  /** Children the officer is named officer for already. */
  readonly children: number;
}

export interface LeaversChild {
  readonly childId: string;
  /** The leaver's open assessments of this child (usually none or one). */
  readonly openAssessments: number;
}

/** Which receiver each child goes to (child id to officer id), in the order the children were given. */
export function shareOutLeaversWork(
  children: readonly LeaversChild[],
  receivers: readonly Receiver[],
): Map<string, string> {
  if (!receivers.length) throw new Error('shareOutLeaversWork: at least one receiver is needed');
  const load = receivers.map((r, order) => ({
    id: r.id,
    order,
    cases: r.openAssessments,
    children: r.children,
  }));
  const result = new Map<string, string>();
  const give = (
    child: LeaversChild,
    before: (a: (typeof load)[number], b: (typeof load)[number]) => number,
  ) => {
    const target = load.reduce((best, r) => (before(r, best) < 0 ? r : best));
    target.cases += child.openAssessments;
    target.children += 1;
    result.set(child.childId, target.id);
  };
  const seen = new Set<string>();
  const unique = children.filter((c) => !seen.has(c.childId) && seen.add(c.childId));
  for (const child of unique.filter((c) => c.openAssessments > 0))
    give(child, (a, b) => a.cases - b.cases || a.children - b.children || a.order - b.order);
  for (const child of unique.filter((c) => c.openAssessments === 0))
    give(child, (a, b) => a.children - b.children || a.order - b.order);
  // In the order given, whichever pass placed each child.
  return new Map(unique.map((c) => [c.childId, result.get(c.childId)!]));
}
