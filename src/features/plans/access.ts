/**
 * Who may read or edit an EHC plan. Casework staff (caseworker, team manager) edit; the SEND leader reads; the family
 * (parent or young-person grant) and professionals with an adviser grant on the child read issued versions and
 * comment on a shared draft. Everything else answers 404, audited.
 */
import type { Actor } from '../../platform/access/access.ts';
import {
  auditContext,
  authoriseChildRead,
  canSeeChild,
  CASEWORK_ROLES,
  isUuid,
  requireRole,
} from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { planRow, type PlanRecord } from './store.ts';

export const PLAN_EDITORS: readonly Role[] = ['caseworker', 'team-manager'];
export const PLAN_MANAGERS: readonly Role[] = ['team-manager'];
export const SHARED_ROLES: readonly Role[] = ['parent', 'young-person', 'professional'];

export async function planOrNotFound(db: Executor, actor: Actor, planId: string): Promise<PlanRecord> {
  if (!isUuid(planId)) throw new NotFoundError();
  const record = await planRow(db, actor.laCode, planId);
  if (!record) throw new NotFoundError();
  return record;
}

/** Staff who edit: the plan exists in their authority (audited read of the child). */
export async function editable(db: Executor, actor: Actor, planId: string, action: string) {
  requireRole(actor, PLAN_EDITORS, action);
  const record = await planOrNotFound(db, actor, planId);
  await authoriseChildRead(db, actor, record.child_id, action);
  return record;
}

/** Casework staff read any plan of their authority. */
export async function readableByStaff(db: Executor, actor: Actor, planId: string, action = 'plan.read') {
  requireRole(actor, CASEWORK_ROLES, action);
  const record = await planOrNotFound(db, actor, planId);
  await authoriseChildRead(db, actor, record.child_id, action);
  return record;
}

/**
 * Who may read a plan's issued versions: casework staff; the family and advisers of that child only, and only once
 * something has been issued. Anyone else gets 404 with the denial audited.
 */
export async function readableVersions(db: Executor, actor: Actor, planId: string) {
  if (CASEWORK_ROLES.includes(actor.role)) return readableByStaff(db, actor, planId, 'plan.versions.read');
  const record = isUuid(planId) ? await planRow(db, actor.laCode, planId) : undefined;
  const issued = record
    ? await db
        .selectFrom('ehc_plan_version')
        .select('id')
        .where('la_code', '=', actor.laCode)
        .where('plan_id', '=', planId)
        .limit(1)
        .executeTakeFirst()
    : undefined;
  const allowed =
    record !== undefined &&
    issued !== undefined &&
    SHARED_ROLES.includes(actor.role) &&
    (await canSeeChild(db, actor, record.child_id));
  if (!allowed || !record) {
    throw new NotFoundError('Not found', {
      ctx: auditContext(actor),
      entry: {
        action: 'plan.shared.read.denied',
        recordType: 'ehc_plan',
        recordId: isUuid(planId) ? planId : null,
        childId: record?.child_id ?? null,
        outcome: 'denied',
      },
    });
  }
  await audit(db, auditContext(actor), {
    action: 'plan.shared.read',
    recordType: 'ehc_plan',
    recordId: planId,
    childId: record.child_id,
  });
  return record;
}
