/**
 * The daily check of plans ending (docs/ceasing.md): a decision to cease takes effect the day after the last day to
 * appeal with no appeal registered (the clock's `ceasesOn`), whoever is signed in that day. Runs before the review
 * schedule's refresh (05:30), and is idempotent: a plan already ceased is left as it is.
 */
import type { JobDeps } from '../../platform/jobs/jobs.ts';
import { authorityCodes } from '../../platform/people/users.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { applyPlanEndings } from './service.ts';

export const PLAN_ENDINGS_QUEUE = 'plan-endings';

export function registerCeasingJobs(deps: JobDeps): void {
  deps.jobs.handle(PLAN_ENDINGS_QUEUE, async (data) => {
    const today = (data as { today?: string }).today ?? todayInLondon();
    const db = deps.database.db;
    for (const laCode of await authorityCodes(db)) {
      await db
        .transaction()
        .execute((trx) => applyPlanEndings(trx, { laCode, userId: null, sessionId: null, ip: null }, today));
    }
  });
  deps.jobs.schedule(PLAN_ENDINGS_QUEUE, '20 5 * * *');
}
