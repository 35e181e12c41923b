/**
 * Reading a case's facts and keeping its clock columns current. Every due date comes from the statutory clock
 * (computeTimeline); the next_* columns are the clock's answer cached for filtering and sorting in SQL, rewritten in
 * the same transaction as every change.
 */
import { sql } from 'kysely';
import type { Executor } from '../../platform/audit/audit.ts';
import type { Timeline } from '../../domain/clock/types.ts';
import {
  caseTimeline,
  finalPlanSummary,
  nextStep,
  OPEN_STAGES,
  stageFor,
  type CaseFacts,
  type Stage,
} from '../../domain/assessment/journey.ts';

export interface CaseRow {
  id: string;
  child_id: string;
  request_received: string;
  decision_date: string | null;
  decision_outcome: 'assess' | 'not-assess' | null;
  outcome_date: string | null;
  outcome: 'issue-plan' | 'no-plan' | null;
  draft_served: string | null;
  final_issued: string | null;
  stage: Stage;
  kind?: 'initial' | 'reassessment';
  closed_reason?: 'withdrawn' | 'moved-out' | null;
  closed_date?: string | null;
}

/** The columns `factsOf` reads: a list that selects them can give its rows' facts without reading the cases again. */
export const CASE_FACT_COLUMNS = [
  'id',
  'child_id',
  'request_received',
  'decision_date',
  'decision_outcome',
  'outcome_date',
  'outcome',
  'draft_served',
  'final_issued',
  'stage',
  'kind',
  'closed_reason',
  'closed_date',
] as const;

/** The facts of several cases at once (three queries whatever the number of cases). */
export async function loadFacts(
  db: Executor,
  laCode: string,
  caseIds: readonly string[],
): Promise<Map<string, CaseFacts>> {
  if (!caseIds.length) return new Map();
  const cases = await db
    .selectFrom('assessment_case')
    .select(CASE_FACT_COLUMNS)
    .where('la_code', '=', laCode)
    .where('id', 'in', caseIds)
    .execute();
  return factsOfRows(db, laCode, cases);
}

/**
 * The facts of cases a list has already read (with `CASE_FACT_COLUMNS`): their advice and exceptions, two queries
 * whatever the number of cases.
 */
export async function factsOfRows(
  db: Executor,
  laCode: string,
  cases: readonly CaseRow[],
): Promise<Map<string, CaseFacts>> {
  const facts = new Map<string, CaseFacts>();
  if (!cases.length) return facts;
  const caseIds = cases.map((c) => c.id);
  const advice = await db
    .selectFrom('assessment_advice')
    .select(['id', 'case_id', 'agency', 'requested', 'received'])
    .where('la_code', '=', laCode)
    .where('case_id', 'in', caseIds)
    .orderBy('requested')
    .orderBy('created_at')
    .execute();
  const exceptions = await db
    .selectFrom('assessment_exception')
    .select(['id', 'case_id', 'kind', 'from_date', 'to_date', 'applies_to', 'confirmed_at'])
    .where('la_code', '=', laCode)
    .where('case_id', 'in', caseIds)
    .orderBy('recorded_at')
    .execute();
  for (const c of cases) facts.set(c.id, factsOf(c, [], []));
  for (const a of advice) (facts.get(a.case_id)?.advice as AdviceFact[] | undefined)?.push(adviceFact(a));
  for (const e of exceptions)
    (facts.get(e.case_id)?.exceptions as ExceptionFact[] | undefined)?.push(exceptionFact(e));
  return facts;
}

type AdviceFact = CaseFacts['advice'][number];
type ExceptionFact = CaseFacts['exceptions'][number];

/** One advice row as the clock reads it. */
export function adviceFact(a: Pick<AdviceFact, 'id' | 'agency' | 'requested' | 'received'>): AdviceFact {
  return { id: a.id, agency: a.agency, requested: a.requested, received: a.received };
}

