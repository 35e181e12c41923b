/**
 * Every working assumption the date rules rest on, in one place so each can be checked and corrected once. The
 * statutory work specification marks these [U] (not re-checked against the legislation) or, where the limit's text
 * could not be read and a practitioner source was used, [S]. A date that rests on one of these says so in its rule
 * text (see ruleDate) and carries the assumption, so a page can show it.
 */
export interface Assumption {
  readonly id: string;
  /** What is assumed, in words a caseworker can check against the legislation. */
  readonly statement: string;
  /** U: not re-checked; S: from a named practitioner or council source, not the text. */
  readonly confidence: 'U' | 'S';
  /** Where the assumption came from. */
  readonly basis: string;
}

function assumption(id: string, statement: string, confidence: 'U' | 'S', basis: string): Assumption {
  return Object.freeze({ id, statement, confidence, basis });
}

export const ASSUMPTIONS = Object.freeze({
  orderToAmend: assumption(
    'order-to-amend',
    'after a tribunal order to amend a plan, the amended plan is due within 5 weeks of the order',
    'U',
    'statutory-work.md S7.3, research notes on reg 44(2)',
  ),
  orderToChangeSchool: assumption(
    'order-to-change-school',
    'after a tribunal order to change the school or other institution named, the amended plan is due within 2 weeks of the order',
    'U',
    'statutory-work.md S7.3, research notes on reg 44(2)',
  ),
  orderToContinue: assumption(
    'order-to-continue',
    'after a tribunal order to continue to maintain a plan, the authority must continue immediately',
    'U',
    'statutory-work.md S7.3, research notes on reg 44(2)',
  ),
  reassessmentDecision: assumption(
    'reassessment-decision',
    'the authority must notify its decision whether to reassess within 15 days of receiving the request (reg 25(1))',
    'U',
    'statutory-work.md S10; statutory-clock.md section 2.6 keeps it out of the clock',
  ),
  notToAmend: assumption(
    'not-to-amend',
    'a decision not to amend after proposing amendments is due within 8 weeks of the proposal (reg 22(4): the limit’s text was not readable; 8 weeks per a council’s SENDIASS)',
    'S',
    'statutory-work.md S1; journey-corrections.md, clock gaps',
  ),
  placementConcession: assumption(
    'placement-concession',
    'when the authority does not oppose a placement-only appeal, the amended plan is due within 2 weeks',
    'S',
    'statutory-work.md S7.3 (a council SENDIASS summary of reg 45)',
  ),
  schoolDays: assumption(
    'school-days',
    "school days are counted as working days (Monday to Friday, not a bank holiday in England and Wales), because Goldthread holds no school's term dates: a school holiday or training day inside the count would make the true date later",
    'U',
    'statutory-work.md S4 ("school-day calendar needed"); no term dates in the data',
  ),
  s19From: assumption(
    's19-from',
    'for a part-time timetable or a child missing education, the s19 duty to arrange suitable education is shown from the first day of the episode (s19 sets no day; it applies as soon as the child may not otherwise receive suitable education)',
    'U',
    'statutory-work.md S4; Education Act 1996 s19(1)',
  ),
  adviceBodies: assumption(
    'advice-bodies',
    "reg 8(1)'s 6 weeks is applied to every adviser other than the family, although whether it binds a school or the authority's own educational psychology service depends on the CFA s31 list; it is counted from the day the request was sent, not received",
    'U',
    'journey-corrections.md D4',
  ),
}) satisfies Readonly<Record<string, Assumption>>;

/** Every assumption, for a page or an export that lists them. */
export const ALL_ASSUMPTIONS: readonly Assumption[] = Object.freeze(Object.values(ASSUMPTIONS));
