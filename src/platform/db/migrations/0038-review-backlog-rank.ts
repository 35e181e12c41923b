/**
 * The review backlog's order as an index (issue 12 measures: the backlog page at 25,000 plans), owned by
 * src/features/reviews. The backlog is ranked by the keys of `compareBacklog` (src/domain/review/backlog.ts) and paged
 * 25 at a time: with the ranking's expressions in an index, PostgreSQL reads the first rows in order and stops, instead
 * of sorting every plan due within 8 weeks on each page view (docs/reviews.md, "Figures").
 */
export const statements: string[] = [
  `create index plan_review_schedule_rank on plan_review_schedule (
    la_code,
    (phase_transfer_deadline is null),
    phase_transfer_deadline,
    (coalesce(not_in_full_time_education, false)) desc,
    out_of_area_or_independent desc,
    looked_after desc,
    (coalesce(quality_grade in ('inadequate', 'requires-improvement'), false)) desc,
    next_due,
    plan_id
  )`,
];
