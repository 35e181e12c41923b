/**
 * The demo authority's settings: about 80 fictional nurseries, schools and colleges across phases and types, in and
 * out of area, with the year groups each takes (nursery -2 and -1, reception 0, year 14 the third post-16 year; the
 * colleges that take young people to 25 carry the numbering on to 21).
 */
import type { SettingTable } from '../platform/db/schema/index.ts';

/** How the generator places children: which kind of provision a setting is. */
export type SettingCategory =
  'early-years' | 'mainstream' | 'special' | 'independent-special' | 'alternative' | 'college';

export interface SettingSpec {
  readonly name: string;
  readonly kind: SettingTable['kind'];
  readonly type: string;
  readonly phase: string;
  readonly first: number;
  readonly last: number;
  readonly category: SettingCategory;
  /** Relative size: how often children are placed here among the settings that fit them. */
  readonly weight: number;
  /** Index into NEIGHBOURS for an out-of-area setting. */
  readonly outOfArea?: number;
}

/** The school whose SENCO is senco@demo.example (and which parent@'s child attends). */
export const SENCO_SCHOOL = 'Harrowfield Primary School';
/** Other settings with a SENCO (or college learning support) user. */
export const OTHER_SENCO_SETTINGS = ['Denmoor Academy', 'Brookfield School', 'Denmoor College'] as const;
export const PARENT2_SETTING = 'Brookfield School';
export const PARENT_DUAL_SETTING = 'Denmoor Primary Support Centre';
export const YOUNG_PERSON_SETTING = 'Denmoor College';

function ey(name: string, type: string, weight = 2): SettingSpec {
  return {
    name,
    kind: 'early-years',
    type,
    phase: 'Nursery',
    first: -2,
    last: -1,
    category: 'early-years',
    weight,
  };
}

function school(
  name: string,
  type: string,
  phase: string,
  first: number,
  last: number,
  weight = 3,
  outOfArea?: number,
): SettingSpec {
  return {
    name,
    kind: 'school',
    type,
    phase,
    first,
    last,
    category: 'mainstream',
    weight,
    ...(outOfArea === undefined ? {} : { outOfArea }),
  };
}

function special(
  name: string,
  type: string,
  phase: string,
  first: number,
  last: number,
  category: 'special' | 'independent-special' | 'alternative',
  weight: number,
  outOfArea?: number,
): SettingSpec {
  return {
    name,
    kind: 'school',
    type,
    phase,
    first,
    last,
    category,
    weight,
    ...(outOfArea === undefined ? {} : { outOfArea }),
  };
}

function college(name: string, type: string, last: number, weight: number, outOfArea?: number): SettingSpec {
  return {
    name,
    kind: 'college',
    type,
    phase: '16 plus',
    first: 12,
    last,
    category: 'college',
    weight,
    ...(outOfArea === undefined ? {} : { outOfArea }),
  };
}

const PRIMARY_NAMES: readonly [string, string, number][] = [
  [SENCO_SCHOOL, 'Community school', -1],
  ['Stonebeck Primary School', 'Community school', 0],
  ['Bramblecote Primary School', 'Voluntary controlled school', 0],
  ['Ravensholt Primary School', 'Community school', -1],
  ['Kingsmere C of E Primary School', 'Voluntary aided school', 0],
  ['Heather Bank Primary School', 'Academy converter', 0],
  ['Moorside Primary School', 'Community school', -1],
  ['Castle Hill Primary School', 'Academy sponsor led', 0],
  ['Beckside Primary Academy', 'Academy converter', 0],
  ['Weavers Lane Primary School', 'Community school', -1],
  ['Fellside Primary Academy', 'Academy sponsor led', 0],
  ['Greenhill Primary School', 'Foundation school', 0],
  ['Lowfield Primary School', 'Community school', 0],
  ["St Mary's Catholic Primary School", 'Voluntary aided school', 0],
  ["St Oswald's C of E Primary School", 'Voluntary aided school', 0],
  ['Holy Trinity C of E Primary School', 'Voluntary controlled school', 0],
  ['Canal Street Primary School', 'Community school', -1],
  ['Lapwing Primary Academy', 'Free schools', 0],
  ['Rowan Tree Primary School', 'Academy converter', 0],
  ['Highfield Primary School', 'Community school', 0],
  ['Priory Primary School', 'Academy converter', -1],
  ['Quarry Lane Primary School', 'Community school', 0],
];

