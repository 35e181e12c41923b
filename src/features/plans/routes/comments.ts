/** The caseworker's side of the comments on a shared draft: the comments listed, and the form answering one. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../../platform/web/app.ts';
import { parseForm, type FormErrors } from '../../../platform/web/forms.ts';
import { paths, withQuery } from '../../../platform/web/paths.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { commentsForStaff, respondToComment } from '../comments.ts';
import { respondSchema } from '../forms.ts';
import type { PlanRoutes } from './context.ts';

export function commentRoutes({ app, db, run, planIdOf }: PlanRoutes): void {
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
}
