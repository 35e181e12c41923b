/** User administration and the audit log search, for administrators only. Every change is audited. */
import { sql } from 'kysely';
import type { Actor } from '../../platform/access/access.ts';
import { auditContext, isUuid, requireRole } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';

const ADMIN: readonly Role[] = ['administrator'];

export interface UserFilters {
  q?: string | undefined;
  role?: Role | undefined;
  page: number;
}

export async function listUsers(db: Executor, actor: Actor, filters: UserFilters, pageSize = 50) {
  requireRole(actor, ADMIN, 'admin.users');
  let query = db.selectFrom('app_user as u').where('u.la_code', '=', actor.laCode);
  if (filters.role) query = query.where('u.role', '=', filters.role);
  if (filters.q) {
    const like = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('u.display_name', 'ilike', like), eb('u.email', 'ilike', like)]));
  }
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(n);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, filters.page), pages);
  const rows = await query
    .leftJoin('team as t', (j) => j.onRef('t.la_code', '=', 'u.la_code').onRef('t.id', '=', 'u.team_id'))
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
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total, page, pages };
}

export async function listTeams(db: Executor, actor: Actor) {
  return db
    .selectFrom('team as t')
    .innerJoin('organisation as o', (j) =>
      j.onRef('o.la_code', '=', 't.la_code').onRef('o.id', '=', 't.organisation_id'),
    )
    .select(['t.id', 't.name', 'o.name as organisation_name'])
    .where('t.la_code', '=', actor.laCode)
    .orderBy('o.name')
    .orderBy('t.name')
    .execute();
}

export async function getUser(db: Executor, actor: Actor, userId: string) {
  requireRole(actor, ADMIN, 'admin.users');
  if (!isUuid(userId)) throw new NotFoundError();
  const user = await db
    .selectFrom('app_user as u')
    .leftJoin('team as t', (j) => j.onRef('t.la_code', '=', 'u.la_code').onRef('t.id', '=', 'u.team_id'))
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
    .where('u.la_code', '=', actor.laCode)
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!user) throw new NotFoundError();
  return user;
}

export class DuplicateEmailError extends Error {}

export interface NewUserInput {
  email: string;
  displayName: string;
  role: Role;
  jobTitle?: string | undefined;
  teamId?: string | undefined;
  password: string;
}