/** One exception row as the clock reads it (it applies only once confirmed). */
export function exceptionFact(e: {
  id: string;
  kind: ExceptionFact['kind'];
  from_date: string;
  to_date: string | null;
  applies_to: unknown;
  confirmed_at: Date | null;
}): ExceptionFact {
  return {
    id: e.id,
    kind: e.kind,
    from: e.from_date,
    to: e.to_date,
    appliesTo: Array.isArray(e.applies_to) ? (e.applies_to as string[]) : [],
    confirmed: e.confirmed_at !== null,
  };
}

export function factsOf(
  c: CaseRow,
  advice: CaseFacts['advice'][number][],
  exceptions: CaseFacts['exceptions'][number][],
): CaseFacts {
  return {
    kind: c.kind ?? 'initial',
    closed: c.closed_reason && c.closed_date ? { reason: c.closed_reason, date: c.closed_date } : null,
    requestReceived: c.request_received,
    decision:
      c.decision_date && c.decision_outcome ? { date: c.decision_date, outcome: c.decision_outcome } : null,
    outcome: c.outcome_date && c.outcome ? { date: c.outcome_date, outcome: c.outcome } : null,
    draftServed: c.draft_served,
    finalIssued: c.final_issued,
    advice,
    exceptions,
  };
}

/**
 * The columns a case keeps from its clock: the next step (for filtering and sorting in SQL) and the final-plan step
 * for the 20-week figures (ADR 0063: the clock's answer, not a second reckoning). `refreshClock` writes them on every
 * case write, and the demo seeder writes them the same way for every case it inserts, a joined request included.
 */
export function clockColumns(timeline: Timeline) {
  const step = nextStep(timeline);
  return {
    next_step: step?.id ?? null,
    next_owner: step?.owner ?? null,
    next_due: step?.due ?? null,
    next_adjusted_due: step?.exception?.adjustedDue ?? null,
    ...finalPlanSummary(timeline),
  };
}

/**
 * Recomputes the case's timeline with the clock and stores its stage, next step and final-plan summary. Returns the timeline. A case
 * joined to another request keeps the stage 'linked'.
 */
export async function refreshClock(
  trx: Executor,
  laCode: string,
  caseId: string,
  asOf: string,
): Promise<Timeline> {
  const facts = (await loadFacts(trx, laCode, [caseId])).get(caseId);
  if (!facts) throw new Error(`No assessment case ${caseId}`);
  const current = await trx
    .selectFrom('assessment_case')
    .select('stage')
    .where('la_code', '=', laCode)
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const timeline = caseTimeline(facts, asOf);
  const stage: Stage = current.stage === 'linked' ? 'linked' : stageFor(facts);
  await trx
    .updateTable('assessment_case')
    .set({
      stage,
      is_open: OPEN_STAGES.includes(stage),
      ...clockColumns(timeline),
      updated_at: new Date(),
    })
    .where('la_code', '=', laCode)
    .where('id', '=', caseId)
    .execute();
  return timeline;
}

/** How many open assessments an officer holds (before the account may be switched off). */
export async function openCasesHeldBy(db: Executor, laCode: string, officerId: string): Promise<number> {
  const held = await db
    .selectFrom('assessment_case')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('la_code', '=', laCode)
    .where('officer_id', '=', officerId)
    .where('is_open', '=', true)
    .executeTakeFirstOrThrow();
  return Number(held.n);
}

/** What consultation needs of a case: its child and where the journey stands (undefined if no such case). */
export function placementCase(db: Executor, laCode: string, caseId: string) {
  return db
    .selectFrom('assessment_case')
    .select(['id', 'child_id', 'stage', 'is_open', 'draft_served', 'final_issued', 'officer_id'])
    .where('la_code', '=', laCode)
    .where('id', '=', caseId)
    .executeTakeFirst();
}

/** Every request of the authority, as the returns read them (docs/sen2.md): its dates, outcomes and whether an
 * exception to the 20-week limit is recorded. Cases joined to another request are left out. */
