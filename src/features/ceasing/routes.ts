/**
 * The ceasing pages (docs/ceasing.md): a plan's page for stopping it (S9) and transferring it to another council
 * (S11), with the form for each next step. Handlers parse, call the service and render; the rules are the service's.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isUuid, type Actor } from '../../platform/access/access.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { RouteDeps } from '../../platform/feature.ts';
import { actorOf } from '../../platform/web/app.ts';
import {
  handleForm,
  readDateInput,
  type FieldError,
  type FormErrors,
  type Parsed,
} from '../../platform/web/forms.ts';
import { paths } from '../../platform/web/paths.ts';
import { ceasingPageModel } from './view-model.ts';
import { CEASING_EDITORS, CeasingFormError, type CeasingService } from './service.ts';

const DATE_FIELDS = new Set([
  'startedOn',
  'familyConsulted',
  'institutionConsulted',
  'decisionDate',
  'reviewEstablishingNoReturn',
  'appealRegistered',
  'appealEnded',
  'learnedOn',
  'moveDate',
  'sentOn',
  'healthToldOn',
]);

/** Every error of a CeasingFormError in the summary, each linked to its field (a date to its day input). */
function formErrorsOf(errors: FormErrors, error?: FieldError): FormErrors {
  if (!(error instanceof CeasingFormError)) return errors;
  const fields: Record<string, { text: string }> = {};
  for (const e of error.errors) fields[e.field] ??= { text: e.message };
  return {
    list: Object.entries(fields).map(([name, f]) => ({
      text: f.text,
      href: `#${name}${DATE_FIELDS.has(name) ? '-day' : ''}`,
    })),
    fields,
  };
}

/**
 * Reads the named date inputs (and the text fields named) into strings or null; a broken date is a form error here,
 * a missing one the service's (so it is shown with every other error of the form at once).
 */
function readForm(
  values: Record<string, string>,
  dates: Record<string, string>,
  texts: readonly string[],
): Parsed<Record<string, string | null>> {
  const data: Record<string, string | null> = {};
  const list: FormErrors['list'] = [];
  const fields: FormErrors['fields'] = {};
  for (const [name, label] of Object.entries(dates)) {
    const r = readDateInput(values, name, label);
    if (r.error) {
      list.push({ text: r.error, href: `#${name}-day` });
      fields[name] = { text: r.error };
    }
    data[name] = r.value ?? null;
  }
  for (const name of texts) data[name] = values[name] ?? null;
  return list.length ? { ok: false, errors: { list, fields } } : { ok: true, data };
}

/** A step's form, read, as the service call that records it. */
function saveStep(
  service: CeasingService,
  actor: Actor,
  cessationId: string,
  step: Step,
  d: Record<string, string | null>,
) {
  const v = (k: string) => d[k] ?? null;
  switch (step) {
    case 'consult':
      return service.consult(actor, cessationId, {
        familyConsulted: v('familyConsulted'),
        familyResponse: v('familyResponse'),
        institutionConsulted: v('institutionConsulted'),
        institutionResponse: v('institutionResponse'),
      });
    case 'decide':
      return service.decide(actor, cessationId, {
        outcome: v('outcome'),
        decisionDate: v('decisionDate'),
        ground: v('ground'),
        reviewEstablishingNoReturn: v('reviewEstablishingNoReturn'),
        reasons: v('reasons'),
      });
    case 'appeal':
      return service.recordAppeal(actor, cessationId, {
        appealRegistered: v('appealRegistered'),
        appealEnded: v('appealEnded'),
        appealOutcome: v('appealOutcome'),
      });
  }
}

