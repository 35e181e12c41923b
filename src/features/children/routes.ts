/** The children pages: the list each role may see and a child's record. Handlers parse, ask the service, render. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PRIMARY_NEEDS } from '../../platform/db/schema/index.ts';
import type { RouteDeps } from '../../platform/feature.ts';
import { actorOf } from '../../platform/web/app.ts';
import { formValues, toFormErrors } from '../../platform/web/forms.ts';
import { paths } from '../../platform/web/paths.ts';
import { PLAN_STATUS_LABELS, type ChildrenService } from './service.ts';

const PLAN_STATUSES = Object.keys(PLAN_STATUS_LABELS) as Array<keyof typeof PLAN_STATUS_LABELS>;
import { childListView, childRecordView } from './view-models.ts';

const filterSchema = z.object({
  q: z
    .string()
    .trim()
    .max(100, { error: 'Search must be 100 characters or fewer' })
    .optional()
    .transform((v) => v || undefined),
  need: z
    .union(
      [
        z.literal(''),
        z.literal('missing'),
        z.enum(PRIMARY_NEEDS, { error: 'Choose a primary need from the list' }),
      ],
      { error: 'Choose a primary need from the list' },
    )
    .optional()
    .transform((v) => v || undefined),
  officer: z
    .union([z.literal(''), z.literal('none'), z.uuid({ error: 'Choose an officer from the list' })], {
      error: 'Choose an officer from the list',
    })
    .optional()
    .transform((v) => v || undefined),
  status: z
    .union(
      [
        z.literal(''),
        z.literal('open'),
        z.enum(PLAN_STATUSES, { error: 'Choose a plan status from the list' }),
      ],
      { error: 'Choose a plan status from the list' },
    )
    .optional()
    .transform((v) => v || undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function childrenRoutes(app: FastifyInstance, { service }: RouteDeps<ChildrenService>): void {
  app.get(paths.children.list, async (request, reply) => {
    const actor = actorOf(request);
    const values = formValues(request.query);
    const parsed = filterSchema.safeParse(values);
    const filters = parsed.success ? parsed.data : { page: 1, officer: undefined, need: undefined };
    const errors = parsed.success
      ? undefined
      : toFormErrors(parsed.error.issues, ['q', 'need', 'status', 'officer']);
    const result = await service.list(actor, {
      ...filters,
      need: filters.need === 'missing' ? undefined : filters.need,
      needMissing: filters.need === 'missing',
      officer: filters.officer === 'none' ? undefined : filters.officer,
      unallocated: filters.officer === 'none',
    });
    const officers = await service.officers(actor);
    await service.auditShown(
      actor,
      result.rows.map((r) => r.id),
    );
    if (errors) reply.code(400);
    return reply.view('children/list.njk', childListView({ values, errors, result, officers }));
  });

  app.get(paths.children.pattern, async (request, reply) => {
    const actor = actorOf(request);
    const { childId } = request.params as { childId: string };
    return reply.view('children/show.njk', childRecordView(await service.record(actor, childId), actor));
  });
}
