/**
 * Naming the placement (statutory-work.md S3; journey-corrections.md J7): the family's preference, the consultation
 * of each requested school (and of its maintaining authority where that is another authority), the school's answer,
 * and the rules a final plan must meet before it names a setting. Pure: the feature passes the facts in.
 */
import { consultationResponseDue, type RuleDate } from '../clock/rules/index.ts';
import { longDate } from '../calendar.ts';

/** What the family asked for: a setting on the register, a type of setting, or otherwise than in a school. */
export const PREFERENCE_KINDS = ['setting', 'type', 'otherwise'] as const;
export type PreferenceKind = (typeof PREFERENCE_KINDS)[number];

export const PREFERENCE_KIND_LABELS: Record<PreferenceKind, string> = {
  setting: 'A school, college or nursery',
  type: 'A type of school or setting',
  otherwise: 'Education otherwise than in a school',
};

/** The types of setting a family may ask for when they do not name one (s38(3) kinds, in plain words). */
export const SETTING_TYPES = [
  'Mainstream school',
  'Mainstream school with a specialist resource base',
  'Special school',
  'Independent special school',
  'Further education college',
  'Nursery or early years setting',
] as const;

/**
 * The grounds on which a requested school need not be named (Children and Families Act 2014, s39(4)); a school
 * consulted may answer with one of them, and the council must record one to refuse the family's preference.
 */
export const S39_GROUNDS = ['unsuitable', 'others-education', 'resources'] as const;
export type S39Ground = (typeof S39_GROUNDS)[number];

export const S39_GROUND_LABELS: Record<S39Ground, string> = {
  unsuitable: "The school is unsuitable for the child's age, ability, aptitude or special educational needs",
  'others-education': 'Attending the school would be incompatible with the efficient education of others',
  resources: 'Attending the school would be incompatible with the efficient use of resources',
};

export const S39_SOURCE = 'Children and Families Act 2014, s39(4)';

/** A school's answer to a consultation. */
export const ANSWERS = ['can-meet', 'cannot-meet'] as const;
export type Answer = (typeof ANSWERS)[number];

/** Who is consulted: the school itself (its governing body, proprietor or principal), or the authority maintaining it. */
export const CONSULTEES = ['setting', 'maintaining-authority'] as const;
export type Consultee = (typeof CONSULTEES)[number];

export interface ConsultationFacts {
  readonly consultee: Consultee;
  readonly sent: string;
  readonly answered: string | null;
}

export type ConsultationStatus = 'answered' | 'waiting' | 'late';

export interface ConsultationState {
  readonly due: RuleDate;
  readonly status: ConsultationStatus;
  /** Days past the 15 days without an answer (0 unless late). */
  readonly daysLate: number;
}

const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * Where a consultation stands on `asOf`: answered, waiting (within the 15 days), or late (past them with no answer).
 * "Late" is against guidance (CoP 9.83), never a legal deadline: the council must still decide on time.
 */
export function consultationState(facts: ConsultationFacts, asOf: string): ConsultationState {
  const due = consultationResponseDue(facts.sent);
  if (facts.answered) return { due, status: 'answered', daysLate: 0 };
  const late = days(due.date, asOf);
  return late > 0 ? { due, status: 'late', daysLate: late } : { due, status: 'waiting', daysLate: 0 };
}

/** The family's preference, as the guard sees it. */
export interface PreferenceFacts {
  readonly kind: PreferenceKind;
  readonly settingId: string | null;
  readonly settingName: string | null;
  readonly settingType: string | null;
  /** The s39(4) ground the council recorded for not naming this preference, with its reasons. */
  readonly refusal: { readonly ground: S39Ground; readonly reasons: string } | null;
}

/** What the final plan names in section I. */
export type NamedPlacement =
  | { readonly kind: 'setting'; readonly settingId: string; readonly settingName: string }
  | { readonly kind: 'type'; readonly settingType: string }
  | { readonly kind: 'otherwise' };

/** A setting consulted on this case (the school itself, not its maintaining authority). */
export interface ConsultedSetting {
  readonly settingId: string;
  readonly sent: string;
}

/** Whether a preference is met by what section I names. */
export function preferenceMet(preference: PreferenceFacts, named: NamedPlacement): boolean {
  if (preference.kind === 'setting')
    return named.kind === 'setting' && named.settingId === preference.settingId;
  if (preference.kind === 'type')
    return named.kind === 'type' ? named.settingType === preference.settingType : named.kind === 'setting';
  return named.kind === 'otherwise';
}

export function preferenceText(p: Pick<PreferenceFacts, 'kind' | 'settingName' | 'settingType'>): string {
  if (p.kind === 'setting') return p.settingName ?? 'a school';
  if (p.kind === 'type') return `a ${(p.settingType ?? 'type of setting').toLowerCase()}`;
  return 'education otherwise than in a school';
}

export interface PlacementProblem {
  readonly rule: 'not-consulted' | 'preference-refused-without-ground';
  readonly message: string;
}

/**
 * The rules a final (or amended) plan must meet for section I (S3): it may name a setting only if that setting was
 * consulted on this case; and every preference of the family it does not meet must have a recorded s39(4) ground
 * with reasons. Returns every problem, in that order; an empty list means the plan may be issued.
 */
export function placementProblems(
  named: NamedPlacement,
  preferences: readonly PreferenceFacts[],
  consulted: readonly ConsultedSetting[],
): PlacementProblem[] {
  const problems: PlacementProblem[] = [];
  if (named.kind === 'setting' && !consulted.some((c) => c.settingId === named.settingId)) {
    problems.push({
      rule: 'not-consulted',
      message: `${named.settingName} has not been consulted. Send it the draft plan and the advice (Placement and consultation) before naming it in the final plan`,
    });
  }
  for (const p of preferences) {
    if (preferenceMet(p, named) || p.refusal) continue;
    problems.push({
      rule: 'preference-refused-without-ground',
      message: `The family asked for ${preferenceText(p)}. Name it, or record the legal ground (section 39(4)) and your reasons for not naming it, before issuing the final plan`,
    });
  }
  return problems;
}

/** One sentence for the family about a consultation's answer (the outcome, not the school's internal detail). */
export function answerSentence(
  settingName: string,
  answer: { answer: Answer; answered: string } | null,
  due: RuleDate,
): string {
  if (!answer) return `We asked ${settingName} on your behalf; they should answer by ${longDate(due.date)}.`;
  return answer.answer === 'can-meet'
    ? `${settingName} answered on ${longDate(answer.answered)}: they can meet your child's needs.`
    : `${settingName} answered on ${longDate(answer.answered)}: they said they cannot meet your child's needs. The council will decide and tell you why.`;
}
