/** The migration step every start and `goldthread migrate` run: as the owner of the tables when one is configured. */
import type { Config } from '../platform/config.ts';
import { openDatabase, type Database } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { installJobsSchema } from '../platform/jobs/jobs.ts';

/**
 * Brings the schema up to date: as the owner of the tables when MIGRATION_DATABASE_URL is set (the service's own role
 * may then only read and write, `goldthread db-roles`), otherwise on the service's own connection. Resolves to the
 * migrations run.
 */
export async function migrateDatabase(config: Config, database: Database): Promise<string[]> {
  if (!config.migrationDatabaseUrl) return migrateToLatest(database.db);
  const owner = await openDatabase({ url: config.migrationDatabaseUrl, poolSize: 1 });
  try {
    const ran = await migrateToLatest(owner.db);
    await installJobsSchema(config.migrationDatabaseUrl);
    return ran;
  } finally {
    await owner.close();
  }
}
