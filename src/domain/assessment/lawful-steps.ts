/**
 * The rules that make the EHC needs assessment journey lawful (issue 10 item 3; journey-corrections.md J1, J2, J3,
 * J8 and the SEN2 outcomes), as pure functions: each says whether a step may be taken and, when not, why in words a
 * caseworker can act on. No I/O and no clock reads: the due dates and the comment period come from the statutory
 * clock's timeline, which the caller passes.
 */
import { longDate } from '../calendar.ts';
import type { Timeline } from '../clock/types.ts';

// ---- J1: the final plan waits for the family's 15 days to comment on the draft (reg 13(1)(a)) ----

export interface FinalPlanFacts {
  /** The clock's draft comment period (`draft-comments`), or null while no draft has been served. */
  commentsUntil: string | null;
  /** The family told the council their comments on the draft are complete. */
  commentsComplete: boolean;
  /** The date the final plan would be issued. */
  date: string;
}

/** The last day of the family's 15 days to comment on the draft, from the clock's timeline. */
export function commentsUntil(timeline: Pick<Timeline, 'periods'>): string | null {
  return timeline.periods.find((p) => p.id === 'draft-comments')?.to ?? null;
}

/**
 * Why the final plan cannot be issued on this date, or null when it can. Reg 13(1)(a) gives the family at least 15
 * days to comment on the draft; the final plan may come sooner only when the family's comments are recorded as
 * complete.
 */
export function finalPlanRefusal(f: FinalPlanFacts): string | null {
  if (f.commentsUntil === null) return 'Send the draft plan to the family before issuing the final plan.';
  if (f.date > f.commentsUntil || f.commentsComplete) return null;
  return (
    `The family have until ${longDate(f.commentsUntil)} to comment on the draft plan (15 days, SEND Regulations ` +
    `2014, reg 13(1)(a)). Issue the final plan after that day, or first record that the family have told you ` +
    `their comments are complete.`
  );
}

// ---- J3: the outcome needs the advice reg 6(1) requires: asked for, or reused with agreement (reg 6(4)) ----

export interface RequiredAdvice {
  /** The kind of advice, in the regulation's words. */
  key: 'family' | 'educational' | 'medical' | 'psychological' | 'social-care' | 'adulthood';
  label: string;
  cite: string;
  /** The agencies (as the journey records them) whose advice, asked for or reused, meets this requirement. */
  agencies: readonly string[];
}

export const REQUIRED_ADVICE: readonly RequiredAdvice[] = [
  {
    key: 'family',
    label: "the parent's or young person's own views and advice",
    cite: 'reg 6(1)(a)',
    agencies: ['family'],
  },
  {
    key: 'educational',
    label: 'educational advice (from the school, college or nursery, or a teacher of children with SEN)',
    cite: 'reg 6(1)(b)',
    agencies: ['educational', 'setting'],
  },
  { key: 'medical', label: 'medical advice (health)', cite: 'reg 6(1)(c)', agencies: ['health'] },
  {
    key: 'psychological',
    label: 'psychological advice (an educational psychologist)',
    cite: 'reg 6(1)(d)',
    agencies: ['educational-psychology'],
  },
  { key: 'social-care', label: 'social care advice', cite: 'reg 6(1)(e)', agencies: ['social-care'] },
  {
    key: 'adulthood',
    label: 'advice on preparing for adulthood and independent living (year 9 and above)',
    cite: 'reg 6(1)(f)',
    agencies: ['preparation-for-adulthood'],
  },
];

/** The advice reg 6(1) requires for a child or young person in this National Curriculum year group. */
export function requiredAdvice(yearGroup: number): RequiredAdvice[] {
  return REQUIRED_ADVICE.filter((r) => r.key !== 'adulthood' || yearGroup >= 9);
}

/**
 * The required advice not yet asked for and not recorded as reused with the family's agreement (reg 6(4)), in the
 * regulation's order. Empty when the outcome may be decided.
 */
export function missingAdvice(input: {
  yearGroup: number;
  /** Agencies asked for advice in this assessment. */
  requested: readonly string[];
  /** Agencies whose existing advice is reused with the family's agreement. */
  reused: readonly string[];
}): RequiredAdvice[] {
  const have = new Set([...input.requested, ...input.reused]);
  return requiredAdvice(input.yearGroup).filter((r) => !r.agencies.some((a) => have.has(a)));
}

/** The error a caseworker sees when the outcome is decided without the advice the law requires. */
export function missingAdviceMessage(missing: readonly RequiredAdvice[]): string | null {
  if (!missing.length) return null;
  const list = missing.map((m) => `${m.label} (${m.cite})`).join('; ');
  return (
    `Before deciding whether to issue a plan, ask for, or record as reused with the family's agreement ` +
    `(reg 6(4)), the advice the law requires: ${list}.`
  );
}

// ---- Issue 18: the outcome or the final plan while advice asked for has not arrived ----

