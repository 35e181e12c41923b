import { loadConfig } from '../../platform/config.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { migrateDatabase } from '../../app/migrate.ts';
import { UsageError, type Command } from '../command.ts';

const command: Command = {
  description: 'Bring the database schema up to date (runs any migrations not yet run)',
  async run(args) {
    if (args.length > 0) throw new UsageError(`takes no arguments (got "${args.join(' ')}")`);
    const config = loadConfig();
    const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
    try {
      const ran = await migrateDatabase(config, database);
      const where =
        database.engine === 'postgres'
          ? `PostgreSQL${config.migrationDatabaseUrl ? ' (as the owner, MIGRATION_DATABASE_URL)' : ''}`
          : `the embedded database in ${config.dataDir}`;
      process.stdout.write(
        ran.length === 0
          ? `Migrations: ${where} is already up to date.\n`
          : `Migrations: ran ${ran.length} on ${where}:\n${ran.map((m) => `  ${m}\n`).join('')}`,
      );
      return 0;
    } finally {
      await database.close();
    }
  },
};
export default command;
