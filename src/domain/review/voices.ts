/**
 * S1 (issue 12 item 2): the voices before a review meeting. The family's views and the child's or young person's own
 * views, gathered on a short form in plain English (and an easy-read version of the same questions), and advice asked
 * of the professionals invited, due when the advice must be sent round: 2 weeks before the meeting. That date is the
 * clock's (`reviewPaperworkDates`), never restated here.
 */
import { reviewPaperworkDates, type RuleDate } from '../clock/index.ts';
import { parseDate } from '../clock/dates.ts';
import { daysLateOf, statusOf } from '../clock/status.ts';
import type { Status } from '../clock/types.ts';
import { yearGroupOn } from '../school-year.ts';
import type { FieldError } from './lifecycle.ts';

/** Whose views: the parent's or carer's own (`family`), or the child's or young person's own (`child`). */
export const VIEW_ABOUTS = ['family', 'child'] as const;
export type ViewAbout = (typeof VIEW_ABOUTS)[number];

export const VIEW_FIELDS = ['goingWell', 'hard', 'changed', 'next', 'future', 'meeting'] as const;
export type ViewField = (typeof VIEW_FIELDS)[number];
export type ViewAnswers = Readonly<Record<ViewField, string>>;

/** The longest answer kept (characters). */
export const VIEW_ANSWER_MAX = 5000;

export interface ViewQuestion {
  readonly field: ViewField;
  readonly label: string;
  readonly hint: string;
}

/**
 * Preparation for adulthood is part of every review from year 9 (SEND Code of Practice 8.9 to 8.12): paid work,
 * living as independently as possible, friends and the community, and good health.
 */
export function preparingForAdulthood(dateOfBirth: string | null, on: string): boolean {
  if (!dateOfBirth) return false;
  return yearGroupOn(dateOfBirth, on) >= 9;
}

/**
 * The questions, in plain English or easy read, for the family's views or the child's own, with the future asked in
 * terms of adult life from year 9. Easy read: short sentences, everyday words, one idea a line.
 */
export function viewQuestions(about: ViewAbout, easyRead: boolean, adulthood: boolean): ViewQuestion[] {
  const own = about === 'child';
  if (easyRead) {
    return [
      {
        field: 'goingWell',
        label: 'What is good?',
        hint: own ? 'Things you like. Things you do well.' : 'Things your child likes. Things that help.',
      },
      {
        field: 'hard',
        label: 'What is hard?',
        hint: own
          ? 'Things you find difficult. Things you do not like.'
          : 'Things your child finds difficult.',
      },
      {
        field: 'changed',
        label: 'What is different this year?',
        hint: 'Anything new. Anything that stopped.',
      },
      {
        field: 'next',
        label: 'What do you want to happen next?',
        hint: own ? 'Help you want. Things you want to learn.' : 'Help your child needs next.',
      },
      {
        field: 'future',
        label: own
          ? 'What do you want when you are older?'
          : 'What do you hope for your child when they are older?',
        hint: adulthood ? 'A job. Where to live. Friends. Staying healthy.' : 'Big hopes or small hopes.',
      },
      { field: 'meeting', label: 'Anything else for the meeting?', hint: 'You can leave this empty.' },
    ];
  }
  return [
    {
      field: 'goingWell',
      label: 'What is going well?',
      hint: own
        ? 'At school or college, at home and with friends. What do you enjoy? What are you proud of?'
        : 'At school or college, at home and with friends. What help is working?',
    },
    {
      field: 'hard',
      label: 'What is hard at the moment?',
      hint: own
        ? 'What do you find difficult? What would make it easier?'
        : 'What does your child find difficult? What is not working?',
    },
    {
      field: 'changed',
      label: 'What has changed since the last review?',
      hint: 'For example health, family, friendships, or how things are at school or college.',
    },
    {
      field: 'next',
      label: own ? 'What do you want to happen next?' : 'What would you like to happen next?',
      hint: own
        ? 'What help do you want? What do you want to learn or get better at?'
        : 'What help or changes would you like to see?',
    },
    {
      field: 'future',
      label: own ? 'What are your hopes for the future?' : 'What are your hopes for your child’s future?',
      hint: adulthood
        ? 'Think about work or further study, where to live and how much help is needed, friends and things to do, and staying healthy.'
        : 'Next year, the next school, or later in life.',
    },
    {
      field: 'meeting',
      label: 'Is there anything else you want the review meeting to know?',
      hint: 'Optional.',
    },
  ];
}

export type ViewsCheck =
  | { readonly ok: true; readonly answers: ViewAnswers }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/**
 * Checks an answer set: each answer trimmed and at most VIEW_ANSWER_MAX characters; a draft may be empty, but views
 * sent to the council need at least one answer.
 */
