/** Section 2.3: the plan amended to name the new setting before a move between phases (reg 18). */
import { atLeastMonthsBefore, before15February, before31March } from '../counting.ts';
import type { DayNumber } from '../dates.ts';
import { long } from '../prose.ts';
import { addStep, type Context } from '../step.ts';
import type { PhaseTransferInput, PhaseTransferKind } from '../types.ts';

export const RULES: Readonly<Record<PhaseTransferKind, string>> = {
  school:
    'SEND Regulations 2014, reg 18(1): amend the plan to name the new school before 15 February in the year of the move',
  'post-16':
    'SEND Regulations 2014, reg 18(1): amend the plan to name the post-16 setting before 31 March in the year of a move from secondary school',
  'post-16-move':
    'SEND Regulations 2014, reg 18(2): amend the plan to name the new post-16 institution at least 5 months before a move between post-16 institutions',
};

/** The last compliant date: Y-02-14 for a move between schools, Y-03-30 from secondary school to post-16. */
export function phaseTransferDue(year: number, kind: 'school' | 'post-16'): DayNumber {
  return kind === 'post-16' ? before31March(year) : before15February(year);
}

/** Reg 18(2): the transfer date minus 5 months, clamped to the month's end (2027-01-04 → 2026-08-04). */
export function post16MoveDue(transfer: DayNumber): DayNumber {
  return atLeastMonthsBefore(transfer, 5);
}

export function phaseTransferSteps(
  ctx: Context,
  input: PhaseTransferInput,
  parse: (d: string | null | undefined) => DayNumber | null,
): void {
  const kind = input.kind ?? null;
  let due: DayNumber;
  let duty: string;
  if (kind === 'post-16-move') {
    const transfer = parse(input.transferDate);
    if (transfer === null) return;
    due = post16MoveDue(transfer);
    duty = `The move to a new college or other post-16 place is on ${long(transfer)}, so the council must change the plan to name the new place at least 5 months before: by ${long(due)}.`;
  } else {
    const year = input.year ?? null;
    if (year === null || kind === null) return;
    due = phaseTransferDue(year, kind);
    duty =
      kind === 'post-16'
        ? `The move from secondary school to a college or other post-16 place happens in ${year}, so the council must change the plan to name the new place before 31 March ${year}: by ${long(due)}.`
        : `The move to a new school or stage happens in ${year}, so the council must change the plan to name the new school before 15 February ${year}: by ${long(due)}.`;
  }
  addStep(ctx, 'phase-transfer', 'local-authority', due, parse(input.amendedPlanIssued), RULES[kind], {
    duty,
    done: 'The council issued the changed plan naming the new setting',
    notDone: 'The council has not issued the changed plan naming the new setting yet.',
  });
}
