/** The reviews pages (docs/reviews.md): the ranked backlog, and a plan's reviews with the form for each next step. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { isUuid, type Actor } from '../../platform/access/access.ts';
import { newFormToken } from '../../platform/change/once.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { RouteDeps } from '../../platform/feature.ts';
import { actorOf } from '../../platform/web/app.ts';
import {
  arrayValue,
  formValues,
  handleForm,
  readDateInput,
  type FieldError,
  type FormErrors,
  type Parsed,
  fieldErrors,
} from '../../platform/web/forms.ts';
import {
  EARLY_REVIEW_REASON_LABELS,
  EARLY_REVIEW_REASONS,
  OUTCOME_LABELS,
  STATE_LABELS,
} from '../../domain/review/index.ts';
import { govukPagination } from '../../platform/web/pagination.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { AllocationError, REVIEW_ALLOCATORS } from './allocation.ts';
import { REVIEW_EDITORS, ReviewFormError, type ReviewsService } from './service.ts';
import { reviewVoicesRoutes } from './voices-routes.ts';

export const STAGE_LABELS = {
  'not-arranged': 'Not arranged',
  scheduled: 'Meeting date set',
  arranged: 'Invitations sent',
} as const;

const uuidOrNull = z
  .string()
  .optional()
  .transform((v) => (v && isUuid(v) ? v : null));

const backlogQuery = z.object({
  officer: uuidOrNull,
  school: uuidOrNull,
  stage: z.enum(['not-arranged', 'scheduled', 'arranged']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  allocated: z.coerce.number().int().min(0).max(1_000).optional().catch(undefined),
});

export function reviewRoutes(app: FastifyInstance, { service }: RouteDeps<ReviewsService>): void {
  reviewPlanRoutes(app, service);
  reviewVoicesRoutes(app, service);

  type Query = z.infer<typeof backlogQuery>;
  const filtersOf = (q: Query) => ({ officer: q.officer, school: q.school, stage: q.stage });
  const renderBacklog = async (
    reply: FastifyReply,
    actor: Actor,
    q: Query,
    form: { values?: Record<string, string>; selected?: readonly string[]; errors?: FormErrors } = {},
  ) => {
    const result = await service.backlog(actor, {
      officerId: q.officer,
      settingId: q.school,
      stage: q.stage ?? null,
      page: q.page,
    });
    const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
    const link = (n: number) => withQuery(paths.reviews.backlog, { ...filtersOf(q), page: n });
    return reply.view('reviews/backlog.njk', {
      pageTitle: 'Reviews due and overdue',
      result,
      query: { ...filtersOf(q), page: q.page },
      stageLabels: STAGE_LABELS,
      filtered: q.officer !== null || q.school !== null || q.stage !== undefined,
      canAllocate: REVIEW_ALLOCATORS.includes(actor.role),
      allocated: q.allocated,
      selected: form.selected ?? [],
      errors: form.errors,
      allocateItems: [
        { value: '', text: 'Choose an officer' },
        ...result.officers.map((o) => ({
          value: o.id,
          text: o.display_name,
          selected: o.id === form.values?.allocateTo,
        })),
      ],
      officerItems: [
        { value: '', text: 'Any officer' },
        ...result.officers.map((o) => ({ value: o.id, text: o.display_name, selected: o.id === q.officer })),
      ],
      settingItems: [
        { value: '', text: 'Any school or setting' },
        ...result.settings.map((s) => ({ value: s.id, text: s.name, selected: s.id === q.school })),
      ],
      stageItems: [
        { value: '', text: 'Any stage' },
        ...Object.entries(STAGE_LABELS).map(([value, text]) => ({
          value,
          text,
          selected: value === q.stage,
        })),
      ],
      pagination: govukPagination(result.page, pages, link),
    });
  };

  app.get(paths.reviews.backlog, async (request, reply) =>
    renderBacklog(reply, actorOf(request), backlogQuery.parse(formValues(request.query))),
  );

  // Allocating the selected rows to an officer: the form carries the page's filters, to come back to the same page.
  app.post(paths.reviews.allocate, async (request, reply) => {
    const actor = actorOf(request);
    const q = backlogQuery.parse(formValues(request.body));
    const selected = arrayValue(request.body, 'plans');
    return handleForm(request.body, reply, {
      parse: (values) => ({ ok: true, data: { planIds: selected, officerId: values.allocateTo || null } }),
      submit: (data) => service.allocate(actor, data),
      render: (values, errors, error) =>
        renderBacklog(reply, actor, q, {
          values,
          selected,
          errors:
            error instanceof AllocationError
              ? {
                  list: error.errors.map((e) => ({ text: e.message, href: `#${e.field}` })),
                  fields: Object.fromEntries(error.errors.map((e) => [e.field, { text: e.message }])),
                }
              : errors,
        }),
      success: (r) =>
        withQuery(paths.reviews.backlog, {
          ...filtersOf(q),
          page: q.page > 1 ? q.page : undefined,
          allocated: r.selected,
        }),
    });
  });
}

const REVIEW_DATE_FIELDS = [
  'meetingDate',
  'invitationsSent',
  'adviceCirculated',
  'held',
  'reportSent',
  'date',
  'transferredOn',
  'noticeSent',
];

/** Every error of a ReviewFormError in the summary (handleForm shows one field's). */
function formErrorsOf(errors: FormErrors, error?: FieldError): FormErrors {
  return error instanceof ReviewFormError
    ? fieldErrors(error.errors, { dateFields: REVIEW_DATE_FIELDS })
    : errors;
}

