/**
 * `goldthread db-roles --service-role NAME`: sets up least privilege on PostgreSQL (ADR 0007). Run as the role that
 * owns the tables (MIGRATION_DATABASE_URL): brings the schema up to date, then grants the service's role what it needs
 * and no more (it may only insert and read the audit log). `--print` writes the grants as SQL instead, for a database
 * administrator to read or run.
 */
import { migrateDatabase } from '../../app/migrate.ts';
import { loadConfig } from '../../platform/config.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { grantServiceRole, leastPrivilegeStatements, privilegeWarnings } from '../../platform/audit/roles.ts';
import { UsageError, type Command } from '../command.ts';

const command: Command = {
  description:
    'Least privilege on PostgreSQL: grant the service role read and write, the audit log insert only',
  async run(args) {
    let serviceRole: string | undefined;
    let print = false;
    for (let i = 0; i < args.length; i++) {
      if (args[i] === '--service-role') serviceRole = args[++i];
      else if (args[i] === '--print') print = true;
      else throw new UsageError(`unknown option "${args[i]}"`);
    }
    if (!serviceRole)
      throw new UsageError('--service-role NAME is required (the role DATABASE_URL connects as)');
    if (print) {
      process.stdout.write(
        leastPrivilegeStatements(serviceRole)
          .map((s) => `${s};\n`)
          .join(''),
      );
      return 0;
    }
    const config = loadConfig();
    if (!config.migrationDatabaseUrl) {
      throw new UsageError(
        'set MIGRATION_DATABASE_URL (the owner of the tables) and DATABASE_URL (the service)',
      );
    }
    const service = await openDatabase({ url: config.databaseUrl, poolSize: 1 });
    const owner = await openDatabase({ url: config.migrationDatabaseUrl, poolSize: 1 });
    try {
      const ran = await migrateDatabase(config, service);
      await grantServiceRole(owner.db, serviceRole);
      const warnings = await privilegeWarnings(service.db);
      process.stdout.write(
        `Migrations run as the owner: ${ran.length}. The role ${serviceRole} may read and write the casework and ` +
          'only insert and read the audit log.\n',
      );
      for (const warning of warnings) process.stderr.write(`Warning: ${warning}\n`);
      return warnings.length ? 1 : 0;
    } finally {
      await owner.close();
      await service.close();
    }
  },
};
export default command;
