/**
 * The EHC needs assessment journey as pure functions: the facts a case stores become the statutory clock's input,
 * and every due date, status and sentence the journey shows comes back from the clock (computeTimeline). Nothing
 * here counts days to a deadline itself. No I/O and no clock reads: callers pass `asOf`.
 */
import { computeTimeline } from '../clock/index.ts';
import { longDate } from '../calendar.ts';
import type { ClockInput, ExceptionKind, Step, Timeline } from '../clock/types.ts';

export type Stage =
  | 'request'
  | 'assessment'
  | 'draft'
  | 'final'
  | 'not-assessed'
  | 'no-plan'
  | 'linked'
  | 'withdrawn'
  | 'moved-out';
export const OPEN_STAGES: readonly Stage[] = ['request', 'assessment', 'draft'];

export const STAGE_LABELS: Record<Stage, string> = {
  request: 'Deciding whether to assess',
  assessment: 'Assessing: gathering advice',
  draft: 'Draft plan',
  final: 'Final plan issued',
  'not-assessed': 'Decided not to assess',
  'no-plan': 'Decided not to issue a plan',
  linked: 'Joined to another request',
  withdrawn: 'Request withdrawn',
  'moved-out': 'Moved out of the area before the assessment finished',
};

/** What the family reads for each stage (reading age 9, no acronyms). */
export const FAMILY_STAGE_LABELS: Record<Stage, string> = {
  request: 'The council is deciding whether to assess',
  assessment: 'The council is assessing and asking people for advice',
  draft: 'The council is writing the plan',
  final: 'The final plan has been issued',
  'not-assessed': 'The council decided not to assess',
  'no-plan': 'The council decided not to write a plan',
  linked: 'This request was joined to an earlier one',
  withdrawn: 'The request was withdrawn',
  'moved-out': 'The assessment stopped because you moved out of the area',
};

export const AGENCY_LABELS: Record<string, string> = {
  family: "Parent's or young person's own views and advice",
  educational: 'Educational advice (from the council or school)',
  'educational-psychology': 'Educational psychology',
  health: 'Health',
  'social-care': 'Social care',
  setting: 'The school, college or nursery',
  'preparation-for-adulthood': 'Preparing for adulthood (year 9 and above)',
  other: 'Other advice',
};

/** The clock's adviser names (steps/assessment.ts) for our agencies. */
const CLOCK_AGENCY: Record<string, string> = {
  family: 'family',
  educational: 'education',
  'educational-psychology': 'educational-psychology',
  health: 'health',
  'social-care': 'social-care',
  setting: 'setting',
  'preparation-for-adulthood': 'preparation-for-adulthood',
  other: 'other',
};

export const EXCEPTION_LABELS: Record<ExceptionKind, string> = {
  'school-closure': 'The school or setting was closed for 4 weeks or more',
  'personal-circumstances': 'Exceptional personal circumstances',
  'absence-from-area': 'Away from the area for 4 weeks or more',
  'missed-appointment': 'An appointment for an examination or test was missed',
};

export const STEP_LABELS: Record<string, string> = {
  'decision-to-assess': 'Decide whether to assess',
  'decision-not-to-issue': 'Tell the family no plan will be issued',
  'final-plan': 'Issue the final plan',
  'reassessment-final': 'Issue the amended or new plan after reassessment',
  'appeal-deadline': "Family's deadline to appeal",
};

export function stepLabel(id: string, adviceLabels: ReadonlyMap<string, string> = new Map()): string {
  if (id.startsWith('advice:')) return `Advice: ${adviceLabels.get(id.slice(7)) ?? 'adviser'}`;
  return STEP_LABELS[id] ?? id;
}

export interface CaseFacts {
  /** An initial assessment, or a reassessment of a child or young person with a plan (J8); initial when absent. */
  kind?: 'initial' | 'reassessment' | undefined;
  requestReceived: string;
  decision: { date: string; outcome: 'assess' | 'not-assess' } | null;
  advice: ReadonlyArray<{ id: string; agency: string; requested: string; received: string | null }>;
  outcome: { date: string; outcome: 'issue-plan' | 'no-plan' } | null;
  draftServed: string | null;
  finalIssued: string | null;
  exceptions: ReadonlyArray<{
    /** The exception's record id, so the clock's checks name it. */
    id?: string | undefined;
    kind: ExceptionKind;
    from: string;
    to: string | null;
    appliesTo: readonly string[];
    /** A caseworker has confirmed, with a reason, that it caused the delay (J10); only then is it relied on. */
    confirmed: boolean;
    /** The day (in London) it was confirmed, where known: before it, the exception was not confirmed yet. */
    confirmedOn?: string | null | undefined;
  }>;
  /** A request withdrawn, or a move out of the area before the assessment finished: the case is closed. */
  closed?: { reason: 'withdrawn' | 'moved-out'; date: string } | null | undefined;
}

