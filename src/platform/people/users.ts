/** The core records' store, people: authorities, staff and teams, as every feature reads them. */
import type { Executor } from '../audit/audit.ts';
import type { Role } from '../db/schema/index.ts';
import { onTenant } from '../db/tenant.ts';
import { containing, type Page } from './children.ts';

/** The authority's own record (name, team and SENDIASS contacts). */
export async function authorityOf(db: Executor, laCode: string) {
  return db.selectFrom('local_authority').selectAll().where('la_code', '=', laCode).executeTakeFirstOrThrow();
}

/** The authorities (only `laCode`'s when it is given) with their names and contacts, by code. */
export function authorities(db: Executor, laCode?: string) {
  return db
    .selectFrom('local_authority')
    .selectAll()
    .$if(laCode !== undefined, (q) => q.where('la_code', '=', laCode!))
    .orderBy('la_code')
    .execute();
}

/** Active case officers (caseworkers and team managers), by name: the choices for "named officer". */
export async function activeOfficers(db: Executor, laCode: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('la_code', '=', laCode)
    .where('role', 'in', ['caseworker', 'team-manager'])
    .where('active', '=', true)
    .orderBy('display_name')
    .execute();
}

/**
 * The case officers (caseworkers and team managers, those who left too) of a team, or of the whole authority when
 * `teamId` is null, by name: the rows of a team manager's caseload table.
 */
export function caseOfficersOf(db: Executor, laCode: string, teamId: string | null) {
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name', 'job_title', 'active', 'role'])
    .where('la_code', '=', laCode)
    .where('role', 'in', ['caseworker', 'team-manager'])
    .$if(teamId !== null, (q) => q.where('team_id', '=', teamId!))
    .orderBy('display_name')
    .execute();
}

export interface UserSearch {
  readonly laCode: string;
  /** Name or email. */
  readonly q?: string | undefined;
  readonly role?: Role | undefined;
  readonly page: number;
  readonly pageSize: number;
}

export async function searchUsers(db: Executor, search: UserSearch) {
  let query = db.selectFrom('app_user as u').where('u.la_code', '=', search.laCode);
  if (search.role) query = query.where('u.role', '=', search.role);
  if (search.q) {
    const like = containing(search.q);
    query = query.where((eb) => eb.or([eb('u.display_name', 'ilike', like), eb('u.email', 'ilike', like)]));
  }
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(n);
  const pages = Math.max(1, Math.ceil(total / search.pageSize));
  const page = Math.min(Math.max(1, search.page), pages);
  const rows = await query
    .leftJoin('team as t', onTenant('t.id', 'u.team_id'))
    .select([
      'u.id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.job_title',
      'u.active',
      'u.last_signed_in_at',
      't.name as team_name',
    ])
    .orderBy('u.display_name')
    .orderBy('u.id')
    .limit(search.pageSize)
    .offset((page - 1) * search.pageSize)
    .execute();
  return { rows, total, page, pages } satisfies Page<unknown>;
}

/** One user with their team's name (undefined when the authority has no such user). */
export async function userWithTeam(db: Executor, laCode: string, userId: string) {
  return db
    .selectFrom('app_user as u')
    .leftJoin('team as t', onTenant('t.id', 'u.team_id'))
    .select([
      'u.id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.job_title',
      'u.active',
      'u.last_signed_in_at',
      'u.created_at',
      't.name as team_name',
    ])
    .where('u.la_code', '=', laCode)
    .where('u.id', '=', userId)
    .executeTakeFirst();
}

/** A user's team (null when they have none, undefined when the authority has no such user). */
export async function teamIdOfUser(db: Executor, laCode: string, userId: string) {
  const row = await db
    .selectFrom('app_user')
    .select('team_id')
    .where('la_code', '=', laCode)
    .where('id', '=', userId)
    .executeTakeFirst();
  return row ? row.team_id : undefined;
}

/** The job titles of some users (those with one), by id: how a professional's advice names its author. */
export async function jobTitlesOf(
  db: Executor,
  laCode: string,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  if (!userIds.length) return new Map();
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'job_title'])
    .where('la_code', '=', laCode)
    .where('id', 'in', [...new Set(userIds)])
    .where('job_title', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.id, r.job_title!]));
}

