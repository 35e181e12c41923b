/**
 * The Local Offer editor's pages: entries past their review date, providers' changes waiting for approval, broken
 * links, triage of comments and problem reports, "You said, we did" entries, and provider accounts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../../platform/access/access.ts';
import type { AppDeps } from '../../platform/web/app.ts';
import { actorOf } from '../../platform/web/app.ts';
import type { FormErrors } from '../../platform/web/forms.ts';
import { formValues, parseForm, requiredText, singleError } from '../../platform/web/forms.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { paginationItems } from '../../platform/web/pagination.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { decideEdit, getPendingEdit, listPendingEdits } from './approvals.ts';
import {
  DuplicateTitleError,
  feedbackToTriage,
  getYouSaid,
  listYouSaid,
  saveYouSaid,
  STATUS_LABELS,
  TRIAGE_LABELS,
  triageFeedback,
} from './feedback.ts';
import { brokenLinks, listManagedServices } from './home.ts';
import { LinkError, linkProvider, listProviderLinks, organisationChoices } from './providers.ts';
import { EDITOR_ROLES } from './service.ts';
import { pageNumber } from './search-page.ts';

const lo = paths.localOffer;

const youSaidSchema = z.object({
  year: z
    .string()
    .trim()
    .regex(/^20\d\d$/, { error: 'Enter the year, like 2026' }),
  title: requiredText(
    { empty: 'Enter a short title', tooLong: 'Title must be 120 characters or fewer' },
    120,
  ),
  youSaid: requiredText(
    { empty: 'Enter what people said', tooLong: 'What people said must be 2000 characters or fewer' },
    2000,
  ),
  response: requiredText(
    { empty: 'Enter the council’s response', tooLong: 'Response must be 2000 characters or fewer' },
    2000,
  ),
  action: requiredText(
    { empty: 'Enter the action the council will take', tooLong: 'Action must be 2000 characters or fewer' },
    2000,
  ),
  owner: requiredText(
    { empty: 'Enter who owns the action', tooLong: 'Owner must be 120 characters or fewer' },
    120,
  ),
  status: z.enum(['planned', 'in-progress', 'done'], { error: 'Select the status of the action' }),
  published: z.union([z.literal('yes'), z.literal('no')], { error: 'Select whether to publish this entry' }),
});
const YOU_SAID_FIELDS = ['year', 'title', 'youSaid', 'response', 'action', 'owner', 'status', 'published'];

export function manageRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(lo.manage.stale, async (request, reply) => {
    const actor = actorOf(request);
    requireRole(actor, EDITOR_ROLES, 'local-offer.stale');
    const q = formValues(request.query);
    const page = pageNumber(q.page);
    const data = await listManagedServices(db, actor, {
      page,
      perPage: 50,
      stale: true,
      today: todayInLondon(),
    });
    const link = (p: number) => withQuery(lo.manage.stale, { page: p });
    return reply.view('local-offer/manage-services.njk', {
      pageTitle: 'Entries past their review date',
      data,
      stalePage: true,
      values: {},
      pagination: {
        previous: page > 1 ? { href: link(page - 1) } : undefined,
        next: page < data.pages ? { href: link(page + 1) } : undefined,
        items: paginationItems(page, data.pages, link),
      },
    });
  });

  app.get(lo.manage.approvals, async (request, reply) => {
    const actor = actorOf(request);
    const edits = await listPendingEdits(db, actor);
    return reply.view('local-offer/approvals.njk', {
      pageTitle: 'Changes waiting for approval',
      edits,
      backLink: paths.home,
    });
  });

  app.get(lo.manage.approvalPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { editId } = request.params as { editId: string };
    const edit = await getPendingEdit(db, actor, editId);
    return reply.view('local-offer/approval.njk', {
      pageTitle: `${edit.isNew ? 'Check the new service' : 'Check the change to'} ${edit.service_name}`,
      edit,
      backLink: lo.manage.approvals,
    });
  });

  app.post(lo.manage.approvalPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { editId } = request.params as { editId: string };
    const values = formValues(request.body);
    const decision = values.decision;
    if (decision !== 'approve' && decision !== 'reject') {
      const edit = await getPendingEdit(db, actor, editId);
      reply.code(400);
      return reply.view('local-offer/approval.njk', {
        pageTitle: `${edit.isNew ? 'Check the new service' : 'Check the change to'} ${edit.service_name}`,
        edit,
        values,
        errors: singleError('decision', 'Select whether to publish or reject the change'),
        backLink: lo.manage.approvals,
      });
    }
    await decideEdit(
      db,
      actor,
      editId,
      decision,
      values.note?.trim().slice(0, 1000) || undefined,
      todayInLondon(),
      deps.jobs,
    );
    return reply.redirect(withQuery(lo.manage.approvals, { decided: decision }), 303);
  });

  app.get(lo.manage.links, async (request, reply) => {
    const actor = actorOf(request);
    requireRole(actor, EDITOR_ROLES, 'local-offer.links');
    return reply.view('local-offer/links.njk', {
      pageTitle: 'Broken links',
      links: await brokenLinks(db, actor.laCode),
      backLink: paths.home,
    });
  });

  app.get(lo.manage.feedback, async (request, reply) => {
    const actor = actorOf(request);
    const q = formValues(request.query);
    const triage =
      (['new', 'publishable', 'complaint', 'vexatious'] as const).find((t) => t === q.triage) ?? 'new';
    const items = await feedbackToTriage(db, actor, triage);
    const entries = await listYouSaid(db, actor.laCode, { publishedOnly: false });
    return reply.view('local-offer/feedback.njk', {
      pageTitle: 'Comments and problem reports',
      backLink: paths.home,
      items,
      triage,
      triageLabels: TRIAGE_LABELS,
      entryItems: [
        { value: '', text: 'Not yet' },
        ...entries.map((e) => ({ value: e.id, text: `${e.year}: ${e.title}` })),
      ],
    });
  });

  app.post(lo.manage.triagePattern, async (request, reply) => {
    const actor = actorOf(request);
    const { feedbackId } = request.params as { feedbackId: string };
    const values = formValues(request.body);
    const triage = (['publishable', 'complaint', 'vexatious'] as const).find((t) => t === values.triage);
    if (!triage) {
      requireRole(actor, EDITOR_ROLES, 'local-offer.feedback');
      reply.code(400);
      return reply.view('error.njk', {
        pageTitle: 'Select what kind of comment this is',
        paragraphs: [
          'Go back and choose publishable, about one person’s service, or vexatious. Nothing was saved.',
        ],
      });
    }
    await triageFeedback(db, actor, feedbackId, triage, values.youSaidId || undefined);
    return reply.redirect(lo.manage.feedback, 303);
  });

  app.get(lo.manage.youSaid, async (request, reply) => {
    const actor = actorOf(request);
    requireRole(actor, EDITOR_ROLES, 'local-offer.you-said');
    const entries = await listYouSaid(db, actor.laCode, { publishedOnly: false });
    return reply.view('local-offer/manage-you-said.njk', {
      pageTitle: 'You said, we did: entries',
      entries,
      statusLabels: STATUS_LABELS,
      backLink: paths.home,
    });
  });

  async function renderYouSaidForm(
    reply: FastifyReply,
    request: FastifyRequest,
    entryId: string | undefined,
    values: Record<string, string>,
    selected: string[],
    errors?: FormErrors,
  ) {
    const actor = actorOf(request);
    const comments = await feedbackToTriage(db, actor, 'new');
    const publishable = await feedbackToTriage(db, actor, 'publishable');
    if (errors) reply.code(400);
    return reply.view('local-offer/you-said-form.njk', {
      pageTitle: entryId ? 'Change a You said, we did entry' : 'Add a You said, we did entry',
      backLink: lo.manage.youSaid,
      action: entryId ? lo.manage.youSaidEntry(entryId) : lo.manage.newYouSaid,
      values,
      errors,
      commentItems: [...comments, ...publishable.filter((p) => !p.you_said_title)].map((c) => ({
        value: c.id,
        text: c.body ?? '',
        checked: selected.includes(c.id),
      })),
    });
  }

  app.get(lo.manage.newYouSaid, async (request, reply) => {
    const actor = actorOf(request);
    requireRole(actor, EDITOR_ROLES, 'local-offer.you-said');
    return renderYouSaidForm(
      reply,
      request,
      undefined,
      { year: todayInLondon().slice(0, 4), status: 'planned', published: 'no' },
      [],
    );
  });

  app.get(lo.manage.youSaidEntryPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { entryId } = request.params as { entryId: string };
    const e = await getYouSaid(db, actor, entryId);
    return renderYouSaidForm(
      reply,
      request,
      entryId,
      {
        year: String(e.year),
        title: e.title,
        youSaid: e.you_said,
        response: e.response,
        action: e.action,
        owner: e.owner,
        status: e.status,
        published: e.published ? 'yes' : 'no',
      },
      [],
    );
  });

  async function postYouSaid(request: FastifyRequest, reply: FastifyReply, entryId: string | undefined) {
    const actor = actorOf(request);
    requireRole(actor, EDITOR_ROLES, 'local-offer.you-said');
    if (entryId) await getYouSaid(db, actor, entryId);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const commentIds = ([] as unknown[])
      .concat(body.comments ?? [])
      .filter((c): c is string => typeof c === 'string');
    const form = parseForm(youSaidSchema, body, YOU_SAID_FIELDS);
    if (!form.ok) return renderYouSaidForm(reply, request, entryId, form.values, commentIds, form.errors);
    try {
      await saveYouSaid(
        db,
        actor,
        entryId,
        { ...form.data, year: Number(form.data.year), published: form.data.published === 'yes' },
        commentIds,
      );
    } catch (err) {
      if (err instanceof DuplicateTitleError)
        return renderYouSaidForm(
          reply,
          request,
          entryId,
          formValues(body),
          commentIds,
          singleError('title', 'There is already an entry with this title for this year'),
        );
      throw err;
    }
    return reply.redirect(lo.manage.youSaid, 303);
  }

  async function renderProviders(
    reply: FastifyReply,
    request: FastifyRequest,
    values: Record<string, string>,
    errors?: FormErrors,
  ) {
    const actor = actorOf(request);
    const links = await listProviderLinks(db, actor);
    const orgs = await organisationChoices(db, actor.laCode);
    if (errors) reply.code(400);
    return reply.view('local-offer/providers.njk', {
      pageTitle: 'Provider accounts',
      backLink: paths.home,
      links,
      values,
      errors,
      organisationItems: [
        { value: '', text: 'Select an organisation' },
        ...orgs.map((o) => ({ value: o.id, text: o.name, selected: values.organisationId === o.id })),
      ],
    });
  }

  app.get(lo.manage.providers, async (request, reply) => renderProviders(reply, request, {}));

  app.post(lo.manage.providers, async (request, reply) => {
    const actor = actorOf(request);
    requireRole(actor, EDITOR_ROLES, 'local-offer.providers');
    const values = formValues(request.body);
    const email = (values.email ?? '').trim();
    if (!email)
      return renderProviders(
        reply,
        request,
        values,
        singleError('email', 'Enter the email address of a Local Offer provider account'),
      );
    try {
      await linkProvider(db, actor, email, values.organisationId ?? '');
    } catch (err) {
      if (err instanceof LinkError)
        return renderProviders(reply, request, values, singleError(err.field, err.message));
      throw err;
    }
    return reply.redirect(lo.manage.providers, 303);
  });

  app.post(lo.manage.newYouSaid, (request, reply) => postYouSaid(request, reply, undefined));
  app.post(lo.manage.youSaidEntryPattern, (request, reply) =>
    postYouSaid(request, reply, (request.params as { entryId: string }).entryId),
  );
}
