/**
 * The voices before a review meeting (docs/reviews.md): the family's review page and views form (parents and young
 * people, on a phone, with an easy-read option), asking a professional for advice (casework staff), and the
 * professional's review advice requests and answer form.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isUuid, type Actor } from '../../platform/access/access.ts';
import { newFormToken } from '../../platform/change/once.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { actorOf, isUploadedFile } from '../../platform/web/app.ts';
import { contentDisposition, servedContentType } from '../../platform/web/files.ts';
import { ADVICE_DOCUMENT_ACCEPT, checkAdviceDocument } from '../advice/index.ts';
import {
  formValues,
  handleForm,
  type FieldError,
  type FormErrors,
  fieldErrors,
} from '../../platform/web/forms.ts';
import { govukPagination } from '../../platform/web/pagination.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import {
  ADVICE_FIELD_LABELS,
  REVIEW_ADVICE_AGENCIES,
  REVIEW_ADVICE_AGENCY_LABELS,
  VIEW_FIELDS,
} from '../../domain/review/index.ts';
import { MEETING_LABELS } from './meeting-routes.ts';
import { ReviewFormError, type ReviewsService } from './service.ts';

/** Every error of a ReviewFormError in the summary, each linking to its field. */
export function voicesErrors(errors: FormErrors, error?: FieldError): FormErrors {
  return error instanceof ReviewFormError ? fieldErrors(error.errors) : errors;
}

const idOf = (params: unknown, name: string): string => {
  const id = (params as Record<string, string>)[name] ?? '';
  if (!isUuid(id)) throw new NotFoundError();
  return id;
};

function viewTitle(about: string, actor: Actor, givenName: string): string {
  if (about === 'child' && actor.role === 'parent') return `${givenName}’s own views`;
  return 'Your views';
}

