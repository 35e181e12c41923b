/**
 * Builds the demo authority as plain rows, with no database: a pure function of (children, seed, today). Every id
 * comes from the seeded generator, so the same options always give byte-identical rows. `seedDemo` (generator.ts)
 * inserts them.
 *
 * Each child is built from its own generator (forked from the seed by the child's index), so child N is the same
 * whatever the total number of children; allocation to caseworkers and grants depend on the whole caseload.
 */
import type { Insertable } from 'kysely';
import type {
  AccessGrantTable,
  AppUserTable,
  CaseEventTable,
  ChildSettingTable,
  ChildTable,
  FamilyMemberTable,
  LocalAuthorityTable,
  OrganisationTable,
  PrimaryNeed,
  SettingTable,
  TeamTable,
} from '../platform/db/schema/index.ts';
import { DEMO_ACCOUNTS, DEMO_LA_CODE, demoAccount, type DemoTeamKey } from './accounts.ts';
import {
  addDays,
  addYears,
  birthRangeForYearGroup,
  maxDate,
  minDate,
  schoolYearStart,
  septemberOfYearGroup,
} from './dates.ts';
import {
  address,
  familyName as pickFamilyName,
  givenName as pickGivenName,
  landlineNumber,
  mobileNumber,
  NAME_POOLS,
  NEIGHBOURS,
  neighbourPostcode,
  TOWN,
  type Origin,
} from './names.ts';
import type { PastAuditEntry } from '../platform/audit/history.ts';
import { buildAuditHistory } from './audit-history.ts';
import { createRandom, type Random } from './random.ts';
import {
  DEMO_SETTINGS,
  OTHER_SENCO_SETTINGS,
  PARENT2_SETTING,
  PARENT_DUAL_SETTING,
  SENCO_SCHOOL,
  YOUNG_PERSON_SETTING,
  type SettingCategory,
  type SettingSpec,
} from './settings.ts';

export const DEFAULT_CHILDREN = 2500;
export const DEFAULT_SEED = 999;
/**
 * The date the pure builder uses when given none. The service builds the demo as of today (src/app/demo.ts), so it
 * reads the same whatever the date; tests fix the date (test/helpers/images.ts, `DEMO_IMAGE_TODAY`).
 */
export const DEFAULT_TODAY = '2026-11-01';

export interface DemoOptions {
  children?: number;
  seed?: number;
  /** 'YYYY-MM-DD': the date the caseload is built as of. */
  today?: string;
  /** The key the demo staff's second-factor secret is encrypted with (SECOND_FACTOR_KEY; default the demo key). */
  secondFactorKey?: Buffer;
  /** The authority's code (default the demo's, 999). */
  laCode?: string;
  /**
   * The authority's fictional place name (default Denmoor): it replaces "Denmoor" in every name, address and email
   * domain of the core records, so a national data set holds many authorities that read as different places.
   */
  place?: string;
  /** How many Local Offer services the authority lists (the Local Offer's demo seeder; default its own, 400). */
  localOfferServices?: number;
}

type WithId<T> = Insertable<T> & { id: string };

export type DemoOrganisation = WithId<OrganisationTable>;
export type DemoTeam = WithId<TeamTable>;
export type DemoUser = WithId<AppUserTable>;
export type DemoSetting = WithId<SettingTable>;
export type DemoChild = WithId<ChildTable> & {
  date_of_birth: string;
  plan_status: ChildTable['plan_status'];
};
export type DemoFamilyMember = WithId<FamilyMemberTable>;
export type DemoChildSetting = WithId<ChildSettingTable>;
export type DemoAccessGrant = WithId<AccessGrantTable>;
export type DemoCaseEvent = Insertable<CaseEventTable> & { at: Date };

export interface DemoLink {
  email: string;
  childId: string;
  reference: string;
}

