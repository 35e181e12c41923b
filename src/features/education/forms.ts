/**
 * The education forms' parsing: GOV.UK date inputs through the platform's readDateInput, numbers, and every rule of
 * src/domain/education that does not depend on today (the service checks those against today). Each returns every
 * problem at once, in the form's field order.
 */
import { lowerFirst } from '../../platform/text.ts';
import { readDateInput, type FormErrors, type Parsed, fieldErrors } from '../../platform/web/forms.ts';
import {
  EPISODE_KINDS,
  episodeProblems,
  TERMS,
  type EpisodeInput,
  type EpisodeKind,
  type Term,
} from '../../domain/education/index.ts';

export const EPISODE_FIELDS = ['start', 'days', 'hoursAWeek', 'reason', 'reviewDate', 'end'] as const;

/** What each kind asks for, and in what words. */
export const START_LABELS: Record<EpisodeKind, string> = {
  suspension: 'First day of the suspension',
  'permanent-exclusion': 'Date of the permanent exclusion',
  'part-time-timetable': 'Start of the part-time timetable',
  'missing-education': 'Date referred as missing education',
  'home-education': 'Start of elective home education',
};

export const END_LABELS: Record<EpisodeKind, string> = {
  suspension: '',
  'permanent-exclusion': 'Date full-time education started again (if it has)',
  'part-time-timetable': 'Date the timetable ended (if it has)',
  'missing-education': 'Date the referral was closed (if it has been)',
  'home-education': 'Date home education ended (if it has)',
};

export function isEpisodeKind(value: string | undefined): value is EpisodeKind {
  return (EPISODE_KINDS as readonly string[]).includes(value ?? '');
}

function errorsFrom(
  problems: Array<{ field: string; message: string }>,
  order: readonly string[],
): FormErrors {
  return fieldErrors(problems, { order });
}

function number(value: string | undefined): number | null | 'bad' {
  const v = (value ?? '').trim();
  if (!v) return null;
  if (!/^\d{1,3}(\.\d)?$/.test(v)) return 'bad';
  return Number(v);
}

/** An episode's form (new or edit) for one kind; `formToken` rides along for the one-use check. */
export function parseEpisode(
  kind: EpisodeKind,
  values: Record<string, string>,
): Parsed<EpisodeInput & { formToken: string | undefined }> {
  const problems: Array<{ field: string; message: string }> = [];
  const start = readDateInput(values, 'start', START_LABELS[kind]);
  if (start.error) problems.push({ field: 'start', message: start.error });
  else if (!start.value)
    problems.push({ field: 'start', message: `Enter the ${lowerFirst(START_LABELS[kind])}` });
  const end = kind === 'suspension' ? {} : readDateInput(values, 'end', 'The end date');
  if (end.error) problems.push({ field: 'end', message: end.error });
  const reviewDate =
    kind === 'part-time-timetable'
      ? readDateInput(values, 'reviewDate', 'The agreed end or review date')
      : {};
  if (reviewDate.error) problems.push({ field: 'reviewDate', message: reviewDate.error });
  const days = kind === 'suspension' ? number(values.days) : null;
  if (days === 'bad')
    problems.push({ field: 'days', message: 'Enter the number of school days as a whole number, like 3' });
  const hours = kind === 'part-time-timetable' ? number(values.hoursAWeek) : null;
  if (hours === 'bad')
    problems.push({ field: 'hoursAWeek', message: 'Enter the hours a week as a number, like 15 or 12.5' });
  const reason = (values.reason ?? '').trim();
  if (reason.length > 500)
    problems.push({ field: 'reason', message: 'The reason must be 500 characters or fewer' });
  const input: EpisodeInput = {
    kind,
    start: start.value ?? '',
    end: end.value ?? null,
    days: days === 'bad' ? null : days,
    hoursAWeek: hours === 'bad' ? null : hours,
    reason: kind === 'part-time-timetable' || kind === 'missing-education' ? reason || null : null,
    reviewDate: reviewDate.value ?? null,
  };
  // every rule that does not depend on today (no date is after this one); without a start, those not about it
  const checked = start.value ? input : { ...input, start: '0000-01-01' };
  for (const p of episodeProblems(checked, '9999-12-31')) {
    const badInput =
      (p.field === 'days' && days === 'bad') ||
      (p.field === 'hoursAWeek' && hours === 'bad') ||
      (p.field === 'reviewDate' && (reviewDate.error || (!start.value && input.reviewDate)));
    if (!badInput && !(p.field === 'end' && !start.value)) problems.push(p);
  }
  if (problems.length) return { ok: false, errors: errorsFrom(problems, EPISODE_FIELDS) };
  return { ok: true, data: { ...input, formToken: values.formToken } };
}

/** The close form: the day the episode ended. */
export function parseClose(values: Record<string, string>): Parsed<{ end: string }> {
  const end = readDateInput(values, 'end', 'The end date');
  if (end.error || !end.value)
    return {
      ok: false,
      errors: errorsFrom([{ field: 'end', message: end.error ?? 'Enter the date it ended' }], ['end']),
    };
  return { ok: true, data: { end: end.value } };
}

export const ATTENDANCE_FIELDS = ['schoolYear', 'term', 'percent'] as const;

/** A term's attendance: the school year (by the year it began), the term and the percentage. */
export function parseAttendance(
  values: Record<string, string>,
): Parsed<{ schoolYear: number; term: Term; percent: number }> {
  const problems: Array<{ field: string; message: string }> = [];
  const year = (values.schoolYear ?? '').trim();
  if (!/^\d{4}$/.test(year) || Number(year) < 2000)
    problems.push({ field: 'schoolYear', message: 'Enter the year the school year began, like 2025' });
  const term = values.term ?? '';
  if (!(TERMS as readonly string[]).includes(term))
    problems.push({ field: 'term', message: 'Select the term' });
  const raw = (values.percent ?? '').trim().replace(/%$/, '');
  const percent = /^\d{1,3}(\.\d)?$/.test(raw) ? Number(raw) : NaN;
  if (!(percent >= 0 && percent <= 100))
    problems.push({ field: 'percent', message: 'Enter attendance as a percentage from 0 to 100, like 87.5' });
  if (problems.length) return { ok: false, errors: errorsFrom(problems, ATTENDANCE_FIELDS) };
  return { ok: true, data: { schoolYear: Number(year), term: term as Term, percent } };
}
