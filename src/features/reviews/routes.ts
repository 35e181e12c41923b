/** The reviews pages (docs/reviews.md): the ranked backlog. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../platform/access/access.ts';
import type { RouteDeps } from '../../platform/feature.ts';
import { actorOf } from '../../platform/web/app.ts';
import { formValues } from '../../platform/web/forms.ts';
import { govukPagination } from '../../platform/web/pagination.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import type { ReviewsService } from './service.ts';

export const STAGE_LABELS = {
  'not-arranged': 'Not arranged',
  scheduled: 'Meeting date set',
  arranged: 'Invitations sent',
} as const;

const uuidOrNull = z
  .string()
  .optional()
  .transform((v) => (v && isUuid(v) ? v : null));

const backlogQuery = z.object({
  officer: uuidOrNull,
  school: uuidOrNull,
  stage: z.enum(['not-arranged', 'scheduled', 'arranged']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function reviewRoutes(app: FastifyInstance, { service }: RouteDeps<ReviewsService>): void {
  app.get(paths.reviews.backlog, async (request, reply) => {
    const actor = actorOf(request);
    const q = backlogQuery.parse(formValues(request.query));
    const result = await service.backlog(actor, {
      officerId: q.officer,
      settingId: q.school,
      stage: q.stage ?? null,
      page: q.page,
    });
    const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
    const link = (n: number) =>
      withQuery(paths.reviews.backlog, { officer: q.officer, school: q.school, stage: q.stage, page: n });
    return reply.view('reviews/backlog.njk', {
      pageTitle: 'Reviews due and overdue',
      result,
      stageLabels: STAGE_LABELS,
      filtered: q.officer !== null || q.school !== null || q.stage !== undefined,
      officerItems: [
        { value: '', text: 'Any officer' },
        ...result.officers.map((o) => ({ value: o.id, text: o.display_name, selected: o.id === q.officer })),
      ],
      settingItems: [
        { value: '', text: 'Any school or setting' },
        ...result.settings.map((s) => ({ value: s.id, text: s.name, selected: s.id === q.school })),
      ],
      stageItems: [
        { value: '', text: 'Any stage' },
        ...Object.entries(STAGE_LABELS).map(([value, text]) => ({
          value,
          text,
          selected: value === q.stage,
        })),
      ],
      pagination: govukPagination(result.page, pages, link),
    });
  });
}
