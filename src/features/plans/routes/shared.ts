/**
 * The family's and advisers' side: the plans shared with them, the shared draft or final plan with its comments and
 * the form commenting on a part of it, and the caseworker's preview of that page before the draft is shared.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { auditChildrenShown, isUuid } from '../../../platform/access/access.ts';
import { actorOf } from '../../../platform/web/app.ts';
import {
  formValues,
  handleForm,
  parseForm,
  singleError,
  type FormErrors,
} from '../../../platform/web/forms.ts';
import { paths, withQuery } from '../../../platform/web/paths.ts';
import { longDate } from '../../../domain/calendar.ts';
import { addComment } from '../comments.ts';
import { commentSchema } from '../forms.ts';
import { draftPreview, sharedPlanList, sharedView } from '../read.ts';
import { snapshotLines } from '../snapshot.ts';
import {
  commentPart,
  commentTarget,
  documentView,
  itemTexts,
  PLAN_VERSION_STATUS_LABELS,
  previewModel,
} from '../view-models.ts';
import type { PlanRoutes } from './context.ts';

const fail = (field: string, text: string) => ({ ok: false as const, errors: singleError(field, text) });

export function sharedRoutes({ app, deps, db, run, planIdOf }: PlanRoutes): void {
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
}
