/**
 * Each figure's words: what it counts, where its time limit comes from, and the national figure beside it where
 * ../shared/domain/reporting.md gives one (England). The time limits themselves are the clock's (items.ts).
 */
import type { MeasureId } from './items.ts';

/**
 * A rate (so many of so many within the limit), a count of children on the day, a count of things registered in the
 * 12 months (each month's in the trend), or not yet recorded in the casework.
 */
export type MeasureKind = 'rate' | 'count' | 'registered' | 'not-recorded';

export interface NationalFigure {
  readonly percent: number;
  /** Which year and which way it was counted, as published. */
  readonly note: string;
}

export interface Measure {
  readonly id: MeasureId;
  readonly kind: MeasureKind;
  readonly title: string;
  /** What is counted and when it counts, in plain words. */
  readonly counts: string;
  /** The words for "met" and "not met" in the list of children. */
  readonly metLabel: string;
  readonly notMetLabel: string;
  /** What the sub-group (item.group) is, when the figure has one. */
  readonly groupLabel: string | null;
  readonly national: NationalFigure | null;
  /** Why the figure is not shown yet, for `not-recorded`. */
  readonly why: string | null;
  /** What an item's day is, in the list of children, when it is not the day the thing was done (a deadline). */
  readonly dateLabel?: string;
}

const rate = (m: Omit<Measure, 'kind' | 'why'>): Measure => ({ ...m, kind: 'rate', why: null });

export const MEASURES: Readonly<Record<MeasureId, Measure>> = {
  'requests-6-weeks': rate({
    id: 'requests-6-weeks',
    title: 'Requests for an assessment decided within 6 weeks',
    counts:
      'Decisions whether to assess sent in the 12 months, and how many were sent by the statutory date (6 weeks from the request, regulation 5).',
    metLabel: 'Decided in time',
    notMetLabel: 'Decided late',
    groupLabel: null,
    national: { percent: 84.8, note: 'England, requests made in 2024' },
  }),
  'plans-20-weeks': rate({
    id: 'plans-20-weeks',
    title: 'New plans issued within 20 weeks, including exceptions',
    counts:
      'Final plans issued in the 12 months after an initial assessment, and how many were issued by the statutory date (20 weeks from the request, regulation 13), counting every plan.',
    metLabel: 'Issued in time',
    notMetLabel: 'Issued late',
    groupLabel: null,
    national: { percent: 46.4, note: 'England, plans issued in 2024, including exceptions' },
  }),
  'plans-20-weeks-excluding': rate({
    id: 'plans-20-weeks-excluding',
    title: 'New plans issued within 20 weeks, excluding exceptions',
    counts:
      'The same plans, leaving out those whose 20 weeks a confirmed exception relieved (regulation 13(3): a caseworker recorded why it caused the delay).',
    metLabel: 'Issued in time',
    notMetLabel: 'Issued late',
    groupLabel: null,
    national: {
      percent: 60.4,
      note: 'England, plans issued in 2019, excluding exceptions (the latest year published this way)',
    },
  }),
  'advice-6-weeks': rate({
    id: 'advice-6-weeks',
    title: 'Advice received within 6 weeks, per agency',
    counts:
      'Advice received in the 12 months from the educational psychologist, health, social care, the school and others, and how much arrived by the statutory date (6 weeks from the request for it, regulation 8). The family’s own views have no time limit and are not counted.',
    metLabel: 'Received in time',
    notMetLabel: 'Received late',
    groupLabel: 'Agency',
    national: null,
  }),
  'reviews-12-months': rate({
    id: 'reviews-12-months',
    title: 'Annual reviews held within 12 months',
    counts:
      'Review meetings held in the 12 months, and how many were held by the statutory date (12 months from the plan or the last review, section 44(1) of the Children and Families Act 2014).',
    metLabel: 'Held in time',
    notMetLabel: 'Held late',
    groupLabel: null,
    national: null,
  }),
  'review-decisions-4-weeks': rate({
    id: 'review-decisions-4-weeks',
    title: 'Review decisions sent within 4 weeks of the meeting',
    counts:
      'Decisions to keep, change or stop a plan sent in the 12 months after a review, and how many were sent within 4 weeks of the meeting (regulation 20(10)).',
    metLabel: 'Sent in time',
    notMetLabel: 'Sent late',
    groupLabel: null,
    national: { percent: 44.4, note: 'England, reviews in 2024' },
  }),
  'amendments-12-weeks': rate({
    id: 'amendments-12-weeks',
    title: 'Amended plans issued within 12 weeks',
    counts:
      'Amended plans issued in the 12 months after a review’s decision to amend, and how many were issued by the statutory date (8 weeks from sending the proposed amendments, and no later than 12 weeks after the review meeting, regulation 22(3)). Amendments outside a review and decisions not to amend are not counted.',
    metLabel: 'Issued in time',
    notMetLabel: 'Issued late',
    groupLabel: null,
    national: null,
  }),
  'phase-transfers': rate({
    id: 'phase-transfers',
    title: 'Phase transfers named by the deadline',
    counts:
      'Children moving to their next phase whose legal deadline fell in the 12 months (15 February; 31 March for a move from secondary school to a post-16 institution; 5 months before a move between post-16 institutions), and how many had the amended plan naming the new school or college issued by it (regulation 18), as the phase transfers board counts it. Each child counts on their deadline.',
    metLabel: 'Named in time',
    notMetLabel: 'Not named in time',
    groupLabel: 'Named',
    national: null,
    dateLabel: 'Deadline',
  }),
  'plan-quality': rate({
    id: 'plan-quality',
    title: 'Plans good or better (moderated)',
    counts:
      'Plans audited in the 12 months, each by its latest audit, graded by the moderator where the audit was moderated, and how many were good or outstanding.',
    metLabel: 'Good or better',
    notMetLabel: 'Requires improvement or inadequate',
    groupLabel: 'Moderation',
    national: null,
  }),
  'not-in-full-time-education': {
    id: 'not-in-full-time-education',
    kind: 'count',
    title: 'Children with a plan not in full-time education',
    counts:
      'Children with a plan who, on the day, had an open permanent exclusion, part-time timetable, referral as missing education or elective home education (section 19 of the Education Act 1996).',
    metLabel: 'Not in full-time education',
    notMetLabel: '',
    groupLabel: 'Why',
    national: null,
    why: null,
  },
  'tribunal-appeals': {
    id: 'tribunal-appeals',
    kind: 'registered',
    title: 'Tribunal appeals registered',
    counts:
      'Appeals to the First-tier Tribunal (SEND) registered in the 12 months against the council’s decisions, by how each stood on the day. A count, not a rate: nationally about 22,000 appeals a year are registered against about 365,000 appealable decisions (6%), but Goldthread does not yet count every appealable decision the council sent, so no local rate is set beside it.',
    metLabel: 'Appeals registered',
    notMetLabel: '',
    groupLabel: 'Where it stands',
    national: null,
    why: null,
  },
};

