/** Signing in and out: the sign-in form (failed attempts throttled by account and by address) and the sign-out button. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { RouteDeps } from '../../platform/feature.ts';
import { sessionCookieName, sessionCookieOptions } from '../../platform/web/app.ts';
import { handleForm, type FormErrors } from '../../platform/web/forms.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { safeReturnTo } from '../../platform/web/redirects.ts';
import { newFormToken } from '../../platform/change/once.ts';
import { actorOf } from '../../platform/web/app.ts';
import { changePasswordSchema, PASSWORD_MIN } from './password.ts';
import { SignInRefusedError, SignInThrottledError, type AuthService } from './service.ts';

const signInSchema = z.object({
  email: z
    .string({ error: 'Enter your email address' })
    .trim()
    .min(1, { error: 'Enter your email address' })
    .max(254, { error: 'Email address must be 254 characters or fewer' })
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, {
      error: 'Enter an email address in the correct format, like name@example.com',
    }),
  password: z
    .string({ error: 'Enter your password' })
    .min(1, { error: 'Enter your password' })
    .max(200, { error: 'Password must be 200 characters or fewer' }),
});

const signInView = (
  values: Record<string, string>,
  returnTo: string,
  ssoButtons: Array<{ id: string; text: string }>,
  errors?: FormErrors,
  signedOut = false,
) => ({
  pageTitle: 'Sign in',
  values,
  errors,
  returnTo,
  signedOut,
  ssoButtons: ssoButtons.map((b) => ({ ...b, href: withQuery(paths.sso.start(b.id), { returnTo }) })),
});

const passwordView = (
  hasPassword: boolean,
  values: Record<string, string>,
  errors?: FormErrors,
  changed = false,
) => ({
  pageTitle: 'Change your password',
  backLink: paths.home,
  hasPassword,
  minLength: PASSWORD_MIN,
  // Passwords are never sent back to the page: only the form's one-use token.
  values: { formToken: values.formToken || newFormToken() },
  errors,
  changed,
});

export function authRoutes(app: FastifyInstance, deps: RouteDeps<AuthService>): void {
  const { service } = deps;
  const cookieName = sessionCookieName(deps.config);
  // Families: GOV.UK One Login's button when it is set up (src/features/one-login).
  const view = (...args: Parameters<typeof signInView>) => ({
    ...signInView(...args),
    oneLogin: deps.config.oneLogin !== undefined,
  });

  app.get(paths.signIn, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    if (request.actor) return reply.redirect(safeReturnTo(query.returnTo));
    return reply.view(
      'auth/sign-in.njk',
      view(
        {},
        safeReturnTo(query.returnTo),
        await service.signInButtons(),
        undefined,
        query.signedOut === '1',
      ),
    );
  });

  app.post(paths.signIn, async (request, reply) => {
    const returnTo = safeReturnTo((request.body as Record<string, unknown> | undefined)?.returnTo);
    return handleForm(request.body, reply, {
      parse: signInSchema,
      fields: ['email', 'password'],
      keep: (values) => ({ email: values.email ?? '' }),
      submit: async ({ email, password }) => {
        const meta = { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
        const result = await service.signIn(email, password, meta);
        if (!result) {
          request.log.info('sign-in failed');
          throw new SignInRefusedError();
        }
        if (request.actor) await service.signOut(request.actor);
        reply.setCookie(cookieName, result.token, sessionCookieOptions(deps.config));
        return result;
      },
      render: async (values, errors, error) => {
        if (error instanceof SignInThrottledError) reply.code(429);
        return reply.view('auth/sign-in.njk', view(values, returnTo, await service.signInButtons(), errors));
      },
      // A second factor owed: its step first, then where the user was going.
      success: (result) =>
        result.secondFactor === 'pending' ? withQuery(paths.secondFactor.verify, { returnTo }) : returnTo,
    });
  });

  app.post(paths.signOut, async (request, reply) => {
    const providerSignOut = request.actor ? await service.signOut(request.actor) : null;
    reply.clearCookie(cookieName, sessionCookieOptions(deps.config));
    if (!providerSignOut) return reply.redirect(`${paths.signIn}?signedOut=1`, 303);
    // A session a provider began ends there too, and the provider comes back to the signed-out page. A page, not a
    // redirect: the form's navigation may not leave the site (CSP form-action 'self'), so the page goes on by script,
    // or by its button without one.
    return reply.view('auth/signing-out.njk', { pageTitle: 'Signing you out', providerSignOut });
  });

  // Changing one's own password (any signed-in role with a password).
  app.get(paths.account.password, async (request, reply) => {
    const actor = actorOf(request);
    const changed = (request.query as Record<string, unknown>).changed === '1';
    return reply.view(
      'auth/password.njk',
      passwordView(await service.hasPassword(actor), {}, undefined, changed),
    );
  });

  app.post(paths.account.password, async (request, reply) => {
    const actor = actorOf(request);
    return handleForm(request.body, reply, {
      parse: changePasswordSchema,
      fields: ['currentPassword', 'newPassword', 'confirmPassword'],
      keep: (values) => ({ formToken: values.formToken ?? '' }),
      submit: (input) => service.changePassword(actor, input),
      render: async (values, errors) =>
        reply.view('auth/password.njk', passwordView(await service.hasPassword(actor), values, errors)),
      success: () => withQuery(paths.account.password, { changed: 1 }),
    });
  });
}
