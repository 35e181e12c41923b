/**
 * Disagreement resolution pages (ADR 0047): the records, recording a meeting, one record with what its agreement
 * obliges, adding an obligation and marking one done. Casework staff and leaders. Handlers parse, ask the service,
 * render.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { newFormToken } from '../../platform/change/once.ts';
import type { RouteDeps } from '../../platform/feature.ts';
import { actorOf } from '../../platform/web/app.ts';
import { handleForm, type FormErrors } from '../../platform/web/forms.ts';
import { labelled, radioItems } from '../../platform/web/items.ts';
import { govukPagination } from '../../platform/web/pagination.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import {
  REQUESTER_LABELS,
  RESOLUTION_OUTCOME_LABELS,
  RESOLUTION_OUTCOMES,
  RESOLUTION_REQUESTERS,
} from '../../domain/register/index.ts';
import { longDate } from '../../domain/calendar.ts';
import { parseDone, parseObligation, parseResolution } from './resolution-forms.ts';
import type { RegisterService } from './service.ts';

type Values = Record<string, string>;
const param = (request: FastifyRequest, name: string) =>
  (request.params as Record<string, string>)[name] ?? '';
const query = (request: FastifyRequest) => request.query as Record<string, string | undefined>;
const listSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  outcome: z.enum(RESOLUTION_OUTCOMES).optional().catch(undefined),
  overdue: z.literal('yes').optional().catch(undefined),
});

export function resolutionRoutes(app: FastifyInstance, { service }: RouteDeps<RegisterService>): void {
  app.get(paths.register.resolutions, async (request, reply) => {
    const { page, overdue, ...filter } = listSchema.parse(query(request));
    const actor = actorOf(request);
    const link = (p: number) => withQuery(paths.register.resolutions, { ...filter, overdue, page: p });
    const common = {
      pageTitle: 'Disagreement resolution',
      backLink: paths.register.list,
      newHref: paths.register.resolutionNew,
      allHref: paths.register.resolutions,
    };
    if (overdue) {
      const data = await service.overdueAgreements(actor, page);
      return reply.view('register/resolution-list.njk', {
        ...common,
        ...data,
        overdue: true,
        filtered: 'Agreed actions past their date and not done',
        pagination: govukPagination(page, data.pages, link),
      });
    }
    const data = await service.resolutions(actor, page, filter);
    return reply.view('register/resolution-list.njk', {
      ...common,
      ...data,
      rows: data.rows.map((r) => ({ ...r, href: paths.register.resolution(r.id) })),
      filtered: filterText(filter),
      pagination: govukPagination(page, data.pages, link),
    });
  });

  const renderNew = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors?: FormErrors,
  ) => {
    const form = await service.resolutionForm(actorOf(request), query(request).child);
    const shown: Values = {
      childReference: form.childReference,
      itemReference: query(request).item ?? '',
      ...values,
    };
    return reply.view('register/resolution-new.njk', {
      pageTitle: 'Record a disagreement resolution meeting',
      backLink: paths.register.resolutions,
      action: withQuery(paths.register.resolutionNew, {
        child: query(request).child,
        item: query(request).item,
      }),
      values: shown,
      errors,
      formToken: newFormToken(),
      requesterItems: radioItems(labelled(RESOLUTION_REQUESTERS, REQUESTER_LABELS), shown.requestedBy),
      outcomeItems: radioItems(labelled(RESOLUTION_OUTCOMES, RESOLUTION_OUTCOME_LABELS), shown.outcome),
    });
  };
  app.get(paths.register.resolutionNew, (request, reply) => renderNew(request, reply, {}));
  app.post(paths.register.resolutionNew, async (request, reply) => {
    const { today } = await service.resolutionForm(actorOf(request), undefined);
    return handleForm(request.body, reply, {
      parse: (values: Values) => parseResolution(values, today),
      submit: (data) => service.recordResolution(actorOf(request), data, data.formToken),
      render: (values, errors) => renderNew(request, reply, values, errors),
      success: (id) =>
        id ? withQuery(paths.register.resolution(id), { done: 'recorded' }) : paths.register.resolutions,
    });
  });

  const renderRecord = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors?: FormErrors,
  ) => {
    const data = await service.resolution(actorOf(request), param(request, 'resolutionId'));
    return reply.view('register/resolution.njk', {
      pageTitle: 'Disagreement resolution meeting',
      caption: data.child ? `${data.child.name} (${data.child.reference})` : undefined,
      backLink: paths.register.resolutions,
      ...data,
      childHref: data.child ? paths.children.show(data.child.id) : null,
      itemHref: data.item ? paths.register.item(data.item.id) : null,
      obligationAction: paths.register.resolutionObligation(data.record.id),
      obligations: data.obligations.map((o) => ({
        ...o,
        doneAction: paths.register.resolutionDone(data.record.id, o.id),
      })),
      values,
      errors,
      formToken: newFormToken(),
      done: query(request).done,
    });
  };
  app.get(paths.register.resolutionPattern, (request, reply) => renderRecord(request, reply, {}));
  app.post(paths.register.resolutionObligationPattern, (request, reply) =>
    handleForm(request.body, reply, {
      parse: parseObligation,
      submit: (data) =>
        service.addResolutionObligation(
          actorOf(request),
          param(request, 'resolutionId'),
          data,
          data.formToken,
        ),
      render: (values, errors) => renderRecord(request, reply, values, errors),
      success: () =>
        withQuery(paths.register.resolution(param(request, 'resolutionId')), { done: 'obligation' }),
    }),
  );
  app.post(paths.register.resolutionDonePattern, (request, reply) =>
    handleForm(request.body, reply, {
      parse: (values: Values) => {
        const parsed = parseDone(values);
        return parsed.ok
          ? parsed
          : { ...parsed, errors: withField(parsed.errors, param(request, 'obligationId')) };
      },
      submit: (data) =>
        service.resolutionObligationDone(
          actorOf(request),
          param(request, 'resolutionId'),
          param(request, 'obligationId'),
          data.note,
        ),
      render: (values, errors) =>
        renderRecord(request, reply, { ...values, doneFor: param(request, 'obligationId') }, errors),
      success: () => withQuery(paths.register.resolution(param(request, 'resolutionId')), { done: 'done' }),
    }),
  );
}

/** The "what was done" error, against the obligation whose form it came from (each has its own textarea id). */
function withField(errors: FormErrors, obligationId: string): FormErrors {
  return {
    ...errors,
    list: errors.list.map((e) => ({ ...e, href: `#note-${obligationId}` })),
  };
}

/** The filter a list shows, in words (empty for every record). */
function filterText(f: { from?: string | undefined; to?: string | undefined; outcome?: string | undefined }) {
  const parts = [
    f.from || f.to
      ? `Asked for ${f.from ? `from ${longDate(f.from)}` : ''}${f.from && f.to ? ' ' : ''}${f.to ? `to ${longDate(f.to)}` : ''}`
      : '',
    f.outcome
      ? `Outcome: ${RESOLUTION_OUTCOME_LABELS[f.outcome as keyof typeof RESOLUTION_OUTCOME_LABELS]}`
      : '',
  ].filter(Boolean);
  return parts.join('. ');
}
