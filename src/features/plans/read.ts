/**
 * Reading an EHC plan: the plan loaded with its items, section K and the golden-thread and specificity checks (run on
 * every read), the advice's recommendations the editor offers to pull in, everything the editor shows, the staff's
 * list, the plans shared with a family or adviser, the family's open proposals, an issued version, the working plan
 * as a snapshot or a draft's preview, and the shared view.
 */
import type { Actor } from '../../platform/access/access.ts';
import { CASEWORK_ROLES, isUuid, requireRole } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { checkPlan, type PlanCheck } from '../../domain/plan-quality/golden-thread.ts';
import type { Advice, Plan } from '../../domain/plan-quality/model.ts';
import {
  adviceRecommendationSources,
  openReassessmentOf,
  planStageOf,
  receivedAdviceOfCase,
} from '../assessments/index.ts';
import { currentSettingOfChild } from '../../platform/people/organisations.ts';
import { childIdentities, childIdsMatching, grantedChildIds } from '../../platform/people/children.ts';
import { jobTitlesOf, usersByIds } from '../../platform/people/users.ts';
import { PLAN_EDITORS, PLAN_MANAGERS, readableByStaff, readableVersions, SHARED_ROLES } from './access.ts';
import { commentPeriod, listComments, periodFor, reassessmentDraftOf } from './comments.ts';
import { clause, suggestLinks } from './describe.ts';
import { snapshotOf, type Snapshot } from './snapshot.ts';
import {
  adviceAuthor,
  adviceRows,
  itemRows,
  planRow,
  recommendationsOf,
  toModel,
  type AdviceRow,
  type ItemRow,
  type PlanRecord,
  type Recommendation,
} from './store.ts';

export interface LoadedPlan {
  record: PlanRecord;
  items: ItemRow[];
  advice: AdviceRow[];
  plan: Plan;
  received: Advice[];
  check: PlanCheck;
}

/** A case's received advice (from the assessment), each with its professional's job title when they have one. */
async function adviceWithTitles(db: Executor, laCode: string, caseId: string) {
  const rows = await receivedAdviceOfCase(db, laCode, caseId);
  const titles = await jobTitlesOf(
    db,
    laCode,
    rows.flatMap((r) => (r.professional_user_id ? [r.professional_user_id] : [])),
  );
  return rows.map((r) => ({
    ...r,
    professional_title: r.professional_user_id ? (titles.get(r.professional_user_id) ?? null) : null,
  }));
}

/**
 * The assessments whose received advice feeds section K: the plan's own, and the child's open reassessment (J8), so
 * its new advice can be added and pulled in while its draft is being written, before the draft is shared (issue 18).
 */
export async function adviceCaseIds(db: Executor, record: PlanRecord): Promise<string[]> {
  const reassessment = await openReassessmentOf(db, record.la_code, record.child_id);
  return [...new Set([record.case_id, reassessment?.id].filter((id): id is string => Boolean(id)))];
}

/** The received advice of those assessments, in the order it arrived. */
export async function adviceOfCases(db: Executor, laCode: string, caseIds: readonly string[]) {
  const rows = (await Promise.all(caseIds.map((id) => adviceWithTitles(db, laCode, id)))).flat();
  return rows.sort((a, b) => (a.received ?? '').localeCompare(b.received ?? '') || a.id.localeCompare(b.id));
}

/** The case's received advice, as the checks see it: named by its section K entry when it has one. */
async function receivedAdvice(
  db: Executor,
  record: PlanRecord,
  advice: readonly AdviceRow[],
): Promise<Advice[]> {
  const caseIds = await adviceCaseIds(db, record);
  if (!caseIds.length) return [];
  const rows = await adviceOfCases(db, record.la_code, caseIds);
  const inK = new Map(
    advice.filter((a) => a.assessment_advice_id).map((a) => [a.assessment_advice_id!, a.id]),
  );
  return rows.map((r) => ({ id: inK.get(r.id) ?? r.id, ...adviceAuthor(r), received: r.received! }));
}

