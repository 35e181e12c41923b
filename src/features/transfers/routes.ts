/** The cohort board's page: handlers parse, ask the service, render. */
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../platform/feature.ts';
import { actorOf } from '../../platform/web/app.ts';
import { paths } from '../../platform/web/paths.ts';
import type { TransfersService } from './service.ts';
import { boardView, readBoardQuery } from './view-models.ts';

export function transferRoutes(app: FastifyInstance, { service }: RouteDeps<TransfersService>): void {
  app.get(paths.transfers.board, async (request, reply) => {
    const q = readBoardQuery(request.query);
    const board = await service.board(actorOf(request), q);
    return reply.view('transfers/board.njk', boardView(board, q));
  });
}
