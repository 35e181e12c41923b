import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../command.ts';
import seed, { parseSeedArgs } from './seed.ts';
import migrate from './migrate.ts';

describe('goldthread seed', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('parses --children, --seed and --today, with defaults (no date: the demo is built as of today)', () => {
    expect(parseSeedArgs([])).toEqual({ children: 2500, seed: 999 });
    expect(parseSeedArgs(['--today', '2028-02-29'])).toEqual({
      children: 2500,
      seed: 999,
      today: '2028-02-29',
    });
    expect(parseSeedArgs(['--children', '25000', '--seed', '7'])).toEqual({ children: 25000, seed: 7 });
    expect(parseSeedArgs(['--children=300'])).toEqual({ children: 300, seed: 999 });
  });

  it('rejects bad arguments with a usage error', () => {
    for (const args of [
      ['--children', 'lots'],
      ['--children', '-5'],
      ['--children', '1'],
      ['--today', '2027-02-29'],
      ['--today', '1/11/2026'],
      ['--nope'],
      ['extra'],
    ]) {
      expect(() => parseSeedArgs(args), args.join(' ')).toThrow(UsageError);
    }
  });

  it('refuses outside demo mode without touching the database', async () => {
    vi.stubEnv('DATABASE_URL', 'postgres://nobody@127.0.0.1:1/none');
    vi.stubEnv('GOLDTHREAD_DEMO', '');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await seed.run([])).toBe(1);
    expect(String(stderr.mock.calls[0]?.[0])).toMatch(/only created in demo mode/);
  });
});

describe('goldthread migrate', () => {
  it('takes no arguments', async () => {
    await expect(migrate.run(['--force'])).rejects.toThrow(UsageError);
  });
});
