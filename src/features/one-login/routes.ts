/**
 * GOV.UK One Login pages (issue 19 item 2): the start and callback of a sign-in, the page where a family enters the
 * code the council gave them (the only page an account not linked yet reaches), and a caseworker's page on a child's
 * record that makes a family member's code.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RouteDeps } from '../../platform/feature.ts';
import { actorOf, sessionCookieName, sessionCookieOptions } from '../../platform/web/app.ts';
import { handleForm, type FormErrors } from '../../platform/web/forms.ts';
import { paths } from '../../platform/web/paths.ts';
import { safeReturnTo } from '../../platform/web/redirects.ts';
import { OneLoginRefusal } from './oidc.ts';
import { LinkCodeError, LINK_CODE_DAYS, type OneLoginService } from './service.ts';

const COOKIE = 'goldthread_one_login';

const codeSchema = z.object({
  code: z
    .string({ error: 'Enter the code the council gave you' })
    .trim()
    .min(1, { error: 'Enter the code the council gave you' })
    .max(40, { error: 'The code is 10 letters and numbers, like AB12C-D34EF' }),
});

export function oneLoginRoutes(app: FastifyInstance, deps: RouteDeps<OneLoginService>): void {
  const { service, config } = deps;
  const sessionCookie = sessionCookieName(config);
  // The sign-in cookie goes to One Login and back: SameSite=Lax lets the top-level redirect back carry it.
  const cookieOptions = { ...sessionCookieOptions(config), maxAge: 30 * 60 };
  const meta = (request: FastifyRequest) => ({
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
  });

  const refused = (reply: FastifyReply, reason: string) => {
    reply.code(400);
    return reply.view('one-login/refused.njk', { pageTitle: 'You could not be signed in', reason });
  };

  app.get(paths.oneLogin.start, async (request, reply) => {
    if (!service.enabled()) return reply.callNotFound();
    const returnTo = safeReturnTo((request.query as Record<string, unknown>).returnTo);
    const { url, cookie } = await service.start(returnTo);
    reply.setCookie(COOKIE, cookie, cookieOptions);
    return reply.redirect(url, 303);
  });

  app.get(paths.oneLogin.callback, async (request, reply) => {
    if (!service.enabled()) return reply.callNotFound();
    const url = new URL(request.url, config.publicUrl);
    try {
      const result = await service.callback(request.cookies[COOKIE], url, meta(request));
      if (result.kind === 'link') return reply.redirect(paths.oneLogin.link, 303);
      if (result.kind === 'refused') {
        reply.clearCookie(COOKIE, cookieOptions);
        return refused(reply, result.reason);
      }
      reply.clearCookie(COOKIE, cookieOptions);
      reply.setCookie(sessionCookie, result.token, sessionCookieOptions(config));
      return reply.redirect(safeReturnTo(result.returnTo), 303);
    } catch (error) {
      if (!(error instanceof OneLoginRefusal)) throw error;
      request.log.warn({ reason: error.reason }, error.message);
      return refused(reply, error.reason);
    }
  });

  const linkView = (values: Record<string, string>, errors?: FormErrors) => ({
    pageTitle: 'Enter the code the council gave you',
    values,
    errors,
    days: LINK_CODE_DAYS,
  });

  app.get(paths.oneLogin.link, async (request, reply) => {
    if (!(await service.waiting(request.cookies[COOKIE]))) return reply.redirect(paths.signIn);
    return reply.view('one-login/link.njk', linkView({}));
  });

  app.post(paths.oneLogin.link, async (request, reply) => {
    if (!(await service.waiting(request.cookies[COOKIE]))) return reply.redirect(paths.signIn, 303);
    let returnTo = '/';
    return handleForm(request.body, reply, {
      parse: codeSchema,
      fields: ['code'],
      submit: async ({ code }) => {
        const result = await service.link(request.cookies[COOKIE], code, meta(request));
        reply.clearCookie(COOKIE, cookieOptions);
        reply.setCookie(sessionCookie, result.token, sessionCookieOptions(config));
        returnTo = safeReturnTo(result.returnTo);
      },
      render: (values, errors, error) => {
        if (error instanceof LinkCodeError) reply.code(error.status);
        return reply.view('one-login/link.njk', linkView(values, errors));
      },
      success: () => returnTo,
    });
  });

  const codeView = async (request: FastifyRequest) => {
    const { childId, memberId } = request.params as { childId: string; memberId: string };
    const found = await service.member(actorOf(request), childId, memberId);
    return {
      pageTitle: `GOV.UK One Login for ${found.member.given_name} ${found.member.family_name}`,
      childId,
      ...found,
      enabled: service.enabled(),
      days: LINK_CODE_DAYS,
      backLink: paths.children.show(childId),
    };
  };

  app.get(paths.oneLogin.codePattern, async (request, reply) =>
    reply.view('one-login/code.njk', await codeView(request)),
  );

  app.post(paths.oneLogin.codePattern, async (request, reply) => {
    const { childId, memberId } = request.params as { childId: string; memberId: string };
    const made = await service.createCode(actorOf(request), childId, memberId);
    // The code is shown this once, on this answer: it is kept only as a hash.
    return reply.view('one-login/code.njk', { ...(await codeView(request)), made });
  });
}
