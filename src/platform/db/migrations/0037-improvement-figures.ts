/**
 * The improvement plan's performance indicators fed live (issue 14 item 6), owned by src/features/improvement: an
 * action whose evidence is a performance indicator may name one of the leaders' figures (docs/figures.md) by its id
 * (src/domain/figures MEASURE_IDS, checked by the service), and its page then shows that figure counted from the
 * casework as of today, never a typed value.
 */
export const statements: string[] = [`alter table improvement_action add column figure text`];
