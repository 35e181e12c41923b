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
import { grantedChildrenCount, searchChildren } from '../../platform/people/children.ts';

describe.each(ENGINES)('children list and record on %s', (engine) => {
  let t: TestApp;
  let client: TestClient;
  let officer: { id: string };
  let child: { id: string };

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    const la = await createAuthority(db, '901');
    const caseworker = await createUser(db, la, 'caseworker');
    officer = await createUser(db, la, 'caseworker', { displayName: 'Olive Officer' });
    child = await createChild(db, la, { givenName: 'Mina', familyName: 'Moss', leadOfficerId: officer.id });
    for (let i = 0; i < 30; i++)
      await createChild(db, la, { familyName: `Zed${String(i).padStart(2, '0')}` });
    await createChild(db, la, { givenName: 'Percent', familyName: '100%_Match' });
    await db
      .insertInto('family_member')
      .values({
        la_code: la,
        child_id: child.id,
        given_name: 'Maya',
        family_name: 'Moss',
        relationship: 'mother',
        parental_responsibility: true,
        email: 'maya@example.com',
        contact_preference: 'text',
        preferred_language: 'Polish',
        needs_interpreter: true,
      })
      .execute();
    await db
      .insertInto('case_event')
      .values({ la_code: la, child_id: child.id, kind: 'plan-issued', summary: 'Plan first issued' })
      .execute();
    client = new TestClient(t.app);
    await client.signIn(caseworker.email, TEST_PASSWORD);
  });
  afterAll(() => t?.close());

  it('pages the list, 25 to a page, in name order', async () => {
    const first = await client.get('/children');
    expect(first.body).toContain('32 children and young people, page 1 of 2');
    expect(first.body).toContain('Mina Moss');
    const second = await client.get('/children?page=2');
    expect(second.body).toContain('page 2 of 2');
    expect(second.body).toContain('Zed29');
    const beyond = await client.get('/children?page=99');
    expect(beyond.body).toContain('page 2 of 2');
  });

  it('counts a first page that is not full by its length, and a full one or a later page by a count', async () => {
    const search = (pageSize: number, page = 1) =>
      searchChildren(t.database.db, { laCode: '901', page, pageSize });
    const row = (r: { rows: unknown[]; total: number; page: number; pages: number }) => ({
      rows: r.rows.length,
      total: r.total,
      page: r.page,
      pages: r.pages,
    });
    // 32 children: a page of 40 is every one; a page of 32 is full, so counted; 10 to a page is four pages.
    expect(row(await search(40))).toEqual({ rows: 32, total: 32, page: 1, pages: 1 });
    expect(row(await search(32))).toEqual({ rows: 32, total: 32, page: 1, pages: 1 });
    expect(row(await search(10))).toEqual({ rows: 10, total: 32, page: 1, pages: 4 });
    expect(row(await search(10, 4))).toEqual({ rows: 2, total: 32, page: 4, pages: 4 });
    expect(row(await search(10, 9))).toEqual({ rows: 2, total: 32, page: 4, pages: 4 });
    const none = await searchChildren(t.database.db, { laCode: '901', q: 'nobody', page: 1, pageSize: 10 });
    expect(row(none)).toEqual({ rows: 0, total: 0, page: 1, pages: 1 });
    // The same rows either way: the first page of 10 is the first 10 of every child, in name order.
    expect((await search(10)).rows.map((r) => r.id)).toEqual(
      (await search(40)).rows.slice(0, 10).map((r) => r.id),
    );
  });

  it("counts an adviser's children on their grants alone: the same total as their list", async () => {
    const db = t.database.db;
    const la = await createAuthority(db, '902'); // its own authority: the other tests count 901's children
    const adviser = await createUser(db, la, 'professional');
    const parent = await createUser(db, la, 'parent');
    const kids = await Promise.all(
      ['Ada', 'Bo', 'Cy', 'Di'].map((n) => createChild(db, la, { givenName: n, familyName: 'Granted' })),
    );
    for (const k of kids) await grant(db, la, adviser.id, k.id, 'adviser');
    const revoke = (childId: string) =>
      db
        .updateTable('access_grant')
        .set({ revoked_at: new Date() })
        .where('la_code', '=', la)
        .where('user_id', '=', adviser.id)
        .where('child_id', '=', childId)
        .execute();
    await revoke(kids[3]!.id); // revoked: not counted
    await revoke(kids[0]!.id); // revoked, then granted again: counted once
    await grant(db, la, adviser.id, kids[0]!.id, 'adviser');
    await grant(db, la, parent.id, kids[3]!.id, 'parent'); // another user's and kind's: not counted
    const listed = await searchChildren(db, {
      laCode: la,
      grantedTo: { userId: adviser.id, kind: 'adviser' },
      page: 1,
      pageSize: 2,
    });
    expect(listed.total).toBe(3);
    expect(await grantedChildrenCount(db, la, adviser.id, 'adviser')).toBe(listed.total);
    expect(await grantedChildrenCount(db, la, parent.id, 'parent')).toBe(1);
    expect(await grantedChildrenCount(db, la, parent.id, 'adviser')).toBe(0);
  });

  it('filters by name, officer and need, treating search text literally', async () => {
    expect((await client.get('/children?q=moss')).body).toContain('1 child or young person');
    expect((await client.get(`/children?officer=${officer.id}`)).body).toContain('Mina Moss');
    expect((await client.get('/children?officer=none')).body).toContain('31 children and young people');
    expect((await client.get('/children?need=ASD')).body).toContain('32 children');
    const literal = await client.get('/children?q=100%25_');
    expect(literal.body).toContain('1 child or young person');
    expect(literal.body).toContain('100%_Match');
  });

  it('explains bad filters, keeps them in the form, and still lists', async () => {
    const response = await client.get(`/children?q=${'x'.repeat(101)}&need=XYZ&officer=bogus`);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Search must be 100 characters or fewer');
    expect(response.body).toContain('Choose a primary need from the list');
    expect(response.body).toContain('Choose an officer from the list');
    const hostile = await client.get('/children?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(hostile.body).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(hostile.body).not.toContain('<script>alert(1)</script>');
  });

  it('shows the record: details, named officer and team, family with contact preferences, history', async () => {
    const response = await client.get(`/children/${child.id}`);
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain('Mina Moss');
    expect(body).toContain('Your named officer is Olive Officer');
    expect(body).toContain('Maya Moss, mother');
    expect(body).toContain('Polish (needs an interpreter)');
    expect(body).toContain('Plan first issued');
    expect(body).toContain('Autistic spectrum disorder');
  });
});
