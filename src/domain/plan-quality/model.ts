/**
 * An EHC plan as data (docs/plan-quality.md; shared domain document "The EHC plan"): sections A to K as linked
 * records, so the golden thread and the specificity of provision are checks the product can run rather than
 * judgements made by reading a word-processor file. Pure types: no storage, no presentation.
 */

/** The plan's sections, in the order of SEND Regulations 2014 reg 12 (H split into H1 and H2). */
export const SECTIONS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H1', 'H2', 'I', 'J', 'K'] as const;
export type Section = (typeof SECTIONS)[number];

/** Sections holding provision (the special educational, health and social care provision). */
export const PROVISION_SECTIONS = ['F', 'G', 'H1', 'H2'] as const;
export type ProvisionSection = (typeof PROVISION_SECTIONS)[number];

/** Sections holding needs. */
export type NeedSection = 'B' | 'C' | 'D';

/** The four broad areas of need (SEND Code of Practice 6.28) used to organise section B. */
export const AREAS_OF_NEED = [
  'communication-and-interaction',
  'cognition-and-learning',
  'social-emotional-mental-health',
  'sensory-physical',
] as const;
export type AreaOfNeed = (typeof AREAS_OF_NEED)[number];

/** The four preparation-for-adulthood areas (Code of Practice 8.5), prompted from year 9. */
export const PFA_AREAS = ['employment', 'independent-living', 'community-inclusion', 'health'] as const;
export type PreparationForAdulthoodArea = (typeof PFA_AREAS)[number];

export type PlanStatus = 'draft' | 'final' | 'amended';

/** Section A: one item of the views, interests and aspirations, ideally in the family's own words. */
export interface Aspiration {
  readonly id: string;
  readonly text: string;
  /** Whose words: 'child', 'parent', 'young person', ... Free text; empty when not recorded. */
  readonly whose: string;
}

/** A special educational need (B, organised by area), or a health (C) or social care (D) need. */
export type Need =
  | { readonly id: string; readonly section: 'B'; readonly area: AreaOfNeed; readonly text: string }
  | { readonly id: string; readonly section: 'C' | 'D'; readonly text: string };

/** When an outcome should be achieved: the words of the plan and, where one can be fixed, the date. */
export interface Timescale {
  /** "By the end of Key Stage 2", "By July 2027", "Within 12 months". Empty when none is given. */
  readonly text: string;
  /** 'YYYY-MM-DD' or null. */
  readonly by: string | null;
}

/** Section E: an outcome sought, the difference the provision will make. */
export interface Outcome {
  readonly id: string;
  readonly text: string;
  /** The needs (B, C or D) this outcome follows from. */
  readonly needIds: readonly string[];
  readonly timescale: Timescale;
  /** How success will be seen: the evidence that the outcome has been achieved. Empty when not given. */
  readonly successMeasure: string;
  readonly preparationForAdulthood: PreparationForAdulthoodArea | null;
}

export type AmountUnit = 'minutes' | 'hours' | 'sessions';
export type FrequencyPeriod = 'day' | 'week' | 'half-term' | 'term' | 'year';

/** How much of the provision each time: 30 minutes, 2 hours, 1 session. */
export interface Amount {
  readonly value: number;
  readonly unit: AmountUnit;
}

/** How often: `times` per `per` (3 per week). */
export interface Frequency {
  readonly times: number;
  readonly per: FrequencyPeriod;
}

export type Grouping =
  | { readonly kind: 'one-to-one' }
  | { readonly kind: 'group'; readonly size: number }
  | { readonly kind: 'whole-class' };

/** Who delivers the provision: a role ("teaching assistant") and their qualification or training. */
export interface Deliverer {
  readonly role: string;
  /** "trained in Precision Teaching by the educational psychologist"; empty when not stated. */
  readonly qualification: string;
}

/** Where a provision item came from: a piece of advice (section K), or the authority's own decision. */
export type ProvisionSource =
  | { readonly kind: 'advice'; readonly adviceId: string; readonly recommendationId?: string }
  | { readonly kind: 'authority-decision'; readonly reason: string };

/** Sections F, G, H1 and H2: one item of provision, with the structured fields a complete item states. */
export interface Provision {
  readonly id: string;
  readonly section: ProvisionSection;
  /** What: the intervention or support, in words. */
  readonly what: string;
  readonly amount: Amount | null;
  readonly frequency: Frequency | null;
  readonly deliverer: Deliverer | null;
  readonly grouping: Grouping | null;
  /** Where: "in a quiet room away from the classroom". Empty when not stated. */
  readonly where: string;
  /** Who monitors or oversees it: "the SENCo". Empty when not stated. */
  readonly oversight: string;
  /** How progress is reviewed: "termly, against the outcome's targets". Empty when not stated. */
  readonly review: string;
  readonly needIds: readonly string[];
  readonly outcomeIds: readonly string[];
  readonly source: ProvisionSource;
}

/** Section I: the placement, a setting from the register. Null (blank) on a draft. */
export interface Placement {
  readonly settingId: string;
  readonly name: string;
}

/** Section J: one direct payment, with the needs, outcomes and provision it secures. */
export interface DirectPayment {
  readonly id: string;
  readonly description: string;
  /** Annual amount in pence. */
  readonly annualAmountPence: number;
  readonly provisionIds: readonly string[];
  readonly needIds: readonly string[];
  readonly outcomeIds: readonly string[];
}

/** Section J: the personal budget, if one was requested, and the direct payments that make it up. */
export interface PersonalBudget {
  readonly requested: boolean;
  /** The total personal budget per year in pence, or null when none was requested or it is not yet set. */
  readonly annualAmountPence: number | null;
  readonly directPayments: readonly DirectPayment[];
}

/** Section K: one piece of advice or information gathered during the assessment (an appendix). */
export interface Advice {
  readonly id: string;
  /** The giving agency: "Community paediatrics, Northgate NHS Trust". */
  readonly agency: string;
  /** The author's role: "community paediatrician". */
  readonly authorRole: string;
  /** 'YYYY-MM-DD'. */
  readonly received: string;
}

export interface Plan {
  readonly id: string;
  readonly status: PlanStatus;
  /**
   * The child's National Curriculum year group (src/domain/school-year.ts: Reception 0, nursery negative, past
   * Year 13 counting on), which decides when preparation-for-adulthood outcomes are prompted (from year 9).
   */
  readonly yearGroup: number;
  /** A */
  readonly aspirations: readonly Aspiration[];
  /** B, C and D */
  readonly needs: readonly Need[];
  /** E */
  readonly outcomes: readonly Outcome[];
  /** F, G, H1 and H2 */
  readonly provision: readonly Provision[];
  /** I */
  readonly placement: Placement | null;
  /** J */
  readonly personalBudget: PersonalBudget;
  /** K */
  readonly advice: readonly Advice[];
}
