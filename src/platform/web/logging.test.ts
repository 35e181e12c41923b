import Fastify from 'fastify';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from './logging.ts';

/** A Fastify app with the service's log options, its log written to lines we can read. */
async function appLogging() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const app = Fastify({ logger: { ...loggerOptions('info'), stream } });
  app.get('/children/:id', () => {
    const err = Object.assign(new Error('insert into audit_log failed'), {
      code: '22021',
      detail: 'the value typed was Sam Tester',
    });
    throw err;
  });
  await app.ready();
  return { app, lines };
}

describe('the service log holds no personal data', () => {
  it('logs a request by its route, status and time: no address, id, query, header or cookie', async () => {
    const { app, lines } = await appLogging();
    const response = await app.inject({
      method: 'GET',
      url: '/children/5f0a4f0e-0000-4000-8000-000000000001?q=Hollins',
      headers: { cookie: 'goldthread_session=secret-session-id', 'user-agent': 'a phone' },
      remoteAddress: '203.0.113.9',
    });
    expect(response.statusCode).toBe(500);
    const log = lines.join('\n');
    expect(log).toContain('/children/:id');
    expect(log).toContain('"statusCode":500');
    expect(log).toContain('insert into audit_log failed');
    for (const secret of [
      '203.0.113.9',
      'secret-session-id',
      'Hollins',
      '5f0a4f0e',
      'a phone',
      'remotePort',
    ]) {
      expect(log).not.toContain(secret);
    }
    await app.close();
  });
});
