/**
 * The nightly derivation of each authority's phase-transfer cohort (ADR 0033, docs/transfers.md): the kept cohort is
 * derived whole once a day, before the working day, as the reviews feature refreshes its schedule
 * (src/features/reviews/jobs.ts), which also catches what the audit log does not name; the board derives again only
 * the children changed since (and, on a day the job did not run, those whose row moves with the calendar). Then the
 * table is analysed, once for every authority: its planner statistics are stale after a refill of every row, and
 * autovacuum may be late or off (docs/national-scale.md).
 */
import type { JobDeps } from '../../platform/jobs/jobs.ts';
import { authorityCodes } from '../../platform/people/users.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { refreshCohort } from './service.ts';
import { analyzeCohort } from './store.ts';

export const TRANSFER_COHORT_QUEUE = 'transfer-cohort-refresh';

export function registerTransferJobs(deps: JobDeps): void {
  deps.jobs.handle(TRANSFER_COHORT_QUEUE, async (data) => {
    const today = (data as { today?: string }).today ?? todayInLondon();
    const db = deps.database.db;
    for (const laCode of await authorityCodes(db)) {
      await db
        .transaction()
        .execute((trx) => refreshCohort(trx, laCode, today, { whole: true, analyze: false }));
    }
    // Every authority's rows replaced: the planner's statistics once for all of them (docs/national-scale.md).
    await analyzeCohort(db);
  });
  deps.jobs.schedule(TRANSFER_COHORT_QUEUE, '40 5 * * *');
}
