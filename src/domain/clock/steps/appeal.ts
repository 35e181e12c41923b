/** Section 2.5: the family's window to appeal a decision to the First-tier Tribunal (SEND). */
import { withinMonths } from '../counting.ts';
import type { DayNumber } from '../dates.ts';
import { long } from '../prose.ts';
import { addStep, type Context } from '../step.ts';
import type { AppealInput } from '../types.ts';
import { tribunalLastDay, type TribunalMove } from '../working-days.ts';

export const RULES = {
  appeal:
    'Children and Families Act 2014, s51; Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, rules 20(1)(c) and 12: appeal within 2 months of the decision, or 1 month of the mediation certificate if later; a last day in August or from 25 December to 1 January moves to the first working day after 31 August or 1 January, and any other day that is not a working day to the next working day',
} as const;

const ADVICE =
  'Free, independent advice is available from your local SENDIASS (SEND information, advice and support service). ' +
  'Before most appeals you must talk to a mediation adviser, who gives you a certificate; mediation itself is your choice, ' +
  'and it is free.';

/** The outer date L of HESC r20(1)(c): the later of D + 2 months and certificate + 1 month. */
export function appealOuterDate(decision: DayNumber, certificate: DayNumber | null): DayNumber {
  const twoMonths = withinMonths(decision, 2);
  return certificate === null ? twoMonths : Math.max(twoMonths, withinMonths(certificate, 1));
}

/** The family's last day to appeal: L moved by HESC r12 (D1). */
export function appealLastDay(
  decision: DayNumber,
  certificate: DayNumber | null,
): { l: DayNumber; last: DayNumber; moved: TribunalMove } {
  const l = appealOuterDate(decision, certificate);
  return { l, ...tribunalLastDay(l) };
}

/** Why the last day is not L, in words; empty when it is L. */
export function tribunalMoveSentence(l: DayNumber, last: DayNumber, moved: TribunalMove): string {
  switch (moved) {
    case null:
      return '';
    case 'august':
      return ` That falls in August, and the tribunal's rules then give until the first working day after 31 August: ${long(last)}.`;
    case 'christmas':
      return ` That falls between 25 December and 1 January, and the tribunal's rules then give until the first working day after 1 January: ${long(last)}.`;
    case 'non-working-day':
      return ` ${long(l)} is not a working day, so the tribunal's rules give until the next working day: ${long(last)}.`;
  }
}

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
  const { l, last: due, moved } = appealLastDay(d, certificate);
  const outer =
    oneMonth === null
      ? `2 months after the decision is ${long(l)}.`
      : `The later of 2 months after the decision (${long(twoMonths)}) and 1 month after the mediation certificate of ${long(certificate!)} (${long(oneMonth)}) is ${long(l)}.`;
  const duty = `The family can appeal to the tribunal about the decision sent on ${long(d)}. The last day to appeal is ${long(due)}. ${outer}${tribunalMoveSentence(l, due, moved)}`;
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
