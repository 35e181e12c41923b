/** The embedded database keeps its data across restarts and only one process may open its data folder. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAuthority } from '../../../test/helpers/factories.ts';
import { DataFolderLockedError, openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';

const dirs: string[] = [];
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'goldthread-data-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Another process that opens the data folder and holds it until killed. */
function holdInAnotherProcess(dataDir: string): Promise<ChildProcess> {
  const script = `
    import { openDatabase } from ${JSON.stringify(new URL('./database.ts', import.meta.url).href)};
    await openDatabase({ dataDir: ${JSON.stringify(dataDir)} });
    process.stdout.write('opened\\n');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', '--input-type=module', '-e', script],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('opened')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
}

describe('the embedded database', () => {
  it('keeps data across a restart', async () => {
    const dataDir = tempDir();
    const first = await openDatabase({ dataDir });
    await migrateToLatest(first.db);
    await createAuthority(first.db, '905');
    await first.close();
    const second = await openDatabase({ dataDir });
    const row = await second.db
      .selectFrom('local_authority')
      .select('name')
      .where('la_code', '=', '905')
      .executeTakeFirst();
    await second.close();
    expect(row?.name).toBe('Testshire 905 Council');
  });

  it('refuses a second opening in the same process', async () => {
    const dataDir = tempDir();
    const first = await openDatabase({ dataDir });
    await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(DataFolderLockedError);
    await first.close();
    const again = await openDatabase({ dataDir });
    await again.close();
  });

  it('refuses a second process with a clear message, and recovers the folder once that process has died', async () => {
    const dataDir = tempDir();
    const holder = await holdInAnotherProcess(dataDir);
    try {
      const error = await openDatabase({ dataDir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataFolderLockedError);
      expect((error as Error).message).toContain(
        `in use by another Goldthread process (process ${holder.pid})`,
      );
      expect((error as Error).message).toContain('DATABASE_URL');
    } finally {
      const exited = new Promise((resolve) => holder.once('exit', resolve));
      holder.kill('SIGKILL');
      await exited;
    }
    // The killed process left its lock file behind: it is stale, so the folder opens again.
    const reopened = await openDatabase({ dataDir });
    await reopened.close();
  });
});
