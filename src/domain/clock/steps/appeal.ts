/** Section 2.5: the family's window to appeal a decision to the First-tier Tribunal (SEND). */
import { withinMonths } from '../counting.ts';
import type { DayNumber } from '../dates.ts';
import { long } from '../prose.ts';
import { addStep, type Context } from '../step.ts';
import type { AppealInput } from '../types.ts';

export const RULES = {
  appeal:
    'Children and Families Act 2014, s51; Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, rule 20: appeal within 2 months of the decision, or 1 month of the mediation certificate if later',
} as const;

const ADVICE =
  'Free, independent advice is available from your local SENDIASS (SEND information, advice and support service). ' +
  'Before most appeals you must talk to a mediation adviser, who gives you a certificate; mediation itself is your choice, ' +
  'and it is free.';

export function appealSteps(
  ctx: Context,
  appeal: AppealInput,
  parse: (d: string | null | undefined) => DayNumber | null,
): void {
  const d = parse(appeal.decisionSent);
  if (d === null) return;
  const twoMonths = withinMonths(d, 2);
  const certificate = parse(appeal.certificateIssued);
  const oneMonth = certificate === null ? null : withinMonths(certificate, 1);
  const due = oneMonth === null ? twoMonths : Math.max(twoMonths, oneMonth);
  const duty =
    oneMonth === null
      ? `The family can appeal to the tribunal about the decision sent on ${long(d)}. The last day to appeal is ${long(due)}: 2 months after the decision.`
      : `The family can appeal to the tribunal about the decision sent on ${long(d)}. The last day to appeal is ${long(due)}: the later of 2 months after the decision (${long(twoMonths)}) and 1 month after the mediation certificate of ${long(certificate!)} (${long(oneMonth)}).`;
  addStep(ctx, 'appeal-deadline', 'family', due, parse(appeal.registered), RULES.appeal, {
    duty,
    done: 'The appeal was registered',
    notDone: 'No appeal has been registered yet.',
    overdue: (late) =>
      `The time to appeal ended ${late} ago. The tribunal can still be asked to accept a late appeal.`,
    actor: 'the family',
    more: ADVICE,
  });
}
