import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../platform/web/app.ts';
import { sessionCookieName, sessionCookieOptions } from '../../platform/web/app.ts';
import { parseForm, singleError } from '../../platform/web/forms.ts';
import { paths } from '../../platform/web/paths.ts';
import { signIn, signOut } from './service.ts';

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

/** Only a path on this site may follow sign-in (never another site). */
function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return paths.home;
  }
  if (value.startsWith(paths.signIn) || value.startsWith(paths.signOut)) return paths.home;
  return value.slice(0, 500);
}

export function authRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;
  const cookieName = sessionCookieName(deps.config);

  app.get(paths.signIn, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    if (request.actor) return reply.redirect(safeReturnTo(query.returnTo));
    return reply.view('auth/sign-in.njk', {
      pageTitle: 'Sign in',
      values: {},
      returnTo: safeReturnTo(query.returnTo),
      signedOut: query.signedOut === '1',
    });
  });

  app.post(
    paths.signIn,
    {
      config: {
        rateLimit: {
          max: deps.config.signInLimit,
          timeWindow: deps.config.signInWindowMs,
          hook: 'preHandler',
          keyGenerator: (request) => {
            const body = request.body as Record<string, unknown> | undefined;
            const email =
              typeof body?.email === 'string' ? body.email.trim().toLowerCase().slice(0, 254) : '';
            return `${request.ip}|${email}`;
          },
        },
      },
    },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const returnTo = safeReturnTo(body.returnTo);
      const form = parseForm(signInSchema, body, ['email', 'password']);
      if (!form.ok) {
        reply.code(400);
        return reply.view('auth/sign-in.njk', {
          pageTitle: 'Sign in',
          errors: form.errors,
          values: { email: form.values.email ?? '' },
          returnTo,
        });
      }
      const result = await db.transaction().execute((trx) =>
        signIn(trx, form.data.email, form.data.password, {
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        }),
      );
      if (!result) {
        request.log.info('sign-in failed');
        reply.code(400);
        return reply.view('auth/sign-in.njk', {
          pageTitle: 'Sign in',
          errors: singleError(
            'email',
            'Enter a correct email address and password. Both are case sensitive.',
          ),
          values: { email: form.data.email },
          returnTo,
        });
      }
      if (request.actor) {
        await signOut(db, request.actor);
      }
      reply.setCookie(cookieName, result.token, sessionCookieOptions(deps.config));
      return reply.redirect(returnTo, 303);
    },
  );

  app.post(paths.signOut, async (request, reply) => {
    if (request.actor) {
      const actor = request.actor;
      await db.transaction().execute((trx) => signOut(trx, actor));
    }
    reply.clearCookie(cookieName, sessionCookieOptions(deps.config));
    return reply.redirect(`${paths.signIn}?signedOut=1`, 303);
  });
}
