/**
 * Editing an EHC plan: starting one for a child (from their assessment when there is one), section K kept in step
 * with the assessment's received advice, adding, changing and removing items (links must name items of the plan),
 * pulling advice's recommendations in with their citation, and the placement (section I) and personal budget.
 */
import { sql } from 'kysely';
import { authoriseChildRead, isUuid, requireRole } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Section } from '../../domain/plan-quality/model.ts';
import {
  adviceRecommendationSources,
  caseForNewPlan,
  NEED_AREAS,
  type ProvisionLine,
} from '../assessments/index.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { childByReference } from '../../platform/people/children.ts';
import { settingRegister, settingsByIds } from '../../platform/people/settings.ts';
import { teamIdOfUser } from '../../platform/people/users.ts';
import type { ChangeContext } from '../../platform/change/change.ts';
import { editable, PLAN_EDITORS } from './access.ts';
import { timescaleOf } from './describe.ts';
import { adviceCaseIds, adviceOfCases, needSectionsFor, suggestedLinks } from './read.ts';
import { changeAudit, PlanError, touch } from './service.ts';
import {
  adviceAuthor,
  adviceRows,
  itemRows,
  planRow,
  pulledProvisionFields,
  recommendationsOf,
  type PlanRecord,
  type Recommendation,
} from './store.ts';

// ---------------------------------------------------------------------------------------------------------------
// Creating a plan

export async function createPlan(ctx: ChangeContext, input: { childReference: string }): Promise<string> {
  const { trx, actor } = ctx;
  requireRole(actor, PLAN_EDITORS, 'plan.create');
  const child = await childByReference(trx, actor.laCode, input.childReference);
  if (!child)
    throw new PlanError(
      'childReference',
      'No child or young person has that reference: check it and try again',
    );
  await authoriseChildRead(trx, actor, child.id, 'plan.create');
  const existing = await trx
    .selectFrom('ehc_plan')
    .select('id')
    .where('la_code', '=', actor.laCode)
    .where('child_id', '=', child.id)
    .executeTakeFirst();
  if (existing) return existing.id; // one plan per child: a second "start" opens the plan already there
  const kase = await caseForNewPlan(trx, actor.laCode, child.id);
  const writerTeam = await teamIdOfUser(trx, actor.laCode, actor.userId);
  const { id } = await trx
    .insertInto('ehc_plan')
    .values({
      la_code: actor.laCode,
      child_id: child.id,
      case_id: kase?.id ?? null,
      writer_id: actor.userId,
      team_id: writerTeam ?? kase?.team_id ?? null,
      placement_setting_id: null,
      budget_pence: null,
      shared_version_id: null,
      draft_served: null,
      final_issued: null,
      review_due: null,
    })
    .onConflict((oc) => oc.columns(['la_code', 'child_id']).doNothing())
    .returning('id')
    .executeTakeFirstOrThrow();
  const record = (await planRow(trx, actor.laCode, id))!;
  if (record.case_id) await syncAdviceRows(trx, record);
  await changeAudit(ctx, record, 'plan.create', { caseId: record.case_id });
  await recordCaseEvent(ctx, {
    childId: child.id,
    kind: 'plan-started',
    summary: 'EHC plan started',
    detail: { planId: id, caseId: record.case_id },
  });
  return id;
}

/**
 * Advice given on the structured form without a document's text, in words for section K's appendix (issue 18 item 7:
 * the family's copy of the plan carries the advice itself, not "held on the case record").
 */
export function adviceInWords(r: { needs: unknown; outcomes: string | null; provision: unknown }): string {
  const needs = (r.needs ?? {}) as Record<string, string>;
  const lines: string[] = [];
  for (const area of NEED_AREAS) if (needs[area.key]) lines.push(`${area.label}: ${needs[area.key]}`);
  if (r.outcomes) lines.push(`Outcomes: ${r.outcomes}`);
  for (const x of (r.provision ?? []) as ProvisionLine[])
    lines.push(
      `Recommended help: ${[x.description, x.quantity, x.frequency, x.deliverer ? `by ${x.deliverer}` : '']
        .filter(Boolean)
        .join(', ')}`,
    );
  return lines.join('\n');
}

