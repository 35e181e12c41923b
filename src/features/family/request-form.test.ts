/**
 * Issue 18, on both engines: the family's long answers show the GOV.UK character count (its limit said in the page,
 * so it works without JavaScript) and keep what was typed when too long; a parent asking for a child the council does
 * not know yet finds their own address filled in where the council holds it, and another parent's is never shown.
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

describe.each(ENGINES)('the request form: character counts and a known address on %s', (engine) => {
  let t: TestApp;
  const la = '905';
  const emails: Record<string, string> = {};
  let childId = '';

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    await createAuthority(db, la);
    const parent = await createUser(db, la, 'parent');
    const newcomer = await createUser(db, la, 'parent');
    const child = await createChild(db, la, { givenName: 'Robin', familyName: 'Example' });
    childId = child.id;
    await grant(db, la, parent.id, child.id, 'parent');
    await db
      .insertInto('family_member')
      .values({
        la_code: la,
        child_id: child.id,
        given_name: 'Pat',
        family_name: 'Example',
        relationship: 'Mother',
        parental_responsibility: true,
        address_line: '4 Mill Lane',
        town: 'Northtown',
        postcode: 'NT1 2AB',
        contact_preference: 'letter',
        user_id: parent.id,
      })
      .execute();
    Object.assign(emails, { parent: parent.email, newcomer: newcomer.email });
  }, 120_000);
  afterAll(async () => t?.close());

  it('shows the character count on the long answers and keeps a too-long answer', async () => {
    const parent = new TestClient(t.app);
    await parent.signIn(emails.parent!, TEST_PASSWORD);
    await parent.submit('/request-assessment/child', { childId, detailsCorrect: 'yes' });
    const why = await parent.get('/request-assessment/why');
    expect(why.body).toContain('data-module="govuk-character-count"');
    expect(why.body).toContain('data-maxlength="5000"');
    expect(why.body).toContain('You can enter up to 5000 characters');
    const long = 'word '.repeat(1001).trim() + 'x';
    const refused = await parent.submit('/request-assessment/why', { why: long });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Why you are asking must be 5,000 characters or fewer');
    expect(refused.body).toContain('data-module="govuk-character-count"');
    expect(refused.body).toContain(long);
    await parent.submit('/request-assessment/why', { why: 'Reading is hard' });
    expect((await parent.get('/request-assessment/support')).body).toContain(
      'You can enter up to 5000 characters',
    );
    await parent.submit('/request-assessment/support', { support: 'none' });
    const involved = await parent.get('/request-assessment/involved');
    expect(involved.body).toContain('data-maxlength="2000"');
    expect(involved.body).toContain('You can enter up to 2000 characters');
  });

  it("fills in the parent's own address for a new child, and no one else's", async () => {
    const parent = new TestClient(t.app);
    await parent.signIn(emails.parent!, TEST_PASSWORD);
    const r = await parent.submit('/request-assessment/child', { childId: 'new' });
    expect(r.headers.location).toBe('/request-assessment/new-child');
    const form = await parent.get('/request-assessment/new-child');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="4 Mill Lane, Northtown"');
    expect(form.body).toContain('value="NT1 2AB"');
    // what they type instead is kept, not replaced by the address on record
    const changed = await parent.submit('/request-assessment/new-child', {
      givenName: 'Kit',
      addressLine: '9 New Road, Southtown',
      postcode: 'NOT A POSTCODE',
    });
    expect(changed.statusCode).toBe(400);
    expect(changed.body).toContain('value="9 New Road, Southtown"');
    expect(changed.body).not.toContain('4 Mill Lane');

    const newcomer = new TestClient(t.app);
    await newcomer.signIn(emails.newcomer!, TEST_PASSWORD);
    await newcomer.submit('/request-assessment/child', { childId: 'new' });
    const theirs = await newcomer.get('/request-assessment/new-child');
    expect(theirs.statusCode).toBe(200);
    expect(theirs.body).not.toContain('4 Mill Lane');
    expect(theirs.body).not.toContain('NT1 2AB');
  });
});
