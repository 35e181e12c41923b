/**
 * The register's pages. Staff: the register, recording an item, one item with its moves, its owner and themes, the
 * s42 task done, the authority's policy, the leaders' counts and "You said, we did". Families signed in: their items
 * and raising one. Anyone: a general concern, complaint or compliment, and the published "You said, we did".
 * Handlers parse, ask the service, render.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { newFormToken } from '../../platform/change/once.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { RouteDeps } from '../../platform/feature.ts';
import { actorOf } from '../../platform/web/app.ts';
import { dateInputValues, handleForm, type FormErrors } from '../../platform/web/forms.ts';
import { labelled, radioItems, selectItems } from '../../platform/web/items.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { ITEM_KINDS, KIND_LABELS, THEME_LABELS, THEMES } from '../../domain/register/index.ts';
import {
  FAMILY_KINDS,
  isAction,
  parseAction,
  parseFamilyItem,
  parsePolicy,
  parsePublicItem,
  parseStaffItem,
  parseYouSaid,
  PUBLIC_KINDS,
  themesFrom,
} from './forms.ts';
import { LEADERS } from './items.ts';
import type { RegisterService } from './service.ts';
import { learningRoutes } from './learning-routes.ts';
import { resolutionRoutes } from './resolution-routes.ts';
import { surveyRoutes } from './survey-routes.ts';
import {
  ACTION_LABELS,
  channelItems,
  familyItemView,
  familyResolutionsView,
  itemView,
  kindRadioItems,
  listView,
  outcomeItems,
  themeItems,
} from './view-models.ts';

type Values = Record<string, string>;
const param = (request: FastifyRequest, name: string) =>
  (request.params as Record<string, string>)[name] ?? '';
const query = (request: FastifyRequest) => request.query as Record<string, string | undefined>;

const listSchema = z.object({
  status: z.enum(['open', 'overdue', 'closed']).optional().catch(undefined),
  kind: z.enum(ITEM_KINDS).optional().catch(undefined),
  theme: z.enum(THEMES).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

const countsSchema = z.object({
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
});

const FAMILY_KIND_LABELS = {
  ...KIND_LABELS,
  concern: 'A concern or question',
  complaint: 'A complaint',
  'provision-not-delivered': 'Support in the plan (section F) is not being given',
  compliment: 'A compliment or thanks',
};

export function registerRoutes(app: FastifyInstance, deps: RouteDeps<RegisterService>): void {
  const { service } = deps;
  surveyRoutes(app, deps);
  resolutionRoutes(app, deps);
  learningRoutes(app, deps);
  // ------------------------------------------------------------------------------------------- the register
  app.get(paths.register.list, async (request, reply) => {
    const filters = listSchema.parse(query(request));
    const data = await service.list(actorOf(request), filters, filters.page);
    return reply.view('register/list.njk', {
      ...listView(data, filters),
      leader: LEADERS.includes(actorOf(request).role),
    });
  });

  const renderNew = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors?: FormErrors,
  ) => {
    const { child } = await service.recordForm(actorOf(request), query(request).child);
    const shown: Values = { childReference: child?.reference ?? '', ...values };
    return reply.view('register/new.njk', {
      pageTitle: 'Record what a family raised',
      backLink: paths.register.list,
      values: shown,
      errors,
      formToken: newFormToken(),
      kindItems: kindRadioItems(ITEM_KINDS, shown.kind),
      channelItems: channelItems(shown.channel),
      themeItems: themeItems(values.themes ? values.themes.split(',') : []),
      action: withQuery(paths.register.new, { child: child?.id }),
    });
  };
  app.get(paths.register.new, (request, reply) => renderNew(request, reply, {}));
  app.post(paths.register.new, (request, reply) =>
    handleForm(request.body, reply, {
      parse: parseStaffItem,
      keep: (values) => ({ ...values, themes: themesFrom(request.body).join(',') }),
      submit: (data) => service.record(actorOf(request), data, data.formToken),
      render: (values, errors) => renderNew(request, reply, values, errors),
      success: (id) => (id ? withQuery(paths.register.item(id), { done: 'recorded' }) : paths.register.list),
    }),
  );

  const renderItem = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors?: FormErrors,
  ) => {
    const data = await service.item(actorOf(request), param(request, 'itemId'));
    return reply.view('register/item.njk', { ...itemView(data, query(request).done), values, errors });
  };
  app.get(paths.register.itemPattern, (request, reply) => renderItem(request, reply, {}));

  app.post(paths.register.taskDonePattern, (request, reply) =>
    handleForm(request.body, reply, {
      parse: z.object({
        note: z
          .string({ error: 'Enter what was done to put the provision right' })
          .trim()
          .min(1, { error: 'Enter what was done to put the provision right' })
          .max(2000, { error: 'What was done must be 2000 characters or fewer' }),
      }),
      fields: ['note'],
      submit: (data) => service.taskDone(actorOf(request), param(request, 'itemId'), data.note),
      render: (values, errors) => renderItem(request, reply, values, errors),
      success: () => withQuery(paths.register.item(param(request, 'itemId')), { done: 'task' }),
    }),
  );

  const renderCode = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values | null,
    errors?: FormErrors,
  ) => {
    const data = await service.item(actorOf(request), param(request, 'itemId'));
    const shown = values ?? { ownerId: data.item.owner_id ?? '', themes: data.themes.join(',') };
    return reply.view('register/code.njk', {
      pageTitle: `Owner and themes: ${data.item.reference}`,
      backLink: paths.register.item(data.item.id),
      action: paths.register.code(data.item.id),
      values: shown,
      errors,
      ownerItems: selectItems(
        data.officers.map((o) => ({ value: o.id, text: o.name })),
        shown.ownerId,
        { any: 'Not yet assigned' },
      ),
      themeItems: themeItems(shown.themes ? shown.themes.split(',') : []),
    });
  };
  app.get(paths.register.codePattern, (request, reply) => renderCode(request, reply, null));
  app.post(paths.register.codePattern, (request, reply) =>
    handleForm(request.body, reply, {
      parse: (values: Values) => ({
        ok: true,
        data: { ownerId: values.ownerId || null, themes: themesFrom(request.body) },
      }),
      keep: (values) => ({ ...values, themes: themesFrom(request.body).join(',') }),
      submit: (data) => service.code(actorOf(request), param(request, 'itemId'), data),
      render: (values, errors) => renderCode(request, reply, values, errors),
      success: () => withQuery(paths.register.item(param(request, 'itemId')), { done: 'coded' }),
    }),
  );

  const renderAction = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors?: FormErrors,
  ) => {
    const action = param(request, 'action');
    if (!isAction(action)) throw new NotFoundError();
    const data = await service.item(actorOf(request), param(request, 'itemId'));
    return reply.view('register/action.njk', {
      pageTitle: ACTION_LABELS[action],
      caption: `${data.item.kindLabel} ${data.item.reference}`,
      backLink: paths.register.item(data.item.id),
      formAction: paths.register.action(data.item.id, action),
      answering: action === 'answer' || action === 'answer-stage-2',
      staged: data.item.kind === 'complaint' || data.item.kind === 'provision-not-delivered',
      values: { ...dateInputValues('on', data.today), ...values },
      errors,
      outcomeItems: outcomeItems(values.outcome),
    });
  };
  app.get(paths.register.actionPattern, (request, reply) => renderAction(request, reply, {}));
  app.post(paths.register.actionPattern, async (request, reply) => {
    const action = param(request, 'action');
    if (!isAction(action)) throw new NotFoundError();
    return handleForm(request.body, reply, {
      parse: (values: Values) => parseAction(action, values),
      submit: (data) => service.act(actorOf(request), param(request, 'itemId'), action, data),
      render: (values, errors) => renderAction(request, reply, values, errors),
      success: () => withQuery(paths.register.item(param(request, 'itemId')), { done: action }),
    });
  });

  // ------------------------------------------------------------------------------------------- policy
  const renderPolicy = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values | null,
    errors?: FormErrors,
  ) => {
    const { policy, isDefault } = await service.policy(actorOf(request));
    const shown = values ?? Object.fromEntries(Object.entries(policy).map(([k, v]) => [k, String(v)]));
    return reply.view('register/policy.njk', {
      pageTitle: 'Complaints policy: response times',
      backLink: paths.home,
      values: shown,
      errors,
      isDefault,
      saved: query(request).done === 'saved',
    });
  };
  app.get(paths.register.policy, (request, reply) => renderPolicy(request, reply, null));
  app.post(paths.register.policy, (request, reply) =>
    handleForm(request.body, reply, {
      parse: parsePolicy,
      submit: (data) => service.savePolicy(actorOf(request), data),
      render: (values, errors) => renderPolicy(request, reply, values, errors),
      success: () => withQuery(paths.register.policy, { done: 'saved' }),
    }),
  );

  // ------------------------------------------------------------------------------------------- leaders
  app.get(paths.register.counts, async (request, reply) => {
    const q = countsSchema.parse(query(request));
    const data = await service.counts(actorOf(request), q.from, q.to);
    const resolutions = await service.resolutionCounts(actorOf(request), data.from, data.to);
    const listOf = (filter: Record<string, string>) => withQuery(paths.register.resolutions, filter);
    return reply.view('register/counts.njk', {
      pageTitle: 'What families raised, counted',
      backLink: paths.register.list,
      ...data,
      resolutions: {
        byMonth: resolutions.byMonth.map((r) => ({ ...r, href: listOf(r.filter) })),
        byOutcome: resolutions.byOutcome.map((r) => ({ ...r, href: listOf(r.filter) })),
        overdue: resolutions.overdue,
        overdueHref: listOf({ overdue: 'yes' }),
      },
      themeLabels: THEME_LABELS,
      kindLabels: KIND_LABELS,
    });
  });

  const renderYouSaid = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors?: FormErrors,
  ) => {
    const entries = await service.youSaid(actorOf(request));
    return reply.view('register/you-said-manage.njk', {
      pageTitle: 'You said, we did: the SEND service',
      backLink: paths.register.counts,
      entries,
      themeLabels: THEME_LABELS,
      values,
      errors,
      formToken: newFormToken(),
      themeSelect: selectItems(labelled(THEMES, THEME_LABELS), values.theme, { any: 'Select a theme' }),
      publishItems: radioItems(
        [
          { value: 'yes', text: 'Yes, publish it now' },
          { value: 'no', text: 'No, keep it as a draft' },
        ],
        values.publish,
      ),
      publicHref: paths.register.publicYouSaid,
    });
  };
  app.get(paths.register.youSaid, (request, reply) => renderYouSaid(request, reply, {}));
  app.post(paths.register.youSaid, (request, reply) =>
    handleForm(request.body, reply, {
      parse: parseYouSaid,
      submit: (data) => service.addYouSaid(actorOf(request), data, data.formToken),
      render: (values, errors) => renderYouSaid(request, reply, values, errors),
      success: () => paths.register.youSaid,
    }),
  );
  app.post(paths.register.youSaidPublishPattern, async (request, reply) => {
    const publish = (request.body as Record<string, unknown> | undefined)?.publish === 'yes';
    await service.publishYouSaid(actorOf(request), param(request, 'entryId'), publish);
    return reply.redirect(paths.register.youSaid, 303);
  });

  // ------------------------------------------------------------------------------------------- families, signed in
  app.get(paths.register.family, async (request, reply) => {
    const data = await service.familyList(actorOf(request));
    const resolutions = await service.familyResolutions(actorOf(request));
    return reply.view('register/family-list.njk', {
      pageTitle: 'Tell us something, or see what you told us',
      backLink: paths.home,
      items: data.items.map((i) => ({ ...i, href: paths.register.familyItem(i.id) })),
      resolutions: familyResolutionsView(resolutions),
      newHref: paths.register.familyNew,
      sent: query(request).sent,
    });
  });

  const renderFamilyNew = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors?: FormErrors,
  ) => {
    const data = await service.familyList(actorOf(request));
    return reply.view('register/family-new.njk', {
      pageTitle: 'Tell us something',
      backLink: paths.register.family,
      values,
      errors,
      formToken: newFormToken(),
      kindItems: kindRadioItems(FAMILY_KINDS, values.kind, FAMILY_KIND_LABELS),
      childItems: radioItems(
        data.children.map((c) => ({ value: c.id, text: c.name })),
        values.childId,
      ),
      themeItems: themeItems(values.themes ? values.themes.split(',') : []),
    });
  };
  app.get(paths.register.familyNew, (request, reply) => renderFamilyNew(request, reply, {}));
  app.post(paths.register.familyNew, (request, reply) =>
    handleForm(request.body, reply, {
      parse: parseFamilyItem,
      keep: (values) => ({ ...values, themes: themesFrom(request.body).join(',') }),
      submit: (data) => service.raiseAsFamily(actorOf(request), data, data.formToken),
      render: (values, errors) => renderFamilyNew(request, reply, values, errors),
      success: (id) =>
        id ? withQuery(paths.register.familyItem(id), { sent: 'yes' }) : paths.register.family,
    }),
  );

  app.get(paths.register.familyItemPattern, async (request, reply) => {
    const data = await service.familyItem(actorOf(request), param(request, 'itemId'));
    return reply.view('register/family-item.njk', {
      ...familyItemView(data),
      sent: query(request).sent === 'yes',
    });
  });

  // ------------------------------------------------------------------------------------------- anyone
  const renderPublic = (reply: FastifyReply, values: Values, errors?: FormErrors) =>
    reply.view('register/public-new.njk', {
      pageTitle: 'Tell the SEND service something',
      values,
      errors,
      formToken: newFormToken(),
      kindItems: kindRadioItems(PUBLIC_KINDS, values.kind, FAMILY_KIND_LABELS),
      themeItems: themeItems(values.themes ? values.themes.split(',') : []),
      youSaidHref: paths.register.publicYouSaid,
    });
  app.get(paths.register.publicNew, async (_request, reply) => {
    await service.publicLa();
    return renderPublic(reply, {});
  });
  app.post(paths.register.publicNew, (request, reply) =>
    handleForm(request.body, reply, {
      parse: parsePublicItem,
      keep: (values) => ({ ...values, themes: themesFrom(request.body).join(',') }),
      submit: async (data) => service.raisePublic(await service.publicLa(), request.ip, data, data.formToken),
      render: (values, errors) => renderPublic(reply, values, errors),
      success: (reference) => withQuery(paths.register.publicSent, { reference }),
    }),
  );
  app.get(paths.register.publicSent, async (request, reply) => {
    const reference = /^FR-\d{5,}$/.test(query(request).reference ?? '') ? query(request).reference : null;
    const policy = await service.publicPolicy(await service.publicLa());
    return reply.view('register/public-sent.njk', { pageTitle: 'We have your message', reference, policy });
  });
  app.get(paths.register.publicYouSaid, async (_request, reply) => {
    const entries = await service.publicYouSaid(await service.publicLa());
    return reply.view('register/public-you-said.njk', {
      pageTitle: 'You said, we did: the SEND service',
      entries,
      themeLabels: THEME_LABELS,
      localOfferHref: paths.localOffer.youSaid,
      tellUsHref: paths.register.publicNew,
    });
  });
}
