import type { Command } from '../command.ts';
import { loadConfig } from '../../platform/config.ts';
import { DataFolderLockedError } from '../../platform/db/database.ts';
import { startService } from '../../app/service.ts';

const command: Command = {
  description: 'Start the web service (embedded database with demo data unless DATABASE_URL is set)',
  async run() {
    const config = loadConfig();
    let service;
    try {
      service = await startService(config);
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
    await new Promise<void>(() => {});
    return 0;
  },
};
export default command;