export async function requestsForReturns(db: Executor, laCode: string) {
  return db
    .selectFrom('assessment_case as c')
    .select((eb) => [
      'c.id',
      'c.child_id',
      'c.request_received',
      'c.requested_by',
      'c.decision_date',
      'c.decision_outcome',
      'c.outcome_date',
      'c.outcome',
      'c.final_issued',
      eb
        .exists(
          eb
            .selectFrom('assessment_exception as e')
            .select('e.id')
            .whereRef('e.la_code', '=', 'c.la_code')
            .whereRef('e.case_id', '=', 'c.id'),
        )
        .as('exceptions'),
    ])
    .where('c.la_code', '=', laCode)
    .where('c.stage', '!=', 'linked')
    .execute();
}

/**
 * The cases the leaders' figures count (docs/figures.md): every request received by `asOf` (not one joined to
 * another) that had not ended before `since` (a final plan, a refusal to assess, a decision not to issue or a
 * closure dated before it), with its advice and exceptions and its team. Three queries whatever the number.
 */
export async function casesForFigures(
  db: Executor,
  laCode: string,
  since: string,
  asOf: string,
): Promise<Array<{ id: string; childId: string; teamId: string; facts: CaseFacts }>> {
  const counted = db
    .selectFrom('assessment_case as k')
    .select('k.id')
    .where('k.la_code', '=', laCode)
    .where('k.stage', '!=', 'linked')
    .where('k.request_received', '<=', asOf)
    .where((eb) =>
      eb.and([
        eb.or([eb('k.final_issued', 'is', null), eb('k.final_issued', '>=', since)]),
        eb.or([
          eb('k.decision_outcome', 'is', null),
          eb('k.decision_outcome', '=', 'assess'),
          eb('k.decision_date', '>=', since),
        ]),
        eb.or([
          eb('k.outcome', 'is', null),
          eb('k.outcome', '=', 'issue-plan'),
          eb('k.outcome_date', '>=', since),
        ]),
        eb.or([eb('k.closed_date', 'is', null), eb('k.closed_date', '>=', since)]),
      ]),
    );
  const cases = await db
    .selectFrom('assessment_case')
    .select([...CASE_FACT_COLUMNS, 'team_id'])
    .where('la_code', '=', laCode)
    .where('id', 'in', counted)
    .execute();
  const advice = await db
    .selectFrom('assessment_advice')
    .select(['id', 'case_id', 'agency', 'requested', 'received'])
    .where('la_code', '=', laCode)
    .where('case_id', 'in', counted)
    .orderBy('requested')
    .orderBy('created_at')
    .execute();
  const exceptions = await db
    .selectFrom('assessment_exception')
    .select([
      'id',
      'case_id',
      'kind',
      'from_date',
      'to_date',
      'applies_to',
      'confirmed_at',
      sql<string | null>`((confirmed_at at time zone 'Europe/London')::date)::text`.as('confirmed_on'),
    ])
    .where('la_code', '=', laCode)
    .where('case_id', 'in', counted)
    .orderBy('recorded_at')
    .execute();
  const adviceOf = new Map<string, CaseFacts['advice'][number][]>();
  for (const a of advice) {
    const list = adviceOf.get(a.case_id) ?? [];
    list.push({ id: a.id, agency: a.agency, requested: a.requested, received: a.received });
    adviceOf.set(a.case_id, list);
  }
  const exceptionsOf = new Map<string, CaseFacts['exceptions'][number][]>();
  for (const e of exceptions) {
    const list = exceptionsOf.get(e.case_id) ?? [];
    list.push({
      id: e.id,
      kind: e.kind,
      from: e.from_date,
      to: e.to_date,
      appliesTo: Array.isArray(e.applies_to) ? (e.applies_to as string[]) : [],
      confirmed: e.confirmed_at !== null,
      confirmedOn: e.confirmed_on,
    });
    exceptionsOf.set(e.case_id, list);
  }
  return cases.map((c) => ({
    id: c.id,
    childId: c.child_id,
    teamId: c.team_id,
    facts: factsOf(c, adviceOf.get(c.id) ?? [], exceptionsOf.get(c.id) ?? []),
  }));
}

