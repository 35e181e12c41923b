/**
 * Reading a stored plan into the plan model (src/domain/plan-quality/model.ts), and the recommendations that
 * submitted advice holds. The plan's rows are read in three queries (plan with child and setting, items, section K)
 * and turned into one value the checks, the pages and the documents all use.
 */
import { idIn } from '../../platform/db/any-id.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import type { Selectable } from 'kysely';
import type { EhcPlanItemTable } from '../../platform/db/schema/index.ts';
import type {
  Advice,
  AreaOfNeed,
  Need,
  Outcome,
  Plan,
  PreparationForAdulthoodArea,
  Provision,
  ProvisionSection,
  Section,
} from '../../domain/plan-quality/model.ts';
import { AGENCY_LABELS } from '../../domain/assessment/journey.ts';
import { yearGroupOn } from '../../domain/school-year.ts';
import { childIdentities } from '../../platform/people/children.ts';
import { settingsByIds } from '../../platform/people/settings.ts';
import { usersByIds } from '../../platform/people/users.ts';
import { parseAmount, parseFrequency } from './describe.ts';

export type ItemRow = Selectable<EhcPlanItemTable>;

/**
 * A plan's row with the child's names, reference and date of birth, the placement's name and type and the writer's
 * name: the plan from this store, the rest from the core records (undefined when the authority has no such plan).
 */
export async function planRow(db: Executor, laCode: string, planId: string) {
  const plan = await db
    .selectFrom('ehc_plan')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('id', '=', planId)
    .executeTakeFirst();
  if (!plan) return undefined;
  const child = (await childIdentities(db, laCode, [plan.child_id])).get(plan.child_id);
  if (!child) return undefined;
  const placementId = plan.placement_setting_id;
  const placement = placementId
    ? (await settingsByIds(db, laCode, [placementId])).get(placementId)
    : undefined;
  const writer = (await usersByIds(db, laCode, [plan.writer_id])).get(plan.writer_id ?? '');
  return {
    ...plan,
    given_name: child.given_name,
    family_name: child.family_name,
    preferred_name: child.preferred_name,
    reference: child.reference,
    date_of_birth: child.date_of_birth,
    placement_name: placement?.name ?? null,
    placement_type: placement?.type ?? null,
    writer_name: writer?.display_name ?? null,
  };
}

export type PlanRecord = NonNullable<Awaited<ReturnType<typeof planRow>>>;

export function itemRows(db: Executor, laCode: string, planId: string) {
  return db
    .selectFrom('ehc_plan_item')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('plan_id', '=', planId)
    .orderBy('section')
    .orderBy('position')
    .orderBy('created_at')
    .execute();
}

export function adviceRows(db: Executor, laCode: string, planId: string) {
  return db
    .selectFrom('ehc_plan_advice')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
}

export type AdviceRow = Awaited<ReturnType<typeof adviceRows>>[number];

const ids = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

export function toAdvice(a: AdviceRow): Advice {
  return { id: a.id, agency: a.agency, authorRole: a.author_role, received: a.received };
}

