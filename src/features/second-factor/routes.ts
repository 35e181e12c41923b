/**
 * The second factor's pages (issue 19 item 3): the code after the password, a recovery code instead, setting up an
 * authenticator app (the key as text and as a QR code) with the recovery codes shown once, the user's own settings,
 * and an administrator's reset. A half-signed-in session reaches only these (src/platform/access/second-factor.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../platform/access/access.ts';
import { DEMO_TOTP_SECRET, groupedKey } from '../../platform/auth/second-factor.ts';
import { hashToken } from '../../platform/auth/sessions.ts';
import type { RouteDeps } from '../../platform/feature.ts';
import { actorOf, csrfToken, sessionCookieName, sessionCookieOptions } from '../../platform/web/app.ts';
import {
  formValues,
  handleForm,
  singleError,
  type FieldError,
  type FormErrors,
} from '../../platform/web/forms.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { safeReturnTo } from '../../platform/web/redirects.ts';
import { CodeThrottledError, type SecondFactorService } from './service.ts';

const codeSchema = z.object({
  code: z
    .string({ error: 'Enter the 6-digit code from your authenticator app' })
    .transform((v) => v.replace(/[\s-]/g, ''))
    .pipe(
      z
        .string()
        .min(1, { error: 'Enter the 6-digit code from your authenticator app' })
        .regex(/^\d{6}$/, { error: 'The code must be 6 digits, like 123456' }),
    ),
});

const recoverySchema = z.object({
  recoveryCode: z
    .string({ error: 'Enter one of your recovery codes' })
    .trim()
    .min(1, { error: 'Enter one of your recovery codes' })
    .max(40, { error: 'A recovery code is 10 letters and numbers, like abcde-12345' }),
});

export function secondFactorRoutes(app: FastifyInstance, deps: RouteDeps<SecondFactorService>): void {
  const { service, config } = deps;
  const cookieName = sessionCookieName(config);
  const meta = (request: FastifyRequest) => ({
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
  });
  const returnToOf = (request: FastifyRequest) =>
    safeReturnTo(
      (request.body as Record<string, unknown> | undefined)?.returnTo ??
        (request.query as Record<string, unknown>).returnTo,
    );
  /** The new session's cookie; this answer's page (the recovery codes) gets the new session's CSRF token. */
  const signedInWith = (request: FastifyRequest, reply: FastifyReply, token: string | null) => {
    if (!token || !request.actor) return;
    reply.setCookie(cookieName, token, sessionCookieOptions(config));
    request.actor = { ...request.actor, sessionId: hashToken(token), secondFactor: 'done' };
    reply.locals.actor = request.actor;
    reply.locals.csrfToken = csrfToken(request, reply);
  };
  const throttledStatus = (reply: FastifyReply, error?: FieldError) => {
    if (error instanceof CodeThrottledError) reply.code(429);
  };

  const verifyView = async (
    actor: Actor,
    returnTo: string,
    values: Record<string, string>,
    errors?: FormErrors,
  ) => ({
    pageTitle: 'Enter the code from your authenticator app',
    returnTo,
    values,
    errors,
    demoCode: await service.demoCode(actor),
    demoKey: groupedKey(DEMO_TOTP_SECRET),
  });

  app.get(paths.secondFactor.verify, async (request, reply) => {
    const actor = actorOf(request);
    const returnTo = returnToOf(request);
    if (actor.secondFactor !== 'pending') return reply.redirect(paths.secondFactor.settings);
    const { status } = await service.status(actor);
    if (status !== 'confirmed') return reply.redirect(withQuery(paths.secondFactor.setUp, { returnTo }));
    return reply.view('second-factor/verify.njk', await verifyView(actor, returnTo, {}));
  });

  app.post(paths.secondFactor.verify, async (request, reply) => {
    const actor = actorOf(request);
    const returnTo = returnToOf(request);
    if (actor.secondFactor !== 'pending') return reply.redirect(paths.secondFactor.settings, 303);
    return handleForm(request.body, reply, {
      parse: codeSchema,
      fields: ['code'],
      submit: async ({ code }) =>
        signedInWith(request, reply, (await service.verify(actor, code, meta(request))).token),
      render: async (values, errors, error) => {
        throttledStatus(reply, error);
        return reply.view('second-factor/verify.njk', await verifyView(actor, returnTo, values, errors));
      },
      success: () => returnTo,
    });
  });

  const recoveryView = (returnTo: string, values: Record<string, string>, errors?: FormErrors) => ({
    pageTitle: 'Use a recovery code',
    returnTo,
    values,
    errors,
  });

  app.get(paths.secondFactor.recovery, async (request, reply) => {
    const actor = actorOf(request);
    if (actor.secondFactor !== 'pending') return reply.redirect(paths.secondFactor.settings);
    return reply.view('second-factor/recovery.njk', recoveryView(returnToOf(request), {}));
  });

  app.post(paths.secondFactor.recovery, async (request, reply) => {
    const actor = actorOf(request);
    const returnTo = returnToOf(request);
    if (actor.secondFactor !== 'pending') return reply.redirect(paths.secondFactor.settings, 303);
    return handleForm(request.body, reply, {
      parse: recoverySchema,
      fields: ['recoveryCode'],
      submit: async ({ recoveryCode }) => {
        const result = await service.useRecoveryCode(actor, recoveryCode, meta(request));
        signedInWith(request, reply, result.token);
        return result.left;
      },
      render: (values, errors, error) => {
        throttledStatus(reply, error);
        return reply.view('second-factor/recovery.njk', recoveryView(returnTo, values, errors));
      },
      // Few codes left: the settings page says how many, and how to get new ones.
      success: (left) => (left <= 3 ? withQuery(paths.secondFactor.settings, { codesLeft: left }) : returnTo),
    });
  });

  const setUpView = async (
    actor: Actor,
    returnTo: string,
    errors?: FormErrors,
    values: Record<string, string> = {},
  ) => {
    const enrolment = await service.enrolment(actor);
    return enrolment
      ? {
          pageTitle: 'Set up your authenticator app',
          returnTo,
          errors,
          values,
          enrolment,
          pending: actor.secondFactor === 'pending',
        }
      : null;
  };

  app.get(paths.secondFactor.setUp, async (request, reply) => {
    const actor = actorOf(request);
    const returnTo = returnToOf(request);
    const view = await setUpView(actor, returnTo);
    if (!view)
      return reply.redirect(
        actor.secondFactor === 'pending'
          ? withQuery(paths.secondFactor.verify, { returnTo })
          : paths.secondFactor.settings,
      );
    return reply.view('second-factor/set-up.njk', view);
  });

  app.post(paths.secondFactor.setUp, async (request, reply) => {
    const actor = actorOf(request);
    const returnTo = returnToOf(request);
    const parsed = codeSchema.safeParse(formValues(request.body));
    // The code typed is shown again with the error (a wrong or spent code is worth nothing).
    const again = async (errors: FormErrors) => {
      const view = await setUpView(actor, returnTo, errors, { code: formValues(request.body).code ?? '' });
      if (!view) return reply.redirect(paths.secondFactor.settings, 303);
      return reply.view('second-factor/set-up.njk', view);
    };
    if (!parsed.success) {
      reply.code(400);
      return again(singleError('code', parsed.error.issues[0]?.message ?? 'Enter the code'));
    }
    try {
      const result = await service.confirmEnrolment(actor, parsed.data.code, meta(request));
      signedInWith(request, reply, result.token);
      // The recovery codes are shown this once, on this answer: they are kept only as hashes.
      return reply.view('second-factor/recovery-codes.njk', {
        pageTitle: 'Save your recovery codes',
        recoveryCodes: result.recoveryCodes,
        next: actor.secondFactor === 'pending' ? returnTo : paths.secondFactor.settings,
      });
    } catch (error) {
      if (!(error instanceof Error) || !('field' in error)) throw error;
      reply.code(error instanceof CodeThrottledError ? 429 : 400);
      return again(singleError('code', error.message));
    }
  });

  app.get(paths.secondFactor.settings, async (request, reply) => {
    const actor = actorOf(request);
    if (actor.secondFactor === 'pending') return reply.redirect(paths.secondFactor.verify);
    const query = request.query as Record<string, unknown>;
    return reply.view('second-factor/settings.njk', {
      pageTitle: 'Your second factor',
      ...(await service.status(actor)),
      codesLeftWarning: typeof query.codesLeft === 'string',
    });
  });

  app.get(paths.secondFactor.resetPattern, async (request, reply) => {
    const { userId } = request.params as { userId: string };
    const target = await service.userForReset(actorOf(request), userId);
    return reply.view('second-factor/reset.njk', {
      pageTitle: `Second factor: ${target.user.display_name}`,
      ...target,
      reset: (request.query as Record<string, unknown>).reset === '1',
    });
  });

  app.post(paths.secondFactor.resetPattern, async (request, reply) => {
    const { userId } = request.params as { userId: string };
    await service.reset(actorOf(request), userId);
    return reply.redirect(withQuery(paths.secondFactor.reset(userId), { reset: 1 }), 303);
  });
}
