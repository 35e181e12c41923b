/** User administration, the audit log search and the outbox, for administrators only. Every change is audited. */
import type { Actor } from '../../platform/access/access.ts';
import { auditContext, isUuid, requireRole } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import { searchAuditLog } from '../../platform/audit/search.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { endSessionsOf } from '../../platform/auth/sessions.ts';
import { withChange } from '../../platform/change/change.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { searchOutbox } from '../../platform/notify/outbox.ts';
import {
  emailTaken,
  insertUser,
  searchUsers,
  setRoleAndActive,
  teamExists,
  teamsOf,
  userWithTeam,
} from '../../platform/people/users.ts';
import { FieldError } from '../../platform/web/forms.ts';

const ADMIN: readonly Role[] = ['administrator'];

export interface UserFilters {
  q?: string | undefined;
  role?: Role | undefined;
  page: number;
}

export interface NewUserInput {
  email: string;
  displayName: string;
  role: Role;
  jobTitle?: string | undefined;
  teamId?: string | undefined;
  password: string;
}

export interface AuditFilters {
  person?: string | undefined;
  child?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  action?: string | undefined;
  page: number;
}

export class DuplicateEmailError extends FieldError {
  constructor() {
    super('email', 'A user with this email address already exists');
  }
}

export class UnknownTeamError extends FieldError {
  constructor() {
    super('teamId', 'Select a team from the list');
  }
}

export class SelfChangeError extends FieldError {
  constructor() {
    super('role', 'You cannot remove your own administrator role or stop your own account signing in');
  }
}

/** The account still holds open assessments: they must be moved to another officer before it is switched off. */
export class HoldsOpenCasesError extends FieldError {
  readonly openCases: number;
  readonly userId: string;
  constructor(openCases: number, userId: string) {
    const n = openCases;
    super(
      'active',
      `This officer still holds ${n} open ${n === 1 ? 'assessment' : 'assessments'}. A team manager must move ${n === 1 ? 'it' : 'them'} to another officer before this account can be switched off`,
    );
    this.openCases = openCases;
    this.userId = userId;
  }
}

/** What admin asks other features (through their public surface; the composition root passes them in). */
export interface AdminNeeds {
  /** How many open assessments an officer holds (assessments' `openCasesHeldBy`). */
  readonly openCasesHeldBy: (db: Executor, laCode: string, officerId: string) => Promise<number>;
}

async function userOrNotFound(db: Executor, actor: Actor, userId: string) {
  requireRole(actor, ADMIN, 'admin.users');
  const user = isUuid(userId) ? await userWithTeam(db, actor.laCode, userId) : undefined;
  if (!user) throw new NotFoundError();
  return user;
}

export function createAdminService(deps: Pick<ServiceDeps, 'db' | 'jobs' | 'today'>, needs: AdminNeeds) {
  const { db } = deps;
  return {
    users(actor: Actor, filters: UserFilters, pageSize = 50) {
      requireRole(actor, ADMIN, 'admin.users');
      return searchUsers(db, { laCode: actor.laCode, ...filters, pageSize });
    },

    teams(actor: Actor) {
      requireRole(actor, ADMIN, 'admin.users');
      return teamsOf(db, actor.laCode);
    },

    user: (actor: Actor, userId: string) => userOrNotFound(db, actor, userId),

    createUser: (actor: Actor, input: NewUserInput): Promise<string> =>
      withChange(deps, actor, async ({ trx }) => {
        requireRole(actor, ADMIN, 'admin.users');
        const email = input.email.toLowerCase();
        if (await emailTaken(trx, actor.laCode, email)) throw new DuplicateEmailError();
        if (input.teamId && !(await teamExists(trx, actor.laCode, input.teamId)))
          throw new UnknownTeamError();
        const id = await insertUser(trx, actor.laCode, {
          email,
          displayName: input.displayName,
          role: input.role,
          jobTitle: input.jobTitle ?? null,
          teamId: input.teamId ?? null,
          passwordHash: await hashPassword(input.password),
        });
        await audit(trx, auditContext(actor), {
          action: 'user.create',
          recordType: 'user',
          recordId: id,
          detail: { role: input.role, teamId: input.teamId ?? null },
        });
        return id;
      }),

    updateUser: (actor: Actor, userId: string, change: { role: Role; active: boolean }): Promise<void> =>
      withChange(deps, actor, async ({ trx }) => {
        const before = await userOrNotFound(trx, actor, userId);
        if (userId === actor.userId && (!change.active || change.role !== 'administrator')) {
          throw new SelfChangeError();
        }
        if (!change.active && before.active) {
          // The database refuses this too (trigger from migration 0005); asking first gives the user a clear answer.
          const held = await needs.openCasesHeldBy(trx, actor.laCode, userId);
          if (held > 0) throw new HoldsOpenCasesError(held, userId);
        }
        await setRoleAndActive(trx, actor.laCode, userId, change);
        // A change of role or a deactivation takes effect at once: end the user's sessions.
        if (!change.active || change.role !== before.role) await endSessionsOf(trx, actor.laCode, userId);
        await audit(trx, auditContext(actor), {
          action: 'user.update',
          recordType: 'user',
          recordId: userId,
          detail: { from: { role: before.role, active: before.active }, to: change },
        });
      }),

    /** The search is itself audited, in the same transaction. */
    searchAudit: (actor: Actor, filters: AuditFilters, pageSize = 50) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, ADMIN, 'admin.audit');
        await audit(trx, auditContext(actor), {
          action: 'audit.search',
          recordType: 'audit_log',
          detail: {
            person: filters.person ?? null,
            child: filters.child ?? null,
            from: filters.from ?? null,
            to: filters.to ?? null,
            action: filters.action ?? null,
          },
        });
        return searchAuditLog(trx, { laCode: actor.laCode, ...filters, pageSize });
      }),

    /** The messages the service has sent (the whole story in demo mode, where nothing leaves the building). */
    outbox(actor: Actor, filters: { recipient?: string | undefined; page: number }, pageSize = 25) {
      requireRole(actor, ADMIN, 'admin.outbox');
      return searchOutbox(db, { laCode: actor.laCode, ...filters, pageSize });
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
