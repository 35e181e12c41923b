import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLink, checkLinks, DEFAULT_USER_AGENT } from './link-checker.ts';

/** A local test server on 127.0.0.1 and a random port; counts requests and how many are open at once. */
interface TestServer {
  readonly server: Server;
  readonly base: string;
  readonly hits: Map<string, number>;
  readonly methods: string[];
  readonly userAgents: Set<string>;
  readonly concurrency: { now: number; max: number };
}

function handler(t: Omit<TestServer, 'server' | 'base'>) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    t.hits.set(path, (t.hits.get(path) ?? 0) + 1);
    t.methods.push(`${req.method} ${path}`);
    t.userAgents.add(req.headers['user-agent'] ?? '');
    const send = (status: number, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'text/plain', ...headers });
      res.end(req.method === 'HEAD' ? undefined : `status ${status}`);
    };
    const redirect = (status: number, location: string) => send(status, { location });

    if (path === '/ok') return send(200);
    if (path === '/missing') return send(404);
    if (path === '/server-error') return send(500);
    if (path === '/moved-permanently') return redirect(301, '/ok');
    if (path === '/moved-for-now') return redirect(302, '/chain/2');
    if (path === '/chain/2') return redirect(307, '/chain/3');
    if (path === '/chain/3') return redirect(308, '/ok');
    if (path === '/moved-to-missing') return redirect(301, '/missing');
    if (path === '/loop/a') return redirect(302, '/loop/b');
    if (path === '/loop/b')
      return redirect(302, `http://127.0.0.1:${(req.socket.localPort ?? 0).toString()}/loop/a`);
    if (path === '/long') {
      const n = Number(url.searchParams.get('n') ?? '0');
      return redirect(302, `/long?n=${n + 1}`);
    }
    if (path === '/no-head') return req.method === 'HEAD' ? send(405, { allow: 'GET' }) : send(200);
    if (path === '/head-not-implemented') return req.method === 'HEAD' ? send(501) : send(200);
    if (path === '/redirect-to-hang') return redirect(302, '/hang');
    if (path === '/hang') return; // never answers
    if (path === '/slow') {
      t.concurrency.now++;
      t.concurrency.max = Math.max(t.concurrency.max, t.concurrency.now);
      setTimeout(() => {
        t.concurrency.now--;
        send(200);
      }, 60);
      return;
    }
    send(404);
  };
}

