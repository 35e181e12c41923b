/**
 * Every job handler and schedule, registered in one place: the platform's own (sending notifications) and each
 * feature's. A feature adds its registration function to `featureJobs`.
 */
import type { Database } from '../db/database.ts';
import { NOTIFY_QUEUE, sendQueuedNotification, type Notifier } from '../notify/notify.ts';
import type { Jobs } from './jobs.ts';
import { localOfferJobs } from '../../features/local-offer/jobs.ts';
import { registerAssessmentJobs } from '../../features/assessments/jobs.ts';

export interface JobDeps {
  readonly database: Database;
  readonly jobs: Jobs;
  readonly notifier: Notifier;
}

export const featureJobs: Array<(deps: JobDeps) => void> = [localOfferJobs, registerAssessmentJobs];

export function registerJobs(deps: JobDeps): void {
  deps.jobs.handle(NOTIFY_QUEUE, (data) =>
    sendQueuedNotification(
      deps.database.db,
      deps.notifier,
      data as { laCode: string; id: string; personalisation: Record<string, string> },
    ),
  );
  for (const register of featureJobs) register(deps);
}
