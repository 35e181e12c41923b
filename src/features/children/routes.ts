import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PRIMARY_NEEDS } from '../../platform/db/schema/index.ts';
import type { AppDeps } from '../../platform/web/app.ts';
import { actorOf } from '../../platform/web/app.ts';
import { formValues, toFormErrors } from '../../platform/web/forms.ts';
import { paginationItems } from '../../platform/web/pagination.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { getChildRecord, listChildren, PLAN_STATUS_LABELS, PRIMARY_NEED_LABELS } from './service.ts';

const filterSchema = z.object({
  q: z
    .string()
    .trim()
    .max(100, { error: 'Search must be 100 characters or fewer' })
    .optional()
    .transform((v) => v || undefined),
  need: z
    .union([z.literal(''), z.enum(PRIMARY_NEEDS, { error: 'Choose a primary need from the list' })], {
      error: 'Choose a primary need from the list',
    })
    .optional()
    .transform((v) => v || undefined),
  officer: z
    .union([z.literal(''), z.literal('none'), z.uuid({ error: 'Choose an officer from the list' })], {
      error: 'Choose an officer from the list',
    })
    .optional()
    .transform((v) => v || undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function childrenRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(paths.children.list, async (request, reply) => {
    const actor = actorOf(request);
    const values = formValues(request.query);
    const parsed = filterSchema.safeParse(values);
    const filters = parsed.success ? parsed.data : { page: 1 };
    const errors = parsed.success ? undefined : toFormErrors(parsed.error.issues, ['q', 'need', 'officer']);
    const officerFilter = 'officer' in filters ? filters.officer : undefined;
    const result = await listChildren(db, actor, {
      ...filters,
      officer: officerFilter === 'none' ? undefined : officerFilter,
      unallocated: officerFilter === 'none',
    });
    const officers = ['caseworker', 'team-manager', 'send-leader'].includes(actor.role)
      ? await db
          .selectFrom('app_user')
          .select(['id', 'display_name'])
          .where('la_code', '=', actor.laCode)
          .where('role', 'in', ['caseworker', 'team-manager'])
          .where('active', '=', true)
          .orderBy('display_name')
          .execute()
      : [];
    const pageLink = (page: number) =>
      withQuery(paths.children.list, { q: values.q, need: values.need, officer: values.officer, page });
    if (errors) reply.code(400);
    return reply.view('children/list.njk', {
      pageTitle: 'Children and young people',
      values,
      errors,
      result,
      officers,
      needLabels: PRIMARY_NEED_LABELS,
      planLabels: PLAN_STATUS_LABELS,
      pagination: {
        previous: result.page > 1 ? { href: pageLink(result.page - 1) } : undefined,
        next: result.page < result.pages ? { href: pageLink(result.page + 1) } : undefined,
        items: paginationItems(result.page, result.pages, pageLink),
      },
      needItems: [
        { value: '', text: 'Any' },
        ...PRIMARY_NEEDS.map((n) => ({
          value: n,
          text: PRIMARY_NEED_LABELS[n],
          selected: values.need === n,
        })),
      ],
      officerItems: [
        { value: '', text: 'Any' },
        { value: 'none', text: 'No named officer', selected: values.officer === 'none' },
        ...officers.map((o) => ({ value: o.id, text: o.display_name, selected: values.officer === o.id })),
      ],
    });
  });

  app.get(paths.children.pattern, async (request, reply) => {
    const actor = actorOf(request);
    const { childId } = request.params as { childId: string };
    const record = await db.transaction().execute((trx) => getChildRecord(trx, actor, childId));
    return reply.view('children/show.njk', {
      pageTitle: `${record.child.given_name} ${record.child.family_name}`,
      ...record,
      needLabels: PRIMARY_NEED_LABELS,
      planLabels: PLAN_STATUS_LABELS,
      backLink: ['parent', 'young-person'].includes(actor.role) ? paths.home : paths.children.list,
    });
  });
}
