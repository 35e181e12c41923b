/**
 * S9 (statutory-work.md): ceasing to maintain a plan. The plan must be maintained while the family can still appeal
 * and while an appeal is going on (CFA s45; explanatory notes para 247).
 */
import { formatLong } from '../dates.ts';
import { appealDeadline, type AppealDeadline } from './tribunal.ts';
import { day, ruleDate, type RuleDate } from './rule-date.ts';

export interface CeaseDates {
  /** The family's last day to appeal the decision to cease (S7.1, HESC r12). */
  readonly appealDeadline: AppealDeadline;
  /** The last day the plan stays in force, or null while an appeal is going on or when the decision was reversed. */
  readonly inForceUntil: RuleDate | null;
  /** The day the plan ceases, or null while an appeal is going on or when the decision was reversed. */
  readonly ceasesOn: RuleDate | null;
  /** Why, in words. */
  readonly explanation: string;
}

const SOURCE = 'Children and Families Act 2014, s45; SEND Regulations 2014, reg 31';

/**
 * When a plan the authority decided to cease (decision sent on D) stops. With no appeal registered it stays in force
 * until the appeal deadline has passed and ceases the day after (D = 2026-06-15 → in force until 2026-09-01, ceases
 * 2026-09-02). With an appeal it stays in force until the appeal ends: if the tribunal dismisses it (or it is
 * withdrawn) the plan ceases on that day, immediately (reg 44(2) [S]); if the tribunal overturns the decision the
 * plan is maintained. Dates are 'YYYY-MM-DD'.
 */
export function ceaseDates(input: {
  decisionSent: string;
  certificateIssued?: string | null;
  appealRegistered?: string | null;
  appealEnded?: string | null;
  appealOutcome?: 'dismissed' | 'withdrawn' | 'decision-overturned' | null;
}): CeaseDates {
  const deadline = appealDeadline(input.decisionSent, input.certificateIssued);
  const last = day(deadline.date, 'appealDeadline');
  if (!input.appealRegistered) {
    return {
      appealDeadline: deadline,
      inForceUntil: ruleDate(
        last,
        'The plan stays in force until the last day to appeal the decision to cease it',
        SOURCE,
      ),
      ceasesOn: ruleDate(
        last + 1,
        'With no appeal, the plan ceases the day after the last day to appeal',
        SOURCE,
      ),
      explanation: `No appeal has been registered. The plan stays in force up to and including ${formatLong(last)}, the last day to appeal, and ceases on ${formatLong(last + 1)} if no appeal is made by then.`,
    };
  }
  day(input.appealRegistered, 'appealRegistered');
  if (!input.appealEnded || !input.appealOutcome) {
    return {
      appealDeadline: deadline,
      inForceUntil: null,
      ceasesOn: null,
      explanation:
        'An appeal has been registered, so the plan stays in force until the tribunal decides or the appeal is withdrawn.',
    };
  }
  const ended = day(input.appealEnded, 'appealEnded');
  if (input.appealOutcome === 'decision-overturned') {
    return {
      appealDeadline: deadline,
      inForceUntil: null,
      ceasesOn: null,
      explanation: `The tribunal overturned the decision to cease the plan on ${formatLong(ended)}, so the plan continues.`,
    };
  }
  return {
    appealDeadline: deadline,
    inForceUntil: ruleDate(
      ended - 1,
      'The plan stays in force while the appeal is going on',
      `${SOURCE}; explanatory notes para 247`,
    ),
    ceasesOn: ruleDate(
      ended,
      input.appealOutcome === 'withdrawn'
        ? 'The appeal was withdrawn: the plan may cease immediately'
        : 'The tribunal dismissed the appeal: the plan may cease immediately',
      `${SOURCE}; SEND Regulations 2014, reg 44(2) [S]`,
    ),
    explanation: `The appeal ended on ${formatLong(ended)} (${input.appealOutcome}), so the plan may cease from that day.`,
  };
}
