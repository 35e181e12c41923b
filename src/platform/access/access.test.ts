/**
 * Every role's access to child records and administration, including what each must not see.
 * Denials answer 404 for records (so their existence is not revealed) and are audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import {
  createAuthority,
  createChild,
  createUser,
  grant,
  TEST_PASSWORD,
} from '../../../test/helpers/factories.ts';
import type { Role } from '../db/schema/index.ts';

describe.each(ENGINES)('access control on %s', (engine) => {
  let t: TestApp;
  const users = {} as Record<string, { id: string; email: string }>;
  const children = {} as Record<'a' | 'b' | 'yp' | 'other', { id: string }>;
  const clients = new Map<string, TestClient>();

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    const la = await createAuthority(db, '901');
    const otherLa = await createAuthority(db, '902');
    const roles: Array<[string, Role]> = [
      ['caseworker', 'caseworker'],
      ['manager', 'team-manager'],
      ['leader', 'send-leader'],
      ['professional', 'professional'],
      ['parentA', 'parent'],
      ['parentB', 'parent'],
      ['youngPerson', 'young-person'],
      ['editor', 'local-offer-editor'],
      ['admin', 'administrator'],
    ];
    for (const [key, role] of roles) users[key] = await createUser(db, la, role);
    users.otherCaseworker = await createUser(db, otherLa, 'caseworker');
    children.a = await createChild(db, la, {
      givenName: 'Alpha',
      familyName: 'Able',
      leadOfficerId: users.caseworker!.id,
    });
    children.b = await createChild(db, la, { givenName: 'Bravo', familyName: 'Baker' });
    children.yp = await createChild(db, la, {
      givenName: 'Yankee',
      familyName: 'Young',
      dateOfBirth: '2008-01-01',
    });
    children.other = await createChild(db, otherLa, { givenName: 'Oscar', familyName: 'Other' });
    await grant(db, la, users.professional!.id, children.a.id, 'adviser');
    await grant(db, la, users.parentA!.id, children.a.id, 'parent');
    await grant(db, la, users.parentB!.id, children.b.id, 'parent');
    await grant(db, la, users.youngPerson!.id, children.yp.id, 'young-person');
    for (const [key, user] of Object.entries(users)) {
      const client = new TestClient(t.app);
      await client.signIn(user.email, TEST_PASSWORD);
      clients.set(key, client);
    }
  });
  afterAll(() => t?.close());

  const status = async (who: string, url: string) => (await clients.get(who)!.get(url)).statusCode;

  const expectations: Array<[string, { a: number; b: number; yp: number; other: number }]> = [
    ['caseworker', { a: 200, b: 200, yp: 200, other: 404 }],
    ['manager', { a: 200, b: 200, yp: 200, other: 404 }],
    ['leader', { a: 200, b: 200, yp: 200, other: 404 }],
    ['professional', { a: 200, b: 404, yp: 404, other: 404 }],
    ['parentA', { a: 200, b: 404, yp: 404, other: 404 }],
    ['parentB', { a: 404, b: 200, yp: 404, other: 404 }],
    ['youngPerson', { a: 404, b: 404, yp: 200, other: 404 }],
    // Roles that may not read child records at all get 403, audited (ADR 0013); a record the role may read but this
    // user may not see answers 404.
    ['editor', { a: 403, b: 403, yp: 403, other: 403 }],
    ['admin', { a: 403, b: 403, yp: 403, other: 403 }],
    ['otherCaseworker', { a: 404, b: 404, yp: 404, other: 200 }],
  ];

  it.each(expectations)('%s sees exactly the child records it should', async (who, expected) => {
    const actual = {
      a: await status(who, `/children/${children.a.id}`),
      b: await status(who, `/children/${children.b.id}`),
      yp: await status(who, `/children/${children.yp.id}`),
      other: await status(who, `/children/${children.other.id}`),
    };
    expect(actual).toEqual(expected);
  });

  it('parentB cannot reach parentA’s child by URL, and the attempt is audited as denied', async () => {
    const response = await clients.get('parentB')!.get(`/children/${children.a.id}`);
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Page not found');
    expect(response.body).not.toContain('Alpha');
    const denied = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'outcome', 'record_id'])
      .where('user_id', '=', users.parentB!.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toContainEqual({
      action: 'child.read.denied',
      outcome: 'denied',
      record_id: children.a.id,
    });
  });

  it('records every read of a child record in the audit log', async () => {
    await clients.get('caseworker')!.get(`/children/${children.b.id}`);
    const reads = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'child_id', 'session_id'])
      .where('user_id', '=', users.caseworker!.id)
      .where('action', '=', 'child.read')
      .execute();
    expect(reads.some((r) => r.child_id === children.b.id && r.session_id)).toBe(true);
  });

  it('answers 404 for a malformed record id and audits it', async () => {
    expect(await status('caseworker', '/children/not-a-uuid')).toBe(404);
    const denied = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'outcome', 'record_id', 'detail'])
      .where('user_id', '=', users.caseworker!.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toContainEqual({
      action: 'child.read.denied',
      outcome: 'denied',
      record_id: null,
      detail: { requested: 'not-a-uuid' },
    });
  });

  it('lists only linked children to professionals and families, and none to the editor', async () => {
    const list = (await clients.get('professional')!.get('/children')).body;
    expect(list).toContain('Alpha Able');
    expect(list).not.toContain('Bravo Baker');
    const parentHome = (await clients.get('parentB')!.get('/')).body;
    expect(parentHome).toContain('Bravo Baker');
    expect(parentHome).not.toContain('Alpha Able');
    expect(await status('editor', '/children')).toBe(403);
    expect(await status('admin', '/children')).toBe(403);
    const staffList = (await clients.get('caseworker')!.get('/children')).body;
    expect(staffList).toContain('Alpha Able');
    expect(staffList).toContain('Bravo Baker');
    expect(staffList).not.toContain('Oscar Other');
  });

  it.each(['caseworker', 'manager', 'leader', 'professional', 'parentA', 'youngPerson', 'editor'])(
    '%s cannot use user administration or the audit log',
    async (who) => {
      expect(await status(who, '/admin/users')).toBe(403);
      expect(await status(who, '/admin/users/new')).toBe(403);
      expect(await status(who, '/admin/audit')).toBe(403);
      expect(await status(who, `/admin/users/${users.caseworker!.id}`)).toBe(403);
    },
  );

  it('the administrator can use user administration and the audit log', async () => {
    expect(await status('admin', '/admin/users')).toBe(200);
    expect(await status('admin', '/admin/audit')).toBe(200);
  });

  it('sends someone not signed in to sign in, keeping where they were going', async () => {
    const response = await new TestClient(t.app).get(`/children/${children.a.id}`);
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(
      `/sign-in?returnTo=${encodeURIComponent(`/children/${children.a.id}`)}`,
    );
  });
});
