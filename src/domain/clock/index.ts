/**
 * The statutory clock: every time limit of an EHC journey, computed from the facts of a case as the statutory clock
 * document (../shared/domain/statutory-clock.md in the project's shared docs) defines it. Pure: no I/O, no clock
 * reads (the caller passes asOf), no time zones.
 */
import { formatDate, parseDate, type DayNumber } from './dates.ts';
import { prepareExceptions } from './exceptions.ts';
import type { Context } from './step.ts';
import { appealSteps } from './steps/appeal.ts';
import { assessmentSteps } from './steps/assessment.ts';
import { phaseTransferSteps } from './steps/phase-transfer.ts';
import { reviewSteps } from './steps/review.ts';
import { transferInSteps } from './steps/transfer-in.ts';
import type { ClockInput, Timeline } from './types.ts';

export type * from './types.ts';
export { parseClockInput, formatIssues, type InputIssue, type ParseResult } from './input.ts';
export {
  addWorkingDays,
  planTransferSendBy,
  isWorkingDay,
  type PlanTransferDeadline,
} from './working-days.ts';

function parseOptional(d: string | null | undefined): DayNumber | null {
  return d === null || d === undefined ? null : parseDate(d);
}

/**
 * Every step of the case's timeline with its due date, status and explanation, the comment periods, and the
 * warnings. Steps whose inputs are absent are left out. Expects input that parseClockInput accepts; a malformed
 * date throws a RangeError.
 */
export function computeTimeline(input: ClockInput): Timeline {
  const asOf = parseDate(input.asOf);
  const ctx: Context = { asOf, steps: [], periods: [], warnings: [] };
  const assessment = input.assessment;

  let adviceRequested: Map<string, DayNumber> | undefined;
  if (input.exceptions && input.exceptions.length > 0) {
    adviceRequested = new Map();
    for (const r of assessment?.adviceRequests ?? []) {
      const q = parseOptional(r.requested);
      if (q !== null) adviceRequested.set(r.id, q);
    }
  }
  const exceptions = adviceRequested
    ? prepareExceptions(input.exceptions, parseDate, adviceRequested, asOf)
    : [];

  if (assessment) assessmentSteps(ctx, assessment, parseOptional, exceptions);
  const plan = input.plan;
  if (plan) {
    transferInSteps(ctx, plan, parseOptional);
    reviewSteps(ctx, plan, parseOptional);
    if (plan.phaseTransfer) phaseTransferSteps(ctx, plan.phaseTransfer, parseOptional);
  }
  if (input.appeal) appealSteps(ctx, input.appeal, parseOptional);
  return { asOf: formatDate(asOf), steps: ctx.steps, periods: ctx.periods, warnings: ctx.warnings };
}
