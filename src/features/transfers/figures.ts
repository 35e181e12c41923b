/**
 * Phase transfers for the leaders' figures (docs/figures.md, "Phase transfers named by the deadline"): the board's own
 * reading of each cohort (`cohortOn`: the cohort rule, the legal deadline, the facts and the stage), so the figure
 * counts a plan as named exactly when the board does; and whether an amended plan just issued is a child's phase
 * transfer naming, for the family's email (amendments, through the composition root). Read-only.
 */
import { schoolYearStart } from '../../domain/calendar.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { settingsByIds } from '../../platform/people/settings.ts';
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

/** What the family's "amended plan issued" email says when the amended plan is the phase transfer's naming. */
export interface TransferNaming {
  /** The new setting the amended plan names. */
  readonly settingName: string;
  /** The year the child moves. */
  readonly moveYear: number;
  /** The legal deadline for naming it (reg 18), and how many days after it the plan was issued (0: in time). */
  readonly deadline: string;
  readonly daysLate: number;
}

/**
 * Whether the amended plan issued on `issued` for the child is the phase transfer's naming (S2: the first amended plan
 * of the transfer window naming a setting other than the one the child is leaving): the setting, the move's year and
 * the deadline, read through the board's own `cohortOn` in the caller's transaction, so the email says what the board
 * shows. Null for any other amended plan (no move this year, the setting kept, named already by an earlier plan).
 */
export async function transferNamingOf(
  db: Executor,
  laCode: string,
  childId: string,
  issued: string,
  today: string,
): Promise<TransferNaming | null> {
  const [row] = await cohortOn(db, laCode, today, [childId]);
  if (!row || row.naming.status === 'not-named' || row.naming.on !== issued) return null;
  const setting = (await settingsByIds(db, laCode, [row.naming.settingId])).get(row.naming.settingId);
  if (!setting) return null;
  return {
    settingName: setting.name,
    moveYear: row.moveYear,
    deadline: row.dates.deadline.date,
    daysLate: row.naming.daysLate,
  };
}
