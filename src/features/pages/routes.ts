import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppDeps } from '../../platform/web/app.ts';
import { paths } from '../../platform/web/paths.ts';

export function pageRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get(paths.accessibility, (_request, reply) =>
    reply.view('pages/accessibility.njk', { pageTitle: 'Accessibility statement' }),
  );
  app.get(paths.cookies, (_request, reply) => reply.view('pages/cookies.njk', { pageTitle: 'Cookies' }));

  app.get(paths.health, async (_request, reply) => {
    const started = performance.now();
    try {
      await sql`select 1`.execute(deps.database.db);
      return reply.send({
        status: 'ok',
        database: { engine: deps.database.engine, status: 'ok', ms: Math.round(performance.now() - started) },
      });
    } catch {
      return reply
        .code(503)
        .send({ status: 'error', database: { engine: deps.database.engine, status: 'error' } });
    }
  });
}
