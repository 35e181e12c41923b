/**
 * Who the demo's children are: the shares they are drawn in (primary need, national and in the early years; year
 * group; ethnicity), the family origin and home language an ethnicity makes likely, the primary need that fits a
 * child's age, and their pupil and learner numbers (UPN, ULN).
 */
import type { PrimaryNeed } from '../platform/db/schema/index.ts';
import { DEMO_LA_CODE } from './accounts.ts';
import type { Origin } from './names.ts';
import type { Random } from './random.ts';

/** National proportions of primary need on plans, January 2025 (reporting.md); the tail shares are our estimate. */
export const PRIMARY_NEED_WEIGHTS: readonly (readonly [PrimaryNeed, number])[] = [
  ['ASD', 31.5],
  ['SLCN', 21.3],
  ['SEMH', 20.7],
  ['MLD', 10.6],
  ['SPLD', 4.4],
  ['SLD', 3.5],
  ['PD', 2.7],
  ['PMLD', 1.6],
  ['HI', 1.3],
  ['VI', 0.9],
  ['MSI', 0.8],
  ['OTH', 0.7],
];

/** Relative numbers of children with plans by National Curriculum year group (most 5-16, few under 5 and 19-25). */
export const YEAR_GROUP_WEIGHTS: readonly (readonly [number, number])[] = [
  [-4, 0.3],
  [-3, 0.9],
  [-2, 1.7],
  [-1, 2.6],
  [0, 3.5],
  [1, 4.5],
  [2, 5.2],
  [3, 5.8],
  [4, 6.2],
  [5, 6.5],
  [6, 6.7],
  [7, 6.7],
  [8, 6.6],
  [9, 6.5],
  [10, 6.3],
  [11, 6.0],
  [12, 4.8],
  [13, 4.2],
  [14, 3.0],
  [15, 2.0],
  [16, 1.4],
  [17, 1.0],
  [18, 0.8],
  [19, 0.6],
  [20, 0.45],
  [21, 0.3],
];

/** DfE ethnicity codes, weighted roughly like a northern English town. */
export const ETHNICITIES: readonly (readonly [string, number])[] = [
  ['WBRI', 68],
  ['WIRI', 0.5],
  ['WIRT', 0.3],
  ['WROM', 0.6],
  ['WOTH', 5],
  ['MWBC', 2],
  ['MWBA', 1],
  ['MWAS', 1.5],
  ['MOTH', 2],
  ['AIND', 2.5],
  ['APKN', 4.5],
  ['ABAN', 1.5],
  ['AOTH', 1.2],
  ['BCRB', 1.5],
  ['BAFR', 3.5],
  ['BOTH', 0.5],
  ['CHNE', 0.5],
  ['OOTH', 1.3],
  ['REFU', 1],
  ['NOBT', 0.6],
];

export function originFor(rng: Random, ethnicity: string): Origin {
  switch (ethnicity) {
    case 'WOTH':
      return rng.weighted<Origin>([
        ['polish', 45],
        ['romanian', 25],
        ['english', 30],
      ]);
    case 'WROM':
      return rng.chance(0.5) ? 'romanian' : 'english';
    case 'MWBC':
      return rng.chance(0.4) ? 'caribbean' : 'english';
    case 'MWBA':
      return rng.chance(0.4) ? 'west-african' : 'english';
    case 'MWAS':
      return rng.chance(0.4) ? 'south-asian' : 'english';
    case 'AIND':
    case 'APKN':
    case 'ABAN':
    case 'AOTH':
      return 'south-asian';
    case 'BCRB':
      return 'caribbean';
    case 'BAFR':
      return rng.chance(0.5) ? 'somali' : 'west-african';
    case 'BOTH':
      return rng.chance(0.5) ? 'caribbean' : 'west-african';
    case 'CHNE':
      return 'chinese';
    case 'OOTH':
      return rng.chance(0.5) ? 'somali' : 'english';
    default:
      return 'english';
  }
}

