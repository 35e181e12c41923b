/**
 * Audit entries written with the moment they happened (issue 18 item 9): the demo's history of a service in use. A
 * live change is audited with `audit()` at the database's now(); only a history given as a whole (the demo) comes here.
 * Every entry must fall between the day EHC plans began (1 September 2014: nothing in this casework is older) and the
 * given day, both included (days in London), or nothing is written.
 */
import type { Executor } from './audit.ts';
import type { AuditEntry } from './audit.ts';

/** The first day an audit entry may carry: the day EHC plans began (Children and Families Act 2014, Part 3). */
export const AUDIT_HISTORY_FROM = '2014-09-01';

export interface PastAuditEntry extends AuditEntry {
  /** When it happened. */
  readonly at: Date;
  readonly userId: string | null;
  readonly sessionId?: string | null;
  readonly ip?: string | null;
}

const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** Rows a statement: 11 columns each, well under PostgreSQL's 65,535 parameters. */
const CHUNK = 2000;

/**
 * Writes past audit entries for the authority, oldest first; refuses (a RangeError, nothing written) an entry dated
 * before 1 September 2014 or after `lastDay`. Returns how many were written.
 */
export async function auditHistory(
  db: Executor,
  laCode: string,
  lastDay: string,
  entries: readonly PastAuditEntry[],
): Promise<number> {
  for (const e of entries) {
    const day = Number.isNaN(e.at.getTime()) ? 'no date' : londonDay.format(e.at);
    if (!(day >= AUDIT_HISTORY_FROM && day <= lastDay)) {
      throw new RangeError(
        `audit history: ${e.action} on ${day} is outside ${AUDIT_HISTORY_FROM} to ${lastDay}, so nothing was written`,
      );
    }
  }
  const sorted = [...entries].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (let start = 0; start < sorted.length; start += CHUNK) {
    await db
      .insertInto('audit_log')
      .values(
        sorted.slice(start, start + CHUNK).map((e) => ({
          la_code: laCode,
          at: e.at,
          user_id: e.userId,
          session_id: e.sessionId ?? null,
          ip: e.ip ?? null,
          action: e.action,
          record_type: e.recordType,
          record_id: e.recordId ?? null,
          child_id: e.childId ?? null,
          outcome: e.outcome ?? 'ok',
          detail: e.detail ? JSON.stringify(e.detail) : null,
        })),
      )
      .execute();
  }
  return sorted.length;
}
