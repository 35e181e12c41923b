import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { setUpClosing } from './shutdown.ts';

/** A server with a quick page and a slow one that answers when `finish` is called. */
async function serve(graceMs: number) {
  const app = Fastify();
  setUpClosing(app, graceMs);
  let finish = () => {};
  const started = new Promise<void>((resolve) => {
    app.get('/slow', async () => {
      resolve();
      await new Promise<void>((done) => (finish = done));
      return 'finished';
    });
  });
  app.get('/', () => 'hello');
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  return { app, port, started, finish: () => finish() };
}

/** A connection that has sent nothing, as a browser's preconnect. */
async function spareConnection(port: number) {
  const socket = connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.on('error', () => {});
  return socket;
}

describe('closing the server', () => {
  let open: FastifyInstance | undefined;
  afterEach(async () => {
    open?.server.closeAllConnections();
    await open?.close();
    open = undefined;
  });

  it('does not wait on a connection that never sent a request (it would wait past the test timeout)', async () => {
    const { app, port } = await serve(600_000);
    open = app;
    const socket = await spareConnection(port);
    const ended = new Promise((resolve) => socket.once('close', resolve));
    await app.close();
    await ended;
    expect(socket.destroyed).toBe(true);
  });

  it('ends idle keep-alive connections after their answer', async () => {
    const { app, port } = await serve(600_000);
    open = app;
    const answer = await fetch(`http://127.0.0.1:${port}/`);
    expect(await answer.text()).toBe('hello');
    await app.close();
  });

  it('lets a request in flight finish with its answer', async () => {
    const { app, port, started, finish } = await serve(600_000);
    open = app;
    const answer = fetch(`http://127.0.0.1:${port}/slow`).then((r) => r.text());
    await started;
    const closed = app.close();
    finish();
    expect(await answer).toBe('finished');
    await closed;
  });

  it('ends a request still running when the grace is over', async () => {
    const { app, port, started } = await serve(50);
    open = app;
    const answer = fetch(`http://127.0.0.1:${port}/slow`).then(
      () => 'answered',
      () => 'cut off',
    );
    await started;
    await app.close();
    expect(await answer).toBe('cut off');
  });
});