export function homeLanguage(rng: Random, origin: Origin, ethnicity: string): string {
  switch (origin) {
    case 'south-asian':
      if (ethnicity === 'APKN')
        return rng.weighted([
          ['English', 55],
          ['Urdu', 30],
          ['Panjabi', 15],
        ]);
      if (ethnicity === 'ABAN')
        return rng.weighted([
          ['English', 55],
          ['Bengali', 45],
        ]);
      if (ethnicity === 'AIND')
        return rng.weighted([
          ['English', 60],
          ['Gujarati', 20],
          ['Panjabi', 20],
        ]);
      return rng.weighted([
        ['English', 80],
        ['Urdu', 10],
        ['Tamil', 10],
      ]);
    case 'polish':
      return rng.chance(0.75) ? 'Polish' : 'English';
    case 'romanian':
      return rng.weighted([
        ['Romanian', 75],
        ['Romany', 5],
        ['English', 20],
      ]);
    case 'somali':
      return rng.chance(0.65) ? 'Somali' : 'English';
    case 'west-african':
      return rng.weighted([
        ['English', 70],
        ['Yoruba', 15],
        ['Twi', 15],
      ]);
    case 'chinese':
      return rng.weighted([
        ['English', 40],
        ['Cantonese', 30],
        ['Mandarin', 30],
      ]);
    default:
      return 'English';
  }
}

/** The UPN check letter: characters 2 to 13 weighted 2 to 13, the sum modulo 23 indexes this alphabet. */
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

export function upnFor(index: number, entryYear: number, laCode: string = DEMO_LA_CODE): string {
  const establishment = String(2000 + Math.floor(index / 1000)).padStart(4, '0');
  const body = `${laCode}${establishment}${String(entryYear % 100).padStart(2, '0')}${String(index % 1000).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[i]) * (i + 2);
  return `${UPN_LETTERS[sum % 23]}${body}`;
}

export function ulnFor(index: number): string {
  // 7919 is coprime with 10, so this is a one-to-one map on 0..999,999,999: unique for every index.
  return `5${String((index * 7919 + 1_234_567) % 1_000_000_000).padStart(9, '0')}`;
}

/**
 * Shares of primary need among children with plans in the early years (up to Reception): mostly speech, language and
 * communication, autism, physical, severe and profound learning difficulties and sensory needs, identified before
 * school; social, emotional and mental health and moderate learning difficulty rarer; no specific learning difficulty
 * (dyslexia and the like cannot be identified before reading is taught). Our estimate from the national pattern.
 */
export const EARLY_YEARS_NEED_WEIGHTS: readonly (readonly [PrimaryNeed, number])[] = [
  ['SLCN', 32],
  ['ASD', 30],
  ['PD', 9],
  ['SLD', 7],
  ['PMLD', 5],
  ['HI', 4],
  ['VI', 3],
  ['MSI', 2],
  ['SEMH', 3],
  ['MLD', 2],
  ['OTH', 3],
  ['SPLD', 0],
];

/** The last year group counted as the early years (Reception). */
export const LAST_EARLY_YEARS_GROUP = 0;

/**
 * The primary need for the child's phase: in the early years drawn again from `EARLY_YEARS_NEED_WEIGHTS` with the
 * child's own need stream (no moderate learning difficulty before school age); at school and after, the national
 * draw as given (most children with plans are of school age, so the national shares are theirs).
 */
export function needForPhase(drawn: PrimaryNeed, yearGroup: number, needRng: Random): PrimaryNeed {
  if (yearGroup > LAST_EARLY_YEARS_GROUP) return drawn;
  return needForAge(needRng.weighted(EARLY_YEARS_NEED_WEIGHTS), yearGroup);
}

/**
 * A primary need that fits the child's age: no moderate learning difficulty before school age (it is a difference
 * in progress at school) and no specific learning difficulty (dyslexia and the like) before Year 2; such a young
 * child's needs are recorded as speech, language and communication needs, as early years services would.
 */
export function needForAge(need: PrimaryNeed, yearGroup: number): PrimaryNeed {
  if (need === 'MLD' && yearGroup < 0) return 'SLCN';
  if (need === 'SPLD' && yearGroup < 2) return 'SLCN';
  return need;
}
