/**
 * What families say about the service (issue 15 item 4; docs/register.md "What families say"; ADR 0034): a short
 * survey offered to the family after each milestone (a request decided, a plan issued, a review decided), anonymous
 * by default. Pure rules: which event in a child's history is a milestone, how long an offer stays open, the
 * questions, and the results by milestone, team and community with small numbers kept from view. No I/O.
 */
import { addDays, formatDate, parseDate } from '../clock/dates.ts';

export const MILESTONES = ['request-decided', 'plan-issued', 'review-decided'] as const;
export type Milestone = (typeof MILESTONES)[number];

export const MILESTONE_LABELS: Record<Milestone, string> = {
  'request-decided': 'Request for an assessment decided',
  'plan-issued': 'Plan issued',
  'review-decided': 'Annual review decided',
};

/** What happened, in the family's words (the invitation and their first screen). */
export const MILESTONE_SENTENCES: Record<Milestone, string> = {
  'request-decided':
    'the council decided about the request for an education, health and care (EHC) needs assessment',
  'plan-issued': 'the council issued the education, health and care (EHC) plan',
  'review-decided': 'the council decided what happens after the annual review of the plan',
};

/**
 * The events in a child's history (`case_event.kind`) that are milestones, as the features that own them write them:
 * the decision whether to assess (assessments), a final or amended plan issued (assessments, plans), and a review's
 * decision letter (notices, `letter.sent` of kind `review-decision`).
 */
export const MILESTONE_EVENT_KINDS = [
  'assessment-agreed',
  'assessment-refused',
  'plan-issued',
  'plan-final',
  'plan-amended',
  'letter.sent',
] as const;

/** The milestone an event in the child's history is, or null. */
export function milestoneOfEvent(kind: string, detail: unknown): Milestone | null {
  if (kind === 'assessment-agreed' || kind === 'assessment-refused') return 'request-decided';
  if (kind === 'plan-issued' || kind === 'plan-final' || kind === 'plan-amended') return 'plan-issued';
  if (kind === 'letter.sent') {
    const k = detail && typeof detail === 'object' ? (detail as { kind?: unknown }).kind : undefined;
    return k === 'review-decision' ? 'review-decided' : null;
  }
  return null;
}

/** A milestone is offered only if it happened this many days ago or fewer (so old history is never offered). */
export const OFFER_WITHIN_DAYS = 14;
/** An offer can be answered for this many days (8 weeks) after it was made. */
export const OFFER_OPEN_DAYS = 56;

/** Whether a milestone on `on` is recent enough to offer today. */
export function offerable(on: string, today: string): boolean {
  return on <= today && formatDate(addDays(parseDate(on), OFFER_WITHIN_DAYS)) >= today;
}

/** The last day an offer made on `offeredOn` can be answered. */
export function offerCloses(offeredOn: string): string {
  return formatDate(addDays(parseDate(offeredOn), OFFER_OPEN_DAYS - 1));
}

/** Whether an offer can still be answered today. */
export function offerOpen(offer: { offeredOn: string; answered: boolean }, today: string): boolean {
  return !offer.answered && today >= offer.offeredOn && today <= offerCloses(offer.offeredOn);
}

/**
 * The short code in a milestone letter's short address (ADR 0057): 8 characters a family can read and type from
 * paper, without the letters and digits easily confused (no 0, 1, I, L or O), shown in two groups of 4.
 */
export const SHORT_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const SHORT_CODE_LENGTH = 8;

/** The code made from a keyed hash's bytes (at least SHORT_CODE_LENGTH of them). */
export function shortCodeOf(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, SHORT_CODE_LENGTH), (b) => SHORT_CODE_ALPHABET[b % 31]).join('');
}

/** The code as printed: "K7QM-4RXP". */
export function printedShortCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a family typed, as a code (capitals, no spaces or dashes), or null when it cannot be one. */
export function typedShortCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]+/g, '');
  return code.length === SHORT_CODE_LENGTH && [...code].every((c) => SHORT_CODE_ALPHABET.includes(c))
    ? code
    : null;
}

export const OVERALL = ['very-good', 'good', 'neither', 'poor', 'very-poor'] as const;
export type Overall = (typeof OVERALL)[number];
export const OVERALL_LABELS: Record<Overall, string> = {
  'very-good': 'Very good',
  good: 'Good',
  neither: 'Neither good nor poor',
  poor: 'Poor',
  'very-poor': 'Very poor',
};

export const LISTENED = ['yes', 'partly', 'no'] as const;
export type Listened = (typeof LISTENED)[number];
export const LISTENED_LABELS: Record<Listened, string> = { yes: 'Yes', partly: 'Partly', no: 'No' };