export interface ImportedRequest {
  readonly childId: string;
  /** Unique per authority: a request read in twice is made once. */
  readonly key: string;
  readonly received: string;
  readonly requestedBy: 'parent' | 'young-person' | 'school' | 'other';
  readonly decision: { readonly date: string; readonly outcome: 'assess' | 'not-assess' } | null;
  readonly outcome: { readonly date: string; readonly outcome: 'issue-plan' | 'no-plan' } | null;
  readonly finalIssued: string | null;
}

/** The keys of requests already read in, of those given. */
export async function existingRequestKeys(
  db: Executor,
  laCode: string,
  keys: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 1000) {
    const rows = await db
      .selectFrom('assessment_case')
      .select('idempotency_key')
      .where('la_code', '=', laCode)
      .where('idempotency_key', 'in', keys.slice(i, i + 1000))
      .execute();
    for (const r of rows) found.add(r.idempotency_key);
  }
  return found;
}

/**
 * Records requests read in from a return (in bulk, inside the caller's transaction), each with its stage and next
 * step from the clock as of `asOf`; returns key -> case id. A request whose key exists already is left as it is.
 */
export async function insertImportedRequests(
  trx: Executor,
  laCode: string,
  teamId: string,
  requests: readonly ImportedRequest[],
  asOf: string,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let i = 0; i < requests.length; i += 500) {
    const values = requests.slice(i, i + 500).map((r) => {
      const facts: CaseFacts = {
        requestReceived: r.received,
        decision: r.decision,
        outcome: r.outcome,
        draftServed: null,
        finalIssued: r.finalIssued,
        advice: [],
        exceptions: [],
      };
      const stage = stageFor(facts);
      const timeline = caseTimeline(facts, asOf);
      const step = OPEN_STAGES.includes(stage) ? nextStep(timeline) : undefined;
      return {
        la_code: laCode,
        child_id: r.childId,
        request_received: r.received,
        request_method: 'letter' as const,
        requested_by: r.requestedBy,
        request_answers: JSON.stringify({ source: 'SEN2 return' }),
        idempotency_key: r.key,
        team_id: teamId,
        stage,
        is_open: OPEN_STAGES.includes(stage),
        decision_date: r.decision?.date ?? null,
        decision_outcome: r.decision?.outcome ?? null,
        outcome_date: r.outcome?.date ?? null,
        outcome: r.outcome?.outcome ?? null,
        final_issued: r.finalIssued,
        next_step: step?.id ?? null,
        next_owner: step?.owner ?? null,
        next_due: step?.due ?? null,
        next_adjusted_due: step?.exception?.adjustedDue ?? null,
        ...finalPlanSummary(timeline),
      };
    });
    const rows = await trx
      .insertInto('assessment_case')
      .values(values)
      .onConflict((oc) => oc.columns(['la_code', 'idempotency_key']).doNothing())
      .returning(['id', 'idempotency_key'])
      .execute();
    for (const r of rows) ids.set(r.idempotency_key, r.id);
  }
  return ids;
}

/**
 * A case's decisions as its notices give them (src/features/notices): the decisions, their dates and reasons, and
 * the child, team and officer (whose details the notices feature asks the core records for). Undefined for a case
 * of another authority or none.
 */
export function decisionFacts(db: Executor, laCode: string, caseId: string) {
  return db
    .selectFrom('assessment_case')
    .select([
      'id',
      'child_id',
      'team_id',
      'officer_id',
      'request_received',
      'decision_date',
      'decision_outcome',
      'decision_reasons',
      'outcome_date',
      'outcome',
      'outcome_reasons',
      'final_issued',
      'plan_reference',
      'kind',
      'reassessment_result',
    ])
    .where('la_code', '=', laCode)
    .where('id', '=', caseId)
    .executeTakeFirst();
}

