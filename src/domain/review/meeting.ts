/**
 * S1, issue 12 item 2: the review meeting itself. Who is invited (reg 20(2)-(3), 21(2)-(3)) and whether each
 * invitation gave the 2 weeks' notice, when preparation for adulthood must be considered (reg 20(6), 21(6): from year
 * 9), and the meeting's record, which is checked before the meeting can be recorded as held. The time limits are the
 * clock's (`reviewPaperworkDates`): an invitation sent late is accepted with a `Lateness` naming its rule, never
 * silently.
 */
import { reviewPaperworkDates } from '../clock/index.ts';
import { parseDate } from '../clock/dates.ts';
import { yearGroupOn } from '../school-year.ts';
import {
  checkHold,
  lateness,
  reviewState,
  STATE_LABELS,
  type CheckResult,
  type FieldError,
  type Lateness,
  type ReviewFacts,
} from './lifecycle.ts';

/** Who may be invited: reg 20(2)-(3) (family, head, SEN officer, health, social care) and 21 (anyone appropriate). */
export const INVITEE_KINDS = ['family', 'setting', 'health', 'social-care', 'authority', 'other'] as const;
export type InviteeKind = (typeof INVITEE_KINDS)[number];

export const INVITEE_KIND_LABELS: Readonly<Record<InviteeKind, string>> = {
  family: 'The family',
  setting: 'The school or setting',
  health: 'Health (the professional named by the commissioner)',
  'social-care': 'Social care',
  authority: 'The council',
  other: 'Someone else',
};

/** The invitees the regulations name for every review (reg 20(2)-(3)); anyone else is by choice. */
export const REQUIRED_INVITEES: readonly InviteeKind[] = [
  'family',
  'setting',
  'health',
  'social-care',
  'authority',
];

export const ATTENDANCE = ['attended', 'apologies', 'absent'] as const;
export type Attendance = (typeof ATTENDANCE)[number];
export const ATTENDANCE_LABELS: Readonly<Record<Attendance, string>> = {
  attended: 'Came',
  apologies: 'Sent apologies',
  absent: 'Did not come',
};

/** Whose view of what is working and what is not (CoP 9.176). */
export const PERSPECTIVES = ['family', 'child', 'school', 'others'] as const;
export type Perspective = (typeof PERSPECTIVES)[number];
export const PERSPECTIVE_LABELS: Readonly<Record<Perspective, string>> = {
  family: 'The family',
  child: 'The child or young person',
  school: 'The school or setting',
  others: 'Others (health, social care, other professionals)',
};

export const PROGRESS = ['achieved', 'on-track', 'some-progress', 'no-progress'] as const;
export type Progress = (typeof PROGRESS)[number];
export const PROGRESS_LABELS: Readonly<Record<Progress, string>> = {
  achieved: 'Achieved',
  'on-track': 'On track',
  'some-progress': 'Some progress',
  'no-progress': 'No progress',
};

/** The four preparation-for-adulthood areas (CoP 8.5), each discussed from year 9. */
export const PFA_TOPICS = ['employment', 'independent-living', 'community-inclusion', 'health'] as const;
export type PfaTopic = (typeof PFA_TOPICS)[number];
export const PFA_TOPIC_LABELS: Readonly<Record<PfaTopic, string>> = {
  employment: 'Employment and further education',
  'independent-living': 'Independent living',
  'community-inclusion': 'Friends, relationships and community',
  health: 'Good health',
};

/** The plan sections a review may recommend changing (CoP 9.176: any section of the plan). */
export const CHANGE_SECTIONS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H1', 'H2', 'I', 'J'] as const;
export type ChangeSection = (typeof CHANGE_SECTIONS)[number];

/** Year 9 is where preparation for adulthood must be part of every review (reg 20(6), 21(6)). */
export const PFA_FROM_YEAR = 9;

export const TEXT_LIMIT = 5000;

/**
 * Whether a review meeting on this day must consider preparation for adulthood: the child is in year 9 or above by
 * their date of birth (the one school-year rule, `yearGroupOn`). Without a date of birth: true (ask rather than miss
 * it).
 */