/** Section K from the assessment: every received piece of advice not yet listed is appended. Returns how many. */
async function syncAdviceRows(trx: Executor, record: PlanRecord): Promise<number> {
  const caseIds = await adviceCaseIds(trx, record);
  if (!caseIds.length) return 0;
  const listed = new Set(
    (await adviceRows(trx, record.la_code, record.id)).map((k) => k.assessment_advice_id),
  );
  const rows = (await adviceOfCases(trx, record.la_code, caseIds)).filter((a) => !listed.has(a.id));
  if (!rows.length) return 0;
  const { n } = await trx
    .selectFrom('ehc_plan_advice')
    .select((eb) => eb.fn.coalesce(eb.fn.max('position'), sql<number>`0`).as('n'))
    .where('la_code', '=', record.la_code)
    .where('plan_id', '=', record.id)
    .executeTakeFirstOrThrow();
  let position = Number(n);
  for (const r of rows) {
    const who = adviceAuthor(r);
    const summary =
      r.answer === 'no-involvement'
        ? 'The service replied that it has no involvement with the child.'
        : r.answer === 'existing-advice-current'
          ? 'The service replied that its existing advice is still current.'
          : r.document_text || adviceInWords(r);
    await trx
      .insertInto('ehc_plan_advice')
      .values({
        la_code: record.la_code,
        plan_id: record.id,
        assessment_advice_id: r.id,
        agency: who.agency,
        author_role: who.authorRole,
        service_name: r.service_name,
        received: r.received!,
        summary: summary.slice(0, 20000),
        position: ++position,
      })
      .onConflict((oc) => oc.columns(['la_code', 'plan_id', 'assessment_advice_id']).doNothing())
      .execute();
  }
  return rows.length;
}

export async function syncAdvice(ctx: ChangeContext, planId: string): Promise<number> {
  const record = await editable(ctx.trx, ctx.actor, planId, 'plan.advice.sync');
  const added = await syncAdviceRows(ctx.trx, record);
  if (added) {
    await touch(ctx.trx, ctx.actor.laCode, planId);
    await changeAudit(ctx, record, 'plan.advice.sync', { added });
  }
  return added;
}

// ---------------------------------------------------------------------------------------------------------------
// Items

export interface ItemInput {
  section: Exclude<Section, 'I' | 'K'>;
  text: string;
  whose?: string | null;
  area?: string | null;
  timescaleText?: string | null;
  timescaleBy?: string | null;
  successMeasure?: string | null;
  pfaArea?: string | null;
  amountValue?: number | null;
  amountUnit?: string | null;
  frequencyTimes?: number | null;
  frequencyPer?: string | null;
  delivererRole?: string | null;
  delivererQualification?: string | null;
  groupingKind?: string | null;
  groupingSize?: number | null;
  where?: string | null;
  oversight?: string | null;
  review?: string | null;
  sourceKind?: 'advice' | 'authority-decision' | null;
  sourceAdviceId?: string | null;
  sourceReason?: string | null;
  annualAmountPence?: number | null;
  needIds?: string[];
  outcomeIds?: string[];
  provisionIds?: string[];
}

export const PROVISION = ['F', 'G', 'H1', 'H2'] as const;
export const isProvisionSection = (s: string): s is (typeof PROVISION)[number] =>
  (PROVISION as readonly string[]).includes(s);

