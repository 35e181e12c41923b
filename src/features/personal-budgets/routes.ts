/**
 * The personal budgets pages. Staff: every request, recording one from a call, one request with its decision and
 * direct payments, and a form for each step (the decision, the review of a refusal, a direct payment agreement, a
 * monitoring review, a reduction or stop, the reconsideration). Families: their children's personal budgets and
 * asking for one. Handlers parse, ask the service, render; every form is one list of fields (./forms.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { newFormToken } from '../../platform/change/once.ts';
import type { RouteDeps } from '../../platform/feature.ts';
import { actorOf } from '../../platform/web/app.ts';
import { arrayValue, dateInputValues, handleForm, type FormErrors } from '../../platform/web/forms.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { personalBudgetInformation } from '../../domain/personal-budget/index.ts';
import {
  AGREEMENT,
  CHANGE,
  DECISION,
  FAMILY_REQUEST,
  MONITORING,
  NEW_REQUEST,
  parseWith,
  RECONSIDERATION,
  REFUSAL_REVIEW,
  type Field,
  type FormSpec,
  type Option,
} from './forms.ts';
import type { NewRequest } from './requests.ts';
import type { PersonalBudgetsService } from './service.ts';
import type { BudgetView } from './view.ts';

type Values = Record<string, string>;
type Token<T> = T & { formToken: string | undefined };
const query = (request: FastifyRequest) => request.query as Record<string, string | undefined>;
const requestIdOf = (request: FastifyRequest) => (request.params as Record<string, string>).requestId ?? '';

const listSchema = z.object({ status: z.enum(['waiting', 'decided']).optional().catch(undefined) });

/** A form's fields as _form.njk renders them: each with its value, items and error. */
export function formFields(
  fields: readonly Field[],
  values: Values,
  errors: FormErrors | undefined,
  sources: Record<string, readonly Option[]> = {},
) {
  return fields.map((f) => {
    const opts = f.options ?? sources[f.optionsFrom ?? ''] ?? [];
    const chosen = f.kind === 'checkboxes' ? (values[f.name] ?? '').split(',') : [values[f.name] ?? ''];
    return {
      ...f,
      value: values[f.name] ?? '',
      items: opts.map((o) => ({ value: o.value, text: o.text, checked: chosen.includes(o.value) })),
      error: errors?.fields[f.name],
    };
  });
}

/** The kept input, with every checkbox's choices (formValues keeps one value of a repeated field). */
const keepChecked = (fields: readonly Field[], body: unknown) => (values: Values) => {
  const kept = { ...values };
  for (const f of fields) if (f.kind === 'checkboxes') kept[f.name] = arrayValue(body, f.name).join(',');
  return kept;
};

/** The choices a step's form offers from the request's records. */
function sourcesOf(b: BudgetView): Record<string, Option[]> {
  return {
    agreements: b.agreements
      .filter((a) => !a.stopped)
      .map((a) => ({ value: a.id, text: `${a.elementLabel}: ${a.amount} a year from ${a.start_on}` })),
    changes: b.agreements.flatMap((a) =>
      a.changes
        .filter((c) => !c.reconsideration_outcome)
        .map((c) => ({
          value: c.id,
          text: `${c.kindLabel} of the ${a.elementLabel.toLowerCase()} payment from ${c.effective_on} (notice ${c.notice_on})`,
        })),
    ),
  };
}

interface Step<T> {
  readonly title: string;
  readonly intro: string;
  readonly spec: FormSpec<T>;
  readonly submit: (
    service: PersonalBudgetsService,
  ) => (
    actor: ReturnType<typeof actorOf>,
    id: string,
    data: T,
    token: string | undefined,
  ) => Promise<unknown>;
  readonly saved: string;
  readonly prefill?: (b: BudgetView) => Values;
}

const step = <T>(s: Step<T>) => s as unknown as Step<Record<string, unknown>>;

