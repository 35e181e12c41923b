/**
 * Learning actions' pages (ADR 0047): what was learnt and where it went, and raising one from a theme, an item or a
 * tribunal appeal, linked to an action in the improvement plan. Team managers and SEND leaders. Handlers parse, ask
 * the service, render.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { newFormToken } from '../../platform/change/once.ts';
import type { RouteDeps } from '../../platform/feature.ts';
import { actorOf } from '../../platform/web/app.ts';
import { handleForm, type FormErrors } from '../../platform/web/forms.ts';
import { labelled, selectItems } from '../../platform/web/items.ts';
import { govukPagination } from '../../platform/web/pagination.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { THEME_LABELS, THEMES } from '../../domain/register/index.ts';
import { parseLearning } from './learning-forms.ts';
import type { RegisterService } from './service.ts';

type Values = Record<string, string>;
const sourceSchema = z.object({
  item: z.uuid().optional().catch(undefined),
  appeal: z.uuid().optional().catch(undefined),
});
const pageSchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

export function learningRoutes(app: FastifyInstance, { service }: RouteDeps<RegisterService>): void {
  app.get(paths.register.learning, async (request, reply) => {
    const { page } = pageSchema.parse(request.query);
    const data = await service.learning(actorOf(request), page);
    return reply.view('register/learning-list.njk', {
      pageTitle: 'Learning actions: what we learnt and where it went',
      backLink: paths.register.counts,
      ...data,
      newHref: paths.register.learningNew,
      pagination: govukPagination(page, data.pages, (p) => withQuery(paths.register.learning, { page: p })),
    });
  });

  const renderNew = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors?: FormErrors,
  ) => {
    const q = sourceSchema.parse(request.query);
    const data = await service.learningForm(actorOf(request), { itemId: q.item, appealId: q.appeal });
    return reply.view('register/learning-new.njk', {
      pageTitle: 'Raise a learning action',
      backLink: data.source?.href ?? paths.register.learning,
      action: withQuery(paths.register.learningNew, { item: q.item, appeal: q.appeal }),
      source: data.source,
      values,
      errors,
      formToken: newFormToken(),
      themeItems: selectItems(labelled(THEMES, THEME_LABELS), values.theme, { any: 'Select a theme' }),
      actionItems: selectItems(
        data.actions.map((a) => ({ value: a.id, text: `${a.ref}: ${a.action} (${a.planTitle})` })),
        values.actionId,
        { any: 'Select an action' },
      ),
      noActions: !data.actions.length,
      improvementHref: paths.improvement.index,
    });
  };
  app.get(paths.register.learningNew, (request, reply) => renderNew(request, reply, {}));
  app.post(paths.register.learningNew, (request, reply) => {
    const q = sourceSchema.parse(request.query);
    const fromSource = Boolean(q.item || q.appeal);
    return handleForm(request.body, reply, {
      parse: (values: Values) => parseLearning(values, fromSource),
      submit: (data) =>
        service.raiseLearning(
          actorOf(request),
          { ...data, itemId: q.item, appealId: q.appeal },
          data.formToken,
        ),
      render: (values, errors) => renderNew(request, reply, values, errors),
      success: () => withQuery(paths.register.learning, { done: 'raised' }),
    });
  });
}
