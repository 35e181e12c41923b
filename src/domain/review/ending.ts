/**
 * How a plan ends for this authority: ceasing it (S9) and transferring it to another authority (S11, outbound).
 * Pure, 'YYYY-MM-DD' in and out, over the clock's `ceaseDates` and `transferOutSendBy` (never restating a limit).
 *
 * S9's states: considering (the family informed; the family and the head or principal of the named institution
 * consulted, reg 31(1)) → decided to cease (the family, the institution and the health commissioner told with the
 * rights block, reg 31(2)-(3)) → the appeal window, or an appeal going on, while the plan stays in force → ceased on
 * the clock's `ceasesOn`; or → not ceased (the council decided to keep the plan after consulting), or maintained
 * (the tribunal overturned the decision). The state is derived from the dates on record, never stored.
 */
import { ceaseDates, transferOutSendBy, type CeaseDates, type RuleDate } from '../clock/index.ts';
import { parseDate } from '../clock/dates.ts';
import { daysLateOf, statusOf } from '../clock/status.ts';
import type { Status } from '../clock/types.ts';
import type { FieldError } from './lifecycle.ts';

export const CESSATION_STATES = [
  'considering',
  'not-ceased',
  'appeal-window',
  'appeal',
  'ceased',
  'maintained',
] as const;
export type CessationState = (typeof CESSATION_STATES)[number];

export const CESSATION_STATE_LABELS: Readonly<Record<CessationState, string>> = {
  considering: 'Considering stopping the plan',
  'not-ceased': 'Decided not to stop the plan',
  'appeal-window': 'Decided to stop the plan: in force while the family can appeal',
  appeal: 'Decided to stop the plan: in force while the appeal goes on',
  ceased: 'Plan stopped',
  maintained: 'Decision overturned on appeal: the plan continues',
};

export const APPEAL_OUTCOMES = ['dismissed', 'withdrawn', 'decision-overturned'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];
export const APPEAL_OUTCOME_LABELS: Readonly<Record<AppealOutcome, string>> = {
  dismissed: 'The tribunal dismissed the appeal',
  withdrawn: 'The family withdrew the appeal',
  'decision-overturned': 'The tribunal overturned the decision (the plan continues)',
};

export interface CessationFacts {
  readonly decision: 'cease' | 'not-cease' | null;
  readonly decisionDate: string | null;
  readonly appealRegistered?: string | null;
  readonly appealEnded?: string | null;
  readonly appealOutcome?: AppealOutcome | null;
}

/**
 * Where one ceasing procedure stands on a day, with the clock's dates when the council decided to cease: the plan is
 * in force up to and including `inForceUntil` and ceased from `ceasesOn` (S9: decision sent 2026-06-15, no appeal →
 * in force until 2026-09-01, ceased on 2026-09-02).
 */
export function cessationState(
  f: CessationFacts,
  today: string,
): { state: CessationState; dates: CeaseDates | null; ceasedOn: string | null } {
  if (!f.decision || !f.decisionDate) return { state: 'considering', dates: null, ceasedOn: null };
  if (f.decision === 'not-cease') return { state: 'not-ceased', dates: null, ceasedOn: null };
  const dates = ceaseDates({
    decisionSent: f.decisionDate,
    appealRegistered: f.appealRegistered ?? null,
    appealEnded: f.appealEnded ?? null,
    appealOutcome: f.appealOutcome ?? null,
  });
  if (f.appealOutcome === 'decision-overturned' && f.appealEnded) {
    return { state: 'maintained', dates, ceasedOn: null };
  }
  if (dates.ceasesOn && dates.ceasesOn.date <= today) {
    return { state: 'ceased', dates, ceasedOn: dates.ceasesOn.date };
  }
  return { state: f.appealRegistered ? 'appeal' : 'appeal-window', dates, ceasedOn: null };
}

/** Whether a procedure is still going on (a second one for the same plan is refused while it is). */
export function cessationOpen(state: CessationState): boolean {
  return state === 'considering' || state === 'appeal-window' || state === 'appeal';
}

const LONG_TEXT = 2000;

const notFuture = (
  errors: FieldError[],
  field: string,
  value: string | null,
  label: string,
  today: string,
) => {
  if (value && value > today) errors.push({ field, message: `${label} must be today or in the past` });
};

/** Starting to consider ceasing: the day and why (the review's recommendation, a move, an age, …). */
export function checkCessationStart(
  input: { startedOn: string | null; reason: string | null },
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.startedOn)
    errors.push({ field: 'startedOn', message: 'Enter the date the council started considering it' });
  notFuture(errors, 'startedOn', input.startedOn, 'The date the council started considering it', today);
  const reason = (input.reason ?? '').trim();
  if (!reason)
    errors.push({ field: 'reason', message: 'Say why the council is considering stopping the plan' });
  else if (reason.length > LONG_TEXT)
    errors.push({ field: 'reason', message: `The reason must be ${LONG_TEXT} characters or fewer` });
  return errors;
}

/**
 * The consultation of reg 31(1): the family (a) and the head or principal of the named institution (b), each with
 * the day and what they said. Either may be recorded first; a date is never in the future nor before the procedure.
 */
