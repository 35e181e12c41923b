/** A web app over a fresh test database, built exactly as the service builds it. */
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import type { Engine } from '../../src/platform/db/database.ts';
import { buildApp } from '../../src/platform/web/app.ts';
import { featureRoutes } from '../../src/platform/web/routes.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  close(): Promise<void>;
}

export async function createTestApp(engine: Engine, env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase(engine);
  const config = loadConfig({
    NODE_ENV: 'test',
    GOLDTHREAD_DEMO: 'false',
    COOKIE_SECRET: 'test-secret-test-secret-test-secret',
    ...env,
  });
  const app = await buildApp({ database, config, routes: featureRoutes, logger: false });
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
