/**
 * Access control, applied in the service layer (routes only pass the actor through).
 * Staff who run casework see every child of their authority; professionals see only the children they were asked
 * to advise on; parents and young people only the children they are linked to; the Local Offer editor and the
 * administrator see no child records. A denied request for a child answers "not found" and is audited.
 */
import type { AuditContext, Executor } from '../audit/audit.ts';
import { audit } from '../audit/audit.ts';
import type { GrantKind, Role } from '../db/schema/index.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors.ts';
import type { SessionUser } from '../auth/sessions.ts';

export type Actor = SessionUser & { readonly ip: string | null };

export const CASEWORK_ROLES: readonly Role[] = ['caseworker', 'team-manager', 'send-leader'];
const GRANT_FOR_ROLE: Partial<Record<Role, GrantKind>> = {
  professional: 'adviser',
  parent: 'parent',
  'young-person': 'young-person',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

export function auditContext(actor: Actor): AuditContext {
  return { laCode: actor.laCode, userId: actor.userId, sessionId: actor.sessionId, ip: actor.ip };
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

/** Whether the actor's role sees every child of the authority. */
export function seesAllChildren(actor: Actor): boolean {
  return CASEWORK_ROLES.includes(actor.role);
}

/** The grant kind that links this role to children, or undefined for roles that see none or all. */
export function grantKindFor(role: Role): GrantKind | undefined {
  return GRANT_FOR_ROLE[role];
}

export async function canSeeChild(db: Executor, actor: Actor, childId: string): Promise<boolean> {
  if (!isUuid(childId)) return false;
  if (seesAllChildren(actor)) {
    const row = await db
      .selectFrom('child')
      .select('id')
      .where('la_code', '=', actor.laCode)
      .where('id', '=', childId)
      .executeTakeFirst();
    return row !== undefined;
  }
  const kind = grantKindFor(actor.role);
  if (!kind) return false;
  const grant = await db
    .selectFrom('access_grant')
    .select('id')
    .where('la_code', '=', actor.laCode)
    .where('user_id', '=', actor.userId)
    .where('child_id', '=', childId)
    .where('kind', '=', kind)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return grant !== undefined;
}

/**
 * Checks the actor may see the child and records the attempt: a read when allowed, a denial otherwise.
 * Throws NotFoundError when denied, so a user cannot tell a record they may not see from one that does not exist.
 */
export async function authoriseChildRead(
  db: Executor,
  actor: Actor,
  childId: string,
  action = 'child.read',
): Promise<void> {
  if (await canSeeChild(db, actor, childId)) {
    await audit(db, auditContext(actor), { action, recordType: 'child', recordId: childId, childId });
    return;
  }
  throw new NotFoundError('Not found', {
    ctx: auditContext(actor),
    entry: {
      action: `${action}.denied`,
      recordType: 'child',
      recordId: isUuid(childId) ? childId : null,
      outcome: 'denied',
      detail: isUuid(childId) ? null : { requested: childId.slice(0, 80) },
    },
  });
}

/**
 * Records a page that listed children (issue 16 item 7): which children were shown, by id, in one entry (nothing
 * when the page showed none). Reads of one child's record are audited by authoriseChildRead.
 */
export async function auditChildrenShown(
  db: Executor,
  actor: Actor,
  action: string,
  page: string,
  childIds: readonly string[],
): Promise<void> {
  const children = [...new Set(childIds)];
  if (!children.length) return;
  await audit(db, auditContext(actor), {
    action,
    recordType: 'list',
    recordId: page,
    childId: children.length === 1 ? children[0] : null,
    detail: { children },
  });
}

/**
 * The children a page's data names: every `child_id` or `childId` in it, at any depth (rows, cards, queues), so a
 * list page records what it showed with auditChildrenShown however its view model is shaped.
 */
export function childIdsIn(value: unknown): string[] {
  const found = new Set<string>();
  const seen = new Set<object>();
  const visit = (v: unknown, depth: number) => {
    if (!v || typeof v !== 'object' || depth > 8 || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const item of v) visit(item, depth + 1);
      return;
    }
    for (const [key, item] of Object.entries(v)) {
      if ((key === 'child_id' || key === 'childId') && typeof item === 'string' && isUuid(item))
        found.add(item);
      else visit(item, depth + 1);
    }
  };
  visit(value, 0);
  return [...found];
}

/**
 * For pages whose existence is no secret (such as user administration): 403. Denials (here and in
 * authoriseChildRead) are written to the audit log by the web layer once any transaction has rolled back.
 */
export function requireRole(actor: Actor, roles: readonly Role[], page: string): void {
  if (roles.includes(actor.role)) return;
  throw new ForbiddenError('Forbidden', {
    ctx: auditContext(actor),
    entry: { action: 'page.denied', recordType: 'page', recordId: page, outcome: 'denied' },
  });
}
