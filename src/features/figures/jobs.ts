/**
 * The figures' count (ADR 0026, docs/figures.md): every 10 minutes, each authority's figures as of today in London
 * are counted from the casework and kept (`FiguresService.recount`), so the figures page reads the day's tallies
 * instead of counting the casework on every request. The page says when the count it shows was made; any other day
 * is counted live.
 */
import type { JobDeps } from '../../platform/jobs/jobs.ts';
import { authorityCodes } from '../../platform/people/users.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { createFiguresService } from './service.ts';

export const FIGURES_COUNT_QUEUE = 'figures-count';

/** How often the count is made (cron, UK time). */
export const FIGURES_COUNT_SCHEDULE = '*/10 * * * *';

export function registerFiguresJobs(deps: JobDeps): void {
  deps.jobs.handle(FIGURES_COUNT_QUEUE, async (data) => {
    const today = (data as { today?: string }).today ?? todayInLondon();
    const db = deps.database.db;
    const service = createFiguresService({ db, today: () => today });
    for (const laCode of await authorityCodes(db)) await service.recount(laCode, today);
  });
  deps.jobs.schedule(FIGURES_COUNT_QUEUE, FIGURES_COUNT_SCHEDULE);
}
