/** The figures pages: every figure as of a day, and the children behind one number. Handlers parse, ask, render. */
import type { FastifyInstance } from 'fastify';
import { isMeasureId } from '../../domain/figures/index.ts';
import type { RouteDeps } from '../../platform/feature.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/web/app.ts';
import { paths } from '../../platform/web/paths.ts';
import type { FiguresService } from './service.ts';
import { BrokenRequestError } from '../../platform/web/input.ts';
import { sendCsv } from '../../platform/web/spreadsheet.ts';
import {
  childrenCountingView,
  childrenCsv,
  childrenView,
  figuresCountingView,
  figuresErrorView,
  figuresView,
  readQuery,
} from './view-models.ts';

export function figuresRoutes(app: FastifyInstance, { service }: RouteDeps<FiguresService>): void {
  const todayOf = () => service.today();

  app.get(paths.figures.index, async (request, reply) => {
    const actor = actorOf(request);
    const read = readQuery(request.query, todayOf());
    if (!read.ok) {
      service.mayRead(actor);
      reply.code(400);
      return reply.view('figures/index.njk', figuresErrorView(read.errors, read.values));
    }
    const data = await service.figures(actor, read.query);
    if (!data.ready) return reply.view('figures/index.njk', figuresCountingView(read.query, read.values));
    return reply.view('figures/index.njk', figuresView(data, read.query, read.values));
  });

  app.get(paths.figures.measurePattern, async (request, reply) => {
    const actor = actorOf(request);
    const id = (request.params as Record<string, string>).measure;
    if (!isMeasureId(id)) throw new NotFoundError();
    const read = readQuery(request.query, todayOf());
    if (!read.ok) {
      service.mayRead(actor);
      reply.code(400);
      return reply.view('figures/children.njk', {
        ...childrenView(id, null, { asOf: todayOf(), show: 'all', page: 1 }),
        pageTitle: 'Error: figures',
        errors: read.errors,
        values: read.values,
      });
    }
    const data = await service.children(actor, id, read.query);
    if (!data.ready)
      return reply.view('figures/children.njk', childrenCountingView(id, read.query, read.values));
    return reply.view('figures/children.njk', { ...childrenView(id, data, read.query), values: read.values });
  });

  app.get(paths.figures.csvPattern, async (request, reply) => {
    const actor = actorOf(request);
    const id = (request.params as Record<string, string>).measure;
    if (!isMeasureId(id)) throw new NotFoundError();
    service.mayRead(actor);
    const read = readQuery(request.query, todayOf());
    if (!read.ok) throw new BrokenRequestError('The figures’ query is broken');
    const data = await service.childrenExport(actor, id, read.query);
    // The day is not counted yet: its children's page says it is being counted.
    if (!data) return reply.redirect(request.url.replace('/children.csv', ''), 303);
    return sendCsv(reply, `${id}-${data.asOf}.csv`, childrenCsv(id, data));
  });
}
