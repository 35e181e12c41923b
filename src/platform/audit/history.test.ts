import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/db.ts';
import { createAuthority } from '../../../test/helpers/factories.ts';
import { AUDIT_HISTORY_FROM, auditHistory, type PastAuditEntry } from './history.ts';

const LA = '902';
const entry = (at: string, action = 'child.read'): PastAuditEntry => ({
  at: new Date(at),
  userId: null,
  sessionId: 's1',
  ip: '192.0.2.10',
  action,
  recordType: 'child',
});
const count = (database: TestDatabase) =>
  database.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('la_code', '=', LA)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));

describe.each(ENGINES)('past audit entries (the demo’s history) on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await createAuthority(database.db, LA);
  });
  afterAll(() => database?.close());

  it('writes entries dated from 1 September 2014 to the last day (in London), oldest first, as given', async () => {
    expect(AUDIT_HISTORY_FROM).toBe('2014-09-01');
    const written = await auditHistory(database.db, LA, '2026-06-30', [
      entry('2026-06-30T22:59:00Z', 'sign-out'), // 23:59 in London, still the last day
      entry('2014-08-31T23:00:00Z', 'sign-in'), // midnight in London: 1 September 2014
      entry('2020-03-02T10:00:00Z'),
    ]);
    expect(written).toBe(3);
    const rows = await database.db
      .selectFrom('audit_log')
      .select(['at', 'action', 'session_id', 'ip', 'record_type'])
      .where('la_code', '=', LA)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['sign-in', 'child.read', 'sign-out']);
    expect(rows[1]).toMatchObject({ session_id: 's1', ip: '192.0.2.10', record_type: 'child' });
    expect(new Date(rows[1]!.at).toISOString()).toBe('2020-03-02T10:00:00.000Z');
  });

  it('refuses, writing nothing, an entry before EHC plans began or after the last day', async () => {
    const before = await count(database);
    await expect(
      auditHistory(database.db, LA, '2026-06-30', [
        entry('2020-01-01T10:00:00Z'),
        entry('2014-08-31T22:59:00Z'),
      ]),
    ).rejects.toThrow(/2014-08-31 is outside 2014-09-01 to 2026-06-30/);
    await expect(
      auditHistory(database.db, LA, '2026-06-30', [entry('2026-06-30T23:00:00Z')]), // 1 July in London
    ).rejects.toThrow(/2026-07-01 is outside/);
    await expect(auditHistory(database.db, LA, '2026-06-30', [entry('not a date')])).rejects.toThrow(
      /no date is outside/,
    );
    expect(await count(database)).toBe(before);
  });
});