export function preparationForAdulthoodDue(dateOfBirth: string | null, meetingDate: string): boolean {
  if (!dateOfBirth) return true;
  return yearGroupOn(dateOfBirth, meetingDate) >= PFA_FROM_YEAR;
}

/** One invitation against the meeting's 2 weeks' notice: null on time, a Lateness naming the rule otherwise. */
export function invitationLateness(meetingDate: string, invitedOn: string): Lateness | null {
  return lateness('invitations', reviewPaperworkDates(meetingDate).invitations, invitedOn);
}

/** The kinds the regulations name that nobody invited is of (shown on the page as still to invite). */
export function missingInvitees(kinds: readonly InviteeKind[]): InviteeKind[] {
  return REQUIRED_INVITEES.filter((k) => !kinds.includes(k));
}

export interface InviteeInput {
  readonly kind: string;
  readonly name: string | null | undefined;
  readonly email: string | null | undefined;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Sending invitations on `asOf` (the day they go): allowed while the review is scheduled or arranged (more people can
 * be invited until the meeting is recorded) and has a meeting date in the future or today. Each person needs a kind,
 * a name and a real email address, once. Accepted late (fewer than 2 weeks before the meeting) with the rule.
 */
export function checkInvitations(
  f: ReviewFacts,
  input: { invitees: readonly InviteeInput[]; alreadyInvited: readonly string[] },
  asOf: string,
): CheckResult {
  const state = reviewState(f);
  if (state !== 'scheduled' && state !== 'arranged') {
    return {
      ok: false,
      errors: [
        {
          field: 'invitees',
          message: `You cannot invite people now: this review is at “${STATE_LABELS[state]}”.`,
        },
      ],
    };
  }
  if (!f.meetingDate) {
    return {
      ok: false,
      errors: [{ field: 'invitees', message: 'Set the date of the review meeting before inviting people' }],
    };
  }
  if (parseDate(f.meetingDate) < parseDate(asOf)) {
    return {
      ok: false,
      errors: [
        {
          field: 'invitees',
          message: 'The meeting date has passed: record the meeting, or change its date first',
        },
      ],
    };
  }
  const errors: FieldError[] = [];
  if (input.invitees.length === 0) {
    errors.push({ field: 'invitees', message: 'Select who to invite, or add someone else' });
  }
  const seen = new Set(input.alreadyInvited.map((e) => e.toLowerCase()));
  for (const i of input.invitees) {
    const email = (i.email ?? '').trim().toLowerCase();
    if (!(INVITEE_KINDS as readonly string[]).includes(i.kind)) {
      errors.push({ field: 'otherKind', message: 'Select who the person is' });
    } else if (!(i.name ?? '').trim()) {
      errors.push({ field: 'otherName', message: 'Enter the name of the person to invite' });
    } else if ((i.name ?? '').length > 200) {
      errors.push({ field: 'otherName', message: 'The name must be 200 characters or fewer' });
    } else if (!EMAIL.test(email) || email.length > 254) {
      errors.push({
        field: 'otherEmail',
        message: 'Enter an email address in the correct format, like name@example.com',
      });
    } else if (seen.has(email)) {
      errors.push({ field: 'invitees', message: `${(i.name ?? '').trim()} has already been invited` });
    }
    seen.add(email);
  }
  if (errors.length > 0) return { ok: false, errors };
  const late = invitationLateness(f.meetingDate, asOf);
  return { ok: true, warnings: late ? [late] : [] };
}

export interface MeetingRecordInput {
  readonly held: string | null | undefined;
  /** Invitee id → attendance. */
  readonly attendance: Readonly<Record<string, string | undefined>>;
  readonly views: Readonly<Record<Perspective, { working: string; notWorking: string }>>;
  /** Outcome id → progress and notes. */
  readonly progress: Readonly<Record<string, { progress: string | undefined; notes: string }>>;
  readonly changes: Readonly<Partial<Record<ChangeSection, string>>>;
  readonly differences: string;
  readonly pfa: Readonly<Partial<Record<PfaTopic, string>>>;
}

export interface MeetingContext {
  readonly inviteeIds: readonly string[];
  readonly outcomeIds: readonly string[];
  /** The child's date of birth, for preparation for adulthood on the day held. */
  readonly dateOfBirth: string | null;
}

/**
 * Recording the meeting (arranged → held, the `checkHold` rules): everyone invited marked as came, sent apologies or
 * did not come; what is working or not from at least one point of view; the progress toward each outcome of the
 * plan; from year 9, preparation for adulthood discussed (at least one area: reg 20(6), 21(6)). Every text at most
 * 5,000 characters.
 */
export function checkMeetingRecord(
  f: ReviewFacts,
  input: MeetingRecordInput,
  context: MeetingContext,
  asOf: string,
): CheckResult {
  const hold = checkHold(f, { held: input.held }, asOf);
  const errors: FieldError[] = hold.ok ? [] : [...hold.errors];
  if (!hold.ok && hold.errors.some((e) => e.field === 'state')) return hold;
  for (const id of context.inviteeIds) {
    const a = input.attendance[id];
    if (!a || !(ATTENDANCE as readonly string[]).includes(a)) {
      errors.push({
        field: `attendance-${id}`,
        message: 'Select whether each person invited came or sent apologies',
      });
    }
  }
  const texts: Array<[string, string]> = [];
  let anyView = false;
  for (const p of PERSPECTIVES) {
    const v = input.views[p];
    if (v.working.trim() || v.notWorking.trim()) anyView = true;
    texts.push([`working-${p}`, v.working], [`notWorking-${p}`, v.notWorking]);
  }
  if (!anyView) {
    errors.push({
      field: 'working-family',
      message: 'Enter what is working or what is not, from at least one point of view',
    });
  }
  for (const id of context.outcomeIds) {
    const p = input.progress[id];
    if (!p?.progress || !(PROGRESS as readonly string[]).includes(p.progress)) {
      errors.push({ field: `progress-${id}`, message: 'Select the progress toward each outcome' });
    }
    texts.push([`progressNotes-${id}`, p?.notes ?? '']);
  }
  for (const s of CHANGE_SECTIONS) texts.push([`change-${s}`, input.changes[s] ?? '']);
  texts.push(['differences', input.differences]);
  const pfaDue = input.held
    ? (() => {
        try {
          return preparationForAdulthoodDue(context.dateOfBirth, input.held);
        } catch {
          return false;
        }
      })()
    : false;
  if (pfaDue && !PFA_TOPICS.some((t) => (input.pfa[t] ?? '').trim())) {
    errors.push({
      field: 'pfa-employment',
      message:
        'From year 9 the review must consider preparation for adulthood: enter what was discussed for at least one area (SEND Regulations 2014, reg 20(6), 21(6))',
    });
  }
  for (const t of PFA_TOPICS) texts.push([`pfa-${t}`, input.pfa[t] ?? '']);
  for (const [field, text] of texts) {
    if (text.length > TEXT_LIMIT) {
      errors.push({
        field,
        message: `Each answer must be ${TEXT_LIMIT.toLocaleString('en-GB')} characters or fewer`,
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return hold;
}

export interface SchoolTerm {
  readonly name: 'Autumn term' | 'Spring term' | 'Summer term';
  readonly start: string;
  readonly end: string;
}

/**
 * The school term a day is in, for a SENCO's "this term": autumn 1 September to 31 December, spring 1 January to
 * 31 March, summer 1 April to 31 August (holidays included in the term before them). A product convention, not a
 * legal one: term dates differ by school and Easter moves.
 */
export function schoolTermOf(day: string): SchoolTerm {
  parseDate(day);
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  if (month >= 9) return { name: 'Autumn term', start: `${year}-09-01`, end: `${year}-12-31` };
  if (month <= 3) return { name: 'Spring term', start: `${year}-01-01`, end: `${year}-03-31` };
  return { name: 'Summer term', start: `${year}-04-01`, end: `${year}-08-31` };
}