/** Reads the named date inputs (and other fields) into strings or null; a broken date is a form error. */
function readDates(
  values: Record<string, string>,
  dates: Record<string, string>,
  required: readonly string[],
): Parsed<Record<string, string | null>> {
  const data: Record<string, string | null> = {};
  const list: FormErrors['list'] = [];
  const fields: FormErrors['fields'] = {};
  for (const [name, label] of Object.entries(dates)) {
    const r = readDateInput(values, name, label);
    const error =
      r.error ??
      (r.value === undefined && required.includes(name) ? `Enter ${label.toLowerCase()}` : undefined);
    if (error) {
      list.push({ text: error, href: `#${name}-day` });
      fields[name] = { text: error };
    }
    data[name] = r.value ?? null;
  }
  return list.length ? { ok: false, errors: { list, fields } } : { ok: true, data };
}

const STEPS = {
  arrange: {
    dates: {
      invitationsSent: 'The date the invitations were sent',
      adviceCirculated: 'The date the advice was sent round',
    },
    required: ['invitationsSent'],
  },
  hold: { dates: { held: 'The date the meeting was held' }, required: ['held'] },
  report: { dates: { reportSent: 'The date the report was sent' }, required: ['reportSent'] },
  decide: { dates: { date: 'The date the decision was sent' }, required: ['date'] },
} as const;
type StepName = keyof typeof STEPS;

/** The transfer-in form, read (pure): its dates (the transfer's required), the old council and the reassessment. */
function readTransferIn(values: Record<string, string>) {
  const dates = readDates(
    values,
    {
      transferredOn: 'The date the old council transferred the plan',
      noticeSent: 'The date the family was told',
    },
    ['transferredOn'],
  );
  if (!dates.ok) return dates;
  return {
    ok: true as const,
    data: {
      transferredOn: dates.data.transferredOn ?? null,
      noticeSent: dates.data.noticeSent ?? null,
      fromAuthority: values.fromAuthority ?? null,
      proposesReassessment:
        values.proposesReassessment === 'yes' ? true : values.proposesReassessment === 'no' ? false : null,
      formToken: values.formToken,
    },
  };
}

/** A review step's form, read, as the service call that records it. */
function saveStep(
  service: ReviewsService,
  actor: Actor,
  reviewId: string,
  step: StepName,
  d: Record<string, string | null>,
  formToken: string | undefined,
) {
  switch (step) {
    case 'arrange':
      return service.arrange(actor, reviewId, {
        invitationsSent: d.invitationsSent ?? null,
        adviceCirculated: d.adviceCirculated ?? null,
        formToken,
      });
    case 'hold':
      return service.hold(actor, reviewId, { held: d.held ?? null, formToken });
    case 'report':
      return service.sendReport(actor, reviewId, { reportSent: d.reportSent ?? null, formToken });
    case 'decide':
      return service.decide(actor, reviewId, {
        date: d.date ?? null,
        outcome: d.outcome ?? null,
        formToken,
      });
  }
}

