/**
 * Disagreement resolution (statutory-work.md S12; docs/register.md "Disagreement resolution"; ADR 0047): the
 * independent arrangements the council must make for disagreements about special educational provision (CFA 2014
 * s57), offered in every decision letter (regs 5(3)(d)(i), 10(3)(d)(i), 31(3)(d)(i)). Distinct from mediation
 * (s53-s55, src/domain/tribunal): using it is voluntary and does not affect the right to appeal. The pure rules of a
 * record of one meeting: who asked, the parties, the meeting, the outcome, and what an agreement obliges and by when.
 */

export const RESOLUTION_REQUESTERS = [
  'parent',
  'young-person',
  'school',
  'council',
  'health',
  'other',
] as const;
export type ResolutionRequester = (typeof RESOLUTION_REQUESTERS)[number];
export const REQUESTER_LABELS: Record<ResolutionRequester, string> = {
  parent: 'The child’s parent',
  'young-person': 'The young person',
  school: 'The school, college or setting',
  council: 'The council',
  health: 'The health service (the integrated care board)',
  other: 'Someone else',
};

export const RESOLUTION_OUTCOMES = ['agreed', 'partly-agreed', 'not-agreed', 'not-held'] as const;
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number];
export const RESOLUTION_OUTCOME_LABELS: Record<ResolutionOutcome, string> = {
  agreed: 'Agreement reached',
  'partly-agreed': 'Agreement on some of it',
  'not-agreed': 'No agreement',
  'not-held': 'Not held (withdrawn or declined)',
};

/** An outcome that records an agreement: its text is required, and it may oblige someone to act by a date. */
export const hasAgreement = (o: ResolutionOutcome): boolean => o === 'agreed' || o === 'partly-agreed';

export interface ResolutionFacts {
  readonly requestedOn: string;
  readonly heldOn: string | null;
  readonly outcome: ResolutionOutcome;
  readonly agreement: string | null;
  readonly obligations: ReadonlyArray<{ readonly what: string; readonly due: string }>;
}

export interface ResolutionProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * What is wrong with a record, against today (every problem, in the form's order): nothing in the future; the meeting
 * not before it was asked for; a meeting date for every outcome but "not held", none for "not held"; the agreement's
 * text for an agreement and none otherwise; obligations only from an agreement, each due on or after the meeting.
 */
export function resolutionProblems(f: ResolutionFacts, today: string): ResolutionProblem[] {
  const problems: ResolutionProblem[] = [];
  if (f.requestedOn > today)
    problems.push({
      field: 'requestedOn',
      message: 'The date it was asked for must be today or in the past',
    });
  if (f.outcome === 'not-held') {
    if (f.heldOn)
      problems.push({
        field: 'heldOn',
        message: 'Leave the meeting date empty when the meeting was not held',
      });
  } else if (!f.heldOn) {
    problems.push({ field: 'heldOn', message: 'Enter the date of the meeting' });
  } else if (f.heldOn > today) {
    problems.push({ field: 'heldOn', message: 'The date of the meeting must be today or in the past' });
  } else if (f.heldOn < f.requestedOn) {
    problems.push({
      field: 'heldOn',
      message: 'The date of the meeting must be the same as or after the date it was asked for',
    });
  }
  if (hasAgreement(f.outcome) && !f.agreement)
    problems.push({ field: 'agreement', message: 'Enter what was agreed' });
  if (!hasAgreement(f.outcome) && f.agreement)
    problems.push({ field: 'agreement', message: 'Only record what was agreed when there was an agreement' });
  if (f.obligations.length && !hasAgreement(f.outcome))
    problems.push({
      field: 'obligationWhat',
      message: 'Only an agreement can oblige anyone to act: choose an outcome with an agreement',
    });
  else
    for (const o of f.obligations)
      if (f.heldOn && o.due < f.heldOn)
        problems.push({
          field: 'obligationDue',
          message: 'The date it must be done by must be the same as or after the meeting',
        });
  return problems;
}

/** Where one obligation stands on a day: done, open, or overdue (past its date and not done). */
export function obligationStatus(
  o: { readonly due: string; readonly doneOn: string | null },
  today: string,
): 'done' | 'done-late' | 'open' | 'overdue' {
  if (o.doneOn) return o.doneOn > o.due ? 'done-late' : 'done';
  return today > o.due ? 'overdue' : 'open';
}
