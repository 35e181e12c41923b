/**
 * Deterministic fictional Local Offer for demo mode, tests and benchmarks: about 400 services from about 120
 * organisations in the demo authority's fictional town of Denmoor and its villages (the same places and postcode
 * districts as the authority's own records, src/demo/names.ts), or as many as asked for (`{ services: 5000 }`).
 * Services are distinct: each takes one of its kind's names (a council's "Passenger Assistant Service", a club's
 * "Quiet Swim") and, where another service already has it, says who runs it, where or for whom ("Quiet Swim at
 * Harrowfield Swimming Club"); never a number. Each is run by an organisation that fits it (a taxi firm runs the taxis,
 * a swimming club the swimming: `RUNS`), and says what it does in its own words (`SAYS`: an orthotics clinic is not
 * described as physiotherapy in general). Its description ends with who runs it, where and for what ages.
 *
 * Everything is invented. Web addresses use only reserved names: `https://<org-slug>.example.org/...` for working
 * links, and `https://old-site.example.invalid/...` (the reserved `.invalid` top-level domain, which never
 * resolves) for links that must fail the link checker. Phone numbers are from Ofcom's ranges kept for drama
 * (01632 960xxx, 07700 900xxx). People appear only by role, never by name. Postcodes are in the made-up "DM"
 * area (DM is not a real UK postcode area), each in its place's district.
 *
 * The same seed and `today` always give the same data; there is no Math.random.
 */
import type {
  CategoryCode,
  Contact,
  Cost,
  LocalOfferService,
  NeedCode,
  Organisation,
  OrganisationKind,
  Owner,
  Schedule,
  ServiceLocation,
} from './oruk/model.ts';
import { uuidV5 } from './oruk/uuid.ts';
import { DISTRICTS, TOWN } from '../../demo/names.ts';

/** The fictional local area the demo Local Offer describes. */
export const DEMO_AREA = {
  name: TOWN,
  councilName: 'Denmoor Council',
  county: TOWN,
  councilWebsite: 'https://denmoor-council.example.org/',
  localOfferEmail: 'localoffer@denmoor-council.example.org',
  sendiassName:
    'Denmoor Special Educational Needs and Disabilities Information, Advice and Support Service (SENDIASS)',
  sendiassPhone: '01632 960100',
  sendiassEmail: 'help@denmoor-sendiass.example.org',
  sendiassWebsite: 'https://denmoor-sendiass.example.org/',
  parentCarerForumName: 'Denmoor Parent Carer Forum',
  /** The town centre, near which every location falls (a plausible point in the English Midlands). */
  centre: { latitude: 52.6123, longitude: -1.9871 },
} as const;

export type DemoArea = typeof DEMO_AREA;

export interface DemoLocalOffer {
  readonly area: DemoArea;
  readonly organisations: readonly Organisation[];
  readonly services: readonly LocalOfferService[];
}

export interface DemoOptions {
  /** Today's date (YYYY-MM-DD): review-by and last-checked dates are set around it, some in the past. */
  readonly today: string;
  /** How many services (default 400). */
  readonly services?: number;
  /** How many organisations (default: about 3.3 services each, so 120 for 400, at least 10). */
  readonly organisations?: number;
  /** The seed (default "denmoor"). */
  readonly seed?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// A small seeded PRNG (mulberry32, seeded through a string hash): fast, good enough for demo data, deterministic.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** `n` different items, in the order they were drawn. */
  sample<T>(items: readonly T[], n: number): T[];
}

export function seededRandom(seed: string): Random {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let state = h >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(next() * items.length)]!;
  };
  const sample = <T>(items: readonly T[], n: number): T[] => {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
    return out;
  };
  return { next, int, pick, chance: (p) => next() < p, sample };
}

// ---------------------------------------------------------------------------------------------------------------
// Places: the authority's town and villages, each a postcode district (src/demo/names.ts), with an offset from the
// town centre.

interface Place {
  readonly name: string;
  readonly district: string;
  readonly dLat: number;
  readonly dLon: number;
}

/** Where each district lies from the town centre (degrees). */
const OFFSETS: Readonly<Record<string, readonly [number, number]>> = {
  DM1: [0, 0],
  DM2: [0.012, 0.018],
  DM3: [-0.011, -0.016],
  DM4: [0.009, -0.021],
  DM5: [0.041, -0.032],
  DM6: [-0.036, 0.027],
  DM7: [0.058, 0.061],
  DM8: [-0.052, -0.044],
  DM9: [0.023, -0.071],
  DM10: [-0.018, 0.083],
  DM11: [0.074, -0.009],
};

export const PLACES: readonly Place[] = DISTRICTS.map((d) => {
  const [dLat, dLon] = OFFSETS[d.district] ?? [0, 0];
  return { name: d.town, district: d.district, dLat, dLon };
});

/** The distinct place names (the town once). */
const PLACE_NAMES: readonly string[] = [...new Set(PLACES.map((p) => p.name))];

const STREET_FIRST = [
  'Alder',
  'Bramble',
  'Copperbeech',
  'Daisyfield',
  'Elderberry',
  'Foxglove',
  'Gorsey',
  'Heronsgate',
  'Ivybridge',
  'Juniper',
  'Kestrel',
  'Linnet',
  'Marigold',
  'Nettlebed',
  'Orchard',
  'Pippin',
  'Quarrybank',
  'Rowanberry',
  'Sorrel',
  'Teasel',
  'Wagtail',
  'Yarrow',
];
const STREET_KIND = ['Street', 'Road', 'Lane', 'Close', 'Way', 'Avenue', 'Row', 'Gardens', 'Drive'];
/** Letters allowed in the last part of a UK postcode. */
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

function postcode(rnd: Random, place: Place): string {
  return `${place.district} ${rnd.int(1, 9)}${rnd.pick([...INWARD_LETTERS])}${rnd.pick([...INWARD_LETTERS])}`;
}

function street(rnd: Random): string {
  return `${rnd.int(1, 180)} ${rnd.pick(STREET_FIRST)} ${rnd.pick(STREET_KIND)}`;
}

const ACCESSIBILITY = [
  'Step-free entrance and lift to all floors. Accessible toilet. Hearing loop at reception.',
  'Step-free access on the ground floor. Accessible toilet and a Changing Places toilet with a hoist.',
  'Level entrance from the car park. Blue badge parking by the door. Quiet room you can use if it gets too much.',
  'Ramp at the side door. Accessible toilet. Low lighting and a calm space are available on request.',
  'The building is old and has steps at the front. There is a ramp at the back: ring the bell and staff will help.',
  'Step-free access. Wide doors. Accessible toilet with grab rails. Guide dogs and assistance dogs welcome.',
];

// ---------------------------------------------------------------------------------------------------------------
// Organisations: a fixed core (the council's teams, health, the forum, SENDIASS) and generated ones by kind.

interface OrgSeed {
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly description: string;
  /** For the fixed organisations: the service template their first service comes from. */
  readonly first?: string;
  /** For the generated ones: the pattern their name came from (what they run is the pattern's, RUNS). */
  readonly pattern?: string;
}

const CORE_ORGS: readonly OrgSeed[] = [
  {
    name: 'Denmoor Council Short Breaks Team',
    first: 'Holiday Play Scheme',
    kind: 'council',
    description:
      'The council team that plans and pays for short breaks for disabled children and their families.',
  },
  {
    name: 'Denmoor Council SEND Travel Team',
    first: 'Home to School Transport',
    kind: 'council',
    description:
      'The council team that arranges travel to school and college for children and young people with SEND.',
  },
  {
    name: 'Denmoor Council SEND Team',
    first: 'Sensory Support for Children with Hearing or Sight Loss',
    kind: 'council',
    description:
      'The council team that carries out education, health and care needs assessments and looks after EHC plans.',
  },
  {
    name: 'Denmoor Council Children with Disabilities Team',
    first: 'Family Support Workers',
    kind: 'council',
    description: 'Social workers who support disabled children and their families.',
  },
  {
    name: 'Denmoor Community Children’s Health Service',
    first: 'Speech and Language Therapy',
    kind: 'nhs',
    description: 'NHS therapists and nurses who help children and young people in Denmoor.',
  },
  {
    name: 'Denmoor Child and Adolescent Mental Health Service',
    first: 'Emotional Wellbeing Drop-in',
    kind: 'nhs',
    description: 'NHS help for children and young people who are struggling with their mental health.',
  },
  {
    name: 'Denmoor SEND Information, Advice and Support Service',
    first: 'SENDIASS Helpline',
    kind: 'charity',
    description: 'Free, confidential and impartial advice about SEND for children, young people and parents.',
  },
  {
    name: 'Denmoor Parent Carer Forum',
    first: 'Parent and Carer Support Group',
    kind: 'charity',
    description:
      'A group of parents and carers of disabled children who work with the council to make services better.',
  },
  {
    name: 'Denmoor College of Further Education',
    first: 'Supported Internships',
    kind: 'college',
    description:
      'The borough’s further education college, with courses for students with SEND from 16 to 25.',
  },
];

const ORG_PATTERNS: Readonly<Record<Exclude<OrganisationKind, 'council' | 'nhs'>, readonly string[]>> = {
  school: [
    '{place} Primary School',
    '{place} Infant School',
    '{place} Junior School',
    '{place} Academy',
    '{place} High School',
    '{place} {tree} Park Special School',
    '{place} {bird} Wood School',
  ],
  college: ['{place} Sixth Form College', '{place} {tree} House Specialist College'],
  'early-years': [
    '{place} {tree} Nursery',
    '{bird}s Pre-school, {place}',
    '{place} Family Childminders Network',
  ],
  charity: [
    '{place} Autism Family Network',
    '{place} Deaf Children’s Society',
    '{place} Down Syndrome Support Group',
    'Friends of {place} Sensory Garden',
    '{place} Young Carers Project',
    '{place} Sight Loss Charity',
    '{place} Disability Advice Centre',
    '{place} Dyslexia Association',
    '{place} {tree} House Short Breaks',
  ],
  'community-group': [
    '{place} Inclusive Football Club',
    '{place} Swimming Club',
    '{place} Youth Club',
    '{place} Scouts and Guides Inclusion Project',
    '{place} Dance and Drama Group',
    '{place} Cycling for All',
  ],
  business: [
    '{place} Adventure Farm',
    '{place} {bird} Climbing Centre',
    '{place} Trampoline Park',
    '{place} {tree} Care Agency',
    '{place} Accessible Taxis',
    '{place} {bird} Lodge Holiday Cottages',
    '{place} Leisure Centre',
    '{place} Learning Centre',
  ],
};