export async function loadPlan(
  db: Executor,
  record: PlanRecord,
  today: string,
  status?: Plan['status'],
): Promise<LoadedPlan> {
  const [items, advice] = await Promise.all([
    itemRows(db, record.la_code, record.id),
    adviceRows(db, record.la_code, record.id),
  ]);
  const model = toModel(record, items, advice, today);
  const plan = status ? { ...model, status } : model;
  const received = await receivedAdvice(db, record, advice);
  return { record, items, advice, plan, received, check: checkPlan(plan, { receivedAdvice: received }) };
}

/** Recommendations in the assessment's submitted advice, each marked pulled or not, grouped by piece of advice. */
async function adviceRecommendations(db: Executor, loaded: LoadedPlan) {
  const linked = loaded.advice.filter((a) => a.assessment_advice_id);
  if (!linked.length) return [];
  const rows = await adviceRecommendationSources(
    db,
    loaded.record.la_code,
    linked.map((a) => a.assessment_advice_id!),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const pulled = new Set(
    loaded.items
      .filter((i) => i.source_recommendation)
      .map((i) => `${i.source_advice_id}|${i.source_recommendation}`),
  );
  return linked.map((a) => {
    const recs = recommendationsOf(
      byId.get(a.assessment_advice_id!) ?? {
        agency: a.agency,
        answer: null,
        needs: null,
        outcomes: null,
        provision: null,
      },
    );
    const list = recs.map((r) => ({
      ...r,
      pulled: pulled.has(`${a.id}|${r.key}`),
      choices: linkChoices(r, a.id, loaded.items),
    }));
    return { advice: a, recommendations: list, notPulled: list.filter((r) => !r.pulled).length };
  });
}

/** The sections of needs a pulled recommendation may be linked to: provision to its own section's, outcomes to any. */
export function needSectionsFor(rec: Recommendation): string[] {
  if (rec.kind !== 'provision') return ['B', 'C', 'D'];
  return rec.section === 'F' ? ['B'] : rec.section === 'G' ? ['C'] : ['D'];
}

/**
 * The needs (and, for provision, the outcomes) a recommendation pulled from advice links to unless the caseworker
 * chooses (issue 18): of the items already pulled from the same advice, those it concerns (`suggestLinks`); provision
 * also takes the needs its outcomes follow from.
 */
export function suggestedLinks(rec: Recommendation, kAdviceId: string, items: readonly ItemRow[]) {
  if (rec.kind === 'need') return { needIds: [] as string[], outcomeIds: [] as string[] };
  const needSections = needSectionsFor(rec);
  const same = (sections: readonly string[]) =>
    items.filter((i) => i.source_advice_id === kAdviceId && sections.includes(i.section));
  const outcomeIds = rec.kind === 'provision' ? suggestLinks(rec.text, same(['E'])) : [];
  const needIds = suggestLinks(rec.text, same(needSections));
  const allowed = new Set(same(needSections).map((i) => i.id));
  for (const o of items.filter((i) => outcomeIds.includes(i.id)))
    for (const n of o.need_ids as string[]) if (allowed.has(n) && !needIds.includes(n)) needIds.push(n);
  return { needIds, outcomeIds };
}

/** What the caseworker may link a recommendation to before pulling it in: the plan's needs and outcomes, suggested ticked. */
function linkChoices(rec: Recommendation, kAdviceId: string, items: readonly ItemRow[]) {
  const suggested = suggestedLinks(rec, kAdviceId, items);
  const pick = (sections: readonly string[], ids: readonly string[]) =>
    items
      .filter((i) => sections.includes(i.section))
      .map((i) => ({ id: i.id, text: clause(i.text), suggested: ids.includes(i.id) }));
  return {
    needs: rec.kind === 'need' ? [] : pick(needSectionsFor(rec), suggested.needIds),
    outcomes: rec.kind === 'provision' ? pick(['E'], suggested.outcomeIds) : [],
  };
}

export async function validOverride(db: Executor, record: PlanRecord) {
  const override = await db
    .selectFrom('ehc_plan_override')
    .select(['id', 'reason', 'recorded_at', 'recorded_by'])
    .where('la_code', '=', record.la_code)
    .where('plan_id', '=', record.id)
    .where('revision', '=', record.revision)
    .executeTakeFirst();
  if (!override) return undefined;
  const { recorded_by: recordedBy, ...rest } = override;
  const by = (await usersByIds(db, record.la_code, [recordedBy])).get(recordedBy);
  return by ? { ...rest, display_name: by.display_name } : undefined;
}

export async function listVersions(db: Executor, laCode: string, planId: string) {
  const versions = await db
    .selectFrom('ehc_plan_version')
    .select(['id', 'number', 'kind', 'issued_on', 'thread_errors', 'override_id', 'issued_by'])
    .where('la_code', '=', laCode)
    .where('plan_id', '=', planId)
    .orderBy('number', 'desc')
    .execute();
  const issuers = await usersByIds(
    db,
    laCode,
    versions.map((v) => v.issued_by),
  );
  return versions.map(({ issued_by: issuedBy, ...v }) => ({
    ...v,
    issued_by_name: (issuedBy === null ? undefined : issuers.get(issuedBy))?.display_name ?? null,
  }));
}

/** Everything the plan editor shows. */
export async function editorView(db: Executor, actor: Actor, planId: string, today: string) {
  const record = await readableByStaff(db, actor, planId, 'plan.edit.read');
  const loaded = await loadPlan(db, record, today);
  const [recommendations, versions, override, openComments, period, reassessment, kase, schoolNow] =
    await Promise.all([
      adviceRecommendations(db, loaded),
      listVersions(db, actor.laCode, planId),
      validOverride(db, record),
      db
        .selectFrom('ehc_plan_comment')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('la_code', '=', actor.laCode)
        .where('plan_id', '=', planId)
        .where('response', 'is', null)
        .executeTakeFirstOrThrow(),
      periodFor(db, record, today),
      record.status === 'draft' ? undefined : openReassessmentOf(db, record.la_code, record.child_id),
      record.case_id ? planStageOf(db, record.la_code, record.case_id) : undefined,
      currentSettingOfChild(db, record.la_code, record.child_id),
    ]);
  const finalCheck = checkPlan(
    { ...loaded.plan, status: record.status === 'draft' ? 'final' : record.status },
    { receivedAdvice: loaded.received },
  );
  return {
    ...loaded,
    recommendations,
    versions,
    override,
    openComments: Number(openComments.n),
    period,
    finalErrors: finalCheck.errors,
    /**
     * Whether issuing is the next step (issue 18): a draft has been shared and the family's 15 days to comment are
     * over, or they have said their comments are complete. Until then sharing the draft comes first on the page.
     */
    finalIsNext:
      Boolean(record.draft_served && period) &&
      (today > period!.to || Boolean(kase?.family_comments_complete)),
    canEdit: PLAN_EDITORS.includes(actor.role),
    /** The school or setting the child attends now, offered for section I (issue 18). */
    schoolNow: schoolNow ?? null,
    /** Whether section K can take newly received advice from an assessment (the plan's own, or a reassessment). */
    adviceFromAssessment: Boolean(record.case_id || reassessment),
    canOverride: PLAN_MANAGERS.includes(actor.role),
    /** J8: what an open reassessment of an issued plan lets the caseworker do next: share its draft, or issue it. */
    reassessmentStep: !reassessment
      ? null
      : reassessment.stage === 'draft' && !reassessment.draft_served
        ? ('draft' as const)
        : reassessment.id === record.case_id && reassessment.draft_served && !reassessment.final_issued
          ? ('final' as const)
          : null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Lists

export interface PlanFilters {
  status?: 'draft' | 'final' | 'amended' | undefined;
  q?: string | undefined;
  mine?: boolean;
  page: number;
}

export async function listPlans(db: Executor, actor: Actor, filters: PlanFilters, pageSize = 25) {
  requireRole(actor, CASEWORK_ROLES, 'plan.list');
  let base = db.selectFrom('ehc_plan as p').where('p.la_code', '=', actor.laCode);
  if (filters.status) base = base.where('p.status', '=', filters.status);
  if (filters.mine) base = base.where('p.writer_id', '=', actor.userId);
  // The children whose name or reference contains the text (the core records' query of child ids).
  if (filters.q) base = base.where('p.child_id', 'in', childIdsMatching(db, actor.laCode, filters.q));
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(n);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filters.page, pages);
  const plans = await base
    .select(['p.id', 'p.child_id', 'p.status', 'p.updated_at', 'p.review_due', 'p.writer_id'])
    .orderBy('p.updated_at', 'desc')
    .orderBy('p.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const children = await childIdentities(
    db,
    actor.laCode,
    plans.map((p) => p.child_id),
  );
  const writers = await usersByIds(
    db,
    actor.laCode,
    plans.map((p) => p.writer_id),
  );
  const rows = plans.flatMap(({ writer_id: writerId, ...p }) => {
    const child = children.get(p.child_id);
    if (!child) return [];
    const writer = writerId === null ? undefined : writers.get(writerId);
    const { reference, given_name, family_name } = child;
    return [{ ...p, reference, given_name, family_name, writer_name: writer?.display_name ?? null }];
  });
  return { rows, total, page, pages };
}

/** Plans the family member or adviser can see: their children's plans with something issued. */
export async function sharedPlans(db: Executor, actor: Actor) {
  requireRole(actor, SHARED_ROLES, 'plan.shared.list');
  const kind =
    actor.role === 'professional' ? 'adviser' : actor.role === 'parent' ? 'parent' : 'young-person';
  const plans = await db
    .selectFrom('ehc_plan')
    .select(['id', 'status', 'draft_served', 'final_issued', 'child_id', 'shared_version_id'])
    .where('la_code', '=', actor.laCode)
    .where('child_id', 'in', grantedChildIds(db, actor.laCode, actor.userId, kind))
    .where('shared_version_id', 'is not', null)
    .execute();
  const children = await childIdentities(
    db,
    actor.laCode,
    plans.map((p) => p.child_id),
  );
  // By the child's family name (at most 200), as the list has always been ordered.
  return plans
    .flatMap((p) => {
      const child = children.get(p.child_id);
      if (!child) return [];
      const { given_name, family_name, preferred_name, reference } = child;
      return [{ ...p, given_name, family_name, preferred_name, reference }];
    })
    .sort((a, b) => (a.family_name < b.family_name ? -1 : a.family_name > b.family_name ? 1 : 0))
    .slice(0, 200);
}

/**
 * The plans shared with the family or adviser, with their dates (issue 18: the list had none): the shared version's
 * kind and the day it was shared, the last day of a draft's 15 days for comment, and whether the draft is waiting for
 * this person's comments (the period still open and nothing sent by them on that version yet).
 */
export async function sharedPlanList(db: Executor, actor: Actor, today: string) {
  const plans = await sharedPlans(db, actor);
  const versionIds = plans.map((p) => p.shared_version_id).filter((id): id is string => id !== null);
  const versions = versionIds.length
    ? await db
        .selectFrom('ehc_plan_version')
        .select(['id', 'kind', 'issued_on'])
        .where('la_code', '=', actor.laCode)
        .where('id', 'in', versionIds)
        .execute()
    : [];
  const commented = versionIds.length
    ? new Set(
        (
          await db
            .selectFrom('ehc_plan_comment')
            .select('version_id')
            .distinct()
            .where('la_code', '=', actor.laCode)
            .where('author_id', '=', actor.userId)
            .where('version_id', 'in', versionIds)
            .execute()
        ).map((c) => c.version_id),
      )
    : new Set<string>();
  const out = [];
  for (const p of plans) {
    const version = versions.find((v) => v.id === p.shared_version_id);
    const record = version?.kind === 'draft' ? await planRow(db, actor.laCode, p.id) : undefined;
    const period = record ? await periodFor(db, record, today) : null;
    const open = period !== null && period.to >= today;
    out.push({
      ...p,
      sharedKind: version?.kind ?? null,
      sharedOn: version?.issued_on ?? null,
      commentsDue: period?.to ?? null,
      commentsOpen: open,
      waitingForComments: open && !commented.has(p.shared_version_id!),
    });
  }
  return out;
}

/**
 * The family's open proposals to amend an issued plan (issue 18 item 1: among the family's tasks): each plan of
 * theirs whose shared version is a draft that is not a reassessment's, with the last day of its 15 days for comment
 * (ADR 0017), while that day has not passed.
 */
export async function familyProposals(db: Executor, actor: Actor, today: string) {
  if (actor.role !== 'parent' && actor.role !== 'young-person') return [];
  const out: { planId: string; childId: string; childName: string; to: string }[] = [];
  const candidates = (await sharedPlans(db, actor)).filter((p) => p.status !== 'draft' && p.draft_served);
  // Each shared version's kind in one query, before reading any plan in full: only a shared draft of an issued
  // plan can be a proposal, and most families' shared version is the issued plan (issue 20: four queries a plan).
  const versionIds = candidates.flatMap((p) => (p.shared_version_id ? [p.shared_version_id] : []));
  const kinds = new Map(
    versionIds.length
      ? (
          await db
            .selectFrom('ehc_plan_version')
            .select(['id', 'kind'])
            .where('la_code', '=', actor.laCode)
            .where('id', 'in', versionIds)
            .execute()
        ).map((v) => [v.id, v.kind])
      : [],
  );
  for (const p of candidates) {
    if (!p.shared_version_id || kinds.get(p.shared_version_id) !== 'draft') continue;
    const record = await planRow(db, actor.laCode, p.id);
    if (!record || (await reassessmentDraftOf(db, record))) continue;
    const period = await periodFor(db, record, today);
    if (!period || period.to < today) continue;
    out.push({
      planId: p.id,
      childId: p.child_id,
      childName: p.preferred_name ?? p.given_name,
      to: period.to,
    });
  }
  return out;
}

export async function getVersion(db: Executor, actor: Actor, planId: string, versionId: string) {
  const record = await readableVersions(db, actor, planId);
  if (!isUuid(versionId)) throw new NotFoundError();
  const v = await db
    .selectFrom('ehc_plan_version')
    .select(['id', 'number', 'kind', 'issued_on', 'snapshot', 'thread_errors'])
    .where('la_code', '=', actor.laCode)
    .where('plan_id', '=', planId)
    .where('id', '=', versionId)
    .executeTakeFirst();
  if (!v) throw new NotFoundError();
  return { record, version: { ...v, snapshot: v.snapshot as Snapshot } };
}

/** The current working plan as a snapshot (staff only), for previewing the documents before issue. */
export async function currentSnapshot(db: Executor, actor: Actor, planId: string, today: string) {
  const record = await readableByStaff(db, actor, planId, 'plan.document.read');
  const loaded = await loadPlan(db, record, today);
  return { record, snapshot: snapshotOf(loaded, record.status) };
}

/**
 * The working plan as the family would see it if the draft were shared today (issue 18: "Share the draft" had no
 * preview): the next version's number, the 15 days to comment from today, no comments yet. Nothing is written.
 */
export async function draftPreview(db: Executor, actor: Actor, planId: string, today: string) {
  const { record, snapshot } = await currentSnapshot(db, actor, planId, today);
  const versions = await listVersions(db, actor.laCode, planId);
  return {
    record,
    snapshot,
    latest: { number: (versions[0]?.number ?? 0) + 1, kind: 'draft' as const, issued_on: today },
    period: commentPeriod({ draft_served: today }, undefined, today),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The shared draft

export async function sharedView(db: Executor, actor: Actor, planId: string, today: string) {
  const record = await readableVersions(db, actor, planId);
  const versions = await listVersions(db, actor.laCode, planId);
  const latestId = record.shared_version_id ?? versions[0]?.id;
  const latest = latestId ? (await getVersion(db, actor, planId, latestId)).version : null;
  const comments = await listComments(
    db,
    actor,
    record,
    SHARED_ROLES.includes(actor.role) ? actor.userId : null,
  );
  const period = await periodFor(db, record, today);
  // A draft takes comments: a first draft, a reassessment's draft (J8) or an amendment's proposal (ADR 0017).
  const canComment = SHARED_ROLES.includes(actor.role) && latest?.kind === 'draft';
  /** An issued plan's shared draft that is not a reassessment's: the proposed amendments, with their notice. */
  const proposal =
    record.status !== 'draft' && latest?.kind === 'draft' && !(await reassessmentDraftOf(db, record));
  return { record, versions, latest, comments, period, canComment, proposal };
}
