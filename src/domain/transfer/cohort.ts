/**
 * S2 (statutory-work.md): who is in this school year's phase-transfer cohort, and the dates each child's plan must
 * meet. The cohort rule and the legal deadline are the clock's (`phaseTransferFor`, src/domain/school-year.ts); this
 * module adds the planning dates that follow from the deadline, counted back through the review and consultation
 * time limits, so a caseworker can see what must happen by when for the plan to name the new setting in time.
 */
import { parseDate } from '../clock/dates.ts';
import { ruleDate, type RuleDate } from '../clock/rules/rule-date.ts';
import {
  phaseTransferFor,
  schoolYearStartOf,
  type Destination,
  type SettingKind,
  type SettingYears,
} from '../school-year.ts';
import type { PhaseTransferKind } from '../clock/types.ts';

/** A setting as the core records hold it: its kind ('college' is a post-16 institution) and its year groups. */
export interface TransferSetting extends SettingYears {
  readonly kind: 'early-years' | 'school' | 'college' | 'other';
}

export interface CohortInput {
  readonly dateOfBirth: string;
  /** Today: the school year containing it is the cohort's year. */
  readonly on: string;
  /** The setting the child attends now; null when not known. */
  readonly setting: TransferSetting | null;
  /** Where the child goes next, when recorded (another school's sixth form is not a statutory phase transfer). */
  readonly destination?: Destination | null;
  /** The date of a move between post-16 institutions (reg 18(2)), or a reg 18(1) move date other than 1 September. */
  readonly moveDate?: string | null;
}

/** The dates a phase transfer must meet: the legal deadline, then the planning dates counted back from it. */
export interface TransferDates {
  /** The last day to issue the amended plan naming the new setting (reg 18). */
  readonly deadline: RuleDate;
  /** The last day to send the proposed amendments, so the family's 15 days for comments end before the deadline. */
  readonly latestProposal: RuleDate;
  /** The last day to have the family's preference, so the settings consulted can answer by the latest proposal. */
  readonly latestPreference: RuleDate;
  /** The last day to hold the transfer review, so the decision and proposal (4 weeks) go out by the latest proposal. */
  readonly latestReview: RuleDate;
  /** The first day a review counts as the transfer review: within the 12 months before the move (reg 18). */
  readonly reviewFrom: RuleDate;
  /** The settings consulted should answer by this day (guidance: 15 days). */
  readonly consultationResponsesBy: RuleDate;
}

export type CohortEntry =
  | {
      readonly inCohort: true;
      readonly kind: PhaseTransferKind;
      readonly yearGroup: number;
      readonly moveYear: number;
      readonly label: string;
      readonly dates: TransferDates;
    }
  | {
      readonly inCohort: false;
      readonly kind: null;
      readonly yearGroup: number | null;
      readonly moveYear: number | null;
      /** The child leaves the setting this year but no statutory deadline applies (another school's sixth form). */
      readonly movesWithoutStatutoryDate: boolean;
      readonly label: string;
    };

const SETTING_KINDS: Readonly<Record<TransferSetting['kind'], SettingKind | null>> = {
  'early-years': 'early-years',
  school: 'school',
  college: 'post-16-institution',
  other: null,
};

/** The proposal's and review's planning days before the legal deadline. */
export const COMMENT_DAYS = 15;
export const CONSULTATION_DAYS = 15;
export const DECISION_DAYS = 28;

/**
 * Whether the child is in this school year's cohort and, if so, the deadline and planning dates. A child whose
 * setting is unknown, or of a kind the core records call 'other', is not placed in a cohort (null setting or kind
 * says why in `label`); an age range that does not hold the child's year group is treated the same way.
 */
export function cohortEntry(input: CohortInput): CohortEntry {
  const outside = (label: string, yearGroup: number | null = null, moves = false): CohortEntry => ({
    inCohort: false,
    kind: null,
    yearGroup,
    moveYear: null,
    movesWithoutStatutoryDate: moves,
    label,
  });
  const setting = input.setting;
  if (!setting) return outside('No current setting recorded');
  const kind = SETTING_KINDS[setting.kind];
  if (!kind) return outside('The current setting is not a school, college or early years setting');
  let pt;
  try {
    pt = phaseTransferFor({
      dateOfBirth: input.dateOfBirth,
      on: input.on,
      setting: { firstYear: setting.firstYear, lastYear: setting.lastYear, kind },
      destination: input.destination ?? null,
      moveDate: input.moveDate ?? null,
    });
  } catch {
    return outside('The child’s year group is outside the setting’s age range');
  }
  if (!pt.inCohort || !pt.kind || !pt.deadline || !pt.latestProposal || !pt.reviewFrom) {
    return {
      inCohort: false,
      kind: null,
      yearGroup: pt.yearGroup,
      moveYear: pt.transfers ? pt.moveYear : null,
      movesWithoutStatutoryDate: pt.transfers && kind !== 'post-16-institution',
      label: pt.label,
    };
  }
  return {
    inCohort: true,
    kind: pt.kind,
    yearGroup: pt.yearGroup,
    moveYear: pt.moveYear,
    label: pt.label,
    dates: planningDates(pt.deadline, pt.reviewFrom),
  };
}

/** The planning dates counted back from a legal deadline (and the start of the review window). */
export function planningDates(deadline: RuleDate, reviewFrom: RuleDate): TransferDates {
  const d = parseDate(deadline.date);
  const proposal = d - COMMENT_DAYS;
  const preference = proposal - CONSULTATION_DAYS;
  const review = proposal - DECISION_DAYS;
  return {
    deadline,
    latestProposal: ruleDate(
      proposal,
      'Send the proposed amendments by this day, so the family’s 15 days for comments end before the deadline',
      'SEND Regulations 2014, reg 22(2)(c) with reg 18',
    ),
    latestPreference: ruleDate(
      preference,
      'Have the family’s preference by this day, so the schools or colleges consulted have their 15 days to answer before the proposed amendments go out',
      'Children and Families Act 2014, s38-39; SEND Code of Practice 9.83 [S] (planning date, not a legal time limit)',
      { statutory: false },
    ),
    latestReview: ruleDate(
      review,
      'Hold the transfer review by this day, so the decision and proposed amendments (within 4 weeks of the meeting) go out by the latest proposal date',
      'SEND Regulations 2014, reg 18 and 20 [S] (planning date, not a legal time limit)',
      { statutory: false },
    ),
    reviewFrom,
    consultationResponsesBy: ruleDate(
      proposal,
      'Ask the schools or colleges consulted to answer by the day the proposed amendments go out, so their answers can be considered',
      'Children and Families Act 2014, s39 [S]; SEND Code of Practice 9.83 [S]',
      { statutory: false },
    ),
  };
}

/** The cohort's school year as words: '2025 to 2026'. */
export function cohortYearLabel(on: string): string {
  const s = schoolYearStartOf(parseDate(on));
  return `${s} to ${s + 1}`;
}
