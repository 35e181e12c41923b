/**
 * The Local Offer's pages: the public directory (no sign-in, no cookies of its own), feedback forms on every page,
 * "You said, we did", and the provider's and editor's pages for keeping entries current.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../platform/web/app.ts';
import { actorOf } from '../../platform/web/app.ts';
import type { FormErrors } from '../../platform/web/forms.ts';
import { formValues, parseForm, requiredText, singleError, toFormErrors } from '../../platform/web/forms.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { paginationItems } from '../../platform/web/pagination.ts';
import { DEMO_AREA } from './demo-services.ts';
import { informationPages } from './information-pages.ts';
import type { LocalContacts } from './information-pages.ts';
import {
  CATEGORIES,
  CATEGORY_CODES,
  costText,
  isStale,
  NEED_CODES,
  NEEDS,
  trainingText,
} from './oruk/model.ts';
import type { NeedCode } from './oruk/model.ts';
import { ageText, needItems, pageNumber, PER_PAGE, readSearch, searchPageModel } from './search-page.ts';
import { decideEdit, getPendingEdit, listPendingEdits } from './approvals.ts';
import {
  authoriseServiceEdit,
  confirmCurrent,
  EDIT_FIELDS,
  EDIT_LABELS,
  editValuesOf,
  submitEdit,
} from './editing.ts';
import type { EditValues } from './editing.ts';
import {
  DuplicateTitleError,
  feedbackToTriage,
  getYouSaid,
  listYouSaid,
  saveFeedback,
  saveYouSaid,
  TRIAGE_LABELS,
  triageFeedback,
} from './feedback.ts';
import { brokenLinks, listManagedServices } from './home.ts';
import { LinkError, linkProvider, listProviderLinks } from './providers.ts';
import { publicAuthority } from './public.ts';
import type { PublicAuthority } from './public.ts';
import { addDays, EDITOR_ROLES } from './service.ts';
import { countUsage, recordSearch } from './usage.ts';
import { cachedSearch, DirectoryCache } from './search-cache.ts';
import { loadServices, serviceAreas } from './store.ts';
import { newServiceRoutes } from './new-service-routes.ts';
import { requireRole } from '../../platform/access/access.ts';
import { NotFoundError } from '../../platform/errors.ts';

const lo = paths.localOffer;

function localContacts(a: PublicAuthority): LocalContacts {
  return {
    areaName: a.name.replace(/ (Borough |County |City )?Council$/, ''),
    councilName: a.name,
    sendiassPhone: a.sendiass_phone,
    sendiassEmail: a.sendiass_email,
    sendiassWebsite: a.sendiass_url,
    parentCarerForumName: `${a.name.replace(/ (Borough |County |City )?Council$/, '')} Parent Carer Forum`,
    localOfferEmail: a.team_email,
  };
}

const ratingSchema = z
  .object({
    pagePath: z.string().regex(/^\/local-offer[\w\-/]*$/, { error: 'Page not recognised' }),
    useful: z.union([z.literal('yes'), z.literal('no'), z.literal('')]).optional(),
    accurate: z.union([z.literal('yes'), z.literal('no'), z.literal('')]).optional(),
  })
  .refine((v) => Boolean(v.useful) || Boolean(v.accurate), {
    path: ['useful'],
    error: 'Select whether this page was useful, or whether it was accurate',
  });

const problemSchema = z.object({
  pagePath: z.string().regex(/^\/local-offer[\w\-/]*$/, { error: 'Page not recognised' }),
  body: requiredText(
    { empty: 'Enter what is wrong with the page', tooLong: 'What is wrong must be 2000 characters or fewer' },
    2000,
  ),
});

const commentSchema = z.object({
  body: requiredText(
    { empty: 'Enter your comments', tooLong: 'Your comments must be 2000 characters or fewer' },
    2000,
  ),
});

function feedbackLocals(request: FastifyRequest) {
  const path = (request.url.split('?')[0] ?? '').replace(/\/+$/, '') || lo.home;
  return { feedbackPath: path };
}

const editSchema = z
  .object({
    name: requiredText(
      { empty: 'Enter the name of the service', tooLong: 'Name must be 150 characters or fewer' },
      150,
    ),
    description: requiredText(
      { empty: 'Enter what the service is', tooLong: 'What it is must be 3000 characters or fewer' },
      3000,
    ),
    howToGetIt: z.string().trim().max(1000, { error: 'How to get it must be 1000 characters or fewer' }),
    minAge: z
      .string()
      .trim()
      .regex(/^(\d{1,2})?$/, { error: 'Youngest age must be a whole number, like 5' }),
    maxAge: z
      .string()
      .trim()
      .regex(/^(\d{1,2})?$/, { error: 'Oldest age must be a whole number, like 18' }),
    needs: z.string(),
    needsNote: z.string().trim().max(1000, { error: 'More about needs must be 1000 characters or fewer' }),
    staffTraining: z.string().trim().max(2000, { error: 'Staff training must be 2000 characters or fewer' }),
    cost: requiredText(
      { empty: 'Enter the cost, or Free', tooLong: 'Cost must be 300 characters or fewer' },
      300,
    ),
    url: z
      .string()
      .trim()
      .max(500, { error: 'Website must be 500 characters or fewer' })
      .regex(/^(https?:\/\/[^\s]+)?$/, { error: 'Enter a website address that starts with https://' }),
    contactPhone: z
      .string()
      .trim()
      .max(30, { error: 'Phone must be 30 characters or fewer' })
      .regex(/^[0-9 +()]*$/, { error: 'Enter a phone number, like 01632 960000' }),
    contactEmail: z
      .string()
      .trim()
      .max(254, { error: 'Email must be 254 characters or fewer' })
      .regex(/^([^\s@]+@[^\s@]+\.[^\s@]+)?$/, {
        error: 'Enter an email address in the correct format, like name@example.com',
      }),
  })
  .superRefine((v, ctx) => {
    if (v.minAge !== '' && v.maxAge !== '' && Number(v.minAge) > Number(v.maxAge)) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxAge'],
        message: 'Oldest age must be the same as or more than the youngest age',
      });
    }
  });

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

export const STATUS_LABELS = { planned: 'Planned', 'in-progress': 'In progress', done: 'Done' } as const;

export function localOfferRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;
  const directory = new DirectoryCache();

  async function authority(): Promise<PublicAuthority> {
    const a = await publicAuthority(db, deps.config.localOfferLa);
    if (!a) throw new NotFoundError();
    return a;
  }

  async function pageView(laCode: string) {
    await countUsage(db, laCode, 'page-view', todayInLondon());
  }

  // ------------------------------------------------------------------------------------------------ public pages
  app.get(lo.home, async (request, reply) => {
    const a = await authority();
    await pageView(a.la_code);
    const pages = informationPages(localContacts(a));
    return reply.view('local-offer/home.njk', {
      pageTitle: 'SEND Local Offer',
      authority: a,
      categories: CATEGORY_CODES.map((c) => ({ code: c, label: CATEGORIES[c].label })),
      needItems: needItems(''),
      pages,
      ...feedbackLocals(request),
    });
  });

  app.get(lo.search, async (request, reply) => {
    const a = await authority();
    const query = readSearch(request.query);
    const today = todayInLondon();
    const { result, areas } = query.errors
      ? { result: { ids: [], total: 0, corrections: [] }, areas: await serviceAreas(db, a.la_code) }
      : await cachedSearch(db, directory, a.la_code, query, PER_PAGE);
    if (!query.errors && query.page === 1)
      await recordSearch(db, a.la_code, today, query.filters.q ?? '', result.total, ['page-view']);
    else await pageView(a.la_code);
    const loaded = await loadServices(db, a.la_code, result.ids);
    if (query.errors) reply.code(400);
    return reply.view('local-offer/search.njk', {
      ...searchPageModel(query, result, loaded, areas, today),
      authority: a,
      ...feedbackLocals(request),
    });
  });

  app.get(lo.servicePattern, async (request, reply) => {
    const a = await authority();
    const { serviceId } = request.params as { serviceId: string };
    if (!/^[0-9a-f-]{36}$/i.test(serviceId)) throw new NotFoundError();
    const loaded = await loadServices(db, a.la_code, [serviceId]);
    const s = loaded.services[0];
    if (!s || s.status !== 'active') throw new NotFoundError();
    await pageView(a.la_code);
    const org = loaded.organisations.get(s.organisationId)!;
    const today = todayInLondon();
    return reply.view('local-offer/service.njk', {
      pageTitle: s.name,
      backLink: lo.home,
      authority: a,
      service: s,
      organisation: org,
      ages: ageText(s.minAge, s.maxAge),
      needs: s.needs.map((n) => NEEDS[n].label),
      training: trainingText(s.staffTraining),
      cost: costText(s.cost),
      categories: s.categories.map((c) => CATEGORIES[c].label),
      stale: isStale(s, today),
      ...feedbackLocals(request),
    });
  });

  app.get(lo.informationPattern, async (request, reply) => {
    const a = await authority();
    const { slug } = request.params as { slug: string };
    const page = informationPages(localContacts(a)).find((p) => p.slug === slug);
    if (!page) throw new NotFoundError();
    await pageView(a.la_code);
    return reply.view('local-offer/information.njk', {
      pageTitle: page.title,
      backLink: lo.home,
      page,
      ...feedbackLocals(request),
    });
  });

  app.get(lo.youSaid, async (request, reply) => {
    const a = await authority();
    await pageView(a.la_code);
    const entries = await listYouSaid(db, a.la_code, { publishedOnly: true });
    const years = [...new Set(entries.map((e) => e.year))];
    return reply.view('local-offer/you-said.njk', {
      pageTitle: 'You said, we did',
      backLink: lo.home,
      years: years.map((y) => ({ year: y, entries: entries.filter((e) => e.year === y) })),
      statusLabels: STATUS_LABELS,
      ...feedbackLocals(request),
    });
  });

  app.get(lo.youSaidYearPattern, async (request, reply) => {
    const a = await authority();
    const { year } = request.params as { year: string };
    if (!/^20\d\d$/.test(year)) throw new NotFoundError();
    await pageView(a.la_code);
    const entries = await listYouSaid(db, a.la_code, { publishedOnly: true, year: Number(year) });
    const counts = await db
      .selectFrom('local_offer_feedback')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('la_code', '=', a.la_code)
      .where('created_at', '>=', new Date(`${year}-01-01T00:00:00Z`))
      .where('created_at', '<', new Date(`${Number(year) + 1}-01-01T00:00:00Z`))
      .groupBy('kind')
      .execute();
    return reply.view('local-offer/annual.njk', {
      pageTitle: `The Local Offer: what you told us in ${year} and what we did`,
      backLink: lo.youSaid,
      authority: a,
      year,
      entries,
      counts: Object.fromEntries(counts.map((c) => [c.kind, Number(c.n)])),
      statusLabels: STATUS_LABELS,
      ...feedbackLocals(request),
    });
  });

  // ------------------------------------------------------------------------------------------------ feedback
  app.get(lo.rating, async (request, reply) => {
    const q = formValues(request.query);
    return reply.view('local-offer/rating.njk', {
      pageTitle: 'Tell us about this page',
      values: { pagePath: safePath(q.pagePath) },
    });
  });

  app.post(lo.rating, async (request, reply) => {
    const a = await authority();
    const form = parseForm(ratingSchema, request.body, ['useful', 'accurate']);
    if (!form.ok) {
      reply.code(400);
      return reply.view('local-offer/rating.njk', {
        pageTitle: 'Tell us about this page',
        errors: form.errors,
        values: { ...form.values, pagePath: safePath(form.values.pagePath) },
      });
    }
    await saveFeedback(db, a.la_code, todayInLondon(), {
      kind: 'rating',
      pagePath: form.data.pagePath,
      useful: form.data.useful ? form.data.useful === 'yes' : undefined,
      accurate: form.data.accurate ? form.data.accurate === 'yes' : undefined,
    });
    return reply.redirect(withQuery(lo.thanks, { from: form.data.pagePath }), 303);
  });

  app.get(lo.problem, async (request, reply) => {
    const q = formValues(request.query);
    return reply.view('local-offer/problem.njk', {
      pageTitle: 'Report a problem with a page',
      values: { pagePath: safePath(q.pagePath) },
    });
  });

  app.post(lo.problem, async (request, reply) => {
    const a = await authority();
    const form = parseForm(problemSchema, request.body, ['body']);
    if (!form.ok) {
      reply.code(400);
      return reply.view('local-offer/problem.njk', {
        pageTitle: 'Report a problem with a page',
        errors: form.errors,
        values: { ...form.values, pagePath: safePath(form.values.pagePath) },
      });
    }
    await saveFeedback(db, a.la_code, todayInLondon(), {
      kind: 'problem',
      pagePath: form.data.pagePath,
      body: form.data.body,
    });
    return reply.redirect(withQuery(lo.thanks, { from: form.data.pagePath }), 303);
  });

  app.get(lo.comments, async (request, reply) => {
    return reply.view('local-offer/comments.njk', {
      pageTitle: 'Tell us what you think of the Local Offer',
      values: {},
      ...feedbackLocals(request),
    });
  });

  app.post(lo.comments, async (request, reply) => {
    const a = await authority();
    const form = parseForm(commentSchema, request.body, ['body']);
    if (!form.ok) {
      reply.code(400);
      return reply.view('local-offer/comments.njk', {
        pageTitle: 'Tell us what you think of the Local Offer',
        errors: form.errors,
        values: form.values,
      });
    }
    await saveFeedback(db, a.la_code, todayInLondon(), {
      kind: 'comment',
      pagePath: lo.comments,
      body: form.data.body,
    });
    return reply.redirect(withQuery(lo.thanks, { from: lo.home }), 303);
  });

  app.get(lo.thanks, async (request, reply) => {
    const q = formValues(request.query);
    return reply.view('local-offer/thanks.njk', {
      pageTitle: 'Thank you for your feedback',
      from: safePath(q.from),
    });
  });

  // ------------------------------------------------------------------------------------------------ providers and editor
  app.get(lo.manage.services, async (request, reply) => {
    const actor = actorOf(request);
    const q = formValues(request.query);
    const today = todayInLondon();
    const page = pageNumber(q.page);
    const data = await listManagedServices(db, actor, {
      page,
      perPage: 50,
      q: q.q?.trim().slice(0, 100) || undefined,
      today,
    });
    const link = (p: number) => withQuery(lo.manage.services, { q: q.q, page: p });
    return reply.view('local-offer/manage-services.njk', {
      pageTitle: actor.role === 'local-offer-provider' ? 'Your Local Offer entries' : 'Local Offer entries',
      data,
      values: q,
      pagination: {
        previous: page > 1 ? { href: link(page - 1) } : undefined,
        next: page < data.pages ? { href: link(page + 1) } : undefined,
        items: paginationItems(page, data.pages, link),
      },
    });
  });

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

  async function renderEdit(
    reply: FastifyReply,
    request: FastifyRequest,
    values: EditValues | Record<string, string>,
    errors?: FormErrors,
  ) {
    const actor = actorOf(request);
    const { serviceId } = request.params as { serviceId: string };
    const { service } = await authoriseServiceEdit(db, actor, serviceId);
    const selected = (values.needs ?? '').split(',');
    if (errors) reply.code(400);
    return reply.view('local-offer/edit.njk', {
      pageTitle: `Change ${service.name}`,
      backLink: lo.manage.services,
      service,
      values,
      errors,
      labels: EDIT_LABELS,
      isProvider: actor.role === 'local-offer-provider',
      needItems: NEED_CODES.map((n) => ({ value: n, text: NEEDS[n].label, checked: selected.includes(n) })),
    });
  }

  app.get(lo.manage.editPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { serviceId } = request.params as { serviceId: string };
    const { service } = await authoriseServiceEdit(db, actor, serviceId);
    return renderEdit(reply, request, editValuesOf(service));
  });

  app.post(lo.manage.editPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { serviceId } = request.params as { serviceId: string };
    await authoriseServiceEdit(db, actor, serviceId);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const needs = ([] as unknown[])
      .concat(body.needs ?? [])
      .filter((n): n is NeedCode => typeof n === 'string' && (NEED_CODES as readonly string[]).includes(n));
    const values = { ...formValues(body), needs: needs.join(',') };
    const parsed = editSchema.safeParse(values);
    if (!parsed.success)
      return renderEdit(reply, request, values, toFormErrors(parsed.error.issues, [...EDIT_FIELDS]));
    const outcome = await submitEdit(db, actor, serviceId, parsed.data, todayInLondon());
    return reply.redirect(withQuery(lo.manage.services, { saved: outcome }), 303);
  });

  app.post(lo.manage.confirmPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { serviceId } = request.params as { serviceId: string };
    await confirmCurrent(db, actor, serviceId, todayInLondon());
    return reply.redirect(withQuery(lo.manage.services, { saved: 'confirmed' }), 303);
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
    const orgs = await db
      .selectFrom('local_offer_organisation')
      .select(['id', 'name'])
      .where('la_code', '=', actor.laCode)
      .orderBy('name')
      .execute();
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

  newServiceRoutes(app, deps);
}

function safePath(value: string | undefined): string {
  return value && /^\/local-offer[\w\-/]*$/.test(value) ? value : paths.localOffer.home;
}

export { DEMO_AREA, addDays };
