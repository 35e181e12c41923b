/**
 * The demo contract's access promises, on the real demo data: each demo account reaches exactly its own children.
 * parent2@ must not reach parent@'s child by URL, and so on for every role.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { TestClient } from '../../test/helpers/client.ts';
import { ENGINES } from '../../test/helpers/db.ts';
import { DEMO_ACCOUNTS, DEMO_LA_CODE, DEMO_PASSWORD } from './accounts.ts';

describe.each(ENGINES)('demo accounts reach only their own children on %s', (engine) => {
  let t: TestApp;
  const childOf: Record<string, string> = {};
  const clients = new Map<string, TestClient>();

  beforeAll(async () => {
    t = await createTestApp(engine, {}, { image: 'demo' });
    const rows = await t.database.db
      .selectFrom('access_grant as g')
      .innerJoin('app_user as u', (j) =>
        j.onRef('u.la_code', '=', 'g.la_code').onRef('u.id', '=', 'g.user_id'),
      )
      .select(['u.email', 'g.child_id'])
      .where('g.la_code', '=', DEMO_LA_CODE)
      .where('u.email', 'in', ['parent@demo.example', 'parent2@demo.example', 'youngperson@demo.example'])
      .execute();
    for (const row of rows) childOf[row.email] = row.child_id;
    for (const account of DEMO_ACCOUNTS) {
      const client = new TestClient(t.app);
      await client.signIn(account.email, DEMO_PASSWORD);
      clients.set(account.email, client);
    }
  });
  afterAll(() => t?.close());

  const status = async (email: string, childKey: string) =>
    (await clients.get(email)!.get(`/children/${childOf[childKey]}`)).statusCode;

  it('links parent@, parent2@ and youngperson@ to three different children', () => {
    const ids = new Set(Object.values(childOf));
    expect(ids.size).toBe(3);
  });

  it('parent2@ cannot reach parent@’s child by URL, nor the other way round', async () => {
    expect(await status('parent2@demo.example', 'parent@demo.example')).toBe(404);
    expect(await status('parent@demo.example', 'parent2@demo.example')).toBe(404);
    expect(await status('parent@demo.example', 'parent@demo.example')).toBe(200);
    expect(await status('parent2@demo.example', 'parent2@demo.example')).toBe(200);
  });

  it('the young person reaches only their own record', async () => {
    expect(await status('youngperson@demo.example', 'youngperson@demo.example')).toBe(200);
    expect(await status('youngperson@demo.example', 'parent@demo.example')).toBe(404);
  });

  it('casework staff reach every child; the editor and administrator none', async () => {
    for (const email of ['caseworker@demo.example', 'manager@demo.example', 'leader@demo.example']) {
      expect(await status(email, 'parent@demo.example'), email).toBe(200);
    }
    // Roles refused child records altogether get 403, audited (ADR 0013).
    for (const email of ['editor@demo.example', 'admin@demo.example']) {
      expect(await status(email, 'parent@demo.example'), email).toBe(403);
    }
  });

  it('ep@ and health@ advise on parent@’s child; socialcare@ reaches only children it was asked about', async () => {
    expect(await status('ep@demo.example', 'parent@demo.example')).toBe(200);
    expect(await status('health@demo.example', 'parent@demo.example')).toBe(200);
    const socialcare = await t.database.db
      .selectFrom('access_grant as g')
      .innerJoin('app_user as u', (j) =>
        j.onRef('u.la_code', '=', 'g.la_code').onRef('u.id', '=', 'g.user_id'),
      )
      .select('g.child_id')
      .where('u.email', '=', 'socialcare@demo.example')
      .execute();
    const allowed = new Set(socialcare.map((r) => r.child_id));
    const other = await t.database.db
      .selectFrom('child')
      .select('id')
      .where('la_code', '=', DEMO_LA_CODE)
      .where('id', 'not in', [...allowed])
      .limit(1)
      .executeTakeFirstOrThrow();
    expect((await clients.get('socialcare@demo.example')!.get(`/children/${other.id}`)).statusCode).toBe(404);
  });
});
