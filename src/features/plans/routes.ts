/**
 * The plan pages: the caseworker's list and editor (task list of checks, items by section, advice to pull in),
 * item forms, placement and budget, issuing drafts and finals, the manager's override, comments and answers, the
 * family's and advisers' view of the shared draft, versions compared side by side, and the documents (HTML, Word,
 * PDF). Handlers are thin: parse, call the service, render.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { auditChildrenShown, isUuid, type Actor } from '../../platform/access/access.ts';
import type { RouteDeps } from '../../platform/feature.ts';
import { withChange, type ChangeContext } from '../../platform/change/change.ts';
import { actorOf } from '../../platform/web/app.ts';
import { mayUse } from '../../platform/web/permissions.ts';
import type { FormErrors, Parsed } from '../../platform/web/forms.ts';
import {
  dateInputValues,
  formValues,
  handleForm,
  parseForm,
  readDateInput,
  singleError,
} from '../../platform/web/forms.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { AREAS_OF_NEED, PFA_AREAS } from '../../domain/plan-quality/model.ts';
import { PFA_FROM_YEAR } from '../../domain/plan-quality/golden-thread.ts';
import { longDate, yearGroupName } from '../../domain/calendar.ts';
import { arrayValue } from '../../platform/web/forms.ts';
import { AREA_LABELS, PFA_LABELS, SECTION_TITLES } from './describe.ts';
import { planDocx, planPdf } from './documents.ts';
import {
  commentPart,
  commentTarget,
  comparisonModel,
  documentView,
  itemTexts,
  previewModel,
  editorModel,
  PLAN_VERSION_STATUS_LABELS,
  planListFilters,
  planListModel,
  versionsModel,
} from './view-models.ts';
import { familyWords, outstandingAdvice } from '../assessments/index.ts';
import { documentFacts } from './document-facts.ts';
import {
  aspirationSchema,
  budgetSchema,
  commentSchema,
  directPaymentSchema,
  needBSchema,
  needSchema,
  outcomeSchema,
  overrideSchema,
  poundsToPence,
  PROVISION_FIELDS,
  provisionSchema,
  respondSchema,
  startSchema,
} from './forms.ts';
import { readableVersions } from './access.ts';
import { addComment, commentsForStaff, respondToComment } from './comments.ts';
import { issueDraft, issuePlan, recordOverride } from './issue.ts';
import {
  createPlan,
  isProvisionSection,
  pullAllRecommendations,
  pullRecommendation,
  removeItem,
  saveItem,
  setBudget,
  setPlacement,
  settingChoices,
  syncAdvice,
  type ItemInput,
} from './items.ts';
import {
  currentSnapshot,
  draftPreview,
  editorView,
  getVersion,
  listPlans,
  listVersions,
  sharedPlanList,
  sharedView,
} from './read.ts';
import { PlanError, type PlansService } from './service.ts';
import { snapshotLines, type Snapshot } from './snapshot.ts';

const fail = (field: string, text: string) => ({ ok: false as const, errors: singleError(field, text) });

const EDITABLE_SECTIONS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H1', 'H2', 'J'] as const;
type EditableSection = (typeof EDITABLE_SECTIONS)[number];
const isEditable = (s: string): s is EditableSection => (EDITABLE_SECTIONS as readonly string[]).includes(s);

/**
 * The form issuing a draft or a final plan (issue.njk): the date; for a final plan whether it replaces or amends the
 * last, and the reason for going ahead without advice that has not arrived (at most 2,000 characters).
 */
export function readIssueForm(
  values: Record<string, string>,
): Parsed<{ date: string; result: 'replaced' | 'amended'; withoutAdvice: string | undefined }> {
  const date = readDateInput(values, 'date', 'The date');
  if (date.error || !date.value)
    return { ok: false, errors: singleError('date', date.error ?? 'Enter the date') };
  if ((values.withoutAdvice ?? '').trim().length > 2000)
    return {
      ok: false,
      errors: singleError(
        'withoutAdvice',
        'The reason for going ahead without the advice must be 2,000 characters or fewer',
      ),
    };
  return {
    ok: true,
    data: {
      date: date.value,
      result: values.result === 'replaced' ? 'replaced' : 'amended',
      withoutAdvice: values.withoutAdvice?.trim() || undefined,
    },
  };
}

/** The errors to show for a rule the issue broke (the plans' or the assessment journey's); undefined for others. */
function issueErrorsOf(err: unknown): FormErrors | undefined {
  if (err instanceof PlanError) return singleError('date', err.message);
  if (err instanceof Error && err.name === 'JourneyError') {
    const field = (err as Error & { field?: string }).field === 'withoutAdvice' ? 'withoutAdvice' : 'date';
    return singleError(field, err.message);
  }
  return undefined;
}

