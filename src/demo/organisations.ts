/**
 * The demo authority's organisations, their teams and their staff, as specifications: the council's SEND teams, the
 * educational psychology service, health, social care, the schools with a SENCO and a voluntary group (each team with
 * its mailbox and phone), and how many staff of each role and job title each team has for a caseload of a given size.
 * `buildDemoData` (build.ts) gives them ids and names.
 */
import type { AppUserTable, OrganisationTable } from '../platform/db/schema/index.ts';
import { asciiSlug, landlineNumber } from './names.ts';
import type { Random } from './random.ts';
import { OTHER_SENCO_SETTINGS, SENCO_SCHOOL } from './settings.ts';

export interface TeamSpec {
  /** A DemoTeamKey, or `senco:<setting name>` for the other schools. */
  key: string;
  name: string;
  email: string | null;
  phone: string | null;
}

export interface OrganisationSpec {
  name: string;
  kind: OrganisationTable['kind'];
  teams: TeamSpec[];
}

export function organisationSpecs(rng: Random): OrganisationSpec[] {
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

export interface StaffSpec {
  role: AppUserTable['role'];
  team: string;
  jobTitle: string;
  count: number;
}

export function staffSpecs(children: number): StaffSpec[] {
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
