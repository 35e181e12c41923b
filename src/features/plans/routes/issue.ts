/**
 * The caseworker's pages issuing a plan: sharing the draft for comments, issuing the final or amended plan (with the
 * advice asked for that has not arrived), and the manager's override recording why a plan may be issued with errors.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../../platform/web/app.ts';
import type { FormErrors, Parsed } from '../../../platform/web/forms.ts';
import {
  dateInputValues,
  formValues,
  parseForm,
  readDateInput,
  singleError,
} from '../../../platform/web/forms.ts';
import { paths, withQuery } from '../../../platform/web/paths.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { outstandingAdvice } from '../../assessments/index.ts';
import { overrideSchema } from '../forms.ts';
import { issueDraft, issuePlan, recordOverride } from '../issue.ts';
import { editorView } from '../read.ts';
import { PlanError } from '../service.ts';
import type { PlanRoutes } from './context.ts';

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

export function issueRoutes({ app, deps, db, run, planIdOf }: PlanRoutes): void {
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
}
