/**
 * The assessments store's queries for the lawful steps (issue 10 items 2 and 3): advice reused with the family's
 * agreement (J3), the family's comments recorded as complete (J1), confirming an exception (J10), closing a request
 * as withdrawn or moved out of the area, reassessments (J8) and the plans issued for the 20-week figures.
 */
import { sql } from 'kysely';
import type { Executor } from '../../../platform/audit/audit.ts';
import type { AdviceAgency } from '../../../platform/db/schema/index.ts';

/** The agencies asked for advice in a case, and those whose existing advice is reused (J3). */
export async function adviceCoverage(
  db: Executor,
  laCode: string,
  caseId: string,
): Promise<{ requested: string[]; reused: string[] }> {
  const requested = await db
    .selectFrom('assessment_advice')
    .select('agency')
    .distinct()
    .where('la_code', '=', laCode)
    .where('case_id', '=', caseId)
    .execute();
  const reused = await db
    .selectFrom('assessment_advice_reuse')
    .select('agency')
    .where('la_code', '=', laCode)
    .where('case_id', '=', caseId)
    .execute();
  return { requested: requested.map((r) => r.agency), reused: reused.map((r) => r.agency) };
}

/** The case's advice asked for that has not arrived (issue 18), oldest first. */
export function outstandingAdviceRows(db: Executor, laCode: string, caseId: string) {
  return db
    .selectFrom('assessment_advice')
    .select(['id', 'agency', 'service_name', 'requested', 'due'])
    .where('la_code', '=', laCode)
    .where('case_id', '=', caseId)
    .where('status', '=', 'requested')
    .orderBy('requested')
    .orderBy('created_at')
    .execute();
}

export function listAdviceReuse(db: Executor, laCode: string, caseId: string) {
  return db
    .selectFrom('assessment_advice_reuse')
    .select(['id', 'agency', 'existing_advice', 'family_agreed', 'recorded_at'])
    .where('la_code', '=', laCode)
    .where('case_id', '=', caseId)
    .orderBy('recorded_at')
    .execute();
}