/** The steps of an initial assessment that a reassessment does not have: it runs on its own 14 weeks (J8). */
const INITIAL_ONLY_STEPS = new Set(['decision-to-assess', 'decision-not-to-issue', 'final-plan']);

/**
 * The clock's input for a case: only facts, never a computed date. A reassessment (J8) gives the clock the date the
 * decision to reassess was notified, for its 14 weeks (reg 27(2)); the initial assessment's 6-, 16- and 20-week
 * steps are then left out of its timeline (caseTimeline). Only exceptions a caseworker has confirmed caused the
 * delay are relied on (J10); the clock still checks the others and says whether they could qualify.
 */
export function clockInputFor(facts: CaseFacts, asOf: string): ClockInput {
  const refused = facts.decision?.outcome === 'not-assess' ? facts.decision.date : null;
  const noPlan = facts.outcome?.outcome === 'no-plan' ? facts.outcome.date : null;
  const decisionSent = refused ?? noPlan ?? facts.finalIssued;
  const reassessing = facts.kind === 'reassessment' && facts.decision?.outcome === 'assess';
  return {
    asOf,
    assessment: {
      requestReceived: facts.requestReceived,
      decisionToAssess: facts.decision
        ? { date: facts.decision.date, outcome: facts.decision.outcome }
        : null,
      adviceRequests: facts.advice.map((a) => ({
        id: a.id,
        agency: CLOCK_AGENCY[a.agency] ?? a.agency,
        requested: a.requested,
        received: a.received,
      })),
      assessmentOutcome: facts.outcome ? { date: facts.outcome.date, outcome: facts.outcome.outcome } : null,
      draftServed: facts.draftServed,
      finalIssued: facts.finalIssued,
    },
    exceptions: facts.exceptions.map((e) => ({
      ...(e.id ? { id: e.id } : {}),
      kind: e.kind,
      from: e.from,
      to: e.to,
      appliesTo: e.appliesTo.length ? [...e.appliesTo] : null,
      confirmed: e.confirmed,
    })),
    reassessment:
      reassessing && facts.decision
        ? { decisionSent: facts.decision.date, finalIssued: facts.finalIssued }
        : null,
    appeal: decisionSent ? { decisionSent } : null,
  };
}

/**
 * The case's timeline from the clock. A reassessment has no initial-assessment steps (J8); a request withdrawn, or
 * closed because the family moved out of the area, owes nothing more: only the steps already done remain.
 */
export function caseTimeline(facts: CaseFacts, asOf: string): Timeline {
  const timeline = computeTimeline(clockInputFor(facts, asOf));
  const keep = (s: Step) =>
    !(facts.kind === 'reassessment' && INITIAL_ONLY_STEPS.has(s.id)) &&
    (!facts.closed || s.completed !== null);
  return { ...timeline, steps: timeline.steps.filter(keep) };
}

/**
 * The next statutory step: the earliest-due step not yet done, owned by the council or an adviser (the family's
 * appeal deadline is theirs, not the caseworker's). Null when everything is done.
 */
export function nextStep(timeline: Timeline): Step | null {
  let best: Step | null = null;
  for (const step of timeline.steps) {
    if (step.completed !== null || step.owner === 'family') continue;
    if (!best || step.due < best.due || (step.due === best.due && step.owner === 'local-authority'))
      best = step;
  }
  return best;
}

export function stepById(timeline: Timeline, id: string): Step | undefined {
  return timeline.steps.find((s) => s.id === id);
}