export type DecisionFacts = NonNullable<Awaited<ReturnType<typeof decisionFacts>>>;

/** For the phase-transfer demo (docs/transfers.md): each of these children's latest assessment case (by request). */
export async function latestCasesOfChildren(
  db: Executor,
  laCode: string,
  childIds: readonly string[],
): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  if (childIds.length === 0) return result;
  const rows = await db
    .selectFrom('assessment_case')
    .select(['id', 'child_id'])
    .where('la_code', '=', laCode)
    .where('child_id', 'in', [...childIds])
    .orderBy('request_received')
    .orderBy('id')
    .execute();
  for (const r of rows) result.set(r.child_id, r.id);
  return result;
}

/** An officer's open assessments, most urgent first (an officer who is leaving). */
export function openCasesOf(db: Executor, laCode: string, officerId: string) {
  return db
    .selectFrom('assessment_case')
    .select(['id', 'child_id'])
    .where('la_code', '=', laCode)
    .where('officer_id', '=', officerId)
    .where('is_open', '=', true)
    .orderBy('next_due')
    .orderBy('id')
    .execute();
}

/** How many open assessments each of these officers holds. */
export async function openCaseCounts(db: Executor, laCode: string, officerIds: readonly string[]) {
  const counts = new Map(officerIds.map((id) => [id, 0]));
  if (!officerIds.length) return counts;
  const rows = await db
    .selectFrom('assessment_case')
    .select(['officer_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('la_code', '=', laCode)
    .where('is_open', '=', true)
    .where('officer_id', 'in', officerIds)
    .groupBy('officer_id')
    .execute();
  for (const r of rows) counts.set(r.officer_id!, Number(r.n));
  return counts;
}

/** Gives these open assessments to one officer. */
export async function reassignCases(
  db: Executor,
  laCode: string,
  caseIds: readonly string[],
  officerId: string,
) {
  if (!caseIds.length) return;
  await db
    .updateTable('assessment_case')
    .set({ officer_id: officerId, allocated_at: new Date(), updated_at: new Date() })
    .where('la_code', '=', laCode)
    .where('id', 'in', caseIds)
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// What the plans feature reads of a case (its plan's section K, the checks, the journey's dates)

/** A case's received advice, oldest first, with what section K and the plan's checks need. */
export function receivedAdviceOfCase(db: Executor, laCode: string, caseId: string) {
  return db
    .selectFrom('assessment_advice')
    .select([
      'id',
      'agency',
      'service_name',
      'received',
      'document_text',
      'answer',
      'needs',
      'outcomes',
      'provision',
      'professional_user_id',
    ])
    .where('la_code', '=', laCode)
    .where('case_id', '=', caseId)
    .where('status', '=', 'received')
    .orderBy('received')
    .orderBy('id')
    .execute();
}

/** Pieces of advice by id, with their recommendations' sources (answer, needs, outcomes, provision). */
export function adviceRecommendationSources(db: Executor, laCode: string, adviceIds: readonly string[]) {
  if (!adviceIds.length) return Promise.resolve([]);
  return db
    .selectFrom('assessment_advice')
    .select(['id', 'agency', 'answer', 'needs', 'outcomes', 'provision'])
    .where('la_code', '=', laCode)
    .where('id', 'in', [...adviceIds])
    .execute();
}

/** The case a new plan for the child belongs to: the open one first, then the latest requested (none linked). */
export function caseForNewPlan(db: Executor, laCode: string, childId: string) {
  return db
    .selectFrom('assessment_case')
    .select(['id', 'team_id'])
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .where('stage', '!=', 'linked')
    .orderBy('is_open', 'desc')
    .orderBy('request_received', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Where a case's plan stage stands: its stage and the draft's and the final's dates. */
export function planStageOf(db: Executor, laCode: string, caseId: string) {
  return db
    .selectFrom('assessment_case')
    .select(['stage', 'draft_served', 'final_issued', 'family_comments_complete'])
    .where('la_code', '=', laCode)
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
}
