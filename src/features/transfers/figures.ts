/**
 * Phase transfers for the leaders' figures (docs/figures.md, "Phase transfers named by the deadline"): the board's own
 * reading of each cohort (`cohortOn`: the cohort rule, the legal deadline, the facts and the stage), so the figure
 * counts a plan as named exactly when the board does. Read-only.
 */
import { schoolYearStart } from '../../domain/calendar.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { cohortOn } from './service.ts';

/** A cohort's child whose legal deadline fell in the period asked for. */
export interface TransferForFigures {
  /** The child and the cohort's school year (a child is in one cohort a year). */
  readonly id: string;
  readonly childId: string;
  /** The last day to issue the amended plan naming the new setting (reg 18). */
  readonly deadline: string;
  /** The day the board counts the new setting as named, if it had been by the end of the period. */
  readonly named: string | null;
  /** Named by the deadline: the board's stage `named`. */
  readonly inTime: boolean;
}

/**
 * Every child of the phase-transfer cohorts whose legal deadline fell from `since` to `asOf`, with whether the new
 * setting was named by it. Each school year's cohort is read as of the end of that school year (or `asOf`, if
 * sooner), with each child's setting as it was on 1 February of the year (before both deadlines, so a child who has
 * since moved on to the new setting is still in the cohort they moved with).
 */
export async function transfersForFigures(
  db: Executor,
  laCode: string,
  since: string,
  asOf: string,
): Promise<TransferForFigures[]> {
  const found: TransferForFigures[] = [];
  for (let year = schoolYearStart(since); year <= schoolYearStart(asOf); year++) {
    const yearEnd = `${year + 1}-08-31`;
    const on = yearEnd < asOf ? yearEnd : asOf;
    const february = `${year + 1}-02-01`;
    const rows = await cohortOn(db, laCode, on, undefined, { settingsOn: february < on ? february : on });
    for (const r of rows) {
      const deadline = r.dates.deadline.date;
      if (deadline < since || deadline > asOf) continue;
      found.push({
        id: `${r.child.id}:${year}`,
        childId: r.child.id,
        deadline,
        named: r.facts.named,
        inTime: r.stage === 'named',
      });
    }
  }
  return found;
}
