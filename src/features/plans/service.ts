/**
 * The structured EHC plan: creating a plan for a child (from their assessment when there is one), editing its items
 * section by section, pulling advice's recommendations in with their citation, the golden-thread and specificity
 * checks on every read, issuing drafts and finals as immutable versions (recording the journey's dates through the
 * assessment service), the manager's override, and comments on shared drafts.
 *
 * Access is decided here. Casework staff (caseworker, team manager) edit; the SEND leader reads; the family (parent
 * or young-person grant) and professionals with an adviser grant on the child read issued versions and comment on
 * a shared draft. Everything else answers 404, audited. Every change runs in the caller's transaction with an audit
 * entry and bumps the plan's revision (an override is only good for the revision it was recorded on).
 */
import type { PlanBudget } from '../personal-budgets/index.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { sql } from 'kysely';
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
import { FieldError } from '../../platform/web/forms.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import { computeTimeline } from '../../domain/clock/index.ts';
import type { Period } from '../../domain/clock/types.ts';
import { caseTimeline } from '../../domain/assessment/journey.ts';
import { amendedPlanRefusal, finalPlanRefusal } from '../../domain/assessment/lawful-steps.ts';
import { longDate } from '../../domain/calendar.ts';
import { checkPlan, type PlanCheck } from '../../domain/plan-quality/golden-thread.ts';
import type { Advice, Plan, Section } from '../../domain/plan-quality/model.ts';
import { SECTIONS } from '../../domain/plan-quality/model.ts';
import {
  adviceRecommendationSources,
  caseForNewPlan,
  issueFinal,
  loadFacts,
  NEED_AREAS,
  openReassessmentOf,
  planStageOf,
  receivedAdviceOfCase,
  serveDraft,
  setReassessedPlan,
  type ProvisionLine,
} from '../assessments/index.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { currentSettingOfChild } from '../../platform/people/organisations.ts';
import {
  childByReference,
  childIdentities,
  childIdsMatching,
  grantedChildIds,
} from '../../platform/people/children.ts';
import { recipientsFor } from '../../platform/people/recipients.ts';
import { settingRegister, settingsByIds } from '../../platform/people/settings.ts';
import { jobTitlesOf, teamIdOfUser, usersByIds } from '../../platform/people/users.ts';
import { clause, planLines, suggestLinks, timescaleOf, type SectionLines } from './describe.ts';
import {
  adviceAuthor,
  adviceRows,
  itemRows,
  planRow,
  pulledProvisionFields,
  recommendationsOf,
  toModel,
  type AdviceRow,
  type ItemRow,
  type PlanRecord,
  type Recommendation,
} from './store.ts';

export const PLAN_EDITORS: readonly Role[] = ['caseworker', 'team-manager'];
export const PLAN_MANAGERS: readonly Role[] = ['team-manager'];
export const SHARED_ROLES: readonly Role[] = ['parent', 'young-person', 'professional'];

/**
 * What the plans feature tells others when plans are issued or amended, in the same transaction (the composition root
 * gives it the reviews feature's schedule refresh, so the backlog has the plan at once: docs/reviews.md).
 */
export type PlansChanged = (
  trx: Executor,
  laCode: string,
  planIds: readonly string[],
  today: string,
) => Promise<unknown>;

export interface PlanContext {
  trx: Executor;
  actor: Actor;
  jobs: Jobs;
  today: string;
  /** Told of every plan issued final or amended, inside the change. */
  plansChanged?: PlansChanged | undefined;
}

/** What the plans feature asks of others (passed by the composition root). */
export interface PlansNeeds {
  readonly plansChanged: PlansChanged;
  /**
   * The child's personal budget as it stood on a day (the personal-budgets feature's decision): section J of the
   * plan's page and documents is filled from it, never retyped (issue 15).
   */
  readonly budgetForPlan?: (
    db: Executor,
    laCode: string,
    childId: string,
    asOf: string,
  ) => Promise<PlanBudget | null>;
  /** When the plan must next be reviewed, by the review schedule (null when it has none): for its documents. */
  readonly nextReviewDue?: (
    db: Executor,
    laCode: string,
    childId: string,
    planId: string,
  ) => Promise<string | null>;
}

