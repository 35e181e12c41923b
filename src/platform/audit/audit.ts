/**
 * The audit log: every read of a child's record and every change, with who, what, when and from which session.
 * Append-only: the database refuses UPDATE, DELETE and TRUNCATE on it (see migration 0001).
 * Always write it with the transaction that made the change, so the record and its audit stand or fall together.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema/index.ts';

export type Executor = Kysely<DB> | Transaction<DB>;

/** Who is acting, for the audit log and access checks. */
export interface AuditContext {
  readonly laCode: string;
  readonly userId: string | null;
  readonly sessionId: string | null;
  readonly ip: string | null;
}

export interface AuditEntry {
  /** A verb-noun such as 'child.read', 'user.create', 'sign-in.failed'. */
  action: string;
  recordType: string;
  recordId?: string | null;
  childId?: string | null;
  outcome?: 'ok' | 'denied';
  /** What changed or why; never passwords or free text the user typed about a child. */
  detail?: Record<string, unknown> | null;
}

export async function audit(db: Executor, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      la_code: ctx.laCode,
      user_id: ctx.userId,
      session_id: ctx.sessionId,
      ip: ctx.ip,
      action: entry.action,
      record_type: entry.recordType,
      record_id: entry.recordId ?? null,
      child_id: entry.childId ?? null,
      outcome: entry.outcome ?? 'ok',
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .execute();
}

/** Whether this user's audit trail has this action on this record (a form's second submit finds its first). */
export async function auditedBy(
  db: Executor,
  entry: { laCode: string; userId: string; action: string; recordId: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('audit_log')
    .select('id')
    .where('la_code', '=', entry.laCode)
    .where('action', '=', entry.action)
    .where('record_id', '=', entry.recordId)
    .where('user_id', '=', entry.userId)
    .executeTakeFirst();
  return row !== undefined;
}
