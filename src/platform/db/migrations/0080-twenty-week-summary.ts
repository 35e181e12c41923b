/**
 * Issue 20 (national scale, docs/national-scale.md; ADR 0063): the team manager's 20-week figures counted in SQL
 * from a summary the assessments feature keeps on each case, instead of running the statutory clock over every
 * final plan of the last 12 months on each visit (413 cases and 1,814 advice rows for one team of LA 101).
 *
 * `assessment_case` (owned by src/features/assessments) gains the clock's final-plan step: its statutory due date,
 * the day it was done and whether a confirmed exception relieved it. `refreshClock` writes them on every case
 * write; the demo and the SEN2 import write them as they insert. Dates, not weeks elapsed, so they do not go stale.
 *
 * `after` back-fills every existing initial assessment with the clock itself (`caseTimeline`, not a reckoning in
 * SQL: whether an exception relieves the final plan depends on which advice was requested). It reads the case, its
 * advice and its exceptions as the assessments store's `loadFacts` does (same columns, same order), then analyses
 * the table.
 */
import { sql, type Kysely } from 'kysely';
import { caseTimeline, finalPlanSummary, type CaseFacts } from '../../../domain/assessment/journey.ts';
import { todayInLondon } from '../../web/views.ts';

export const statements: string[] = [
  `alter table assessment_case add column final_plan_due date`,
  `alter table assessment_case add column final_plan_done date`,
  `alter table assessment_case add column final_plan_excepted boolean`,
  `create index assessment_case_final_plan on assessment_case (la_code, final_issued) where kind = 'initial'`,
];

interface CaseRow {
  la_code: string;
  id: string;
  request_received: string;
  decision_date: string | null;
  decision_outcome: 'assess' | 'not-assess' | null;
  outcome_date: string | null;
  outcome: 'issue-plan' | 'no-plan' | null;
  draft_served: string | null;
  final_issued: string | null;
  closed_reason: 'withdrawn' | 'moved-out' | null;
  closed_date: string | null;
}

const CHUNK = 1000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function after(db: Kysely<any>): Promise<void> {
  await backFillFinalPlans(db, todayInLondon());
}

/** The back-fill as of `today` (the demo test runs it on the demo's day and expects what the seeder kept). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function backFillFinalPlans(db: Kysely<any>, today: string): Promise<void> {
  const { rows: cases } = await sql<CaseRow>`
    select la_code, id, request_received::text, decision_date::text, decision_outcome, outcome_date::text, outcome,
      draft_served::text, final_issued::text, closed_reason, closed_date::text
    from assessment_case where kind = 'initial' order by la_code, id`.execute(db);
  for (let i = 0; i < cases.length; i += CHUNK) {
    const chunk = cases.slice(i, i + CHUNK);
    const ids = sql.join(chunk.map((c) => sql`(${c.la_code}, ${c.id}::uuid)`));
    const { rows: advice } = await sql<{
      la_code: string;
      id: string;
      case_id: string;
      agency: string;
      requested: string;
      received: string | null;
    }>`select la_code, id, case_id, agency, requested::text, received::text from assessment_advice
       where (la_code, case_id) in (${ids}) order by requested, created_at`.execute(db);
    const { rows: exceptions } = await sql<{
      la_code: string;
      id: string;
      case_id: string;
      kind: CaseFacts['exceptions'][number]['kind'];
      from_date: string;
      to_date: string | null;
      applies_to: unknown;
      confirmed: boolean;
    }>`select la_code, id, case_id, kind, from_date::text, to_date::text, applies_to,
         confirmed_at is not null as confirmed from assessment_exception
       where (la_code, case_id) in (${ids}) order by recorded_at`.execute(db);
    const facts = new Map<string, CaseFacts>();
    const key = (la: string, id: string) => `${la}/${id}`;
    for (const c of chunk)
      facts.set(key(c.la_code, c.id), {
        kind: 'initial',
        closed: c.closed_reason && c.closed_date ? { reason: c.closed_reason, date: c.closed_date } : null,
        requestReceived: c.request_received,
        decision:
          c.decision_date && c.decision_outcome
            ? { date: c.decision_date, outcome: c.decision_outcome }
            : null,
        outcome: c.outcome_date && c.outcome ? { date: c.outcome_date, outcome: c.outcome } : null,
        draftServed: c.draft_served,
        finalIssued: c.final_issued,
        advice: [],
        exceptions: [],
      });
    for (const a of advice)
      (facts.get(key(a.la_code, a.case_id))?.advice as CaseFacts['advice'][number][]).push({
        id: a.id,
        agency: a.agency,
        requested: a.requested,
        received: a.received,
      });
    for (const e of exceptions)
      (facts.get(key(e.la_code, e.case_id))?.exceptions as CaseFacts['exceptions'][number][]).push({
        id: e.id,
        kind: e.kind,
        from: e.from_date,
        to: e.to_date,
        appliesTo: Array.isArray(e.applies_to) ? (e.applies_to as string[]) : [],
        confirmed: e.confirmed,
      });
    const kept = chunk.flatMap((c) => {
      const summary = finalPlanSummary(caseTimeline(facts.get(key(c.la_code, c.id))!, today));
      return summary.final_plan_due === null ? [] : [{ ...summary, la_code: c.la_code, id: c.id }];
    });
    if (!kept.length) continue;
    const values = sql.join(
      kept.map(
        (k) =>
          sql`(${k.la_code}, ${k.id}::uuid, ${k.final_plan_due}::date, ${k.final_plan_done}::date, ${k.final_plan_excepted}::boolean)`,
      ),
    );
    await sql`update assessment_case c set final_plan_due = v.due, final_plan_done = v.done,
        final_plan_excepted = v.excepted
      from (values ${values}) as v (la_code, id, due, done, excepted)
      where c.la_code = v.la_code and c.id = v.id`.execute(db);
  }
  // Every initial case rewritten: the planner's statistics of the new columns (all null until now) are taken again,
  // in the same transaction, as autovacuum may be late or off (docs/national-scale.md).
  await sql`analyze assessment_case`.execute(db);
}