export async function createUser(db: Executor, actor: Actor, input: NewUserInput): Promise<string> {
  requireRole(actor, ADMIN, 'admin.users');
  const email = input.email.toLowerCase();
  const existing = await db
    .selectFrom('app_user')
    .select('id')
    .where('la_code', '=', actor.laCode)
    .where('email', '=', email)
    .executeTakeFirst();
  if (existing) throw new DuplicateEmailError();
  if (input.teamId) {
    const team = await db
      .selectFrom('team')
      .select('id')
      .where('la_code', '=', actor.laCode)
      .where('id', '=', input.teamId)
      .executeTakeFirst();
    if (!team) throw new NotFoundError('team');
  }
  const { id } = await db
    .insertInto('app_user')
    .values({
      la_code: actor.laCode,
      email,
      display_name: input.displayName,
      role: input.role,
      job_title: input.jobTitle ?? null,
      team_id: input.teamId ?? null,
      password_hash: await hashPassword(input.password),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(db, auditContext(actor), {
    action: 'user.create',
    recordType: 'user',
    recordId: id,
    detail: { role: input.role, teamId: input.teamId ?? null },
  });
  return id;
}

export class SelfChangeError extends Error {}

/** The account still holds open assessments: they must be moved to another officer before it is switched off. */
export class HoldsOpenCasesError extends Error {
  readonly openCases: number;
  constructor(openCases: number) {
    super(`This officer still holds ${openCases} open assessments`);
    this.openCases = openCases;
    this.name = 'HoldsOpenCasesError';
  }
}

export async function updateUser(
  db: Executor,
  actor: Actor,
  userId: string,
  change: { role: Role; active: boolean },
): Promise<void> {
  const before = await getUser(db, actor, userId);
  if (userId === actor.userId && (!change.active || change.role !== 'administrator')) {
    throw new SelfChangeError();
  }
  if (!change.active && before.active) {
    // The database refuses this too (trigger from migration 0005); asking first gives the user a clear answer.
    const held = await db
      .selectFrom('assessment_case')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('la_code', '=', actor.laCode)
      .where('officer_id', '=', userId)
      .where('is_open', '=', true)
      .executeTakeFirstOrThrow();
    if (Number(held.n) > 0) throw new HoldsOpenCasesError(Number(held.n));
  }
  await db
    .updateTable('app_user')
    .set({ role: change.role, active: change.active })
    .where('la_code', '=', actor.laCode)
    .where('id', '=', userId)
    .execute();
  if (!change.active || change.role !== before.role) {
    // A change of role or a deactivation takes effect at once: end the user's sessions.
    await db
      .updateTable('session')
      .set({ ended_at: new Date() })
      .where('la_code', '=', actor.laCode)
      .where('user_id', '=', userId)
      .where('ended_at', 'is', null)
      .execute();
  }
  await audit(db, auditContext(actor), {
    action: 'user.update',
    recordType: 'user',
    recordId: userId,
    detail: { from: { role: before.role, active: before.active }, to: change },
  });
}

export interface AuditFilters {
  person?: string | undefined;
  child?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
}

export async function searchAudit(db: Executor, actor: Actor, filters: AuditFilters, pageSize = 50) {
  requireRole(actor, ADMIN, 'admin.audit');
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('app_user as u', (j) => j.onRef('u.la_code', '=', 'a.la_code').onRef('u.id', '=', 'a.user_id'))
    .leftJoin('child as c', (j) => j.onRef('c.la_code', '=', 'a.la_code').onRef('c.id', '=', 'a.child_id'))
    .where('a.la_code', '=', actor.laCode);
  if (filters.person) {
    const like = `%${filters.person.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('u.email', 'ilike', like), eb('u.display_name', 'ilike', like)]));
  }
  if (filters.child) {
    const child = filters.child;
    query = isUuid(child)
      ? query.where((eb) => eb.or([eb('a.child_id', '=', child), eb('a.record_id', '=', child)]))
      : query.where('c.reference', '=', child.toUpperCase());
  }
  if (filters.from) query = query.where('a.at', '>=', sql<Date>`${filters.from}::date`);
  if (filters.to) query = query.where('a.at', '<', sql<Date>`${filters.to}::date + 1`);
  await audit(db, auditContext(actor), {
    action: 'audit.search',
    recordType: 'audit_log',
    detail: {
      person: filters.person ?? null,
      child: filters.child ?? null,
      from: filters.from ?? null,
      to: filters.to ?? null,
    },
  });
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(n);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, filters.page), pages);
  const rows = await query
    .select([
      'a.id',
      'a.at',
      'a.action',
      'a.outcome',
      'a.record_type',
      'a.record_id',
      'a.ip',
      'u.display_name as user_name',
      'u.email as user_email',
      'c.reference as child_reference',
    ])
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total, page, pages };
}

/** The messages the service has sent (the whole story in demo mode, where nothing leaves the building). */
export async function listOutbox(
  db: Executor,
  actor: Actor,
  filters: { recipient?: string | undefined; page: number },
  pageSize = 25,
) {
  requireRole(actor, ADMIN, 'admin.outbox');
  let query = db.selectFrom('notification as n').where('n.la_code', '=', actor.laCode);
  if (filters.recipient) {
    const like = `%${filters.recipient.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where('n.recipient', 'ilike', like);
  }
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(n);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, filters.page), pages);
  const rows = await query
    .leftJoin('child as c', (j) => j.onRef('c.la_code', '=', 'n.la_code').onRef('c.id', '=', 'n.child_id'))
    .select([
      'n.id',
      'n.created_at',
      'n.sent_at',
      'n.channel',
      'n.recipient',
      'n.template',
      'n.subject',
      'n.body',
      'n.status',
      'c.reference as child_reference',
    ])
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total, page, pages };
}
