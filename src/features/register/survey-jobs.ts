/**
 * The survey's offers (ADR 0034): every 10 minutes, each authority's milestones of the last 14 days that have no
 * offer get one, and the family is sent the link. Idempotent: one offer per milestone (unique on the history event).
 */
import type { JobDeps } from '../../platform/jobs/jobs.ts';
import { authorityCodes } from '../../platform/people/users.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { createSurveyService } from './survey-service.ts';

export const SURVEY_OFFERS_QUEUE = 'register-survey-offers';
/** How often milestones are looked for (cron, UK time). */
export const SURVEY_OFFERS_SCHEDULE = '*/10 * * * *';

export function registerSurveyJobs(deps: JobDeps): void {
  deps.jobs.handle(SURVEY_OFFERS_QUEUE, async (data) => {
    const today = (data as { today?: string }).today ?? todayInLondon();
    const db = deps.database.db;
    const service = createSurveyService({
      db,
      jobs: deps.jobs,
      config: deps.config,
      notifier: deps.notifier,
      today: () => today,
    });
    for (const laCode of await authorityCodes(db)) await service.offerAfterMilestones(laCode, today);
  });
  deps.jobs.schedule(SURVEY_OFFERS_QUEUE, SURVEY_OFFERS_SCHEDULE);
}
