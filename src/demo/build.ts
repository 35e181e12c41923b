/**
 * Builds the demo authority as plain rows, with no database: a pure function of (children, seed, today). Every id
 * comes from the seeded generator, so the same options always give byte-identical rows. `seedDemo` (generator.ts)
 * inserts them.
 *
 * Each child is built from its own generator (forked from the seed by the child's index, child.ts), so child N is the
 * same whatever the total number of children; allocation to caseworkers and grants depend on the whole caseload.
 * The steps, each from its own stream: the organisations and teams and the staff (organisations.ts), the settings,
 * the children (the contract children at fixed positions, contract-children.ts), allocation, access grants and the
 * audit history (audit-history.ts).
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
  SettingTable,
  TeamTable,
} from '../platform/db/schema/index.ts';
import { DEMO_ACCOUNTS, DEMO_LA_CODE, type DemoTeamKey } from './accounts.ts';
import { buildChild, type BuiltChild, type Context } from './child.ts';
import { specialChildren } from './contract-children.ts';
import { addDays, timestamp } from './dates.ts';
import {
  address,
  asciiSlug,
  familyName as pickFamilyName,
  NAME_POOLS,
  NEIGHBOURS,
  neighbourPostcode,
  TOWN,
  type Origin,
} from './names.ts';
import type { PastAuditEntry } from '../platform/audit/history.ts';
import { buildAuditHistory } from './audit-history.ts';
import { organisationSpecs, staffSpecs } from './organisations.ts';
import { indexSettings } from './placements.ts';
import { createRandom, type Random } from './random.ts';
import { DEMO_SETTINGS, OTHER_SENCO_SETTINGS, SENCO_SCHOOL } from './settings.ts';

export { EHC_PLANS_BEGAN } from './dates.ts';
export {
  EARLY_YEARS_NEED_WEIGHTS,
  LAST_EARLY_YEARS_GROUP,
  needForAge,
  needForPhase,
  PRIMARY_NEED_WEIGHTS,
  upnFor,
} from './population.ts';

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

export function buildDemoData(options: DemoOptions = {}): DemoData {
  const n = options.children ?? DEFAULT_CHILDREN;
  const seed = options.seed ?? DEFAULT_SEED;
  const today = options.today ?? DEFAULT_TODAY;
  const la = options.laCode ?? DEMO_LA_CODE;
  if (!Number.isInteger(n) || n < 3) throw new Error('children must be a whole number of at least 3');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error('today must be YYYY-MM-DD');
  const root = createRandom(seed);
  const createdAt = new Date(`${addDays(today, -400)}T09:00:00.000Z`);

  const localAuthority = localAuthorityRow(la, createdAt);
  const { organisations, teams, teamIds } = buildOrganisations(la, root.fork('organisations'));
  const teamId = (key: string) => {
    const found = teamIds.get(key);
    if (!found) throw new Error(`No demo team ${key}`);
    return found;
  };
  const users = buildUsers(la, root.fork('users'), n, createdAt, teams, teamId);
  const byEmail = new Map(users.map((u) => [u.email, u]));
  const account = (email: string) => byEmail.get(email)!;
  const settings = buildSettings(la, root.fork('settings'));
  const ctx: Context = { la, today, index: indexSettings(settings, DEMO_SETTINGS) };

  // Children
  const contract = specialChildren(n);
  const built: BuiltChild[] = [];
  for (let i = 0; i < n; i++) {
    built.push(buildChild(i, root.fork(`child:${i}`), ctx, contract.get(i)?.overrides ?? {}));
  }
  const specialIds = new Map<string, BuiltChild>();
  for (const [i, s] of contract) specialIds.set(s.email, built[i]!);
  const family: FamilyChildren = {
    parent: specialIds.get('parent@demo.example')!,
    parent2: specialIds.get('parent2@demo.example')!,
    youngPerson: specialIds.get('youngperson@demo.example')!,
  };
  for (const [email, b] of specialIds) {
    if (email === 'youngperson@demo.example') continue;
    b.familyMembers[0]!.user_id = account(email).id;
  }

  allocate(root.fork('allocation'), n, built, family, users, account, teamId);

  const children = built.map((b) => b.child);
  const familyMembers = built.flatMap((b) => b.familyMembers);
  const childSettings = built.flatMap((b) => b.childSettings);
  const caseEvents = built.flatMap((b) => b.events);

  const accessGrants = grantAccess(root.fork('grants'), ctx, {
    built,
    family,
    users,
    teams,
    teamIds,
    childSettings,
    account,
  });

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
      parent: link('parent@demo.example', family.parent),
      parent2: link('parent2@demo.example', family.parent2),
      youngPerson: link('youngperson@demo.example', family.youngPerson),
    },
  };
  return options.place === undefined || options.place === TOWN ? data : renamePlace(data, options.place);
}

/** The children the three family accounts are linked to. */
interface FamilyChildren {
  parent: BuiltChild;
  parent2: BuiltChild;
  youngPerson: BuiltChild;
}