/** A piece of advice asked for in the assessment that has not arrived. */
export interface OutstandingAdvice {
  /** Who was asked, in words ("Social care", "Health: community paediatrics"). */
  label: string;
  /** The day it was asked for. */
  requested: string;
}

/**
 * Why the outcome, or the final plan, cannot go ahead on this reason while advice asked for has not arrived, or null
 * when it can. Late advice is not one of the exceptions to the time limits (reg 10(4), 13(3); statutory-clock.md
 * section 3), so the council may have to go ahead without it to meet the 16 or 20 weeks: it may, but only with its
 * reason recorded (the advice it sought stays part of the assessment, and is added to the plan when it arrives).
 */
export function outstandingAdviceRefusal(
  outstanding: readonly OutstandingAdvice[],
  reason: string | undefined,
  step: 'outcome' | 'final',
): string | null {
  if (!outstanding.length || (reason ?? '').trim()) return null;
  const list = outstanding.map((a) => `${a.label} (asked for on ${longDate(a.requested)})`).join('; ');
  return (
    `Advice has not arrived from: ${list}. Wait for it, or say why the council is ` +
    `${step === 'outcome' ? 'deciding' : 'issuing the final plan'} without it.`
  );
}

// ---- J2: an amended plan only through a review, a tribunal order or a reassessment ----

/** The routes by which a plan that has been issued may be amended or replaced. */
export type AmendmentRoute = 'reassessment';

/**
 * Why an amended plan cannot be issued, or null when it can. Until the review journey (reg 22) and tribunal orders
 * (reg 44) exist, the only lawful route in Goldthread is a reassessment (CFA s44(2)-(3), reg 27) whose draft has been
 * served and whose comment period is over (or the family's comments are complete).
 */
export function amendedPlanRefusal(input: {
  route: AmendmentRoute | null;
  final: FinalPlanFacts | null;
}): string | null {
  if (input.route === null || input.final === null) {
    return (
      'An issued plan can only be amended after an annual review (reg 22), a reassessment (reg 27) or a tribunal ' +
      'order. Start a reassessment, or wait for the review.'
    );
  }
  return finalPlanRefusal(input.final);
}

// ---- Withdrawn requests and moves out of the area (SEN2 module 2) ----

export type ClosedReason = 'withdrawn' | 'moved-out';

export const CLOSED_REASON_LABELS: Record<ClosedReason, string> = {
  withdrawn: 'The request was withdrawn',
  'moved-out': 'The child or young person moved out of the area before the assessment finished',
};

/**
 * Why the request cannot be closed this way now, or null when it can. A request can be withdrawn until the council
 * decides whether to assess, or during the assessment until the final plan or the decision not to issue one; a move
 * out of the area is recorded only once the council has decided to assess (SEN2: "moved out of the area before the
 * assessment finished").
 */
export function closeRefusal(input: {
  reason: ClosedReason;
  stage: string;
  requestReceived: string;
  decisionDate: string | null;
  date: string;
  today: string;
}): { field: 'reason' | 'date'; message: string } | null {
  if (!['request', 'assessment', 'draft'].includes(input.stage)) {
    return { field: 'reason', message: 'This request is already closed or finished.' };
  }
  if (input.reason === 'moved-out' && input.stage === 'request') {
    return {
      field: 'reason',
      message:
        'The council has not decided to assess yet: if the family has moved away, record the request as withdrawn.',
    };
  }
  if (input.date > input.today) return { field: 'date', message: 'The date must be today or in the past' };
  const from =
    input.reason === 'moved-out' ? (input.decisionDate ?? input.requestReceived) : input.requestReceived;
  if (input.date < from) {
    return {
      field: 'date',
      message: `The date must be on or after ${longDate(from)}, when ${input.reason === 'moved-out' ? 'the council decided to assess' : 'the request was received'}`,
    };
  }
  return null;
}

/**
 * The SEN2 module 2 request outcome for a case: assess, not assess, or withdrawn (reporting.md; the code list is
 * not public yet, so these are the words, not the Department's codes), and whether the child moved out of the area
 * before the assessment finished. Null while no outcome is known.
 */
export function sen2RequestOutcome(c: {
  decision: 'assess' | 'not-assess' | null;
  decisionDate: string | null;
  closedReason: ClosedReason | null;
  closedDate: string | null;
}): {
  outcome: 'assess' | 'not-assess' | 'withdrawn' | null;
  date: string | null;
  movedOutBeforeAssessmentFinished: boolean;
} {
  if (c.closedReason === 'withdrawn' && c.decision === null) {
    return { outcome: 'withdrawn', date: c.closedDate, movedOutBeforeAssessmentFinished: false };
  }
  return {
    outcome: c.decision ?? (c.closedReason === 'withdrawn' ? 'withdrawn' : null),
    date: c.decision ? c.decisionDate : (c.closedDate ?? null),
    movedOutBeforeAssessmentFinished: c.closedReason === 'moved-out',
  };
}
