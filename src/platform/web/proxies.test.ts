/**
 * Forwarded headers are believed only from the configured proxies (issue 16 item 3; the review's D2: production
 * trusted any client's X-Forwarded-For, so the sign-in limit was bypassed and the audit log recorded a made-up address).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { loadConfig } from '../config.ts';

/** Production needs its own key for second-factor secrets. */
const TEST_KEY = 'ab'.repeat(32);
import { createJobs } from '../jobs/jobs.ts';
import { buildApp } from './app.ts';

describe('trusted proxies', () => {
  let database: TestDatabase;
  const apps: FastifyInstance[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await database?.close();
  });

  async function appWith(env: Record<string, string>) {
    const config = loadConfig({
      COOKIE_SECRET: 'proxy-test-secret-proxy-test-secret',
      SECOND_FACTOR_KEY: TEST_KEY,
      ...env,
    });
    const app = await buildApp({
      database,
      config,
      jobs: createJobs(database),
      logger: false,
      routes: [
        (a) => {
          a.get('/ip', (request, reply) => reply.send({ ip: request.ip }));
        },
      ],
    });
    apps.push(app);
    return async (remoteAddress: string, forwarded?: string) =>
      (
        await app.inject({
          method: 'GET',
          url: '/ip',
          remoteAddress,
          headers: { accept: 'application/json', ...(forwarded ? { 'x-forwarded-for': forwarded } : {}) },
        })
      ).json<{ ip: string }>().ip;
  }

  it('in production without TRUSTED_PROXIES, believes no forwarded header', async () => {
    const ip = await appWith({ NODE_ENV: 'production' });
    expect(await ip('10.0.0.5', '203.0.113.7')).toBe('10.0.0.5');
  });

  it('believes X-Forwarded-For only when the connection comes from a configured proxy', async () => {
    const ip = await appWith({ NODE_ENV: 'production', TRUSTED_PROXIES: '10.0.0.1, 192.168.0.0/16' });
    expect(await ip('10.0.0.1', '203.0.113.7')).toBe('203.0.113.7');
    expect(await ip('192.168.4.4', '203.0.113.8')).toBe('203.0.113.8');
    expect(await ip('10.0.0.5', '203.0.113.7')).toBe('10.0.0.5');
    // A client behind the proxy adding its own X-Forwarded-For gets the address the proxy saw, not its claim.
    expect(await ip('10.0.0.1', '198.51.100.77, 203.0.113.9')).toBe('203.0.113.9');
  });

  it('refuses a TRUSTED_PROXIES that is not addresses, naming the entry', () => {
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.1,everyone' })).toThrow('not "everyone"');
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow('not "10.0.0.0/33"');
    expect(loadConfig({ TRUSTED_PROXIES: ' ::1 , 10.0.0.0/8 ' }).trustedProxies).toEqual([
      '::1',
      '10.0.0.0/8',
    ]);
  });
});