export const DEMO_SETTINGS: readonly SettingSpec[] = [
  // Early years
  ey('Little Acorns Day Nursery', 'Private nursery'),
  ey('Moorside Community Pre-school', 'Voluntary pre-school'),
  ey('Bramblecote Playgroup', 'Voluntary pre-school', 1),
  ey('Kingfisher Day Nursery', 'Private nursery'),
  ey('Rainbow Corner Nursery', 'Private nursery'),
  ey('Denmoor Nursery School', 'Local authority nursery school', 3),
  ey('Harrowfield Nursery School', 'Local authority nursery school', 3),
  ey('Stonebeck Tots Pre-school', 'Voluntary pre-school', 1),
  // Infant and junior
  school('Millford Cross Infant School', 'Community school', 'Primary', 0, 2),
  school("St Wilfrid's C of E Infant School", 'Voluntary aided school', 'Primary', 0, 2),
  school('Denmoor Park Infant School', 'Community school', 'Primary', -1, 2),
  school('Millford Cross Junior School', 'Community school', 'Primary', 3, 6),
  school("St Wilfrid's C of E Junior School", 'Voluntary aided school', 'Primary', 3, 6),
  school('Denmoor Park Junior School', 'Academy converter', 'Primary', 3, 6),
  // Primary
  ...PRIMARY_NAMES.map(([name, type, first]) => school(name, type, 'Primary', first, 6)),
  // A three-tier system in the east of the area: first, middle and upper schools
  school('Thistleby First School', 'Community school', 'Primary', 0, 3, 2),
  school('Thistleby Middle School', 'Community school', 'Middle deemed primary', 4, 7, 2),
  school('Kingsmere First School', 'Voluntary controlled school', 'Primary', 0, 4, 2),
  school('Kingsmere Middle School', 'Academy converter', 'Middle deemed secondary', 5, 8, 2),
  school('Kingsmere and Thistleby Upper School', 'Academy converter', 'Secondary', 8, 13, 4),
  // Secondary
  school('Denmoor Academy', 'Academy sponsor led', 'Secondary', 7, 13, 6),
  school('Harrowfield High School', 'Community school', 'Secondary', 7, 11, 5),
  school('Stonebeck High School', 'Academy converter', 'Secondary', 7, 13, 5),
  school("St Aidan's Catholic High School", 'Voluntary aided school', 'Secondary', 7, 13, 5),
  school('Moorside Academy', 'Academy sponsor led', 'Secondary', 7, 11, 5),
  school('Millford Cross School', 'Foundation school', 'Secondary', 7, 11, 4),
  school('Bramblecote High School', 'Academy converter', 'Secondary', 7, 13, 4),
  school('Denmoor Free School', 'Free schools', 'Secondary', 7, 11, 3),
  school('Castle Hill Academy', 'Academy converter', 'Secondary', 7, 13, 5),
  school('Fellside School', 'Community school', 'Secondary', 7, 11, 4),
  // All-through
  school('Denmoor Park Academy', 'Academy sponsor led', 'All-through', 0, 13, 5),
  school('Brightwater All-through School', 'Free schools', 'All-through', -1, 11, 4),
  // Special schools (maintained and academies)
  special('Brookfield School', 'Community special school', 'Primary', 0, 6, 'special', 4),
  special('Oakwood School', 'Foundation special school', 'Secondary', 7, 13, 'special', 4),
  special('Hollybank School', 'Community special school', 'All-through', -2, 14, 'special', 4),
  special('Fernlea School', 'Academy special converter', 'All-through', 0, 13, 'special', 4),
  special('The Beacon School', 'Academy special sponsor led', 'Secondary', 3, 11, 'special', 2),
  special('Riverside Lodge School', 'Free schools special', 'Primary', 1, 6, 'special', 2),
  special('Heronsgate School', 'Academy special converter', 'All-through', 0, 11, 'special', 3),
  special('Larkspur School', 'Community special school', 'Secondary', 7, 14, 'special', 3),
  // Independent and non-maintained special schools, mostly out of area
  special(
    'Meadowbank Independent School',
    'Other independent special school',
    'All-through',
    3,
    13,
    'independent-special',
    2,
  ),
  special(
    'Greyfriars Hall School',
    'Other independent special school',
    'Secondary',
    7,
    13,
    'independent-special',
    2,
    0,
  ),
  special(
    'Windrush House School',
    'Other independent special school',
    'Primary',
    0,
    11,
    'independent-special',
    1,
    1,
  ),
  special(
    'Northfell Grange School',
    'Other independent special school',
    'All-through',
    -1,
    14,
    'independent-special',
    1,
    2,
  ),
  special(
    'Oak Tree Farm School',
    'Other independent special school',
    'Secondary',
    7,
    11,
    'independent-special',
    1,
    0,
  ),
  special(
    'Ashvale School for Sensory Impairment',
    'Non-maintained special school',
    'All-through',
    -1,
    14,
    'independent-special',
    1,
    0,
  ),
  // Alternative provision
  special('Denmoor Pupil Referral Unit', 'Pupil referral unit', 'Not applicable', 5, 11, 'alternative', 2),
  special(
    'Harrowfield Learning Centre',
    'Academy alternative provision sponsor led',
    'Not applicable',
    7,
    11,
    'alternative',
    2,
  ),
  special(PARENT_DUAL_SETTING, 'Pupil referral unit', 'Not applicable', 1, 6, 'alternative', 1),
  // Post-16
  college('Denmoor College', 'Further education', 21, 8),
  college('Ashvale College', 'Further education', 21, 3, 0),
  college('Kestonbury College of Further Education', 'Further education', 21, 2, 1),
  { ...college('Denmoor Sixth Form College', 'Sixth form college', 13, 3), first: 12 },
  college('Moorview Specialist College', 'Special post 16 institution', 21, 2),
  college('Northfell Lodge College', 'Special post 16 institution', 21, 1, 2),
  // Out-of-area mainstream schools near the border
  school('Ashvale Road Primary School', 'Community school', 'Primary', 0, 6, 1, 0),
  school("Kestonbury St Peter's C of E Primary School", 'Voluntary aided school', 'Primary', 0, 6, 1, 1),
  school('Ashvale Academy', 'Academy converter', 'Secondary', 7, 13, 2, 0),
  school('Northfell High School', 'Community school', 'Secondary', 7, 11, 1, 2),
];