/** The plan model from its rows; the year group is the child's on `today`. */
export function toModel(
  record: PlanRecord,
  items: readonly ItemRow[],
  advice: readonly AdviceRow[],
  today: string,
): Plan {
  const needs: Need[] = [];
  const outcomes: Outcome[] = [];
  const provision: Provision[] = [];
  for (const i of items) {
    if (i.section === 'B') {
      needs.push({
        id: i.id,
        section: 'B',
        area: (i.area ?? 'cognition-and-learning') as AreaOfNeed,
        text: i.text,
      });
    } else if (i.section === 'C' || i.section === 'D') {
      needs.push({ id: i.id, section: i.section, text: i.text });
    } else if (i.section === 'E') {
      outcomes.push({
        id: i.id,
        text: i.text,
        needIds: ids(i.need_ids),
        timescale: { text: i.timescale_text ?? '', by: i.timescale_by },
        successMeasure: i.success_measure ?? '',
        preparationForAdulthood: (i.pfa_area as PreparationForAdulthoodArea | null) ?? null,
      });
    } else if (i.section === 'F' || i.section === 'G' || i.section === 'H1' || i.section === 'H2') {
      provision.push(toProvision(i));
    }
  }
  const budgetItems = items.filter((i) => i.section === 'J');
  return {
    id: record.id,
    status: record.status,
    yearGroup: yearGroupOn(record.date_of_birth, today),
    aspirations: items
      .filter((i) => i.section === 'A')
      .map((i) => ({ id: i.id, text: i.text, whose: i.whose ?? '' })),
    needs,
    outcomes,
    provision,
    placement:
      record.placement_setting_id && record.placement_name
        ? { settingId: record.placement_setting_id, name: record.placement_name }
        : null,
    personalBudget: {
      requested: record.budget_requested,
      annualAmountPence: record.budget_pence,
      directPayments: budgetItems.map((i) => ({
        id: i.id,
        description: i.text,
        annualAmountPence: i.annual_amount_pence ?? 0,
        provisionIds: ids(i.provision_ids),
        needIds: ids(i.need_ids),
        outcomeIds: ids(i.outcome_ids),
      })),
    },
    advice: advice.map(toAdvice),
  };
}

export function toProvision(i: ItemRow): Provision {
  const amount = num(i.amount_value);
  const times = num(i.frequency_times);
  return {
    id: i.id,
    section: i.section as ProvisionSection,
    what: i.text,
    amount: amount !== null && i.amount_unit ? { value: amount, unit: i.amount_unit as 'minutes' } : null,
    frequency: times !== null && i.frequency_per ? { times, per: i.frequency_per as 'week' } : null,
    deliverer: i.deliverer_role
      ? { role: i.deliverer_role, qualification: i.deliverer_qualification ?? '' }
      : null,
    grouping:
      i.grouping_kind === 'group'
        ? { kind: 'group', size: i.grouping_size ?? 0 }
        : i.grouping_kind === 'one-to-one'
          ? { kind: 'one-to-one' }
          : i.grouping_kind === 'whole-class'
            ? { kind: 'whole-class' }
            : null,
    where: i.where_text ?? '',
    oversight: i.oversight ?? '',
    review: i.review ?? '',
    needIds: ids(i.need_ids),
    outcomeIds: ids(i.outcome_ids),
    source:
      i.source_kind === 'advice' && i.source_advice_id
        ? {
            kind: 'advice',
            adviceId: i.source_advice_id,
            ...(i.source_recommendation ? { recommendationId: i.source_recommendation } : {}),
          }
        : { kind: 'authority-decision', reason: i.source_reason ?? '' },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// What submitted advice recommends

/** One recommendation in a piece of submitted advice, ready to pull into the plan with its citation. */
export interface Recommendation {
  /** Stable within the advice: 'need:health', 'outcome:0', 'provision:2'. */
  key: string;
  kind: 'need' | 'outcome' | 'provision';
  section: Section;
  area: AreaOfNeed | null;
  text: string;
  amount: string;
  frequency: string;
  deliverer: string;
}

const NEED_AREA_TO_SECTION: Readonly<Record<string, { section: 'B' | 'C' | 'D'; area: AreaOfNeed | null }>> =
  {
    communication: { section: 'B', area: 'communication-and-interaction' },
    cognition: { section: 'B', area: 'cognition-and-learning' },
    semh: { section: 'B', area: 'social-emotional-mental-health' },
    sensory: { section: 'B', area: 'sensory-physical' },
    health: { section: 'C', area: null },
    socialCare: { section: 'D', area: null },
  };

/** Where provision recommended by an agency goes: health to G, social care to H2, everything else to F. */
export function provisionSectionFor(agency: string): ProvisionSection {
  if (agency === 'health') return 'G';
  if (agency === 'social-care') return 'H2';
  return 'F';
}

export function recommendationsOf(advice: {
  agency: string;
  answer: string | null;
  needs: unknown;
  outcomes: string | null;
  provision: unknown;
}): Recommendation[] {
  if (advice.answer !== 'advice') return [];
  const out: Recommendation[] = [];
  const needs =
    advice.needs && typeof advice.needs === 'object' ? (advice.needs as Record<string, unknown>) : {};
  for (const [key, where] of Object.entries(NEED_AREA_TO_SECTION)) {
    const text = needs[key];
    if (typeof text === 'string' && text.trim()) {
      out.push({
        key: `need:${key}`,
        kind: 'need',
        section: where.section,
        area: where.area,
        text: text.trim(),
        amount: '',
        frequency: '',
        deliverer: '',
      });
    }
  }
  (advice.outcomes ?? '')
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*[-*•\d.)]+\s*/, '').trim())
    .filter(Boolean)
    .forEach((text, i) =>
      out.push({
        key: `outcome:${i}`,
        kind: 'outcome',
        section: 'E',
        area: null,
        text,
        amount: '',
        frequency: '',
        deliverer: '',
      }),
    );
  const lines = Array.isArray(advice.provision) ? (advice.provision as Record<string, unknown>[]) : [];
  lines.forEach((line, i) => {
    const s = (k: string) => (typeof line[k] === 'string' ? line[k].trim() : '');
    if (!s('description')) return;
    out.push({
      key: `provision:${i}`,
      kind: 'provision',
      section: provisionSectionFor(advice.agency),
      area: null,
      text: s('description'),
      amount: s('quantity'),
      frequency: s('frequency'),
      deliverer: s('deliverer'),
    });
  });
  return out;
}

