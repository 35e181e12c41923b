/**
 * The figures' count (ADR 0026, docs/figures.md): every 10 minutes, each authority's figures as of today in London
 * are counted from the casework and kept (`FiguresService.recount`), so the figures page reads the day's tallies
 * instead of counting the casework on every request. The page says when the count it shows was made. A day asked for
 * that was not counted is queued here once (`{ laCode, asOf, today }`) to be counted and kept, and the page says it is
 * being counted until it is (ADR 0061): a day the usual rules would not keep is kept for a week after it was asked for.
 */
import type { JobDeps } from '../../platform/jobs/jobs.ts';
import { authorityCodes } from '../../platform/people/users.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { createFiguresService, FIGURES_COUNT_QUEUE, keptUntilFor } from './service.ts';
import { analyzeCounts } from './store.ts';

export { FIGURES_COUNT_QUEUE };

/** How often the count is made (cron, UK time). */
export const FIGURES_COUNT_SCHEDULE = '*/10 * * * *';

export function registerFiguresJobs(deps: JobDeps): void {
  deps.jobs.handle(FIGURES_COUNT_QUEUE, async (data) => {
    const asked = data as { today?: string; laCode?: string; asOf?: string };
    const today = asked.today ?? todayInLondon();
    const db = deps.database.db;
    const service = createFiguresService({ db, today: () => today });
    // One day of one authority, asked for on the figures page and not counted (its count is kept from then on); a
    // second job for the day, sent while the first waited, finds it counted.
    if (asked.laCode && asked.asOf) {
      if (await service.isCounted(asked.laCode, asked.asOf)) return;
      await service.recount(asked.laCode, asked.asOf, keptUntilFor(asked.asOf, today));
      return;
    }
    for (const laCode of await authorityCodes(db)) await service.recount(laCode, today);
    // Each authority's count of the day replaced: fresh planner statistics, once for all (docs/national-scale.md).
    await analyzeCounts(db);
  });
  deps.jobs.schedule(FIGURES_COUNT_QUEUE, FIGURES_COUNT_SCHEDULE);
}
