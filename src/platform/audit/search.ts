/** Reading the audit log: the administrator's search and the latest entries. */
import { sql } from 'kysely';
import { isUuid } from '../access/access.ts';
import { onTenant } from '../db/tenant.ts';
import { containing, type Page } from '../people/children.ts';
import type { Executor } from './audit.ts';
import { actionsLabelled } from './labels.ts';

export interface AuditSearch {
  readonly laCode: string;
  /** Name or email of who acted. */
  readonly person?: string | undefined;
  /** A child's id (also matches the record) or reference. */
  readonly child?: string | undefined;
  /** 'YYYY-MM-DD', both included. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** An action: the start of its code (`plan.` or `plan.final.issue`) or words from its label ("plan issued"). */
  readonly action?: string | undefined;
  readonly page: number;
  readonly pageSize: number;
}

export interface AuditRow {
  id: number;
  at: Date;
  action: string;
  outcome: 'ok' | 'denied';
  record_type: string;
  record_id: string | null;
  ip: string | null;
  user_name: string | null;
  user_email: string | null;
  child_reference: string | null;
}

export async function searchAuditLog(db: Executor, search: AuditSearch): Promise<Page<AuditRow>> {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('app_user as u', onTenant('u.id', 'a.user_id'))
    .leftJoin('child as c', onTenant('c.id', 'a.child_id'))
    .where('a.la_code', '=', search.laCode);
  if (search.person) {
    const like = containing(search.person);
    query = query.where((eb) => eb.or([eb('u.email', 'ilike', like), eb('u.display_name', 'ilike', like)]));
  }
  if (search.child) {
    const child = search.child;
    query = isUuid(child)
      ? query.where((eb) => eb.or([eb('a.child_id', '=', child), eb('a.record_id', '=', child)]))
      : query.where('c.reference', '=', child.toUpperCase());
  }
  if (search.action) {
    const words = search.action.trim();
    const codes = actionsLabelled(words);
    const prefix = `${words.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('a.action', 'like', prefix), ...(codes.length ? [eb('a.action', 'in', codes)] : [])]),
    );
  }
  if (search.from) query = query.where('a.at', '>=', sql<Date>`${search.from}::date`);
  if (search.to) query = query.where('a.at', '<', sql<Date>`${search.to}::date + 1`);
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(n);
  const pages = Math.max(1, Math.ceil(total / search.pageSize));
  const page = Math.min(Math.max(1, search.page), pages);
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
    .limit(search.pageSize)
    .offset((page - 1) * search.pageSize)
    .execute();
  return { rows, total, page, pages };
}

/** The latest entries, with who acted. */
export async function recentAuditEntries(db: Executor, laCode: string, limit = 10) {
  return db
    .selectFrom('audit_log as a')
    .leftJoin('app_user as u', onTenant('u.id', 'a.user_id'))
    .select(['a.id', 'a.at', 'a.action', 'a.outcome', 'a.record_type', 'u.display_name'])
    .where('a.la_code', '=', laCode)
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Changes to many children's core records (children, placements, settings) audited once, without the children: a
 * SEN2 return read in (`returns`). A record kept from those records derives itself whole after one (`bulk`).
 */
export const BULK_RECORD_CHANGES: readonly string[] = ['sen2.import'];

/**
 * The children named by the authority's audit entries after entry `afterId` that changed something (reads, whose
 * action ends in `.read`, and refusals left out), and the latest entry's id (`afterId` when there is none). A record
 * kept from other features' facts (the phase-transfer cohort, docs/transfers.md) uses it to find what to derive again:
 * every change to a child's data is audited with the child (docs/architecture.md).
 */
export async function childrenChangedSince(
  db: Executor,
  laCode: string,
  afterId: number,
): Promise<{ childIds: string[]; usersUpdated: string[]; bulk: boolean; latest: number }> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'child_id', 'action', 'outcome', 'record_type', 'record_id'])
    .where('la_code', '=', laCode)
    .where('id', '>', afterId)
    .orderBy('id')
    .execute();
  const childIds = new Set<string>();
  const usersUpdated = new Set<string>();
  let bulk = false;
  let latest = afterId;
  for (const r of rows) {
    latest = Math.max(latest, Number(r.id));
    if (r.outcome !== 'ok' || r.action.endsWith('.read')) continue;
    if (r.child_id) childIds.add(r.child_id);
    // An account changed by an administrator (its name, team or role), audited without a child.
    else if (r.action === 'user.update' && r.record_type === 'user' && r.record_id)
      usersUpdated.add(r.record_id);
    else if (BULK_RECORD_CHANGES.includes(r.action)) bulk = true;
  }
  return { childIds: [...childIds], usersUpdated: [...usersUpdated], bulk, latest };
}

/** The id of the authority's latest audit entry (0 for none). */
export async function latestAuditId(db: Executor, laCode: string): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('la_code', '=', laCode)
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}