/** The structured fields a pulled provision starts with, read from the advice's words where they are clear. */
export function pulledProvisionFields(rec: Recommendation) {
  const amount = parseAmount(rec.amount);
  const frequency = parseFrequency(rec.frequency) ?? parseFrequency(rec.amount);
  // The adviser's words that no structured field holds stay in the item, as written ("as needed, every school day").
  const fromAmount = frequency !== null && parseFrequency(rec.frequency) === null;
  const kept = [
    amount || fromAmount ? '' : rec.amount,
    frequency || rec.frequency === rec.amount ? '' : rec.frequency,
  ].filter((w) => w.trim() && !rec.text.toLowerCase().includes(w.trim().toLowerCase()));
  return {
    text: kept.length ? `${rec.text} (${kept.map((w) => w.trim()).join(', ')})` : rec.text,
    amount_value: amount?.value ?? null,
    amount_unit: amount?.unit ?? null,
    frequency_times: frequency?.times ?? null,
    frequency_per: frequency?.per ?? null,
    deliverer_role: rec.deliverer || null,
  };
}

/** How a piece of submitted advice is named in section K. */
export function adviceAuthor(a: {
  agency: string;
  service_name: string | null;
  professional_title?: string | null;
}) {
  return {
    agency: AGENCY_LABELS[a.agency] ?? a.agency,
    authorRole: a.professional_title || a.service_name || AGENCY_LABELS[a.agency] || a.agency,
  };
}

