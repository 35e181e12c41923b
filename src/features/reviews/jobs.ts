/**
 * The daily refresh of every plan's review schedule (docs/reviews.md): the due dates move with the calendar (overdue,
 * this week) and with facts other features own (a plan made final or amended, a child's setting or care, a new
 * quality audit), which reach the schedule here, each night, or sooner when the plan's reviews change; the table is
 * analysed after (every row was replaced; autovacuum may be late or off). And each morning the reminders before a
 * review's dates (reminders.ts).
 */
import type { JobDeps } from '../../platform/jobs/jobs.ts';
import { authorityCodes } from '../../platform/people/users.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { runReviewReminders } from './reminders.ts';
import { refreshReviewSchedules } from './schedule.ts';
import { analyzeSchedules } from './store.ts';

export const REVIEW_SCHEDULE_QUEUE = 'review-schedule-refresh';
/** Reminders before a review's dates (reminders.ts). */
export const REVIEW_REMINDER_QUEUE = 'review-reminders';

export function registerReviewJobs(deps: JobDeps): void {
  deps.jobs.handle(REVIEW_SCHEDULE_QUEUE, async (data) => {
    const today = (data as { today?: string }).today ?? todayInLondon();
    const db = deps.database.db;
    for (const laCode of await authorityCodes(db)) {
      await db.transaction().execute((trx) => refreshReviewSchedules(trx, laCode, today));
    }
    // Every schedule row replaced: fresh planner statistics, once for every authority (docs/national-scale.md).
    await analyzeSchedules(db);
  });
  deps.jobs.schedule(REVIEW_SCHEDULE_QUEUE, '30 5 * * *');
  deps.jobs.handle(REVIEW_REMINDER_QUEUE, async (data) => {
    const today = (data as { today?: string }).today ?? todayInLondon();
    const db = deps.database.db;
    for (const laCode of await authorityCodes(db)) await runReviewReminders(db, deps.jobs, laCode, today);
  });
  deps.jobs.schedule(REVIEW_REMINDER_QUEUE, '10 7 * * *');
}
