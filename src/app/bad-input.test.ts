/**
 * No 500 on bad input (issue 16 item 5; the review's D6 a to e): NUL characters, malformed ids, truncated multipart
 * bodies, repeated moderation and header-breaking characters each answer with the GOV.UK error pattern (or 400 for a
 * broken request), and store nothing. The fuzz test over every form is `fuzz.ts` (one test file per engine).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { TestClient } from '../../test/helpers/client.ts';
import { countRows } from '../../test/helpers/db.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { paths } from '../platform/web/paths.ts';

const PROBLEM = 'Sorry, there is a problem with your request';

describe('bad input (demo authority, PGlite)', () => {
  let t: TestApp;
  const clients: Record<string, TestClient> = {};

  beforeAll(async () => {
    t = await createTestApp('pglite', {}, { image: 'demo' });
    for (const who of ['editor', 'manager', 'leader', 'caseworker']) {
      clients[who] = new TestClient(t.app);
      await clients[who].signIn(`${who}@demo.example`, DEMO_PASSWORD);
    }
  }, 180_000);
  afterAll(async () => t?.close());

  function multipart(fields: Record<string, string>, cut: boolean) {
    const boundary = '----goldthread-bad-input';
    const parts = Object.entries(fields)
      .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join('');
    const file = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello`;
    return {
      payload: cut ? `${parts}${file}` : `${parts}${file}\r\n--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    };
  }

  it('answers 400 to a multipart body cut short or without a boundary, on any route (D6d)', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/sign-in' });
    const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const fields = { _csrf: TestClient.csrfFrom(page.body), email: 'a@b.example', password: 'x', body: 'x' };
    const comments = await countRows(t.database.db, 'local_offer_feedback');
    for (const url of ['/sign-in', '/local-offer/comments', '/children', '/no-such-page']) {
      const cut = multipart(fields, true);
      const r = await t.app.inject({
        method: 'POST',
        url,
        payload: cut.payload,
        headers: { ...cut.headers, cookie },
      });
      expect(r.statusCode, url).toBe(400);
      expect(r.body, url).toContain(PROBLEM);
      const noBoundary = await t.app.inject({
        method: 'POST',
        url,
        payload: 'x',
        headers: { 'content-type': 'multipart/form-data', cookie },
      });
      expect(noBoundary.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(noBoundary.statusCode, url).toBeLessThan(500);
    }
    expect(await countRows(t.database.db, 'local_offer_feedback')).toBe(comments);
  });

  it('answers 400 to a NUL character in a field, a query or a path, and stores nothing (D6a)', async () => {
    const before = await countRows(t.database.db, 'local_offer_feedback');
    const anonymous = new TestClient(t.app);
    for (const [form, fields] of [
      ['/local-offer/comments', { body: 'a\u0000b' }],
      ['/local-offer/report-a-problem', { body: 'a\u0000b', pagePath: '/local-offer' }],
    ] as const) {
      const r = await anonymous.submit(form, fields);
      expect(r.statusCode, form).toBe(400);
      expect(r.body, form).toContain(PROBLEM);
    }
    expect(await countRows(t.database.db, 'local_offer_feedback')).toBe(before);
    const cw = clients.caseworker!;
    expect((await cw.get('/children?q=a%00b')).statusCode).toBe(400);
    expect((await cw.get('/children/%00')).statusCode).toBe(400);
  });

  it('answers a malformed id in a form as a record that does not exist, not 500 (D6b)', async () => {
    const feedback = await t.database.db
      .selectFrom('local_offer_feedback')
      .select('id')
      .executeTakeFirstOrThrow();
    const r = await clients.editor!.submit(
      paths.localOffer.manage.feedback,
      { triage: 'publishable', youSaidId: 'x' },
      paths.localOffer.manage.triage(feedback.id),
    );
    expect(r.statusCode).toBe(404);
    expect(r.body).toContain('Page not found');
  });

  it('answers 409, not 500, to an invalid moderation of an audit already moderated (D6c)', async () => {
    const done = await t.database.db
      .selectFrom('plan_audit')
      .select('moderates_id')
      .where('moderates_id', 'is not', null)
      .executeTakeFirstOrThrow();
    const audits = await countRows(t.database.db, 'plan_audit');
    for (const who of ['manager', 'leader']) {
      const r = await clients[who]!.submit(
        '/',
        { overall: '' },
        paths.planAudits.moderate(done.moderates_id!),
      );
      expect(r.statusCode, who).toBe(409);
      expect(r.body, who).toContain('This audit cannot be moderated by you');
    }
    expect(await countRows(t.database.db, 'plan_audit')).toBe(audits);
  });

  it('never lets CR or LF reach a header (D6e)', async () => {
    for (const trick of ['%2F%0A%2Fx', '%2F%0D%0ASet-Cookie%3A%20x%3Dy']) {
      const r = await clients.caseworker!.get(`/sign-in?returnTo=${trick}`);
      expect(r.statusCode, trick).toBeLessThan(500);
      expect(r.headers['set-cookie'] ?? '', trick).not.toContain('x=y');
    }
  });
});