export function checkConsultation(
  input: {
    startedOn: string;
    familyConsulted: string | null;
    familyResponse: string | null;
    institutionConsulted: string | null;
    institutionResponse: string | null;
  },
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.familyConsulted && !input.institutionConsulted) {
    errors.push({
      field: 'familyConsulted',
      message: 'Enter the date the family, or the school or college, was consulted',
    });
  }
  for (const [field, label] of [
    ['familyConsulted', 'The date the family was consulted'],
    ['institutionConsulted', 'The date the school or college was consulted'],
  ] as const) {
    const value = input[field];
    notFuture(errors, field, value, label, today);
    if (value && value < input.startedOn)
      errors.push({ field, message: `${label} cannot be before the council started considering it` });
  }
  for (const [field, label] of [
    ['familyResponse', 'The family’s response'],
    ['institutionResponse', 'The school or college’s response'],
  ] as const) {
    if ((input[field] ?? '').length > LONG_TEXT)
      errors.push({ field, message: `${label} must be ${LONG_TEXT} characters or fewer` });
  }
  return errors;
}

/** The appeal against a decision to cease: registered, then ended with its outcome (S7; the clock's ceaseDates). */
export function checkCessationAppeal(
  input: {
    decisionDate: string;
    appealRegistered: string | null;
    appealEnded: string | null;
    appealOutcome: string | null;
  },
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.appealRegistered)
    errors.push({ field: 'appealRegistered', message: 'Enter the date the appeal was registered' });
  notFuture(errors, 'appealRegistered', input.appealRegistered, 'The date the appeal was registered', today);
  if (input.appealRegistered && input.appealRegistered < input.decisionDate)
    errors.push({
      field: 'appealRegistered',
      message: 'The appeal cannot be registered before the decision was sent',
    });
  notFuture(errors, 'appealEnded', input.appealEnded, 'The date the appeal ended', today);
  if (input.appealEnded && input.appealRegistered && input.appealEnded < input.appealRegistered)
    errors.push({ field: 'appealEnded', message: 'The appeal cannot end before it was registered' });
  const outcome = input.appealOutcome ?? '';
  if (input.appealEnded && !(APPEAL_OUTCOMES as readonly string[]).includes(outcome))
    errors.push({ field: 'appealOutcome', message: 'Select how the appeal ended' });
  if (!input.appealEnded && outcome)
    errors.push({ field: 'appealEnded', message: 'Enter the date the appeal ended' });
  return errors;
}

export interface TransferOutFacts {
  /** The day the council learned of the move. */
  readonly learnedOn: string;
  /** The day of the move, when known. */
  readonly moveDate: string | null;
  /** The day the plan was sent to the new authority (the transfer, reg 15(2)). */
  readonly sentOn: string | null;
}

/**
 * S11 outbound: the day to send the plan (the clock's `transferOutSendBy`: on the day of the move when the council
 * learned of it 15 working days before, else within 15 working days beginning with the day it learned), and whether
 * it was sent in time: the clock's met, late, open or overdue (learned Mon 2026-03-02, move 2026-03-10 → send by
 * 2026-03-20).
 */
export function transferOutStatus(
  f: TransferOutFacts,
  today: string,
): { sendBy: RuleDate & { knewInTime: boolean }; status: Status; daysLate: number } {
  const sendBy = transferOutSendBy({ learnedOn: f.learnedOn, moveDate: f.moveDate });
  const due = parseDate(sendBy.date);
  const done = f.sentOn ? parseDate(f.sentOn) : null;
  const asOf = parseDate(today);
  return { sendBy, status: statusOf(due, done, asOf), daysLate: daysLateOf(due, done, asOf) };
}

/** A transfer out as recorded: who it goes to, the dates, each checked. */
export function checkTransferOut(
  input: {
    toAuthority: string | null;
    toAuthorityCode: string | null;
    learnedOn: string | null;
    moveDate: string | null;
    sentOn: string | null;
    healthToldOn: string | null;
  },
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const name = (input.toAuthority ?? '').trim();
  if (!name) errors.push({ field: 'toAuthority', message: 'Enter the council the child is moving to' });
  else if (name.length > 200)
    errors.push({ field: 'toAuthority', message: 'The council’s name must be 200 characters or fewer' });
  const code = (input.toAuthorityCode ?? '').trim();
  if (code && !/^\d{3}$/.test(code))
    errors.push({ field: 'toAuthorityCode', message: 'The council’s code must be 3 digits, like 202' });
  if (!input.learnedOn)
    errors.push({ field: 'learnedOn', message: 'Enter the date the council learned of the move' });
  notFuture(errors, 'learnedOn', input.learnedOn, 'The date the council learned of the move', today);
  notFuture(errors, 'sentOn', input.sentOn, 'The date the plan was sent', today);
  if (input.sentOn && input.learnedOn && input.sentOn < input.learnedOn)
    errors.push({
      field: 'sentOn',
      message: 'The plan cannot be sent before the council learned of the move',
    });
  notFuture(errors, 'healthToldOn', input.healthToldOn, 'The date the health commissioner was told', today);
  if (input.healthToldOn && input.learnedOn && input.healthToldOn < input.learnedOn)
    errors.push({
      field: 'healthToldOn',
      message: 'The health commissioner cannot be told before the council learned of the move',
    });
  return errors;
}

/** SEN2 module 4a "reason ceased" for a plan transferred to another English authority. */
export const TRANSFERRED_SEN2_REASON = '5';
