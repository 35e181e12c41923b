/** The embedded database keeps its data across restarts and only one process may open its data folder. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAuthority } from '../../../test/helpers/factories.ts';
import { DataFolderLockedError, lockDataFolder, openDatabase } from './database.ts';
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

// Opening PGlite in a second process takes tens of seconds on a loaded two-core machine.
describe('the embedded database', { timeout: 180_000 }, () => {
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

  describe('a lock left behind', () => {
    /** Writes a lock file as if another process had taken it, then takes the folder's lock (no database opened). */
    function lockOver(content: string, mtime?: Date) {
      const dataDir = tempDir();
      mkdirSync(dataDir, { recursive: true });
      const lockPath = join(dataDir, 'goldthread.lock');
      writeFileSync(lockPath, content);
      if (mtime) utimesSync(lockPath, mtime, mtime);
      return lockDataFolder(dataDir);
    }

    async function openOver(content: string, mtime?: Date) {
      return Promise.resolve().then(() => lockOver(content, mtime));
    }

    async function opensOver(content: string, mtime?: Date) {
      const release = lockOver(content, mtime);
      release();
      return Promise.resolve();
    }

    it('is taken over when it names this very process (a container restarted as the same process id)', async () => {
      await opensOver(String(process.pid));
      await opensOver(JSON.stringify({ pid: process.pid, host: hostname() }));
    });

    it('is taken over when its process is alive but is not a Goldthread server', async () => {
      const other = spawn('sleep', ['60'], { stdio: 'ignore' });
      try {
        await new Promise((resolve) => other.once('spawn', resolve));
        await opensOver(String(other.pid));
      } finally {
        other.kill('SIGKILL');
      }
    });

    it('is taken over when its process id now belongs to a process started at another time', async () => {
      const holder = await holdInAnotherProcess(tempDir());
      try {
        await opensOver(JSON.stringify({ pid: holder.pid, start: '1', host: hostname() }));
      } finally {
        holder.kill('SIGKILL');
      }
    });

    it('is taken over when it is unreadable (cut short while it was written)', async () => {
      await opensOver('');
      await opensOver('{"pid":');
    });

    it('from another machine is held while it is touched, and stale after a minute without', async () => {
      const lock = JSON.stringify({ pid: 1, host: 'another-container' });
      const error = await openOver(lock).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataFolderLockedError);
      expect((error as Error).message).toContain('process 1 on another-container');
      await opensOver(lock, new Date(Date.now() - 5 * 60_000));
    });

    it('is still refused when a live Goldthread process holds it', async () => {
      const dataDir = tempDir();
      const holder = await holdInAnotherProcess(dataDir);
      try {
        expect(JSON.parse(readFileSync(join(dataDir, 'goldthread.lock'), 'utf8'))).toMatchObject({
          pid: holder.pid,
          host: hostname(),
        });
        await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(DataFolderLockedError);
      } finally {
        holder.kill('SIGKILL');
      }
    });
  });
});