export const GROUP_LABELS: Readonly<Record<string, string>> = {
  'in-time': 'Named by the deadline',
  'named-late': 'Named after the deadline',
  'not-named': 'Not named yet',
  moderated: 'Moderated',
  'not-moderated': 'Not moderated',
  pending: 'Not decided yet',
  allowed: 'Allowed',
  'partly-allowed': 'Partly allowed',
  dismissed: 'Dismissed',
  withdrawn: 'Withdrawn',
  conceded: 'Conceded by the council',
};

/**
 * The figure an improvement action's words point to, if any ("issued within 20 weeks", "annual reviews", "part-time
 * timetables"...): a suggestion a manager can change, never a figure itself.
 */
export function suggestFigure(text: string): MeasureId | null {
  const t = text.toLowerCase();
  const sixWeeks = /\b(6|six)[ -]?weeks?\b/.test(t);
  if (/\b20[ -]?weeks?\b|twenty weeks|timeliness/.test(t)) return 'plans-20-weeks';
  if (/advice/.test(t) && (sixWeeks || /tracker|on time/.test(t))) return 'advice-6-weeks';
  if (/requests?/.test(t) && sixWeeks) return 'requests-6-weeks';
  if (/annual reviews?|reviews? (held|completed|on time)|reviewed within/.test(t)) return 'reviews-12-months';
  if (
    /part[- ]time timetables?|exclusions?|missing education|not in (full[- ]time )?(education|school)/.test(t)
  )
    return 'not-in-full-time-education';
  if (/(quality|audit|good plans)/.test(t) && /\bplans?\b/.test(t)) return 'plan-quality';
  return null;
}
