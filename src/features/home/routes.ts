/** The home page: each role's first screen, from the home service. */
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../platform/access/access.ts';
import type { RouteDeps } from '../../platform/feature.ts';
import { govukPagination } from '../../platform/web/pagination.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { PLAN_STATUS_LABELS, PRIMARY_NEED_LABELS } from '../children/index.ts';
import { schoolListView } from '../consultation/index.ts';
import type { HomeService } from './service.ts';
import { dueNext } from './due-next.ts';
import { todayInLondon } from '../../platform/web/views.ts';

const labels = { needLabels: PRIMARY_NEED_LABELS, planLabels: PLAN_STATUS_LABELS };

/** Each role's page: its template and its view model. */
async function homePage(
  service: HomeService,
  actor: Actor,
  query: Record<string, string>,
): Promise<[string, object]> {
  switch (actor.role) {
    case 'caseworker':
      return [
        'caseworker',
        { pageTitle: 'Your assessments', ...labels, ...(await service.caseworker(actor, query)) },
      ];
    case 'team-manager':
      return [
        'manager',
        { pageTitle: 'Your team', ...labels, ...(await service.manager(actor)), values: {} },
      ];
    case 'send-leader':
      return ['leader', { pageTitle: 'Your area', ...labels, ...(await service.leader(actor)) }];
    case 'professional': {
      const data = await service.professional(actor, query);
      const consultations = schoolListView(data.consultations);
      const due = dueNext(data.tasks, data.reviewAdvice.rows, todayInLondon());
      return ['professional', { pageTitle: 'Advice asked of you', ...labels, ...data, consultations, due }];
    }
    case 'parent':
    case 'young-person': {
      const pageTitle = actor.role === 'parent' ? 'Your child' : 'Your plan';
      return ['family', { pageTitle, ...labels, ...(await service.family(actor)), canRequest: true }];
    }
    case 'local-offer-editor':
      return ['editor', { pageTitle: 'Local Offer', ...(await service.editor(actor)) }];
    case 'local-offer-provider': {
      const page = Math.max(1, Number(query.page) || 1);
      const data = await service.provider(actor, page);
      const pagination = govukPagination(page, data.services.pages, (p) =>
        withQuery(paths.home, { page: p }),
      );
      return ['provider', { pageTitle: 'Your Local Offer entries', ...data, pagination }];
    }
    case 'administrator':
      return ['admin', { pageTitle: 'Administration', ...(await service.admin(actor)) }];
  }
}

export function homeRoutes(app: FastifyInstance, { service }: RouteDeps<HomeService>): void {
  app.get(paths.home, async (request, reply) => {
    if (!request.actor) return reply.view('home/start.njk', { pageTitle: 'Goldthread' });
    const [template, view] = await homePage(service, request.actor, request.query as Record<string, string>);
    await service.auditShown(request.actor, view);
    return reply.view(`home/${template}.njk`, view);
  });
}
