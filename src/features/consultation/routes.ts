/**
 * The consultation pages: the caseworker's page for a case (the family's preference, sending consultations,
 * recording why a preference will not be named), and the school's list and answer. Handlers parse, ask the
 * service, render.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { newFormToken } from '../../platform/change/once.ts';
import type { RouteDeps } from '../../platform/feature.ts';
import { actorOf } from '../../platform/web/app.ts';
import { handleForm, type FormErrors } from '../../platform/web/forms.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import {
  consultSchema,
  parseAnswer,
  parsePreference,
  PREFERENCE_FIELDS,
  REFUSE_FIELDS,
  refuseSchema,
} from './forms.ts';
import type { ConsultationService } from './service.ts';
import {
  consultationView,
  placementView,
  planRefuseView,
  refuseView,
  schoolListView,
} from './view-models.ts';

type Values = Record<string, string>;
const param = (request: FastifyRequest, name: string) =>
  (request.params as Record<string, string>)[name] ?? '';
const query = (request: FastifyRequest) => request.query as Record<string, string | undefined>;

export function consultationRoutes(app: FastifyInstance, { service }: RouteDeps<ConsultationService>): void {
  const renderCase = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values = {},
    errors?: FormErrors,
  ) => {
    const data = await service.casePage(actorOf(request), param(request, 'caseId'));
    const view = placementView(data, values, errors, newFormToken(), query(request).done);
    return reply.view('consultation/placement.njk', view);
  };
  const backToCase = (request: FastifyRequest, done: string) =>
    withQuery(paths.consultation.case(param(request, 'caseId')), { done });

  app.get(paths.consultation.casePattern, (request, reply) => renderCase(request, reply));

  app.post(paths.consultation.preferencePattern, (request, reply) =>
    handleForm(request.body, reply, {
      parse: parsePreference,
      fields: PREFERENCE_FIELDS,
      submit: (data) => service.recordPreference(actorOf(request), param(request, 'caseId'), data),
      render: (values, errors) => renderCase(request, reply, values, errors),
      success: () => backToCase(request, 'preference'),
    }),
  );

  app.post(paths.consultation.consultPattern, (request, reply) =>
    handleForm(request.body, reply, {
      parse: consultSchema,
      fields: ['consultSettingId'],
      submit: (data) =>
        service.consultSetting(actorOf(request), param(request, 'caseId'), {
          settingId: data.consultSettingId,
          token: data.formToken,
        }),
      render: (values, errors, error) =>
        renderCase(
          request,
          reply,
          values,
          error?.field === 'settingId' ? relabel(errors, 'consultSettingId') : errors,
        ),
      success: () => backToCase(request, 'consulted'),
    }),
  );

  const renderRefuse = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values = {},
    errors?: FormErrors,
  ) => {
    const data = await service.casePage(actorOf(request), param(request, 'caseId'));
    return reply.view(
      'consultation/refuse.njk',
      refuseView(data, param(request, 'preferenceId'), values, errors, newFormToken()),
    );
  };
  app.get(paths.consultation.refusePattern, (request, reply) => renderRefuse(request, reply));
  app.post(paths.consultation.refusePattern, (request, reply) =>
    handleForm(request.body, reply, {
      parse: refuseSchema,
      fields: REFUSE_FIELDS,
      submit: (data) =>
        service.refusePreference(actorOf(request), param(request, 'caseId'), param(request, 'preferenceId'), {
          ground: data.ground,
          reasons: data.reasons,
          token: data.formToken,
        }),
      render: (values, errors) => renderRefuse(request, reply, values, errors),
      success: () => backToCase(request, 'refused'),
    }),
  );

  const renderPlanRefuse = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values = {},
    errors?: FormErrors,
  ) => {
    const data = await service.planPreference(actorOf(request), param(request, 'preferenceId'));
    return reply.view('consultation/refuse.njk', planRefuseView(data, values, errors, newFormToken()));
  };
  app.get(paths.consultation.planRefusePattern, (request, reply) => renderPlanRefuse(request, reply));
  app.post(paths.consultation.planRefusePattern, (request, reply) =>
    handleForm(request.body, reply, {
      parse: refuseSchema,
      fields: REFUSE_FIELDS,
      submit: (data) =>
        service.refusePlanPreference(actorOf(request), param(request, 'preferenceId'), {
          ground: data.ground,
          reasons: data.reasons,
          token: data.formToken,
        }),
      render: (values, errors) => renderPlanRefuse(request, reply, values, errors),
      success: (planId) => withQuery(paths.amendments.plan(planId), { done: 'refused' }),
    }),
  );

  app.get(paths.consultation.list, async (request, reply) => {
    const page = Math.max(1, Math.min(100_000, Number(query(request).page) || 1));
    return reply.view(
      'consultation/list.njk',
      schoolListView(await service.forSchool(actorOf(request), page)),
    );
  });

  const renderShow = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values = {},
    errors?: FormErrors,
  ) => {
    const data = await service.show(actorOf(request), param(request, 'consultationId'));
    const view = consultationView(data, values, errors, newFormToken(), query(request).answered === '1');
    return reply.view('consultation/consultation.njk', view);
  };
  app.get(paths.consultation.showPattern, (request, reply) => renderShow(request, reply));
  app.post(paths.consultation.showPattern, (request, reply) =>
    handleForm(request.body, reply, {
      parse: parseAnswer,
      fields: ['answer', 'ground', 'reasons'],
      submit: (data) => service.answer(actorOf(request), param(request, 'consultationId'), data),
      render: (values, errors) => renderShow(request, reply, values, errors),
      success: () => withQuery(paths.consultation.show(param(request, 'consultationId')), { answered: 1 }),
    }),
  );

  app.get(paths.consultation.draftPattern, async (request, reply) => {
    const draft = await service.draftPdf(actorOf(request), param(request, 'consultationId'));
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${draft.fileName}"`)
      .header('cache-control', 'private, no-store')
      .send(draft.content);
  });
}

/** A service error about the setting, shown against the consult form's own field. */
function relabel(errors: FormErrors, field: string): FormErrors {
  const text = errors.list[0]?.text ?? '';
  return { list: [{ text, href: `#${field}` }], fields: { [field]: { text } } };
}