/** Adds (itemId null) or changes an item. Links must name items of this plan; a cited advice must be in K. */
export async function saveItem(
  ctx: ChangeContext,
  planId: string,
  itemId: string | null,
  input: ItemInput,
): Promise<string> {
  const { trx, actor } = ctx;
  const record = await editable(trx, actor, planId, 'plan.item.save');
  const [items, advice] = await Promise.all([
    itemRows(trx, actor.laCode, planId),
    adviceRows(trx, actor.laCode, planId),
  ]);
  const existing = itemId ? items.find((i) => i.id === itemId) : undefined;
  if (itemId && !existing) throw new NotFoundError();
  if (existing && existing.section !== input.section) throw new NotFoundError();
  const ofSections = (ids: string[] | undefined, sections: readonly string[], field: string) => {
    const allowed = new Set(items.filter((i) => sections.includes(i.section)).map((i) => i.id));
    for (const id of ids ?? [])
      if (!allowed.has(id)) throw new PlanError(field, 'Select items from the list');
    return JSON.stringify([...new Set(ids ?? [])]);
  };
  const provision = isProvisionSection(input.section);
  if (provision && input.sourceKind === 'advice' && !advice.some((a) => a.id === input.sourceAdviceId)) {
    throw new PlanError('sourceAdviceId', 'Select the advice in section K that recommended this provision');
  }
  const needSections =
    input.section === 'F' ? ['B'] : input.section === 'G' ? ['C'] : provision ? ['D'] : ['B', 'C', 'D'];
  const values = {
    text: input.text,
    whose: input.whose ?? null,
    area: input.section === 'B' ? (input.area ?? null) : null,
    timescale_text: input.timescaleText ?? null,
    timescale_by: input.timescaleBy ?? null,
    success_measure: input.successMeasure ?? null,
    pfa_area: input.pfaArea ?? null,
    amount_value: input.amountValue ?? null,
    amount_unit: input.amountValue != null ? (input.amountUnit ?? null) : null,
    frequency_times: input.frequencyTimes ?? null,
    frequency_per: input.frequencyTimes != null ? (input.frequencyPer ?? null) : null,
    deliverer_role: input.delivererRole ?? null,
    deliverer_qualification: input.delivererQualification ?? null,
    grouping_kind: input.groupingKind ?? null,
    grouping_size: input.groupingKind === 'group' ? (input.groupingSize ?? null) : null,
    where_text: input.where ?? null,
    oversight: input.oversight ?? null,
    review: input.review ?? null,
    source_kind: provision ? (input.sourceKind ?? 'authority-decision') : null,
    source_advice_id: provision
      ? input.sourceKind === 'advice'
        ? (input.sourceAdviceId ?? null)
        : null
      : (existing?.source_advice_id ?? null),
    source_reason: provision && input.sourceKind !== 'advice' ? (input.sourceReason ?? null) : null,
    annual_amount_pence: input.section === 'J' ? (input.annualAmountPence ?? null) : null,
    need_ids:
      input.section === 'E' || provision || input.section === 'J'
        ? ofSections(input.needIds, input.section === 'J' ? ['B', 'C', 'D'] : needSections, 'needIds')
        : '[]',
    outcome_ids:
      provision || input.section === 'J' ? ofSections(input.outcomeIds, ['E'], 'outcomeIds') : '[]',
    provision_ids: input.section === 'J' ? ofSections(input.provisionIds, PROVISION, 'provisionIds') : '[]',
    updated_at: new Date(),
  };
  let id: string;
  if (existing) {
    // A pulled item keeps its citation only while it still cites the same advice.
    const keepRecommendation = !provision || values.source_advice_id === existing.source_advice_id;
    await trx
      .updateTable('ehc_plan_item')
      .set({ ...values, source_recommendation: keepRecommendation ? existing.source_recommendation : null })
      .where('la_code', '=', actor.laCode)
      .where('id', '=', existing.id)
      .execute();
    id = existing.id;
  } else {
    const position =
      items.filter((i) => i.section === input.section).reduce((m, i) => Math.max(m, i.position), 0) + 1;
    ({ id } = await trx
      .insertInto('ehc_plan_item')
      .values({
        la_code: actor.laCode,
        plan_id: planId,
        section: input.section,
        position,
        source_recommendation: null,
        ...values,
      })
      .returning('id')
      .executeTakeFirstOrThrow());
  }
  await touch(trx, actor.laCode, planId);
  await changeAudit(ctx, record, existing ? 'plan.item.update' : 'plan.item.add', {
    itemId: id,
    section: input.section,
  });
  return id;
}

