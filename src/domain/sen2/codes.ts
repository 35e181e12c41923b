/**
 * The SEN2 code lists in one mapping module (shared/domain/reporting.md, statutory-work.md S6). Lists marked
 * ASSUMPTION were not found in public sources: they are placeholders until the Department's technical
 * specification for the year is checked, and every use of them goes through this module so the correction is made
 * once. docs/sen2.md lists them.
 */

/** Yes / no items (ASSUMPTION: the guide's own true/false coding is not public; 'Y' and 'N' here). */
export const YES_NO = { Y: 'Yes', N: 'No' } as const;

/** Sex as recorded in the person module (the casework records F and M). */
export const SEX = { F: 'Female', M: 'Male' } as const;

/** Type of special educational need (module 5c). */
export const NEED_TYPES = {
  SPLD: 'Specific learning difficulty',
  MLD: 'Moderate learning difficulty',
  SLD: 'Severe learning difficulty',
  PMLD: 'Profound and multiple learning difficulty',
  SEMH: 'Social, emotional and mental health',
  SLCN: 'Speech, language and communication needs',
  HI: 'Hearing impairment',
  VI: 'Visual impairment',
  MSI: 'Multi-sensory impairment',
  PD: 'Physical disability',
  ASD: 'Autistic spectrum disorder',
  DS: 'Down syndrome',
  OTH: 'Other difficulty or disability',
} as const;

/** Rank of a need (module 5c): 1 primary, 2 secondary. */
export const NEED_RANKS = { '1': 'Primary', '2': 'Secondary' } as const;

/** Rank of a placement (modules 4b and 5b): 1 main, 2 secondary (for example dual registration). */
export const PLACEMENT_RANKS = { '1': 'Main', '2': 'Secondary' } as const;

/** Setting codes where there is no URN or UKPRN (modules 4b and 5b). */
export const SETTING_CODES = {
  OLA: 'Other arrangements made by the local authority (including education otherwise than in school)',
  OPA: 'Other arrangements made by the parent or young person (not elective home education)',
  EHE: 'Elective home education',
  EYP: 'Early years provider without a URN',
  OTH: 'A type of setting named but no specific setting',
  NEET: 'Not in education, employment or training',
  NIEC: 'Not in education, notice to cease issued',
  NIEO: 'Not in education for another reason (for example awaiting a placement)',
} as const;

/** Annual review decision (module 5a): blank when no meeting was reported or the decision came after the census. */
export const REVIEW_DECISIONS = { A: 'Amend', C: 'Cease', M: 'Maintain' } as const;

/** Reason a plan ceased (module 4a). */
export const CEASED_REASONS = {
  '1': 'Reached maximum age',
  '2': 'Needs met without a plan',
  '3': 'Moved on to higher education',
  '4': 'Moved on to paid employment',
  '5': 'Transferred to another English local authority',
  '6': 'Young person no longer engaging',
  '7': 'Moved outside England',
  '8': 'Deceased',
  '9': 'Other',
} as const;

/**
 * Request outcome (module 2). ASSUMPTION: the guide's codes were not found in public sources; A assess,
 * N not to assess, W withdrawn.
 */
export const REQUEST_OUTCOMES = { A: 'Assess', N: 'Not to assess', W: 'Withdrawn' } as const;

/**
 * Source of the request (module 2, from 2025/26). ASSUMPTION: the guide's codes were not found in public sources.
 */
export const REQUEST_SOURCES = {
  P: 'Parent or carer',
  Y: 'Young person',
  S: 'School or college',
  O: 'Other (including health and social care)',
} as const;

/**
 * Assessment outcome (module 3): a plan issued, no plan, or a plan issued after another authority's assessment.
 * ASSUMPTION: the letters are ours until the guide is checked.
 */
export const ASSESSMENT_OUTCOMES = {
  I: 'Issue a plan',
  N: 'No plan',
  O: 'Plan after another authority assessed',
} as const;

/** Reasons a UPN or ULN is unavailable (ASSUMPTION: the school census's UN codes). */
export const UPN_UNKNOWN_REASONS = {
  UN1: 'Child is aged under 6 years old and is not attending any educational setting',
  UN2: 'Child has never attended a state education institution in England',
  UN3: 'Child is educated at home',
  UN4: 'Child is privately fostered',
  UN5: 'Sources collating UPNs reflect discrepancy',
  UN6: 'Child is in an institution that does not use UPNs',
  UN7: 'Referral or assessment before a UPN was given',
  UN8: 'Not applicable: young person over compulsory school age with a ULN',
  UN9: 'Other',
  UN10: 'Child is unaccompanied asylum-seeking',
} as const;

/**
 * The reason code for a missing UPN from what the casework holds: the code itself, or a reason written in words
 * (UN1 for a child not yet of school age, UN9 otherwise); blank when there is no reason.
 */
export function upnUnknownCode(reason: string): string {
  const text = reason.trim();
  if (text === '') return '';
  if (Object.hasOwn(UPN_UNKNOWN_REASONS, text.toUpperCase())) return text.toUpperCase();
  return /school age/i.test(text) ? 'UN1' : 'UN9';
}

export const CODE_LISTS = {
  yesNo: YES_NO,
  sex: SEX,
  needType: NEED_TYPES,
  needRank: NEED_RANKS,
  placementRank: PLACEMENT_RANKS,
  settingCode: SETTING_CODES,
  reviewDecision: REVIEW_DECISIONS,
  ceasedReason: CEASED_REASONS,
  requestOutcome: REQUEST_OUTCOMES,
  requestSource: REQUEST_SOURCES,
  assessmentOutcome: ASSESSMENT_OUTCOMES,
  upnUnknown: UPN_UNKNOWN_REASONS,
} as const;

export type CodeListName = keyof typeof CODE_LISTS;

/** The lists still to be checked against the Department's guide (shown in docs/sen2.md and the product). */
export const ASSUMED_CODE_LISTS: readonly CodeListName[] = [
  'yesNo',
  'requestOutcome',
  'requestSource',
  'assessmentOutcome',
  'upnUnknown',
];

/** Whether `value` is a code of the list. */
export function isCode(list: CodeListName, value: string): boolean {
  return Object.hasOwn(CODE_LISTS[list], value);
}

/** The label of a code, or the code itself when the list does not have it. */
export function codeLabel(list: CodeListName, value: string): string {
  const labels = CODE_LISTS[list] as Record<string, string>;
  return Object.hasOwn(labels, value) ? labels[value]! : value;
}

/** The SEN2 software code this product writes in the header (ASSUMPTION: assigned by the Department). */
export const SOFTWARE_CODE = 'GOLDTHREAD';

/**
 * The census (reference) date of the January collection in a year: the third Thursday of January (15 January
 * 2026, 21 January 2027). ASSUMPTION: the Department names the date each year; this rule matches the two known.
 */
export function censusDateOf(year: number): string {
  const first = new Date(Date.UTC(year, 0, 1)).getUTCDay(); // 0 Sunday … 4 Thursday
  const firstThursday = 1 + ((4 - first + 7) % 7);
  return `${year}-01-${String(firstThursday + 14).padStart(2, '0')}`;
}
