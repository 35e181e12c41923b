/** Section 2.4: a plan transferred in from another local authority on T, the date of the transfer (reg 15(4), D8). */
import { withinWeeks } from '../counting.ts';
import type { DayNumber } from '../dates.ts';
import { long } from '../prose.ts';
import { addStep, type Context } from '../step.ts';
import type { PlanInput } from '../types.ts';

export const RULES = {
  notice:
    'SEND Regulations 2014, reg 15(4): within 6 weeks of the date the old council transferred the plan, tell the family the council holds the plan, whether it will reassess and when it will review',
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
    duty: `The old council transferred the plan to this council on ${long(t)}. By ${long(due)}, 6 weeks after that, the council must tell the family that it now holds the plan, whether it will assess again, and when it will review the plan.`,
    done: 'The council wrote to the family',
    notDone: 'The council has not written to the family yet.',
  });
}
