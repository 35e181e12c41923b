/**
 * The rules for reading one cell of an improvement plan spreadsheet: dates, statuses, references, owners and
 * evidence of impact. Pure functions; docs/improvement.md explains each choice.
 */
import { daysInMonth } from '../calendar.ts';
import type { EvidenceType, Status } from './types.ts';

// ---------------------------------------------------------------------------------------------------------------
// Dates

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const MONTH_WORD =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

/** "Mar 22", "Sept 2022", "March '22", "Sep-22", "1 March 2022", "1st Mar 22". Group 1 is an optional day. */
const MONTH_YEAR = new RegExp(
  `(?:\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+)?\\b(${MONTH_WORD})\\.?[\\s\\-/,]*'?(\\d{4}|\\d{2})\\b`,
  'gi',
);
/** An exact ISO date: 2022-03-15. */
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
/** An exact UK date: 15/03/2022. */
const UK_DATE = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g;
/** A month word on its own, which without a year is unreadable. "May" is left out: it is also an ordinary word. */
const LONE_MONTH = new RegExp(`\\b(?:${MONTH_WORD.replace('|may|', '|')})\\b`, 'i');
/** A number of two or more digits: a possible year or day. */
const LONG_NUMBER = /\d{2,}/;
/** The words that mark an action ongoing. */
const ONGOING = /\b(?:on[\s-]?going|onwards?|under[\s-]?way)\b/i;