/** Each step of a request: its page under /personal-budgets/:requestId/<step>. */
export const STEPS: Record<string, Step<Record<string, unknown>>> = {
  decision: step({
    title: 'Record the decision',
    intro:
      'The amount identified for each element asked about, a year, and how it is held. Leave an element empty if it is not agreed. Anything asked for and refused (an element, or a direct payment) needs reasons: the family is told them with their right to ask for a review.',
    spec: DECISION,
    submit: (s) => s.decide,
    saved: 'Decision recorded',
  }),
  'refusal-review': step({
    title: 'Review of a refusal',
    intro:
      'The family may ask the council to review a refusal (reg 7). Record when they asked, then the review and its outcome. If the decision is changed, record the new decision.',
    spec: REFUSAL_REVIEW,
    submit: (s) => (actor, id, data) => s.saveRefusalReview(actor, id, data),
    saved: 'Review saved',
    prefill: (b) => ({
      ...dateInputValues('reviewRequestedOn', b.latest?.review_requested_on),
      ...dateInputValues('reviewedOn', b.latest?.reviewed_on),
      reviewOutcome: b.latest?.review_outcome ?? '',
      reviewNotes: b.latest?.review_notes ?? '',
    }),
  }),
  'direct-payment': step({
    title: 'Record a direct payment agreement',
    intro:
      'A direct payment for an element the decision pays that way. Where the support is given on a school’s or college’s premises, the head or principal must agree first. A direct payment cannot pay for the school or college place itself.',
    spec: AGREEMENT,
    submit: (s) => s.addAgreement,
    saved: 'Direct payment recorded',
  }),
  monitoring: step({
    title: 'Record a monitoring review',
    intro:
      'Review each direct payment within the 3 months beginning with its start, then at each review of the plan (reg 11).',
    spec: MONITORING,
    submit: (s) => s.addMonitoring,
    saved: 'Review recorded',
  }),
  change: step({
    title: 'Reduce or stop a direct payment',
    intro:
      'Give the family reasonable notice (at least 28 days) and the reasons. They are told, with their right to ask once for the decision to be reconsidered (regs 12 and 14).',
    spec: CHANGE,
    submit: (s) => s.addChange,
    saved: 'Notice recorded: the family has been told',
  }),
  reconsideration: step({
    title: 'Reconsider a reduction or stop',
    intro:
      'The family may ask once for a reduction or stop to be reconsidered. Record when they asked, then the outcome.',
    spec: RECONSIDERATION,
    submit: (s) => (actor, id, data) => s.saveReconsideration(actor, id, data),
    saved: 'Reconsideration saved',
  }),
};

const SAVED: Record<string, string> = Object.fromEntries<string>([
  ['recorded', 'Request recorded'],
  ...Object.entries(STEPS).map(([k, s]): [string, string] => [k, s.saved]),
]);

/** One request's page: the budget, the child's link and the next things to record (pure, beside show.njk). */
function showPage(data: Awaited<ReturnType<PersonalBudgetsService['page']>>, done: string | undefined) {
  const id = data.b.id;
  const hasDirect = Boolean(
    data.b.latest?.elements.some((e) => e.arrangement === 'direct-payment' && e.pence),
  );
  const open = data.b.agreements.some((a) => !a.stopped);
  return {
    pageTitle: `${data.child?.name ?? 'Child'}: personal budget`,
    backLink: paths.personalBudgets.list,
    ...data,
    saved: SAVED[done ?? ''] ?? null,
    childHref: data.child ? paths.children.show(data.child.id) : null,
    actions: [
      data.b.mayDecide && { text: 'Record the decision', href: paths.personalBudgets.step(id, 'decision') },
      data.b.latest?.refuses &&
        !data.b.latest.review_outcome && {
          text: 'Record a review of the refusal',
          href: paths.personalBudgets.step(id, 'refusal-review'),
        },
      hasDirect && {
        text: 'Record a direct payment agreement',
        href: paths.personalBudgets.step(id, 'direct-payment'),
      },
      open && { text: 'Record a monitoring review', href: paths.personalBudgets.step(id, 'monitoring') },
      open && { text: 'Reduce or stop a direct payment', href: paths.personalBudgets.step(id, 'change') },
      data.b.agreements.some((a) => a.changes.some((c) => !c.reconsideration_outcome)) && {
        text: 'Record a reconsideration',
        href: paths.personalBudgets.step(id, 'reconsideration'),
      },
    ].filter(Boolean),
  };
}