function localAuthorityRow(la: string, createdAt: Date): Insertable<LocalAuthorityTable> {
  return {
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
}

/** Organisations and their teams (organisations.ts), and each team's id by its key. */
function buildOrganisations(
  la: string,
  orgRng: Random,
): { organisations: DemoOrganisation[]; teams: DemoTeam[]; teamIds: Map<string, string> } {
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
  return { organisations, teams, teamIds };
}

/** Users: the demo accounts, then staff without passwords (an account `fromStaff` takes its staff member's place). */
function buildUsers(
  la: string,
  userRng: Random,
  n: number,
  createdAt: Date,
  teams: DemoTeam[],
  teamId: (key: string) => string,
): DemoUser[] {
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
      users.push({
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
      });
    }
  }
  return users;
}

/** The settings (settings.ts), each with its URN and postcode. */
function buildSettings(la: string, settingRng: Random): DemoSetting[] {
  return DEMO_SETTINGS.map((spec, k) => {
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
}

function teamForYearGroup(yg: number): DemoTeamKey {
  if (yg <= 6) return 'casework-early-primary';
  if (yg <= 11) return 'casework-secondary';
  return 'casework-post16';
}

/**
 * Allocation: each child to a caseworker in the team for their phase; caseworker@ holds about 200 early years and
 * primary children, including both parents' children; a few children are not yet allocated. Each child's case events
 * are then their lead officer's.
 */
function allocate(
  allocRng: Random,
  n: number,
  built: BuiltChild[],
  family: FamilyChildren,
  users: DemoUser[],
  account: (email: string) => DemoUser,
  teamId: (key: string) => string,
): void {
  const caseworker = account('caseworker@demo.example');
  const caseworkersByTeam = new Map<string, DemoUser[]>();
  for (const u of users) {
    if (u.role !== 'caseworker' || u.id === caseworker.id) continue;
    const list = caseworkersByTeam.get(u.team_id!) ?? [];
    list.push(u);
    caseworkersByTeam.set(u.team_id!, list);
  }
  const specialSet = new Set([family.parent, family.parent2, family.youngPerson]);
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
  family.parent.child.lead_officer_id = caseworker.id;
  family.parent2.child.lead_officer_id = caseworker.id;
  for (const b of allocRng.sample(primaryPool, caseworkerTarget - 2)) b.child.lead_officer_id = caseworker.id;
  for (const b of built) {
    for (const e of b.events) e.actor_user_id = b.child.lead_officer_id;
  }
}

/**
 * Access grants: each family account to its child; the demo's advisers (EP, health, social care, SENCO) to a few
 * children each, their own among them; every other professional to a few children their team would advise on.
 */
function grantAccess(
  grantRng: Random,
  ctx: Context,
  demo: {
    built: BuiltChild[];
    family: FamilyChildren;
    users: DemoUser[];
    teams: DemoTeam[];
    teamIds: Map<string, string>;
    childSettings: DemoChildSetting[];
    account: (email: string) => DemoUser;
  },
): DemoAccessGrant[] {
  const { la, today } = ctx;
  const { built, family, users, teams, teamIds, childSettings, account } = demo;
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
  grant(account('parent@demo.example'), family.parent, 'parent', 'Parent with parental responsibility');
  grant(account('parent2@demo.example'), family.parent2, 'parent', 'Parent with parental responsibility');
  grant(
    account('youngperson@demo.example'),
    family.youngPerson,
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
    [family.parent],
    (b) =>
      b.yearGroup >= -2 &&
      b.yearGroup <= 11 &&
      (b.child.plan_status === 'assessment' || grantRng.chance(0.2)),
  );
  adviserGrants(
    account('health@demo.example'),
    8,
    'Health advice (community paediatrics)',
    [family.parent],
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
  adviserGrants(account('senco@demo.example'), 12, 'SENCO at the child’s school', [family.parent], (b) =>
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
  return accessGrants;
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
