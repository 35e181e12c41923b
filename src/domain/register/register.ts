/**
 * The register of what families raise (statutory-work.md S12; docs/register.md): concerns, complaints, compliments
 * and provision in section F not being delivered. Pure rules: the kinds, the fixed themes, the authority's own
 * response times (local policy, not law), the dates they give (counted in working days by the clock), each item's
 * state, and which moves are allowed from it. No I/O; the caller passes today.
 */
import { formatLong, parseDate } from '../clock/dates.ts';
import { ruleDate, type RuleDate } from '../clock/rules/rule-date.ts';
import { daysLateOf, statusOf } from '../clock/status.ts';
import type { Status } from '../clock/types.ts';
import { addWorkingDayNumbers } from '../clock/working-days.ts';

export const ITEM_KINDS = ['concern', 'complaint', 'provision-not-delivered', 'compliment'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const KIND_LABELS: Record<ItemKind, string> = {
  concern: 'Concern',
  complaint: 'Complaint',
  'provision-not-delivered': 'Provision in the plan not being delivered',
  compliment: 'Compliment',
};

/** How the item reached the authority. */
export const CHANNELS = ['online', 'online-public', 'phone', 'letter', 'email', 'in-person'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  online: 'Online, signed in',
  'online-public': 'Online, without an account',
  phone: 'Phone call',
  letter: 'Letter',
  email: 'Email',
  'in-person': 'In person',
};
/** The channels staff record from (online ones are the family's own). */
export const STAFF_CHANNELS = ['phone', 'letter', 'email', 'in-person'] as const satisfies readonly Channel[];

/** The fixed list of themes every item is coded into (S12's categories, and what families most often raise). */
export const THEMES = [
  'communication',
  'delay',
  'provision-not-delivered',
  'placement',
  'assessment-and-plans',
  'health',
  'social-care',
  'transport',
  'other',
] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_LABELS: Record<Theme, string> = {
  communication: 'Communication',
  delay: 'Delay',
  'provision-not-delivered': 'Provision not delivered',
  placement: 'School or placement',
  'assessment-and-plans': 'Assessments and plans',
  health: 'Health',
  'social-care': 'Social care',
  transport: 'Transport',
  other: 'Something else',
};

export const OUTCOMES = ['upheld', 'partly-upheld', 'not-upheld', 'resolved'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  upheld: 'Upheld',
  'partly-upheld': 'Partly upheld',
  'not-upheld': 'Not upheld',
  resolved: 'Resolved without a finding',
};

/**
 * The authority's own complaints policy, in working days (Monday to Friday, not bank holidays in England and
 * Wales). None of these is a legal time limit: each authority sets them in its corporate complaints procedure. The
 * defaults are common practice among English councils; an authority changes them in its settings.
 */
export interface RegisterPolicy {
  /** Acknowledge anything raised within this many working days. */
  readonly acknowledgeDays: number;
  /** Answer a concern within this many working days. */
  readonly concernDays: number;
  /** Answer a complaint at stage 1 within this many working days of receiving it. */
  readonly stage1Days: number;
  /** Answer a complaint at stage 2 within this many working days of the family asking for it. */
  readonly stage2Days: number;
  /** Check and put right provision reported as not delivered (the s42 task) within this many working days. */
  readonly provisionTaskDays: number;
}

export const DEFAULT_POLICY: RegisterPolicy = {
  acknowledgeDays: 3,
  concernDays: 10,
  stage1Days: 10,
  stage2Days: 20,
  provisionTaskDays: 5,
};

export const POLICY_LIMITS = { min: 1, max: 65 } as const;

const POLICY_SOURCE = "The authority's own complaints policy (local policy, not a legal time limit)";

/** Kinds that go through the complaint stages (stage 1, stage 2, then the Ombudsman). */
export function hasStages(kind: ItemKind): boolean {
  return kind === 'complaint' || kind === 'provision-not-delivered';
}

/** The facts of one item the rules read. Dates are 'YYYY-MM-DD'. */
export interface ItemFacts {
  readonly kind: ItemKind;
  readonly receivedOn: string;
  readonly acknowledgedOn: string | null;
  readonly answeredOn: string | null;
  readonly stage2RequestedOn: string | null;
  readonly stage2AnsweredOn: string | null;
  readonly ombudsmanOn: string | null;
  readonly withdrawnOn: string | null;
}

export interface ItemDates {
  readonly acknowledgeBy: RuleDate;
  /** The first answer: the concern's, or stage 1's; null for a compliment. */
  readonly answerBy: RuleDate | null;
  /** Stage 2's answer, once the family asked for it. */
  readonly stage2By: RuleDate | null;
}

function working(from: string, n: number, rule: string): RuleDate {
  return ruleDate(addWorkingDayNumbers(parseDate(from), n), rule, POLICY_SOURCE, { statutory: false });
}

/** The dates an item is due by, each with its rule: N working days after the day it was received (or asked for). */
export function itemDates(item: ItemFacts, policy: RegisterPolicy = DEFAULT_POLICY): ItemDates {
  const acknowledgeBy = working(
    item.receivedOn,
    policy.acknowledgeDays,
    `Acknowledge within ${policy.acknowledgeDays} working days of receiving it`,
  );
  let answerBy: RuleDate | null = null;
  if (item.kind === 'concern')
    answerBy = working(
      item.receivedOn,
      policy.concernDays,
      `Answer a concern within ${policy.concernDays} working days of receiving it`,
    );
  else if (hasStages(item.kind))
    answerBy = working(
      item.receivedOn,
      policy.stage1Days,
      `Answer a complaint at stage 1 within ${policy.stage1Days} working days of receiving it`,
    );
  const stage2By =
    hasStages(item.kind) && item.stage2RequestedOn
      ? working(
          item.stage2RequestedOn,
          policy.stage2Days,
          `Answer a complaint at stage 2 within ${policy.stage2Days} working days of the family asking for it`,
        )
      : null;
  return { acknowledgeBy, answerBy, stage2By };
}

/** The s42 task's date: the authority's own target to check and put right the provision. */
export function provisionTaskDue(raisedOn: string, policy: RegisterPolicy = DEFAULT_POLICY): RuleDate {
  return working(
    raisedOn,
    policy.provisionTaskDays,
    `Check the provision in section F is being made, and put it right, within ${policy.provisionTaskDays} working days (the authority's own target; the duty to secure the provision is absolute)`,
  );
}

export const S42_SOURCE = 'Children and Families Act 2014, s42(2) [V]';

/** The child's history line when provision in section F is reported as not delivered: the duty, and the task's date. */
export function notDeliveredSummary(dueDate: string): string {
  return `Provision in section F reported as not delivered: the council must secure it (${S42_SOURCE}); check and put right by ${formatLong(parseDate(dueDate))}`;
}

export const ITEM_STATES = [
  'received',
  'acknowledged',
  'answered',
  'stage-2',
  'closed',
  'ombudsman',
  'withdrawn',
] as const;
export type ItemState = (typeof ITEM_STATES)[number];
export const STATE_LABELS: Record<ItemState, string> = {
  received: 'Received, not yet acknowledged',
  acknowledged: 'Acknowledged, answer due',
  answered: 'Answered at stage 1',
  'stage-2': 'At stage 2, answer due',
  closed: 'Closed',
  ombudsman: 'With the Ombudsman',
  withdrawn: 'Withdrawn',
};

/** Where an item is. */
export function itemState(item: ItemFacts): ItemState {
  if (item.withdrawnOn) return 'withdrawn';
  if (item.ombudsmanOn) return 'ombudsman';
  if (item.kind === 'compliment') return item.acknowledgedOn ? 'closed' : 'received';
  if (item.stage2RequestedOn) return item.stage2AnsweredOn ? 'closed' : 'stage-2';
  if (item.answeredOn) return hasStages(item.kind) ? 'answered' : 'closed';
  return item.acknowledgedOn ? 'acknowledged' : 'received';
}

/** Whether the item still needs something from the authority. */
export function isOpen(item: ItemFacts): boolean {
  return ['received', 'acknowledged', 'stage-2'].includes(itemState(item));
}

export const ACTIONS = [
  'acknowledge',
  'answer',
  'stage-2',
  'answer-stage-2',
  'ombudsman',
  'withdraw',
] as const;
export type Action = (typeof ACTIONS)[number];

/** What may be done next from an item's state. */
export function allowedActions(item: ItemFacts): Action[] {
  const state = itemState(item);
  const stages = hasStages(item.kind);
  switch (state) {
    case 'received':
      return item.kind === 'compliment' ? ['acknowledge'] : ['acknowledge', 'answer', 'withdraw'];
    case 'acknowledged':
      return ['answer', 'withdraw'];
    case 'answered':
      return stages ? ['stage-2', 'ombudsman'] : [];
    case 'stage-2':
      return ['answer-stage-2', 'withdraw'];
    case 'closed':
      return stages && item.stage2RequestedOn ? ['ombudsman'] : [];
    default:
      return [];
  }
}

/** A move's date: never before the item (or the stage) began, never after today. */
export function actionProblem(
  item: ItemFacts,
  action: Action,
  on: string,
  today: string,
): { field: string; message: string } | null {
  if (!allowedActions(item).includes(action))
    return { field: 'action', message: 'That cannot be done to this item now' };
  if (on > today) return { field: 'on', message: 'The date must be today or in the past' };
  const from = action === 'answer-stage-2' ? (item.stage2RequestedOn ?? item.receivedOn) : item.receivedOn;
  const after =
    action === 'stage-2' || action === 'ombudsman'
      ? (item.stage2AnsweredOn ?? item.answeredOn ?? from)
      : from;
  if (on < after)
    return { field: 'on', message: `The date must be on or after ${formatLong(parseDate(after))}` };
  return null;
}

/** Timeliness of one due date, in the clock's words (met, late, open, overdue) and days late. */
export function timeliness(
  due: RuleDate,
  done: string | null,
  asOf: string,
): { status: Status; daysLate: number } {
  const d = parseDate(due.date);
  const c = done ? parseDate(done) : null;
  const a = parseDate(asOf);
  return { status: statusOf(d, c, a), daysLate: daysLateOf(d, c, a) };
}

/** The next date the authority owes on an open item (acknowledgement, answer, or stage 2 answer), or null. */
export function nextDue(item: ItemFacts, policy: RegisterPolicy = DEFAULT_POLICY): RuleDate | null {
  const dates = itemDates(item, policy);
  const state = itemState(item);
  if (state === 'received') return dates.acknowledgeBy;
  if (state === 'acknowledged') return dates.answerBy;
  if (state === 'stage-2') return dates.stage2By;
  return null;
}

/** What the family is told next (S12: the next stage and the Ombudsman route). */
export function nextStageText(item: ItemFacts): string {
  const state = itemState(item);
  if (!hasStages(item.kind)) return '';
  if (state === 'answered')
    return 'If you are not satisfied with the answer, you can ask for your complaint to go to stage 2. If you are still not satisfied after stage 2, you can ask the Local Government and Social Care Ombudsman to look at it.';
  if (state === 'closed' || state === 'stage-2')
    return 'If you are not satisfied after stage 2, you can ask the Local Government and Social Care Ombudsman to look at your complaint, usually within 12 months of when you first knew of the problem.';
  return 'We will answer at stage 1 first. If you are not satisfied, you can ask for stage 2, then the Local Government and Social Care Ombudsman.';
}

export const OMBUDSMAN = {
  name: 'Local Government and Social Care Ombudsman',
  url: 'https://www.lgo.org.uk',
  phone: '0300 061 0614',
} as const;

/** A month's key ('YYYY-MM') and its label. */
export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}
