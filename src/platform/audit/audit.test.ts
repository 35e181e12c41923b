import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/db.ts';
import { createAuthority } from '../../../test/helpers/factories.ts';
import { audit } from './audit.ts';

describe.each(ENGINES)('the audit log on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await createAuthority(database.db, '901');
    await audit(
      database.db,
      { laCode: '901', userId: null, sessionId: null, ip: '127.0.0.1' },
      {
        action: 'test.write',
        recordType: 'test',
        detail: { n: 1 },
      },
    );
  });
  afterAll(() => database?.close());

  it('keeps what was written', async () => {
    const row = await database.db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
    expect(row.action).toBe('test.write');
    expect(row.detail).toEqual({ n: 1 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    await expect(database.db.updateTable('audit_log').set({ action: 'changed' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(database.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
    const { n } = await database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(1);
  });
});
