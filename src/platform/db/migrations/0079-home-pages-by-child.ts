/**
 * Issue 20 (national scale, docs/national-scale.md, the home pages' third pass): indexes that lead with `la_code`
 * for the home pages' reads that grew with the authority (EXPLAIN ANALYZE at 29,396 plans, LA 101 Aldby):
 *
 * - `plan_review_schedule (la_code, child_id)`: a family's next review (the parent's and young person's home) and a
 *   school's reviews (the SENCO's: its setting's plans or its linked children) were found by reading the whole
 *   schedule (33,000 rows, 13 ms) for one child; now an index scan (0.06 ms). Owned by src/features/reviews.
 * - `child (la_code, lead_officer_id, plan_status)`: each officer's children led and in their caseload (the team
 *   manager's home; the caseworker's count) read every child of the authority (41 ms for a team's 15,349); now an
 *   index-only scan (7.6 ms). docs/national-scale.md named this index in the second pass, but 0073 did not make it.
 * - `child (la_code, plan_status, primary_need)`: the SEND leader's plans by need and children by plan status, an
 *   index-only scan of the plans (17 to 3.4 ms).
 *
 * - `plan_review (la_code, plan_id) where held is not null and report_sent is null`: a school's reviews held and
 *   waiting for their report (the SENCO's home) read all 131,000 reviews (the planner expected 6,302 such reviews
 *   where there are 303, so it hashed the whole table): 86 to 1.3 ms. Owned by src/features/reviews. (Added to
 *   0079 in the session it landed in: a database migrated between the two commits lacks only this index.)
 *
 * The child table is the core records' (src/platform/people).
 */
export const statements: string[] = [
  `create index plan_review_schedule_child on plan_review_schedule (la_code, child_id)`,
  `create index child_officer_status on child (la_code, lead_officer_id, plan_status)`,
  `create index child_status_need on child (la_code, plan_status, primary_need)`,
  `create index plan_review_awaiting_report on plan_review (la_code, plan_id) where held is not null and report_sent is null`,
];
