/**
 * `goldthread citus` (ADR 0038): where Citus is not installed, or on the embedded database, applying refuses with a
 * reason and changes nothing; printing gives the checks and the statements. Citus itself is not on this machine.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/db.ts';
import command, { applyDistribution } from './citus.ts';

async function captured(fn: () => Promise<number>): Promise<{ code: number; text: string }> {
  const written: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((text) => {
    written.push(String(text));
    return true;
  });
  try {
    const code = await fn();
    return { code, text: written.join('') };
  } finally {
    spy.mockRestore();
  }
}

describe('goldthread citus', () => {
  it('asks for exactly one of --print and --apply', async () => {
    await expect(command.run([])).rejects.toThrow(/--print \| --apply/);
    await expect(command.run(['--print', '--apply'])).rejects.toThrow(/--print \| --apply/);
    await expect(command.run(['--shards', '32'])).rejects.toThrow(/usage/);
  });
});

describe.each(ENGINES)('applying on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('refuses to apply where Citus is not installed, saying why', async () => {
    const { code, text } = await captured(() => applyDistribution(database));
    expect(code).toBe(1);
    expect(text).toMatch(
      engine === 'pglite' ? /Citus runs on PostgreSQL/ : /citus extension is not installed/,
    );
  });
});
