import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lastingCookieSecret, loadConfig } from './config.ts';

describe('the cookie secret outside production', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  const dataDir = () => {
    const folder = mkdtempSync(join(tmpdir(), 'goldthread-secret-'));
    folders.push(folder);
    return join(folder, 'data');
  };

  it('is made once, kept in the data folder for its owner only, and the same after a restart', () => {
    const env = { GOLDTHREAD_DATA_DIR: dataDir() };
    const first = lastingCookieSecret(loadConfig(env), env);
    const afterRestart = lastingCookieSecret(loadConfig(env), env);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(afterRestart).toBe(first);
    const file = join(env.GOLDTHREAD_DATA_DIR, '.cookie-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('is COOKIE_SECRET when that is set, and writes nothing', () => {
    const env = { GOLDTHREAD_DATA_DIR: dataDir(), COOKIE_SECRET: 'a-secret-set-by-the-operator-0123456789' };
    expect(lastingCookieSecret(loadConfig(env), env)).toBe(env.COOKIE_SECRET);
    expect(() => statSync(join(env.GOLDTHREAD_DATA_DIR, '.cookie-secret'))).toThrow();
  });

  it('replaces a kept secret that is not one it made', () => {
    const env = { GOLDTHREAD_DATA_DIR: dataDir() };
    lastingCookieSecret(loadConfig(env), env);
    writeFileSync(join(env.GOLDTHREAD_DATA_DIR, '.cookie-secret'), 'short\n');
    expect(lastingCookieSecret(loadConfig(env), env)).toMatch(/^[0-9a-f]{64}$/);
  });
});