/** The latest draft shared for an assessment case's plan (for the schools consulted on it), if any. */
export function latestDraftOfCase(db: Executor, laCode: string, caseId: string) {
  return db
    .selectFrom('ehc_plan_version as v')
    .innerJoin('ehc_plan as p', (j) => j.onRef('p.la_code', '=', 'v.la_code').onRef('p.id', '=', 'v.plan_id'))
    .select(['v.id', 'v.plan_id', 'v.number', 'v.issued_on', 'v.snapshot'])
    .where('v.la_code', '=', laCode)
    .where('p.case_id', '=', caseId)
    .where('v.kind', '=', 'draft')
    .orderBy('v.issued_on', 'desc')
    .orderBy('v.number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Every plan of the authority as the returns read them (docs/sen2.md), with its latest issued version's date. */
export async function plansForReturns(db: Executor, laCode: string) {
  return db
    .selectFrom('ehc_plan as p')
    .select((eb) => [
      'p.id',
      'p.child_id',
      'p.case_id',
      'p.status',
      'p.final_issued',
      'p.placement_setting_id',
      eb
        .selectFrom('ehc_plan_version as v')
        .select((v) => v.fn.max('v.issued_on').as('d'))
        .whereRef('v.la_code', '=', 'p.la_code')
        .whereRef('v.plan_id', '=', 'p.id')
        .where('v.kind', 'in', ['final', 'amended'])
        .as('latest_issued'),
    ])
    .where('p.la_code', '=', laCode)
    .execute();
}

/**
 * Records plans read in from a return (in bulk, inside the caller's transaction): each a final plan issued on its
 * start date, naming its placement. A child who has a plan already keeps it. Returns how many were made.
 */
export async function insertImportedPlans(
  trx: Executor,
  laCode: string,
  plans: readonly {
    childId: string;
    caseId: string | null;
    finalIssued: string;
    placementSettingId: string | null;
  }[],
): Promise<number> {
  let made = 0;
  for (let i = 0; i < plans.length; i += 1000) {
    const rows = await trx
      .insertInto('ehc_plan')
      .values(
        plans.slice(i, i + 1000).map((p) => ({
          la_code: laCode,
          child_id: p.childId,
          case_id: p.caseId,
          status: 'final' as const,
          final_issued: p.finalIssued,
          placement_setting_id: p.placementSettingId,
        })),
      )
      .onConflict((oc) => oc.columns(['la_code', 'child_id']).doNothing())
      .returning('id')
      .execute();
    made += rows.length;
  }
  return made;
}

/** A plan as the reviews feature reads it (docs/reviews.md): when it was first made, and when it was amended. */
export interface PlanForReviews {
  readonly id: string;
  readonly childId: string;
  readonly writerId: string | null;
  readonly placementSettingId: string | null;
  /** The day the plan was first made: its first final version (or, read in from a return, its start date). */
  readonly firstIssued: string;
  /** The days amended versions were issued, oldest first. */
  readonly amendmentsIssued: readonly string[];
}

/**
 * Every plan of the authority that has been made final (or only those named), for the review schedule. Plans still
 * in draft have no review yet.
 */
export async function plansForReviews(
  db: Executor,
  laCode: string,
  planIds?: readonly string[],
): Promise<PlanForReviews[]> {
  if (planIds && planIds.length === 0) return [];
  let plans = db
    .selectFrom('ehc_plan as p')
    .select((eb) => [
      'p.id',
      'p.child_id',
      'p.writer_id',
      'p.placement_setting_id',
      'p.final_issued',
      eb
        .selectFrom('ehc_plan_version as v')
        .select((v) => v.fn.min('v.issued_on').as('d'))
        .whereRef('v.la_code', '=', 'p.la_code')
        .whereRef('v.plan_id', '=', 'p.id')
        .where('v.kind', '=', 'final')
        .as('first_final'),
    ])
    .where('p.la_code', '=', laCode)
    .where('p.status', 'in', ['final', 'amended']);
  if (planIds) plans = plans.where('p.id', 'in', planIds);
  let amended = db
    .selectFrom('ehc_plan_version')
    .select(['plan_id', 'issued_on'])
    .where('la_code', '=', laCode)
    .where('kind', '=', 'amended');
  if (planIds) amended = amended.where('plan_id', 'in', planIds);
  const rows = await plans.execute();
  const amendments = await amended.orderBy('issued_on').execute();
  const byPlan = new Map<string, string[]>();
  for (const a of amendments) byPlan.set(a.plan_id, [...(byPlan.get(a.plan_id) ?? []), a.issued_on]);
  return rows.flatMap((r) => {
    const firstIssued = r.first_final ?? r.final_issued;
    if (!firstIssued) return [];
    return [
      {
        id: r.id,
        childId: r.child_id,
        writerId: r.writer_id,
        placementSettingId: r.placement_setting_id,
        firstIssued,
        amendmentsIssued: byPlan.get(r.id) ?? [],
      },
    ];
  });
}

/** An outcome of a plan's section E as the review meeting reads it (docs/reviews.md): its text and timescale. */
export interface OutcomeForReviews {
  readonly id: string;
  readonly text: string;
  readonly timescale: string;
  readonly preparationForAdulthood: PreparationForAdulthoodArea | null;
}

/** The outcomes (section E) of the plan as it stands, in the plan's order; none for a plan of another authority. */
export async function planOutcomesForReviews(
  db: Executor,
  laCode: string,
  planId: string,
): Promise<OutcomeForReviews[]> {
  const rows = await db
    .selectFrom('ehc_plan_item')
    .select(['id', 'text', 'timescale_text', 'pfa_area'])
    .where('la_code', '=', laCode)
    .where('plan_id', '=', planId)
    .where('section', '=', 'E')
    .orderBy('position')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    timescale: r.timescale_text ?? '',
    preparationForAdulthood: (r.pfa_area as PreparationForAdulthoodArea | null) ?? null,
  }));
}

