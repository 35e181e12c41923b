/**
 * Single sign-on's pages: the start (to the provider), the provider's callback, the waiting page for a person an
 * administrator has yet to approve, and the administrator's pages (./admin-routes.ts).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { RouteDeps } from '../../platform/feature.ts';
import { sessionCookieName, sessionCookieOptions } from '../../platform/web/app.ts';
import { paths } from '../../platform/web/paths.ts';
import { safeReturnTo } from '../../platform/web/redirects.ts';
import { adminRoutes } from './admin-routes.ts';
import type { Refusal } from './oidc.ts';
import { SignInRefusal, type SsoService } from './service.ts';

export const SIGN_IN_COOKIE = 'goldthread_sso';
export const PENDING_COOKIE = 'goldthread_sso_pending';

/** What the person reads for each refusal: the title and what to do. */
export function refusalPage(reason: Refusal): { title: string; paragraphs: string[]; status: number } {
  switch (reason) {
    case 'state':
    case 'replayed':
    case 'expired-request':
      return {
        status: 400,
        title: 'Your sign-in could not be completed',
        paragraphs: [
          'The answer from your organisation’s sign-in did not match a sign-in started in this browser, it was already used, or it took more than 10 minutes. You have not been signed in.',
          'Start again from the sign-in page.',
        ],
      };
    case 'audience':
    case 'issuer':
    case 'expired-token':
    case 'nonce':
    case 'signature':
    case 'token':
      return {
        status: 403,
        title: 'Your sign-in could not be checked',
        paragraphs: [
          'The answer from your organisation’s sign-in could not be trusted, so you have not been signed in. This has been recorded.',
          'Start again from the sign-in page. If this keeps happening, contact your administrator.',
        ],
      };
    case 'email-missing':
    case 'email-unverified':
      return {
        status: 403,
        title: 'Your email address could not be confirmed',
        paragraphs: [
          'Your organisation’s sign-in did not confirm your email address, so you have not been signed in.',
          'Contact your administrator.',
        ],
      };
    case 'domain':
      return {
        status: 403,
        title: 'This account cannot sign in here',
        paragraphs: [
          'Your organisation’s sign-in is not allowed to sign in accounts with this email address, so you have not been signed in. This has been recorded.',
          'Sign in with the account your organisation gave you for Goldthread, or contact your administrator.',
        ],
      };
    case 'account-off':
      return {
        status: 403,
        title: 'Your account cannot sign in',
        paragraphs: ['Your Goldthread account has been switched off. Contact your administrator.'],
      };
    case 'provider-error':
      return {
        status: 403,
        title: 'Your organisation’s sign-in did not sign you in',
        paragraphs: [
          'Your organisation’s sign-in refused or cancelled the request, so you have not been signed in.',
          'Start again from the sign-in page. If this keeps happening, contact your administrator.',
        ],
      };
    default:
      return {
        status: 503,
        title: 'Sign-in with your organisation is not available',
        paragraphs: [
          'Your organisation’s sign-in could not be reached or refused the request. You have not been signed in.',
          'Try again later, or contact your administrator.',
        ],
      };
  }
}

function renderRefusal(reply: FastifyReply, refusal: SignInRefusal) {
  const page = refusalPage(refusal.reason);
  reply.code(page.status);
  return reply.view('sso/refused.njk', { pageTitle: page.title, paragraphs: page.paragraphs });
}

export function ssoRoutes(app: FastifyInstance, deps: RouteDeps<SsoService>): void {
  const { service, config } = deps;
  const sessionCookie = sessionCookieName(config);
  const cookieOptions = { ...sessionCookieOptions(config), path: '/sign-in' };

  app.get(paths.sso.startPattern, async (request, reply) => {
    const { providerId } = request.params as { providerId: string };
    const query = request.query as Record<string, unknown>;
    try {
      const started = await service.start(providerId, safeReturnTo(query.returnTo));
      reply.setCookie(SIGN_IN_COOKIE, started.cookie, { ...cookieOptions, maxAge: 600 });
      return await reply.redirect(started.redirect, 303);
    } catch (error) {
      if (error instanceof SignInRefusal) {
        request.log.warn({ reason: error.reason, detail: error.detail }, 'single sign-on could not start');
        return renderRefusal(reply, error);
      }
      throw error;
    }
  });

  app.get(paths.sso.callback, async (request, reply) => {
    const meta = { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    reply.clearCookie(SIGN_IN_COOKIE, cookieOptions);
    try {
      const finished = await service.finish(request.cookies[SIGN_IN_COOKIE], query, meta);
      if (finished.kind === 'pending') {
        reply.setCookie(PENDING_COOKIE, finished.pendingId, {
          ...cookieOptions,
          signed: true,
          maxAge: 86_400,
        });
        return await reply.redirect(paths.sso.waiting, 303);
      }
      reply.setCookie(sessionCookie, finished.token, sessionCookieOptions(config));
      return await reply.redirect(finished.returnTo, 303);
    } catch (error) {
      if (error instanceof SignInRefusal) {
        request.log.warn({ reason: error.reason, detail: error.detail }, 'single sign-on refused');
        return renderRefusal(reply, error);
      }
      throw error;
    }
  });

  app.get(paths.sso.waiting, async (request, reply) => {
    const raw = request.cookies[PENDING_COOKIE];
    const unsigned = raw ? request.unsignCookie(raw) : undefined;
    const pending = unsigned?.valid && unsigned.value ? await service.waiting(unsigned.value) : undefined;
    if (!pending) return reply.redirect(paths.signIn, 303);
    return reply.view('sso/waiting.njk', {
      pageTitle:
        pending.decision === 'approved'
          ? 'Your account has been approved'
          : pending.decision === 'refused'
            ? 'Your account was not approved'
            : 'Your account is waiting for approval',
      pending,
    });
  });

  adminRoutes(app, deps);
}