async function startServer(): Promise<TestServer> {
  const state = {
    hits: new Map<string, number>(),
    methods: [] as string[],
    userAgents: new Set<string>(),
    concurrency: { now: 0, max: 0 },
  };
  const server = createServer(handler(state));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${port}`, ...state };
}

async function stopServer(t: TestServer): Promise<void> {
  t.server.closeAllConnections(); // the /hang requests are still open
  await new Promise<void>((resolve, reject) => t.server.close((err) => (err ? reject(err) : resolve())));
}

const NOW = new Date('2026-03-01T09:00:00.000Z');
// Generous for answers that come (CI machines are busy); the hang tests set their own short time-out.
const fast = { timeoutMs: 2000, now: () => NOW };

let a: TestServer;
let b: TestServer;
beforeAll(async () => {
  a = await startServer();
  b = await startServer();
});
afterAll(async () => {
  await stopServer(a);
  await stopServer(b);
});

describe('checkLink', () => {
  it('says ok for a 200, with the time it was checked, using HEAD', async () => {
    const result = await checkLink(`${a.base}/ok`, fast);
    expect(result).toMatchObject({
      url: `${a.base}/ok`,
      status: 'ok',
      httpStatus: 200,
      method: 'HEAD',
      redirects: [],
      checkedAt: '2026-03-01T09:00:00.000Z',
    });
    expect(result).not.toHaveProperty('finalUrl');
    expect(a.userAgents.has(DEFAULT_USER_AGENT)).toBe(true);
  });

  it('says broken with the status code for a 404 and a 500', async () => {
    expect(await checkLink(`${a.base}/missing`, fast)).toMatchObject({ status: 'broken', httpStatus: 404 });
    expect(await checkLink(`${a.base}/server-error`, fast)).toMatchObject({
      status: 'broken',
      httpStatus: 500,
    });
  });

  it('follows a permanent redirect and says so, so the owner can update the link', async () => {
    expect(await checkLink(`${a.base}/moved-permanently`, fast)).toMatchObject({
      status: 'redirected',
      httpStatus: 200,
      finalUrl: `${a.base}/ok`,
      permanent: true,
      redirects: [{ url: `${a.base}/moved-permanently`, status: 301 }],
    });
  });

  it('follows a chain of temporary redirects (302, 307, 308) and says the first was not permanent', async () => {
    expect(await checkLink(`${a.base}/moved-for-now`, fast)).toMatchObject({
      status: 'redirected',
      finalUrl: `${a.base}/ok`,
      permanent: false,
      redirects: [
        { url: `${a.base}/moved-for-now`, status: 302 },
        { url: `${a.base}/chain/2`, status: 307 },
        { url: `${a.base}/chain/3`, status: 308 },
      ],
    });
  });

  it('says broken when a redirect ends at a 404, with where it ended', async () => {
    expect(await checkLink(`${a.base}/moved-to-missing`, fast)).toMatchObject({
      status: 'broken',
      httpStatus: 404,
      finalUrl: `${a.base}/missing`,
      permanent: true,
    });
  });

  it('stops a redirect loop', async () => {
    const result = await checkLink(`${a.base}/loop/a`, fast);
    expect(result).toMatchObject({ status: 'error', error: 'Redirect loop', finalUrl: `${a.base}/loop/a` });
    expect(result.redirects.map((r) => r.url)).toEqual([`${a.base}/loop/a`, `${a.base}/loop/b`]);
  });

  it('gives up after the redirect cap', async () => {
    const result = await checkLink(`${a.base}/long`, { ...fast, maxRedirects: 3 });
    expect(result).toMatchObject({ status: 'error', error: 'Too many redirects (more than 3)' });
    expect(result.redirects).toHaveLength(4);
  });

  it('falls back to GET when a server refuses HEAD with 405 or 501', async () => {
    expect(await checkLink(`${a.base}/no-head`, fast)).toMatchObject({
      status: 'ok',
      httpStatus: 200,
      method: 'GET',
    });
    expect(await checkLink(`${a.base}/head-not-implemented`, fast)).toMatchObject({
      status: 'ok',
      method: 'GET',
    });
    expect(a.methods.filter((m) => m.endsWith(' /no-head'))).toEqual(['HEAD /no-head', 'GET /no-head']);
  });

  it('times out a server that never answers, within the time-out', async () => {
    const result = await checkLink(`${a.base}/hang`, { ...fast, timeoutMs: 300 });
    expect(result).toMatchObject({ status: 'timeout', error: 'No answer within 0.3 seconds' });
    expect(result.durationMs).toBeGreaterThanOrEqual(250);
    expect(result.durationMs).toBeLessThan(3000);
  });

  it('times out after a redirect, saying where it got to', async () => {
    expect(await checkLink(`${a.base}/redirect-to-hang`, { ...fast, timeoutMs: 300 })).toMatchObject({
      status: 'timeout',
      finalUrl: `${a.base}/hang`,
    });
  });

  it('says error when the connection is refused', async () => {
    const closed = await startServer();
    const base = closed.base;
    await stopServer(closed);
    expect(await checkLink(`${base}/ok`, fast)).toMatchObject({
      status: 'error',
      error: 'The website refused the connection (ECONNREFUSED)',
    });
  });

  it('says error, without any request, for an address that is not a web link', async () => {
    expect(await checkLink('not a url', fast)).toMatchObject({
      status: 'error',
      error: 'Not a valid web address',
    });
    expect(await checkLink('mailto:help@dunmarsh-sendiass.example.org', fast)).toMatchObject({
      status: 'error',
      error: 'Not a web link (mailto:)',
    });
  });
});

describe('checkLinks', () => {
  it('checks a list, in order, once per distinct URL', async () => {
    const before = a.hits.get('/missing') ?? 0;
    const urls = [`${a.base}/ok`, `${a.base}/missing`, `${a.base}/moved-permanently`, `${a.base}/missing`];
    const results = await checkLinks(urls, fast);
    expect(results.map((r) => [r.url, r.status])).toEqual([
      [`${a.base}/ok`, 'ok'],
      [`${a.base}/missing`, 'broken'],
      [`${a.base}/moved-permanently`, 'redirected'],
      [`${a.base}/missing`, 'broken'],
    ]);
    expect(results[1]).toBe(results[3]);
    expect((a.hits.get('/missing') ?? 0) - before).toBe(1);
  });

  it('keeps to the per-host and overall limits, and uses them', async () => {
    a.concurrency.max = 0;
    b.concurrency.max = 0;
    const urls = Array.from({ length: 6 }, (_, i) => [
      `${a.base}/slow?i=${i}`,
      `${b.base}/slow?i=${i}`,
    ]).flat();
    const results = await checkLinks(urls, { ...fast, concurrency: 3, perHost: 2 });
    expect(results.every((r) => r.status === 'ok')).toBe(true);
    expect(a.concurrency.max).toBe(2);
    expect(b.concurrency.max).toBeLessThanOrEqual(2);
    expect(a.concurrency.max + b.concurrency.max).toBeGreaterThanOrEqual(3);
  });

  it('allows only one at a time to a host when asked', async () => {
    a.concurrency.max = 0;
    const urls = Array.from({ length: 4 }, (_, i) => `${a.base}/slow?one=${i}`);
    await checkLinks(urls, { ...fast, perHost: 1 });
    expect(a.concurrency.max).toBe(1);
  });

  it('finishes a list that includes a hanging link by the time-out', async () => {
    const started = performance.now();
    const results = await checkLinks([`${a.base}/hang`, `${a.base}/ok`, `${b.base}/hang`], {
      ...fast,
      timeoutMs: 300,
    });
    expect(results.map((r) => r.status)).toEqual(['timeout', 'ok', 'timeout']);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('refuses nonsense limits', async () => {
    await expect(checkLinks([], { concurrency: 0 })).rejects.toThrow(
      'concurrency and perHost must be at least 1',
    );
  });
});
