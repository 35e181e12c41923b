/**
 * The caseworker's plan pages outside the items: the list of plans, starting a plan, the editor (the task list of
 * checks and the sections), and section I's placement and section J's personal budget.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { auditChildrenShown } from '../../../platform/access/access.ts';
import { actorOf } from '../../../platform/web/app.ts';
import { mayUse } from '../../../platform/web/permissions.ts';
import { formValues, parseForm, singleError, type FormErrors } from '../../../platform/web/forms.ts';
import { paths, withQuery } from '../../../platform/web/paths.ts';
import { budgetSchema, poundsToPence, startSchema } from '../forms.ts';
import { createPlan, setBudget, setPlacement, settingChoices } from '../items.ts';
import { editorView, listPlans } from '../read.ts';
import { PlanError } from '../service.ts';
import { editorModel, planListFilters, planListModel } from '../view-models.ts';
import { SECTION_TITLES } from '../describe.ts';
import type { PlanRoutes } from './context.ts';

export function editorRoutes({ app, deps, db, run, planIdOf }: PlanRoutes): void {
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
}
