import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/web/app.ts';
import { paths } from '../../platform/web/paths.ts';
import { paginationItems } from '../children/routes.ts';
import { PLAN_STATUS_LABELS, PRIMARY_NEED_LABELS } from '../children/service.ts';
import { adminHome, caseworkerHome, leaderHome, linkedChildrenHome, managerHome } from './service.ts';

export function homeRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(paths.home, async (request, reply) => {
    const actor = request.actor;
    const common = { needLabels: PRIMARY_NEED_LABELS, planLabels: PLAN_STATUS_LABELS };
    if (!actor) return reply.view('home/start.njk', { pageTitle: 'Goldthread' });
    switch (actor.role) {
      case 'caseworker': {
        const page = Math.max(1, Number((request.query as Record<string, string>).page) || 1);
        const data = await caseworkerHome(db, actor, page);
        const link = (p: number) => `${paths.home}?page=${p}`;
        return reply.view('home/caseworker.njk', {
          pageTitle: 'Your children and young people',
          ...common,
          ...data,
          pagination: {
            previous: data.children.page > 1 ? { href: link(data.children.page - 1) } : undefined,
            next:
              data.children.page < data.children.pages ? { href: link(data.children.page + 1) } : undefined,
            items: paginationItems(data.children.page, data.children.pages, link),
          },
        });
      }
      case 'team-manager':
        return reply.view('home/manager.njk', {
          pageTitle: 'Your team',
          ...common,
          ...(await managerHome(db, actor)),
        });
      case 'send-leader':
        return reply.view('home/leader.njk', {
          pageTitle: 'Your area',
          ...common,
          ...(await leaderHome(db, actor)),
        });
      case 'professional':
        return reply.view('home/professional.njk', {
          pageTitle: 'Children you advise on',
          ...common,
          ...(await linkedChildrenHome(db, actor)),
        });
      case 'parent':
      case 'young-person':
        return reply.view('home/family.njk', {
          pageTitle: actor.role === 'parent' ? 'Your child' : 'Your plan',
          ...common,
          ...(await linkedChildrenHome(db, actor)),
        });
      case 'local-offer-editor':
        return reply.view('home/editor.njk', { pageTitle: 'Local Offer' });
      case 'administrator':
        return reply.view('home/admin.njk', { pageTitle: 'Administration', ...(await adminHome(db, actor)) });
    }
  });
}
