/**
 * Closing the server without waiting on connections that carry nothing (found by the restart browser test, issue 18
 * item 8). A browser opens spare connections ahead of need (Chromium preconnects); Node's `server.close()` ends idle
 * keep-alive connections but waits on a connection that has not yet sent a request, so `app.close()` hung for as long
 * as the browser kept one open: a restart, or a deploy's graceful stop, waited on nothing. On close this ends every
 * connection that never carried a request, lets requests in flight finish, and after `graceMs` ends whatever is left.
 */
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/** How long requests in flight may run on after the service is asked to stop. */
export const CLOSE_GRACE_MS = 10_000;

export function setUpClosing(app: FastifyInstance, graceMs = CLOSE_GRACE_MS): void {
  const unused = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    unused.add(socket);
    socket.once('close', () => unused.delete(socket));
  });
  app.server.on('request', (request: IncomingMessage) => unused.delete(request.socket));
  app.addHook('preClose', (done) => {
    for (const socket of unused) socket.destroy();
    const cutOff = setTimeout(() => app.server.closeAllConnections(), graceMs);
    cutOff.unref();
    app.server.once('close', () => clearTimeout(cutOff));
    done();
  });
}