export function checkViews(input: Partial<Record<ViewField, string | null>>, sending: boolean): ViewsCheck {
  const errors: FieldError[] = [];
  const answers = {} as Record<ViewField, string>;
  for (const field of VIEW_FIELDS) {
    const v = (input[field] ?? '').trim();
    if (v.length > VIEW_ANSWER_MAX) {
      errors.push({
        field,
        message: `Your answer must be ${VIEW_ANSWER_MAX.toLocaleString('en-GB')} characters or fewer`,
      });
    }
    answers[field] = v;
  }
  if (sending && errors.length === 0 && VIEW_FIELDS.every((f) => answers[f] === '')) {
    errors.push({ field: 'goingWell', message: 'Answer at least one question before you send your views' });
  }
  return errors.length ? { ok: false, errors } : { ok: true, answers };
}

/** When views arrived against the meeting: before it (on the day counts as before), after it, or not sent. */
export function viewsTiming(sentOn: string | null, meetingDate: string | null): 'before' | 'after' | null {
  if (!sentOn || !meetingDate) return null;
  return parseDate(sentOn) <= parseDate(meetingDate) ? 'before' : 'after';
}

/**
 * The day the family's views are asked for: when the advice and information is sent round, 2 weeks before the
 * meeting (reg 20(4)), so everyone can read them before it. Not a legal time limit on the family.
 */
export function viewsAskedBy(meetingDate: string): RuleDate {
  const advice = reviewPaperworkDates(meetingDate).adviceCirculated;
  return {
    ...advice,
    rule: 'Your views are asked for by the day the council sends everyone the advice, 2 weeks before the meeting, so everyone can read them first',
    statutory: false,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Advice asked of professionals for a review

export const REVIEW_ADVICE_AGENCIES = [
  'health',
  'social-care',
  'educational-psychology',
  'setting',
  'other',
] as const;
export type ReviewAdviceAgency = (typeof REVIEW_ADVICE_AGENCIES)[number];

export const REVIEW_ADVICE_AGENCY_LABELS: Readonly<Record<ReviewAdviceAgency, string>> = {
  health: 'Health',
  'social-care': 'Social care',
  'educational-psychology': 'Educational psychology',
  setting: 'The school, college or nursery',
  other: 'Other advice',
};

export const ADVICE_FIELDS = ['progress', 'working', 'notWorking', 'changes'] as const;
export type AdviceField = (typeof ADVICE_FIELDS)[number];
export type AdviceAnswers = Readonly<Record<AdviceField, string>>;

export const ADVICE_FIELD_LABELS: Readonly<Record<AdviceField, string>> = {
  progress: 'Progress towards the outcomes in the plan',
  working: 'What is working',
  notWorking: 'What is not working',
  changes: 'Changes you recommend to the plan',
};

/** The advice's due date: when the advice must be sent round, 2 weeks before the meeting (the clock's date). */
export function reviewAdviceDue(meetingDate: string): RuleDate {
  return reviewPaperworkDates(meetingDate).adviceCirculated;
}

/** A request's status on asOf: the clock's met, late, open or overdue against its due date. */
export function reviewAdviceStatus(
  due: string,
  received: string | null,
  asOf: string,
): { readonly status: Status; readonly daysLate: number } {
  const d = parseDate(due);
  const r = received ? parseDate(received) : null;
  const a = parseDate(asOf);
  return { status: statusOf(d, r, a), daysLate: daysLateOf(d, r, a) };
}

export type AdviceRequestCheck =
  | { readonly ok: true; readonly agency: ReviewAdviceAgency; readonly question: string }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/** A request needs the kind of advice and a professional; the question to them is optional, at most 2,000. */
export function checkAdviceRequest(input: {
  agency: string | null;
  professionalId: string | null;
  question: string | null;
}): AdviceRequestCheck {
  const errors: FieldError[] = [];
  const agency = REVIEW_ADVICE_AGENCIES.find((a) => a === input.agency);
  if (!agency) errors.push({ field: 'agency', message: 'Select the kind of advice' });
  if (!input.professionalId)
    errors.push({ field: 'professionalId', message: 'Select the professional to ask' });
  const question = (input.question ?? '').trim();
  if (question.length > 2000)
    errors.push({ field: 'question', message: 'What you want to know must be 2,000 characters or fewer' });
  return errors.length || !agency ? { ok: false, errors } : { ok: true, agency, question };
}

export type AdviceAnswerCheck =
  | { readonly ok: true; readonly answers: AdviceAnswers }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/** The professional's advice: progress and recommended changes required (write "none" for none), each at most 5,000. */
export function checkAdviceAnswer(input: Partial<Record<AdviceField, string | null>>): AdviceAnswerCheck {
  const errors: FieldError[] = [];
  const answers = {} as Record<AdviceField, string>;
  for (const field of ADVICE_FIELDS) {
    const v = (input[field] ?? '').trim();
    if (v.length > VIEW_ANSWER_MAX)
      errors.push({ field, message: `${ADVICE_FIELD_LABELS[field]} must be 5,000 characters or fewer` });
    answers[field] = v;
  }
  if (!answers.progress)
    errors.push({ field: 'progress', message: 'Describe the progress towards the outcomes' });
  if (!answers.changes)
    errors.push({ field: 'changes', message: 'Say what changes you recommend, or write “none”' });
  return errors.length ? { ok: false, errors } : { ok: true, answers };
}
