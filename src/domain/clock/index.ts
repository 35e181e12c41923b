/**
 * The statutory clock: every time limit of an EHC journey, computed from the facts of a case as the statutory clock
 * document (../shared/domain/statutory-clock.md in the project's shared docs) defines it, and the pure date rules
 * later features build on (`rules/`). Pure: no I/O, no clock reads (the caller passes asOf), no time zones.
 * Code outside the clock passes and receives 'YYYY-MM-DD' strings.
 */
import { formatDate, parseDate, type DayNumber } from './dates.ts';
import { prepareExceptions } from './exceptions.ts';
import type { Context } from './step.ts';
import { appealSteps } from './steps/appeal.ts';
import { assessmentSteps } from './steps/assessment.ts';
import { phaseTransferSteps } from './steps/phase-transfer.ts';
import { reassessmentSteps } from './steps/reassessment.ts';
import { reviewSteps } from './steps/review.ts';
import { transferInSteps } from './steps/transfer-in.ts';
import type { ClockInput, ContractStep, ContractTimeline, Timeline } from './types.ts';

export type * from './types.ts';
export {
  ADVICE_AGENCIES,
  ASSESSMENT_OUTCOMES,
  DECISION_TO_ASSESS_OUTCOMES,
  EXCEPTION_KINDS,
  PHASE_TRANSFER_KINDS,
  REVIEW_OUTCOMES,
} from './types.ts';
export { parseClockInput, formatIssues, type InputIssue, type ParseResult } from './input.ts';
export {
  addWorkingDays,
  withinWorkingDaysBeginningWith,
  planTransferSendBy,
  isWorkingDay,
  type PlanTransferDeadline,
} from './working-days.ts';
export { BANK_HOLIDAYS_FIRST_YEAR, BANK_HOLIDAYS_LAST_YEAR } from './bank-holidays.ts';
export { FAMILY_AGENCY, hasAdviceStep } from './steps/assessment.ts';
export * from './rules/index.ts';

const NO_ADVICE: Map<string, DayNumber | null> = new Map();

function parseOptional(d: string | null | undefined): DayNumber | null {
  return d === null || d === undefined ? null : parseDate(d);
}

/**
 * Every step of the case's timeline with its due date, status and explanation, the comment periods, and the
 * warnings. Steps whose inputs are absent are left out; advice asked of the family has no step (D4). Each step
 * that exceptions can relieve lists every recorded exception in `exceptionChecks` (can it qualify, and why not);
 * `exception` (the adjusted due date) uses only the qualifying exceptions marked `confirmed`. Expects input that
 * parseClockInput accepts (or that a caller builds to the same shape); a malformed date throws a RangeError.
 */
export function computeTimeline(input: ClockInput): Timeline {
  const asOf = parseDate(input.asOf);
  const assessment = input.assessment;
  const exceptions = prepareExceptions(input.exceptions, parseDate, asOf);
  const adviceRequested = exceptions.length > 0 ? new Map<string, DayNumber | null>() : NO_ADVICE;
  if (exceptions.length > 0) {
    for (const r of assessment?.adviceRequests ?? []) adviceRequested.set(r.id, parseOptional(r.requested));
  }
  const ctx: Context = { asOf, steps: [], periods: [], warnings: [], exceptions, adviceRequested };

  if (assessment) assessmentSteps(ctx, assessment, parseOptional);
  const plan = input.plan;
  if (plan) {
    transferInSteps(ctx, plan, parseOptional);
    reviewSteps(ctx, plan, parseOptional);
    if (plan.phaseTransfer) phaseTransferSteps(ctx, plan.phaseTransfer, parseOptional);
  }
  if (input.reassessment) reassessmentSteps(ctx, input.reassessment, parseOptional);
  if (input.appeal) appealSteps(ctx, input.appeal, parseOptional);
  return { asOf: formatDate(asOf), steps: ctx.steps, periods: ctx.periods, warnings: ctx.warnings };
}

/** A step with exactly the fields of section 5, in its order. */
export function contractStep(s: ContractStep): ContractStep {
  return {
    id: s.id,
    owner: s.owner,
    due: s.due,
    completed: s.completed,
    status: s.status,
    daysLate: s.daysLate,
    daysRemaining: s.daysRemaining,
    rule: s.rule,
    exception: s.exception,
  };
}

/**
 * The `clock` command's answer (section 5): the contract has no `confirmed` field, and its example output relies on
 * the exceptions it is given, so every recorded exception is treated as confirmed; the output has exactly the
 * contract's fields (no explanations, no exception checks).
 */
export function computeContractTimeline(input: ClockInput): ContractTimeline {
  const confirmed: ClockInput = input.exceptions
    ? { ...input, exceptions: input.exceptions.map((e) => ({ ...e, confirmed: true })) }
    : input;
  const t = computeTimeline(confirmed);
  return { asOf: t.asOf, steps: t.steps.map(contractStep), periods: t.periods, warnings: t.warnings };
}