/** A status tag: text always, colour only as well (GOV.UK tag classes). */
export function statusTag(step: Pick<Step, 'status' | 'daysLate' | 'daysRemaining'>): {
  text: string;
  classes: string;
  urgency: 'overdue' | 'soon' | 'on-track' | 'done' | 'late';
} {
  switch (step.status) {
    case 'overdue':
      return {
        text: `Overdue by ${plural(step.daysLate, 'day')}`,
        classes: 'govuk-tag--red',
        urgency: 'overdue',
      };
    case 'open': {
      const days = step.daysRemaining ?? 0;
      if (days <= 14)
        return {
          text: days === 0 ? 'Due today' : `Due in ${plural(days, 'day')}`,
          classes: 'govuk-tag--yellow',
          urgency: 'soon',
        };
      return { text: `${plural(days, 'day')} left`, classes: 'govuk-tag--blue', urgency: 'on-track' };
    }
    case 'met':
      return { text: 'Done on time', classes: 'govuk-tag--green', urgency: 'done' };
    case 'late':
      return {
        text: `Done ${plural(step.daysLate, 'day')} late`,
        classes: 'govuk-tag--orange',
        urgency: 'late',
      };
  }
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Statutory length in days of the windows a family is told about ("day 23 of 42"). */
const WINDOW_DAYS: Record<string, number> = {
  'decision-to-assess': 42,
  'decision-not-to-issue': 112,
  'final-plan': 140,
  'reassessment-final': 98,
};

/**
 * "Today is day 23 of 42", from the clock's daysRemaining for the step and the length of the legal window. Null when
 * the step is not open or has no fixed window.
 */
export function dayOfWindow(step: Step): { day: number; of: number } | null {
  const of = WINDOW_DAYS[step.id] ?? (step.id.startsWith('advice:') ? 42 : undefined);
  if (of === undefined || step.status !== 'open' || step.daysRemaining === null) return null;
  return { day: Math.max(1, of - step.daysRemaining), of };
}

/** The council's next step in words for the family, with who owes it, and plainly late when it is. */
export function familySentence(step: Step, childName: string, adviceLabel?: string): string {
  const by = longDate(step.due);
  const late = step.status === 'overdue';
  switch (step.id) {
    case 'decision-to-assess':
      return late
        ? `Your council had to decide whether to assess ${childName} by ${by}. It is late.`
        : `Your council must decide whether to assess ${childName} by ${by}.`;
    case 'decision-not-to-issue':
      return late
        ? `Your council had to tell you by ${by} whether it will write a plan. It is late.`
        : `Your council must tell you by ${by} that it will not write a plan, and why.`;
    case 'final-plan':
      return late
        ? `Your council had to send you ${childName}'s final plan by ${by}. It is late.`
        : `Your council must send you ${childName}'s final plan by ${by}.`;
    case 'reassessment-final':
      return late
        ? `Your council had to send you ${childName}'s new or amended plan by ${by}. It is late.`
        : `Your council must send you ${childName}'s new or amended plan by ${by}.`;
    default:
      if (step.id.startsWith('advice:')) {
        const who = adviceLabel ?? 'Advice from a professional';
        return late ? `${who}: this was due by ${by} and has not arrived yet.` : `${who}: due by ${by}.`;
      }
      return step.explanation;
  }
}

/** '2026-02-16' → '16 February 2026'. */

/** Which stage a case is in, from its facts (the service stores it for filtering). */
export function stageFor(
  facts: Pick<CaseFacts, 'decision' | 'outcome' | 'finalIssued'> & Pick<Partial<CaseFacts>, 'closed'>,
): Stage {
  if (facts.closed) return facts.closed.reason;
  if (facts.decision?.outcome === 'not-assess') return 'not-assessed';
  if (!facts.decision) return 'request';
  if (facts.outcome?.outcome === 'no-plan') return 'no-plan';
  if (facts.finalIssued) return 'final';
  if (facts.outcome?.outcome === 'issue-plan') return 'draft';
  return 'assessment';
}

// ---- The online request: a journey declared as steps, then check your answers. ----

export interface RequestStep {
  readonly id: 'child' | 'new-child' | 'why' | 'support' | 'involved' | 'school' | 'consent';
  readonly title: string;
}

export const REQUEST_STEPS: readonly RequestStep[] = [
  { id: 'child', title: 'About the child or young person' },
  { id: 'why', title: 'Why are you asking now?' },
  { id: 'support', title: 'What support is already in place?' },
  { id: 'involved', title: 'Who else is involved?' },
  { id: 'school', title: 'Which school or college would you like?' },
  { id: 'consent', title: 'Sharing information' },
];

/** Asked only when the request is about a child Goldthread does not know yet (childId 'new'). */
export const NEW_CHILD_STEP: RequestStep = {
  id: 'new-child',
  title: 'Tell us about the child or young person',
};

export const RELATIONSHIP_OPTIONS: ReadonlyArray<{ value: string; text: string }> = [
  { value: 'parent', text: 'Parent' },
  { value: 'step-parent', text: 'Step-parent' },
  { value: 'grandparent', text: 'Grandparent' },
  { value: 'foster-carer', text: 'Foster carer' },
  { value: 'other-relative', text: 'Another relative' },
  { value: 'other', text: 'Someone else who looks after them' },
];

/** The details given for a child Goldthread does not know yet. */
export interface NewChildAnswers {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sex: 'F' | 'M';
  addressLine: string;
  postcode: string;
  settingId: string;
  relationship: string;
  parentalResponsibility?: 'yes' | 'no' | undefined;
}

export const INVOLVED_OPTIONS: ReadonlyArray<{ value: string; text: string }> = [
  { value: 'school', text: 'School, college or nursery' },
  { value: 'educational-psychology', text: 'Educational psychologist' },
  { value: 'health', text: 'Doctor, nurse or therapist' },
  { value: 'social-care', text: 'Social worker' },
  { value: 'other', text: 'Someone else' },
];

export interface RequestAnswers {
  /** A linked child's id, or 'new' for a child Goldthread does not know yet. */
  childId?: string;
  newChild?: NewChildAnswers;
  detailsCorrect?: 'yes' | 'no';
  corrections?: string;
  why?: string;
  support?: string;
  involved?: string[];
  involvedDetail?: string;
  /**
   * The family's preference for the plan (S3): a setting on the register, a type of setting, education otherwise
   * than in a school, or not decided yet (then nothing is recorded; the family can still ask when the draft comes).
   */
  schoolKind?: 'setting' | 'type' | 'otherwise' | 'undecided';
  schoolSettingId?: string;
  schoolType?: string;
  consent?: 'yes' | 'no';
}

/** The first step the answers have not completed, or 'check' when all are done. */
export function nextRequestStep(answers: RequestAnswers): RequestStep['id'] | 'check' {
  if (!answers.childId) return 'child';
  if (answers.childId === 'new') {
    if (!answers.newChild) return 'new-child';
  } else if (!answers.detailsCorrect) return 'child';
  if (!answers.why) return 'why';
  if (!answers.support) return 'support';
  if (!answers.involved) return 'involved';
  if (!answers.schoolKind) return 'school';
  if (!answers.consent) return 'consent';
  return 'check';
}

/** The step after this one: the next unanswered step, or check your answers. */
export function stepAfter(id: RequestStep['id'], answers: RequestAnswers): RequestStep['id'] | 'check' {
  if (id === 'new-child')
    return nextRequestStep(answers) === 'new-child' ? 'new-child' : stepAfter('child', answers);
  const index = REQUEST_STEPS.findIndex((s) => s.id === id);
  const pending = nextRequestStep(answers);
  const pendingIndex =
    pending === 'check' ? REQUEST_STEPS.length : REQUEST_STEPS.findIndex((s) => s.id === pending);
  if (pendingIndex > index) return pending;
  return REQUEST_STEPS[index + 1]?.id ?? 'check';
}

/**
 * What the 20-week figures need of a case, kept on the case by the assessments feature each time its clock is
 * refreshed (ADR 0063): the final-plan step's statutory due date, the day it was done and whether a confirmed
 * exception relieved it. Dates, not weeks elapsed, so the kept values do not go stale as the days pass. All null when
 * the timeline has no final-plan step (a reassessment, or a request refused or closed before a plan).
 */
export interface FinalPlanSummary {
  final_plan_due: string | null;
  final_plan_done: string | null;
  final_plan_excepted: boolean | null;
}

export function finalPlanSummary(timeline: Pick<Timeline, 'steps'>): FinalPlanSummary {
  const step = timeline.steps.find((s) => s.id === 'final-plan');
  if (!step) return { final_plan_due: null, final_plan_done: null, final_plan_excepted: null };
  return {
    final_plan_due: step.due,
    final_plan_done: step.completed,
    final_plan_excepted: step.exception !== null,
  };
}
