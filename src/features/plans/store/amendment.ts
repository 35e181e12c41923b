/**
 * The plan's own SQL for amendments (ADR 0017): the versions an amendment reads (the plan in force, the proposal)
 * and the writes that share a proposal and issue the amended version. Only plans' tables are named here.
 */
import type { Executor } from '../../../platform/audit/audit.ts';
import type { Snapshot } from '../service.ts';

export interface VersionRow {
  id: string;
  number: number;
  kind: 'draft' | 'final' | 'amended';
  issued_on: string;
  snapshot: Snapshot;
  thread_errors: number;
}

/** Every version of a plan, newest first, with its snapshot. */
export async function versionsWithSnapshots(
  db: Executor,
  laCode: string,
  planId: string,
): Promise<VersionRow[]> {
  const rows = await db
    .selectFrom('ehc_plan_version')
    .select(['id', 'number', 'kind', 'issued_on', 'snapshot', 'thread_errors'])
    .where('la_code', '=', laCode)
    .where('plan_id', '=', planId)
    .orderBy('number', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, snapshot: r.snapshot as Snapshot }));
}

export async function nextVersionNumber(db: Executor, laCode: string, planId: string): Promise<number> {
  const row = await db
    .selectFrom('ehc_plan_version')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('la_code', '=', laCode)
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

export async function insertVersion(
  db: Executor,
  v: {
    laCode: string;
    planId: string;
    number: number;
    kind: 'draft' | 'amended';
    issuedOn: string;
    issuedBy: string;
    snapshot: Snapshot;
    threadErrors: number;
    overrideId: string | null;
    /** The version's id when the caller chooses it (the demo's, from its seeded generator); otherwise a new one. */
    id?: string;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('ehc_plan_version')
    .values({
      ...(v.id ? { id: v.id } : {}),
      la_code: v.laCode,
      plan_id: v.planId,
      number: v.number,
      kind: v.kind,
      issued_on: v.issuedOn,
      issued_by: v.issuedBy,
      snapshot: JSON.stringify(v.snapshot),
      thread_errors: v.threadErrors,
      override_id: v.overrideId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Points the plan at a shared version; for a proposal, the day its comment period starts (draft_served). */
export async function setShared(
  db: Executor,
  laCode: string,
  planId: string,
  set: { versionId: string; draftServed?: string; amendedOn?: string },
): Promise<void> {
  await db
    .updateTable('ehc_plan')
    .set({
      shared_version_id: set.versionId,
      ...(set.draftServed ? { draft_served: set.draftServed } : {}),
      // The amended plan: the status and the day, never the review date (CFA s44(1); J2).
      ...(set.amendedOn ? { status: 'amended' as const, final_issued: set.amendedOn } : {}),
      updated_at: new Date(),
    })
    .where('la_code', '=', laCode)
    .where('id', '=', planId)
    .execute();
}

/**
 * For the demo: the words of the plan's first section F provision changed in the working copy, as a caseworker would
 * in the editor (the revision moves on, as every change does). False when the plan has no section F provision.
 */
export async function reviseFirstProvision(
  db: Executor,
  laCode: string,
  planId: string,
  text: string,
): Promise<boolean> {
  const item = await db
    .selectFrom('ehc_plan_item')
    .select('id')
    .where('la_code', '=', laCode)
    .where('plan_id', '=', planId)
    .where('section', '=', 'F')
    .orderBy('position')
    .orderBy('id')
    .executeTakeFirst();
  if (!item) return false;
  await db
    .updateTable('ehc_plan_item')
    .set({ text })
    .where('la_code', '=', laCode)
    .where('id', '=', item.id)
    .execute();
  await db
    .updateTable('ehc_plan')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .where('la_code', '=', laCode)
    .where('id', '=', planId)
    .execute();
  return true;
}