/** The plans feature's service: for now only what its routes pass into each change (its pages still take the database). */
export function createPlansService(deps: Pick<ServiceDeps, 'today'>, needs: PlansNeeds) {
  return {
    /** Today in London, as the composition root gives it (a fixed day in tests). */
    today: deps.today,
    plansChanged: needs.plansChanged,
    nextReviewDue: needs.nextReviewDue,
    budgetForPlan: needs.budgetForPlan,
  };
}
export type PlansService = ReturnType<typeof createPlansService>;

/** A rule of the plan was broken: shown to the user as a form error on the named field. */
export class PlanError extends FieldError {}

const childName = (r: { given_name: string; preferred_name: string | null }) =>
  r.preferred_name || r.given_name;

async function planOrNotFound(db: Executor, actor: Actor, planId: string): Promise<PlanRecord> {
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

async function touch(trx: Executor, laCode: string, planId: string) {
  await trx
    .updateTable('ehc_plan')
    .set({ revision: sql<number>`revision + 1`, updated_at: new Date() })
    .where('la_code', '=', laCode)
    .where('id', '=', planId)
    .execute();
}

async function changeAudit(
  ctx: PlanContext,
  record: PlanRecord,
  action: string,
  detail: Record<string, unknown> = {},
) {
  await audit(ctx.trx, auditContext(ctx.actor), {
    action,
    recordType: 'ehc_plan',
    recordId: record.id,
    childId: record.child_id,
    detail,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Reading a plan for the editor

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
async function adviceCaseIds(db: Executor, record: PlanRecord): Promise<string[]> {
  const reassessment = await openReassessmentOf(db, record.la_code, record.child_id);
  return [...new Set([record.case_id, reassessment?.id].filter((id): id is string => Boolean(id)))];
}

/** The received advice of those assessments, in the order it arrived. */
async function adviceOfCases(db: Executor, laCode: string, caseIds: readonly string[]) {
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
function needSectionsFor(rec: Recommendation): string[] {
  if (rec.kind !== 'provision') return ['B', 'C', 'D'];
  return rec.section === 'F' ? ['B'] : rec.section === 'G' ? ['C'] : ['D'];
}

/**
 * The needs (and, for provision, the outcomes) a recommendation pulled from advice links to unless the caseworker
 * chooses (issue 18): of the items already pulled from the same advice, those it concerns (`suggestLinks`); provision
 * also takes the needs its outcomes follow from.
 */
function suggestedLinks(rec: Recommendation, kAdviceId: string, items: readonly ItemRow[]) {
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

export function commentPeriod(
  record: Pick<PlanRecord, 'draft_served'>,
  facts: Parameters<typeof caseTimeline>[0] | undefined,
  today: string,
): Period | null {
  if (!record.draft_served) return null;
  const timeline = facts
    ? caseTimeline(facts, today)
    : computeTimeline({
        asOf: today,
        // A plan with no assessment on record (an older plan): the period runs from the draft's date all the same.
        assessment: {
          requestReceived: record.draft_served,
          decisionToAssess: { date: record.draft_served, outcome: 'assess' },
          assessmentOutcome: { date: record.draft_served, outcome: 'issue-plan' },
          draftServed: record.draft_served,
        },
      });
  return timeline.periods.find((p) => p.id === 'draft-comments') ?? null;
}

export type ReassessmentResult = 'amended' | 'replaced';

/** The child's open reassessment whose draft of this plan has been served (J8), if any. */
async function reassessmentDraftOf(db: Executor, record: PlanRecord) {
  const reassessment = await openReassessmentOf(db, record.la_code, record.child_id);
  return reassessment && reassessment.id === record.case_id && reassessment.draft_served
    ? reassessment
    : undefined;
}

async function periodFor(db: Executor, record: PlanRecord, today: string) {
  // An issued plan's shared draft that is not a reassessment's is an amendment's proposal (ADR 0017): its 15 days
  // run from the day it was sent (draft_served), not from the assessment's draft.
  const proposal = record.status !== 'draft' && !(await reassessmentDraftOf(db, record));
  const facts =
    record.case_id && !proposal
      ? (await loadFacts(db, record.la_code, [record.case_id])).get(record.case_id)
      : undefined;
  return commentPeriod(record, facts, today);
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

// ---------------------------------------------------------------------------------------------------------------
// Creating a plan

export async function createPlan(ctx: PlanContext, input: { childReference: string }): Promise<string> {
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

export async function syncAdvice(ctx: PlanContext, planId: string): Promise<number> {
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
  ctx: PlanContext,
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
export async function removeItem(ctx: PlanContext, planId: string, itemId: string): Promise<void> {
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
 * Pulls one recommendation of a piece of advice in section K into the plan, keeping the citation. Provision is
 * linked to the needs and outcomes already pulled from the same advice in the matching sections. Pulling the same
 * recommendation twice does nothing the second time.
 */
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

export async function pullRecommendation(
  ctx: PlanContext,
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
  ctx: PlanContext,
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
  ctx: PlanContext,
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
  ctx: PlanContext,
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

// ---------------------------------------------------------------------------------------------------------------
// Versions and issuing

/** What a version keeps: the plan model and what its documents need, as the plan stood when it was issued. */
export interface Snapshot {
  plan: Plan;
  child: { name: string; fullName: string; reference: string; dateOfBirth: string };
  writer: string | null;
  adviceSummaries: Record<string, string>;
  placementType: string | null;
}

export function snapshotOf(loaded: LoadedPlan, status: Plan['status']): Snapshot {
  const r = loaded.record;
  return {
    plan: { ...loaded.plan, status },
    child: {
      name: childName(r),
      fullName: `${r.given_name} ${r.family_name}`,
      reference: r.reference,
      dateOfBirth: r.date_of_birth,
    },
    writer: r.writer_name,
    adviceSummaries: Object.fromEntries(loaded.advice.map((a) => [a.id, a.summary])),
    placementType: r.placement_type,
  };
}

export const snapshotLines = (s: Snapshot): SectionLines[] => planLines(s.plan);

async function nextNumber(trx: Executor, laCode: string, planId: string) {
  const { n } = await trx
    .selectFrom('ehc_plan_version')
    .select((eb) => eb.fn.coalesce(eb.fn.max('number'), sql<number>`0`).as('n'))
    .where('la_code', '=', laCode)
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return Number(n) + 1;
}

/** The child's family and advisers with accounts, by email: who is told of a plan shared or issued. */
const familyAndAdvisers = (trx: Executor, laCode: string, childId: string) =>
  recipientsFor(trx, laCode, childId, { family: true, advisers: true });

function checkIssueDate(date: string, today: string, notBefore: string | null, what: string) {
  if (date > today) throw new PlanError('date', 'The date must be today or in the past');
  if (notBefore && date < notBefore)
    throw new PlanError('date', `The date must be on or after ${longDate(notBefore)}, when ${what}`);
}

/**
 * Issues the current plan as a draft for comment: a new immutable version, shared with the family and every adviser
 * of the child. When the plan belongs to an assessment whose draft has not been recorded, the assessment service
 * records the draft's date in the same transaction (and starts the family's 15 days).
 */
export async function issueDraft(ctx: PlanContext, planId: string, input: { date: string }): Promise<string> {
  const { trx, actor } = ctx;
  let record = await editable(trx, actor, planId, 'plan.draft.issue');
  if (record.status !== 'draft') {
    // J8: an issued plan gets a new draft only from a reassessment that has decided to issue a plan: the draft is a
    // new version of the same plan, and the plan now belongs to the reassessment, whose 14 weeks it counts against.
    const reassessment = await openReassessmentOf(trx, actor.laCode, record.child_id);
    if (!reassessment || reassessment.stage !== 'draft' || reassessment.draft_served)
      throw new PlanError(
        'date',
        'This plan has been issued as final: a new draft comes only from a reassessment that has decided to issue a plan (or, later, from a review)',
      );
    await trx
      .updateTable('ehc_plan')
      .set({ case_id: reassessment.id, draft_served: null, updated_at: new Date() })
      .where('la_code', '=', actor.laCode)
      .where('id', '=', planId)
      .execute();
    await setReassessedPlan(trx, actor.laCode, reassessment.id, planId, null);
    record = (await planRow(trx, actor.laCode, planId))!;
  }
  const loaded = await loadPlan(trx, record, ctx.today, 'draft');
  if (loaded.plan.placement) {
    throw new PlanError(
      'date',
      'Section I must be blank on a draft, so the family can first say which school or college they would like. Remove the placement, then issue the draft.',
    );
  }
  checkIssueDate(input.date, ctx.today, null, '');
  const number = await nextNumber(trx, actor.laCode, planId);
  const { id } = await trx
    .insertInto('ehc_plan_version')
    .values({
      la_code: actor.laCode,
      plan_id: planId,
      number,
      kind: 'draft',
      issued_on: input.date,
      issued_by: actor.userId,
      snapshot: JSON.stringify(snapshotOf(loaded, 'draft')),
      thread_errors: loaded.check.errors,
      override_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let journeyRecorded = false;
  if (record.case_id) {
    const kase = await planStageOf(trx, actor.laCode, record.case_id);
    if (kase.stage === 'draft' && !kase.draft_served) {
      await serveDraft(ctx, record.case_id, { date: input.date });
      journeyRecorded = true;
    }
  }
  await trx
    .updateTable('ehc_plan')
    .set({ shared_version_id: id, draft_served: record.draft_served ?? input.date, updated_at: new Date() })
    .where('la_code', '=', actor.laCode)
    .where('id', '=', planId)
    .execute();
  await changeAudit(ctx, record, 'plan.draft.issue', {
    versionId: id,
    number,
    threadErrors: loaded.check.errors,
  });
  await recordCaseEvent(ctx, {
    childId: record.child_id,
    kind: 'plan-draft-shared',
    summary: `Draft EHC plan (version ${number}) shared with the family and advisers for comment`,
    detail: { planId, versionId: id, caseId: record.case_id },
  });
  const period = commentPeriod(
    { draft_served: record.draft_served ?? input.date },
    record.case_id ? (await loadFacts(trx, actor.laCode, [record.case_id])).get(record.case_id) : undefined,
    ctx.today,
  );
  for (const person of await familyAndAdvisers(trx, actor.laCode, record.child_id)) {
    const family = person.kind !== 'adviser';
    if (family && journeyRecorded) continue; // the assessment's own message has just told the family
    await queueNotification(trx, ctx.jobs, {
      laCode: actor.laCode,
      channel: 'email',
      recipient: person.email,
      template: family ? 'plan-draft-shared-family' : 'plan-draft-shared-adviser',
      personalisation: {
        name: person.name ?? person.email,
        child: family
          ? childName(record)
          : `${record.given_name} ${record.family_name} (${record.reference})`,
        version: String(number),
        commentsEnd: period ? longDate(period.to) : 'the date in the letter',
      },
      childId: record.child_id,
      userId: person.userId,
    });
  }
  return id;
}

/**
 * Issues the plan as final (or, once final, as amended). Section I must name a setting. Golden-thread errors stop
 * it unless a team manager has recorded why for this very revision of the plan. When the plan belongs to an
 * assessment at the draft stage, the assessment service records the final plan's date and reference.
 */
export async function issuePlan(
  ctx: PlanContext,
  planId: string,
  input: {
    date: string;
    result?: ReassessmentResult | undefined;
    /** Why the plan is issued while advice asked for has not arrived (the assessment requires it then). */
    withoutAdvice?: string | undefined;
  },
): Promise<string> {
  const { trx, actor } = ctx;
  const record = await editable(trx, actor, planId, 'plan.final.issue');
  // J2: an issued plan is amended or replaced only through a review, a reassessment or a tribunal order. Of those,
  // Goldthread has the reassessment (J8): once its draft of this plan has been served, its outcome is a new version
  // of the same plan, amended (the default) or a replacement. Otherwise it is refused (and not offered in the editor).
  const reassessment = record.status === 'draft' ? undefined : await reassessmentDraftOf(trx, record);
  if (record.status !== 'draft') {
    const refusal = amendedPlanRefusal(
      reassessment
        ? {
            route: 'reassessment',
            final: {
              commentsUntil: (await periodFor(trx, record, input.date))?.to ?? null,
              commentsComplete: reassessment.family_comments_complete,
              date: input.date,
            },
          }
        : { route: null, final: null },
    );
    if (refusal) throw new PlanError('date', refusal);
  }
  const result: ReassessmentResult = input.result ?? 'amended';
  const kind = record.status === 'draft' || result === 'replaced' ? 'final' : 'amended';
  // J1: the final plan waits for the family's 15 days to comment (reg 13(1)(a)); a plan with an assessment is also
  // checked by the assessment service, which knows whether the family's comments are complete.
  if (!record.case_id) {
    const refusal = finalPlanRefusal({
      commentsUntil: (await periodFor(trx, record, input.date))?.to ?? null,
      commentsComplete: false,
      date: input.date,
    });
    if (refusal) throw new PlanError('date', refusal);
  }
  const loaded = await loadPlan(trx, record, ctx.today, kind);
  if (!loaded.plan.placement) {
    throw new PlanError(
      'date',
      'Name the school or other setting in section I before issuing the final plan',
    );
  }
  if (record.status === 'draft' && !record.shared_version_id) {
    throw new PlanError('date', 'Share a draft with the family for comment before issuing the final plan');
  }
  checkIssueDate(input.date, ctx.today, record.draft_served, 'the draft was shared');
  const override = loaded.check.errors > 0 ? await validOverride(trx, record) : undefined;
  if (loaded.check.errors > 0 && !override) {
    throw new PlanError(
      'date',
      `The plan has ${loaded.check.errors} golden-thread ${loaded.check.errors === 1 ? 'error' : 'errors'}. Fix them, or ask a team manager to record why the plan should be issued anyway.`,
    );
  }
  const number = await nextNumber(trx, actor.laCode, planId);
  const { id } = await trx
    .insertInto('ehc_plan_version')
    .values({
      la_code: actor.laCode,
      plan_id: planId,
      number,
      kind,
      issued_on: input.date,
      issued_by: actor.userId,
      snapshot: JSON.stringify(snapshotOf(loaded, kind)),
      thread_errors: loaded.check.errors,
      override_id: override?.id ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Whether the assessment records this issue: its one entry in the child's history then names the version, and the
  // plan writes none of its own (one entry per real event; each feature keeps its own audit entry).
  let journeyRecorded = false;
  if (record.case_id) {
    const kase = await planStageOf(trx, actor.laCode, record.case_id);
    // Before the case's final step, so its notice says whether the reassessment amended or replaced the plan.
    if (reassessment) await setReassessedPlan(trx, actor.laCode, reassessment.id, planId, result);
    if (kase.stage === 'draft' && kase.draft_served && !kase.final_issued) {
      await issueFinal(ctx, record.case_id, {
        date: input.date,
        planReference: `${record.reference}-V${number}`,
        placement: {
          kind: 'setting',
          settingId: loaded.plan.placement.settingId,
          settingName: loaded.plan.placement.name,
        },
        plan: { planId, versionId: id, number, byOverride: Boolean(override) },
        withoutAdvice: input.withoutAdvice,
      });
      journeyRecorded = true;
    }
  }
  const review = computeTimeline({
    asOf: ctx.today,
    plan: { firstIssued: input.date, reviews: [] },
  }).steps.find((s) => s.id === 'review:1');
  await trx
    .updateTable('ehc_plan')
    .set({
      status: kind,
      shared_version_id: id,
      final_issued: input.date,
      // Amending, or replacing after a reassessment, never moves the review date (CFA s44(1): reviews count from the
      // last review, J2); only a first final plan sets it.
      ...(record.status === 'draft' ? { review_due: review?.due ?? null } : {}),
      updated_at: new Date(),
    })
    .where('la_code', '=', actor.laCode)
    .where('id', '=', planId)
    .execute();
  await changeAudit(ctx, record, `plan.${kind}.issue`, {
    versionId: id,
    number,
    threadErrors: loaded.check.errors,
    overrideId: override?.id ?? null,
  });
  if (!journeyRecorded)
    await recordCaseEvent(ctx, {
      childId: record.child_id,
      kind: `plan-${kind}`,
      summary: `${record.status !== 'draft' && kind === 'final' ? 'Replacement' : kind === 'final' ? 'Final' : 'Amended'} EHC plan issued (version ${number})${override ? ' with golden-thread errors, by a manager’s decision' : ''}`,
      detail: { planId, versionId: id, caseId: record.case_id },
    });
  for (const person of await familyAndAdvisers(trx, actor.laCode, record.child_id)) {
    if (person.kind === 'adviser' || record.case_id === null || kind === 'amended') {
      await queueNotification(trx, ctx.jobs, {
        laCode: actor.laCode,
        channel: 'email',
        recipient: person.email,
        template: 'plan-issued',
        personalisation: {
          name: person.name ?? person.email,
          child:
            person.kind === 'adviser'
              ? `${record.given_name} ${record.family_name} (${record.reference})`
              : childName(record),
          kind: kind === 'final' ? 'final' : 'amended',
          version: String(number),
        },
        childId: record.child_id,
        userId: person.userId,
      });
    }
  }
  await ctx.plansChanged?.(trx, actor.laCode, [planId], ctx.today);
  return id;
}

/** A team manager records why the plan may be issued despite golden-thread errors (for this revision only). */
export async function recordOverride(
  ctx: PlanContext,
  planId: string,
  input: { reason: string },
): Promise<void> {
  const { trx, actor } = ctx;
  requireRole(actor, PLAN_MANAGERS, 'plan.override');
  const record = await editable(trx, actor, planId, 'plan.override');
  const loaded = await loadPlan(trx, record, ctx.today, record.status === 'draft' ? 'final' : record.status);
  if (loaded.check.errors === 0)
    throw new PlanError('reason', 'The plan has no golden-thread errors: there is nothing to override');
  const errors = loaded.check.findings
    .filter((f) => f.severity === 'error')
    .map((f) => ({ code: f.code, section: f.section, itemId: f.itemId }));
  const inserted = await trx
    .insertInto('ehc_plan_override')
    .values({
      la_code: actor.laCode,
      plan_id: planId,
      revision: record.revision,
      reason: input.reason,
      errors: JSON.stringify(errors),
      recorded_by: actor.userId,
    })
    .onConflict((oc) => oc.columns(['la_code', 'plan_id', 'revision']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return;
  await changeAudit(ctx, record, 'plan.override', {
    overrideId: inserted.id,
    revision: record.revision,
    errors: errors.length,
  });
  await recordCaseEvent(ctx, {
    childId: record.child_id,
    kind: 'plan-override',
    summary: `A team manager recorded why the plan may be issued with ${errors.length} golden-thread ${errors.length === 1 ? 'error' : 'errors'}`,
    detail: { planId, overrideId: inserted.id },
  });
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
// The shared draft and comments

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

export async function listComments(db: Executor, actor: Actor, record: PlanRecord, authorId: string | null) {
  let q = db
    .selectFrom('ehc_plan_comment as c')
    .innerJoin('ehc_plan_version as v', (j) =>
      j.onRef('v.la_code', '=', 'c.la_code').onRef('v.id', '=', 'c.version_id'),
    )
    .select([
      'c.id',
      'c.section',
      'c.item_id',
      'c.version_id',
      'c.body',
      'c.author_kind',
      'c.created_at',
      'c.response',
      'c.changed',
      'c.change_note',
      'c.responded_at',
      'c.author_id',
      'c.responded_by',
      'v.number as version_number',
    ])
    .where('c.la_code', '=', actor.laCode)
    .where('c.plan_id', '=', record.id);
  if (authorId) q = q.where('c.author_id', '=', authorId);
  const comments = await q.orderBy('c.created_at').orderBy('c.id').limit(500).execute();
  // The authors' and responders' names, from the core records.
  const people = await usersByIds(db, actor.laCode, [
    ...comments.map((c) => c.author_id),
    ...comments.map((c) => c.responded_by),
  ]);
  return comments.flatMap(({ author_id: authorOf, responded_by: respondedBy, version_number, ...c }) => {
    const author = people.get(authorOf);
    if (!author) return [];
    const responder = respondedBy === null ? undefined : people.get(respondedBy);
    return [
      {
        ...c,
        author_name: author.display_name,
        author_title: author.job_title,
        responder_name: responder?.display_name ?? null,
        version_number,
      },
    ];
  });
}

export async function addComment(
  ctx: PlanContext,
  planId: string,
  input: { section: Section; itemId: string | null; body: string; token: string },
): Promise<void> {
  const { trx, actor } = ctx;
  const record = await readableVersions(trx, actor, planId);
  if (!SHARED_ROLES.includes(actor.role)) throw new NotFoundError();
  // The shared version takes comments while it is a draft: a first draft, or a reassessment's draft of an issued
  // plan (J8).
  const version = record.shared_version_id
    ? await trx
        .selectFrom('ehc_plan_version')
        .select(['id', 'snapshot', 'kind'])
        .where('la_code', '=', actor.laCode)
        .where('id', '=', record.shared_version_id)
        .executeTakeFirstOrThrow()
    : undefined;
  if (!version || version.kind !== 'draft') {
    throw new PlanError(
      'body',
      'The draft plan is no longer open for comments: the final plan has been issued',
    );
  }
  if (!SECTIONS.includes(input.section)) throw new PlanError('section', 'Select a section of the plan');
  if (input.itemId) {
    const lines = snapshotLines(version.snapshot as Snapshot);
    const found = lines.find((l) => l.section === input.section)?.items.some((i) => i.id === input.itemId);
    if (!found) throw new PlanError('section', 'Select a part of the plan from the list');
  }
  const inserted = await trx
    .insertInto('ehc_plan_comment')
    .values({
      la_code: actor.laCode,
      plan_id: planId,
      version_id: version.id,
      section: input.section,
      item_id: input.itemId,
      author_id: actor.userId,
      author_kind: actor.role === 'professional' ? 'adviser' : 'family',
      body: input.body,
      idempotency_key: `${actor.userId}:${input.token}`,
      response: null,
      changed: null,
      change_note: null,
      responded_by: null,
      responded_at: null,
    })
    .onConflict((oc) => oc.columns(['la_code', 'idempotency_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return;
  await audit(trx, auditContext(actor), {
    action: 'plan.comment.add',
    recordType: 'ehc_plan_comment',
    recordId: inserted.id,
    childId: record.child_id,
    detail: { planId, section: input.section },
  });
  const writer = record.writer_id
    ? (await usersByIds(trx, actor.laCode, [record.writer_id])).get(record.writer_id)
    : undefined;
  if (writer) {
    await queueNotification(trx, ctx.jobs, {
      laCode: actor.laCode,
      channel: 'email',
      recipient: writer.email,
      template: 'plan-comment-received',
      personalisation: {
        name: writer.display_name,
        child: `${record.given_name} ${record.family_name} (${record.reference})`,
        who: actor.role === 'professional' ? 'an adviser' : 'the family',
        section: input.section,
      },
      childId: record.child_id,
      userId: writer.id,
    });
  }
}

export async function commentsForStaff(db: Executor, actor: Actor, planId: string) {
  const record = await readableByStaff(db, actor, planId, 'plan.comments.read');
  const comments = await listComments(db, actor, record, null);
  // The words of the item each comment is about, as the version commented on had them (issue 18: staff saw only
  // "on section F, one item" and had to open the plan in another tab to find which).
  const versionIds = [...new Set(comments.filter((c) => c.item_id).map((c) => c.version_id))];
  const versions = versionIds.length
    ? await db
        .selectFrom('ehc_plan_version')
        .select(['id', 'snapshot'])
        .where('la_code', '=', actor.laCode)
        .where('id', 'in', versionIds)
        .execute()
    : [];
  const itemText = new Map<string, string>();
  for (const v of versions)
    for (const l of snapshotLines(v.snapshot as Snapshot))
      for (const i of l.items) itemText.set(`${v.id}:${i.id}`, i.text);
  return {
    record,
    comments: comments.map((c) => ({
      ...c,
      item_text: c.item_id ? (itemText.get(`${c.version_id}:${c.item_id}`) ?? null) : null,
    })),
  };
}

export async function respondToComment(
  ctx: PlanContext,
  planId: string,
  commentId: string,
  input: { response: string; changed: boolean; changeNote: string | null },
): Promise<void> {
  const { trx, actor } = ctx;
  const record = await editable(trx, actor, planId, 'plan.comment.respond');
  if (!isUuid(commentId)) throw new NotFoundError();
  const updated = await trx
    .updateTable('ehc_plan_comment')
    .set({
      response: input.response,
      changed: input.changed,
      change_note: input.changed ? input.changeNote : null,
      responded_by: actor.userId,
      responded_at: new Date(),
    })
    .where('la_code', '=', actor.laCode)
    .where('plan_id', '=', planId)
    .where('id', '=', commentId)
    .where('response', 'is', null)
    .returning(['id', 'author_id', 'section'])
    .executeTakeFirst();
  if (!updated) {
    const exists = await trx
      .selectFrom('ehc_plan_comment')
      .select('id')
      .where('la_code', '=', actor.laCode)
      .where('plan_id', '=', planId)
      .where('id', '=', commentId)
      .executeTakeFirst();
    if (!exists) throw new NotFoundError();
    return; // already answered: a double submit changes nothing
  }
  await changeAudit(ctx, record, 'plan.comment.respond', { commentId, changed: input.changed });
  const author = (await usersByIds(trx, actor.laCode, [updated.author_id])).get(updated.author_id);
  if (!author) throw new NotFoundError();
  await queueNotification(trx, ctx.jobs, {
    laCode: actor.laCode,
    channel: 'email',
    recipient: author.email,
    template: 'plan-comment-answered',
    personalisation: {
      name: author.display_name,
      child:
        author.role === 'professional'
          ? `${record.given_name} ${record.family_name} (${record.reference})`
          : childName(record),
      section: updated.section,
      change: input.changed
        ? `The plan has been changed: ${input.changeNote ?? ''}`.trim()
        : 'The plan has not been changed because of this comment; the answer explains why.',
    },
    childId: record.child_id,
    userId: author.id,
  });
}
