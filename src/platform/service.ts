/**
 * Starting the service: open the database, migrate, create the demo authority in demo mode, build the web app.
 * Used by `goldthread serve`, the browser tests and the benchmarks, so they all run the same service.
 */
import type { FastifyInstance } from 'fastify';
import { seedDemo } from '../demo/generator.ts';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { buildApp } from './web/app.ts';
import { featureRoutes } from './web/routes.ts';

export interface Service {
  readonly app: FastifyInstance;
  readonly database: Database;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Use this database instead of opening one from the config (tests). */
  database?: Database;
  /** Demo children to create when demo mode seeds an empty database. */
  demoChildren?: number;
  logger?: boolean;
}

export async function startService(config: Config, options: StartOptions = {}): Promise<Service> {
  const database =
    options.database ?? (await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }));
  try {
    await migrateToLatest(database.db);
    if (config.demo) {
      await seedDemo(database.db, options.demoChildren ? { children: options.demoChildren } : {});
    }
    const app = await buildApp({
      database,
      config,
      routes: featureRoutes,
      ...(options.logger === false ? { logger: false } : {}),
    });
    return {
      app,
      database,
      async close() {
        await app.close();
        if (!options.database) await database.close();
      },
    };
  } catch (err) {
    if (!options.database) await database.close();
    throw err;
  }
}
