/**
 * Starting the service: open the database, migrate, create the demo authority in demo mode, build the services and
 * the web app. Used by `goldthread serve`, the browser tests and the benchmarks, so they all run the same service.
 */
import type { FastifyInstance } from 'fastify';
import { environmentVariable, type Config } from '../platform/config.ts';
import { openDatabase, type Database } from '../platform/db/database.ts';
import { migrateDatabase } from './migrate.ts';
import { createJobs, type Jobs } from '../platform/jobs/jobs.ts';
import { createNotifier, type Notifier } from '../platform/notify/notify.ts';
import { buildWebApp, prepareJobs, type Services } from './compose.ts';
import { seedDemo, type DemoBuildProgress } from './demo.ts';

export interface Service {
  readonly app: FastifyInstance;
  readonly database: Database;
  readonly jobs: Jobs;
  readonly notifier: Notifier;
  readonly services: Services;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Use this database instead of opening one from the config (tests). */
  database?: Database;
  /** Demo children to create when demo mode seeds an empty database. */
  demoChildren?: number;
  logger?: boolean;
  /** Run job workers in the background (the service does; tests run jobs on demand). Default true. */
  workers?: boolean;
  /** Use this notifier instead of the one the environment selects. */
  notifier?: Notifier;
  /** The time now for the second factor's steps (tests step it). Default the wall clock. */
  now?: () => Date;
  /** Today in London for every date the services count (a browser test moves it on). Default the wall clock. */
  today?: () => string;
  /** Tells the person starting the service what it is doing, a line at a time (`serve` prints them). */
  say?: (line: string) => void;
  /** Told after each step of building the demo on a first start (`serve` draws a progress bar). */
  progress?: DemoBuildProgress;
}

export async function startService(config: Config, options: StartOptions = {}): Promise<Service> {
  const database =
    options.database ?? (await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }));
  try {
    await migrateDatabase(config, database);
    if (config.demo) {
      // A newcomer's first start builds the demo, silent for half a minute before (issue 18 item 10): say so.
      options.say?.(
        'Opening the demo authority. The first start builds it (about 2,500 children and young people), ' +
          'which takes about half a minute; later starts take a few seconds.',
      );
      const seeded = await seedDemo(
        database.db,
        {
          ...(options.demoChildren ? { children: options.demoChildren } : {}),
          secondFactorKey: config.secondFactorKey,
        },
        options.progress,
      );
      // `seedDemo` analysed the database it filled.
      if (!seeded.skipped) {
        options.say?.(
          `Built the demo authority as of ${seeded.today} in ${Math.round((seeded.buildMs + seeded.insertMs) / 1000)} s.`,
        );
      }
    }
    const notifier = options.notifier ?? (await createNotifier(environmentVariable));
    const jobs = createJobs(database, { migrate: !config.migrationDatabaseUrl });
    prepareJobs({ database, config, jobs, notifier });
    await jobs.start({ workers: options.workers ?? true });
    const { app, services } = await buildWebApp({
      database,
      config,
      jobs,
      notifier,
      ...(options.logger === false ? { logger: false } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.today ? { today: options.today } : {}),
    });
    return {
      app,
      database,
      jobs,
      notifier,
      services,
      async close() {
        await app.close();
        await jobs.stop();
        if (!options.database) await database.close();
      },
    };
  } catch (err) {
    if (!options.database) await database.close();
    throw err;
  }
}