const TREES = ['Oak', 'Willow', 'Hazel', 'Rowan', 'Birch', 'Holly', 'Cedar', 'Elm', 'Linden', 'Aspen'];
const BIRDS = ['Wren', 'Robin', 'Kingfisher', 'Skylark', 'Owl', 'Swallow', 'Heron', 'Kestrel', 'Goldfinch'];

const ORG_KIND_WEIGHTS: readonly [Exclude<OrganisationKind, 'council' | 'nhs'>, number][] = [
  ['school', 30],
  ['early-years', 14],
  ['charity', 22],
  ['community-group', 20],
  ['business', 10],
  ['college', 4],
];

const ORG_DESCRIPTIONS: Readonly<Record<OrganisationKind, readonly string[]>> = {
  council: ['A team of Denmoor Council.'],
  nhs: ['An NHS service for children and young people in Denmoor.'],
  school: [
    'A school in {place} that welcomes children with special educational needs.',
    'A friendly school in {place}. Our special educational needs co-ordinator (SENCO) works closely with families.',
  ],
  college: ['A college for young people aged 16 to 25, with support for students with SEND.'],
  'early-years': ['Care and early learning for young children in {place}.'],
  charity: [
    'A local charity run by families, for families.',
    'A small charity that supports disabled children, young people and their families in and around {place}.',
  ],
  'community-group': ['A community group in {place}. Everyone is welcome.', 'Run by volunteers in {place}.'],
  business: ['A local business in {place} that works hard to be open to disabled visitors.'],
};

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('’', '')
    .replaceAll("'", '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function weighted<T>(rnd: Random, items: readonly [T, number][]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let r = rnd.next() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items.at(-1)![0];
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Services: templates by category, each saying which kinds of organisation run it.

interface ServiceTemplate {
  readonly name: string;
  readonly kinds: readonly OrganisationKind[];
  readonly categories: readonly CategoryCode[];
  readonly description: string;
  readonly howToGetIt: string;
  readonly ages: readonly (readonly [number | null, number | null])[];
  readonly needs: readonly NeedCode[];
  /** How many of `needs` to list (drawn): [min, max]. */
  readonly needsCount: readonly [number, number];
  readonly training: readonly string[];
  readonly cost: 'free' | 'paid' | 'either';
  readonly when: readonly Schedule[];
  /** Where it happens: at a venue, at home or online (no location), or either. */
  readonly where: 'venue' | 'none' | 'either';
  readonly needsNote?: string;
  /** Only the fixed organisation that names it runs it (there is one SENDIASS). */
  readonly coreOnly?: true;
}

const TERM_TIME = 'in term time';

const T: readonly ServiceTemplate[] = [
  {
    name: 'Saturday Sensory Club',
    kinds: ['charity', 'community-group'],
    categories: ['short-breaks', 'leisure'],
    description:
      'A calm play session with a sensory room, messy play and quiet corners. Children can come and go between activities. Parents can stay or have a short break.',
    howToGetIt: 'Book a place by phone or email. You do not need a referral.',
    ages: [
      [0, 11],
      [4, 11],
    ],
    needs: ['ASD', 'SLCN', 'PMLD', 'SLD', 'MSI', 'SEMH'],
    needsCount: [2, 4],
    training: [
      'Makaton',
      'Autism awareness (level 2)',
      'Sensory processing awareness',
      'Paediatric first aid',
    ],
    cost: 'either',
    when: [
      {
        description: 'Saturdays, 10am to 12 noon',
        freq: 'WEEKLY',
        byDay: ['SA'],
        opensAt: '10:00',
        closesAt: '12:00',
      },
    ],
    where: 'venue',
  },
  {
    name: 'After-School Club for Disabled Children',
    kinds: ['charity', 'community-group', 'school'],
    categories: ['short-breaks', 'leisure'],
    description:
      'A club after school with games, crafts, cooking and outdoor play. There are more staff than at most clubs, so every child gets the help they need.',
    howToGetIt: 'Ask for a referral form, or ask your social worker to refer you.',
    ages: [
      [5, 11],
      [8, 16],
    ],
    needs: ['ASD', 'SLD', 'PD', 'PMLD', 'SLCN', 'MLD'],
    needsCount: [2, 5],
    training: [
      'Epilepsy awareness and rescue medicine',
      'Moving and handling, including hoists',
      'Makaton',
      'Positive behaviour support',
      'Tube feeding (gastrostomy)',
    ],
    cost: 'either',
    when: [
      {
        description: `Tuesdays and Thursdays, 3:30pm to 6pm, ${TERM_TIME}`,
        freq: 'WEEKLY',
        byDay: ['TU', 'TH'],
        opensAt: '15:30',
        closesAt: '18:00',
      },
    ],
    where: 'venue',
    needsNote:
      'We can give medicines, including rescue medicine for epilepsy, if you fill in a care plan with us.',
  },
  {
    name: 'Holiday Play Scheme',
    kinds: ['council', 'charity', 'business'],
    categories: ['short-breaks', 'leisure'],
    description:
      'Fun days out and activities in the school holidays. Each child has a named worker. Trips include parks, farms and the seaside.',
    howToGetIt:
      'Families with a short breaks plan can book. Others can ask the Short Breaks Team if they can join.',
    ages: [
      [5, 18],
      [8, 18],
    ],
    needs: ['ASD', 'SLD', 'PD', 'SEMH', 'MLD', 'HI', 'VI'],
    needsCount: [3, 6],
    training: ['Autism awareness (level 2)', 'Positive behaviour support', 'Paediatric first aid', 'Makaton'],
    cost: 'either',
    when: [
      {
        description: 'Monday to Friday in the Easter and summer holidays, 9:30am to 3:30pm',
        freq: 'WEEKLY',
        byDay: ['MO', 'TU', 'WE', 'TH', 'FR'],
        opensAt: '09:30',
        closesAt: '15:30',
      },
    ],
    where: 'venue',
  },
  {
    name: 'Overnight Short Breaks',
    kinds: ['council', 'charity'],
    categories: ['short-breaks', 'social-care'],
    description:
      'Stays of one or more nights in a small, homely house, so children can have fun with friends and families can rest.',
    howToGetIt: 'A social worker from the Children with Disabilities Team needs to refer your child.',
    ages: [[8, 18]],
    needs: ['SLD', 'PMLD', 'PD', 'ASD', 'MSI'],
    needsCount: [3, 5],
    training: [
      'Moving and handling, including hoists',
      'Tube feeding (gastrostomy)',
      'Epilepsy awareness and rescue medicine',
      'Intensive interaction',
      'Safeguarding disabled children',
    ],
    cost: 'free',
    when: [{ description: 'Weekends and some weeknights, booked in advance' }],
    where: 'venue',
    needsNote: 'Nurses are on duty every night. We can meet complex health needs.',
  },
  {
    name: 'Inclusive Swimming Sessions',
    kinds: ['community-group', 'business'],
    categories: ['leisure'],
    description:
      'Swimming in a quiet pool with warm water and fewer people. There is a hoist into the pool and a changing room with a bench.',
    howToGetIt: 'Just turn up, or ring first if it is your first time.',
    ages: [
      [4, 18],
      [0, 25],
    ],
    needs: ['PD', 'ASD', 'SLD', 'HI', 'VI', 'PMLD'],
    needsCount: [2, 4],
    training: ['Disability swimming teaching (level 2)', 'Autism awareness (level 1)', 'Pool lifeguard'],
    cost: 'paid',
    when: [
      {
        description: 'Sundays, 4pm to 5pm',
        freq: 'WEEKLY',
        byDay: ['SU'],
        opensAt: '16:00',
        closesAt: '17:00',
      },
    ],
    where: 'venue',
  },
  {
    name: 'Inclusive Football',
    kinds: ['community-group'],
    categories: ['leisure'],
    description:
      'Football training and friendly matches for children and young people who find mainstream clubs hard. Coaches keep it fun and go at your pace.',
    howToGetIt: 'Come along to a free taster session. Ring or email to let us know you are coming.',
    ages: [
      [6, 16],
      [11, 25],
    ],
    needs: ['ASD', 'MLD', 'SEMH', 'HI', 'SPLD'],
    needsCount: [2, 4],
    training: [
      'Autism awareness (level 1)',
      'Disability football coaching',
      'Safeguarding children (level 2)',
    ],
    cost: 'paid',
    when: [
      {
        description: 'Wednesdays, 6pm to 7pm',
        freq: 'WEEKLY',
        byDay: ['WE'],
        opensAt: '18:00',
        closesAt: '19:00',
      },
    ],
    where: 'venue',
  },
  {
    name: 'Relaxed Dance and Drama',
    kinds: ['community-group', 'charity'],
    categories: ['leisure'],
    description:
      'Dance, drama and music games in a relaxed group. Nobody has to perform. There is a chill-out space if it gets too noisy.',
    howToGetIt: 'Email us to book a first visit.',
    ages: [
      [7, 14],
      [12, 25],
    ],
    needs: ['ASD', 'SLCN', 'SEMH', 'MLD', 'SLD'],
    needsCount: [2, 4],
    training: ['Makaton', 'Autism awareness (level 2)', 'Mental health first aid (youth)'],
    cost: 'paid',
    when: [
      {
        description: 'Mondays, 5pm to 6:30pm, in term time',
        freq: 'WEEKLY',
        byDay: ['MO'],
        opensAt: '17:00',
        closesAt: '18:30',
      },
    ],
    where: 'venue',
  },
  {
    name: 'Climbing for Everyone',
    kinds: ['business'],
    categories: ['leisure'],
    description:
      'Climbing sessions with adapted harnesses and patient instructors. Quiet sessions have no music and fewer people.',
    howToGetIt: 'Book online or by phone. Tell us about any needs when you book.',
    ages: [[7, 25]],
    needs: ['ASD', 'PD', 'VI', 'HI', 'SEMH'],
    needsCount: [2, 4],
    training: ['Adaptive climbing instruction', 'Autism awareness (level 1)', 'Visual impairment awareness'],
    cost: 'paid',
    when: [
      {
        description: 'Quiet sessions on Sunday mornings, 9am to 11am',
        freq: 'WEEKLY',
        byDay: ['SU'],
        opensAt: '09:00',
        closesAt: '11:00',
      },
    ],
    where: 'venue',
  },
  {
    name: 'Parent and Carer Support Group',
    kinds: ['charity'],
    categories: ['support-groups'],
    description:
      'Meet other parents and carers over a cup of tea. Share tips, make friends and hear from local services. Bring your baby or toddler if you need to.',
    howToGetIt: 'Just come along. You do not need to book.',
    ages: [[0, 25]],
    needs: ['ASD', 'SEMH', 'SLCN', 'SPLD', 'MLD', 'SLD', 'PD', 'HI', 'VI', 'OTH'],
    needsCount: [1, 3],
    training: ['Peer support training', 'Safeguarding adults and children (level 1)'],
    cost: 'free',
    when: [
      {
        description: 'First Tuesday of each month, 10am to 12 noon',
        freq: 'MONTHLY',
        byDay: ['TU'],
        weekOfMonth: 1,
        opensAt: '10:00',
        closesAt: '12:00',
      },
    ],
    where: 'venue',
  },
  {
    name: 'Siblings Group',
    kinds: ['charity'],
    categories: ['support-groups', 'short-breaks'],
    description:
      'A group for brothers and sisters of disabled children. They get time for themselves, trips out and someone to talk to.',
    howToGetIt: 'Parents can refer by filling in a short form on our website.',
    ages: [[7, 16]],
    needs: [],
    needsCount: [0, 0],
    training: ['Young carers awareness', 'Safeguarding children (level 2)'],
    cost: 'free',
    when: [
      {
        description: 'Every other Friday, 5pm to 7pm, in term time',
        freq: 'WEEKLY',
        interval: 2,
        byDay: ['FR'],
        opensAt: '17:00',
        closesAt: '19:00',
      },
    ],
    where: 'venue',
  },
  {
    name: 'Young Carers Club',
    kinds: ['charity', 'council'],
    categories: ['support-groups', 'social-care'],
    description:
      'For children and young people who help look after someone at home. Have fun, take a break and get support with school.',
    howToGetIt: 'Anyone can refer, including a teacher, a parent or the young carer.',
    ages: [[8, 18]],
    needs: [],
    needsCount: [0, 0],
    training: ['Young carers awareness', 'Mental health first aid (youth)'],
    cost: 'free',
    when: [
      {
        description: 'Thursdays, 4pm to 6pm',
        freq: 'WEEKLY',
        byDay: ['TH'],
        opensAt: '16:00',
        closesAt: '18:00',
      },
    ],
    where: 'venue',
  },
  {
    name: 'Deaf Children’s Family Group',
    kinds: ['charity'],
    categories: ['support-groups'],
    description:
      'Families with deaf children meet to play, sign and share advice. A deaf adult role model comes to every session.',
    howToGetIt: 'Email or text to join. You do not need a referral.',
    ages: [[0, 18]],
    needs: ['HI', 'MSI'],
    needsCount: [1, 2],
    training: ['British Sign Language (level 3)', 'Deaf awareness'],
    cost: 'free',
    when: [
      {
        description: 'Second Saturday of each month, 10am to 12 noon',
        freq: 'MONTHLY',
        byDay: ['SA'],
        weekOfMonth: 2,
        opensAt: '10:00',
        closesAt: '12:00',
      },
    ],
    where: 'venue',
  },
  {
    name: 'Speech and Language Therapy',
    kinds: ['nhs'],
    categories: ['health'],
    description:
      'Speech and language therapists help children who find it hard to talk, understand, or eat and drink safely. They also train school staff.',
    howToGetIt:
      'Ask your GP, health visitor or your child’s school to refer. Parents can also refer children under 5.',
    ages: [[0, 18]],
    needs: ['SLCN', 'ASD', 'HI', 'SLD', 'PMLD'],
    needsCount: [2, 5],
    training: [
      'Speech and language therapy (registered)',
      'Makaton',
      'PECS (Picture Exchange Communication System)',
    ],
    cost: 'free',
    when: [
      {
        description: 'Monday to Friday, 9am to 5pm, by appointment',
        freq: 'WEEKLY',
        byDay: ['MO', 'TU', 'WE', 'TH', 'FR'],
        opensAt: '09:00',
        closesAt: '17:00',
      },
    ],
    where: 'either',
  },
  {
    name: 'Children’s Occupational Therapy',
    kinds: ['nhs'],
    categories: ['health'],
    description:
      'Occupational therapists help children do everyday things like dressing, writing and playing. They can suggest equipment for home and school.',
    howToGetIt: 'A doctor, school or health visitor needs to refer your child.',
    ages: [[0, 18]],
    needs: ['PD', 'SPLD', 'ASD', 'PMLD', 'MSI'],
    needsCount: [2, 4],
    training: ['Occupational therapy (registered)', 'Sensory integration'],
    cost: 'free',
    when: [{ description: 'By appointment, Monday to Friday' }],
    where: 'venue',
  },
  {
    name: 'Children’s Physiotherapy',
    kinds: ['nhs'],
    categories: ['health'],
    description:
      'Physiotherapists help children with movement, balance and strength. They work at clinics, at school and at home.',
    howToGetIt: 'A doctor or health visitor needs to refer your child.',
    ages: [[0, 18]],
    needs: ['PD', 'PMLD', 'SLD'],
    needsCount: [1, 3],
    training: ['Physiotherapy (registered)', 'Moving and handling, including hoists'],
    cost: 'free',
    when: [{ description: 'By appointment, Monday to Friday' }],
    where: 'venue',
  },
  {
    name: 'Children’s Community Nursing',
    kinds: ['nhs'],
    categories: ['health'],
    description:
      'Nurses who visit children at home to help with health needs like tube feeding, breathing and medicines.',
    howToGetIt: 'Your child’s hospital team or GP will refer you.',
    ages: [[0, 19]],
    needs: ['PMLD', 'PD', 'OTH'],
    needsCount: [1, 3],
    training: [
      'Children’s nursing (registered)',
      'Tube feeding (gastrostomy)',
      'Epilepsy awareness and rescue medicine',
    ],
    cost: 'free',
    when: [{ description: 'Every day, 8am to 8pm' }],
    where: 'none',
  },
  {
    name: 'Emotional Wellbeing Drop-in',
    kinds: ['nhs', 'charity'],
    categories: ['health', 'support-groups'],
    description:
      'Talk to a trained worker about worries, stress or low mood. No appointment needed. You can come on your own or bring someone with you.',
    howToGetIt: 'Drop in, or book a call online.',
    ages: [
      [11, 18],
      [14, 25],
    ],
    needs: ['SEMH', 'ASD'],
    needsCount: [1, 2],
    training: ['Mental health first aid (youth)', 'Counselling (registered)', 'Autism awareness (level 2)'],
    cost: 'free',
    when: [
      {
        description: 'Wednesdays, 3pm to 7pm',
        freq: 'WEEKLY',
        byDay: ['WE'],
        opensAt: '15:00',
        closesAt: '19:00',
      },
    ],
    where: 'either',
  },
  {
    name: 'Autism and ADHD Assessment Pathway',
    kinds: ['nhs'],
    categories: ['health'],
    description:
      'Assessment to find out if a child or young person is autistic or has ADHD (attention deficit hyperactivity disorder). You get support and advice while you wait.',
    howToGetIt: 'Your child’s school, GP or a health worker can refer. Ask us for the referral form.',
    ages: [[2, 18]],
    needs: ['ASD', 'SEMH', 'SLCN'],
    needsCount: [1, 3],
    training: ['Autism diagnostic assessment', 'Paediatrics (registered)'],
    cost: 'free',
    when: [{ description: 'By appointment' }],
    where: 'venue',
  },
  {
    name: 'Sensory Support for Children with Hearing or Sight Loss',
    kinds: ['council'],
    categories: ['education'],
    description:
      'Specialist teachers visit children with hearing or sight loss at home, at nursery and at school. They help with equipment, learning and confidence.',
    howToGetIt: 'Your audiologist or eye doctor will refer you. You can also ring us to ask for help.',
    ages: [[0, 25]],
    needs: ['HI', 'VI', 'MSI'],
    needsCount: [1, 3],
    training: [
      'Qualified teacher of the deaf',
      'Qualified teacher of children with vision impairment',
      'Braille',
    ],
    cost: 'free',
    when: [{ description: 'Monday to Friday, 8:30am to 5pm' }],
    where: 'none',
  },
  {
    name: 'SEN Support in School',
    kinds: ['school'],
    categories: ['education'],
    description:
      'Extra help in class, small group work and a plan made with you and your child. Our special educational needs co-ordinator (SENCO) meets families each term.',
    howToGetIt: 'Talk to your child’s class teacher or the SENCO.',
    ages: [
      [4, 11],
      [11, 16],
      [11, 18],
    ],
    needs: ['SPLD', 'MLD', 'SLCN', 'ASD', 'SEMH', 'HI', 'VI', 'PD'],
    needsCount: [3, 6],
    training: ['Dyslexia awareness', 'Autism awareness (level 2)', 'Emotion coaching', 'Precision teaching'],
    cost: 'free',
    when: [{ description: `School days, ${TERM_TIME}` }],
    where: 'venue',
  },
  {
    name: 'Specialist Resource Base',
    kinds: ['school'],
    categories: ['education'],
    description:
      'A small class inside a mainstream school for children with an education, health and care (EHC) plan. Children join other classes when they are ready.',
    howToGetIt: 'Places are agreed through an EHC plan. Talk to the council’s SEND Team.',
    ages: [
      [4, 11],
      [11, 16],
    ],
    needs: ['ASD', 'SLCN', 'HI'],
    needsCount: [1, 2],
    training: ['Autism education (level 3)', 'Makaton', 'Autism-friendly teaching'],
    cost: 'free',
    when: [{ description: `School days, ${TERM_TIME}` }],
    where: 'venue',
  },
  {
    name: 'Special School Places',
    kinds: ['school'],
    categories: ['education'],
    description:
      'A school for children with complex needs. Classes are small. Therapists work in school every week, and there is a hydrotherapy pool.',
    howToGetIt: 'Places are agreed through an education, health and care (EHC) plan.',
    ages: [
      [2, 19],
      [4, 19],
    ],
    needs: ['SLD', 'PMLD', 'ASD', 'PD', 'MSI'],
    needsCount: [2, 5],
    training: [
      'Intensive interaction',
      'Moving and handling, including hoists',
      'Tube feeding (gastrostomy)',
      'Signalong',
      'Epilepsy awareness and rescue medicine',
    ],
    cost: 'free',
    when: [{ description: `School days, 9am to 3pm, ${TERM_TIME}` }],
    where: 'venue',
  },
  {
    name: 'Inclusive Nursery Places',
    kinds: ['early-years'],
    categories: ['education'],
    description:
      'Care and early learning for babies and young children. We plan with you to help your child settle and make progress.',
    howToGetIt: 'Visit us and fill in a registration form. Ask about funded hours.',
    ages: [[0, 5]],
    needs: ['SLCN', 'ASD', 'PD', 'OTH'],
    needsCount: [1, 3],
    training: ['Makaton', 'Early years SENCO (level 3)', 'Paediatric first aid'],
    cost: 'either',
    when: [
      {
        description: 'Monday to Friday, 8am to 6pm, all year',
        freq: 'WEEKLY',
        byDay: ['MO', 'TU', 'WE', 'TH', 'FR'],
        opensAt: '08:00',
        closesAt: '18:00',
      },
    ],
    where: 'venue',
  },
  {
    name: 'Portage Home Visiting',
    kinds: ['council', 'charity'],
    categories: ['education'],
    description:
      'A home visitor plays and learns with your young child and shows you ways to help them grow and develop.',
    howToGetIt: 'A health visitor, doctor or nursery can refer. You can also refer your own child.',
    ages: [[0, 5]],
    needs: ['SLD', 'PMLD', 'PD', 'SLCN', 'ASD', 'MSI'],
    needsCount: [2, 5],
    training: ['Portage (accredited)', 'Makaton', 'Intensive interaction'],
    cost: 'free',
    when: [{ description: 'Home visits every two weeks, at a time that suits you' }],
    where: 'none',
  },
  {
    name: 'Supported Internships',
    kinds: ['college'],
    categories: ['preparing-for-adulthood', 'education'],
    description:
      'A year of learning at work for young people with an education, health and care (EHC) plan. A job coach helps you learn the job.',
    howToGetIt: 'Talk to your school or college, or ask us for an open day.',
    ages: [[16, 24]],
    needs: ['MLD', 'SLD', 'ASD', 'SLCN'],
    needsCount: [2, 4],
    training: ['Job coaching (level 3)', 'Autism awareness (level 2)', 'Travel training'],
    cost: 'free',
    when: [{ description: 'Monday to Friday, September to July' }],
    where: 'venue',
  },
  {
    name: 'Independent Living Skills Course',
    kinds: ['college', 'charity'],
    categories: ['preparing-for-adulthood'],
    description:
      'Learn to cook, shop, manage money and get around town. You practise in a real flat and out in the community.',
    howToGetIt: 'Apply online or ask your school’s careers adviser to help you apply.',
    ages: [[16, 25]],
    needs: ['MLD', 'SLD', 'ASD', 'PD', 'VI'],
    needsCount: [2, 4],
    training: ['Independent travel training', 'Autism awareness (level 2)', 'Makaton'],
    cost: 'free',
    when: [
      {
        description: 'Tuesdays and Thursdays, 10am to 3pm',
        freq: 'WEEKLY',
        byDay: ['TU', 'TH'],
        opensAt: '10:00',
        closesAt: '15:00',
      },
    ],
    where: 'venue',
  },
  {
    name: 'Moving On to Adult Services Advice',
    kinds: ['council', 'charity'],
    categories: ['preparing-for-adulthood', 'information-and-advice'],
    description:
      'Help for young people and families planning for life after school: work, money, housing, health and friends. We explain what changes at 18.',
    howToGetIt: 'Ring or email for an appointment. You can bring a friend or family member.',
    ages: [[14, 25]],
    needs: ['MLD', 'SLD', 'ASD', 'PD', 'SEMH', 'HI', 'VI'],
    needsCount: [2, 5],
    training: ['Preparing for adulthood (level 3)', 'Mental Capacity Act awareness'],
    cost: 'free',
    when: [{ description: 'Monday to Thursday, 9am to 4pm' }],
    where: 'either',
  },
  {
    name: 'Travel Training',
    kinds: ['council', 'college'],
    categories: ['transport', 'preparing-for-adulthood'],
    description:
      'A trainer helps you learn to travel on your own by bus, train or on foot, one step at a time, until you feel safe and confident.',
    howToGetIt: 'Your school, college or social worker can refer. You can also ask us yourself.',
    ages: [[11, 25]],
    needs: ['MLD', 'ASD', 'SLD', 'VI', 'HI', 'SEMH'],
    needsCount: [2, 4],
    training: ['Independent travel training', 'Autism awareness (level 2)'],
    cost: 'free',
    when: [{ description: 'Weekdays, at times that fit your journey' }],
    where: 'none',
  },
  {
    name: 'Home to School Transport',
    kinds: ['council'],
    categories: ['transport'],
    description:
      'Free travel to school for children who cannot walk there because of their special educational needs or disability. This may be a bus pass, a taxi or a mileage payment.',
    howToGetIt: 'Apply online on the council website. Ask us for a paper form if you need one.',
    ages: [[4, 16]],
    needs: ['ASD', 'SLD', 'PMLD', 'PD', 'VI', 'MSI', 'SEMH'],
    needsCount: [3, 6],
    training: ['Passenger assistant training', 'Epilepsy awareness and rescue medicine', 'Wheelchair safety'],
    cost: 'free',
    when: [{ description: `School days, ${TERM_TIME}` }],
    where: 'none',
  },
  {
    name: 'Post-16 Travel Support',
    kinds: ['council'],
    categories: ['transport', 'preparing-for-adulthood'],
    description: 'Help with the cost of getting to college or training for students aged 16 to 25 with SEND.',
    howToGetIt: 'Apply online before the end of May for the next school year.',
    ages: [[16, 25]],
    needs: ['ASD', 'SLD', 'PD', 'VI', 'MLD'],
    needsCount: [2, 4],
    training: ['Passenger assistant training'],
    cost: 'either',
    when: [{ description: 'College days, September to July' }],
    where: 'none',
  },
  {
    name: 'Accessible Taxi Service',
    kinds: ['business'],
    categories: ['transport'],
    description:
      'Taxis with ramps and space for a wheelchair. Drivers are trained to help passengers safely.',
    howToGetIt: 'Book by phone at least a day before.',
    ages: [[null, null]],
    needs: ['PD', 'VI', 'ASD'],
    needsCount: [1, 3],
    training: ['Wheelchair safety', 'Disability awareness for drivers'],
    cost: 'paid',
    when: [{ description: 'Every day, 7am to 11pm' }],
    where: 'none',
  },
  {
    name: 'SENDIASS Helpline',
    kinds: ['charity'],
    coreOnly: true,
    categories: ['information-and-advice'],
    description:
      'Free, confidential advice about special educational needs and disabilities (SEND). We can help with school, EHC plans, meetings and appeals.',
    howToGetIt: 'Ring, email or fill in the form on our website.',
    ages: [[0, 25]],
    needs: [],
    needsCount: [0, 0],
    training: ['SEND law (level 2)', 'Independent supporter training'],
    cost: 'free',
    when: [
      {
        description: 'Monday to Friday, 9:30am to 4:30pm',
        freq: 'WEEKLY',
        byDay: ['MO', 'TU', 'WE', 'TH', 'FR'],
        opensAt: '09:30',
        closesAt: '16:30',
      },
    ],
    where: 'none',
  },
  {
    name: 'Benefits and Money Advice for Families',
    kinds: ['charity'],
    categories: ['information-and-advice', 'support-groups'],
    description:
      'Help to claim Disability Living Allowance (DLA), Carer’s Allowance and other money you may be able to get. We can help you fill in the forms.',
    howToGetIt: 'Book an appointment by phone.',
    ages: [[0, 25]],
    needs: [],
    needsCount: [0, 0],
    training: ['Welfare benefits advice (accredited)'],
    cost: 'free',
    when: [
      {
        description: 'Wednesdays, 10am to 2pm',
        freq: 'WEEKLY',
        byDay: ['WE'],
        opensAt: '10:00',
        closesAt: '14:00',
      },
    ],
    where: 'either',
  },
  {
    name: 'Family Support Workers',
    kinds: ['council'],
    categories: ['social-care'],
    description:
      'A support worker helps your family with routines, sleep, behaviour and getting the right help from other services.',
    howToGetIt: 'Ask for an assessment from the Children with Disabilities Team. Anyone can contact us.',
    ages: [[0, 18]],
    needs: ['ASD', 'SLD', 'PMLD', 'PD', 'SEMH'],
    needsCount: [2, 4],
    training: ['Positive behaviour support', 'Sleep support practitioner', 'Safeguarding disabled children'],
    cost: 'free',
    when: [{ description: 'Monday to Friday, 9am to 5pm' }],
    where: 'none',
  },
  {
    name: 'Personal Assistant Support',
    kinds: ['business', 'charity'],
    categories: ['social-care', 'short-breaks'],
    description:
      'A personal assistant takes your child or young person out to do the things they enjoy, like swimming, shopping or the cinema.',
    howToGetIt:
      'You can pay with a direct payment or a personal budget. Ring us to talk about what you need.',
    ages: [[5, 25]],
    needs: ['ASD', 'SLD', 'PD', 'MLD', 'SEMH'],
    needsCount: [2, 4],
    training: ['Autism awareness (level 2)', 'Moving and handling, including hoists', 'Paediatric first aid'],
    cost: 'paid',
    when: [{ description: 'Flexible: evenings, weekends and holidays' }],
    where: 'none',
  },
  {
    name: 'Adapted Cycling',
    kinds: ['community-group'],
    categories: ['leisure'],
    description:
      'Try trikes, hand cycles, tandems and bikes that carry a wheelchair, on a safe traffic-free track.',
    howToGetIt: 'Book a bike by phone. Carers ride free.',
    ages: [[4, 25]],
    needs: ['PD', 'VI', 'SLD', 'ASD', 'MSI'],
    needsCount: [2, 4],
    training: ['Inclusive cycling instruction', 'Visual impairment awareness'],
    cost: 'paid',
    when: [
      {
        description: 'Saturdays, 10am to 3pm, April to October',
        freq: 'WEEKLY',
        byDay: ['SA'],
        opensAt: '10:00',
        closesAt: '15:00',
      },
    ],
    where: 'venue',
  },
  {
    name: 'Accessible Farm Visits',
    kinds: ['business'],
    categories: ['leisure'],
    description:
      'Feed the animals, ride a tractor trailer and play outside. Paths are wide and flat, and there is a quiet barn.',
    howToGetIt: 'Book quiet days online. Carers go free.',
    ages: [[null, null]],
    needs: ['PD', 'ASD', 'SLD', 'PMLD', 'VI'],
    needsCount: [2, 4],
    training: ['Autism awareness (level 1)', 'Disability awareness'],
    cost: 'paid',
    when: [
      {
        description: 'Quiet days on the first Sunday of each month',
        freq: 'MONTHLY',
        byDay: ['SU'],
        weekOfMonth: 1,
        opensAt: '10:00',
        closesAt: '16:00',
      },
    ],
    where: 'venue',
  },
  {
    name: 'Inclusive Youth Club',
    kinds: ['community-group', 'charity'],
    categories: ['leisure', 'short-breaks'],
    description:
      'A youth club where disabled and non-disabled young people hang out, play games, cook and go on trips.',
    howToGetIt: 'Come along with a parent or carer the first time to fill in a form.',
    ages: [[11, 19]],
    needs: ['ASD', 'MLD', 'SEMH', 'SLCN', 'PD', 'HI'],
    needsCount: [2, 5],
    training: ['Youth work (level 3)', 'Autism awareness (level 2)', 'Mental health first aid (youth)'],
    cost: 'either',
    when: [
      {
        description: 'Fridays, 6:30pm to 9pm',
        freq: 'WEEKLY',
        byDay: ['FR'],
        opensAt: '18:30',
        closesAt: '21:00',
      },
    ],
    where: 'venue',
  },
  {
    name: 'Dyslexia Support Sessions',
    kinds: ['charity', 'business'],
    categories: ['education'],
    description:
      'One-to-one sessions with a specialist teacher to help with reading, spelling and confidence.',
    howToGetIt: 'Ring or email to book a free first meeting.',
    ages: [[6, 18]],
    needs: ['SPLD'],
    needsCount: [1, 1],
    training: ['Specialist dyslexia teaching (level 5)', 'Dyscalculia awareness'],
    cost: 'paid',
    when: [{ description: 'After school and Saturdays, by appointment' }],
    where: 'either',
  },
  {
    name: 'Holiday Cottage Short Breaks',
    kinds: ['business'],
    categories: ['short-breaks'],
    description:
      'Holiday cottages with wide doors, ceiling hoists, wet rooms and a sensory room, for the whole family.',
    howToGetIt: 'Book online or by phone. You may be able to use a personal budget.',
    ages: [[null, null]],
    needs: ['PD', 'PMLD', 'SLD', 'MSI'],
    needsCount: [2, 4],
    training: [],
    cost: 'paid',
    when: [{ description: 'All year. Stays start on Mondays and Fridays' }],
    where: 'venue',
  },
];

/** Other names each kind of service goes by: different services of the same kind, not numbered copies of one. */
export const ALSO_CALLED: Readonly<Record<string, readonly string[]>> = {
  'Saturday Sensory Club': [
    'Sensory Play Mornings',
    'Little Explorers Sensory Sessions',
    'Calm and Messy Play Club',
  ],
  'After-School Club for Disabled Children': [
    'Inclusive After-School Club',
    'Twilight Club',
    'Teatime Activity Club',
  ],
  'Holiday Play Scheme': [
    'Summer Holiday Club',
    'Half-Term Fun Days',
    'Holiday Activity Days',
    'Easter Playdays',
  ],
  'Overnight Short Breaks': ['Weekend Stays', 'Short Stay Residential Breaks', 'Overnight Breaks House'],
  'Inclusive Swimming Sessions': [
    'Quiet Swim',
    'Sensory Swim',
    'Family Swim with Hoist Access',
    'Splash Club',
  ],
  'Inclusive Football': ['Pan-Disability Football', 'Ability Counts Football', 'Saturday Kickabout'],
  'Relaxed Dance and Drama': ['Inclusive Theatre Group', 'Move and Groove Dance', 'Drama for All'],
  'Climbing for Everyone': ['Adaptive Climbing Sessions', 'Climb Together', 'Bouldering Club'],
  'Parent and Carer Support Group': [
    'Coffee Morning for Parents of Disabled Children',
    'Parent Carer Peer Support',
    'Evening Support Group for Parents',
    'Dads and Male Carers Group',
  ],
  'Siblings Group': ['Young Siblings Club', 'Brothers and Sisters Days Out', 'Sibs Support Sessions'],
  'Young Carers Club': ['Young Carers Break', 'Young Carers Evening Group', 'Young Carers Activity Days'],
  'Deaf Children’s Family Group': [
    'Signing Family Stay and Play',
    'Deaf Teens Social',
    'Family Sign Language Sessions',
  ],
  'Speech and Language Therapy': [
    'Early Language Groups',
    'Speech Sound Clinic',
    'Stammering Therapy',
    'Communication Aids Service',
    'Eating, Drinking and Swallowing Clinic',
  ],
  'Children’s Occupational Therapy': [
    'Sensory Processing Advice Clinic',
    'Handwriting and Fine Motor Groups',
    'Seating and Posture Clinic',
    'Equipment and Adaptations at Home',
  ],
  'Children’s Physiotherapy': [
    'Hydrotherapy Sessions',
    'Gross Motor Skills Group',
    'Postural Care Service',
    'Orthotics Clinic',
  ],
  'Children’s Community Nursing': [
    'Epilepsy Nurse Clinic',
    'Continence Service for Children',
    'Tube Feeding Support at Home',
    'Complex Care Nursing at Home',
  ],
  'Emotional Wellbeing Drop-in': [
    'Anxiety Group for Teenagers',
    'Mental Health Support Team in Schools',
    'Low Mood Support for Young People',
    'Parent Workshops on Anxiety',
  ],
  'Autism and ADHD Assessment Pathway': [
    'ADHD Medication Review Clinic',
    'Autism Post-Diagnosis Workshops',
    'Under-5s Social Communication Assessment',
    'Neurodevelopmental Advice Line for Parents',
  ],
  'Sensory Support for Children with Hearing or Sight Loss': [
    'Teachers of the Deaf Service',
    'Vision Support Team',
    'Habilitation and Mobility Training',
    'Multi-Sensory Impairment Support',
  ],
  'SEN Support in School': [
    'Nurture Group',
    'Social Skills Group',
    'Lunchtime Quiet Club',
    'Enhanced Learning Provision',
  ],
  'Specialist Resource Base': [
    'Autism Resource Base',
    'Hearing Impairment Resource Base',
    'Speech and Language Resource Base',
  ],
  'Special School Places': [
    'Specialist Day Places',
    'Post-16 Specialist Provision',
    'Assessment Places for Young Children',
  ],
  'Inclusive Nursery Places': [
    'Funded Places for 2-Year-Olds',
    'Early Years Inclusion Room',
    'Stay and Play for Under-5s',
  ],
  'Portage Home Visiting': [
    'Portage Stay and Play Group',
    'Early Support Home Learning',
    'Toy Library for Disabled Children',
  ],
  'Supported Internships': ['Job Coaching', 'Pathways to Employment Course', 'Work Experience with Support'],
  'Independent Living Skills Course': [
    'Life Skills for 16 to 25',
    'Cooking and Budgeting Course',
    'Moving to My Own Home Course',
  ],
  'Moving On to Adult Services Advice': [
    'Preparing for Adulthood Clinics',
    'Transition Advice Sessions',
    'Year 9 Review Planning Workshops',
  ],
  'Travel Training': ['Independent Travel Training', 'Bus Buddy Scheme', 'Safe Journeys Course'],
  'Home to School Transport': [
    'School Transport for Children with SEND',
    'Passenger Assistant Service',
    'Independent Travel Allowance',
    'Mileage Allowance for Parents',
  ],
  'Post-16 Travel Support': [
    'Post-16 Bus Pass',
    'College Travel Grant',
    'Post-19 Transport to Adult Learning',
  ],
  'Accessible Taxi Service': [
    'Wheelchair Accessible Minibus Hire',
    'School Run Taxi Service',
    'Accessible Airport Transfers',
  ],
  'Benefits and Money Advice for Families': [
    'Disability Living Allowance Form Help',
    'Blue Badge Application Help',
    'Grants for Families Advice',
  ],
  'Family Support Workers': [
    'Early Help for Families',
    'Short Breaks Assessment',
    'Direct Payments Support Service',
    'Sleep Support for Families',
    'Parenting Courses for Families of Disabled Children',
  ],
  'Personal Assistant Support': [
    'PA Finder Service',
    'Personal Assistant Training',
    'Support Worker Hours for Young Adults',
  ],
  'Adapted Cycling': ['Trike and Tandem Sessions', 'Family Cycle Rides', 'Learn to Ride'],
  'Accessible Farm Visits': [
    'Animal Care Sessions',
    'Farm Days for Schools',
    'Pony Riding for Disabled Riders',
  ],
  'Inclusive Youth Club': ['Friday Night Youth Club', 'Teen Social Group', 'Gaming Club for Young People'],
  'Dyslexia Support Sessions': ['Dyslexia Screening', 'Maths Confidence Sessions', 'Touch-Typing Course'],
  'Holiday Cottage Short Breaks': [
    'Accessible Caravan Holidays',
    'Family Weekend Breaks',
    'Accessible Glamping',
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// Who runs what (issue 18: a climbing centre ran the taxi service, an autism network the deaf children's group), and
// what each of a kind's other names does (they shared the kind's description, so an orthotics clinic read as
// physiotherapy in general).

/**
 * The kinds of service (templates, by name) each organisation runs: the fixed ones by name, the generated ones by
 * the pattern their name came from. An organisation runs only these.
 */
export const RUNS: Readonly<Record<string, readonly string[]>> = {
  'Denmoor Council Short Breaks Team': ['Holiday Play Scheme', 'Overnight Short Breaks', 'Young Carers Club'],
  'Denmoor Council SEND Travel Team': [
    'Home to School Transport',
    'Post-16 Travel Support',
    'Travel Training',
  ],
  'Denmoor Council SEND Team': [
    'Sensory Support for Children with Hearing or Sight Loss',
    'Portage Home Visiting',
    'Moving On to Adult Services Advice',
  ],
  'Denmoor Council Children with Disabilities Team': [
    'Family Support Workers',
    'Overnight Short Breaks',
    'Moving On to Adult Services Advice',
  ],
  'Denmoor Community Children’s Health Service': [
    'Speech and Language Therapy',
    'Children’s Occupational Therapy',
    'Children’s Physiotherapy',
    'Children’s Community Nursing',
    'Autism and ADHD Assessment Pathway',
  ],
  'Denmoor Child and Adolescent Mental Health Service': [
    'Emotional Wellbeing Drop-in',
    'Autism and ADHD Assessment Pathway',
  ],
  'Denmoor SEND Information, Advice and Support Service': ['SENDIASS Helpline'],
  'Denmoor Parent Carer Forum': ['Parent and Carer Support Group', 'Siblings Group'],
  'Denmoor College of Further Education': [
    'Supported Internships',
    'Independent Living Skills Course',
    'Travel Training',
  ],
  '{place} Primary School': [
    'SEN Support in School',
    'Specialist Resource Base',
    'After-School Club for Disabled Children',
  ],
  '{place} Infant School': [
    'SEN Support in School',
    'Specialist Resource Base',
    'After-School Club for Disabled Children',
  ],
  '{place} Junior School': [
    'SEN Support in School',
    'Specialist Resource Base',
    'After-School Club for Disabled Children',
  ],
  '{place} Academy': [
    'SEN Support in School',
    'Specialist Resource Base',
    'After-School Club for Disabled Children',
  ],
  '{place} High School': ['SEN Support in School', 'Specialist Resource Base'],
  '{place} {tree} Park Special School': ['Special School Places', 'After-School Club for Disabled Children'],
  '{place} {bird} Wood School': ['Special School Places', 'After-School Club for Disabled Children'],
  '{place} Sixth Form College': [
    'Supported Internships',
    'Independent Living Skills Course',
    'Travel Training',
  ],
  '{place} {tree} House Specialist College': ['Independent Living Skills Course', 'Supported Internships'],
  '{place} {tree} Nursery': ['Inclusive Nursery Places'],
  '{bird}s Pre-school, {place}': ['Inclusive Nursery Places'],
  '{place} Family Childminders Network': ['Inclusive Nursery Places'],
  '{place} Autism Family Network': [
    'Saturday Sensory Club',
    'Parent and Carer Support Group',
    'Siblings Group',
    'Inclusive Youth Club',
    'Emotional Wellbeing Drop-in',
  ],
  '{place} Deaf Children’s Society': [
    'Deaf Children’s Family Group',
    'Parent and Carer Support Group',
    'Siblings Group',
  ],
  '{place} Down Syndrome Support Group': [
    'Parent and Carer Support Group',
    'Portage Home Visiting',
    'Relaxed Dance and Drama',
    'Independent Living Skills Course',
  ],
  'Friends of {place} Sensory Garden': ['Saturday Sensory Club', 'Holiday Play Scheme'],
  '{place} Young Carers Project': ['Young Carers Club', 'Siblings Group', 'Emotional Wellbeing Drop-in'],
  '{place} Sight Loss Charity': [
    'Independent Living Skills Course',
    'Parent and Carer Support Group',
    'Holiday Play Scheme',
  ],
  '{place} Disability Advice Centre': [
    'Benefits and Money Advice for Families',
    'Moving On to Adult Services Advice',
    'Personal Assistant Support',
  ],
  '{place} Dyslexia Association': ['Dyslexia Support Sessions', 'Parent and Carer Support Group'],
  '{place} {tree} House Short Breaks': [
    'Overnight Short Breaks',
    'Holiday Play Scheme',
    'After-School Club for Disabled Children',
    'Saturday Sensory Club',
  ],
  '{place} Inclusive Football Club': ['Inclusive Football'],
  '{place} Swimming Club': ['Inclusive Swimming Sessions'],
  '{place} Youth Club': ['Inclusive Youth Club', 'After-School Club for Disabled Children'],
  '{place} Scouts and Guides Inclusion Project': ['Inclusive Youth Club'],
  '{place} Dance and Drama Group': ['Relaxed Dance and Drama'],
  '{place} Cycling for All': ['Adapted Cycling'],
  '{place} Adventure Farm': ['Accessible Farm Visits', 'Holiday Play Scheme'],
  '{place} {bird} Climbing Centre': ['Climbing for Everyone', 'Holiday Play Scheme'],
  '{place} Trampoline Park': ['Holiday Play Scheme'],
  '{place} Leisure Centre': ['Inclusive Swimming Sessions', 'Holiday Play Scheme'],
  '{place} {tree} Care Agency': ['Personal Assistant Support'],
  '{place} Accessible Taxis': ['Accessible Taxi Service'],
  '{place} {bird} Lodge Holiday Cottages': ['Holiday Cottage Short Breaks'],
  '{place} Learning Centre': ['Dyslexia Support Sessions'],
};

/** What each of a kind's other names does, in its own words (the kind's own name keeps the kind's description). */
const SAYS: Readonly<Record<string, string>> = {
  'Sensory Play Mornings':
    'Weekday mornings of light, sound and texture play in a sensory room, for young children and the adults who care for them.',
  'Little Explorers Sensory Sessions':
    'Small sessions where young children explore sand, water, lights and music at their own pace.',
  'Calm and Messy Play Club':
    'Messy play with paint, foam and dough, with a quiet room next door for children who need a break.',
  'Inclusive After-School Club':
    'An after-school club where disabled children and their friends play together, with extra staff on hand.',
  'Twilight Club':
    'A club from the end of school until early evening: a snack, a quiet space for homework and games.',
  'Teatime Activity Club': 'Cooking, crafts and board games after school, finishing with tea together.',
  'Summer Holiday Club':
    'Days out and activities through the summer holidays, with staff trained to support disabled children.',
  'Half-Term Fun Days': 'Full days of games, crafts and trips in the half-term holidays.',
  'Holiday Activity Days':
    'Sport, arts and outdoor activities in the school holidays, with more staff than a usual holiday club.',
  'Easter Playdays': 'Play days in the Easter holidays, with a sensory room and outdoor space.',
  'Weekend Stays': 'Friday-to-Sunday stays in a homely house with staff awake through the night.',
  'Short Stay Residential Breaks':
    'Short overnight stays that give young people time away from home and families a rest.',
  'Overnight Breaks House':
    'A house with six bedrooms where children stay overnight, looked after by care staff and nurses.',
  'Quiet Swim': 'A swim with the music off, the lights low and fewer people in the pool.',
  'Sensory Swim':
    'A warm-water swim with floats, lights and toys, for children who find the usual sessions too busy.',
  'Family Swim with Hoist Access':
    'A family swim with a pool hoist and a changing room with a bench and hoist.',
  'Splash Club': 'Water confidence for children who are nervous of the water, in small groups.',
  'Pan-Disability Football': 'Football training and friendly matches for players with any disability.',
  'Ability Counts Football':
    'A football league for disabled players, with training in the week and games at weekends.',
  'Saturday Kickabout': 'Relaxed football games on Saturday mornings: no tryouts and no pressure.',
  'Inclusive Theatre Group': 'A theatre group that puts on a show each year, with parts for every member.',
  'Move and Groove Dance': 'Dance to music for all abilities, including dancers who use wheelchairs.',
  'Drama for All': 'Drama games and short plays that build confidence and friendships.',
  'Adaptive Climbing Sessions':
    'Climbing with harnesses and adapted holds, with an instructor for each climber.',
  'Climb Together': 'Family climbing sessions where parents and brothers and sisters climb too.',
  'Bouldering Club': 'Low-level climbing on padded walls, with no ropes, in small groups.',
  'Coffee Morning for Parents of Disabled Children':
    'A monthly coffee morning to meet other parents, with a speaker on some mornings.',
  'Parent Carer Peer Support':
    'Trained parent volunteers who listen and share what helped them, by phone or in person.',
  'Evening Support Group for Parents':
    'An evening group for parents who work in the day, to talk and share advice.',
  'Dads and Male Carers Group':
    'A group for dads, granddads and male carers of disabled children, meeting over breakfast.',
  'Young Siblings Club':
    'A club for the brothers and sisters of disabled children, aged 5 to 11, with games and time to talk.',
  'Brothers and Sisters Days Out': 'Days out in the holidays for brothers and sisters of disabled children.',
  'Sibs Support Sessions':
    'Small group sessions where siblings talk about what life at home is like, with a youth worker.',
  'Young Carers Break':
    'A break from caring: trips and activities for young people who look after someone at home.',
  'Young Carers Evening Group':
    'A weekly evening group for young carers to relax and meet others who understand.',
  'Young Carers Activity Days': 'Activity days in the school holidays for young carers.',
  'Signing Family Stay and Play':
    'Stay and play for deaf children and their families, with British Sign Language (BSL) used throughout.',
  'Deaf Teens Social': 'A social evening for deaf teenagers, led by deaf youth workers.',
  'Family Sign Language Sessions': 'Learn British Sign Language (BSL) as a family, in short weekly classes.',
  'Early Language Groups':
    'Groups for children under 5 whose talking is slow to start, with ideas for parents to use at home.',
  'Speech Sound Clinic':
    'Therapy for children whose speech is hard to understand because of how they make sounds.',
  'Stammering Therapy': 'Therapy and advice for children and young people who stammer, and their families.',
  'Communication Aids Service':
    'Assessment for and training in communication aids, from picture boards to speech-generating devices.',
  'Eating, Drinking and Swallowing Clinic':
    'Assessment and advice for children who find eating, drinking or swallowing hard or unsafe.',
  'Sensory Processing Advice Clinic':
    'Advice for families and schools on children who are over- or under-sensitive to noise, touch or movement.',
  'Handwriting and Fine Motor Groups': 'Groups that help children with pencil grip, cutting and handwriting.',
  'Seating and Posture Clinic': 'Assessment for special seating at home and school, and advice on posture.',
  'Equipment and Adaptations at Home':
    'Assessment for equipment and changes at home, such as rails, bath seats and ramps.',
  'Hydrotherapy Sessions': 'Physiotherapy in a warm-water pool for children with stiff or weak muscles.',
  'Gross Motor Skills Group': 'Groups that help children with balance, running, jumping and catching.',
  'Postural Care Service':
    'Advice and equipment to protect body shape for children who cannot change position easily, day and night.',
  'Orthotics Clinic':
    'Splints, insoles and supports for feet, ankles and legs, measured and fitted at the clinic.',
  'Epilepsy Nurse Clinic':
    'Specialist nurses who help children and families manage epilepsy, and train school staff.',
  'Continence Service for Children':
    'Help with toilet training, wetting and soiling, and continence products.',
  'Tube Feeding Support at Home':
    'Nurses who visit children fed by tube at home and train parents and carers.',
  'Complex Care Nursing at Home':
    'Nursing care at home for children with complex health needs, such as breathing support.',
  'Anxiety Group for Teenagers': 'A 6-week group that teaches young people ways to manage worry and panic.',
  'Mental Health Support Team in Schools':
    'Mental health practitioners who work in schools with pupils who are anxious or low.',
  'Low Mood Support for Young People':
    'One-to-one sessions for young people who feel low, over 6 to 8 weeks.',
  'Parent Workshops on Anxiety': 'Evening workshops for parents on helping an anxious child.',
  'ADHD Medication Review Clinic': 'Regular reviews for children and young people taking medicine for ADHD.',
  'Autism Post-Diagnosis Workshops':
    'Workshops for families after an autism diagnosis: what it means and where to get help.',
  'Under-5s Social Communication Assessment':
    'Assessment for young children when there are worries about their communication and play.',
  'Neurodevelopmental Advice Line for Parents':
    'A phone line where parents waiting for an autism or ADHD assessment can ask for advice.',
  'Teachers of the Deaf Service':
    'Qualified teachers of the deaf who support deaf children at home, in nursery and at school.',
  'Vision Support Team':
    'Qualified teachers of children with vision impairment, who advise schools and families.',
  'Habilitation and Mobility Training':
    'Training for children with sight loss to move around safely and do everyday tasks.',
  'Multi-Sensory Impairment Support': 'Specialist teachers for children with both hearing and sight loss.',
  'Nurture Group': 'A small class in school where children who find the big classroom hard settle and learn.',
  'Social Skills Group':
    'Small groups in school to practise taking turns, making friends and sorting out problems.',
  'Lunchtime Quiet Club':
    'A quiet room at lunchtime with games and a calm adult, for pupils who find the playground too much.',
  'Enhanced Learning Provision':
    'Extra teaching in small groups for pupils with learning difficulties, alongside their class.',
  'Autism Resource Base':
    'A base in a mainstream school for autistic pupils with an EHC plan, who join their class when they can.',
  'Hearing Impairment Resource Base':
    'A base in a mainstream school with teachers of the deaf and a quiet classroom.',
  'Speech and Language Resource Base':
    'A base in a mainstream school for pupils with severe speech and language needs, with a therapist on site.',
  'Specialist Day Places': 'Day places at a special school, with small classes and therapists on site.',
  'Post-16 Specialist Provision': 'A sixth form at a special school for students aged 16 to 19.',
  'Assessment Places for Young Children':
    'Places for young children while the council works out what help they need.',
  'Funded Places for 2-Year-Olds':
    'Free nursery hours for 2-year-olds with an EHC plan or Disability Living Allowance.',
  'Early Years Inclusion Room':
    'A calm room in the nursery for children who need a smaller group, with a key worker.',
  'Stay and Play for Under-5s':
    'Play sessions where parents stay with their children and meet other families.',
  'Portage Stay and Play Group': 'A play group run by Portage workers for young children and their parents.',
  'Early Support Home Learning':
    'Home visits that help parents of young disabled children plan small steps of learning.',
  'Toy Library for Disabled Children': 'Borrow sensory and adapted toys for free, and swap them each month.',
  'Job Coaching': 'A job coach who helps a young person learn a job at work and keep it.',
  'Pathways to Employment Course': 'A one-year course with work placements and help to apply for jobs.',
  'Work Experience with Support': 'Work experience with a supporter, for young people with SEND.',
  'Life Skills for 16 to 25':
    'A course in everyday skills: cooking, money, travel and looking after yourself.',
  'Cooking and Budgeting Course': 'Learn to plan meals, shop to a budget and cook simple dishes.',
  'Moving to My Own Home Course':
    'A course for young adults who want to live more independently, with practice in a training flat.',
  'Preparing for Adulthood Clinics':
    'Clinics where young people from year 9 and their families plan for work, housing and health.',
  'Transition Advice Sessions': 'Advice for families about moving from children’s to adults’ services.',
  'Year 9 Review Planning Workshops':
    'Workshops to help families get ready for the year 9 review of an EHC plan.',
  'Independent Travel Training': 'One-to-one training to travel to school, college or work alone.',
  'Bus Buddy Scheme':
    'A trained volunteer travels with a young person on the bus until they are confident to go alone.',
  'Safe Journeys Course':
    'A short course on planning journeys, road safety and what to do if things go wrong.',
  'School Transport for Children with SEND':
    'Free transport to school for children who cannot walk there because of their SEND.',
  'Passenger Assistant Service': 'Trained passenger assistants who travel with children on school transport.',
  'Independent Travel Allowance':
    'Money instead of transport, so families can arrange the journey to school themselves.',
  'Mileage Allowance for Parents':
    'Money for parents who drive their child to school instead of using council transport.',
  'Post-16 Bus Pass': 'A free or cheaper bus pass for students with SEND going to school or college.',
  'College Travel Grant': 'A grant towards the cost of getting to college.',
  'Post-19 Transport to Adult Learning':
    'Transport for adults with an EHC plan to their course or day placement.',
  'Wheelchair Accessible Minibus Hire':
    'Minibuses with a lift and wheelchair spaces, with or without a driver.',
  'School Run Taxi Service': 'Taxis for the school run, with the same driver each day.',
  'Accessible Airport Transfers': 'Wheelchair-accessible taxis to and from the airport, booked ahead.',
  'Disability Living Allowance Form Help':
    'Help to fill in the Disability Living Allowance (DLA) form, with an adviser.',
  'Blue Badge Application Help': 'Help to apply for a Blue Badge for parking.',
  'Grants for Families Advice': 'Advice on charity grants for equipment, holidays and household costs.',
  'Early Help for Families': 'A family worker who helps with sleep, routines and behaviour at home.',
  'Short Breaks Assessment': 'An assessment of the short breaks a disabled child and their family need.',
  'Direct Payments Support Service':
    'Help to use direct payments: finding support, paying staff and keeping records.',
  'Sleep Support for Families': 'Advice and a sleep plan for families whose child sleeps badly.',
  'Parenting Courses for Families of Disabled Children':
    'Weekly courses for parents on behaviour, communication and looking after themselves.',
  'PA Finder Service': 'Help to find, interview and employ a personal assistant.',
  'Personal Assistant Training':
    'Training for personal assistants in moving and handling, first aid and safeguarding.',
  'Support Worker Hours for Young Adults':
    'Support workers who help young adults get out, see friends and try new things.',
  'Trike and Tandem Sessions': 'Ride adapted trikes, tandems and hand bikes on a traffic-free track.',
  'Family Cycle Rides': 'Led bike rides on quiet paths for families, with adapted bikes to borrow.',
  'Learn to Ride': 'Lessons for children and young people learning to ride a bike, at their own pace.',
  'Animal Care Sessions': 'Feed, groom and care for farm animals with the farm’s staff.',
  'Farm Days for Schools':
    'Visits for special schools and classes, with accessible paths and a hoist in the toilet.',
  'Pony Riding for Disabled Riders': 'Riding lessons on calm ponies, with helpers walking alongside.',
  'Friday Night Youth Club': 'A youth club on Friday nights with games, music and a tuck shop.',
  'Teen Social Group': 'A group for teenagers to make friends, with trips out and evenings in.',
  'Gaming Club for Young People': 'Video and board games for young people, with a quiet area.',
  'Dyslexia Screening': 'A check for signs of dyslexia, with a report and advice for home and school.',
  'Maths Confidence Sessions':
    'Small group sessions for children who find numbers hard, using hands-on materials.',
  'Touch-Typing Course': 'A course that teaches children who struggle with handwriting to touch-type.',
  'Accessible Caravan Holidays': 'Caravans with ramps, wide doors and a wet room, on a quiet site.',
  'Family Weekend Breaks': 'Weekend breaks in accessible cottages for families with a disabled child.',
  'Accessible Glamping': 'Accessible cabins with level paths, a hoist and a Changing Places toilet on site.',
};

const PRICES: readonly (readonly [number | null, string])[] = [
  [3, 'per session'],
  [5, 'per session'],
  [7.5, 'per session'],
  [12, 'per 2-hour session'],
  [25, 'per day'],
  [45, 'per week'],
  [18, 'per hour'],
  [null, 'Paid with a direct payment or personal budget'],
];

const COST_NOTES = ['Carers go free.', 'Ask about help with the cost.', 'Siblings can come at half price.'];

const CHECKERS = ['Local Offer editor', 'Service manager', 'Short breaks officer', 'Provider (self-checked)'];

const OFFICER_OWNERS: readonly Extract<Owner, { kind: 'officer' }>[] = [
  { kind: 'officer', name: 'Local Offer editor', email: 'localoffer@denmoor-council.example.org' },
  { kind: 'officer', name: 'Short Breaks Team manager', email: 'shortbreaks@denmoor-council.example.org' },
];

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) throw new Error(`not a date: ${isoDate}`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function phone(rnd: Random): string {
  return rnd.chance(0.75)
    ? `01632 960${String(rnd.int(0, 999)).padStart(3, '0')}`
    : `07700 900${String(rnd.int(0, 999)).padStart(3, '0')}`;
}

interface BuiltOrg {
  readonly org: Organisation;
  readonly first: string | undefined;
  /** The kinds of service it runs (RUNS, by its name or the pattern its name came from). */
  readonly runs: readonly string[];
  readonly slug: string;
  readonly place: Place;
  readonly venues: readonly ServiceLocation[];
}

/** Generates the fictional Local Offer. Pure and deterministic in (seed, today, counts). */
export function generateDemoLocalOffer(options: DemoOptions): DemoLocalOffer {
  const seed = options.seed ?? 'denmoor';
  const serviceCount = options.services ?? 400;
  const orgCount = options.organisations ?? Math.max(10, Math.round(serviceCount / 3.33));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.today))
    throw new Error(`today must be YYYY-MM-DD: ${options.today}`);
  const rnd = seededRandom(`${seed}:${serviceCount}:${orgCount}`);
  const id = (name: string): string => uuidV5(`demo:${seed}:${name}`);

  const orgs: BuiltOrg[] = [];
  const usedNames = new Set<string>();
  const addOrg = (seedOrg: OrgSeed, place: Place): void => {
    const name = seedOrg.name;
    usedNames.add(name);
    const slug = slugify(name);
    const index = orgs.length;
    const orgId = id(`organisation:${index}`);
    const venueCount = seedOrg.kind === 'council' || seedOrg.kind === 'nhs' ? 2 : rnd.chance(0.2) ? 2 : 1;
    const venues: ServiceLocation[] = [];
    for (let v = 0; v < venueCount; v++) {
      const vPlace = v === 0 ? place : rnd.pick(PLACES);
      venues.push({
        id: id(`location:${index}:${v}`),
        name: v === 0 ? `${name}` : `${vPlace.name} Community Centre`,
        addressLine1: street(rnd),
        town: vPlace.name,
        county: DEMO_AREA.county,
        postcode: postcode(rnd, vPlace),
        latitude: round6(DEMO_AREA.centre.latitude + vPlace.dLat + (rnd.next() - 0.5) * 0.01),
        longitude: round6(DEMO_AREA.centre.longitude + vPlace.dLon + (rnd.next() - 0.5) * 0.016),
        accessibility: rnd.pick(ACCESSIBILITY),
      });
    }
    orgs.push({
      org: {
        id: orgId,
        name,
        description: fill(seedOrg.description, { place: place.name }),
        kind: seedOrg.kind,
        website: `https://${slug}.example.org/`,
        email: `hello@${slug}.example.org`,
        phone: phone(rnd),
      },
      first: seedOrg.first,
      runs: RUNS[seedOrg.pattern ?? name] ?? [],
      slug,
      place,
      venues,
    });
  };

  for (const core of CORE_ORGS.slice(0, Math.min(CORE_ORGS.length, orgCount))) addOrg(core, PLACES[0]!);
  while (orgs.length < orgCount) {
    const kind = weighted(rnd, ORG_KIND_WEIGHTS);
    const place = rnd.pick(PLACES);
    const pattern = rnd.pick(ORG_PATTERNS[kind]);
    let name = fill(pattern, { place: place.name, tree: rnd.pick(TREES), bird: rnd.pick(BIRDS) });
    // A second organisation of the same name is told apart by its street, as local groups are ("... , Mill Lane").
    while (usedNames.has(name))
      name = `${name.split(',')[0]}, ${rnd.pick(STREET_FIRST)} ${rnd.pick(STREET_KIND)}`;
    addOrg({ name, kind, pattern, description: rnd.pick(ORG_DESCRIPTIONS[kind]) }, place);
  }

  const byName = new Map(T.map((t) => [t.name, t]));
  const randomTemplates = T.filter((t) => !t.coreOnly);
  // An organisation runs only the kinds of service that fit it (RUNS: a taxi firm its taxis, a swimming club its
  // swimming); only kinds some organisation here runs are drawn (a small Local Offer may have no college).
  const fits = (t: ServiceTemplate, o: BuiltOrg) => t.kinds.includes(o.org.kind) && o.runs.includes(t.name);
  const runnable = randomTemplates.filter((t) => orgs.some((o) => fits(t, o)));
  const fitting = (t: ServiceTemplate): BuiltOrg[] => orgs.filter((o) => fits(t, o));

  const services: LocalOfferService[] = [];
  const usedServiceNames = new Set<string>();
  for (let i = 0; i < serviceCount; i++) {
    let built: BuiltOrg;
    let template: ServiceTemplate;
    if (i < orgs.length) {
      // Every organisation runs at least one service: the fixed ones their own, the others one that fits them.
      built = orgs[i]!;
      const own = built;
      template = byName.get(built.first ?? '') ?? rnd.pick(randomTemplates.filter((t) => fits(t, own)));
    } else {
      // The rest: a template drawn evenly (so every category is well filled), run by an organisation that fits.
      template = rnd.pick(runnable);
      built = rnd.pick(fitting(template));
    }
    services.push(makeService(rnd, id(`service:${i}`), built, template, usedServiceNames, options.today));
  }
  return { area: DEMO_AREA, organisations: orgs.map((o) => o.org), services };
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** Who an age range is for, in a service's name. */
function forAges(minAge: number | null, maxAge: number | null): string {
  if (maxAge !== null && maxAge <= 5) return 'for Under-5s';
  if (minAge !== null && minAge >= 16) return 'for Young Adults';
  if (minAge !== null && minAge >= 11) return 'for Teenagers';
  if (maxAge !== null && maxAge <= 11) return 'for Primary-Age Children';
  return 'for Families';
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * A name no other service has: one of the kind's names not yet used, else one qualified by who runs it, where or for
 * whom, then by the day it meets; combining the parts, never numbering.
 */
function serviceName(
  rnd: Random,
  template: ServiceTemplate,
  built: BuiltOrg,
  ages: readonly [number | null, number | null],
  usedNames: Set<string>,
): { name: string; base: string } {
  const names = [template.name, ...(ALSO_CALLED[template.name] ?? [])];
  if (!usedNames.has(template.name)) return { name: template.name, base: template.name };
  const fresh = names.filter((n) => !usedNames.has(n));
  if (fresh.length) {
    const name = rnd.pick(fresh);
    return { name, base: name };
  }
  const base = rnd.pick(names);
  const runBy = built.org.kind === 'council' || built.org.kind === 'nhs' ? null : `at ${built.org.name}`;
  const towns = [built.place.name, ...rnd.sample(PLACE_NAMES, PLACE_NAMES.length)];
  const qualifiers = [
    ...(runBy ? [runBy] : []),
    ...towns.map((t) => `in ${t}`),
    ...towns.map((t) => `${forAges(...ages)} in ${t}`),
  ];
  for (const q of qualifiers) if (!usedNames.has(`${base} ${q}`)) return { name: `${base} ${q}`, base };
  for (const q of qualifiers)
    for (const n of names)
      for (const day of DAYS)
        if (!usedNames.has(`${day} ${n} ${q}`)) return { name: `${day} ${n} ${q}`, base: n };
  throw new Error(`no name left for ${template.name}`);
}

function ageText(minAge: number | null, maxAge: number | null): string {
  if (minAge === null && maxAge === null) return 'people of any age';
  if (minAge === null) return `people up to ${maxAge}`;
  if (maxAge === null) return `people from ${minAge}`;
  return minAge === 0 ? `children from birth to ${maxAge}` : `people aged ${minAge} to ${maxAge}`;
}

const ORG_NEEDS: readonly (readonly [RegExp, NeedCode])[] = [
  [/Autism/, 'ASD'],
  [/Deaf/, 'HI'],
  [/Sight Loss/, 'VI'],
  [/Dyslexia/, 'SPLD'],
];

function makeService(
  rnd: Random,
  serviceId: string,
  built: BuiltOrg,
  template: ServiceTemplate,
  usedNames: Set<string>,
  today: string,
): LocalOfferService {
  const { org, slug } = built;
  const [minAge, maxAge] = rnd.pick(template.ages);
  const { name, base } = serviceName(rnd, template, built, [minAge, maxAge], usedNames);
  usedNames.add(name);
  const serviceSlug = slugify(name);
  const drawn = rnd.sample(template.needs, rnd.int(template.needsCount[0], template.needsCount[1]));
  // A service named for autism, deafness or sight loss (or run by a charity that is) is for those children.
  const named = ORG_NEEDS.find(([words]) => words.test(`${name} ${org.name}`))?.[1];
  const needs = named && !drawn.includes(named) ? [named, ...drawn] : drawn;
  const training = rnd.sample(template.training, Math.min(template.training.length, rnd.int(1, 3)));

  const paid = template.cost === 'paid' || (template.cost === 'either' && rnd.chance(0.4));
  const note = rnd.chance(0.2) ? rnd.pick(COST_NOTES) : undefined;
  const cost: Cost = paid
    ? {
        kind: 'paid',
        options: rnd
          .sample(PRICES, rnd.chance(0.25) ? 2 : 1)
          .map(([amount, description]) => ({ amount, description })),
        ...(note ? { note } : {}),
      }
    : { kind: 'free' };

  const atVenue = template.where === 'venue' || (template.where === 'either' && rnd.chance(0.6));
  const locations = atVenue
    ? built.venues.length > 1 && rnd.chance(0.3)
      ? built.venues
      : [built.venues[0]!]
    : [];

  const contacts: Contact[] = [
    {
      role: rnd.pick(['Bookings', 'Reception', 'Team leader', 'Family liaison worker', 'Coordinator']),
      phone: phone(rnd),
      email: `${rnd.pick(['hello', 'info', 'bookings', 'enquiries'])}@${slug}.example.org`,
    },
  ];

  // Links: most on the organisation's site; some on an old site that no longer exists; a few with none.
  const linkRoll = rnd.next();
  const url =
    linkRoll < 0.07
      ? `https://old-site.example.invalid/${slug}/${serviceSlug}`
      : linkRoll < 0.1
        ? null
        : `https://${slug}.example.org/${serviceSlug}`;

  // Review-by within the next year for most; about one in eight is past it (stale).
  const stale = rnd.chance(0.125);
  const reviewBy = stale ? addDays(today, -rnd.int(1, 300)) : addDays(today, rnd.int(0, 365));
  const checkedOn = addDays(reviewBy, -365);
  const lastModified = new Date(
    Date.parse(`${checkedOn}T09:00:00.000Z`) + rnd.int(0, 8 * 3600) * 1000 + rnd.int(0, 999),
  ).toISOString();

  const owner: Owner =
    org.kind === 'council' ? rnd.pick(OFFICER_OWNERS) : { kind: 'organisation', organisationId: org.id };
  const checker = rnd.pick(CHECKERS);

  const schedule = rnd.pick(template.when);
  const validFrom = stale ? undefined : rnd.chance(0.15) ? addDays(today, -rnd.int(30, 200)) : undefined;
  const schedules: Schedule[] = [{ ...schedule, ...(validFrom ? { validFrom } : {}) }];

  return {
    id: serviceId,
    organisationId: org.id,
    name,
    // Each of a kind's names says what it does (SAYS); the kind's own name keeps the kind's description.
    description: `${SAYS[base] ?? template.description} Run by ${org.name}${
      locations.length ? ` in ${locations[0]!.town}` : ` across ${DEMO_AREA.name}`
    }, for ${ageText(minAge, maxAge)}.`,
    howToGetIt: template.howToGetIt,
    minAge,
    maxAge,
    needs,
    ...(template.needsNote && rnd.chance(0.7) ? { needsNote: template.needsNote } : {}),
    staffTraining: training,
    categories: template.categories,
    cost,
    schedules,
    locations,
    ...(locations.length === 0 ? { serviceArea: `All of ${DEMO_AREA.name}` } : {}),
    contacts,
    url,
    owner,
    reviewBy,
    lastChecked: {
      on: checkedOn,
      by: checker === 'Provider (self-checked)' ? `${org.name} (provider)` : checker,
      ...(checker === 'Local Offer editor' ? { byEmail: DEMO_AREA.localOfferEmail } : {}),
    },
    status: rnd.chance(0.04) ? 'inactive' : 'active',
    lastModified,
  };
}
