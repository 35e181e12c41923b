/**
 * Issue 14 (the figures page's measure, ADR 0061): the figures page never counts the casework on a request; a day not
 * counted is counted by the job and kept. A day a leader asked for whose count the keeping rules of ADR 0036 would not
 * keep (over 92 days before, not a month's last day) is kept until `kept_until` (a week after it was asked for); null
 * for a count kept by the usual rules. Owned by src/features/figures (the table's).
 */
export const statements: string[] = [`alter table figure_count add column kept_until date`];