const FORMS = {
  start: {
    dates: { startedOn: 'The date the council started considering it' },
    texts: ['reason', 'reviewId'],
  },
  consult: {
    dates: {
      familyConsulted: 'The date the family was consulted',
      institutionConsulted: 'The date the school or college was consulted',
    },
    texts: ['familyResponse', 'institutionResponse'],
  },
  decide: {
    dates: {
      decisionDate: 'The date the decision was sent to the family',
      reviewEstablishingNoReturn: 'The date of the review',
    },
    texts: ['outcome', 'ground', 'reasons'],
  },
  appeal: {
    dates: {
      appealRegistered: 'The date the appeal was registered',
      appealEnded: 'The date the appeal ended',
    },
    texts: ['appealOutcome'],
  },
  transferOut: {
    dates: {
      learnedOn: 'The date the council learned of the move',
      moveDate: 'The date of the move',
      sentOn: 'The date the plan was sent',
      healthToldOn: 'The date the health commissioner was told',
    },
    texts: ['toAuthority', 'toAuthorityCode'],
  },
} as const;

const STEPS = ['consult', 'decide', 'appeal'] as const;
type Step = (typeof STEPS)[number];

export function ceasingRoutes(app: FastifyInstance, { service }: RouteDeps<CeasingService>): void {
  const render = async (
    reply: FastifyReply,
    actor: Actor,
    planId: string,
    values: Record<string, string> = {},
    errors?: FormErrors,
  ) => {
    const view = await service.planEnding(actor, planId);
    return reply.view('ceasing/plan.njk', {
      pageTitle: 'Stopping the plan or transferring it',
      ...ceasingPageModel(view, values),
      canEdit: CEASING_EDITORS.includes(actor.role),
      errors,
    });
  };
  const planIdOf = (params: unknown) => {
    const { planId } = params as { planId: string };
    if (!isUuid(planId)) throw new NotFoundError();
    return planId;
  };
  const parser = (form: keyof typeof FORMS) => (values: Record<string, string>) => {
    const f = FORMS[form];
    return readForm(values, f.dates, f.texts);
  };

  app.get(paths.ceasing.planPattern, async (request, reply) =>
    render(reply, actorOf(request), planIdOf(request.params)),
  );

  app.post(paths.ceasing.startPattern, async (request, reply) => {
    const actor = actorOf(request);
    const planId = planIdOf(request.params);
    return handleForm(request.body, reply, {
      parse: parser('start'),
      submit: (d) =>
        service.start(actor, planId, {
          startedOn: d.startedOn ?? null,
          reason: d.reason ?? null,
          reviewId: d.reviewId && isUuid(d.reviewId) ? d.reviewId : null,
        }),
      render: (values, errors, error) => render(reply, actor, planId, values, formErrorsOf(errors, error)),
      success: () => paths.ceasing.plan(planId),
    });
  });

  app.post(paths.ceasing.transferOutPattern, async (request, reply) => {
    const actor = actorOf(request);
    const planId = planIdOf(request.params);
    return handleForm(request.body, reply, {
      parse: parser('transferOut'),
      submit: (d) =>
        service.recordTransferOut(actor, planId, {
          toAuthority: d.toAuthority ?? null,
          toAuthorityCode: d.toAuthorityCode ?? null,
          learnedOn: d.learnedOn ?? null,
          moveDate: d.moveDate ?? null,
          sentOn: d.sentOn ?? null,
          healthToldOn: d.healthToldOn ?? null,
        }),
      render: (values, errors, error) => render(reply, actor, planId, values, formErrorsOf(errors, error)),
      success: () => paths.ceasing.plan(planId),
    });
  });

  app.post(paths.ceasing.stepPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { cessationId, step } = request.params as { cessationId: string; step: string };
    if (!isUuid(cessationId) || !(STEPS as readonly string[]).includes(step)) throw new NotFoundError();
    const planId = await service.planOfCessation(actor, cessationId);
    return handleForm(request.body, reply, {
      parse: parser(step as Step),
      submit: (d) => saveStep(service, actor, cessationId, step as Step, d),
      render: (values, errors, error) => render(reply, actor, planId, values, formErrorsOf(errors, error)),
      success: () => paths.ceasing.plan(planId),
    });
  });
}