/** How a start or end cell reads. */
export type DateCell =
  | { kind: 'date'; date: string; ongoing: boolean }
  | { kind: 'undated'; ongoing: boolean; note: string | null }
  | { kind: 'unreadable'; ongoing: boolean; message: string };

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The first day of a month ('start') or its last day ('end'), leap years included. */
export function monthDate(year: number, month: number, edge: 'start' | 'end'): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(edge === 'start' ? 1 : daysInMonth(year, month))}`;
}

function fullYear(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

/**
 * Reads a start or end cell. A month and year gives the month's first day (start) or last day (end); an exact date
 * (2022-03-15, 15/03/2022, 15 March 2022) is kept as it is. The words on-going, ongoing, onward(s) and underway mark
 * the action ongoing, with or without a date. A cell with no date is `undated` unless it holds something that looks
 * like a date and cannot be read: a month name without a year, or a number of two or more digits ("Smarch 22",
 * "Q3 2022", "31/02/2022"), which is `unreadable`.
 */
export function parseDateCell(raw: string, edge: 'start' | 'end'): DateCell {
  const text = raw.trim();
  const ongoing = ONGOING.test(text);
  if (text === '') return { kind: 'undated', ongoing: false, note: null };

  const found: string[] = [];
  let invalid = false;
  let rest = text;
  rest = rest.trim().replace(ISO_DATE, (_m, y: string, m: string, d: string) => {
    const date = isoDate(Number(y), Number(m), Number(d));
    if (date) found.push(date);
    else invalid = true;
    return ' ';
  });
  rest = rest.replace(UK_DATE, (_m, d: string, m: string, y: string) => {
    const date = isoDate(Number(y), Number(m), Number(d));
    if (date) found.push(date);
    else invalid = true;
    return ' ';
  });
  rest.replace(MONTH_YEAR, (_m, day: string | undefined, word: string, y: string, offset: number) => {
    const month = MONTHS[word.toLowerCase()] ?? 0;
    const year = fullYear(y);
    // A day counts only at the very start of the cell ("15 March 2022"), so "Phase 2 Mar 22" is a month.
    const date =
      day !== undefined && offset === 0
        ? isoDate(year, month, Number(day))
        : year >= 1900 && year <= 2099
          ? monthDate(year, month, edge)
          : null;
    if (date) found.push(date);
    else invalid = true;
    return ' ';
  });

  const unreadable = (message: string): DateCell => ({ kind: 'unreadable', ongoing, message });
  if (invalid) return unreadable(`"${text}" is not a real date`);
  if (found.length > 1) return unreadable(`"${text}" holds more than one date`);
  const [date] = found;
  if (date !== undefined) return { kind: 'date', date, ongoing };
  if (LONE_MONTH.test(text) || LONG_NUMBER.test(text)) {
    return unreadable(`"${text}" is not a month and year such as "Mar 22" or "Sept 2022"`);
  }
  return { kind: 'undated', ongoing, note: text };
}

/**
 * An action's end as one phrase: its date (formatted by the caller) or the words of its cell, with ", ongoing" when
 * the action carries on, unless those words already say so ("On-going", never "On-going, ongoing").
 */
export function endText(
  action: { end: string | null; endNote: string | null; ongoing: boolean },
  formatDate: (date: string) => string,
): string {
  if (!action.end && !action.endNote) return action.ongoing ? 'Ongoing' : 'No end date';
  const base = action.end ? formatDate(action.end) : action.endNote!;
  return action.ongoing && !ONGOING.test(base) ? `${base}, ongoing` : base;
}

// ---------------------------------------------------------------------------------------------------------------
// Status

const STATUS_WORDS = new Map<string, Status>([
  ['complete', 'complete'],
  ['completed', 'complete'],
  ['blue', 'complete'],
  ['on track', 'on-track'],
  ['on track running to plan', 'on-track'],
  ['green', 'on-track'],
  ['significant risk', 'significant-risk'],
  ['significant risk plan in place', 'significant-risk'],
  ['significant risk plan is in place', 'significant-risk'],
  ['amber', 'significant-risk'],
  ['high risk', 'high-risk'],
  ['high risk escalation required', 'high-risk'],
  ['red', 'high-risk'],
  ['not started', 'not-started'],
  ['', 'not-started'],
]);

/**
 * Reads a status cell: case, punctuation and spacing are ignored ("Significant risk - plan in place",
 * "HIGH RISK, escalation required."). Returns null for any other wording.
 */
export function parseStatus(raw: string): Status | null {
  const words = raw
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
  return STATUS_WORDS.get(words) ?? null;
}

/** Other words plans use for a status that leave no doubt which one is meant. */
const STATUS_SYNONYMS = new Map<string, Status>([
  ['done', 'complete'],
  ['finished', 'complete'],
  ['achieved', 'complete'],
  ['closed', 'complete'],
  ['delivered', 'complete'],
  ['on target', 'on-track'],
  ['on schedule', 'on-track'],
  ['running to plan', 'on-track'],
  ['at risk', 'significant-risk'],
  ['escalated', 'high-risk'],
  ['escalation required', 'high-risk'],
  ['not yet started', 'not-started'],
  ['not begun', 'not-started'],
  ['not due', 'not-started'],
  ['not yet due', 'not-started'],
]);

/** How a status cell reads: one of the plan's words; another word, or ours followed by more; or not a status. */
export type StatusReading =
  | { kind: 'exact'; status: Status }
  | { kind: 'read-as'; status: Status }
  | { kind: 'unknown'; status: 'not-started' };

/**
 * Reads a status cell as a person would. The plan's own words (`parseStatus`) are exact. Other unambiguous words
 * ("Done", "On target", "At risk") and a status followed by more words ("Complete - see board minutes", "Amber:
 * recruitment delayed") are read as that status. Anything else ("Purple", "Red/Amber", "In progress") is unknown:
 * the caller imports it as not started, as a blank status is, and notes what was written.
 */
export function readStatus(raw: string): StatusReading {
  const exact = parseStatus(raw);
  if (exact !== null) return { kind: 'exact', status: exact };
  const words = raw
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
  const synonym = STATUS_SYNONYMS.get(words);
  if (synonym !== undefined) return { kind: 'read-as', status: synonym };
  // The longest status phrase the cell starts with, as whole words; a second status word makes it ambiguous.
  const phrases = [...STATUS_WORDS.keys(), ...STATUS_SYNONYMS.keys()]
    .filter((p) => p !== '' && (words === p || words.startsWith(`${p} `)))
    .sort((a, b) => b.length - a.length);
  const phrase = phrases[0];
  if (phrase !== undefined) {
    const status = STATUS_WORDS.get(phrase) ?? STATUS_SYNONYMS.get(phrase);
    const rest = words.slice(phrase.length).trim();
    const other = [...STATUS_WORDS.entries(), ...STATUS_SYNONYMS.entries()].some(
      ([p, s]) => p !== '' && s !== status && new RegExp(`\\b${p}\\b`).test(rest),
    );
    if (status !== undefined && !other) return { kind: 'read-as', status };
  }
  return { kind: 'unknown', status: 'not-started' };
}

/** The words export writes for each status; each reads back as the same status. */
export const STATUS_LABELS: Record<Status, string> = {
  complete: 'Complete',
  'on-track': 'On track',
  'significant-risk': 'Significant risk - plan in place',
  'high-risk': 'High risk - escalation required',
  'not-started': 'Not started',
};

// ---------------------------------------------------------------------------------------------------------------
// References

const STANDARD_REF = /^0*(\d+)\s*[.\-]?\s*([a-z]{1,2})$/i;

/**
 * Normalises a reference to number, space, capital letter(s): "9A", "9 a", "09-a" become "9 A". A reference of any
 * other shape ("PAP 1.3") is kept as written, with its spacing tidied. Returns null for a blank cell.
 */
export function normaliseRef(raw: string): string | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  const m = STANDARD_REF.exec(text);
  if (m) return `${Number(m[1])} ${(m[2] ?? '').toUpperCase()}`;
  return text;
}

/** The number a standard reference starts with ("9" for "9 A"), or null. */
export function refNumber(ref: string): string | null {
  const m = /^(\d+) [A-Z]{1,2}$/.exec(ref);
  return m?.[1] ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Owners

/**
 * Splits an owner cell into accountable officers on "/", "&", ";" and line breaks. It does not split on "and" or on
 * commas, which appear inside job titles ("Head of SEND and Inclusion", "Director of Education, Skills and Learning").
 * Names are trimmed, blanks dropped and repeats removed.
 */
export function splitOwners(raw: string): string[] {
  const owners: string[] = [];
  for (const part of raw.split(/[/&;\r\n]+/)) {
    const name = part.trim().replace(/\s+/g, ' ');
    if (name !== '' && !owners.includes(name)) owners.push(name);
  }
  return owners;
}

/** The separator export puts between officers. */
export const OWNER_SEPARATOR = ' / ';

// ---------------------------------------------------------------------------------------------------------------
// Evidence of impact

const EVIDENCE_KEYWORDS: readonly [EvidenceType, RegExp][] = [
  ['PI', /\b(?:k?pis?|performance indicators?)\b/i],
  ['Audit', /\baudit(?:s|ed|ing)?\b/i],
  ['Voice', /\bvoices?\b/i],
  ['Review', /\breview(?:s|ed)?\b/i],
  ['Minutes', /\bminute[sd]\b/i],
];

/**
 * The types of evidence an evidence-of-impact text names, in the fixed order PI, Audit, Voice, Review, Minutes:
 * "PI", "PIs", "KPI" or "performance indicator"; "audit"; "voice"; "review"; "minutes" or "minuted".
 */
export function evidenceTypes(text: string): EvidenceType[] {
  return EVIDENCE_KEYWORDS.filter(([, pattern]) => pattern.test(text)).map(([type]) => type);
}
