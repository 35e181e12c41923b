/**
 * Reading a case's facts and keeping its clock columns current. Every due date comes from the statutory clock
 * (computeTimeline); the next_* columns are the clock's answer cached for filtering and sorting in SQL, rewritten in
 * the same transaction as every change.
 */
import type { Executor } from '../../platform/audit/audit.ts';
import type { Timeline } from '../../domain/clock/types.ts';
import {
  caseTimeline,
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
}

const CASE_FACT_COLUMNS = [
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
] as const;

/** The facts of several cases at once (three queries whatever the number of cases). */
export async function loadFacts(
  db: Executor,
  laCode: string,
  caseIds: readonly string[],
): Promise<Map<string, CaseFacts>> {
  const facts = new Map<string, CaseFacts>();
  if (!caseIds.length) return facts;
  const cases = await db
    .selectFrom('assessment_case')
    .select(CASE_FACT_COLUMNS)
    .where('la_code', '=', laCode)
    .where('id', 'in', caseIds)
    .execute();
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
    .select(['case_id', 'kind', 'from_date', 'to_date', 'applies_to'])
    .where('la_code', '=', laCode)
    .where('case_id', 'in', caseIds)
    .orderBy('recorded_at')
    .execute();
  for (const c of cases) facts.set(c.id, factsOf(c, [], []));
  for (const a of advice) {
    (facts.get(a.case_id)?.advice as CaseFacts['advice'][number][] | undefined)?.push({
      id: a.id,
      agency: a.agency,
      requested: a.requested,
      received: a.received,
    });
  }
  for (const e of exceptions) {
    (facts.get(e.case_id)?.exceptions as CaseFacts['exceptions'][number][] | undefined)?.push({
      kind: e.kind,
      from: e.from_date,
      to: e.to_date,
      appliesTo: Array.isArray(e.applies_to) ? (e.applies_to as string[]) : [],
    });
  }
  return facts;
}

export function factsOf(
  c: CaseRow,
  advice: CaseFacts['advice'][number][],
  exceptions: CaseFacts['exceptions'][number][],
): CaseFacts {
  return {
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
 * Recomputes the case's timeline with the clock and stores its stage and next step. Returns the timeline. A case
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
  const step = nextStep(timeline);
  const stage: Stage = current.stage === 'linked' ? 'linked' : stageFor(facts);
  await trx
    .updateTable('assessment_case')
    .set({
      stage,
      is_open: OPEN_STAGES.includes(stage),
      next_step: step?.id ?? null,
      next_owner: step?.owner ?? null,
      next_due: step?.due ?? null,
      next_adjusted_due: step?.exception?.adjustedDue ?? null,
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
