/**
 * S2's "named": the amended plan names the new setting, issued on or before the child's legal deadline (reg 18: before
 * 15 February, before 31 March for post-16, or at least 5 months before a reg 18(2) move). An amended plan that keeps
 * the setting the child is leaving, or names none, does not name the new setting; one issued after the deadline names
 * it late, shown with the rule, never counted as named. Pure: the features pass the facts in.
 */
import { parseDate } from '../clock/dates.ts';
import type { TransferDates } from './cohort.ts';

/** An amended plan issued for the child: the day, and the setting its section I names (null: none). */
export interface AmendedPlanFact {
  readonly issued: string;
  readonly namedSettingId: string | null;
}

export type Naming =
  | { readonly status: 'not-named' }
  | {
      readonly status: 'named' | 'named-late';
      /** The day the amended plan naming the new setting was issued. */
      readonly on: string;
      readonly settingId: string;
      /** Days after the legal deadline (0 when named on time). */
      readonly daysLate: number;
      /** The legal deadline with its rule and source, as the page shows it beside "named late". */
      readonly rule: string;
    };

/**
 * The first amended plan, issued from `from` (the start of the review window) up to `today`, whose section I names a
 * setting other than `leaving` (the setting the child attends now): named on time when issued on or before the
 * deadline, named late after it.
 */
export function namingOf(
  amended: readonly AmendedPlanFact[],
  leaving: string | null,
  dates: Pick<TransferDates, 'deadline'>,
  from: string,
  today: string,
): Naming {
  const naming = amended
    .filter(
      (a) =>
        a.issued >= from && a.issued <= today && a.namedSettingId !== null && a.namedSettingId !== leaving,
    )
    .sort((a, b) => a.issued.localeCompare(b.issued))[0];
  if (!naming) return { status: 'not-named' };
  const deadline = dates.deadline;
  const daysLate = Math.max(0, parseDate(naming.issued) - parseDate(deadline.date));
  return {
    status: daysLate > 0 ? 'named-late' : 'named',
    on: naming.issued,
    settingId: naming.namedSettingId!,
    daysLate,
    rule: `${deadline.rule} (${deadline.source})`,
  };
}
