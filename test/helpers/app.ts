/** A web app over a fresh test database (a copy of the run's migrated image, or of its demo image), built exactly as the service builds it. */
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import type { Engine } from '../../src/platform/db/database.ts';
import { buildWebApp, prepareJobs, type Services } from '../../src/app/compose.ts';
import { createJobs, type Jobs } from '../../src/platform/jobs/jobs.ts';
import { OutboxNotifier } from '../../src/platform/notify/notify.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import type { ImageName } from './images.ts';
import { secondFactorClock } from './second-factor.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  /** Started without workers: run waiting jobs with jobs.runPending(queue). */
  jobs: Jobs;
  services: Services;
  close(): Promise<void>;
}

export async function createTestApp(
  engine: Engine,
  env: Record<string, string> = {},
  options: { image?: ImageName; today?: () => string } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(engine, options);
  const config = loadConfig({
    NODE_ENV: 'test',
    GOLDTHREAD_DEMO: 'false',
    COOKIE_SECRET: 'test-secret-test-secret-test-secret',
    ...env,
  });
  const jobs = createJobs(database);
  const notifier = new OutboxNotifier();
  prepareJobs({ database, config, jobs, notifier });
  await jobs.start({ workers: false });
  const { app, services } = await buildWebApp({
    database,
    config,
    jobs,
    notifier,
    logger: false,
    now: secondFactorClock,
    ...(options.today ? { today: options.today } : {}),
  });
  return {
    app,
    database,
    config,
    jobs,
    services,
    async close() {
      await app.close();
      await jobs.stop();
      await database.close();
    },
  };
}
