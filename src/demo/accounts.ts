/**
 * The demo contract's accounts (architecture.md, "Demo contract"): fourteen accounts in the fictional authority 999
 * (provider@ edits one Local Offer organisation's entries; college@ is the young person's college's learning support
 * manager), all with the password below. Created only in demo mode. Names are fictional.
 */
import type { Role } from '../platform/db/schema/index.ts';

export const DEMO_LA_CODE = '999';
export const DEMO_PASSWORD = 'goldthread-demo';

/** The demo authority's teams, by key (the generator gives each a name and an id). */
export type DemoTeamKey =
  | 'casework-early-primary'
  | 'casework-secondary'
  | 'casework-post16'
  | 'send-strategy'
  | 'local-offer'
  | 'digital'
  | 'educational-psychology'
  | 'early-years-psychology'
  | 'community-paediatrics'
  | 'speech-language'
  | 'occupational-therapy'
  | 'physiotherapy'
  | 'camhs'
  | 'disabled-children'
  | 'children-in-care'
  | 'senco-school'
  | 'senco:Denmoor College'
  | 'voluntary';

export interface DemoAccount {
  readonly email: string;
  readonly role: Role;
  readonly displayName: string;
  /** Staff and professionals only. */
  readonly jobTitle: string | null;
  readonly team: DemoTeamKey | null;
  /**
   * The account is a setting's generated staff member (the first of its team) given this email, name and the demo
   * password: it takes that member's place and draws, so adding it leaves the demo's random sequence unchanged.
   */
  readonly fromStaff?: true;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: 'caseworker@demo.example',
    role: 'caseworker',
    displayName: 'Hannah Lockwood',
    jobTitle: 'SEND caseworker',
    team: 'casework-early-primary',
  },
  {
    email: 'manager@demo.example',
    role: 'team-manager',
    displayName: 'Gareth Pryce',
    jobTitle: 'SEND casework team manager',
    team: 'casework-early-primary',
  },
  {
    email: 'leader@demo.example',
    role: 'send-leader',
    displayName: 'Angela Moorcroft',
    jobTitle: 'Head of SEND',
    team: 'send-strategy',
  },
  {
    email: 'ep@demo.example',
    role: 'professional',
    displayName: 'Dr Nadia Kareem',
    jobTitle: 'Senior educational psychologist',
    team: 'educational-psychology',
  },
  {
    email: 'health@demo.example',
    role: 'professional',
    displayName: 'Dr Tom Ashby',
    jobTitle: 'Consultant community paediatrician',
    team: 'community-paediatrics',
  },
  {
    email: 'socialcare@demo.example',
    role: 'professional',
    displayName: 'Lucy Fairbairn',
    jobTitle: "Social worker, disabled children's team",
    team: 'disabled-children',
  },
  {
    email: 'senco@demo.example',
    role: 'professional',
    displayName: 'Joanne Baxendale',
    jobTitle: 'SENCO',
    team: 'senco-school',
  },
  {
    email: 'college@demo.example',
    role: 'professional',
    displayName: 'Bethan Quarrie',
    jobTitle: 'Learning support manager',
    team: 'senco:Denmoor College',
    fromStaff: true,
  },
  {
    email: 'parent@demo.example',
    role: 'parent',
    displayName: 'Rebecca Hollins',
    jobTitle: null,
    team: null,
  },
  { email: 'parent2@demo.example', role: 'parent', displayName: 'Marta Nowak', jobTitle: null, team: null },
  {
    email: 'youngperson@demo.example',
    role: 'young-person',
    displayName: 'Jordan Ellison',
    jobTitle: null,
    team: null,
  },
  {
    email: 'editor@demo.example',
    role: 'local-offer-editor',
    displayName: 'Sam Whitaker',
    jobTitle: 'Local Offer officer',
    team: 'local-offer',
  },
  {
    email: 'provider@demo.example',
    role: 'local-offer-provider',
    displayName: 'Dana Ferris',
    jobTitle: 'Service manager at a local charity',
    team: null,
  },
  {
    email: 'admin@demo.example',
    role: 'administrator',
    displayName: 'Chris Daley',
    jobTitle: 'Systems administrator',
    team: 'digital',
  },
];

export function demoAccount(email: string): DemoAccount {
  const account = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!account) throw new Error(`No demo account ${email}`);
  return account;
}
