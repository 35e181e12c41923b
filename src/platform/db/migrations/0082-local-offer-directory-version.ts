/**
 * Issue 20 item 4 (ADR 0069, docs/local-offer.md): the Local Offer directory's version, one row per authority. Every
 * write to what the public search reads (services, organisations, locations, their links) gives the authority's row
 * a new random version in the same transaction (`touchDirectory` in src/features/local-offer/store.ts), so a cached
 * search answer keyed by the version is never served after an edit, in any process: each search reads the version
 * first (a primary-key lookup) and asks its cache for the answer under it. A random token, not a counter, so two
 * databases (or one rebuilt) never share a version. Every authority starts with one. Owned by
 * src/features/local-offer.
 */
export const statements: string[] = [
  `create table local_offer_directory_version (
    la_code text not null primary key references local_authority (la_code),
    version uuid not null default gen_random_uuid(),
    changed_at timestamptz not null default now()
  )`,
  `insert into local_offer_directory_version (la_code) select la_code from local_authority`,
];