export function reviewVoicesRoutes(app: FastifyInstance, service: ReviewsService): void {
  app.get(paths.reviewVoices.familyPattern, async (request, reply) => {
    const actor = actorOf(request);
    const data = await service.familyReview(actor, idOf(request.params, 'reviewId'));
    return reply.view('reviews/your-review.njk', {
      pageTitle: `${data.child.givenName}’s review`,
      ...data,
      titles: Object.fromEntries(
        data.forms.map((f) => [f.about, viewTitle(f.about, actor, data.child.givenName)]),
      ),
      sent: (request.query as Record<string, string>).sent === '1',
      adviceLabels: ADVICE_FIELD_LABELS,
      agencyLabels: REVIEW_ADVICE_AGENCY_LABELS,
      ...MEETING_LABELS,
    });
  });

  const renderViews = async (
    reply: FastifyReply,
    actor: Actor,
    reviewId: string,
    about: string,
    easy: boolean | null,
    values?: Record<string, string>,
    errors?: FormErrors,
    saved = false,
  ) => {
    const data = await service.viewsForm(actor, reviewId, about, easy);
    const title = viewTitle(data.about, actor, data.child.givenName);
    return reply.view('reviews/views-form.njk', {
      pageTitle: title,
      ...data,
      values: values ?? data.answers ?? {},
      errors,
      saved,
      formToken: newFormToken(),
      forParent: actor.role === 'parent' && data.about === 'child',
    });
  };

  app.get(paths.reviewVoices.viewsPattern, async (request, reply) => {
    const q = request.query as Record<string, string>;
    const easy = q.easy === '1' ? true : q.easy === '0' ? false : null;
    const { about } = request.params as { about: string };
    return renderViews(
      reply,
      actorOf(request),
      idOf(request.params, 'reviewId'),
      about,
      easy,
      undefined,
      undefined,
      q.saved === '1',
    );
  });

  app.post(paths.reviewVoices.viewsPattern, async (request, reply) => {
    const actor = actorOf(request);
    const reviewId = idOf(request.params, 'reviewId');
    const { about } = request.params as { about: string };
    const values = formValues(request.body);
    const easy = values.easyRead === 'yes';
    return handleForm(request.body, reply, {
      parse: (v) => ({
        ok: true,
        data: {
          answers: Object.fromEntries(VIEW_FIELDS.map((f) => [f, v[f] ?? null])),
          easyRead: v.easyRead === 'yes',
          send: v.action === 'send',
          formToken: v.formToken,
        },
      }),
      submit: (data) => service.saveViews(actor, reviewId, about, data),
      render: (v, errors, error) =>
        renderViews(reply, actor, reviewId, about, easy, v, voicesErrors(errors, error)),
      success: (_r, data) =>
        data.send
          ? withQuery(paths.reviewVoices.family(reviewId), { sent: 1 })
          : withQuery(paths.reviewVoices.views(reviewId, about), { saved: 1 }),
    });
  });

  const renderAsk = async (
    reply: FastifyReply,
    actor: Actor,
    reviewId: string,
    values: Record<string, string> = {},
    errors?: FormErrors,
  ) => {
    const data = await service.adviceAskForm(actor, reviewId);
    return reply.view('reviews/ask-advice.njk', {
      pageTitle: 'Ask for advice for the review',
      ...data,
      agencyLabels: REVIEW_ADVICE_AGENCY_LABELS,
      agencyItems: REVIEW_ADVICE_AGENCIES.map((value) => ({
        value,
        text: REVIEW_ADVICE_AGENCY_LABELS[value],
        checked: values.agency === value,
      })),
      professionalItems: [
        { value: '', text: 'Choose a professional' },
        ...data.professionals.map((p) => ({
          value: p.id,
          text: `${p.display_name}${p.job_title ? `, ${p.job_title}` : ''}${p.team_name ? ` (${p.team_name})` : ''}`,
          selected: p.id === values.professionalId,
        })),
      ],
      values,
      errors,
      formToken: newFormToken(),
    });
  };

  app.get(paths.reviewVoices.askPattern, async (request, reply) =>
    renderAsk(reply, actorOf(request), idOf(request.params, 'reviewId')),
  );

  app.post(paths.reviewVoices.askPattern, async (request, reply) => {
    const actor = actorOf(request);
    const reviewId = idOf(request.params, 'reviewId');
    return handleForm(request.body, reply, {
      parse: (v) => ({
        ok: true,
        data: {
          agency: v.agency ?? null,
          professionalId: v.professionalId || null,
          question: v.question ?? null,
          formToken: v.formToken,
        },
      }),
      submit: (data) => service.requestAdvice(actor, reviewId, data),
      render: (v, errors, error) => renderAsk(reply, actor, reviewId, v, voicesErrors(errors, error)),
      success: (made) => paths.reviews.plan(made.planId),
    });
  });

  app.get(paths.reviewVoices.list, async (request, reply) => {
    const actor = actorOf(request);
    const page = Math.min(100_000, Math.max(1, Number(formValues(request.query).page) || 1));
    const data = await service.adviceRequestsFor(actor, page);
    await service.auditAdviceShown(actor, paths.reviewVoices.list, data.rows);
    return reply.view('reviews/advice-list.njk', {
      pageTitle: 'Advice asked of you for reviews',
      reviewAdvice: data,
      agencyLabels: REVIEW_ADVICE_AGENCY_LABELS,
      reviewAdvicePagination: govukPagination(data.page, data.pages, (p) =>
        withQuery(paths.reviewVoices.list, { page: p }),
      ),
    });
  });

  const renderTask = async (
    reply: FastifyReply,
    actor: Actor,
    adviceId: string,
    values: Record<string, string> = {},
    errors?: FormErrors,
    sent = false,
  ) => {
    const data = await service.adviceTask(actor, adviceId);
    return reply.view('reviews/advice-task.njk', {
      pageTitle: `Advice for ${data.child.name}’s review`,
      ...data,
      documentAccept: ADVICE_DOCUMENT_ACCEPT,
      agencyLabels: REVIEW_ADVICE_AGENCY_LABELS,
      adviceLabels: ADVICE_FIELD_LABELS,
      values,
      errors,
      sent,
      formToken: newFormToken(),
      backLink: actor.role === 'professional' ? paths.home : paths.reviews.plan(data.review.plan_id),
    });
  };

  app.get(paths.reviewVoices.taskPattern, async (request, reply) =>
    renderTask(
      reply,
      actorOf(request),
      idOf(request.params, 'adviceId'),
      {},
      undefined,
      (request.query as Record<string, string>).sent === '1',
    ),
  );

  app.post(paths.reviewVoices.taskPattern, async (request, reply) => {
    const actor = actorOf(request);
    const adviceId = idOf(request.params, 'adviceId');
    return handleForm(request.body, reply, {
      parse: (v, body) => {
        // A document attached (optional): a PDF, Word, OpenDocument text or text file, checked by its contents.
        const upload = (body as Record<string, unknown> | undefined)?.document;
        const checked = isUploadedFile(upload) ? checkAdviceDocument(upload) : undefined;
        if (checked && !checked.ok)
          return { ok: false, errors: fieldErrors([{ field: 'document', message: checked.message }]) };
        return {
          ok: true,
          data: {
            progress: v.progress ?? null,
            working: v.working ?? null,
            notWorking: v.notWorking ?? null,
            changes: v.changes ?? null,
            document: checked?.ok ? checked : undefined,
            formToken: v.formToken,
          },
        };
      },
      submit: (data) => service.answerAdvice(actor, adviceId, data),
      render: (v, errors, error) => renderTask(reply, actor, adviceId, v, voicesErrors(errors, error)),
      success: () => withQuery(paths.reviewVoices.task(adviceId), { sent: 1 }),
    });
  });

  app.get(paths.reviewVoices.documentPattern, async (request, reply) => {
    const file = await service.adviceDocument(actorOf(request), idOf(request.params, 'adviceId'));
    // Always an attachment, never shown inline, never sniffed into something else (as assessment advice's).
    return reply
      .header('content-type', servedContentType(file.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', contentDisposition(file.fileName))
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(file.content));
  });
}