export function planRoutes(app: FastifyInstance, deps: RouteDeps<PlansService>): void {
  const { db } = deps.database;
  const run = <T>(actor: Actor, fn: (ctx: ChangeContext) => Promise<T>) =>
    withChange({ db, jobs: deps.jobs, today: deps.service.today }, actor, fn);
  const planIdOf = (request: FastifyRequest) => (request.params as { planId: string }).planId;

  // ---- List and start ----

  app.get(paths.plans.list, async (request, reply) => {
    const actor = actorOf(request);
    const values = formValues(request.query);
    const filters = planListFilters(values);
    const result = await listPlans(db, actor, filters);
    const shown = result.rows.map((r) => r.child_id);
    await auditChildrenShown(db, actor, 'plan.list.read', paths.plans.list, shown);
    const canStart = mayUse(app, actor, 'GET', paths.plans.start);
    return reply.view('plans/list.njk', planListModel(result, filters, values, canStart));
  });

  const renderStart = (reply: FastifyReply, values: Record<string, string>, errors?: FormErrors) => {
    if (errors) reply.code(400);
    return reply.view('plans/start.njk', {
      pageTitle: 'Start an EHC plan',
      backLink: paths.plans.list,
      values,
      errors,
    });
  };
  app.get(paths.plans.start, async (request, reply) => {
    const actor = actorOf(request);
    await listPlans(db, actor, { page: 1 }, 1); // checks the role
    const values = formValues(request.query);
    return renderStart(reply, { childReference: values.child ?? '' });
  });
  app.post(paths.plans.start, async (request, reply) => {
    const actor = actorOf(request);
    const form = parseForm(startSchema, request.body, ['childReference']);
    if (!form.ok) return renderStart(reply, form.values, form.errors);
    try {
      const id = await run(actor, (ctx) => createPlan(ctx, form.data));
      return reply.redirect(paths.plans.plan(id), 303);
    } catch (err) {
      if (err instanceof PlanError)
        return renderStart(reply, formValues(request.body), singleError(err.field, err.message));
      throw err;
    }
  });

  // ---- The editor ----

  app.get(paths.plans.planPattern, async (request, reply) => {
    const actor = actorOf(request);
    const today = deps.service.today();
    const view = await editorView(db, actor, planIdOf(request), today);
    const budget =
      (await deps.service.budgetForPlan?.(db, actor.laCode, view.record.child_id, today)) ?? null;
    const canAudit = ['team-manager', 'send-leader'].includes(actor.role);
    const saved = formValues(request.query).saved;
    return reply.view('plans/editor.njk', editorModel(view, { budget, canAudit, saved }));
  });

  // ---- Items ----

  const renderItem = async (
    request: FastifyRequest,
    reply: FastifyReply,
    section: EditableSection,
    itemId: string | null,
    values: Record<string, string>,
    selected: { needIds: string[]; outcomeIds: string[]; provisionIds: string[] },
    errors?: FormErrors,
  ) => {
    const actor = actorOf(request);
    const view = await editorView(db, actor, planIdOf(request), deps.service.today());
    if (!view.canEdit) throw new NotFoundError();
    const plan = view.plan;
    const provision = isProvisionSection(section);
    const needSections =
      section === 'F' ? ['B'] : section === 'G' ? ['C'] : provision ? ['D'] : ['B', 'C', 'D'];
    if (errors) reply.code(400);
    // Section A: the family's own words from the assessment (their request and their views), offered to use.
    const words =
      section === 'A' && view.record.case_id ? await familyWords(db, actor.laCode, view.record.case_id) : [];
    const use = Number(formValues(request.query).use);
    if (!itemId && !errors && !values.text && Number.isInteger(use) && words[use])
      values = { ...values, text: words[use].text };
    return reply.view('plans/item.njk', {
      familyWords: words,
      pageTitle: `${itemId ? 'Change' : 'Add to'} ${SECTION_TITLES[section]}`,
      backLink: `${paths.plans.plan(plan.id)}#section-${section}`,
      record: view.record,
      section,
      kind:
        section === 'A'
          ? 'aspiration'
          : ['B', 'C', 'D'].includes(section)
            ? 'need'
            : section === 'E'
              ? 'outcome'
              : section === 'J'
                ? 'payment'
                : 'provision',
      action: itemId ? paths.plans.item(plan.id, itemId) : paths.plans.newItem(plan.id, section),
      itemId,
      values,
      errors,
      pfaPrompt: plan.yearGroup >= PFA_FROM_YEAR,
      yearGroup: yearGroupName(plan.yearGroup),
      areaItems: AREAS_OF_NEED.map((a) => ({ value: a, text: AREA_LABELS[a], checked: values.area === a })),
      pfaItems: [
        { value: '', text: 'Not a preparing-for-adulthood outcome' },
        ...PFA_AREAS.map((a) => ({ value: a, text: PFA_LABELS[a], selected: values.pfaArea === a })),
      ],
      needItems: plan.needs
        .filter((n) => needSections.includes(n.section))
        .map((n) => ({
          value: n.id,
          text: `${n.section}: ${n.text}`,
          checked: selected.needIds.includes(n.id),
        })),
      outcomeItems: plan.outcomes.map((o) => ({
        value: o.id,
        text: o.text,
        checked: selected.outcomeIds.includes(o.id),
      })),
      provisionItems: plan.provision.map((p) => ({
        value: p.id,
        text: `${p.section}: ${p.what}`,
        checked: selected.provisionIds.includes(p.id),
      })),
      adviceItems: [
        { value: '', text: 'Select the advice' },
        ...view.advice.map((a) => ({
          value: a.id,
          text: `${a.agency}: ${a.author_role} (received ${longDate(a.received)})`,
          selected: values.sourceAdviceId === a.id,
        })),
      ],
      unitItems: [
        { value: '', text: 'Select' },
        ...['minutes', 'hours', 'sessions'].map((u) => ({
          value: u,
          text: u,
          selected: values.amountUnit === u,
        })),
      ],
      perItems: [
        { value: '', text: 'Select' },
        ...[
          ['day', 'a day'],
          ['week', 'a week'],
          ['half-term', 'each half-term'],
          ['term', 'a term'],
          ['year', 'a year'],
        ].map(([v, t]) => ({ value: v, text: t, selected: values.frequencyPer === v })),
      ],
      groupingItems: [
        { value: 'one-to-one', text: 'One to one (1:1)', checked: values.groupingKind === 'one-to-one' },
        { value: 'group', text: 'A group (give the largest size)', checked: values.groupingKind === 'group' },
        { value: 'whole-class', text: 'Whole class', checked: values.groupingKind === 'whole-class' },
      ],
      sourceItems: [
        {
          value: 'advice',
          text: 'Recommended in advice (section K)',
          checked: values.sourceKind === 'advice',
        },
        {
          value: 'authority-decision',
          text: "The council's own decision",
          checked: values.sourceKind === 'authority-decision',
        },
      ],
    });
  };

  const itemValues = (i: Awaited<ReturnType<typeof editorView>>['items'][number]) => ({
    text: i.text,
    whose: i.whose ?? '',
    area: i.area ?? '',
    timescaleText: i.timescale_text ?? '',
    successMeasure: i.success_measure ?? '',
    pfaArea: i.pfa_area ?? '',
    amountValue: i.amount_value === null ? '' : String(Number(i.amount_value)),
    amountUnit: i.amount_unit ?? '',
    frequencyTimes: i.frequency_times === null ? '' : String(Number(i.frequency_times)),
    frequencyPer: i.frequency_per ?? '',
    delivererRole: i.deliverer_role ?? '',
    delivererQualification: i.deliverer_qualification ?? '',
    groupingKind: i.grouping_kind ?? '',
    groupingSize: i.grouping_size === null ? '' : String(i.grouping_size),
    where: i.where_text ?? '',
    oversight: i.oversight ?? '',
    review: i.review ?? '',
    sourceKind: i.source_kind ?? '',
    sourceAdviceId: i.source_advice_id ?? '',
    sourceReason: i.source_reason ?? '',
    annualAmount: i.annual_amount_pence === null ? '' : (i.annual_amount_pence / 100).toFixed(2),
  });

  app.get(paths.plans.newItemPattern, async (request, reply) => {
    const { section } = request.params as { section: string };
    if (!isEditable(section)) throw new NotFoundError();
    const defaults: Record<string, string> = isProvisionSection(section) ? { sourceKind: 'advice' } : {};
    return renderItem(request, reply, section, null, defaults, {
      needIds: [],
      outcomeIds: [],
      provisionIds: [],
    });
  });

  app.get(paths.plans.itemPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { itemId } = request.params as { itemId: string };
    const view = await editorView(db, actor, planIdOf(request), deps.service.today());
    const item = view.items.find((i) => i.id === itemId);
    if (!item) throw new NotFoundError();
    return renderItem(request, reply, item.section, item.id, itemValues(item), {
      needIds: item.need_ids as string[],
      outcomeIds: item.outcome_ids as string[],
      provisionIds: item.provision_ids as string[],
    });
  });

  const saveItemRoute = async (
    request: FastifyRequest,
    reply: FastifyReply,
    section: EditableSection,
    itemId: string | null,
  ) => {
    const actor = actorOf(request);
    const planId = planIdOf(request);
    const selected = {
      needIds: arrayValue(request.body, 'needIds'),
      outcomeIds: arrayValue(request.body, 'outcomeIds'),
      provisionIds: arrayValue(request.body, 'provisionIds'),
    };
    const values = formValues(request.body);
    let input: ItemInput | null = null;
    let errors: FormErrors | undefined;
    const parse = <S extends z.ZodType>(schema: S, order: string[]) => {
      const r = parseForm(schema, request.body, order);
      if (!r.ok) errors = r.errors;
      return r.ok ? r.data : null;
    };
    if (section === 'A') {
      const d = parse(aspirationSchema, ['text', 'whose']);
      if (d) input = { section, text: d.text, whose: d.whose ?? null };
    } else if (section === 'B') {
      const d = parse(needBSchema, ['area', 'text']);
      if (d) input = { section, text: d.text, area: d.area };
    } else if (section === 'C' || section === 'D') {
      const d = parse(needSchema, ['text']);
      if (d) input = { section, text: d.text };
    } else if (section === 'E') {
      const d = parse(outcomeSchema, ['text', 'timescaleText', 'successMeasure', 'pfaArea', 'needIds']);
      if (d) {
        input = {
          section,
          text: d.text,
          timescaleText: d.timescaleText ?? null,
          successMeasure: d.successMeasure ?? null,
          pfaArea: d.pfaArea ?? null,
          needIds: selected.needIds,
        };
      }
    } else if (section === 'J') {
      const d = parse(directPaymentSchema, ['text', 'annualAmount']);
      if (d) {
        input = {
          section,
          text: d.text,
          annualAmountPence: poundsToPence(d.annualAmount),
          needIds: selected.needIds,
          outcomeIds: selected.outcomeIds,
          provisionIds: selected.provisionIds,
        };
      }
    } else {
      const d = parse(provisionSchema, PROVISION_FIELDS);
      if (d) {
        input = {
          section,
          text: d.text,
          amountValue: d.amountValue ?? null,
          amountUnit: d.amountUnit ?? null,
          frequencyTimes: d.frequencyTimes ?? null,
          frequencyPer: d.frequencyPer ?? null,
          delivererRole: d.delivererRole ?? null,
          delivererQualification: d.delivererQualification ?? null,
          groupingKind: d.groupingKind ?? null,
          groupingSize: d.groupingSize ?? null,
          where: d.where ?? null,
          oversight: d.oversight ?? null,
          review: d.review ?? null,
          sourceKind: d.sourceKind,
          sourceAdviceId: d.sourceAdviceId ?? null,
          sourceReason: d.sourceReason ?? null,
          needIds: selected.needIds,
          outcomeIds: selected.outcomeIds,
        };
      }
    }
    if (!input) return renderItem(request, reply, section, itemId, values, selected, errors);
    try {
      const id = await run(actor, (ctx) => saveItem(ctx, planId, itemId, input));
      return reply.redirect(`${withQuery(paths.plans.plan(planId), { saved: section })}#item-${id}`, 303);
    } catch (err) {
      if (err instanceof PlanError)
        return renderItem(
          request,
          reply,
          section,
          itemId,
          values,
          selected,
          singleError(err.field, err.message),
        );
      throw err;
    }
  };

  app.post(paths.plans.newItemPattern, async (request, reply) => {
    const { section } = request.params as { section: string };
    if (!isEditable(section)) throw new NotFoundError();
    return saveItemRoute(request, reply, section, null);
  });

  app.post(paths.plans.itemPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { itemId } = request.params as { itemId: string };
    const view = await editorView(db, actor, planIdOf(request), deps.service.today());
    const item = view.items.find((i) => i.id === itemId);
    if (!item) throw new NotFoundError();
    return saveItemRoute(request, reply, item.section, item.id);
  });

  app.post(paths.plans.removeItemPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { itemId } = request.params as { itemId: string };
    const planId = planIdOf(request);
    await run(actor, (ctx) => removeItem(ctx, planId, itemId));
    return reply.redirect(withQuery(paths.plans.plan(planId), { saved: 'removed' }), 303);
  });

  app.post(paths.plans.pullPattern, async (request, reply) => {
    const actor = actorOf(request);
    const planId = planIdOf(request);
    const values = formValues(request.body);
    // "Add all": every recommendation of one piece of advice (key "all"), or of every piece (adviceId "all").
    if (values.key === 'all') {
      await run(actor, (ctx) =>
        pullAllRecommendations(ctx, planId, values.adviceId === 'all' ? null : (values.adviceId ?? '')),
      );
      return reply.redirect(`${withQuery(paths.plans.plan(planId), { saved: 'pulled' })}#advice`, 303);
    }
    const id = await run(actor, (ctx) =>
      pullRecommendation(
        ctx,
        planId,
        values.adviceId ?? '',
        values.key ?? '',
        values.links === 'chosen'
          ? {
              needIds: arrayValue(request.body, 'needIds'),
              outcomeIds: arrayValue(request.body, 'outcomeIds'),
            }
          : undefined,
      ),
    );
    return reply.redirect(
      `${withQuery(paths.plans.plan(planId), { saved: 'pulled' })}${id ? `#item-${id}` : '#advice'}`,
      303,
    );
  });

  app.post(paths.plans.syncAdvicePattern, async (request, reply) => {
    const actor = actorOf(request);
    const planId = planIdOf(request);
    await run(actor, (ctx) => syncAdvice(ctx, planId));
    return reply.redirect(`${withQuery(paths.plans.plan(planId), { saved: 'K' })}#section-K`, 303);
  });

  // ---- Placement and budget ----

  const renderPlacement = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errors?: FormErrors,
  ) => {
    const actor = actorOf(request);
    const view = await editorView(db, actor, planIdOf(request), deps.service.today());
    const settings = await settingChoices(db, actor.laCode);
    const current = values.settingId ?? view.record.placement_setting_id ?? '';
    const schoolNow = view.schoolNow;
    if (errors) reply.code(400);
    return reply.view('plans/placement.njk', {
      pageTitle: SECTION_TITLES.I,
      backLink: `${paths.plans.plan(view.record.id)}#section-I`,
      record: view.record,
      errors,
      // Issue 18: the school or setting the child attends now is offered first, and by name.
      schoolNow: schoolNow && schoolNow.id !== view.record.placement_setting_id ? schoolNow : null,
      settingItems: [
        { value: '', text: 'Leave blank (a draft plan)' },
        ...settings
          .map((s) => ({
            value: s.id,
            text: `${s.name} (${s.type})`,
            selected: current === s.id,
          }))
          .sort((a, b) => Number(b.value === schoolNow?.id) - Number(a.value === schoolNow?.id)),
      ],
    });
  };
  app.get(paths.plans.placementPattern, (request, reply) => renderPlacement(request, reply, {}));
  app.post(paths.plans.placementPattern, async (request, reply) => {
    const actor = actorOf(request);
    const planId = planIdOf(request);
    const values = formValues(request.body);
    try {
      await run(actor, (ctx) => setPlacement(ctx, planId, values.settingId || null));
      return reply.redirect(`${withQuery(paths.plans.plan(planId), { saved: 'I' })}#section-I`, 303);
    } catch (err) {
      if (err instanceof PlanError)
        return renderPlacement(request, reply, values, singleError(err.field, err.message));
      throw err;
    }
  });

  const renderBudget = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string> | null,
    errors?: FormErrors,
  ) => {
    const actor = actorOf(request);
    const view = await editorView(db, actor, planIdOf(request), deps.service.today());
    const v = values ?? {
      requested: view.record.budget_requested ? 'yes' : 'no',
      amount: view.record.budget_pence === null ? '' : (view.record.budget_pence / 100).toFixed(2),
    };
    if (errors) reply.code(400);
    return reply.view('plans/budget.njk', {
      pageTitle: SECTION_TITLES.J,
      backLink: `${paths.plans.plan(view.record.id)}#section-J`,
      record: view.record,
      values: v,
      errors,
    });
  };
  app.get(paths.plans.budgetPattern, (request, reply) => renderBudget(request, reply, null));
  app.post(paths.plans.budgetPattern, async (request, reply) => {
    const actor = actorOf(request);
    const planId = planIdOf(request);
    const form = parseForm(budgetSchema, request.body, ['requested', 'amount']);
    if (!form.ok) return renderBudget(request, reply, form.values, form.errors);
    await run(actor, (ctx) =>
      setBudget(ctx, planId, {
        requested: form.data.requested === 'yes',
        pence: form.data.amount ? poundsToPence(form.data.amount) : null,
      }),
    );
    return reply.redirect(`${withQuery(paths.plans.plan(planId), { saved: 'J' })}#section-J`, 303);
  });

  // ---- Issuing and the override ----

  const renderIssue = async (
    request: FastifyRequest,
    reply: FastifyReply,
    kind: 'draft' | 'final',
    values: Record<string, string> | null,
    errors?: FormErrors,
  ) => {
    const actor = actorOf(request);
    const today = deps.service.today();
    const view = await editorView(db, actor, planIdOf(request), today);
    // Issue 18: the advice asked for that has not arrived, when this issue records the assessment's final plan.
    const outstanding =
      kind === 'final' &&
      view.record.case_id &&
      (view.record.status === 'draft' || view.reassessmentStep === 'final')
        ? await outstandingAdvice(db, actor.laCode, view.record.case_id)
        : [];
    if (errors) reply.code(400);
    return reply.view('plans/issue.njk', {
      outstanding,
      pageTitle:
        kind === 'draft'
          ? 'Share the draft plan for comments'
          : view.record.status === 'draft'
            ? 'Issue the final plan'
            : 'Issue the amended plan',
      backLink: paths.plans.plan(view.record.id),
      kind,
      view,
      record: view.record,
      values: values ?? dateInputValues('date', today),
      errors,
      action:
        kind === 'draft' ? paths.plans.issueDraft(view.record.id) : paths.plans.issueFinal(view.record.id),
    });
  };
  for (const kind of ['draft', 'final'] as const) {
    const pattern = kind === 'draft' ? paths.plans.issueDraftPattern : paths.plans.issueFinalPattern;
    app.get(pattern, (request, reply) => renderIssue(request, reply, kind, null));
    app.post(pattern, async (request, reply) => {
      const actor = actorOf(request);
      const planId = planIdOf(request);
      const values = formValues(request.body);
      const form = readIssueForm(values);
      if (!form.ok) return renderIssue(request, reply, kind, values, form.errors);
      try {
        await run(actor, (ctx) =>
          kind === 'draft'
            ? issueDraft(ctx, planId, { date: form.data.date })
            : issuePlan(ctx, planId, form.data, deps.service.plansChanged),
        );
      } catch (err) {
        const errors = issueErrorsOf(err);
        if (!errors) throw err;
        return renderIssue(request, reply, kind, values, errors);
      }
      const saved = kind === 'draft' ? 'draft-issued' : 'final-issued';
      return reply.redirect(withQuery(paths.plans.plan(planId), { saved }), 303);
    });
  }

  const renderOverride = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errors?: FormErrors,
  ) => {
    const actor = actorOf(request);
    const view = await editorView(db, actor, planIdOf(request), deps.service.today());
    if (!view.canOverride) throw new NotFoundError();
    if (errors) reply.code(400);
    return reply.view('plans/override.njk', {
      pageTitle: 'Record why the plan may be issued with errors',
      backLink: paths.plans.plan(view.record.id),
      view,
      record: view.record,
      values,
      errors,
      errorFindings: view.check.findings.filter((f) => f.severity === 'error'),
    });
  };
  app.get(paths.plans.overridePattern, (request, reply) => renderOverride(request, reply, {}));
  app.post(paths.plans.overridePattern, async (request, reply) => {
    const actor = actorOf(request);
    const planId = planIdOf(request);
    const form = parseForm(overrideSchema, request.body, ['reason']);
    if (!form.ok) return renderOverride(request, reply, form.values, form.errors);
    try {
      await run(actor, (ctx) => recordOverride(ctx, planId, form.data));
    } catch (err) {
      if (err instanceof PlanError)
        return renderOverride(request, reply, formValues(request.body), singleError(err.field, err.message));
      throw err;
    }
    return reply.redirect(withQuery(paths.plans.plan(planId), { saved: 'override' }), 303);
  });

  // ---- Comments: the caseworker's side ----

  app.get(paths.plans.commentsPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { record, comments } = await commentsForStaff(db, actor, planIdOf(request));
    return reply.view('plans/comments.njk', {
      pageTitle: 'Comments on the draft plan',
      backLink: paths.plans.plan(record.id),
      record,
      comments,
      open: comments.filter((c) => !c.response).length,
    });
  });

  const renderRespond = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errors?: FormErrors,
  ) => {
    const actor = actorOf(request);
    const { commentId } = request.params as { commentId: string };
    const { record, comments } = await commentsForStaff(db, actor, planIdOf(request));
    const comment = comments.find((c) => c.id === commentId);
    if (!comment) throw new NotFoundError();
    if (errors) reply.code(400);
    return reply.view('plans/respond.njk', {
      pageTitle: 'Answer a comment',
      backLink: paths.plans.comments(record.id),
      record,
      comment,
      values,
      errors,
    });
  };
  app.get(paths.plans.respondPattern, (request, reply) => renderRespond(request, reply, {}));
  app.post(paths.plans.respondPattern, async (request, reply) => {
    const actor = actorOf(request);
    const planId = planIdOf(request);
    const { commentId } = request.params as { commentId: string };
    const form = parseForm(respondSchema, request.body, ['response', 'changed', 'changeNote']);
    if (!form.ok) return renderRespond(request, reply, form.values, form.errors);
    await run(actor, (ctx) =>
      respondToComment(ctx, planId, commentId, {
        response: form.data.response,
        changed: form.data.changed === 'yes',
        changeNote: form.data.changeNote ?? null,
      }),
    );
    return reply.redirect(withQuery(paths.plans.comments(planId), { answered: 1 }), 303);
  });

  // ---- The family's and advisers' side ----

  app.get(paths.plans.shared, async (request, reply) => {
    const actor = actorOf(request);
    const plans = await sharedPlanList(db, actor, deps.service.today());
    await auditChildrenShown(
      db,
      actor,
      'plan.list.read',
      paths.plans.shared,
      plans.map((p) => p.child_id),
    );
    return reply.view('plans/shared-list.njk', {
      pageTitle:
        actor.role === 'professional'
          ? 'Plans shared with you'
          : 'Your education, health and care (EHC) plan',
      plans: plans.map((p) => ({ ...p, statusLabel: PLAN_VERSION_STATUS_LABELS[p.status] })),
    });
  });

  const renderShared = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errors?: FormErrors,
  ) => {
    const actor = actorOf(request);
    const today = deps.service.today();
    const view = await sharedView(db, actor, planIdOf(request), today);
    const lines = view.latest ? snapshotLines(view.latest.snapshot) : [];
    // The part being commented on: chosen by its own "Comment on this" link, or kept from the form sent back.
    const commentOn = view.canComment
      ? commentTarget(lines, values.part || formValues(request.query).part)
      : null;
    const texts = itemTexts(lines);
    if (errors) reply.code(400);
    return reply.view('plans/shared.njk', {
      pageTitle: `${view.latest?.kind === 'draft' ? 'Draft' : 'Final'} education, health and care (EHC) plan for ${view.record.preferred_name || view.record.given_name}`,
      backLink:
        actor.role === 'professional' || actor.role === 'parent' || actor.role === 'young-person'
          ? paths.plans.shared
          : paths.plans.plan(view.record.id),
      view,
      doc: view.latest
        ? documentView(
            view.latest.snapshot,
            (await deps.service.budgetForPlan?.(
              db,
              actor.laCode,
              view.record.child_id,
              view.latest.issued_on,
            )) ?? null,
          )
        : null,
      commentOn,
      commentHref: view.canComment ? paths.plans.sharedPlan(view.record.id) : null,
      comments: view.comments.map((c) => ({
        ...c,
        item_text: c.item_id && c.version_id === view.latest?.id ? (texts.get(c.item_id) ?? null) : null,
      })),
      values: { ...values, token: values.token || randomUUID() },
      errors,
      sent: formValues(request.query).sent === '1',
      periodEnd: view.period ? longDate(view.period.to) : null,
      periodOpen: view.period ? view.period.to >= today : false,
    });
  };
  app.get(paths.plans.sharedPlanPattern, (request, reply) => renderShared(request, reply, {}));
  // The family's page for a draft, drawn from the working plan before it is shared (nothing is sent or kept).
  app.get(paths.plans.previewPattern, async (request, reply) => {
    const actor = actorOf(request);
    const today = deps.service.today();
    const preview = await draftPreview(db, actor, planIdOf(request), today);
    const budget = await deps.service.budgetForPlan?.(db, actor.laCode, preview.record.child_id, today);
    return reply.view('plans/shared.njk', previewModel(preview, budget ?? null));
  });
  app.post(paths.plans.commentPattern, async (request, reply) => {
    const actor = actorOf(request);
    const planId = planIdOf(request);
    return handleForm(request.body, reply, {
      parse: (_values, body) => {
        const form = parseForm(commentSchema, body, ['part', 'body']);
        if (!form.ok) return form;
        // The form's one-use token: without it two posts of one comment could not be told apart (issue 18: two raw
        // concurrent posts stored two comments). A page this service drew always carries one.
        if (!isUuid(form.data.token ?? ''))
          return fail('body', 'This form has expired. Go back, reload the page and try again.');
        const part = commentPart(form.data.part);
        if (!part) return fail('part', 'Select the part of the plan your comment is about');
        return { ok: true, data: { ...part, body: form.data.body, token: form.data.token! } };
      },
      submit: (comment) => run(actor, (ctx) => addComment(ctx, planId, comment)),
      render: (values, errors, error) =>
        renderShared(
          request,
          reply,
          values,
          error?.field === 'section' ? singleError('part', error.message) : errors,
        ),
      success: () => `${withQuery(paths.plans.sharedPlan(planId), { sent: 1 })}#comments`,
    });
  });

  // ---- Versions, comparison and documents ----

  const sharedRoles: readonly string[] = ['parent', 'young-person', 'professional'];
  app.get(paths.plans.versionsPattern, async (request, reply) => {
    const actor = actorOf(request);
    const planId = planIdOf(request);
    const record = await readableVersions(db, actor, planId);
    const versions = await listVersions(db, actor.laCode, planId);
    const backLink = sharedRoles.includes(actor.role)
      ? paths.plans.sharedPlan(planId)
      : paths.plans.plan(planId);
    const choice = { from: versions[1]?.id ?? '', to: versions[0]?.id ?? '', backLink };
    return reply.view('plans/versions.njk', versionsModel(record, versions, choice));
  });

  app.get(paths.plans.comparePattern, async (request, reply) => {
    const actor = actorOf(request);
    const planId = planIdOf(request);
    const { from = '', to = '' } = formValues(request.query);
    const record = await readableVersions(db, actor, planId);
    const versions = await listVersions(db, actor.laCode, planId);
    const known = (id: string) => versions.some((v) => v.id === id);
    const backLink = paths.plans.versions(planId);
    if (!known(from) || !known(to) || from === to) {
      const errors = singleError('from', 'Select two different versions to compare');
      return reply
        .code(400)
        .view('plans/versions.njk', { ...versionsModel(record, versions, { from, to, backLink }), errors });
    }
    const [a, b] = await Promise.all([
      getVersion(db, actor, planId, from),
      getVersion(db, actor, planId, to),
    ]);
    return reply.view('plans/compare.njk', { backLink, record, ...comparisonModel(a.version, b.version) });
  });

  const snapshotFor = async (request: FastifyRequest) => {
    const actor = actorOf(request);
    const { planId, versionId } = request.params as { planId: string; versionId: string };
    if (versionId === 'current') {
      const { snapshot, record } = await currentSnapshot(db, actor, planId, deps.service.today());
      return {
        snapshot,
        budget:
          (await deps.service.budgetForPlan?.(db, actor.laCode, record.child_id, deps.service.today())) ??
          null,
        label: 'working copy (not issued)',
        number: null as number | null,
        planId,
        facts: await documentFacts(db, record, null, deps.service.today()),
      };
    }
    const { version, record } = await getVersion(db, actor, planId, versionId);
    return {
      snapshot: version.snapshot,
      budget:
        (await deps.service.budgetForPlan?.(db, actor.laCode, record.child_id, version.issued_on)) ?? null,
      label: `version ${version.number}, ${version.kind}, issued ${longDate(version.issued_on)}`,
      number: version.number,
      planId,
      facts: await documentFacts(
        db,
        record,
        version,
        deps.service.today(),
        (await deps.service.nextReviewDue?.(db, actor.laCode, record.child_id, record.id)) ?? null,
      ),
    };
  };

  app.get(paths.plans.documentPattern, async (request, reply) => {
    const { snapshot, budget, label, planId, facts } = await snapshotFor(request);
    const { versionId } = request.params as { versionId: string };
    return reply.view('plans/document.njk', {
      pageTitle: `EHC plan for ${snapshot.child.fullName}`,
      backLink: versionId === 'current' ? paths.plans.plan(planId) : paths.plans.versions(planId),
      doc: documentView(snapshot, budget),
      facts,
      label,
      docx: paths.plans.document(planId, versionId, 'docx'),
      pdf: paths.plans.document(planId, versionId, 'pdf'),
    });
  });

  const fileName = (s: Snapshot, n: number | null, ext: string) =>
    `EHC-plan-${s.child.reference}${n ? `-v${n}` : '-working-copy'}.${ext}`;
  app.get(paths.plans.docxPattern, async (request, reply) => {
    const { snapshot, budget, number, facts } = await snapshotFor(request);
    const buffer = await planDocx(documentView(snapshot, budget), number, facts);
    return reply
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="${fileName(snapshot, number, 'docx')}"`)
      .send(buffer);
  });
  app.get(paths.plans.pdfPattern, async (request, reply) => {
    const { snapshot, budget, number, facts } = await snapshotFor(request);
    const buffer = await planPdf(documentView(snapshot, budget), number, {}, facts);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${fileName(snapshot, number, 'pdf')}"`)
      .send(buffer);
  });
}
