/**
 * The Local Offer's public pages (no sign-in, no cookies of its own): the directory's home, search, service and
 * information pages, "You said, we did" and its annual report, and the feedback forms every page links to.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../platform/web/app.ts';
import { formValues, parseForm, requiredText } from '../../platform/web/forms.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { feedbackCountsByKind, listYouSaid, saveFeedback, STATUS_LABELS } from './feedback.ts';
import { informationPages } from './information-pages.ts';
import type { LocalContacts } from './information-pages.ts';
import { CATEGORIES, CATEGORY_CODES, costText, isStale, NEEDS, trainingText } from './oruk/model.ts';
import { publicAuthority } from './public.ts';
import type { PublicAuthority } from './public.ts';
import { cachedSearch, DirectoryCache } from './search-cache.ts';
import { ageText, needItems, PER_PAGE, readSearch, searchPageModel } from './search-page.ts';
import { loadServices, serviceAreas } from './store.ts';
import { countUsage, recordSearch } from './usage.ts';

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

export function publicRoutes(app: FastifyInstance, deps: AppDeps): void {
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
    const counts = await feedbackCountsByKind(db, a.la_code, year);
    return reply.view('local-offer/annual.njk', {
      pageTitle: `The Local Offer: what you told us in ${year} and what we did`,
      backLink: lo.youSaid,
      authority: a,
      year,
      entries,
      counts,
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
}

function safePath(value: string | undefined): string {
  return value && /^\/local-offer[\w\-/]*$/.test(value) ? value : paths.localOffer.home;
}
