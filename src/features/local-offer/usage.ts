/** The Local Offer's usage counts: a number per day, nothing about who (searches, zero-result words, views, feedback). */
import { sql } from 'kysely';
import type { Executor } from '../../platform/audit/audit.ts';
import { addDays } from './service.ts';

export type Metric = 'search' | 'zero-result' | 'page-view' | 'feedback';

/** Counts one of each metric given for the day, in one statement (a search's page counts its search and its view). */
export async function countUsage(
  db: Executor,
  laCode: string,
  metric: Metric | readonly Metric[],
  day: string,
): Promise<void> {
  const metrics = [...new Set(typeof metric === 'string' ? [metric] : metric)];
  if (metrics.length === 0) return;
  await db
    .insertInto('local_offer_usage_daily')
    .values(metrics.map((m) => ({ la_code: laCode, day, metric: m, count: 1 })))
    .onConflict((oc) =>
      oc.columns(['la_code', 'day', 'metric']).doUpdateSet({ count: sql`local_offer_usage_daily.count + 1` }),
    )
    .execute();
}

/**
 * Counts a search (and a zero-result search, with its words, when it found nothing), and the `also` metrics (the
 * search page's own view) in the same statement: one write for a search's page, not two or three (ADR 0069).
 */
export async function recordSearch(
  db: Executor,
  laCode: string,
  day: string,
  term: string,
  found: number,
  also: readonly Metric[] = [],
): Promise<void> {
  await countUsage(db, laCode, ['search', ...(found > 0 ? [] : ['zero-result' as const]), ...also], day);
  if (found > 0) return;
  const cleaned = term.trim().toLowerCase().replace(/\s+/g, ' ').slice(0, 100);
  if (!cleaned) return;
  await db
    .insertInto('local_offer_zero_result_term')
    .values({ la_code: laCode, day, term: cleaned, count: 1 })
    .onConflict((oc) =>
      oc
        .columns(['la_code', 'day', 'term'])
        .doUpdateSet({ count: sql`local_offer_zero_result_term.count + 1` }),
    )
    .execute();
}

export async function usageByWeek(db: Executor, laCode: string, today: string, weeks = 8) {
  const from = addDays(today, -weeks * 7);
  const rows = await db
    .selectFrom('local_offer_usage_daily')
    .select(['day', 'metric', 'count'])
    .where('la_code', '=', laCode)
    .where('day', '>=', from)
    .where('day', '<', today)
    .execute();
  const out = Array.from({ length: weeks }, (_, i) => ({
    weekStarting: addDays(from, i * 7),
    search: 0,
    'zero-result': 0,
    'page-view': 0,
    feedback: 0,
  }));
  for (const r of rows) {
    const i = Math.floor(
      (Date.parse(`${r.day}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (7 * 86_400_000),
    );
    const w = out[i];
    if (w) w[r.metric] += Number(r.count);
  }
  return out;
}