export interface DemoData {
  today: string;
  localAuthority: Insertable<LocalAuthorityTable>;
  organisations: DemoOrganisation[];
  teams: DemoTeam[];
  users: DemoUser[];
  settings: DemoSetting[];
  children: DemoChild[];
  familyMembers: DemoFamilyMember[];
  childSettings: DemoChildSetting[];
  accessGrants: DemoAccessGrant[];
  caseEvents: DemoCaseEvent[];
  /** 26 weeks of the service in use, up to the day before `today` (audit-history.ts). */
  auditHistory: PastAuditEntry[];
  /** Which child each family account is linked to. */
  links: { parent: DemoLink; parent2: DemoLink; youngPerson: DemoLink };
}

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
const YEAR_GROUP_WEIGHTS: readonly (readonly [number, number])[] = [
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
const ETHNICITIES: readonly (readonly [string, number])[] = [
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

function originFor(rng: Random, ethnicity: string): Origin {
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

function homeLanguage(rng: Random, origin: Origin, ethnicity: string): string {
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

function ulnFor(index: number): string {
  // 7919 is coprime with 10, so this is a one-to-one map on 0..999,999,999: unique for every index.
  return `5${String((index * 7919 + 1_234_567) % 1_000_000_000).padStart(9, '0')}`;
}

function timestamp(date: string, rng: Random): Date {
  return new Date(
    `${date}T${String(rng.int(8, 16)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00.000Z`,
  );
}

function asciiSlug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
}

// ---------------------------------------------------------------------------------------------------------------
// Organisations, teams and staff

interface TeamSpec {
  /** A DemoTeamKey, or `senco:<setting name>` for the other schools. */
  key: string;
  name: string;
  email: string | null;
  phone: string | null;
}

interface OrganisationSpec {
  name: string;
  kind: OrganisationTable['kind'];
  teams: TeamSpec[];
}

function organisationSpecs(rng: Random): OrganisationSpec[] {
  const t = (key: string, name: string, mailbox: string | null, domain = 'denmoor.example'): TeamSpec => ({
    key,
    name,
    email: mailbox ? `${mailbox}@${domain}` : null,
    phone: mailbox ? landlineNumber(rng) : null,
  });
  const schoolOrg = (name: string, key: string): OrganisationSpec => ({
    name,
    kind: 'school',
    teams: [
      t(
        key,
        name === 'Denmoor College' ? 'Learning Support' : 'Special Educational Needs',
        'senco',
        `${asciiSlug(name)}.example`,
      ),
    ],
  });
  return [
    {
      name: 'Denmoor Council',
      kind: 'local-authority',
      teams: [
        t('casework-early-primary', 'SEND Casework: Early Years and Primary', 'send.primary'),
        t('casework-secondary', 'SEND Casework: Secondary', 'send.secondary'),
        t('casework-post16', 'SEND Casework: Post-16 and Preparing for Adulthood', 'send.post16'),
        t('send-strategy', 'SEND Strategy and Quality', 'send.quality'),
        t('local-offer', 'Local Offer', 'localoffer'),
        t('digital', 'Digital and Information Services', 'digital'),
      ],
    },
    {
      name: 'Denmoor Educational Psychology Service',
      kind: 'educational-psychology',
      teams: [
        t('educational-psychology', 'Educational Psychology Team', 'eps'),
        t('early-years-psychology', 'Early Years Psychology and Portage', 'portage'),
      ],
    },
    {
      name: 'Denmoor Community Health NHS Trust',
      kind: 'health',
      teams: [
        t('community-paediatrics', 'Community Paediatrics', 'paediatrics', 'denmoorhealth.example'),
        t('speech-language', 'Speech and Language Therapy', 'salt', 'denmoorhealth.example'),
        t('occupational-therapy', "Children's Occupational Therapy", 'ot', 'denmoorhealth.example'),
        t('physiotherapy', "Children's Physiotherapy", 'physio', 'denmoorhealth.example'),
      ],
    },
    {
      name: 'Moorland and Wolds Mental Health NHS Foundation Trust',
      kind: 'health',
      teams: [t('camhs', 'Child and Adolescent Mental Health Service (CAMHS)', 'camhs', 'mwmh.example')],
    },
    {
      name: "Denmoor Council Children's Social Care",
      kind: 'social-care',
      teams: [
        t('disabled-children', "Disabled Children's Team", 'dct'),
        t('children-in-care', 'Children in Care Team', 'childrenincare'),
      ],
    },
    schoolOrg(SENCO_SCHOOL, 'senco-school'),
    ...OTHER_SENCO_SETTINGS.map((name) => schoolOrg(name, `senco:${name}`)),
    {
      name: 'Denmoor Autism and ADHD Family Support',
      kind: 'voluntary',
      teams: [t('voluntary', 'Family Support Team', 'hello', 'denmoorfamilysupport.example')],
    },
  ];
}

interface StaffSpec {
  role: AppUserTable['role'];
  team: string;
  jobTitle: string;
  count: number;
}

function staffSpecs(children: number): StaffSpec[] {
  // About 12 more caseworkers at the default size, more for larger caseloads (a caseload of about 200 each).
  const caseworkers = Math.max(12, Math.round(children / 210));
  const primary = Math.round(caseworkers * 0.35);
  const secondary = Math.round(caseworkers * 0.4);
  const post16 = caseworkers - primary - secondary;
  return [
    { role: 'caseworker', team: 'casework-early-primary', jobTitle: 'SEND caseworker', count: primary },
    { role: 'caseworker', team: 'casework-secondary', jobTitle: 'SEND caseworker', count: secondary },
    { role: 'caseworker', team: 'casework-post16', jobTitle: 'SEND caseworker', count: post16 },
    { role: 'team-manager', team: 'casework-secondary', jobTitle: 'SEND casework team manager', count: 1 },
    { role: 'team-manager', team: 'casework-post16', jobTitle: 'SEND casework team manager', count: 1 },
    { role: 'send-leader', team: 'send-strategy', jobTitle: 'SEND quality assurance lead', count: 1 },
    { role: 'professional', team: 'educational-psychology', jobTitle: 'Educational psychologist', count: 3 },
    {
      role: 'professional',
      team: 'early-years-psychology',
      jobTitle: 'Early years educational psychologist',
      count: 1,
    },
    {
      role: 'professional',
      team: 'community-paediatrics',
      jobTitle: 'Designated clinical officer',
      count: 1,
    },
    { role: 'professional', team: 'community-paediatrics', jobTitle: 'Community paediatrician', count: 1 },
    { role: 'professional', team: 'speech-language', jobTitle: 'Speech and language therapist', count: 2 },
    { role: 'professional', team: 'occupational-therapy', jobTitle: 'Occupational therapist', count: 2 },
    { role: 'professional', team: 'physiotherapy', jobTitle: 'Paediatric physiotherapist', count: 1 },
    { role: 'professional', team: 'camhs', jobTitle: 'CAMHS clinical psychologist', count: 1 },
    { role: 'professional', team: 'disabled-children', jobTitle: 'Social worker', count: 1 },
    { role: 'professional', team: 'children-in-care', jobTitle: 'Social worker', count: 1 },
    ...OTHER_SENCO_SETTINGS.map((name): StaffSpec => ({
      role: 'professional',
      team: `senco:${name}`,
      jobTitle: name === 'Denmoor College' ? 'Learning support manager' : 'SENCO',
      count: 1,
    })),
    { role: 'professional', team: 'voluntary', jobTitle: 'Family support worker', count: 1 },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Children

interface Placement {
  setting: DemoSetting;
  spec: SettingSpec;
}

interface SettingIndex {
  all: Placement[];
  byName: Map<string, Placement>;
  fitting(category: SettingCategory | null, yg: number): Placement[];
}

function indexSettings(settings: DemoSetting[], specs: readonly SettingSpec[]): SettingIndex {
  const all = settings.map((setting, i) => ({ setting, spec: specs[i]! }));
  const byName = new Map(all.map((p) => [p.spec.name, p]));
  const memo = new Map<string, Placement[]>();
  return {
    all,
    byName,
    fitting(category, yg) {
      const key = `${category ?? '*'}:${yg}`;
      let list = memo.get(key);
      if (!list) {
        list = all.filter(
          (p) =>
            (category === null || p.spec.category === category) && p.spec.first <= yg && yg <= p.spec.last,
        );
        memo.set(key, list);
      }
      return list;
    },
  };
}

/** The kind of provision a child in year group yg with this need attends; null: none. */
function chooseCategory(rng: Random, yg: number, need: PrimaryNeed): SettingCategory | null {
  if (yg <= -3) return null;
  if (yg < 0) {
    if (!rng.chance(0.75)) return null;
    return rng.weighted<SettingCategory>([
      ['early-years', 70],
      ['mainstream', 15],
      ['special', 15],
    ]);
  }
  if (yg <= 11) {
    if (rng.chance(0.015)) return null; // electively home educated or missing education
    switch (need) {
      case 'SLD':
      case 'PMLD':
      case 'MSI':
        return rng.weighted<SettingCategory>([
          ['special', 85],
          ['mainstream', 5],
          ['independent-special', 10],
        ]);
      case 'ASD':
        return rng.weighted<SettingCategory>([
          ['mainstream', 50],
          ['special', 35],
          ['independent-special', 12],
          ['alternative', 3],
        ]);
      case 'SEMH':
        return rng.weighted<SettingCategory>([
          ['mainstream', 45],
          ['special', 25],
          ['independent-special', 15],
          ['alternative', 15],
        ]);
      case 'MLD':
        return rng.weighted<SettingCategory>([
          ['mainstream', 50],
          ['special', 47],
          ['independent-special', 3],
        ]);
      default:
        return rng.weighted<SettingCategory>([
          ['mainstream', 75],
          ['special', 20],
          ['independent-special', 5],
        ]);
    }
  }
  if (yg <= 14) {
    return rng.weighted<SettingCategory | null>([
      ['college', yg === 14 ? 65 : 50],
      ['special', yg === 14 ? 15 : 25],
      ['mainstream', yg === 14 ? 0 : 12],
      ['independent-special', 8],
      [null, yg === 14 ? 12 : 5],
    ]);
  }
  return rng.chance(0.6) ? 'college' : null;
}

function pickPlacement(
  rng: Random,
  index: SettingIndex,
  category: SettingCategory,
  yg: number,
): Placement | null {
  const order: SettingCategory[] = [category, 'mainstream', 'special', 'college', 'early-years'];
  for (const c of order) {
    const fitting = index.fitting(c, yg);
    if (fitting.length > 0) {
      return rng.weighted(
        fitting.map((p) => [p, p.spec.name === SENCO_SCHOOL ? p.spec.weight * 4 : p.spec.weight]),
      );
    }
  }
  return null;
}

/** The year group at which children usually join a setting of this phase. */
function phaseStart(yg: number): number {
  if (yg < 0) return -2;
  if (yg <= 6) return 0;
  if (yg <= 11) return 7;
  return 12;
}

interface ChildOverrides {
  yearGroup: number;
  sex: 'F' | 'M';
  ethnicity: string;
  origin: Origin;
  firstLanguage: string;
  need: PrimaryNeed;
  status: ChildTable['plan_status'];
  given: string;
  family: string;
  lookedAfter: boolean;
  knownToSocialCare: boolean;
  setting: string | null;
  /** Year group at which the child joined the current setting. */
  joinedAt: number;
  previousSetting: string;
  dualSetting: string;
  parent: { given: string; family: string; relationship: string; sex: 'F' | 'M'; email: string };
  secondParent: { given: string; family: string; relationship: string; sex: 'F' | 'M' } | null;
  householdLanguage: string;
}

interface BuiltChild {
  child: DemoChild;
  yearGroup: number;
  familyMembers: DemoFamilyMember[];
  childSettings: DemoChildSetting[];
  /** Case events without their actor, which allocation decides. */
  events: DemoCaseEvent[];
}

interface Context {
  la: string;
  today: string;
  index: SettingIndex;
}

function event(
  la: string,
  rng: Random,
  childId: string,
  date: string,
  kind: string,
  summary: string,
  detail?: Record<string, unknown>,
): DemoCaseEvent {
  return {
    la_code: la,
    child_id: childId,
    at: timestamp(date, rng),
    actor_user_id: null,
    kind,
    summary,
    detail: detail ? JSON.stringify(detail) : null,
  };
}

const REQUESTERS: readonly (readonly [string, number])[] = [
  ['parent', 45],
  ['school', 40],
  ['health', 8],
  ['young person', 2],
  ['other', 5],
];

const CEASE_REASONS: readonly string[] = [
  'Moved to another local authority',
  'Needs met without an EHC plan',
  'Moved into paid employment',
  'Moved on to higher education',
  'Young person no longer wishes to engage in education or training',
];

function buildChild(i: number, rng: Random, ctx: Context, o: Partial<ChildOverrides>): BuiltChild {
  const { today, index } = ctx;
  const id = rng.uuid();
  const yg = o.yearGroup ?? rng.weighted(YEAR_GROUP_WEIGHTS);
  const [bornFrom, bornTo] = birthRangeForYearGroup(yg, today);
  const dateOfBirth = rng.dateBetween(
    maxDate(bornFrom, addDays(addYears(today, -26), 1)),
    minDate(bornTo, addDays(today, -30)),
  );
  const sex = o.sex ?? (rng.chance(0.72) ? 'M' : 'F');
  const ethnicity = o.ethnicity ?? rng.weighted(ETHNICITIES);
  const origin = o.origin ?? originFor(rng, ethnicity);
  // The national draw is still made (and its hearing-impairment draw below), so the generator's stream is unchanged;
  // a child in the early years has their need drawn again, from their own stream, from the early years' shares.
  const drawnNeed = o.need ?? needForAge(rng.weighted(PRIMARY_NEED_WEIGHTS), yg);
  const needRng = rng.fork('primary-need');
  const need = o.need ?? needForPhase(drawnNeed, yg, needRng);
  let firstLanguage = o.firstLanguage ?? homeLanguage(rng, origin, ethnicity);
  const signsDrawn = !o.firstLanguage && drawnNeed === 'HI' ? rng.chance(0.15) : null;
  if (!o.firstLanguage && need === 'HI' && (signsDrawn ?? needRng.fork('bsl').chance(0.15))) {
    firstLanguage = 'British Sign Language';
  }
  const given = o.given ?? pickGivenName(rng, origin, sex, false);
  const family = o.family ?? pickFamilyName(rng, origin);
  const lookedAfter = o.lookedAfter ?? rng.chance(0.04);
  const knownToSocialCare = o.knownToSocialCare ?? (lookedAfter || rng.chance(0.085));

  let status: ChildTable['plan_status'];
  if (o.status) status = o.status;
  else if (yg <= -4) status = 'assessment';
  else if (yg === -3) status = rng.chance(0.8) ? 'assessment' : 'plan';
  else
    status = rng.weighted<ChildTable['plan_status']>([
      ['plan', yg >= 15 ? 72 : 87],
      ['assessment', yg >= 15 ? 3 : 9],
      ['ceased', yg >= 15 ? 25 : 4],
    ]);

  // History: the request, the assessment, the plan and its reviews, or where an assessment has got to.
  const events: DemoCaseEvent[] = [];
  let planFirstIssued: string | null = null;
  let requestDate: string;
  const latestRequest = addDays(today, -3);
  if (status === 'assessment') {
    requestDate = rng.dateBetween(
      minDate(maxDate(addDays(dateOfBirth, 21), addDays(today, -210)), latestRequest),
      latestRequest,
    );
  } else {
    // No EHC plan before they began (1 September 2014): no reviews from 2014 or audits from 2013.
    const earliest = maxDate(
      addDays(dateOfBirth, yg <= -2 ? 240 : 730),
      maxDate(addYears(today, -14), EHC_PLANS_BEGAN),
    );
    const latest = addDays(today, status === 'ceased' ? -60 : -14);
    planFirstIssued = rng.dateBetween(minDate(earliest, latest), latest);
    // About half of new plans are issued within 20 weeks of the request.
    const weeks = rng.chance(0.5) ? rng.int(12, 20) : rng.int(21, 52);
    requestDate = maxDate(addDays(planFirstIssued, -7 * weeks), addDays(dateOfBirth, 30));
  }
  // No request before EHC plans began (1 September 2014): a plan issued in their first months was asked for on that
  // day at the earliest. Its decision is drawn as before (the generator's stream is unchanged) and kept when it falls
  // before the plan.
  const drawnRequest = requestDate;
  requestDate = maxDate(requestDate, EHC_PLANS_BEGAN);
  const requester = yg >= 12 && rng.chance(0.3) ? 'young person' : rng.weighted(REQUESTERS);
  events.push(
    event(
      ctx.la,
      rng,
      id,
      requestDate,
      'request-received',
      `Request for an EHC needs assessment received from the ${requester}`,
      {
        requestedBy: requester,
      },
    ),
  );
  const delay = rng.int(28, 42);
  if (
    addDays(drawnRequest, delay) < today &&
    (planFirstIssued === null || addDays(drawnRequest, delay) < planFirstIssued)
  ) {
    const decision = addDays(requestDate, delay);
    const agreed = event(
      ctx.la,
      rng,
      id,
      decision,
      'assessment-agreed',
      'Decided to carry out an EHC needs assessment',
    );
    if (planFirstIssued === null || decision < planFirstIssued) events.push(agreed);
  }
  let ceasedOn: string | null = null;
  if (planFirstIssued) {
    events.push(event(ctx.la, rng, id, planFirstIssued, 'plan-issued', 'EHC plan first issued'));
    if (status === 'ceased') {
      ceasedOn = rng.dateBetween(
        minDate(addDays(planFirstIssued, 365), addDays(today, -30)),
        addDays(today, -7),
      );
    }
    const end = ceasedOn ?? today;
    for (let year = 1; ; year++) {
      const due = addYears(planFirstIssued, year);
      if (due > end) break;
      const overdue = addYears(due, 1) > end && rng.chance(0.12);
      if (overdue) break;
      const held = addDays(due, rng.int(-45, 25));
      if (held >= end) break;
      events.push(event(ctx.la, rng, id, held, 'review-held', 'Annual review meeting held'));
      const amended = addDays(held, rng.int(42, 110));
      if (rng.chance(0.3) && amended < end) {
        events.push(event(ctx.la, rng, id, amended, 'plan-amended', 'EHC plan amended after annual review'));
      }
    }
    if (ceasedOn) {
      const reason = yg >= 14 ? rng.pick(CEASE_REASONS) : rng.pick(CEASE_REASONS.slice(0, 2));
      events.push(
        event(ctx.la, rng, id, ceasedOn, 'plan-ceased', `EHC plan ceased: ${reason.toLowerCase()}`, {
          reason,
        }),
      );
    }
  }
  // A child with no plan and no request yet (parent2@'s, free to ask for a first assessment: a request for a child
  // with a plan is a reassessment, J8) draws a history like a child with a plan, so the generator's stream and the
  // rest of the demo are unchanged, and keeps none of it.
  if (status === 'none') {
    events.length = 0;
    planFirstIssued = null;
  }

  // Identifiers
  const s = schoolYearStart(today);
  let upn: string | null = null;
  let upnMissingReason: string | null = null;
  if (yg < 0) upnMissingReason = 'Not yet of school age';
  else if (rng.chance(0.03)) {
    upnMissingReason = 'Not yet supplied by the setting'; // made consistent with the setting below
  } else upn = upnFor(i, s - yg, ctx.la);
  const uln = yg >= 10 && rng.chance(0.9) ? ulnFor(i) : null;

  // Home
  const home = address(rng);
  const householdLanguage =
    o.householdLanguage ?? (firstLanguage === 'British Sign Language' ? 'English' : firstLanguage);

  const child: DemoChild = {
    la_code: ctx.la,
    id,
    reference: `GT-${String(i + 1).padStart(6, '0')}`,
    given_name: given,
    family_name: family,
    preferred_name: !o.given && rng.chance(0.04) ? pickGivenName(rng, origin, sex, false) : null,
    date_of_birth: dateOfBirth,
    sex,
    ethnicity,
    postcode: home.postcode,
    upn,
    uln,
    upn_missing_reason: upnMissingReason,
    first_language: firstLanguage,
    looked_after: lookedAfter,
    known_to_social_care: knownToSocialCare,
    primary_need: need,
    plan_status: status,
    plan_first_issued: planFirstIssued,
    lead_officer_id: null,
    created_at: new Date(`${requestDate}T09:00:00.000Z`),
    updated_at: new Date(`${requestDate}T09:00:00.000Z`),
  };

  // Settings
  const childSettings: DemoChildSetting[] = [];
  let current: Placement | null = null;
  if (o.setting !== undefined) {
    current = o.setting === null ? null : (index.byName.get(o.setting) ?? null);
    if (o.setting !== null && !current) throw new Error(`No demo setting ${o.setting}`);
  } else if (!(status === 'ceased' && rng.chance(0.5))) {
    const category = chooseCategory(rng, yg, need);
    current = category ? pickPlacement(rng, index, category, yg) : null;
  }
  if (current) {
    const natural = Math.max(current.spec.first, phaseStart(yg));
    const joinedAt =
      o.joinedAt ?? (rng.chance(0.75) ? Math.min(natural, yg) : rng.int(current.spec.first, yg));
    const movedMidPhase = joinedAt > natural;
    let start = septemberOfYearGroup(yg, joinedAt, today);
    if (movedMidPhase && rng.chance(0.5)) {
      start = rng.dateBetween(start, maxDate(start, minDate(addDays(start, 320), addDays(today, -1))));
    }
    if (start > today) start = today;
    const schoolAge = yg >= 0;
    const partTime = yg < 0 ? rng.chance(0.6) : rng.chance(0.03);
    const currentRow: DemoChildSetting = {
      la_code: ctx.la,
      id: rng.uuid(),
      child_id: id,
      setting_id: current.setting.id,
      start_date: start,
      end_date: null,
      attendance: partTime ? 'part-time' : 'full-time',
    };
    // A previous setting: usual for a move part-way through a phase, sometimes recorded at a change of phase.
    const previousYear = joinedAt - 1;
    if (
      previousYear >= -2 &&
      (o.previousSetting || (o.previousSetting === undefined && rng.chance(movedMidPhase ? 0.7 : 0.15)))
    ) {
      const candidates = index
        .fitting(null, previousYear)
        .filter((p) => p !== current && p.spec.category !== 'alternative');
      const previous = o.previousSetting
        ? index.byName.get(o.previousSetting)
        : candidates.length > 0
          ? rng.weighted(candidates.map((p) => [p, p.spec.weight]))
          : undefined;
      if (previous) {
        const prevStart = septemberOfYearGroup(
          yg,
          Math.max(previous.spec.first, phaseStart(previousYear)),
          today,
        );
        const prevEnd = start.endsWith('-09-01') ? `${start.slice(0, 4)}-07-21` : addDays(start, -1);
        if (prevStart <= prevEnd) {
          childSettings.push({
            la_code: ctx.la,
            id: rng.uuid(),
            child_id: id,
            setting_id: previous.setting.id,
            start_date: prevStart,
            end_date: prevEnd,
            attendance: previousYear < 0 ? 'part-time' : 'full-time',
          });
          events.push(
            event(
              ctx.la,
              rng,
              id,
              start,
              'setting-changed',
              `Moved from ${previous.spec.name} to ${current.spec.name}`,
              {
                from: previous.spec.name,
                to: current.spec.name,
              },
            ),
          );
        }
      }
    }
    childSettings.push(currentRow);
    // Dual registration with alternative provision.
    if (
      o.dualSetting ||
      (o.dualSetting === undefined &&
        schoolAge &&
        yg >= 1 &&
        yg <= 11 &&
        current.spec.category !== 'alternative' &&
        rng.chance(0.025))
    ) {
      const options = index.fitting('alternative', yg);
      const dual = o.dualSetting
        ? index.byName.get(o.dualSetting)
        : options.length > 0
          ? rng.pick(options)
          : undefined;
      const dualFrom = maxDate(start, addDays(today, -300));
      if (dual && dualFrom <= addDays(today, -7)) {
        const dualStart = rng.dateBetween(dualFrom, addDays(today, -7));
        currentRow.attendance = 'dual-registered';
        childSettings.push({
          la_code: ctx.la,
          id: rng.uuid(),
          child_id: id,
          setting_id: dual.setting.id,
          start_date: dualStart,
          end_date: null,
          attendance: 'dual-registered',
        });
        events.push(
          event(ctx.la, rng, id, dualStart, 'setting-changed', `Dual registered with ${dual.spec.name}`, {
            dual: dual.spec.name,
          }),
        );
      }
    }
  }

  if (upn === null && yg >= 0) {
    child.upn_missing_reason = current
      ? rng.pick(['Newly arrived from overseas', 'Not yet supplied by the setting'])
      : 'Educated at home';
  }

  // Family
  const familyMembers: DemoFamilyMember[] = [];
  const interpreterLanguage = householdLanguage === 'English' ? null : householdLanguage;
  const addMember = (
    m: { given: string; family: string; relationship: string; pr: boolean; email?: string },
    where: { line: string; town: string; postcode: string },
  ) => {
    const email =
      m.email ??
      (rng.chance(0.88) ? `${asciiSlug(m.given)}.${asciiSlug(m.family)}${rng.int(1, 99)}@example.com` : null);
    const preferredLanguage = interpreterLanguage && rng.chance(0.8) ? interpreterLanguage : null;
    familyMembers.push({
      la_code: ctx.la,
      id: rng.uuid(),
      child_id: id,
      given_name: m.given,
      family_name: m.family,
      relationship: m.relationship,
      parental_responsibility: m.pr,
      email,
      phone: rng.chance(0.95) ? mobileNumber(rng) : null,
      address_line: where.line,
      town: where.town,
      postcode: where.postcode,
      contact_preference: rng.weighted<DemoFamilyMember['contact_preference']>([
        ['email', email ? 55 : 0],
        ['text', 20],
        ['phone', 18],
        ['letter', 7],
      ]),
      preferred_language: preferredLanguage,
      needs_interpreter: preferredLanguage !== null && rng.chance(0.35),
      user_id: null,
    });
  };
  if (o.parent) {
    const p = o.parent;
    addMember(
      { given: p.given, family: p.family, relationship: p.relationship, pr: true, email: p.email },
      home,
    );
    if (o.secondParent) {
      const q = o.secondParent;
      addMember({ given: q.given, family: q.family, relationship: q.relationship, pr: true }, home);
    }
  } else if (lookedAfter) {
    const carerFamily = pickFamilyName(rng, rng.chance(0.8) ? 'english' : origin);
    const carerHome = rng.chance(0.8)
      ? address(rng)
      : (() => {
          const n = rng.pick(NEIGHBOURS);
          return {
            line: `${rng.int(1, 120)} ${rng.pick(['Mill', 'Church', 'School'])} Lane`,
            town: n.town,
            postcode: neighbourPostcode(rng, n.area),
          };
        })();
    addMember(
      {
        given: pickGivenName(rng, 'english', 'F', true),
        family: carerFamily,
        relationship: 'foster carer',
        pr: false,
      },
      carerHome,
    );
    if (rng.chance(0.4)) {
      addMember(
        { given: pickGivenName(rng, origin, 'F', true), family, relationship: 'mother', pr: true },
        address(rng),
      );
    }
  } else {
    const first = rng.weighted([
      ['mother', 85],
      ['father', 9],
      ['grandparent', 4],
      ['carer', 2],
    ]);
    const firstSex: 'F' | 'M' =
      first === 'father' ? 'M' : first === 'mother' ? 'F' : rng.chance(0.75) ? 'F' : 'M';
    addMember(
      {
        given: pickGivenName(rng, origin, firstSex, true),
        family: first === 'mother' && rng.chance(0.25) ? pickFamilyName(rng, origin) : family,
        relationship: first,
        pr: first !== 'carer' || rng.chance(0.5),
      },
      home,
    );
    if (rng.chance(0.6)) {
      const second =
        first === 'father'
          ? 'mother'
          : rng.weighted([
              ['father', 82],
              ['step-parent', 10],
              ['grandparent', 8],
            ]);
      const secondSex: 'F' | 'M' =
        second === 'mother' ? 'F' : second === 'grandparent' ? (rng.chance(0.6) ? 'F' : 'M') : 'M';
      const separated = second === 'father' && rng.chance(0.2);
      addMember(
        {
          given: pickGivenName(rng, origin, secondSex, true),
          family: second === 'step-parent' ? pickFamilyName(rng, origin) : family,
          relationship: second,
          pr: second === 'father' || second === 'mother',
        },
        separated ? address(rng) : home,
      );
    }
  }

  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  child.updated_at = events.reduce((latest, e) => (e.at > latest ? e.at : latest), child.created_at!);
  return { child, yearGroup: yg, familyMembers, childSettings, events };
}

// ---------------------------------------------------------------------------------------------------------------

/** The three children the family accounts are linked to, built at fixed positions with fixed stories. */
function specialChildren(n: number): Map<number, { email: string; overrides: Partial<ChildOverrides> }> {
  const parent = demoAccount('parent@demo.example').displayName.split(' ');
  const parent2 = demoAccount('parent2@demo.example').displayName.split(' ');
  const youngPerson = demoAccount('youngperson@demo.example').displayName.split(' ');
  const positions = n >= 300 ? [17, 142, 263] : [0, 1, 2];
  return new Map([
    [
      positions[0]!,
      {
        email: 'parent@demo.example',
        overrides: {
          yearGroup: 4,
          sex: 'M',
          ethnicity: 'WBRI',
          origin: 'english',
          firstLanguage: 'English',
          householdLanguage: 'English',
          need: 'ASD',
          status: 'plan',
          given: 'Oliver',
          family: parent[1]!,
          lookedAfter: false,
          knownToSocialCare: false,
          setting: SENCO_SCHOOL,
          joinedAt: 0,
          previousSetting: 'Little Acorns Day Nursery',
          dualSetting: PARENT_DUAL_SETTING,
          parent: {
            given: parent[0]!,
            family: parent[1]!,
            relationship: 'mother',
            sex: 'F',
            email: 'parent@demo.example',
          },
          secondParent: { given: 'Mark', family: parent[1]!, relationship: 'father', sex: 'M' },
        },
      },
    ],
    [
      positions[1]!,
      {
        email: 'parent2@demo.example',
        overrides: {
          yearGroup: 2,
          sex: 'F',
          ethnicity: 'WOTH',
          origin: 'polish',
          firstLanguage: 'Polish',
          householdLanguage: 'Polish',
          need: 'SLCN',
          status: 'none',
          given: 'Zofia',
          family: parent2[1]!,
          lookedAfter: false,
          knownToSocialCare: false,
          setting: PARENT2_SETTING,
          joinedAt: 0,
          parent: {
            given: parent2[0]!,
            family: parent2[1]!,
            relationship: 'mother',
            sex: 'F',
            email: 'parent2@demo.example',
          },
          secondParent: { given: 'Tomasz', family: parent2[1]!, relationship: 'father', sex: 'M' },
        },
      },
    ],
    [
      positions[2]!,
      {
        email: 'youngperson@demo.example',
        overrides: {
          yearGroup: 13,
          sex: 'M',
          ethnicity: 'MWBC',
          origin: 'english',
          firstLanguage: 'English',
          householdLanguage: 'English',
          need: 'SEMH',
          status: 'plan',
          given: youngPerson[0]!,
          family: youngPerson[1]!,
          lookedAfter: false,
          knownToSocialCare: true,
          setting: YOUNG_PERSON_SETTING,
          joinedAt: 12,
          previousSetting: 'Moorside Academy',
          parent: {
            given: 'Simone',
            family: youngPerson[1]!,
            relationship: 'mother',
            sex: 'F',
            email: 'simone.ellison7@example.com',
          },
          secondParent: null,
        },
      },
    ],
  ]);
}

function teamForYearGroup(yg: number): DemoTeamKey {
  if (yg <= 6) return 'casework-early-primary';
  if (yg <= 11) return 'casework-secondary';
  return 'casework-post16';
}

/** The day EHC plans began (Children and Families Act 2014 Part 3 in force). */
export const EHC_PLANS_BEGAN = '2014-09-01';

/**
 * A primary need that fits the child's age: no moderate learning difficulty before school age (it is a difference
 * in progress at school) and no specific learning difficulty (dyslexia and the like) before Year 2; such a young
 * child's needs are recorded as speech, language and communication needs, as early years services would.
 */
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

export function needForAge(need: PrimaryNeed, yearGroup: number): PrimaryNeed {
  if (need === 'MLD' && yearGroup < 0) return 'SLCN';
  if (need === 'SPLD' && yearGroup < 2) return 'SLCN';
  return need;
}

export function buildDemoData(options: DemoOptions = {}): DemoData {
  const n = options.children ?? DEFAULT_CHILDREN;
  const seed = options.seed ?? DEFAULT_SEED;
  const today = options.today ?? DEFAULT_TODAY;
  const la = options.laCode ?? DEMO_LA_CODE;
  if (!Number.isInteger(n) || n < 3) throw new Error('children must be a whole number of at least 3');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error('today must be YYYY-MM-DD');
  const root = createRandom(seed);
  const createdAt = new Date(`${addDays(today, -400)}T09:00:00.000Z`);

  const localAuthority: Insertable<LocalAuthorityTable> = {
    la_code: la,
    name: 'Denmoor Council',
    team_email: 'send@denmoor.example',
    team_phone: '01632 960000',
    sendiass_name: 'Denmoor SENDIASS',
    sendiass_phone: '01632 960100',
    sendiass_email: 'sendiass@denmoorsendiass.example.org',
    sendiass_url: 'https://denmoor-sendiass.example.org',
    mediation_adviser_name: 'Moorside Mediation (fictional)',
    mediation_adviser_phone: '01632 960200',
    mediation_adviser_email: 'adviser@moorside-mediation.example.org',
    mediation_adviser_url: 'https://moorside-mediation.example.org',
    mediation_contact_name: 'Denmoor SEND mediation officer',
    mediation_contact_phone: '01632 960150',
    mediation_contact_email: 'send.mediation@denmoor.example',
    disagreement_name: 'Wolds Disagreement Resolution Service (fictional)',
    disagreement_phone: '01632 960210',
    disagreement_email: 'resolve@wolds-resolution.example.org',
    disagreement_url: 'https://wolds-resolution.example.org',
    created_at: createdAt,
  };

  // Organisations and teams
  const orgRng = root.fork('organisations');
  const organisations: DemoOrganisation[] = [];
  const teams: DemoTeam[] = [];
  const teamIds = new Map<string, string>();
  for (const spec of organisationSpecs(orgRng)) {
    const org: DemoOrganisation = { la_code: la, id: orgRng.uuid(), name: spec.name, kind: spec.kind };
    organisations.push(org);
    for (const t of spec.teams) {
      const team: DemoTeam = {
        la_code: la,
        id: orgRng.uuid(),
        organisation_id: org.id,
        name: t.name,
        email: t.email,
        phone: t.phone,
      };
      teams.push(team);
      teamIds.set(t.key, team.id);
    }
  }
  const teamId = (key: string) => {
    const found = teamIds.get(key);
    if (!found) throw new Error(`No demo team ${key}`);
    return found;
  };

  // Users: the demo accounts, then staff without passwords (an account `fromStaff` takes its staff member's place).
  const userRng = root.fork('users');
  const users: DemoUser[] = DEMO_ACCOUNTS.filter((a) => !a.fromStaff).map((a) => ({
    la_code: la,
    id: userRng.uuid(),
    email: a.email,
    display_name: a.displayName,
    role: a.role,
    job_title: a.jobTitle,
    team_id: a.team ? teamId(a.team) : null,
    password_hash: null,
    created_at: createdAt,
  }));
  const byEmail = new Map(users.map((u) => [u.email, u]));
  const account = (email: string) => byEmail.get(email)!;
  const emails = new Set(users.map((u) => u.email));
  const usedNames = new Set(users.map((u) => u.display_name));
  for (const spec of staffSpecs(n)) {
    for (let k = 0; k < spec.count; k++) {
      let name: string;
      do {
        const origin = userRng.weighted<Origin>([
          ['english', 75],
          ['south-asian', 12],
          ['polish', 3],
          ['west-african', 4],
          ['caribbean', 4],
          ['chinese', 2],
        ]);
        const sex = userRng.chance(0.75) ? 'F' : 'M';
        const pool = NAME_POOLS[origin];
        const adults = (sex === 'F' ? pool.women : pool.men) ?? (sex === 'F' ? pool.girls : pool.boys);
        name = `${userRng.pick(adults)} ${pickFamilyName(userRng, origin)}`;
      } while (usedNames.has(name));
      usedNames.add(name);
      const team = teams.find((t) => t.id === teamId(spec.team))!;
      const domain = team.email?.split('@')[1] ?? 'denmoor.example';
      let email = `${name
        .toLowerCase()
        .replace(/[^a-z ]/g, '')
        .replace(' ', '.')}@${domain}`;
      for (let suffix = 2; emails.has(email); suffix++) email = email.replace(/\d*@/, `${suffix}@`);
      emails.add(email);
      const demo = k === 0 ? DEMO_ACCOUNTS.find((a) => a.fromStaff && a.team === spec.team) : undefined;
      if (demo) usedNames.add(demo.displayName);
      const user: DemoUser = {
        la_code: la,
        id: userRng.uuid(),
        email: demo?.email ?? email,
        display_name:
          demo?.displayName ?? (spec.jobTitle.startsWith('Community paediatrician') ? `Dr ${name}` : name),
        role: spec.role,
        job_title: spec.jobTitle,
        team_id: team.id,
        password_hash: null,
        created_at: createdAt,
      };
      users.push(user);
      byEmail.set(user.email, user);
    }
  }

  // Settings
  const settingRng = root.fork('settings');
  const settings: DemoSetting[] = DEMO_SETTINGS.map((spec, k) => {
    const neighbour = spec.outOfArea === undefined ? undefined : NEIGHBOURS[spec.outOfArea]!;
    return {
      la_code: la,
      id: settingRng.uuid(),
      urn: String(980_001 + k * 113),
      name: spec.name,
      kind: spec.kind,
      type: spec.type,
      phase: spec.phase,
      first_year_group: spec.first,
      last_year_group: spec.last,
      in_area: neighbour === undefined,
      location_authority: neighbour?.name ?? null,
      postcode: neighbour ? neighbourPostcode(settingRng, neighbour.area) : address(settingRng).postcode,
    };
  });
  const ctx: Context = { la, today, index: indexSettings(settings, DEMO_SETTINGS) };

  // Children
  const specials = specialChildren(n);
  const built: BuiltChild[] = [];
  for (let i = 0; i < n; i++) {
    built.push(buildChild(i, root.fork(`child:${i}`), ctx, specials.get(i)?.overrides ?? {}));
  }
  const specialIds = new Map<string, BuiltChild>();
  for (const [i, s] of specials) specialIds.set(s.email, built[i]!);
  const parentChild = specialIds.get('parent@demo.example')!;
  const parent2Child = specialIds.get('parent2@demo.example')!;
  const youngPersonChild = specialIds.get('youngperson@demo.example')!;
  for (const [email, b] of specialIds) {
    if (email === 'youngperson@demo.example') continue;
    b.familyMembers[0]!.user_id = account(email).id;
  }

  // Allocation: each child to a caseworker in the team for their phase; caseworker@ holds about 200 early years and
  // primary children, including both parents' children; a few children are not yet allocated.
  const allocRng = root.fork('allocation');
  const caseworker = account('caseworker@demo.example');
  const caseworkersByTeam = new Map<string, DemoUser[]>();
  for (const u of users) {
    if (u.role !== 'caseworker' || u.id === caseworker.id) continue;
    const list = caseworkersByTeam.get(u.team_id!) ?? [];
    list.push(u);
    caseworkersByTeam.set(u.team_id!, list);
  }
  const specialSet = new Set([parentChild, parent2Child, youngPersonChild]);
  const primaryTeam = teamId('casework-early-primary');
  const primaryPool: BuiltChild[] = [];
  for (const b of built) {
    const unallocated =
      !specialSet.has(b) && allocRng.chance(b.child.plan_status === 'assessment' ? 0.08 : 0.005);
    if (unallocated) continue;
    const team = teamId(teamForYearGroup(b.yearGroup));
    if (team === primaryTeam && !specialSet.has(b)) primaryPool.push(b);
    b.child.lead_officer_id = allocRng.pick(caseworkersByTeam.get(team)!).id;
  }
  // About 200 plans at the default size (issue 18 item 9: a caseload like a real caseworker's), 45 children in small
  // demos such as the tests' images.
  const caseworkerTarget = Math.min(Math.max(45, Math.round(n * 0.095)), Math.ceil(primaryPool.length / 2));
  parentChild.child.lead_officer_id = caseworker.id;
  parent2Child.child.lead_officer_id = caseworker.id;
  for (const b of allocRng.sample(primaryPool, caseworkerTarget - 2)) b.child.lead_officer_id = caseworker.id;
  for (const b of built) {
    for (const e of b.events) e.actor_user_id = b.child.lead_officer_id;
  }

  const children = built.map((b) => b.child);
  const familyMembers = built.flatMap((b) => b.familyMembers);
  const childSettings = built.flatMap((b) => b.childSettings);
  const caseEvents = built.flatMap((b) => b.events);

  // Access grants
  const grantRng = root.fork('grants');
  const accessGrants: DemoAccessGrant[] = [];
  const granted = new Set<string>();
  const grant = (user: DemoUser, b: BuiltChild, kind: DemoAccessGrant['kind'], reason: string) => {
    const key = `${user.id}:${b.child.id}:${kind}`;
    if (granted.has(key)) return;
    granted.add(key);
    accessGrants.push({
      la_code: la,
      id: grantRng.uuid(),
      user_id: user.id,
      child_id: b.child.id,
      kind,
      reason,
      granted_by: b.child.lead_officer_id ?? account('manager@demo.example').id,
      granted_at: timestamp(grantRng.dateBetween(addDays(today, -200), addDays(today, -1)), grantRng),
    });
  };
  grant(account('parent@demo.example'), parentChild, 'parent', 'Parent with parental responsibility');
  grant(account('parent2@demo.example'), parent2Child, 'parent', 'Parent with parental responsibility');
  grant(
    account('youngperson@demo.example'),
    youngPersonChild,
    'young-person',
    'Young person over compulsory school age',
  );

  const active = built.filter((b) => b.child.plan_status !== 'ceased');
  const currentSettingOf = new Map<string, string>();
  for (const cs of childSettings)
    if (cs.end_date === null) currentSettingOf.set(`${cs.child_id}:${cs.setting_id}`, cs.id);
  const attends = (b: BuiltChild, settingName: string) => {
    const setting = ctx.index.byName.get(settingName)!.setting;
    return currentSettingOf.has(`${b.child.id}:${setting.id}`);
  };
  const adviserGrants = (
    user: DemoUser,
    count: number,
    reason: string,
    include: BuiltChild[],
    fits: (b: BuiltChild) => boolean,
  ) => {
    for (const b of include) grant(user, b, 'adviser', reason);
    const pool = active.filter((b) => fits(b) && !include.includes(b));
    for (const b of grantRng.sample(pool, count - include.length)) grant(user, b, 'adviser', reason);
  };
  adviserGrants(
    account('ep@demo.example'),
    10,
    'Educational psychology advice',
    [parentChild],
    (b) =>
      b.yearGroup >= -2 &&
      b.yearGroup <= 11 &&
      (b.child.plan_status === 'assessment' || grantRng.chance(0.2)),
  );
  adviserGrants(
    account('health@demo.example'),
    8,
    'Health advice (community paediatrics)',
    [parentChild],
    (b) =>
      b.yearGroup <= 11 &&
      ['ASD', 'PD', 'PMLD', 'SLD', 'HI', 'VI', 'MSI'].includes(b.child.primary_need ?? ''),
  );
  adviserGrants(
    account('socialcare@demo.example'),
    8,
    'Social care advice',
    [],
    (b) => b.child.known_to_social_care === true && b.yearGroup <= 17,
  );
  adviserGrants(account('senco@demo.example'), 12, 'SENCO at the child’s school', [parentChild], (b) =>
    attends(b, SENCO_SCHOOL),
  );
  for (const user of users) {
    if (user.role !== 'professional' || DEMO_ACCOUNTS.some((a) => a.email === user.email && !a.fromStaff))
      continue;
    const team = teams.find((t) => t.id === user.team_id)!;
    const senco = OTHER_SENCO_SETTINGS.find((name) => teamIds.get(`senco:${name}`) === team.id);
    if (senco) adviserGrants(user, 5, 'SENCO at the young person’s setting', [], (b) => attends(b, senco));
    else adviserGrants(user, 3, `Advice from ${team.name}`, [], (b) => b.yearGroup <= 17);
  }

  const link = (email: string, b: BuiltChild): DemoLink => ({
    email,
    childId: b.child.id,
    reference: b.child.reference,
  });
  const data: DemoData = {
    today,
    localAuthority,
    organisations,
    teams,
    users,
    settings,
    children,
    familyMembers,
    childSettings,
    accessGrants,
    caseEvents,
    // From its own stream, after every other draw: the rest of the demo is unchanged.
    auditHistory: buildAuditHistory(
      { today, users, children, caseEvents, accessGrants },
      root.fork('audit-history'),
    ),
    links: {
      parent: link('parent@demo.example', parentChild),
      parent2: link('parent2@demo.example', parent2Child),
      youngPerson: link('youngperson@demo.example', youngPersonChild),
    },
  };
  return options.place === undefined || options.place === TOWN ? data : renamePlace(data, options.place);
}

/** Every row with "Denmoor" in its text fields named after `place` instead (and "denmoor" in addresses and domains). */
function renamePlace(data: DemoData, place: string): DemoData {
  const slug = asciiSlug(place);
  const rename = <T extends object>(row: T): T => {
    const out = { ...row } as Record<string, unknown>;
    for (const [k, v] of Object.entries(out)) {
      if (typeof v === 'string' && /denmoor/i.test(v))
        out[k] = v.replaceAll(TOWN, place).replaceAll(TOWN.toLowerCase(), slug);
    }
    return out as T;
  };
  return {
    ...data,
    localAuthority: rename(data.localAuthority),
    organisations: data.organisations.map(rename),
    teams: data.teams.map(rename),
    users: data.users.map(rename),
    settings: data.settings.map(rename),
    children: data.children.map(rename),
    familyMembers: data.familyMembers.map(rename),
    childSettings: data.childSettings.map(rename),
    caseEvents: data.caseEvents.map(rename),
  };
}
