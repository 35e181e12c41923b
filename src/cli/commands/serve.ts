import type { Command } from '../command.ts';
import { lastingCookieSecret, loadConfig } from '../../platform/config.ts';
import { DataFolderLockedError } from '../../platform/db/database.ts';
import { privilegeWarnings } from '../../platform/audit/roles.ts';
import { startService } from '../../app/service.ts';
import { demoProgressLine } from '../../app/demo.ts';

const command: Command = {
  description: 'Start the web service (embedded database with demo data unless DATABASE_URL is set)',
  async run() {
    const loaded = loadConfig();
    const config = { ...loaded, cookieSecret: lastingCookieSecret(loaded) };
    let service;
    try {
      const started = performance.now();
      const tty = process.stdout.isTTY;
      service = await startService(config, {
        say: (line) => process.stdout.write(`${line}\n`),
        // On a terminal one line redrawn; in a log a line a step.
        progress: (done, total, built) => {
          const line = demoProgressLine(done, total, built, performance.now() - started);
          process.stdout.write(tty ? `\r${line}\u001b[K${done === total ? '\n' : ''}` : `${line}\n`);
        },
      });
    } catch (err) {
      if (err instanceof DataFolderLockedError) {
        process.stderr.write(`${err.message}\n`);
        return 1;
      }
      throw err;
    }
    const { app } = service;
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      process.stdout.write(`Received ${signal}: stopping\n`);
      service.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
    await app.listen({ port: config.port, host: config.host });
    const where = config.databaseUrl ? 'PostgreSQL' : `the embedded database in ${config.dataDir}`;
    process.stdout.write(
      `Goldthread is running at http://localhost:${config.port} on ${where}` +
        (config.demo ? ' with the demo authority (password goldthread-demo)' : '') +
        '\n',
    );
    if (service.database.engine === 'pglite') {
      process.stdout.write(
        'The embedded database is for one machine: one process opens its folder, nothing else can share it, and ' +
          "its audit log is protected only by triggers that anyone with the files can switch off. For a council's " +
          'service use PostgreSQL (DATABASE_URL, with MIGRATION_DATABASE_URL: see the README, Production).\n',
      );
    } else {
      for (const warning of await privilegeWarnings(service.database.db)) {
        process.stderr.write(
          `Warning: ${warning}. Run the service as a role that may only insert into the audit log: ` +
            'goldthread db-roles (README, Production).\n',
        );
      }
    }
    await new Promise<void>(() => {});
    return 0;
  },
};
export default command;
