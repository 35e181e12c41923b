/** Section 2.6: reassessment of a child or young person with a plan (CFA s44(2)-(3); reg 27). */
import { withinWeeks } from '../counting.ts';
import type { DayNumber } from '../dates.ts';
import { long } from '../prose.ts';
import { addStep, stepExceptions, type Context } from '../step.ts';
import type { ReassessmentInput } from '../types.ts';

export const RULES = {
  reassessmentFinal:
    'Children and Families Act 2014, s44(2)-(3); SEND Regulations 2014, reg 27(2): issue the final amended or replacement plan within 14 weeks of notifying the decision to reassess',
} as const;

/** N + 98 days (14 weeks): N = 2026-03-10 → 2026-06-16. */
export function reassessmentFinalDue(n: DayNumber): DayNumber {
  return withinWeeks(n, 14);
}

export function reassessmentSteps(
  ctx: Context,
  input: ReassessmentInput,
  parse: (d: string | null | undefined) => DayNumber | null,
): void {
  const n = parse(input.decisionSent);
  if (n === null) return;
  const due = reassessmentFinalDue(n);
  const issued = parse(input.finalIssued);
  addStep(
    ctx,
    'reassessment-final',
    'local-authority',
    due,
    issued,
    RULES.reassessmentFinal,
    {
      duty: `The council must issue the final amended or new plan by ${long(due)}: 14 weeks from the day it told the family on ${long(n)} that it would assess again.`,
      done: 'The council issued the final plan',
      notDone: 'The council has not issued the final plan yet.',
    },
    stepExceptions(ctx, 'assessment', undefined, n, due, issued, 'reg 27(3)'),
    n,
  );
}
