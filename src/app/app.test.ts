/** The platform's pages and headers: health, static assets, GOV.UK error pages, and nothing leaked on a crash. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../test/helpers/db.ts';
import { loadConfig } from '../platform/config.ts';
import { createJobs, type Jobs } from '../platform/jobs/jobs.ts';
import { OutboxNotifier } from '../platform/notify/notify.ts';
import { buildWebApp } from './compose.ts';

describe.each(ENGINES)('the web platform on %s', (engine) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let jobs: Jobs;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const config = loadConfig({
      NODE_ENV: 'test',
      COOKIE_SECRET: 'platform-test-secret-platform-test-secret',
    });
    jobs = createJobs(database);
    await jobs.start({ workers: false });
    ({ app } = await buildWebApp({
      database,
      config,
      jobs,
      notifier: new OutboxNotifier(),
      logger: false,
      extraRoutes: [
        (a) => {
          a.get('/test-crash', () => {
            throw new Error('secret internal detail');
          });
        },
      ],
    }));
  });
  afterAll(async () => {
    await app?.close();
    await jobs?.stop();
    await database?.close();
  });

  it('reports health with the database engine', async () => {
    const response = await app.inject('/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: { engine, status: 'ok' } });
  });

  it('serves GOV.UK Frontend and its fonts itself, with caching, and nothing else from node_modules', async () => {
    const css = await app.inject('/static/govuk-frontend.min.css');
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toContain('text/css');
    expect(css.headers['cache-control']).toContain('max-age');
    const js = await app.inject('/static/govuk-frontend.min.js');
    expect(js.statusCode).toBe(200);
    const init = await app.inject('/static/init.js');
    expect(init.body).toContain('initAll');
    const icon = await app.inject('/assets/images/favicon.ico');
    expect(icon.statusCode).toBe(200);
    expect((await app.inject('/static/../package.json')).statusCode).toBe(404);
    expect((await app.inject('/static/index.scss')).statusCode).toBe(404);
  });

  it('answers an unknown page with the GOV.UK 404 page', async () => {
    const response = await app.inject('/no-such-page');
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Page not found');
    expect(response.body).toContain('<title>Page not found – Goldthread</title>');
  });

  it('answers a crash with the GOV.UK 500 page and reveals nothing of it', async () => {
    const response = await app.inject('/test-crash');
    expect(response.statusCode).toBe(500);
    expect(response.body).toContain('Sorry, there is a problem with the service');
    expect(response.body).not.toContain('secret internal detail');
    // No stack trace: neither the error's name nor a frame such as "at fn (/path/file.ts:12:3)".
    expect(response.body).not.toContain('Error:');
    expect(response.body).not.toMatch(/\bat \S.*:\d+:\d+/);
  });

  it('sends the security headers on every page', async () => {
    const response = await app.inject('/accessibility');
    expect(response.statusCode).toBe(200);
    expect(response.headers['strict-transport-security']).toContain('max-age=31536000');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['referrer-policy']).toBe('same-origin');
    expect(String(response.headers['content-security-policy'])).toContain("object-src 'none'");
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toContain('Accessibility statement for Goldthread');
  });

  it('shows the cookies page listing only essential cookies', async () => {
    const response = await app.inject('/cookies');
    expect(response.body).toContain('goldthread_session');
    expect(response.body).toContain('does not use cookies to track you');
  });
});