/** Removes an item and every link to it, so no other item points at something that is gone. */
export async function removeItem(ctx: ChangeContext, planId: string, itemId: string): Promise<void> {
  const { trx, actor } = ctx;
  const record = await editable(trx, actor, planId, 'plan.item.remove');
  if (!isUuid(itemId)) throw new NotFoundError();
  const removed = await trx
    .deleteFrom('ehc_plan_item')
    .where('la_code', '=', actor.laCode)
    .where('plan_id', '=', planId)
    .where('id', '=', itemId)
    .returning(['id', 'section'])
    .executeTakeFirst();
  if (!removed) return; // already removed (a double submit)
  for (const column of ['need_ids', 'outcome_ids', 'provision_ids'] as const) {
    await trx
      .updateTable('ehc_plan_item')
      .set({ [column]: sql`${sql.ref(column)} - ${itemId}::text` })
      .where('la_code', '=', actor.laCode)
      .where('plan_id', '=', planId)
      .where(sql<boolean>`${sql.ref(column)} ? ${itemId}::text`)
      .execute();
  }
  await touch(trx, actor.laCode, planId);
  await changeAudit(ctx, record, 'plan.item.remove', { itemId, section: removed.section });
}

/**
 * The plan's section K entries taken from the assessment's advice (one, or all when `kAdviceId` is null), by id, each
 * with the advice's recommendations' sources as the assessment holds them.
 */
async function adviceWithSources(db: Executor, laCode: string, planId: string, kAdviceId: string | null) {
  const linked = (await adviceRows(db, laCode, planId))
    .filter((k) => k.assessment_advice_id && (kAdviceId === null || k.id === kAdviceId))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sources = new Map(
    (
      await adviceRecommendationSources(
        db,
        laCode,
        linked.map((k) => k.assessment_advice_id!),
      )
    ).map((a) => [a.id, a]),
  );
  return linked.flatMap((k) => {
    const a = sources.get(k.assessment_advice_id!);
    return a ? [{ ...a, id: k.id }] : [];
  });
}

/**
 * Pulls one recommendation of a piece of advice in section K into the plan, keeping the citation. Unless the
 * caseworker chose its links, provision is linked to the needs and outcomes already pulled from the same advice in the
 * matching sections. Pulling the same recommendation twice does nothing the second time.
 */
