/** The transfers feature's pages: handlers parse, ask the service, render. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isUuid, type Actor } from '../../platform/access/access.ts';
import { newFormToken } from '../../platform/change/once.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { RouteDeps } from '../../platform/feature.ts';
import { actorOf } from '../../platform/web/app.ts';
import {
  handleForm,
  readDateInput,
  type FieldError,
  type FormErrors,
  fieldErrors,
} from '../../platform/web/forms.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { TransferFormError } from './child.ts';
import type { TransfersService } from './service.ts';
import { boardView, childView, familyView, readBoardQuery } from './view-models.ts';

/** The date fields' errors link to their day box (src/views/partials/date-field.njk). */
const DATE_FIELDS = new Set(['received', 'moveDate']);

/** Every problem of a TransferFormError in the summary, each linking to its field. */
function transferErrors(errors: FormErrors, error?: FieldError): FormErrors {
  return error instanceof TransferFormError ? fieldErrors(error.errors, { dateFields: DATE_FIELDS }) : errors;
}

const childIdOf = (params: unknown): string => {
  const id = (params as Record<string, string>).childId ?? '';
  if (!isUuid(id)) throw new NotFoundError();
  return id;
};

const dateOf = (values: Record<string, string>, name: string): string | null => {
  const read = readDateInput(values, name, 'The date');
  return read.error ? 'invalid' : (read.value ?? null);
};

export function transferRoutes(app: FastifyInstance, { service }: RouteDeps<TransfersService>): void {
  const renderBoard = async (
    reply: FastifyReply,
    actor: Actor,
    query: unknown,
    told: number | null,
    errors?: FormErrors,
  ) => {
    const q = readBoardQuery(query);
    const board = await service.board(actor, q);
    return reply.view('transfers/board.njk', {
      ...boardView(board, q),
      mayTell: service.mayTell(actor),
      formToken: newFormToken(),
      told,
      errors,
    });
  };

  app.get(paths.transfers.board, async (request, reply) => {
    const told = (request.query as Record<string, string>).told;
    return renderBoard(
      reply,
      actorOf(request),
      request.query,
      told !== undefined && /^\d{1,6}$/.test(told) ? Number(told) : null,
    );
  });

  app.post(paths.transfers.tell, async (request, reply) => {
    const actor = actorOf(request);
    return handleForm(request.body, reply, {
      parse: (v) => ({ ok: true, data: v.formToken }),
      submit: (formToken) => service.tellFamilies(actor, formToken),
      render: (_v, errors) => renderBoard(reply, actor, {}, null, errors),
      success: (n) => withQuery(paths.transfers.board, { told: n }),
    });
  });

  // ---- The caseworker's page for one child

  const renderChild = async (
    reply: FastifyReply,
    actor: Actor,
    childId: string,
    form?: { name: 'preference' | 'destination'; values: Record<string, string>; errors: FormErrors },
    done?: string,
  ) => {
    const data = await service.childTransfer(actor, childId);
    return reply.view('transfers/child.njk', {
      ...childView(data, done),
      form: form?.name ?? null,
      values: form?.values ?? {},
      errors: form?.errors,
      formToken: newFormToken(),
    });
  };

  app.get(paths.transfers.childPattern, async (request, reply) =>
    renderChild(
      reply,
      actorOf(request),
      childIdOf(request.params),
      undefined,
      (request.query as Record<string, string>).done,
    ),
  );

  app.post(paths.transfers.childPreferencePattern, async (request, reply) => {
    const actor = actorOf(request);
    const childId = childIdOf(request.params);
    return handleForm(request.body, reply, {
      parse: (v) => ({ ok: true, data: { ...v, received: dateOf(v, 'received') } }),
      submit: (data) => service.recordReviewPreference(actor, childId, data),
      render: (values, errors, error) =>
        renderChild(reply, actor, childId, {
          name: 'preference',
          values,
          errors: transferErrors(errors, error),
        }),
      success: () => withQuery(paths.transfers.child(childId), { done: 'preference' }),
    });
  });

  app.post(paths.transfers.childDestinationPattern, async (request, reply) => {
    const actor = actorOf(request);
    const childId = childIdOf(request.params);
    return handleForm(request.body, reply, {
      parse: (v) => ({ ok: true, data: { ...v, moveDate: dateOf(v, 'moveDate') } }),
      submit: (data) => service.recordDestination(actor, childId, data),
      render: (values, errors, error) =>
        renderChild(reply, actor, childId, {
          name: 'destination',
          values,
          errors: transferErrors(errors, error),
        }),
      success: () => withQuery(paths.transfers.child(childId), { done: 'destination' }),
    });
  });

  // ---- The family's pages (on a phone)

  app.get(paths.transfers.familyPattern, async (request, reply) => {
    const data = await service.familyTransfer(actorOf(request), childIdOf(request.params));
    return reply.view('transfers/your-transfer.njk', {
      ...familyView(data),
      sent: (request.query as Record<string, string>).sent === '1',
    });
  });

  const renderPreference = async (
    reply: FastifyReply,
    actor: Actor,
    childId: string,
    values: Record<string, string> = {},
    errors?: FormErrors,
  ) => {
    const data = await service.familyTransfer(actor, childId);
    if (!data.entry.inCohort) throw new NotFoundError();
    return reply.view('transfers/preference.njk', {
      ...familyView(data),
      pageTitle: 'Tell us the school or college you want',
      values,
      errors,
      formToken: newFormToken(),
    });
  };

  app.get(paths.transfers.familyPreferencePattern, async (request, reply) =>
    renderPreference(reply, actorOf(request), childIdOf(request.params)),
  );

  app.post(paths.transfers.familyPreferencePattern, async (request, reply) => {
    const actor = actorOf(request);
    const childId = childIdOf(request.params);
    return handleForm(request.body, reply, {
      parse: (v) => ({ ok: true, data: v }),
      submit: (data) => service.statePreference(actor, childId, data),
      render: (values, errors, error) =>
        renderPreference(reply, actor, childId, values, transferErrors(errors, error)),
      success: () => withQuery(paths.transfers.family(childId), { sent: 1 }),
    });
  });
}
