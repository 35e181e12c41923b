/**
 * The demo plans' content (issue 18 item 9), as data: for each primary need (SEN2 codes), the areas of need a plan
 * for that child records in section B, each with its outcome and the specific provision that meets it (who, what, how
 * much, how often), worded for the child's phase (early years, school, post-16); the health need in section C that
 * often goes with the primary need; and the preparing-for-adulthood outcomes a young person's plan covers.
 *
 * Words in braces are filled in for the phase: {setting} (nursery, school, college), {assistant} (the key person, the
 * teaching assistant, the learning support assistant), {teacher} (the nursery teacher, the class teacher, the tutor),
 * {senco} (who oversees provision there). A child's name is put in front of each outcome.
 *
 * This file holds the types, the phase's words and which areas each primary need draws on (`AREAS_BY_NEED`); the
 * areas themselves are in a file for each SEN2 area of need (communication.ts, cognition-and-learning.ts,
 * social-emotional.ts, sensory-physical.ts), health and social care in health.ts, adult life in adulthood.ts.
 */
import type { AreaOfNeed, AmountUnit, FrequencyPeriod } from '../../../domain/plan-quality/model.ts';
import type { PreparationForAdulthoodArea } from '../../../domain/plan-quality/model.ts';
import { AAC, HI_LANGUAGE, SALT, SENSORY_LEARNING, SOCIAL, TACTILE } from './communication.ts';
import { PD_INDEPENDENCE, REGULATION, SELF_ESTEEM, SEMH_ANGER } from './social-emotional.ts';
import {
  DUAL_SENSORY,
  FINE_MOTOR,
  HEARING,
  MEDICAL_ATTENDANCE,
  MOBILITY,
  POSTURE,
  SELF_CARE,
  SENSORY,
  VISION,
  VI_MOBILITY,
} from './sensory-physical.ts';
import {
  EARLY_LEARNING,
  GENERAL_LEARNING,
  LITERACY,
  MATHS,
  MISSED_LEARNING,
  PMLD_LEARNING,
} from './cognition-and-learning.ts';

export { HEALTH_BY_NEED, HEALTH_OTHERWISE, SOCIAL_CARE } from './health.ts';
export { PFA_OUTCOMES } from './adulthood.ts';

export type Phase = 'early' | 'school' | 'adult';

/** A text for every phase, or one for each. */
export type Phased = string | Readonly<Record<Phase, string>>;

export interface ProvisionSeed {
  what: Phased;
  amount: number;
  unit: AmountUnit;
  times: number;
  per: FrequencyPeriod;
  role: string;
  qualification: string;
  grouping: 'one-to-one' | 'group';
  /** The group's size, for group provision. */
  size?: number;
  where?: Phased;
}

export interface AreaSeed {
  area: AreaOfNeed;
  /** What the child finds hard, or several ways a plan says it (one is drawn for each child). */
  need: Phased | readonly Phased[];
  /** Follows the child's name: "will ...". */
  outcome: Phased;
  /** How success will be seen: a measurable change, and who records it. */
  measure: Phased;
  /** The preparing-for-adulthood area an outcome of this kind serves, from Year 9. */
  pfa: PreparationForAdulthoodArea;
  provision: ProvisionSeed;
  /** A weaker plan's wording of the same provision: quantified, but leaving too much to the reader. */
  vague: Phased;
}

export interface HealthSeed {
  need: Phased;
  /** Follows the child's name: "will ...", served by the health provision. */
  outcome: Phased;
  measure: Phased;
  provision: ProvisionSeed;
}

/** Fills in the phase's words. */
export function phased(text: Phased, phase: Phase): string {
  const t = typeof text === 'string' ? text : text[phase];
  return t.replaceAll(
    /\{(setting|assistant|teacher|senco)\}/g,
    (_, k: keyof typeof WORDS) => WORDS[k][phase],
  );
}

const WORDS = {
  setting: { early: 'nursery', school: 'school', adult: 'college' },
  assistant: { early: 'key person', school: 'teaching assistant', adult: 'learning support assistant' },
  teacher: { early: 'nursery teacher', school: 'class teacher', adult: 'personal tutor' },
  senco: {
    early: 'The nursery SENCO',
    school: 'The SENCO',
    adult: 'The college’s additional learning support manager',
  },
} as const;

/** Where provision happens when its seed does not say. */
export const WHERE_BY_PHASE: Readonly<Record<Phase, string>> = {
  early: 'In the nursery room and its quiet corner',
  school: 'In a quiet room next to the classroom',
  adult: 'At college, in the learning support base',
};

/**
 * For each primary need, the areas a plan records in B: the first is always the primary need's own; the others are
 * drawn for each child.
 */
export const AREAS_BY_NEED: Readonly<Record<string, readonly AreaSeed[]>> = {
  ASD: [SOCIAL, REGULATION, SENSORY, SALT],
  SLCN: [SALT, SOCIAL, LITERACY, SELF_ESTEEM],
  SEMH: [SEMH_ANGER, REGULATION, MISSED_LEARNING, SOCIAL],
  MLD: [GENERAL_LEARNING, MATHS, SALT, SELF_ESTEEM],
  SPLD: [LITERACY, MATHS, SELF_ESTEEM, FINE_MOTOR],
  SLD: [EARLY_LEARNING, AAC, SELF_CARE, SENSORY],
  PMLD: [PMLD_LEARNING, SENSORY_LEARNING, POSTURE, SELF_CARE],
  HI: [HEARING, HI_LANGUAGE, SELF_ESTEEM, LITERACY],
  VI: [VISION, VI_MOBILITY, FINE_MOTOR, SELF_ESTEEM],
  MSI: [DUAL_SENSORY, TACTILE, SELF_CARE, VI_MOBILITY],
  PD: [MOBILITY, FINE_MOTOR, PD_INDEPENDENCE, SELF_ESTEEM],
  OTH: [MEDICAL_ATTENDANCE, SELF_ESTEEM, GENERAL_LEARNING, FINE_MOTOR],
};