export async function pullRecommendation(
  ctx: ChangeContext,
  planId: string,
  kAdviceId: string,
  key: string,
  /** The needs and outcomes the caseworker chose for it; absent: the suggested ones (`suggestedLinks`). */
  chosen?: { needIds: readonly string[]; outcomeIds: readonly string[] },
): Promise<string | null> {
  const { trx, actor } = ctx;
  const record = await editable(trx, actor, planId, 'plan.advice.pull');
  if (!isUuid(kAdviceId)) throw new NotFoundError();
  const [k] = await adviceWithSources(trx, actor.laCode, planId, kAdviceId);
  if (!k) throw new NotFoundError();
  const rec: Recommendation | undefined = recommendationsOf(k).find((r) => r.key === key);
  if (!rec) throw new NotFoundError();
  const items = await itemRows(trx, actor.laCode, planId);
  if (items.some((i) => i.source_advice_id === k.id && i.source_recommendation === key)) return null;
  const provision = rec.kind === 'provision';
  const inSections = (ids: readonly string[], sections: readonly string[]) =>
    ids.filter((id) => items.some((i) => i.id === id && sections.includes(i.section)));
  const links = chosen
    ? {
        needIds: rec.kind === 'need' ? [] : inSections(chosen.needIds, needSectionsFor(rec)),
        outcomeIds: provision ? inSections(chosen.outcomeIds, ['E']) : [],
      }
    : suggestedLinks(rec, k.id, items);
  const position =
    items.filter((i) => i.section === rec.section).reduce((m, i) => Math.max(m, i.position), 0) + 1;
  const inserted = await trx
    .insertInto('ehc_plan_item')
    .values({
      la_code: actor.laCode,
      plan_id: planId,
      section: rec.section as ItemInput['section'],
      position,
      text: rec.text,
      whose: null,
      area: rec.area,
      // Issue 18: the adviser's own "by when", when their words give one.
      timescale_text: rec.kind === 'outcome' ? timescaleOf(rec.text) : null,
      timescale_by: null,
      success_measure: null,
      pfa_area: null,
      ...(provision
        ? pulledProvisionFields(rec)
        : {
            amount_value: null,
            amount_unit: null,
            frequency_times: null,
            frequency_per: null,
            deliverer_role: null,
          }),
      deliverer_qualification: null,
      grouping_kind: null,
      grouping_size: null,
      where_text: null,
      oversight: null,
      review: null,
      source_kind: provision ? 'advice' : null,
      source_advice_id: k.id,
      source_recommendation: key,
      source_reason: null,
      annual_amount_pence: null,
      need_ids: JSON.stringify(links.needIds),
      outcome_ids: JSON.stringify(links.outcomeIds),
      provision_ids: '[]',
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return null;
  await touch(trx, actor.laCode, planId);
  await changeAudit(ctx, record, 'plan.advice.pull', {
    itemId: inserted.id,
    adviceId: k.id,
    recommendation: key,
  });
  return inserted.id;
}

/**
 * "Add all" (issue 18 item 3): every recommendation of one piece of advice (or of all the plan's advice, when
 * `kAdviceId` is null) not yet in the plan, in the order the plan reads (needs in B to D, then outcomes in E, then
 * provision in F to H), so each pulled outcome and provision links to the needs and outcomes pulled before it. Each
 * is pulled as by its own button (its audit entry, its wording kept); one already in the plan is left. Returns how
 * many were added.
 */
export async function pullAllRecommendations(
  ctx: ChangeContext,
  planId: string,
  kAdviceId: string | null,
): Promise<number> {
  const { trx, actor } = ctx;
  await editable(trx, actor, planId, 'plan.advice.pull');
  if (kAdviceId !== null && !isUuid(kAdviceId)) throw new NotFoundError();
  const advice = await adviceWithSources(trx, actor.laCode, planId, kAdviceId);
  if (kAdviceId !== null && !advice.length) throw new NotFoundError();
  const wanted = advice
    .flatMap((k) => recommendationsOf(k).map((r) => ({ adviceId: k.id, key: r.key, section: r.section })))
    .sort((a, b) => a.section.localeCompare(b.section));
  let added = 0;
  for (const w of wanted) if (await pullRecommendation(ctx, planId, w.adviceId, w.key)) added++;
  return added;
}

export async function setPlacement(
  ctx: ChangeContext,
  planId: string,
  settingId: string | null,
): Promise<void> {
  const { trx, actor } = ctx;
  const record = await editable(trx, actor, planId, 'plan.placement');
  if (settingId) {
    const setting = isUuid(settingId)
      ? (await settingsByIds(trx, actor.laCode, [settingId])).get(settingId)
      : undefined;
    if (!setting) throw new PlanError('settingId', 'Select a school or setting from the list');
  }
  await trx
    .updateTable('ehc_plan')
    .set({ placement_setting_id: settingId })
    .where('la_code', '=', actor.laCode)
    .where('id', '=', planId)
    .execute();
  await touch(trx, actor.laCode, planId);
  await changeAudit(ctx, record, 'plan.placement', { settingId });
}

export async function setBudget(
  ctx: ChangeContext,
  planId: string,
  input: { requested: boolean; pence: number | null },
) {
  const { trx, actor } = ctx;
  const record = await editable(trx, actor, planId, 'plan.budget');
  await trx
    .updateTable('ehc_plan')
    .set({ budget_requested: input.requested, budget_pence: input.requested ? input.pence : null })
    .where('la_code', '=', actor.laCode)
    .where('id', '=', planId)
    .execute();
  await touch(trx, actor.laCode, planId);
  await changeAudit(ctx, record, 'plan.budget', { requested: input.requested });
}

/** The settings a plan's section I may name: the authority's register, by name. */
export const settingChoices = (db: Executor, laCode: string) => settingRegister(db, laCode);
