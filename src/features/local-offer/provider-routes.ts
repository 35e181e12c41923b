/**
 * The pages providers and the editor use to keep Local Offer entries current: the entries an account manages, the
 * change form (a provider's change waits for the editor, the editor's is published) and "these details are still
 * right". A provider sees only their own organisations' entries.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../platform/web/app.ts';
import { actorOf } from '../../platform/web/app.ts';
import type { FormErrors } from '../../platform/web/forms.ts';
import { formValues, requiredText, toFormErrors } from '../../platform/web/forms.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { paginationItems } from '../../platform/web/pagination.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import {
  authoriseServiceEdit,
  confirmCurrent,
  EDIT_FIELDS,
  EDIT_LABELS,
  editValuesOf,
  submitEdit,
} from './editing.ts';
import type { EditValues } from './editing.ts';
import { listManagedServices } from './home.ts';
import { NEED_CODES, NEEDS } from './oruk/model.ts';
import type { NeedCode } from './oruk/model.ts';
import { pageNumber } from './search-page.ts';

const lo = paths.localOffer;

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

export function providerRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;

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
}
