import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { describeFault } from '../../platform/db/faults.ts';
import type { AppDeps } from '../../platform/web/app.ts';
import { paths } from '../../platform/web/paths.ts';

export function pageRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get(paths.accessibility, (_request, reply) =>
    reply.view('pages/accessibility.njk', { pageTitle: 'Accessibility statement' }),
  );
  app.get(paths.cookies, (_request, reply) => reply.view('pages/cookies.njk', { pageTitle: 'Cookies' }));

  // Says what is wrong, for a load balancer and the person on call: whether the database answers now (and if not,
  // why), and the connection faults and job errors seen since the start (how many, the last one). Never any data.
  app.get(paths.health, async (_request, reply) => {
    const started = performance.now();
    const { engine, faults } = deps.database;
    const seen = (log: typeof faults) => ({
      faults: log.count,
      ...(log.last ? { lastFault: log.last } : {}),
    });
    const jobs = { status: 'ok', ...seen(deps.jobs.faults) };
    try {
      await sql`select 1`.execute(deps.database.db);
      const ms = Math.round(performance.now() - started);
      return reply.send({ status: 'ok', database: { engine, status: 'ok', ms, ...seen(faults) }, jobs });
    } catch (err) {
      return reply.code(503).send({
        status: 'error',
        database: { engine, status: 'unavailable', error: describeFault(err), ...seen(faults) },
        jobs,
      });
    }
  });
}
