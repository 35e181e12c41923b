/**
 * The returns feature's tables: the SEN2 items kept beside the casework (sen2_extra) and the export job's runs
 * (sen2_export). Nothing else.
 */
import type { Executor } from '../../platform/audit/audit.ts';

/** Every child's kept SEN2 items: childId -> key -> value. */
export async function extrasOf(db: Executor, laCode: string): Promise<Map<string, Map<string, string>>> {
  const rows = await db
    .selectFrom('sen2_extra')
    .select(['child_id', 'items'])
    .where('la_code', '=', laCode)
    .execute();
  const out = new Map<string, Map<string, string>>();
  for (const r of rows) {
    const items = (typeof r.items === 'string' ? JSON.parse(r.items) : r.items) as Record<string, string>;
    out.set(r.child_id, new Map(Object.entries(items)));
  }
  return out;
}

/** Keeps children's SEN2 items (in bulk). */
export async function insertExtras(
  db: Executor,
  laCode: string,
  rows: readonly { childId: string; items: Record<string, string> }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('sen2_extra')
      .values(
        rows
          .slice(i, i + 1000)
          .map((r) => ({ la_code: laCode, child_id: r.childId, items: JSON.stringify(r.items) })),
      )
      .execute();
  }
}

export async function insertExport(
  db: Executor,
  laCode: string,
  row: { census: string; format: 'csv' | 'xml'; requestedBy: string | null },
): Promise<string> {
  const r = await db
    .insertInto('sen2_export')
    .values({ la_code: laCode, census: row.census, format: row.format, requested_by: row.requestedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function exportById(db: Executor, laCode: string, id: string) {
  return db
    .selectFrom('sen2_export')
    .select(['id', 'census', 'format', 'status', 'persons', 'problems', 'error', 'created_at', 'finished_at'])
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function exportContent(db: Executor, laCode: string, id: string) {
  return db
    .selectFrom('sen2_export')
    .select(['census', 'format', 'content'])
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .where('status', '=', 'done')
    .executeTakeFirst();
}

export async function recentExports(db: Executor, laCode: string) {
  return db
    .selectFrom('sen2_export')
    .select(['id', 'census', 'format', 'status', 'persons', 'created_at'])
    .where('la_code', '=', laCode)
    .orderBy('created_at', 'desc')
    .limit(10)
    .execute();
}

export async function markExport(
  db: Executor,
  laCode: string,
  id: string,
  change:
    | { status: 'running' }
    | { status: 'done'; persons: number; problems: unknown; content: string }
    | { status: 'failed'; error: string },
): Promise<void> {
  const values =
    change.status === 'running'
      ? { status: change.status }
      : change.status === 'done'
        ? {
            status: change.status,
            persons: change.persons,
            problems: JSON.stringify(change.problems),
            content: change.content,
            finished_at: new Date(),
          }
        : { status: change.status, error: change.error, finished_at: new Date() };
  await db
    .updateTable('sen2_export')
    .set(values)
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .execute();
}