/** Records reused advice; false when this agency's advice is already recorded as reused for the case. */
export async function insertAdviceReuse(
  db: Executor,
  row: {
    laCode: string;
    caseId: string;
    agency: AdviceAgency;
    existingAdvice: string;
    familyAgreed: string;
    recordedBy: string;
  },
): Promise<string | null> {
  const inserted = await db
    .insertInto('assessment_advice_reuse')
    .values({
      la_code: row.laCode,
      case_id: row.caseId,
      agency: row.agency,
      existing_advice: row.existingAdvice,
      family_agreed: row.familyAgreed,
      recorded_by: row.recordedBy,
    })
    .onConflict((oc) => oc.columns(['la_code', 'case_id', 'agency']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id ?? null;
}

/** One recorded exception of a case. */
export function exceptionOfCase(db: Executor, laCode: string, caseId: string, exceptionId: string) {
  return db
    .selectFrom('assessment_exception')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('case_id', '=', caseId)
    .where('id', '=', exceptionId)
    .executeTakeFirst();
}

/** Marks an exception confirmed as the cause of the delay; false when it already was. */
export async function markExceptionConfirmed(
  db: Executor,
  laCode: string,
  exceptionId: string,
  by: string,
  reason: string,
): Promise<boolean> {
  const updated = await db
    .updateTable('assessment_exception')
    .set({ confirmed_at: new Date(), confirmed_by: by, confirmation_reason: reason })
    .where('la_code', '=', laCode)
    .where('id', '=', exceptionId)
    .where('confirmed_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return updated !== undefined;
}

/** The family's comments on the draft are complete (J1). */
export async function markCommentsComplete(db: Executor, laCode: string, caseId: string): Promise<void> {
  await db
    .updateTable('assessment_case')
    .set({ family_comments_complete: true, updated_at: new Date() })
    .where('la_code', '=', laCode)
    .where('id', '=', caseId)
    .execute();
}

/** Closes an open case as withdrawn or moved out of the area. */
export async function markClosed(
  db: Executor,
  laCode: string,
  caseId: string,
  closed: { reason: 'withdrawn' | 'moved-out'; date: string; notes: string },
): Promise<void> {
  await db
    .updateTable('assessment_case')
    .set({
      closed_reason: closed.reason,
      closed_date: closed.date,
      closed_notes: closed.notes,
      updated_at: new Date(),
    })
    .where('la_code', '=', laCode)
    .where('id', '=', caseId)
    .where('is_open', '=', true)
    .execute();
}

/** The ids of the cases (of a team, or all) whose final plan was issued from `from` on: the 20-week figures. */
export async function casesWithFinalPlanSince(
  db: Executor,
  laCode: string,
  teamId: string | null,
  from: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('assessment_case')
    .select('id')
    .where('la_code', '=', laCode)
    .where('final_issued', '>=', from)
    .where('kind', '=', 'initial')
    .$if(teamId !== null, (q) => q.where('team_id', '=', teamId!))
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The 20-week figures counted from the final-plan summary the clock keeps on each case (ADR 0063): the final plans
 * (of a team, or all) issued from `from` to `to`, how many within their due date, and the same leaving out those a
 * confirmed exception relieved. `unkept` are the cases issued since `from` with no summary kept: the caller counts
 * them live (none once migration 0080 has back-filled; kept so a row written by other means is still counted).
 */
export async function keptTwentyWeeks(
  db: Executor,
  laCode: string,
  teamId: string | null,
  from: string,
  to: string,
) {
  const inPeriod = sql`final_plan_due is not null and final_plan_done >= ${from} and final_plan_done <= ${to}`;
  const within = sql`final_plan_done <= final_plan_due`;
  const counted = await db
    .selectFrom('assessment_case')
    .select([
      sql<string>`count(*) filter (where ${inPeriod})`.as('issued'),
      sql<string>`count(*) filter (where ${inPeriod} and ${within})`.as('within'),
      sql<string>`count(*) filter (where ${inPeriod} and not final_plan_excepted)`.as('issued_ex'),
      sql<string>`count(*) filter (where ${inPeriod} and not final_plan_excepted and ${within})`.as(
        'within_ex',
      ),
      sql<string[]>`coalesce(array_agg(id) filter (where final_plan_due is null), '{}')`.as('unkept'),
    ])
    .where('la_code', '=', laCode)
    .where('final_issued', '>=', from)
    .where('kind', '=', 'initial')
    .$if(teamId !== null, (q) => q.where('team_id', '=', teamId!))
    .executeTakeFirstOrThrow();
  return {
    issued: Number(counted.issued),
    within: Number(counted.within),
    issuedExcluding: Number(counted.issued_ex),
    withinExcluding: Number(counted.within_ex),
    unkept: counted.unkept,
  };
}

/** The open reassessment of a child, if any (J8): the plans feature issues its draft and its amended plan. */
export function openReassessmentOf(db: Executor, laCode: string, childId: string) {
  return db
    .selectFrom('assessment_case')
    .select(['id', 'stage', 'draft_served', 'final_issued', 'family_comments_complete', 'reassessed_plan_id'])
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .where('kind', '=', 'reassessment')
    .where('is_open', '=', true)
    .executeTakeFirst();
}

/** Names the plan a reassessment amends or replaces, and how (J8). */
export async function setReassessedPlan(
  db: Executor,
  laCode: string,
  caseId: string,
  planId: string,
  result: 'amended' | 'replaced' | null,
): Promise<void> {
  await db
    .updateTable('assessment_case')
    .set({
      reassessed_plan_id: planId,
      ...(result ? { reassessment_result: result } : {}),
      updated_at: new Date(),
    })
    .where('la_code', '=', laCode)
    .where('id', '=', caseId)
    .execute();
}
