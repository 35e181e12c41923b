/**
 * The tribunal feature's pages. Staff: every disagreement, recording one from a letter, one disagreement with all
 * its dates, its mediation, an agreement, the appeal, and a date done. Families: their own children's. Handlers
 * parse, ask the service, render.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { newFormToken } from '../../platform/change/once.ts';
import type { RouteDeps } from '../../platform/feature.ts';
import { actorOf } from '../../platform/web/app.ts';
import { dateInputValues, handleForm, type FormErrors } from '../../platform/web/forms.ts';
import { checkboxItems, labelled, radioItems, selectItems } from '../../platform/web/items.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { CONCESSION_KINDS, ORDER_KINDS } from '../../domain/clock/index.ts';
import {
  COMPLIANCE_LABELS,
  CONCESSION_LABELS,
  DECISION_KINDS,
  DECISION_LABELS,
  GROUND_LABELS,
  GROUNDS,
  GROUNDS_FOR,
  ORDER_LABELS,
  OUTCOME_LABELS,
  OUTCOMES,
} from '../../domain/tribunal/index.ts';
import { parseAgreement, parseAppeal, parseDone, parseException, parseMediation, parseNew } from './forms.ts';
import type { TribunalService } from './service.ts';
import { EXCEPTION_KIND_LABELS, openCompliance, sectionsOf } from './view.ts';

type Values = Record<string, string>;
const param = (request: FastifyRequest) => (request.params as Record<string, string>).disagreementId ?? '';
const query = (request: FastifyRequest) => request.query as Record<string, string | undefined>;

const listSchema = z.object({ status: z.enum(['open', 'closed']).optional().catch(undefined) });

const SAVED: Record<string, string> = {
  recorded: 'Disagreement recorded',
  mediation: 'Mediation saved',
  agreement: 'Agreement recorded',
  appeal: 'Appeal saved',
  done: 'Date done recorded',
  exception: 'Exception recorded',
};

export function tribunalRoutes(app: FastifyInstance, { service }: RouteDeps<TribunalService>): void {
  app.get(paths.tribunal.list, async (request, reply) => {
    const filter = listSchema.parse(query(request));
    const data = await service.list(actorOf(request), filter);
    return reply.view('tribunal/list.njk', {
      pageTitle: 'Mediation and tribunal appeals',
      ...data,
      status: filter.status ?? '',
      newHref: paths.tribunal.new,
      filters: [
        { text: 'All', href: paths.tribunal.list, current: !filter.status },
        {
          text: 'Open',
          href: withQuery(paths.tribunal.list, { status: 'open' }),
          current: filter.status === 'open',
        },
        {
          text: 'Closed',
          href: withQuery(paths.tribunal.list, { status: 'closed' }),
          current: filter.status === 'closed',
        },
      ],
      href: paths.tribunal.show,
    });
  });

  // ------------------------------------------------------------------------------------------- record
  const renderNew = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors?: FormErrors,
  ) => {
    const { child } = await service.recordForm(actorOf(request), query(request).child);
    const shown: Values = { childReference: child?.reference ?? '', ...values };
    return reply.view('tribunal/new.njk', {
      pageTitle: 'Record a disagreement with a decision',
      backLink: paths.tribunal.list,
      values: shown,
      errors,
      formToken: newFormToken(),
      decisionItems: radioItems(labelled(DECISION_KINDS, DECISION_LABELS), shown.decisionKind),
      action: withQuery(paths.tribunal.new, { child: child?.id }),
    });
  };
  app.get(paths.tribunal.new, (request, reply) => renderNew(request, reply, {}));
  app.post(paths.tribunal.new, (request, reply) =>
    handleForm(request.body, reply, {
      parse: parseNew,
      submit: (data) => service.record(actorOf(request), data, data.formToken),
      render: (values, errors) => renderNew(request, reply, values, errors),
      success: (id) => (id ? withQuery(paths.tribunal.show(id), { done: 'recorded' }) : paths.tribunal.list),
    }),
  );

  // ------------------------------------------------------------------------------------------- one
  const renderShow = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors?: FormErrors,
  ) => {
    const data = await service.page(actorOf(request), param(request));
    const open = openCompliance(data.d.steps);
    return reply.view('tribunal/show.njk', {
      pageTitle: `${data.child?.name ?? 'Child'}: disagreement with a decision`,
      backLink: paths.tribunal.list,
      ...data,
      saved: SAVED[query(request).done ?? ''] ?? null,
      childHref: data.child ? paths.children.show(data.child.id) : null,
      groundLabel: data.d.ground ? GROUND_LABELS[data.d.ground] : null,
      sections: sectionsOf(data.d.sections).join(', '),
      outcomeLabel: data.d.outcome ? OUTCOME_LABELS[data.d.outcome] : null,
      orderLabel: data.d.order_kind ? ORDER_LABELS[data.d.order_kind] : null,
      concessionLabel: data.d.concession_kind ? CONCESSION_LABELS[data.d.concession_kind] : null,
      orderLabels: ORDER_LABELS,
      links: {
        mediation: paths.tribunal.mediation(data.d.id),
        agreement: paths.tribunal.agreement(data.d.id),
        appeal: paths.tribunal.appeal(data.d.id),
        done: paths.tribunal.done(data.d.id),
        exception: data.d.compliance.length ? paths.tribunal.exception(data.d.id) : null,
      },
      doneItems: open.length
        ? selectItems(
            open.map((s) => ({ value: s.id, text: `${s.label} (due ${s.due})` })),
            values.stepId,
            { any: 'Select a date' },
          )
        : null,
      values: { ...dateInputValues('on', data.today), ...values },
      errors,
    });
  };
  app.get(paths.tribunal.showPattern, (request, reply) => renderShow(request, reply, {}));
  app.post(paths.tribunal.donePattern, (request, reply) =>
    handleForm(request.body, reply, {
      parse: parseDone,
      submit: (data) => service.markDone(actorOf(request), param(request), data.stepId, data.on),
      render: (values, errors) => renderShow(request, reply, values, errors),
      success: () => withQuery(paths.tribunal.show(param(request)), { done: 'done' }),
    }),
  );

  // ------------------------------------------------------------------------------------------- mediation
  const renderMediation = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values | null,
    errors?: FormErrors,
  ) => {
    const { d, child } = await service.page(actorOf(request), param(request));
    const shown: Values = values ?? {
      ...dateInputValues('adviserContacted', d.adviser_contacted_on),
      ...dateInputValues('declinedMediationOn', d.declined_mediation_on),
      ...dateInputValues('mediationRequestedOn', d.mediation_requested_on),
      ...dateInputValues('commissionerToldOn', d.commissioner_told_on),
      ...dateInputValues('mediationHeldOn', d.mediation_held_on),
      ...dateInputValues('certificateIssuedOn', d.certificate_issued_on),
      mediationIssues: d.mediation_issues ?? '',
      health: [d.health_issues ? 'issues' : '', d.health_only ? 'only' : ''].filter(Boolean).join(','),
    };
    return reply.view('tribunal/mediation.njk', {
      pageTitle: 'Mediation',
      caption: child?.name ?? '',
      backLink: paths.tribunal.show(d.id),
      formAction: paths.tribunal.mediation(d.id),
      values: shown,
      errors,
      healthItems: checkboxItems(
        [
          { value: 'issues', text: 'The family wants mediation about health provision too' },
          { value: 'only', text: 'Only about health provision (the health commissioning body arranges it)' },
        ],
        (shown.health ?? '').split(','),
      ),
    });
  };
  app.get(paths.tribunal.mediationPattern, (request, reply) => renderMediation(request, reply, null));
  app.post(paths.tribunal.mediationPattern, (request, reply) =>
    handleForm(request.body, reply, {
      parse: parseMediation,
      keep: (values) => ({ ...values, health: arrayOf(request.body, 'health').join(',') }),
      submit: (data) => service.saveMediation(actorOf(request), param(request), data),
      render: (values, errors) => renderMediation(request, reply, values, errors),
      success: () => withQuery(paths.tribunal.show(param(request)), { done: 'mediation' }),
    }),
  );

  // ------------------------------------------------------------------------------------------- exception
  const renderException = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors?: FormErrors,
  ) => {
    const { d, child } = await service.page(actorOf(request), param(request));
    const steps = d.steps.filter((s) => s.compliance && s.owner === 'local-authority');
    return reply.view('tribunal/exception.njk', {
      pageTitle: 'Record an exception (reg 44(3))',
      caption: child?.name ?? '',
      backLink: paths.tribunal.show(d.id),
      formAction: paths.tribunal.exception(d.id),
      formToken: newFormToken(),
      values,
      errors,
      exceptions: d.exceptions,
      stepItems: steps.length
        ? selectItems(
            steps.map((s) => ({ value: s.id, text: `${s.label} (due ${s.due})` })),
            values.stepId,
            { any: 'Select a date' },
          )
        : null,
      kindItems: radioItems(
        (['personal-circumstances', 'absence'] as const).map((k) => ({
          value: k,
          text: EXCEPTION_KIND_LABELS[k],
        })),
        values.kind,
      ),
      confirmItems: checkboxItems(
        [{ value: 'yes', text: 'A caseworker confirms it made the date impractical' }],
        (values.confirmed ?? '').split(','),
      ),
    });
  };
  app.get(paths.tribunal.exceptionPattern, (request, reply) => renderException(request, reply, {}));
  app.post(paths.tribunal.exceptionPattern, (request, reply) =>
    handleForm(request.body, reply, {
      parse: parseException,
      keep: (values) => ({ ...values, confirmed: arrayOf(request.body, 'confirmed').join(',') }),
      submit: (data) => service.addException(actorOf(request), param(request), data, data.formToken),
      render: (values, errors) => renderException(request, reply, values, errors),
      success: () => withQuery(paths.tribunal.show(param(request)), { done: 'exception' }),
    }),
  );

  // ------------------------------------------------------------------------------------------- agreement
  const renderAgreement = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors?: FormErrors,
  ) => {
    const { d, child } = await service.page(actorOf(request), param(request));
    return reply.view('tribunal/agreement.njk', {
      pageTitle: 'Record a mediation agreement',
      caption: child?.name ?? '',
      backLink: paths.tribunal.show(d.id),
      formAction: paths.tribunal.agreement(d.id),
      formToken: newFormToken(),
      values,
      errors,
      obligesItems: radioItems(
        [
          ...ORDER_KINDS.map((k) => ({ value: k, text: ORDER_LABELS[k] })),
          { value: 'none', text: 'Nothing that could be appealed' },
        ],
        values.obliges,
      ),
      otherItems: checkboxItems(
        [
          {
            value: 'non-appealable',
            text: 'It also settles matters that cannot be appealed (2 weeks, reg 42(3))',
          },
          {
            value: 'commissioner-only',
            text: 'The health commissioning body made it without the council (it tells the council within 1 week, reg 42(4))',
          },
        ],
        (values.other ?? '').split(','),
      ),
    });
  };
  app.get(paths.tribunal.agreementPattern, (request, reply) => renderAgreement(request, reply, {}));
  app.post(paths.tribunal.agreementPattern, (request, reply) =>
    handleForm(request.body, reply, {
      parse: parseAgreement,
      keep: (values) => ({ ...values, other: arrayOf(request.body, 'other').join(',') }),
      submit: (data) => service.addAgreement(actorOf(request), param(request), data, data.formToken),
      render: (values, errors) => renderAgreement(request, reply, values, errors),
      success: () => withQuery(paths.tribunal.show(param(request)), { done: 'agreement' }),
    }),
  );

  // ------------------------------------------------------------------------------------------- appeal
  const renderAppeal = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values | null,
    errors?: FormErrors,
  ) => {
    const { d, child } = await service.page(actorOf(request), param(request));
    const shown: Values = values ?? {
      ...dateInputValues('registeredOn', d.appeal_registered_on),
      ...dateInputValues('responseDue', d.response_due),
      ...dateInputValues('responseSentOn', d.response_sent_on),
      ...dateInputValues('hearingOn', d.hearing_on),
      ...dateInputValues('decidedOn', d.decided_on),
      ...dateInputValues('concededOn', d.conceded_on),
      ground: d.ground ?? '',
      sections: d.sections ?? '',
      careRecommendations: d.care_recommendations ? 'yes' : '',
      outcome: d.outcome ?? '',
      orderKind: d.order_kind ?? '',
      concessionKind: d.concession_kind ?? '',
    };
    const grounds = GROUNDS.filter((g) => GROUNDS_FOR[d.decision_kind].includes(g));
    return reply.view('tribunal/appeal.njk', {
      pageTitle: 'The appeal to the tribunal',
      caption: child?.name ?? '',
      backLink: paths.tribunal.show(d.id),
      formAction: paths.tribunal.appeal(d.id),
      values: shown,
      errors,
      groundItems: radioItems(labelled(grounds, GROUND_LABELS), shown.ground),
      sectionItems: checkboxItems(
        [
          { value: 'B', text: 'Section B: special educational needs' },
          { value: 'F', text: 'Section F: special educational provision' },
          { value: 'I', text: 'Section I: the school or other institution' },
        ],
        (shown.sections ?? '').split(','),
      ),
      careItems: checkboxItems(
        [
          {
            value: 'yes',
            text: 'The family also asks for health or social care recommendations (national trial)',
          },
        ],
        [shown.careRecommendations ?? ''],
      ),
      outcomeItems: selectItems(labelled(OUTCOMES, OUTCOME_LABELS), shown.outcome, {
        any: 'Not decided yet',
      }),
      orderItems: selectItems(labelled(ORDER_KINDS, ORDER_LABELS), shown.orderKind, { any: 'No order' }),
      concessionItems: selectItems(labelled(CONCESSION_KINDS, CONCESSION_LABELS), shown.concessionKind, {
        any: 'Not conceded',
      }),
    });
  };
  app.get(paths.tribunal.appealPattern, (request, reply) => renderAppeal(request, reply, null));
  app.post(paths.tribunal.appealPattern, (request, reply) =>
    handleForm(request.body, reply, {
      parse: parseAppeal,
      keep: (values) => ({ ...values, sections: arrayOf(request.body, 'sections').join(',') }),
      submit: (data) => service.saveAppeal(actorOf(request), param(request), data),
      render: (values, errors) => renderAppeal(request, reply, values, errors),
      success: () => withQuery(paths.tribunal.show(param(request)), { done: 'appeal' }),
    }),
  );

  // ------------------------------------------------------------------------------------------- families
  app.get(paths.tribunal.family, async (request, reply) => {
    const data = await service.familyList(actorOf(request));
    return reply.view('tribunal/family.njk', {
      pageTitle: 'Mediation and appeals',
      backLink: paths.home,
      ...data,
      complianceLabels: COMPLIANCE_LABELS,
    });
  });
}

function arrayOf(body: unknown, name: string): string[] {
  const raw = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  const list = Array.isArray(raw) ? (raw as unknown[]) : raw === undefined ? [] : [raw];
  return list.filter((v): v is string => typeof v === 'string');
}
