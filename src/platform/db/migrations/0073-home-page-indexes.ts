/**
 * Issue 20 (national scale, docs/national-scale.md): the team manager's first screen counts the 20-week figures of
 * the initial assessments whose final plan was issued in the last 12 months. Without an index by the final plan's
 * date, every request read the authority's whole assessment table (4,193 cases at 29,385 plans) to find about a
 * tenth of them. Owned by src/features/assessments (the table's).
 */
export const statements: string[] = [
  `create index assessment_case_final_issued on assessment_case (la_code, final_issued) where kind = 'initial' and final_issued is not null`,
];
