/**
 * The amendments pages (docs/reviews.md, "Amendments"; ADR 0017): the open amendments, a plan's amendments with the
 * form for each next step, and the family's notice of a proposal.
 */
import { lowerFirst } from '../../platform/text.ts';
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
  type Parsed,
  fieldErrors,
} from '../../platform/web/forms.ts';
import { paths } from '../../platform/web/paths.ts';
import { personalBudgetInformation } from '../../domain/personal-budget/index.ts';
import { longDate } from '../../domain/calendar.ts';
import { AMENDMENT_TRIGGERS, TRIGGER_LABELS } from '../../domain/review/index.ts';
import type { AmendmentsService } from './service.ts';
import { AMENDMENT_EDITORS, AmendmentFormError } from './support.ts';

const DATE_FIELDS = ['date'];

/** Every error of an AmendmentFormError in the summary (handleForm shows one field's). */
function formErrorsOf(errors: FormErrors, error?: FieldError): FormErrors {
  return error instanceof AmendmentFormError
    ? fieldErrors(error.errors, { dateFields: DATE_FIELDS })
    : errors;
}

/**
 * The step forms share the field name `date` on one page, so each form's inputs carry their own id
 * (`proposal-date-day`, set in plan.njk): the error summary links to the form that was sent.
 */
function onStepForm(errors: FormErrors | undefined, step: StepName): FormErrors | undefined {
  if (!errors) return errors;
  const href = `#${step}-date-day`;
  return { ...errors, list: errors.list.map((e) => (e.href === '#date-day' ? { ...e, href } : e)) };
}

function readDate(values: Record<string, string>, label: string): Parsed<string | null> {
  const r = readDateInput(values, 'date', label);
  const error = r.error ?? (r.value === undefined ? `Enter ${lowerFirst(label)}` : undefined);
  if (error)
    return {
      ok: false,
      errors: { list: [{ text: error, href: '#date-day' }], fields: { date: { text: error } } },
    };
  return { ok: true, data: r.value ?? null };
}

const STEPS = {
  proposal: 'The date the proposal was sent',
  issue: 'The date the amended plan was issued',
  'not-to-amend': 'The date the decision was sent',
  school: 'The date the family asked',
  meeting: 'The date the family asked for a meeting',
  'meeting-held': 'The date the meeting was held',
} as const;
type StepName = keyof typeof STEPS;

/** A step's form as the service takes it. */
interface StepInput {
  date: string | null;
  reasons: string | null;
  settingId: string | null;
  formToken: string | undefined;
}

/**
 * A step's form: its date; for a decision not to amend, reasons of at least 20 characters too (both errors at once,
 * the family is told the reasons).
 */
export function readStep(values: Record<string, string>, name: StepName): Parsed<StepInput> {
  const date = readDate(values, STEPS[name]);
  if (!date.ok) {
    if (name === 'not-to-amend' && (values.reasons ?? '').trim().length < 20) {
      const text =
        'Give the reasons the plan will not be amended (at least 20 characters): the family is told them';
      return {
        ok: false,
        errors: {
          list: [...date.errors.list, { text, href: '#reasons' }],
          fields: { ...date.errors.fields, reasons: { text } },
        },
      };
    }
    return date;
  }
  return {
    ok: true,
    data: {
      date: date.data,
      reasons: values.reasons ?? null,
      settingId: values.settingId || null,
      formToken: values.formToken,
    },
  };
}

/** Records a step of an amendment through the service. */
function recordStep(
  service: AmendmentsService,
  actor: Actor,
  amendmentId: string,
  name: StepName,
  d: StepInput,
) {
  switch (name) {
    case 'proposal':
      return service.sendProposal(actor, amendmentId, d);
    case 'issue':
      return service.issueAmended(actor, amendmentId, d);
    case 'not-to-amend':
      return service.notToAmend(actor, amendmentId, d);
    case 'school':
      return service.recordSchoolRequest(actor, amendmentId, d);
    case 'meeting':
    case 'meeting-held':
      return service.recordMeeting(actor, amendmentId, name, d);
  }
}

