/**
 * The demo Local Offer's organisations (data only): the fixed core (the council's teams, health, the forum, SENDIASS,
 * the college), the name patterns the generated ones take by kind, with their descriptions and how often each kind
 * appears, and what each runs (`RUNS`, issue 18: a taxi firm its taxis, a swimming club its swimming).
 */
import type { OrganisationKind } from '../oruk/model.ts';

export interface OrgSeed {
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly description: string;
  /** For the fixed organisations: the service template their first service comes from. */
  readonly first?: string;
  /** For the generated ones: the pattern their name came from (what they run is the pattern's, RUNS). */
  readonly pattern?: string;
}

export const CORE_ORGS: readonly OrgSeed[] = [
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

export const ORG_PATTERNS: Readonly<Record<Exclude<OrganisationKind, 'council' | 'nhs'>, readonly string[]>> =
  {
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

export const TREES = ['Oak', 'Willow', 'Hazel', 'Rowan', 'Birch', 'Holly', 'Cedar', 'Elm', 'Linden', 'Aspen'];
export const BIRDS = [
  'Wren',
  'Robin',
  'Kingfisher',
  'Skylark',
  'Owl',
  'Swallow',
  'Heron',
  'Kestrel',
  'Goldfinch',
];

export const ORG_KIND_WEIGHTS: readonly [Exclude<OrganisationKind, 'council' | 'nhs'>, number][] = [
  ['school', 30],
  ['early-years', 14],
  ['charity', 22],
  ['community-group', 20],
  ['business', 10],
  ['college', 4],
];

export const ORG_DESCRIPTIONS: Readonly<Record<OrganisationKind, readonly string[]>> = {
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
