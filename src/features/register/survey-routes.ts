/**
 * The survey's pages (ADR 0034): the family's survey behind the link in their message (no sign-in needed), its
 * thank-you page, the leaders' results beside the register's counts, and coding a free-text answer into themes.
 * Handlers parse, ask the service, render.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { newFormToken } from '../../platform/change/once.ts';
import type { RouteDeps } from '../../platform/feature.ts';
import { actorOf } from '../../platform/web/app.ts';
import { handleForm, singleError, type FormErrors } from '../../platform/web/forms.ts';
import { labelled, radioItems, selectItems } from '../../platform/web/items.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import {
  LISTENED,
  LISTENED_LABELS,
  MILESTONE_LABELS,
  OVERALL,
  OVERALL_LABELS,
  SMALL_NUMBER,
  THEME_LABELS,
  typedShortCode,
} from '../../domain/register/index.ts';
import { parseSurvey, themesFrom } from './forms.ts';
import type { RegisterService } from './service.ts';
import { AlreadyAnsweredError } from './survey-service.ts';
import { themeItems } from './view-models.ts';

type Values = Record<string, string>;
const param = (request: FastifyRequest, name: string) =>
  (request.params as Record<string, string>)[name] ?? '';
const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .optional()
  .catch(undefined);
const resultsSchema = z.object({ from: month, to: month });

export function surveyRoutes(app: FastifyInstance, { service }: RouteDeps<RegisterService>): void {
  // ------------------------------------------------------------------------------------------- the family
  const renderSurvey = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors?: FormErrors,
  ) => {
    const survey = await service.surveyByLink(param(request, 'laCode'), param(request, 'token'));
    return reply.view('register/survey.njk', {
      pageTitle: 'Tell us how it went',
      survey,
      values,
      errors,
      formToken: newFormToken(),
      overallItems: radioItems(labelled(OVERALL, OVERALL_LABELS), values.overall),
      listenedItems: radioItems(labelled(LISTENED, LISTENED_LABELS), values.listened),
    });
  };
  app.get(paths.register.surveyAnswerPattern, (request, reply) => renderSurvey(request, reply, {}));
  app.post(paths.register.surveyAnswerPattern, async (request, reply) => {
    try {
      return await handleForm(request.body, reply, {
        parse: parseSurvey,
        submit: (data) =>
          service.answerSurvey(
            param(request, 'laCode'),
            param(request, 'token'),
            request.actor ?? null,
            data,
            data.formToken,
          ),
        render: (values, errors) => renderSurvey(request, reply, values, errors),
        success: () => paths.register.surveyThanks,
      });
    } catch (err) {
      if (err instanceof AlreadyAnsweredError)
        return reply.redirect(withQuery(paths.register.surveyThanks, { already: 'yes' }), 303);
      throw err;
    }
  });
  app.get(paths.register.surveyThanks, (request, reply) =>
    reply.view('register/survey-thanks.njk', {
      pageTitle: 'Thank you for telling us',
      already: (request.query as Record<string, string | undefined>).already === 'yes',
      youSaidHref: paths.register.publicYouSaid,
    }),
  );

  // ------------------------------------------------------------------------------------- the letter's short address
  // The address printed in a milestone letter (ADR 0057): the code in the address, or typed into the page, opens the
  // survey; a code with no offer (mistyped, or the job has not yet made it) keeps what was typed and says what to do.
  const shortAddress = async (request: FastifyRequest, reply: FastifyReply, typed: string | undefined) => {
    const laCode = param(request, 'laCode');
    const code = typed === undefined ? null : typedShortCode(typed);
    const href = code ? await service.surveyByShortCode(laCode, code) : undefined;
    if (href) return reply.redirect(href, 303);
    const errors =
      typed === undefined
        ? undefined
        : singleError(
            'code',
            code
              ? 'We could not find a survey with that code. Check it against your letter. If your letter is dated today, try again in 15 minutes'
              : 'Enter the 8 letters and numbers of the code in your letter, like K7QM-4RXP',
          );
    return reply.code(errors ? (code ? 404 : 400) : 200).view('register/survey-short.njk', {
      pageTitle: 'Tell us how it went',
      action: paths.register.surveyShort(laCode),
      code: typed ?? '',
      errors,
    });
  };
  app.get(paths.register.surveyShortPattern, (request, reply) =>
    shortAddress(request, reply, (request.query as Record<string, string | undefined>).code),
  );
  app.get(paths.register.surveyShortCodePattern, (request, reply) =>
    shortAddress(request, reply, param(request, 'code')),
  );

  // ------------------------------------------------------------------------------------------- leaders
  app.get(paths.register.survey, async (request, reply) => {
    const q = resultsSchema.parse(request.query);
    const data = await service.surveyResults(actorOf(request), q.from, q.to);
    return reply.view('register/survey-results.njk', {
      pageTitle: 'What families said about the service',
      backLink: paths.register.counts,
      ...data,
      monthItems: (chosen: string) =>
        selectItems(
          data.months.map((m) => ({ value: m, text: m })),
          chosen,
        ),
      milestoneLabels: MILESTONE_LABELS,
      themeLabels: THEME_LABELS,
      smallNumber: SMALL_NUMBER,
    });
  });

  const renderCode = async (
    request: FastifyRequest,
    reply: FastifyReply,
    chosen: readonly string[] | null,
    errors?: FormErrors,
  ) => {
    const response = await service.surveyResponse(actorOf(request), param(request, 'responseId'));
    return reply.view('register/survey-code.njk', {
      pageTitle: 'Code what a family said into themes',
      backLink: paths.register.survey,
      response,
      milestoneLabels: MILESTONE_LABELS,
      action: paths.register.surveyCode(response.id),
      errors,
      themeItems: themeItems(chosen ?? response.themes),
    });
  };
  app.get(paths.register.surveyCodePattern, (request, reply) => renderCode(request, reply, null));
  app.post(paths.register.surveyCodePattern, (request, reply) =>
    handleForm(request.body, reply, {
      parse: () => ({ ok: true, data: themesFrom(request.body) }),
      submit: (themes) => service.codeSurveyResponse(actorOf(request), param(request, 'responseId'), themes),
      render: (_values, errors) => renderCode(request, reply, themesFrom(request.body), errors),
      success: () => withQuery(paths.register.survey, { coded: 'yes' }),
    }),
  );
}