export function amendmentRoutes(app: FastifyInstance, { service }: RouteDeps<AmendmentsService>): void {
  const render = async (
    reply: FastifyReply,
    actor: Actor,
    planId: string,
    options: { values?: Record<string, string>; errors?: FormErrors | undefined; form?: string } = {},
  ) => {
    const view = await service.planAmendments(actor, planId);
    const values = { formToken: newFormToken(), ...(options.values ?? {}) };
    return reply.view('amendments/plan.njk', {
      pageTitle: 'Amending the plan',
      view,
      canEdit: AMENDMENT_EDITORS.includes(actor.role),
      triggerItems: AMENDMENT_TRIGGERS.filter((t) => t !== 'review' || view.reviewsToAmend.length > 0).map(
        (value) => ({ value, text: TRIGGER_LABELS[value], checked: options.values?.trigger === value }),
      ),
      reviewItems: view.reviewsToAmend.map((r) => ({
        value: r.id,
        text: `Review ${r.number}, meeting held ${longDate(r.held!)}`,
        selected: options.values?.reviewId === r.id,
      })),
      settingItems: [
        { value: '', text: 'Choose a setting' },
        ...view.register.map((s) => ({
          value: s.id,
          text: s.name,
          selected: options.values?.settingId === s.id,
        })),
      ],
      values,
      errors: options.errors,
      form: options.form ?? null,
    });
  };
  const planIdOf = (params: unknown) => {
    const { planId } = params as { planId: string };
    if (!isUuid(planId)) throw new NotFoundError();
    return planId;
  };

  app.get(paths.amendments.list, async (request, reply) => {
    const actor = actorOf(request);
    const rows = await service.openList(actor);
    return reply.view('amendments/list.njk', { pageTitle: 'Amendments in progress', rows });
  });

  app.get(paths.amendments.planPattern, async (request, reply) =>
    render(reply, actorOf(request), planIdOf(request.params)),
  );

  app.post(paths.amendments.startPattern, async (request, reply) => {
    const actor = actorOf(request);
    const planId = planIdOf(request.params);
    return handleForm(request.body, reply, {
      parse: (values) => ({
        ok: true,
        data: {
          trigger: values.trigger ?? null,
          reviewId: values.reviewId ?? null,
          details: values.details ?? null,
          formToken: values.formToken,
        },
      }),
      submit: (data) => service.start(actor, planId, data),
      render: (values, errors, error) =>
        render(reply, actor, planId, { values, errors: formErrorsOf(errors, error), form: 'start' }),
      success: () => paths.amendments.plan(planId),
    });
  });

  app.post(paths.amendments.stepPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { amendmentId, step } = request.params as { amendmentId: string; step: string };
    if (!isUuid(amendmentId) || !(step in STEPS)) throw new NotFoundError();
    const name = step as StepName;
    const planId = await service.planOfAmendment(actor, amendmentId);
    return handleForm(request.body, reply, {
      parse: (values) => readStep(values, name),
      submit: (d) => recordStep(service, actor, amendmentId, name, d),
      render: (values, errors, error) =>
        render(reply, actor, planId, {
          values,
          errors: onStepForm(formErrorsOf(errors, error), name),
          form: name,
        }),
      // A late step is accepted and shown late on the page, with its rule (the steps' statuses).
      success: (result) => paths.amendments.plan(result.planId),
    });
  });

  const renderNotice = async (
    reply: FastifyReply,
    actor: Actor,
    planId: string,
    form: { values?: Record<string, string>; errors?: FormErrors | undefined } = {},
  ) =>
    reply.view('amendments/notice.njk', {
      pageTitle: 'Proposed changes to the EHC plan',
      notice: await service.familyNotice(actor, planId),
      personalBudgetInformation: personalBudgetInformation(),
      staff: AMENDMENT_EDITORS.includes(actor.role) || actor.role === 'send-leader',
      family: actor.role === 'parent' || actor.role === 'young-person',
      values: { formToken: newFormToken(), ...(form.values ?? {}) },
      errors: form.errors,
    });

  app.get(paths.amendments.noticePattern, async (request, reply) =>
    renderNotice(reply, actorOf(request), planIdOf(request.params)),
  );

  app.post(paths.amendments.meetingPattern, async (request, reply) => {
    const actor = actorOf(request);
    const planId = planIdOf(request.params);
    return handleForm(request.body, reply, {
      parse: (values) => ({ ok: true, data: { note: values.note ?? null, formToken: values.formToken } }),
      submit: (data) => service.familyAsksForMeeting(actor, planId, data),
      render: (values, errors, error) =>
        renderNotice(reply, actor, planId, { values, errors: formErrorsOf(errors, error) }),
      success: () => `${paths.amendments.notice(planId)}#meeting`,
    });
  });
}
