/** Section 2.4: a plan that moves in from another local authority on T (reg 15(4)). */
import { withinWeeks } from '../counting.ts';
import type { DayNumber } from '../dates.ts';
import { long } from '../prose.ts';
import { addStep, type Context } from '../step.ts';
import type { PlanInput } from '../types.ts';

export const RULES = {
  notice:
    'SEND Regulations 2014, reg 15(4): within 6 weeks of the move, tell the family the council holds the plan, whether it will reassess and when it will review',
} as const;

export function transferInSteps(
  ctx: Context,
  plan: PlanInput,
  parse: (d: string | null | undefined) => DayNumber | null,
): void {
  const t = parse(plan.transferIn?.date);
  if (t === null) return;
  const due = withinWeeks(t, 6);
  addStep(ctx, 'transfer-notice', 'local-authority', due, parse(plan.transferIn?.noticeSent), RULES.notice, {
    duty: `The plan moved to this council on ${long(t)}. By ${long(due)}, 6 weeks after the move, the council must tell the family that it now holds the plan, whether it will assess again, and when it will review the plan.`,
    done: 'The council wrote to the family',
    notDone: 'The council has not written to the family yet.',
  });
}
