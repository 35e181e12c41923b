/**
 * The plan's own SQL for amendments (ADR 0017): the versions an amendment reads (the plan in force, the proposal)
 * and the writes that share a proposal and issue the amended version. Only plans' tables are named here.
 */
import type { Insertable } from 'kysely';
import type { Executor } from '../../../platform/audit/audit.ts';
import type { EhcPlanItemTable } from '../../../platform/db/schema/plans.ts';
import type { Snapshot } from '../snapshot.ts';

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
/**
 * For the phase-transfer demo: section I of the working copy names `settingId` (the setting the child moves to), as
 * the caseworker's placement form would, ready for the proposal.
 */
export async function nameWorkingPlacement(
  db: Executor,
  laCode: string,
  planId: string,
  settingId: string,
): Promise<void> {
  await db
    .updateTable('ehc_plan')
    .set((eb) => ({ placement_setting_id: settingId, revision: eb('revision', '+', 1) }))
    .where('la_code', '=', laCode)
    .where('id', '=', planId)
    .execute();
}

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

type ItemInsert = Insertable<EhcPlanItemTable>;

/**
 * The working copy written back from a version's snapshot (after a decision not to amend, from the plan in force): the
 * editor's items become the version's, with their ids (so links between them hold), in the version's order; section
 * I and the personal budget as the version had them. A need or aspiration pulled from advice keeps its citation when
 * the working copy still has the same item (the snapshot does not carry it). The advice in section K stays: advice
 * received is never unrecorded. The revision moves on, as every change does.
 */
export async function restoreWorkingCopy(
  db: Executor,
  laCode: string,
  planId: string,
  snapshot: Snapshot,
): Promise<{ items: number }> {
  const current = await db
    .selectFrom('ehc_plan_item')
    .select(['id', 'source_advice_id', 'source_recommendation'])
    .where('la_code', '=', laCode)
    .where('plan_id', '=', planId)
    .execute();
  const kept = new Map(current.map((r) => [r.id, r]));
  const p = snapshot.plan;
  const positions = new Map<string, number>();
  const row = (id: string, section: ItemInsert['section'], text: string): ItemInsert => {
    const position = (positions.get(section) ?? 0) + 1;
    positions.set(section, position);
    const was = kept.get(id);
    return {
      la_code: laCode,
      id,
      plan_id: planId,
      section,
      position,
      text,
      whose: null,
      area: null,
      timescale_text: null,
      timescale_by: null,
      success_measure: null,
      pfa_area: null,
      amount_value: null,
      amount_unit: null,
      frequency_times: null,
      frequency_per: null,
      deliverer_role: null,
      deliverer_qualification: null,
      grouping_kind: null,
      grouping_size: null,
      where_text: null,
      oversight: null,
      review: null,
      source_kind: null,
      source_advice_id: was?.source_advice_id ?? null,
      source_recommendation: was?.source_recommendation ?? null,
      source_reason: null,
      annual_amount_pence: null,
      need_ids: '[]',
      outcome_ids: '[]',
      provision_ids: '[]',
    };
  };
  const json = (ids: readonly string[]) => JSON.stringify(ids);
  const rows: ItemInsert[] = [
    ...p.aspirations.map((a) => ({ ...row(a.id, 'A', a.text), whose: a.whose || null })),
    ...p.needs.map((n) => ({ ...row(n.id, n.section, n.text), area: n.section === 'B' ? n.area : null })),
    ...p.outcomes.map((o) => ({
      ...row(o.id, 'E', o.text),
      need_ids: json(o.needIds),
      timescale_text: o.timescale.text || null,
      timescale_by: o.timescale.by,
      success_measure: o.successMeasure || null,
      pfa_area: o.preparationForAdulthood,
    })),
    ...p.provision.map((v) => ({
      ...row(v.id, v.section, v.what),
      amount_value: v.amount?.value ?? null,
      amount_unit: v.amount?.unit ?? null,
      frequency_times: v.frequency?.times ?? null,
      frequency_per: v.frequency?.per ?? null,
      deliverer_role: v.deliverer?.role ?? null,
      deliverer_qualification: v.deliverer ? v.deliverer.qualification || null : null,
      grouping_kind: v.grouping?.kind ?? null,
      grouping_size: v.grouping?.kind === 'group' ? v.grouping.size : null,
      where_text: v.where || null,
      oversight: v.oversight || null,
      review: v.review || null,
      source_kind: v.source.kind,
      source_advice_id: v.source.kind === 'advice' ? v.source.adviceId : null,
      source_recommendation: v.source.kind === 'advice' ? (v.source.recommendationId ?? null) : null,
      source_reason: v.source.kind === 'authority-decision' ? v.source.reason : null,
      need_ids: json(v.needIds),
      outcome_ids: json(v.outcomeIds),
    })),
    ...p.personalBudget.directPayments.map((d) => ({
      ...row(d.id, 'J', d.description),
      annual_amount_pence: d.annualAmountPence,
      need_ids: json(d.needIds),
      outcome_ids: json(d.outcomeIds),
      provision_ids: json(d.provisionIds),
    })),
  ];
  await db.deleteFrom('ehc_plan_item').where('la_code', '=', laCode).where('plan_id', '=', planId).execute();
  for (let i = 0; i < rows.length; i += 300) {
    await db
      .insertInto('ehc_plan_item')
      .values(rows.slice(i, i + 300))
      .execute();
  }
  await db
    .updateTable('ehc_plan')
    .set((eb) => ({
      placement_setting_id: p.placement?.settingId ?? null,
      budget_requested: p.personalBudget.requested,
      budget_pence: p.personalBudget.annualAmountPence,
      revision: eb('revision', '+', 1),
      updated_at: new Date(),
    }))
    .where('la_code', '=', laCode)
    .where('id', '=', planId)
    .execute();
  return { items: rows.length };
}
