/**
 * What a family states and is told about a phase transfer (S2; issue 13 items 1 and 4): the check of a preference
 * stated online or recorded from the review, the check of where a child goes when that changes the law's date, and
 * what will happen and by when, in plain words, from the child's dates. Pure.
 */
import { longDate } from '../calendar.ts';
import type { Destination } from '../school-year.ts';
import type { TransferDates } from './cohort.ts';

/** The select's value for a school, college or setting not in the list. */
export const OTHER_SETTING = 'other';
export const SETTING_TEXT_MAX = 200;
export const REASONS_MAX = 2000;

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: FieldProblem[] };

export interface PreferenceValue {
  readonly settingId: string | null;
  readonly settingText: string | null;
  readonly reasons: string | null;
}

/**
 * A preference as typed: a setting from `choices` (the settings that teach the child's next year group), or
 * `OTHER_SETTING` with its name in words; reasons optional. Every problem at once, each against its field.
 */
export function checkPreference(
  input: { readonly settingId?: string; readonly settingText?: string; readonly reasons?: string },
  choices: readonly string[],
): Checked<PreferenceValue> {
  const errors: FieldProblem[] = [];
  const id = (input.settingId ?? '').trim();
  const text = (input.settingText ?? '').trim();
  const reasons = (input.reasons ?? '').trim();
  if (!id) errors.push({ field: 'settingId', message: 'Choose the school, college or setting you want' });
  else if (id === OTHER_SETTING) {
    if (!text)
      errors.push({ field: 'settingText', message: 'Enter the name of the school, college or setting' });
    else if (text.length > SETTING_TEXT_MAX)
      errors.push({
        field: 'settingText',
        message: `The name must be ${SETTING_TEXT_MAX} characters or fewer`,
      });
  } else if (!choices.includes(id))
    errors.push({ field: 'settingId', message: 'Choose a school, college or setting from the list' });
  if (reasons.length > REASONS_MAX)
    errors.push({ field: 'reasons', message: 'Your reasons must be 2,000 characters or fewer' });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      settingId: id === OTHER_SETTING ? null : id,
      settingText: id === OTHER_SETTING ? text : null,
      reasons: reasons || null,
    },
  };
}

export const DESTINATIONS: readonly Destination[] = ['school', 'post-16-institution', 'school-sixth-form'];

export const DESTINATION_LABELS: Readonly<Record<Destination, string>> = {
  school: 'A school (not a sixth form)',
  'post-16-institution': 'A college or other post-16 institution',
  'school-sixth-form': 'Another school’s sixth form (not a statutory phase transfer: local deadline)',
};

export interface DestinationValue {
  readonly destination: Destination;
  readonly moveDate: string | null;
}

/**
 * Where the child goes next, as recorded by the council: a move date only for a move to a post-16 institution
 * (reg 18(2): a move between post-16 institutions at another time), and not in the past. `moveDate` is the date
 * field as read: an ISO day, null when left empty, or 'invalid'.
 */
export function checkDestination(
  input: { readonly destination?: string; readonly moveDate: string | null },
  today: string,
): Checked<DestinationValue> {
  const errors: FieldProblem[] = [];
  const destination = DESTINATIONS.find((d) => d === input.destination);
  if (!destination) errors.push({ field: 'destination', message: 'Choose where the child goes next' });
  if (input.moveDate === 'invalid')
    errors.push({ field: 'moveDate', message: 'The move date must be a real date, for example 4 1 2027' });
  else if (input.moveDate !== null) {
    if (destination && destination !== 'post-16-institution')
      errors.push({
        field: 'moveDate',
        message: 'Leave the move date empty: a date is recorded only for a move to a post-16 institution',
      });
    else if (input.moveDate < today)
      errors.push({ field: 'moveDate', message: 'The move date must be today or in the future' });
  }
  if (errors.length || !destination) return { ok: false, errors };
  return { ok: true, value: { destination, moveDate: input.moveDate } };
}

export interface FamilyStep {
  readonly by: string;
  readonly text: string;
  /** The law's date (true), or a date the council plans to, to make the law's date. */
  readonly legal: boolean;
}

/**
 * What will happen and by when, for the family (S2 "Family must be told at cohort start"): the review, the latest
 * day to say which school or college they want, the settings consulted, the proposed changes and their 15 days, and
 * the law's deadline for the amended plan naming the new setting.
 */
export function familySteps(dates: TransferDates): FamilyStep[] {
  return [
    {
      by: dates.latestReview.date,
      text: 'We hold your child’s review meeting, to plan the move to their next school or college.',
      legal: false,
    },
    {
      by: dates.latestPreference.date,
      text: 'Tell us which school, college or other setting you want. You can tell us online.',
      legal: false,
    },
    {
      by: dates.consultationResponsesBy.date,
      text: 'We ask each school or college you choose whether it can meet your child’s needs. They have 15 days to answer.',
      legal: false,
    },
    {
      by: dates.latestProposal.date,
      text: 'We send you the changes we propose to the plan. You have 15 days to comment and to ask for a meeting.',
      legal: false,
    },
    {
      by: dates.deadline.date,
      text: 'We send you the amended plan, naming the school or college. This is the legal deadline.',
      legal: true,
    },
  ];
}

/** One sentence for a letter or email: the deadline and the latest day for the preference, in long dates. */
export function familyStartSentence(dates: TransferDates): string {
  return `We will review the plan and amend it to name the next school or college by ${longDate(dates.deadline.date)} (the legal deadline). Please tell us which school or college you want by ${longDate(dates.latestPreference.date)}.`;
}
