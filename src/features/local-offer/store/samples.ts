/**
 * The Local Offer as the command line reads it (src/cli): how many services the database holds, and the plans
 * PostgreSQL makes for the search's two heaviest queries (EXPLAIN ANALYZE, for the benchmark's report).
 */
import { sql } from 'kysely';
import type { Executor } from '../../../platform/audit/audit.ts';

/** How many Local Offer services the database holds (every authority). */
export async function serviceCount(db: Executor): Promise<number> {
  const { n } = await db
    .selectFrom('local_offer_service')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** EXPLAIN ANALYZE of the search (autsim corrected to autism, need ASD) and of the nearest words (trigram GiST). */
export async function explainSearch(db: Executor, laCode: string) {
  const { rows: search } = await sql<{ 'QUERY PLAN': string }>`
    explain analyze
    select s.id, count(*) over () as total,
      ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', s.search_vector, to_tsquery('english', '(autism | autsim)')) +
      0.3 * word_similarity('autsim', s.trigram) as rank
    from local_offer_service s
    where s.la_code = ${laCode} and s.status = 'active' and s.needs @> array['ASD']::text[]
      and s.search_vector @@ to_tsquery('english', '(autism | autsim)')
    order by rank desc, s.name, s.id limit 20`.execute(db);
  const { rows: words } = await sql<{ 'QUERY PLAN': string }>`
    explain analyze select word from local_offer_search_word where la_code = ${laCode}
    order by word <-> 'autsim' limit 12`.execute(db);
  return { search: search.map((r) => r['QUERY PLAN']), words: words.map((r) => r['QUERY PLAN']) };
}
