/**
 * Who else is involved in a case, and how the family wants to be contacted (journeys.md: "one case page with
 * everything ... the family's contact preferences"; issue 18: the "who else is involved" answer was lost on the way to
 * the caseworker). Read from the family's own answer, the child's family and settings on record, and the advice asked.
 */
import type { Executor } from '../../platform/audit/audit.ts';
import { familyOf, settingsOf } from '../../platform/people/children.ts';
import { INVOLVED_OPTIONS, type RequestAnswers } from '../../domain/assessment/journey.ts';
import { longDate } from '../../domain/calendar.ts';

export const CONTACT_PREFERENCE_LABELS: Record<string, string> = {
  email: 'Email',
  phone: 'Phone call',
  text: 'Text message',
  letter: 'Letter',
};

/** Who asked for the assessment, in words (the record form's own choices): never the stored code ("young-person"). */
const REQUESTER_WORDS: Record<string, string> = {
  parent: 'a parent or carer',
  'young-person': 'the young person',
  school: 'the school, college or nursery',
  other: 'someone else',
};

/** "a parent or carer, Sam Smith" (or "A parent..." to start a line): who asked and, when given, their name. */
export function askedBy(requestedBy: string, name: string | null, options: { start?: boolean } = {}): string {
  const words = REQUESTER_WORDS[requestedBy] ?? requestedBy;
  const who = options.start ? words.charAt(0).toUpperCase() + words.slice(1) : words;
  return [who, name].filter(Boolean).join(', ');
}

const ATTENDANCE_LABELS: Record<string, string> = {
  'full-time': 'full time',
  'part-time': 'part time',
  'dual-registered': 'registered at two schools',
};

type FamilyRow = Awaited<ReturnType<typeof familyOf>>[number];
type SettingRow = Awaited<ReturnType<typeof settingsOf>>[number];

export interface CaseContacts {
  /** The family's own answer when they asked online; null when the request came another way and nobody asked. */
  familySaid: { who: string[]; detail: string | null } | null;
  settings: string[];
  professionals: string[];
  family: Array<{
    heading: string;
    /** How they want to be contacted, with the address, number or email to use ("Not recorded" when missing). */
    prefers: string;
    language: string;
    otherContacts: string[];
  }>;
}

function preferred(member: FamilyRow): string {
  const how = CONTACT_PREFERENCE_LABELS[member.contact_preference] ?? member.contact_preference;
  const address = [member.address_line, member.town, member.postcode].filter(Boolean).join(', ');
  const where =
    member.contact_preference === 'email'
      ? member.email
      : member.contact_preference === 'letter'
        ? address
        : member.phone;
  return `${how}: ${where || 'not recorded'}`;
}

function otherContacts(member: FamilyRow): string[] {
  const usesPhone = member.contact_preference === 'phone' || member.contact_preference === 'text';
  return [
    member.email && member.contact_preference !== 'email' ? `email ${member.email}` : null,
    member.phone && !usesPhone ? `phone ${member.phone}` : null,
  ].filter((c): c is string => c !== null);
}

/** The family's own "who else is involved" answer in words; null when the request did not ask it. */
export function involvedSaid(answers: RequestAnswers): CaseContacts['familySaid'] {
  return answers.involved
    ? {
        who: answers.involved.includes('none')
          ? ['No one else']
          : INVOLVED_OPTIONS.filter((o) => answers.involved!.includes(o.value)).map((o) => o.text),
        detail: answers.involvedDetail?.trim() || null,
      }
    : null;
}

/**
 * A request joined to the open one (issue 18, finding 9): its own answers, as the staff case page shows them, so the
 * second request's "why now" is read as well as the first's.
 */
export function joinedRequestView(r: {
  id: string;
  request_received: string;
  request_method: string;
  requested_by: string;
  requester_name: string | null;
  requester_display_name: string | null;
  request_answers: unknown;
}) {
  const answers = (r.request_answers ?? {}) as RequestAnswers;
  return {
    id: r.id,
    received: r.request_received,
    how: r.request_method === 'online' ? 'online' : `by ${r.request_method}`,
    who: askedBy(r.requested_by, r.requester_display_name ?? r.requester_name),
    why: answers.why ?? null,
    support: answers.support ?? null,
    involved: involvedSaid(answers),
    consent: answers.consent === 'yes' ? 'Yes' : answers.consent === 'no' ? 'No' : 'Not asked',
  };
}

/** The view model: pure, from the rows read. */
export function caseContactsView(input: {
  answers: RequestAnswers;
  family: readonly FamilyRow[];
  settings: readonly SettingRow[];
  advice: ReadonlyArray<{ label: string; professional_name: string | null }>;
  today: string;
}): CaseContacts {
  const familySaid = involvedSaid(input.answers);
  const settings = input.settings
    .filter((s) => s.start_date <= input.today && (!s.end_date || s.end_date >= input.today))
    .map(
      (s) =>
        `${s.name} (${ATTENDANCE_LABELS[s.attendance] ?? s.attendance}, since ${longDate(s.start_date)})`,
    );
  const professionals = [
    ...new Set(
      input.advice.map((a) => (a.professional_name ? `${a.professional_name}, ${a.label}` : a.label)),
    ),
  ];
  const family = input.family.map((m) => ({
    heading: `${m.given_name} ${m.family_name}, ${m.relationship}${m.parental_responsibility ? ' (parental responsibility)' : ''}`,
    prefers: preferred(m),
    language: `${m.preferred_language || 'English'}${m.needs_interpreter ? ', needs an interpreter' : ''}`,
    otherContacts: otherContacts(m),
  }));
  return { familySaid, settings, professionals, family };
}

/** Reads what the view needs for one case's child. */
export async function caseContacts(
  db: Executor,
  laCode: string,
  record: { child_id: string; request_answers: unknown },
  advice: ReadonlyArray<{ label: string; professional_name: string | null }>,
  today: string,
): Promise<CaseContacts> {
  return caseContactsView({
    answers: record.request_answers ?? {},
    family: await familyOf(db, laCode, record.child_id),
    settings: await settingsOf(db, laCode, record.child_id),
    advice,
    today,
  });
}