/** A user of the authority as a feature names them on its own rows (who sent, who owns, who wrote). */
export interface UserName {
  readonly id: string;
  readonly email: string;
  readonly display_name: string;
  readonly job_title: string | null;
  readonly active: boolean;
  readonly role: Role;
}

/**
 * Some users of the authority by id (those that exist), each with email, name, job title, role and whether active: how a
 * feature shows the people its rows point at without naming `app_user` (one query for a whole list).
 */
export async function usersByIds(
  db: Executor,
  laCode: string,
  userIds: readonly (string | null)[],
): Promise<Map<string, UserName>> {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'email', 'display_name', 'job_title', 'active', 'role'])
    .where('la_code', '=', laCode)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The authority's active staff (anyone but families) who have a job title: how an imported plan finds its owners. */
export function staffWithJobTitles(db: Executor, laCode: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'job_title'])
    .where('la_code', '=', laCode)
    .where('active', '=', true)
    .where('role', 'not in', ['parent', 'young-person'])
    .where('job_title', 'is not', null)
    .execute();
}

/** The ids of the authority's users with these emails (those that exist), by email: how a demo finds its accounts. */
export async function userIdsByEmail(db: Executor, laCode: string, emails: readonly string[]) {
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'email'])
    .where('la_code', '=', laCode)
    .where('email', 'in', [...emails])
    .execute();
  return new Map(rows.map((r) => [r.email, r.id]));
}

/** The active team managers of a team: whom an overdue piece of advice is escalated to. */
export function teamManagers(db: Executor, laCode: string, teamId: string | null) {
  return db
    .selectFrom('app_user')
    .select(['id', 'email', 'display_name'])
    .where('la_code', '=', laCode)
    .where('role', '=', 'team-manager')
    .where('active', '=', true)
    .where('team_id', '=', teamId)
    .execute();
}

/** Every team of the authority with its organisation, by organisation then team. */
export async function teamsOf(db: Executor, laCode: string) {
  return db
    .selectFrom('team as t')
    .innerJoin('organisation as o', onTenant('o.id', 't.organisation_id'))
    .select(['t.id', 't.name', 'o.name as organisation_name'])
    .where('t.la_code', '=', laCode)
    .orderBy('o.name')
    .orderBy('t.name')
    .execute();
}

export async function emailTaken(db: Executor, laCode: string, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .where('la_code', '=', laCode)
    .where('email', '=', email)
    .executeTakeFirst();
  return row !== undefined;
}

export async function teamExists(db: Executor, laCode: string, teamId: string): Promise<boolean> {
  const row = await db
    .selectFrom('team')
    .select('id')
    .where('la_code', '=', laCode)
    .where('id', '=', teamId)
    .executeTakeFirst();
  return row !== undefined;
}

export interface NewUserRow {
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly jobTitle: string | null;
  readonly teamId: string | null;
  readonly passwordHash: string | null;
}

export async function insertUser(db: Executor, laCode: string, user: NewUserRow): Promise<string> {
  const { id } = await db
    .insertInto('app_user')
    .values({
      la_code: laCode,
      email: user.email,
      display_name: user.displayName,
      role: user.role,
      job_title: user.jobTitle,
      team_id: user.teamId,
      password_hash: user.passwordHash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function setRoleAndActive(
  db: Executor,
  laCode: string,
  userId: string,
  change: { role: Role; active: boolean },
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ role: change.role, active: change.active })
    .where('la_code', '=', laCode)
    .where('id', '=', userId)
    .execute();
}

/** Active accounts by role, for the administrator's home page. */
export async function activeUsersByRole(db: Executor, laCode: string) {
  const rows = await db
    .selectFrom('app_user')
    .select(['role', (eb) => eb.fn.countAll<number>().as('n')])
    .where('la_code', '=', laCode)
    .where('active', '=', true)
    .groupBy('role')
    .orderBy('role')
    .execute();
  return rows.map((r) => ({ role: r.role, n: Number(r.n) }));
}

/** Sign-in candidates for an email, in any authority (at most two: an email held twice cannot sign in here). */
/** A user of the authority by email (lower case), for linking a single sign-on identity. */
export async function userByEmail(db: Executor, laCode: string, email: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'role', 'active', 'display_name'])
    .where('la_code', '=', laCode)
    .where('email', '=', email)
    .executeTakeFirst();
}

