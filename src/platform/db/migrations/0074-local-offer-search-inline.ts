/**
 * Issue 20 (national scale, docs/national-scale.md): the Local Offer search with a common word. Each service's
 * `search_vector` (about 1 KB) was stored out of line in the table's TOAST with the long text columns, so a search
 * read it back from TOAST twice for every service it tested and ranked: 22,023 buffers for "support" at 5,000
 * services (1,949 found), against 1,250 for the table itself. Kept in the row (storage main: compressed in line,
 * moved out only if the row still does not fit, after the description and the other long columns), the same search
 * reads 1,295 buffers and took 21.5 ms against 58.6 ms side by side. The update rewrites each row once so the vectors
 * already stored move into their rows (the column is generated: an update recomputes it; no trigger on the table).
 * Owned by src/features/local-offer.
 */
export const statements: string[] = [
  `alter table local_offer_service alter column search_vector set storage main`,
  `update local_offer_service set search_description = search_description`,
];