/** Every issued plan (final or amended) with its child and the day its final plan was first issued (docs/figures.md). */
export async function issuedPlansForFigures(db: Executor, laCode: string) {
  const rows = await db
    .selectFrom('ehc_plan')
    .select(['id', 'child_id', 'final_issued'])
    .where('la_code', '=', laCode)
    .where('status', 'in', ['final', 'amended'])
    .where('final_issued', 'is not', null)
    .execute();
  return rows.map((r) => ({ id: r.id, childId: r.child_id, finalIssued: r.final_issued! }));
}

/**
 * A child's issued plan as their first screen shows it (issue 18 item 2): the plan, when it must next be reviewed,
 * and its outcomes with their preparation-for-adulthood areas. Undefined when the child has no issued plan.
 */
/** A child's latest issued plan (final or amended), or undefined. */
export function latestIssuedPlan(db: Executor, laCode: string, childId: string) {
  return db
    .selectFrom('ehc_plan')
    .select(['id', 'case_id', 'review_due', 'final_issued'])
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .where('status', 'in', ['final', 'amended'])
    .orderBy('final_issued', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The day a plan's latest final or amended version was issued (the plan in force), or null if it has none. */
export async function latestIssuedVersionDay(db: Executor, laCode: string, planId: string) {
  const version = await db
    .selectFrom('ehc_plan_version')
    .select('issued_on')
    .where('la_code', '=', laCode)
    .where('plan_id', '=', planId)
    .where('kind', 'in', ['final', 'amended'])
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return version?.issued_on ?? null;
}

/** These versions' snapshots (for reading what each issued version said). */
export function versionSnapshots(db: Executor, laCode: string, versionIds: readonly string[]) {
  return db
    .selectFrom('ehc_plan_version')
    .select(['id', 'snapshot'])
    .where('la_code', '=', laCode)
    .where(idIn('id', versionIds))
    .execute();
}

export async function issuedPlanOfChild(db: Executor, laCode: string, childId: string) {
  const plan = await latestIssuedPlan(db, laCode, childId);
  if (!plan) return undefined;
  return { ...plan, outcomes: await planOutcomesForReviews(db, laCode, plan.id) };
}

/**
 * The family accounts that have commented on a version (an amendment's proposal): its comments' reminder is not for
 * them (docs/reviews.md "Reminders").
 */
export async function familyCommentersOf(
  db: Executor,
  laCode: string,
  planId: string,
  versionId: string,
): Promise<ReadonlySet<string>> {
  const rows = await db
    .selectFrom('ehc_plan_comment')
    .select('author_id')
    .distinct()
    .where('la_code', '=', laCode)
    .where('plan_id', '=', planId)
    .where('version_id', '=', versionId)
    .where('author_kind', '=', 'family')
    .execute();
  return new Set(rows.map((r) => r.author_id));
}