export async function signInCandidates(db: Executor, email: string) {
  return db
    .selectFrom('app_user')
    .select(['la_code', 'id', 'password_hash', 'active', 'role'])
    .where('email', '=', email)
    .limit(2)
    .execute();
}

export async function recordSignIn(
  db: Executor,
  laCode: string,
  userId: string,
  at = new Date(),
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ last_signed_in_at: at })
    .where('la_code', '=', laCode)
    .where('id', '=', userId)
    .execute();
}

/** Every authority's code (jobs that run for each authority). */
export async function authorityCodes(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('local_authority').select('la_code').orderBy('la_code').execute();
  return rows.map((r) => r.la_code);
}

/** A user's team id (null when they have none or the authority has no such user): the register's counts by team. */
export async function teamIdOf(db: Executor, laCode: string, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('app_user')
    .select('team_id')
    .where('la_code', '=', laCode)
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.team_id ?? null;
}

/** A case officer with their team's contact details (what a family is told when their named officer changes). */
export async function officerContact(db: Executor, laCode: string, userId: string) {
  return db
    .selectFrom('app_user as u')
    .leftJoin('team as t', onTenant('t.id', 'u.team_id'))
    .select([
      'u.id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.active',
      't.name as team_name',
      't.email as team_email',
      't.phone as team_phone',
    ])
    .where('u.la_code', '=', laCode)
    .where('u.id', '=', userId)
    .where('u.role', 'in', ['caseworker', 'team-manager'])
    .executeTakeFirst();
}

/** A user's password hash, or null when the account has none (single sign-on, GOV.UK One Login) or is unknown. */
export async function passwordHashOf(db: Executor, laCode: string, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('app_user')
    .select('password_hash')
    .where('la_code', '=', laCode)
    .where('id', '=', userId)
    .where('active', '=', true)
    .executeTakeFirst();
  return row?.password_hash ?? null;
}

/** Replaces a user's password hash (their own change of password). */
export async function setPasswordHash(
  db: Executor,
  laCode: string,
  userId: string,
  hash: string,
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ password_hash: hash })
    .where('la_code', '=', laCode)
    .where('id', '=', userId)
    .execute();
}

/** An active case officer (caseworker or team manager) of the authority by id, or undefined: who may be allocated. */
export function activeOfficer(db: Executor, laCode: string, userId: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name', 'email', 'team_id'])
    .where('la_code', '=', laCode)
    .where('id', '=', userId)
    .where('role', 'in', ['caseworker', 'team-manager'])
    .where('active', '=', true)
    .executeTakeFirst();
}

/**
 * The team that owns a new request for a child: the child's named officer's team, else the team of the authority's
 * first active team manager (by team name); undefined when the authority has neither.
 */
export async function teamForNewRequest(db: Executor, laCode: string, childId: string) {
  const fromOfficer = await db
    .selectFrom('child as c')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.la_code', '=', 'c.la_code').onRef('u.id', '=', 'c.lead_officer_id'),
    )
    .select('u.team_id')
    .where('c.la_code', '=', laCode)
    .where('c.id', '=', childId)
    .where('u.team_id', 'is not', null)
    .executeTakeFirst();
  if (fromOfficer?.team_id) return fromOfficer.team_id;
  const managed = await db
    .selectFrom('app_user as u')
    .innerJoin('team as t', (j) => j.onRef('t.la_code', '=', 'u.la_code').onRef('t.id', '=', 'u.team_id'))
    .select('t.id')
    .where('u.la_code', '=', laCode)
    .where('u.role', '=', 'team-manager')
    .where('u.active', '=', true)
    .orderBy('t.name')
    .executeTakeFirst();
  return managed?.id;
}