export function personalBudgetRoutes(
  app: FastifyInstance,
  { service }: RouteDeps<PersonalBudgetsService>,
): void {
  app.get(paths.personalBudgets.list, async (request, reply) => {
    const filter = listSchema.parse(query(request));
    const data = await service.list(actorOf(request), filter);
    const tab = (text: string, status?: string) => ({
      text,
      href: withQuery(paths.personalBudgets.list, { status }),
      current: filter.status === status,
    });
    return reply.view('personal-budgets/list.njk', {
      pageTitle: 'Personal budgets',
      ...data,
      newHref: paths.personalBudgets.new,
      filters: [tab('All'), tab('Waiting for a decision', 'waiting'), tab('Decided', 'decided')],
      href: paths.personalBudgets.show,
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
    return reply.view('personal-budgets/form.njk', {
      pageTitle: 'Record a request for a personal budget',
      caption: child?.name ?? null,
      intro: 'From a call, letter or email from the family. The family is sent an acknowledgement.',
      backLink: paths.personalBudgets.list,
      fields: formFields(NEW_REQUEST.fields, shown, errors),
      errors,
      formToken: newFormToken(),
      action: withQuery(paths.personalBudgets.new, { child: child?.id }),
      button: 'Record the request',
    });
  };
  app.get(paths.personalBudgets.new, (request, reply) => renderNew(request, reply, {}));
  app.post(paths.personalBudgets.new, (request, reply) =>
    handleForm<Token<NewRequest>, string | null>(request.body, reply, {
      parse: parseWith(NEW_REQUEST),
      keep: keepChecked(NEW_REQUEST.fields, request.body),
      submit: (data) => service.record(actorOf(request), data, data.formToken),
      render: (values, errors) => renderNew(request, reply, values, errors),
      success: (id) =>
        id ? withQuery(paths.personalBudgets.show(id), { done: 'recorded' }) : paths.personalBudgets.list,
    }),
  );

  // ------------------------------------------------------------------------------------------- one
  app.get(paths.personalBudgets.showPattern, async (request, reply) => {
    const data = await service.page(actorOf(request), requestIdOf(request));
    return reply.view('personal-budgets/show.njk', showPage(data, query(request).done));
  });

  for (const [name, s] of Object.entries(STEPS)) {
    const pattern = `${paths.personalBudgets.showPattern}/${name}`;
    const render = async (
      request: FastifyRequest,
      reply: FastifyReply,
      values: Values | null,
      errors?: FormErrors,
    ) => {
      const data = await service.page(actorOf(request), requestIdOf(request));
      const shown = values ?? s.prefill?.(data.b) ?? {};
      return reply.view('personal-budgets/form.njk', {
        pageTitle: s.title,
        caption: data.child
          ? `${data.child.name}: personal budget asked for on ${data.b.requested_on}`
          : null,
        intro: s.intro,
        summary: data.b,
        backLink: paths.personalBudgets.show(data.b.id),
        fields: formFields(s.spec.fields, shown, errors, sourcesOf(data.b)),
        errors,
        formToken: newFormToken(),
        action: paths.personalBudgets.step(data.b.id, name),
        button: 'Save',
      });
    };
    app.get(pattern, (request, reply) => render(request, reply, null));
    app.post(pattern, (request, reply) =>
      handleForm<Token<Record<string, unknown>>, unknown>(request.body, reply, {
        parse: parseWith(s.spec),
        keep: keepChecked(s.spec.fields, request.body),
        submit: (data) => s.submit(service)(actorOf(request), requestIdOf(request), data, data.formToken),
        render: (values, errors) => render(request, reply, values, errors),
        success: () => withQuery(paths.personalBudgets.show(requestIdOf(request)), { done: name }),
      }),
    );
  }

  // ------------------------------------------------------------------------------------------- families
  app.get(paths.personalBudgets.family, async (request, reply) => {
    const data = await service.familyList(actorOf(request));
    return reply.view('personal-budgets/family.njk', {
      pageTitle: 'Personal budgets',
      ...data,
      information: personalBudgetInformation(),
      askHref: paths.personalBudgets.familyRequest,
      saved: query(request).done === 'asked',
    });
  });

  const renderAsk = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors?: FormErrors,
  ) => {
    const { children } = await service.familyRequestForm(actorOf(request));
    const shown = children.length === 1 ? { childId: children[0]!.id, ...values } : values;
    return reply.view('personal-budgets/form.njk', {
      pageTitle: 'Ask for a personal budget',
      intro: personalBudgetInformation(),
      backLink: paths.personalBudgets.family,
      fields: formFields(FAMILY_REQUEST.fields, shown, errors, {
        children: children.map((c) => ({ value: c.id, text: c.name })),
      }),
      none: children.length
        ? null
        : 'None of your children has an EHC plan or an assessment under way, so there is nothing to ask for yet.',
      errors,
      formToken: newFormToken(),
      action: paths.personalBudgets.familyRequest,
      button: 'Send the request',
      family: true,
    });
  };
  app.get(paths.personalBudgets.familyRequest, (request, reply) => renderAsk(request, reply, {}));
  app.post(paths.personalBudgets.familyRequest, (request, reply) =>
    handleForm<Token<NewRequest>, string | null>(request.body, reply, {
      parse: parseWith(FAMILY_REQUEST),
      keep: keepChecked(FAMILY_REQUEST.fields, request.body),
      submit: (data) => service.familyRequest(actorOf(request), data, data.formToken),
      render: (values, errors) => renderAsk(request, reply, values, errors),
      success: () => withQuery(paths.personalBudgets.family, { done: 'asked' }),
    }),
  );
}