export function reviewPlanRoutes(app: FastifyInstance, service: ReviewsService): void {
  const render = async (
    reply: FastifyReply,
    actor: Actor,
    planId: string,
    values: Record<string, string> = {},
    errors?: FormErrors,
  ) => {
    const view = await service.planReviews(actor, planId);
    return reply.view('reviews/plan.njk', {
      pageTitle: 'Annual reviews',
      view: { ...view, openReview: view.reviews.some((d) => d.review.held === null) },
      voices: await service.planVoices(actor, planId),
      canEdit: REVIEW_EDITORS.includes(actor.role),
      stateLabels: STATE_LABELS,
      outcomeLabels: OUTCOME_LABELS,
      earlyLabels: EARLY_REVIEW_REASON_LABELS,
      // one use each: a double submit of a form runs once; a stale form of the page cannot pass for another
      formTokens: {
        schedule: newFormToken(),
        transferIn: newFormToken(),
        early: newFormToken(),
        steps: Object.fromEntries(view.reviews.map((d) => [d.review.id, newFormToken()])),
      },
      earlyItems: EARLY_REVIEW_REASONS.map((value) => ({
        value,
        text: EARLY_REVIEW_REASON_LABELS[value],
        checked: values.reason === value,
      })),
      values,
      errors,
    });
  };
  const planIdOf = (params: unknown) => {
    const { planId } = params as { planId: string };
    if (!isUuid(planId)) throw new NotFoundError();
    return planId;
  };

  app.get(paths.reviews.planPattern, async (request, reply) =>
    render(reply, actorOf(request), planIdOf(request.params)),
  );

  app.post(paths.reviews.schedulePattern, async (request, reply) => {
    const actor = actorOf(request);
    const planId = planIdOf(request.params);
    return handleForm(request.body, reply, {
      parse: (values) => {
        const dates = readDates(values, { meetingDate: 'The date of the review meeting' }, ['meetingDate']);
        if (!dates.ok) return dates;
        return {
          ok: true,
          data: {
            meetingDate: dates.data.meetingDate ?? null,
            arrangedBy: values.arrangedBy === 'authority' ? 'authority' : 'school',
            formToken: values.formToken,
          } as const,
        };
      },
      submit: (data) => service.scheduleReview(actor, planId, data),
      render: (values, errors, error) => render(reply, actor, planId, values, formErrorsOf(errors, error)),
      success: () => paths.reviews.plan(planId),
    });
  });

  app.post(paths.reviews.transferInPattern, async (request, reply) => {
    const actor = actorOf(request);
    const planId = planIdOf(request.params);
    return handleForm(request.body, reply, {
      parse: readTransferIn,
      submit: (data) => service.recordTransferIn(actor, planId, data),
      render: (values, errors, error) => render(reply, actor, planId, values, formErrorsOf(errors, error)),
      success: () => paths.reviews.plan(planId),
    });
  });

  app.post(paths.reviews.earlyPattern, async (request, reply) => {
    const actor = actorOf(request);
    const planId = planIdOf(request.params);
    return handleForm(request.body, reply, {
      parse: (values) => ({
        ok: true,
        data: { reason: values.reason ?? null, details: values.details ?? null, formToken: values.formToken },
      }),
      submit: (data) => service.requestEarlyReview(actor, planId, data),
      render: (values, errors, error) => render(reply, actor, planId, values, formErrorsOf(errors, error)),
      success: () => paths.reviews.plan(planId),
    });
  });

  app.post(paths.reviews.stepPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { reviewId, step } = request.params as { reviewId: string; step: string };
    if (!isUuid(reviewId) || !(step in STEPS)) throw new NotFoundError();
    const spec = STEPS[step as StepName];
    const planId = await service.planOfReview(actor, reviewId);
    return handleForm(request.body, reply, {
      parse: (values) => {
        const dates = readDates(values, spec.dates, spec.required);
        if (!dates.ok) return dates;
        const data: Record<string, string | null> = { ...dates.data, outcome: values.outcome ?? null };
        return { ok: true, data: { dates: data, formToken: values.formToken } };
      },
      submit: ({ dates, formToken }) =>
        saveStep(service, actor, reviewId, step as StepName, dates, formToken),
      render: (values, errors, error) => render(reply, actor, planId, values, formErrorsOf(errors, error)),
      success: () => paths.reviews.plan(planId),
    });
  });
}