export const COMMENT_MAX = 2000;

/**
 * Fewer answers than this in a group are not shown on their own (small-number disclosure): a community with fewer is
 * combined with the other small ones, and a milestone or team with fewer shows its count but not how they answered.
 */
export const SMALL_NUMBER = 5;

/** What leaders' counts are made of: one per offer, one per answer. */
export interface OfferFacts {
  readonly milestone: Milestone;
  readonly teamId: string | null;
  readonly ethnicity: string | null;
  readonly firstLanguage: string | null;
}
export interface ResponseFacts extends OfferFacts {
  readonly overall: Overall;
  readonly listened: Listened;
}

export interface Tally {
  /** The group's key (a milestone, team id, ethnicity or language; null: not recorded); `combined` for the small ones. */
  readonly key: string | null;
  readonly combined: boolean;
  /** How many families were offered the survey. */
  readonly offered: number;
  /** How many answered (null when too few to show: "fewer than 5"). */
  readonly answered: number | null;
  /** Answers shown as a share, or null when fewer than SMALL_NUMBER answered. */
  readonly goodPercent: number | null;
  readonly listenedPercent: number | null;
  /** True when the group had answers but too few to show how they answered. */
  readonly tooFew: boolean;
}

type Key = (f: OfferFacts) => string | null;

function tallyOf(
  key: string | null,
  offers: number,
  answers: readonly ResponseFacts[],
  combined = false,
): Tally {
  const n = answers.length;
  const enough = n >= SMALL_NUMBER;
  const pct = (k: number) => (enough ? Math.round((100 * k) / n) : null);
  return {
    key,
    combined,
    offered: offers,
    answered: n === 0 || enough ? n : null,
    goodPercent: pct(answers.filter((a) => a.overall === 'very-good' || a.overall === 'good').length),
    listenedPercent: pct(answers.filter((a) => a.listened === 'yes').length),
    tooFew: n > 0 && !enough,
  };
}

function grouped(offers: readonly OfferFacts[], answers: readonly ResponseFacts[], keyOf: Key) {
  const keys = new Map<string | null, { offers: number; answers: ResponseFacts[] }>();
  const slot = (k: string | null) => {
    let s = keys.get(k);
    if (!s) keys.set(k, (s = { offers: 0, answers: [] }));
    return s;
  };
  for (const o of offers) slot(keyOf(o)).offers++;
  for (const a of answers) slot(keyOf(a)).answers.push(a);
  return [...keys].sort(([a], [b]) => (a ?? '\uffff').localeCompare(b ?? '\uffff'));
}

/** Tallies by a key that is not a community (milestone, team): every group shown, how they answered only if enough. */
export function tallyBy(
  offers: readonly OfferFacts[],
  answers: readonly ResponseFacts[],
  keyOf: Key,
): Tally[] {
  return grouped(offers, answers, keyOf).map(([k, s]) => tallyOf(k, s.offers, s.answers));
}

/**
 * Tallies by community (ethnicity or first language), kept from identifying anyone: a community with at least one
 * and fewer than SMALL_NUMBER answers is not shown on its own but combined with the other small ones into one row.
 * When only one community is small, the smallest of the others joins it (otherwise its count is the total less the
 * rows shown). A community nobody answered from is shown (0 answered): that is who was not heard.
 */
export function tallyByCommunity(
  offers: readonly OfferFacts[],
  answers: readonly ResponseFacts[],
  keyOf: Key,
): { rows: Tally[]; combinedCount: number } {
  const groups = grouped(offers, answers, keyOf);
  const small = groups.filter(([, s]) => s.answers.length > 0 && s.answers.length < SMALL_NUMBER);
  if (small.length === 1) {
    const others = groups
      .filter(([, s]) => s.answers.length >= SMALL_NUMBER)
      .sort(([, a], [, b]) => a.answers.length - b.answers.length);
    if (others[0]) small.push(others[0]);
  }
  const smallKeys = new Set(small.map(([k]) => k));
  const rows = groups.filter(([k]) => !smallKeys.has(k)).map(([k, s]) => tallyOf(k, s.offers, s.answers));
  if (small.length)
    rows.push(
      tallyOf(
        null,
        small.reduce((n, [, s]) => n + s.offers, 0),
        small.flatMap(([, s]) => s.answers),
        true,
      ),
    );
  return { rows, combinedCount: small.length };
}

/** The whole: how many families were offered the survey and how many answered. */
export function overallTally(offers: readonly OfferFacts[], answers: readonly ResponseFacts[]): Tally {
  return tallyOf(null, offers.length, answers);
}
