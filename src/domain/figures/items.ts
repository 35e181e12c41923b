/**
 * What a leader's figure counts (issue 14 item 2, docs/figures.md): each figure is a list of items, one per thing
 * counted (a request decided, a plan issued, a piece of advice received, a review held, a plan audited, a child out
 * of full-time education), each naming its child, so the number and the list of children behind it are the same
 * list. Pure: the items come from the casework's facts, read as they stood on the "as of" date, and every time limit
 * is the statutory clock's own (src/domain/clock): nothing here restates a limit.
 */
import { caseTimeline, type CaseFacts } from '../assessment/journey.ts';
import { amendmentDates, reviewMeetingDue, reviewPaperworkDates } from '../clock/index.ts';
import type { ReviewOutcome, Step } from '../clock/types.ts';

/** The figures, in the order the page shows them. */
export const MEASURE_IDS = [
  'requests-6-weeks',
  'plans-20-weeks',
  'plans-20-weeks-excluding',
  'advice-6-weeks',
  'reviews-12-months',
  'review-decisions-4-weeks',
  'amendments-12-weeks',
  'phase-transfers',
  'plan-quality',
  'not-in-full-time-education',
  'tribunal-appeals',
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

export const isMeasureId = (v: unknown): v is MeasureId =>
  typeof v === 'string' && (MEASURE_IDS as readonly string[]).includes(v);

/** One thing counted by a figure. */
export interface FigureItem {
  readonly measure: MeasureId;
  readonly childId: string;
  /** The record counted (a case, an advice request, a review, an audit, an episode's child). */
  readonly recordId: string;
  /** The team that held it, where the record names one (an assessment case's team); otherwise the child's. */
  readonly teamId: string | null;
  /** A sub-group the figure is also shown by: the advice's agency, the kind of episode. */
  readonly group: string | null;
  /** The day it counts on: when the step was done, the audit's date, the "as of" day for a child's status. */
  readonly date: string;
  /** The statutory due date, for time limits; null otherwise. */
  readonly due: string | null;
  /** Within the time limit (or good or better, for plan quality); for a count of children, always true. */
  readonly met: boolean;
  /** A confirmed exception relieved the time limit (the 20-week measure only). */
  readonly exception: boolean;
}

/** A date after `asOf` is not known yet on `asOf`. */
const known = (d: string | null | undefined, asOf: string): string | null => (d && d <= asOf ? d : null);

/**
 * A case's facts as they stood at the end of `asOf`: anything dated later had not happened yet (a decision, advice
 * received, a draft, a final plan, a closure, an exception's confirmation). An exception whose confirmation day is
 * not known is taken as confirmed as it is now.
 */
export function factsAsOf(facts: CaseFacts, asOf: string): CaseFacts | null {
  if (facts.requestReceived > asOf) return null;
  const decision = facts.decision && facts.decision.date <= asOf ? facts.decision : null;
  const outcome = facts.outcome && facts.outcome.date <= asOf ? facts.outcome : null;
  return {
    ...facts,
    decision,
    outcome,
    draftServed: known(facts.draftServed, asOf),
    finalIssued: known(facts.finalIssued, asOf),
    advice: facts.advice
      .filter((a) => a.requested <= asOf)
      .map((a) => ({ ...a, received: known(a.received, asOf) })),
    exceptions: facts.exceptions
      .filter((e) => e.from <= asOf)
      .map((e) => ({
        ...e,
        to: known(e.to, asOf),
        confirmed: e.confirmed && (e.confirmedOn == null || e.confirmedOn <= asOf),
      })),
    closed: facts.closed && facts.closed.date <= asOf ? facts.closed : null,
  };
}

const done = (s: Step): s is Step & { completed: string } => s.completed !== null;

/** An assessment case: its identity and facts. */
export interface CaseForFigures {
  readonly id: string;
  readonly childId: string;
  readonly teamId: string | null;
  readonly facts: CaseFacts;
}

/**
 * The items an assessment case gives as of `asOf`, from its timeline (the clock's steps done by then): the decision
 * whether to assess (6 weeks), the final plan (20 weeks, with whether a confirmed exception relieved it), and each
 * piece of advice (6 weeks, by agency).
 */
export function assessmentItems(c: CaseForFigures, asOf: string): FigureItem[] {
  const facts = factsAsOf(c.facts, asOf);
  if (!facts) return [];
  const agencies = new Map(facts.advice.map((a) => [a.id, a.agency]));
  const base = { childId: c.childId, teamId: c.teamId, recordId: c.id };
  const items: FigureItem[] = [];
  for (const step of caseTimeline(facts, asOf).steps.filter(done)) {
    const common = { ...base, date: step.completed, due: step.due, met: step.status === 'met' };
    if (step.id === 'decision-to-assess')
      items.push({ ...common, measure: 'requests-6-weeks', group: null, exception: false });
    else if (step.id === 'final-plan') {
      const exception = step.exception !== null;
      items.push({ ...common, measure: 'plans-20-weeks', group: null, exception });
      if (!exception) items.push({ ...common, measure: 'plans-20-weeks-excluding', group: null, exception });
    } else if (step.id.startsWith('advice:')) {
      const adviceId = step.id.slice('advice:'.length);
      items.push({
        ...common,
        recordId: adviceId,
        measure: 'advice-6-weeks',
        group: agencies.get(adviceId) ?? 'other',
        exception: false,
      });
    }
  }
  return items;
}

/** A plan's annual reviews, as the reviews feature keeps them. */
export interface PlanReviewsForFigures {
  readonly planId: string;
  readonly childId: string;
  readonly teamId: string | null;
  /** The day the plan was first issued (the first review's 12 months begin with it). */
  readonly firstIssued: string;
  /** Held reviews in meeting order, with the review's record id. */
  readonly reviews: ReadonlyArray<{
    readonly id: string;
    readonly held: string;
    readonly decision: { readonly date: string; readonly outcome: ReviewOutcome } | null;
  }>;
}

/** One held review of a plan, with the plan's meeting before it (null for the plan's first). */
export interface ReviewForFigures {
  readonly id: string;
  readonly childId: string;
  readonly teamId: string | null;
  /** The day the plan was first issued (the first review's 12 months begin with it). */
  readonly firstIssued: string;
  readonly held: string;
  readonly previousMeeting: string | null;
  readonly decision: { readonly date: string; readonly outcome: ReviewOutcome } | null;
}

/**
 * The items one held review gives as of `asOf`, by the clock's own review dates (`reviewMeetingDue`,
 * `reviewPaperworkDates`, the same rules as the clock's `review:<n>` and `review-decision:<n>` steps): the meeting
 * (within 12 months of the plan or of the meeting before) and its decision once sent by `asOf` (within 4 weeks of the
 * meeting). Which reviews count (held by `asOf`, none after a decision to cease) is the caller's: `reviewItems` for a
 * plan's whole list, the reviews feature's SQL for the figures' live count.
 */
export function heldReviewItems(r: ReviewForFigures, asOf: string): FigureItem[] {
  if (r.firstIssued > asOf || r.held > asOf) return [];
  const common = { childId: r.childId, teamId: r.teamId, recordId: r.id, group: null, exception: false };
  const due = reviewMeetingDue({ firstIssued: r.firstIssued, previousMeeting: r.previousMeeting }).date;
  const items: FigureItem[] = [
    { ...common, measure: 'reviews-12-months', date: r.held, due, met: r.held <= due },
  ];
  const decided = r.decision && r.decision.date <= asOf ? r.decision : null;
  if (decided) {
    const decisionDue = reviewPaperworkDates(r.held).decision.date;
    items.push({
      ...common,
      measure: 'review-decisions-4-weeks',
      date: decided.date,
      due: decisionDue,
      met: decided.date <= decisionDue,
    });
  }
  return items;
}

/**
 * The items a plan's reviews give as of `asOf` (`heldReviewItems` for each): each meeting held by `asOf`, in meeting
 * order, until a decision to cease sent by then.
 */
export function reviewItems(p: PlanReviewsForFigures, asOf: string): FigureItem[] {
  if (p.firstIssued > asOf) return [];
  const items: FigureItem[] = [];
  let previous: string | null = null;
  for (const review of p.reviews) {
    if (review.held > asOf) break;
    const { id, held, decision } = review;
    const base = { id, held, decision, childId: p.childId, teamId: p.teamId, firstIssued: p.firstIssued };
    items.push(...heldReviewItems({ ...base, previousMeeting: previous }, asOf));
    if (decision && decision.date <= asOf && decision.outcome === 'cease') break;
    previous = review.held;
  }
  return items;
}

/** A plan's quality audit: its first auditor's grade and, when sampled and moderated, the moderator's. */
export interface AuditForFigures {
  readonly auditId: string;
  readonly planId: string;
  readonly childId: string;
  readonly teamId: string | null;
  readonly auditedOn: string;
  /** 1 outstanding, 2 good, 3 requires improvement, 4 inadequate. */
  readonly overall: number;
  readonly moderation: { readonly on: string; readonly overall: number } | null;
}

/**
 * Plan quality good or better, moderated: each plan's latest audit by `asOf`, graded by its moderator where it was
 * moderated by then (the moderator's grade stands), otherwise by its first auditor.
 */
export function qualityItems(audits: Iterable<AuditForFigures>, asOf: string): FigureItem[] {
  const latest = new Map<string, AuditForFigures>();
  for (const a of audits) {
    if (a.auditedOn > asOf) continue;
    const seen = latest.get(a.planId);
    if (!seen || a.auditedOn >= seen.auditedOn) latest.set(a.planId, a);
  }
  return [...latest.values()].map((a) => {
    const moderated = a.moderation && a.moderation.on <= asOf ? a.moderation : null;
    const grade = moderated ? moderated.overall : a.overall;
    return {
      measure: 'plan-quality',
      childId: a.childId,
      teamId: a.teamId,
      recordId: a.auditId,
      group: moderated ? 'moderated' : 'not-moderated',
      date: a.auditedOn,
      due: null,
      met: grade <= 2,
      exception: false,
    };
  });
}

/** Children with a plan not in full-time education on `asOf`: one item per child, grouped by its first reason. */
export function notInEducationItems(
  children: ReadonlyMap<string, readonly string[]>,
  teamOf: (childId: string) => string | null,
  asOf: string,
): FigureItem[] {
  return [...children].map(([childId, kinds]) => ({
    measure: 'not-in-full-time-education',
    childId,
    teamId: teamOf(childId),
    recordId: childId,
    group: kinds[0] ?? null,
    date: asOf,
    due: null,
    met: true,
    exception: false,
  }));
}

/** An amended plan issued after a review's decision to amend (the amendments feature's record). */
export interface AmendmentForFigures {
  readonly id: string;
  readonly childId: string;
  readonly teamId: string | null;
  /** The review meeting the amendment follows. */
  readonly meeting: string;
  readonly proposalSent: string;
  readonly amendedIssued: string;
}

/**
 * Amended plans issued within 12 weeks: each amended plan issued after a review by `asOf`, in time when issued by the
 * clock's own due date (`amendmentDates`: 8 weeks from the proposal, and no later than 12 weeks after the meeting,
 * reg 22(3)). An amendment outside a review, or a decision not to amend, is not counted.
 */
export function amendmentItems(amendments: Iterable<AmendmentForFigures>, asOf: string): FigureItem[] {
  const items: FigureItem[] = [];
  for (const a of amendments) {
    if (a.amendedIssued > asOf) continue;
    const due = amendmentDates({ meeting: a.meeting, proposalSent: a.proposalSent }).amendedPlanDue.date;
    items.push({
      measure: 'amendments-12-weeks',
      childId: a.childId,
      teamId: a.teamId,
      recordId: a.id,
      group: null,
      date: a.amendedIssued,
      due,
      met: a.amendedIssued <= due,
      exception: false,
    });
  }
  return items;
}

/** A phase-transfer cohort's child whose legal deadline has come, as the transfers feature reads it. */
export interface TransferForFigures {
  /** The child's transfer (the child and the cohort's school year). */
  readonly id: string;
  readonly childId: string;
  readonly teamId: string | null;
  /** The last day to issue the amended plan naming the new setting (reg 18). */
  readonly deadline: string;
  /** The day the transfers feature counts the new setting as named, if it had been. */
  readonly named: string | null;
  /** Named by the deadline, as the transfers feature decides it (its board's stage). */
  readonly inTime: boolean;
}

/**
 * Phase transfers named by the deadline: one item per cohort child whose deadline had come by the end of `asOf`,
 * counted on the deadline day, in time when the transfers feature says the new setting was named by it; grouped by
 * named in time, named after the deadline (by `asOf`), or not named yet. What "named" means is the transfers
 * feature's, so the figure and the phase transfers board cannot disagree.
 */
export function transferItems(transfers: Iterable<TransferForFigures>, asOf: string): FigureItem[] {
  const items: FigureItem[] = [];
  for (const t of transfers) {
    if (t.deadline > asOf) continue;
    const named = known(t.named, asOf);
    items.push({
      measure: 'phase-transfers',
      childId: t.childId,
      teamId: t.teamId,
      recordId: t.id,
      group: t.inTime ? 'in-time' : named ? 'named-late' : 'not-named',
      date: t.deadline,
      due: t.deadline,
      met: t.inTime,
      exception: false,
    });
  }
  return items;
}

/** An appeal to the First-tier Tribunal (SEND), as the tribunal feature keeps it. */
export interface AppealForFigures {
  /** The disagreement the appeal belongs to. */
  readonly id: string;
  readonly childId: string;
  readonly teamId: string | null;
  /** The day the tribunal registered the appeal. */
  readonly registered: string;
  /** How it ended (a decision, a withdrawal or the council's concession) and on which day; null while open. */
  readonly outcome: { readonly date: string; readonly outcome: string } | null;
}

/**
 * Tribunal appeals registered: one item per appeal registered by `asOf`, on the day it was registered, grouped by
 * how it stood at the end of `asOf` (its outcome once dated by then, otherwise `pending`). A count, not a rate: the
 * casework does not count every appealable decision (docs/figures.md), so every item is "met".
 */
export function appealItems(appeals: Iterable<AppealForFigures>, asOf: string): FigureItem[] {
  const items: FigureItem[] = [];
  for (const a of appeals) {
    if (a.registered > asOf) continue;
    const ended = a.outcome && a.outcome.date <= asOf ? a.outcome.outcome : null;
    items.push({
      measure: 'tribunal-appeals',
      childId: a.childId,
      teamId: a.teamId,
      recordId: a.id,
      group: ended ?? 'pending',
      date: a.registered,
      due: null,
      met: true,
      exception: false,
    });
  }
  return items;
}
