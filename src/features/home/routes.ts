import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/web/app.ts';
import { paths } from '../../platform/web/paths.ts';
import { paginationItems } from '../../platform/web/pagination.ts';
import { PLAN_STATUS_LABELS, PRIMARY_NEED_LABELS } from '../children/service.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { editorHome, providerHome } from '../local-offer/service.ts';
import { workspacePage, teamPage } from '../assessments/routes.ts';
import { tasksPage } from '../advice/routes.ts';
import { familyHome } from '../family/routes.ts';
import { adminHome, caseworkerHome, leaderHome, linkedChildrenHome, managerHome } from './service.ts';

export function homeRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(paths.home, async (request, reply) => {
    const actor = request.actor;
    const common = { needLabels: PRIMARY_NEED_LABELS, planLabels: PLAN_STATUS_LABELS };
    if (!actor) return reply.view('home/start.njk', { pageTitle: 'Goldthread' });
    switch (actor.role) {
      case 'caseworker': {
        const data = await caseworkerHome(db, actor, 1);
        return reply.view('home/caseworker.njk', {
          pageTitle: 'Your assessments',
          ...common,
          ...(await workspacePage(db, actor, request.query, paths.home)),
          childrenTotal: data.children.total,
        });
      }
      case 'team-manager':
        return reply.view('home/manager.njk', {
          pageTitle: 'Your team',
          ...common,
          ...(await teamPage(db, actor)),
          values: {},
          childrenOverview: await managerHome(db, actor),
        });
      case 'send-leader':
        return reply.view('home/leader.njk', {
          pageTitle: 'Your area',
          ...common,
          ...(await leaderHome(db, actor)),
        });
      case 'professional':
        return reply.view('home/professional.njk', {
          pageTitle: 'Advice asked of you',
          ...common,
          ...(await tasksPage(db, actor, request.query, paths.home)),
          ...(await linkedChildrenHome(db, actor)),
        });
      case 'parent':
      case 'young-person':
        return reply.view('home/family.njk', {
          pageTitle: actor.role === 'parent' ? 'Your child' : 'Your plan',
          ...common,
          ...(await linkedChildrenHome(db, actor)),
          assessments: await familyHome(db, actor),
          canRequest: true,
        });
      case 'local-offer-editor':
        return reply.view('home/editor.njk', {
          pageTitle: 'Local Offer',
          ...(await editorHome(db, actor, todayInLondon())),
        });
      case 'local-offer-provider': {
        const page = Math.max(1, Number((request.query as Record<string, string>).page) || 1);
        const data = await providerHome(db, actor, todayInLondon(), page);
        const link = (p: number) => `${paths.home}?page=${p}`;
        return reply.view('home/provider.njk', {
          pageTitle: 'Your Local Offer entries',
          ...data,
          pagination: {
            previous: page > 1 ? { href: link(page - 1) } : undefined,
            next: page < data.services.pages ? { href: link(page + 1) } : undefined,
            items: paginationItems(page, data.services.pages, link),
          },
        });
      }
      case 'administrator':
        return reply.view('home/admin.njk', { pageTitle: 'Administration', ...(await adminHome(db, actor)) });
    }
  });
}
