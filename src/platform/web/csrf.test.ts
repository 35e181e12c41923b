/**
 * The CSRF token is tied to the session (issue 16 item 6; the review's D7: a token and cookie pair minted by an
 * anonymous visitor was accepted with another user's session), and its cookie has the `__Host-` prefix in production.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import type { Actor } from '../access/access.ts';
import { loadConfig } from '../config.ts';

/** Production needs its own key for second-factor secrets. */
const TEST_KEY = 'ab'.repeat(32);
import { createJobs } from '../jobs/jobs.ts';
import { buildApp, csrfToken } from './app.ts';

const actor = (sessionId: string) =>
  ({ sessionId, userId: 'u', laCode: '999', role: 'caseworker' }) as unknown as Actor;

describe('CSRF tokens', () => {
  let database: TestDatabase;
  const apps: FastifyInstance[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await database?.close();
  });

  /** An app whose signed-in user is named by the request's x-session header (a stand-in for the session cookie). */
  async function appWith(env: Record<string, string> = {}) {
    const app = await buildApp({
      database,
      config: loadConfig({
        COOKIE_SECRET: 'csrf-test-secret-csrf-test-secret',
        SECOND_FACTOR_KEY: TEST_KEY,
        ...env,
      }),
      jobs: createJobs(database),
      logger: false,
      currentUser: (request) => {
        const session = request.headers['x-session'];
        return typeof session === 'string' ? actor(session) : null;
      },
      routes: [
        (a) => {
          a.get('/form', (request, reply) => reply.send({ token: csrfToken(request, reply) }));
          a.post('/change', (_request, reply) => reply.send({ saved: true }));
        },
      ],
    });
    apps.push(app);
    const cookiesOf = (r: LightMyRequestResponse) => r.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    return {
      async form(session?: string) {
        const r = await app.inject({
          method: 'GET',
          url: '/form',
          headers: { accept: 'application/json', ...(session ? { 'x-session': session } : {}) },
        });
        return { token: r.json<{ token: string }>().token, cookie: cookiesOf(r), response: r };
      },
      async post(form: { token: string; cookie: string }, session?: string) {
        const r = await app.inject({
          method: 'POST',
          url: '/change',
          payload: new URLSearchParams({ _csrf: form.token }).toString(),
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            cookie: form.cookie,
            ...(session ? { 'x-session': session } : {}),
          },
        });
        return r.statusCode;
      },
    };
  }

  it('accepts a token only with the session it was made for', async () => {
    const app = await appWith();
    expect(await app.post(await app.form('victim'), 'victim')).toBe(200);
    expect(await app.post(await app.form(), undefined)).toBe(200);
    // The review's D7: a pair minted anonymously, sent with the victim's session.
    expect(await app.post(await app.form(), 'victim')).toBe(403);
    // Another session's token with that session's own cookie.
    expect(await app.post(await app.form('attacker'), 'victim')).toBe(403);
    // A signed-in user's token after the session ends (signed out): refused, the form is shown again.
    expect(await app.post(await app.form('victim'), undefined)).toBe(403);
  });

  it('names the cookie with the __Host- prefix in production, Secure, path /', async () => {
    const app = await appWith({ NODE_ENV: 'production' });
    const { response } = await app.form();
    const cookie = response.cookies.find((c) => c.name.includes('csrf'));
    expect(cookie).toMatchObject({ name: '__Host-goldthread_csrf', path: '/', secure: true, httpOnly: true });
    expect(cookie).not.toHaveProperty('domain');
    const dev = await (await appWith()).form();
    expect(dev.response.cookies.map((c) => c.name)).toEqual(['_csrf']);
  });
});
