/**
 * Builds the web application: one small set-up function per concern, wired by `buildApp` in this order (style.md):
 * one connection per request (ADR 0062) → closing without waiting on idle connections (shutdown.ts) → security
 * headers → cookies → urlencoded forms → multipart uploads → static assets → templates → CSRF plugin → current user
 * and the second-factor gate → input check (input.ts) → page locals → role check (permissions.ts) → CSRF check → not
 * found and error handlers → routes (given by the composition root, src/app, with each feature's route roles).
 */
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifyView from '@fastify/view';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { createHmac, createSecretKey } from 'node:crypto';
import { join } from 'node:path';
import { auditContext, type Actor } from '../access/access.ts';
import { secondFactorRedirect } from '../access/second-factor.ts';
import { audit } from '../audit/audit.ts';
import { resolveSession } from '../auth/sessions.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { isDatabaseUnavailable } from '../db/faults.ts';
import { ServiceBusyError } from '../db/request-connection.ts';
import type { Jobs } from '../jobs/jobs.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors.ts';
import { shortenFileName } from './files.ts';
import { isBadInput, setUpInputChecks } from './input.ts';
import { loggerOptions } from './logging.ts';
import { navigationFor } from './navigation.ts';
import { paths, withQuery } from './paths.ts';
import { deniedPage, setUpRoleChecks } from './permissions.ts';
import { setUpClosing } from './shutdown.ts';
import { govukDist, srcDir, viewEnvironment, viewTemplates } from './views.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyReply {
    locals: Record<string, unknown>;
  }
}

/** What every route registration is given: the platform's parts (a feature's own service comes beside them). */
export interface AppDeps {
  readonly database: Database;
  readonly config: Config;
  /** Background jobs (started before the app is built). */
  readonly jobs: Jobs;
}

/** Registers some routes; called in order after the platform is set up. */
export type RouteRegistration = (app: FastifyInstance, deps: AppDeps) => void | Promise<void>;

export interface BuildAppOptions extends AppDeps {
  /** The routes (the composition root's feature routes, or a test's own), registered in order. */
  readonly routes: readonly RouteRegistration[];
  readonly logger?: boolean;
  /**
   * Who is signed in, for route tests with stand-in services and no sessions (hmpps' appWithAllRoutes habit).
   * Default: the user of the session cookie.
   */
  readonly currentUser?: (request: FastifyRequest) => Actor | null;
}

export const SESSION_COOKIE_DEV = 'goldthread_session';
export const SESSION_COOKIE_SECURE = '__Host-goldthread_session';

export function sessionCookieName(config: Config): string {
  return config.production ? SESSION_COOKIE_SECURE : SESSION_COOKIE_DEV;
}

/** The CSRF secret's cookie: `__Host-` in production, so no other host of the site can plant one. */
export function csrfCookieName(config: Config): string {
  return config.production ? '__Host-goldthread_csrf' : '_csrf';
}

/**
 * What a CSRF token is bound to: the signed-in user's session (the token carries an HMAC of the session id, keyed
 * from COOKIE_SECRET), so a token minted for one session, or anonymously, is refused with another.
 */
function csrfUserInfo(request: FastifyRequest): string {
  return request.actor ? `session:${request.actor.sessionId}` : 'anonymous';
}

/** The CSRF token for a form on this request's page (bound to its session, see `csrfUserInfo`). */
export function csrfToken(request: FastifyRequest, reply: FastifyReply): string {
  return reply.generateCsrf({ userInfo: csrfUserInfo(request) });
}

export function sessionCookieOptions(config: Config) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.production,
  };
}

/**
 * Every query a request runs shares one database connection (ADR 0062, `db/request-connection.ts`), so a page queues
 * for the pool once, not once per query. The scope is opened first, before the session is read, and ended when the
 * answer has gone or the client went away (the connection goes back once the request's queries have finished). The
 * later hooks and the handler run in the async context `onRequest` continues in, a form's body parsed from a socket
 * included (request-connection.test.ts).
 */
function setUpOneConnectionPerRequest(app: FastifyInstance, database: Database) {
  const scopes = new WeakMap<FastifyRequest, { end(): void }>();
  app.addHook('onRequest', (request, _reply, done) => {
    const scope = database.connections.open();
    scopes.set(request, scope);
    scope.run(done);
  });
  app.addHook('onResponse', (request, _reply, done) => {
    scopes.get(request)?.end();
    done();
  });
  app.addHook('onRequestAbort', (request, done) => {
    scopes.get(request)?.end();
    done();
  });
}

async function setUpSecurityHeaders(app: FastifyInstance) {
  await app.register(fastifyHelmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply) => {
    // Pages about children must never be kept by a shared computer's browser cache.
    if (!request.url.startsWith('/assets/') && !request.url.startsWith('/static/')) {
      reply.header('Cache-Control', 'no-store');
    }
  });
}

/** An uploaded file, as a form field's value in request.body (multipart/form-data forms). */
export interface UploadedFile {
  filename: string;
  mimetype: string;
  size: number;
  data: Buffer;
}

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === 'object' && value !== null && Buffer.isBuffer((value as UploadedFile).data);
}

/**
 * multipart/form-data forms (file uploads): text fields arrive in request.body as strings, like urlencoded forms
 * (so the CSRF token and zod schemas work unchanged), and each file as an UploadedFile. One file of at most 10 MB.
 */
async function setUpFileUploads(app: FastifyInstance) {
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 100, fieldSize: 1024 * 1024 },
    async onFile(part) {
      const data = await part.toBuffer();
      const file: UploadedFile = {
        filename: shortenFileName(part.filename, 255),
        mimetype: part.mimetype,
        size: data.length,
        data,
      };
      (part as unknown as { value: unknown }).value = data.length ? file : undefined;
    },
  });
}

async function setUpStaticAssets(app: FastifyInstance) {
  await app.register(fastifyStatic, {
    root: join(govukDist, 'govuk', 'assets'),
    prefix: '/assets/',
    maxAge: '1d',
  });
  await app.register(fastifyStatic, {
    root: [join(srcDir, 'public'), join(govukDist, 'govuk')],
    prefix: '/static/',
    decorateReply: false,
    maxAge: '1h',
    allowedPath: (path) => /^\/[\w.-]+\.(css|js|map)$/.test(path),
  });
}

/** @fastify/view asks its engine to configure an environment: it is given the process's one (`viewEnvironment`). */
async function setUpTemplates(app: FastifyInstance) {
  await app.register(fastifyView, {
    engine: { nunjucks: { configure: viewEnvironment } },
    templates: viewTemplates,
  });
}

function setUpCurrentUser(app: FastifyInstance, deps: BuildAppOptions) {
  const cookieName = sessionCookieName(deps.config);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request, reply) => {
    reply.locals = {};
    if (request.url.startsWith('/assets/') || request.url.startsWith('/static/')) return;
    if (deps.currentUser) {
      request.actor = deps.currentUser(request);
      return;
    }
    const token = request.cookies[cookieName];
    if (!token) return;
    const user = await resolveSession(deps.database.db, token);
    if (!user) {
      reply.clearCookie(cookieName, sessionCookieOptions(deps.config));
      return;
    }
    request.actor = { ...user, ip: request.ip };
  });
  // The second-factor gate: a half-signed-in session reaches only the second-factor step (issue 19 item 3).
  app.addHook('onRequest', async (request, reply) => {
    const step = secondFactorRedirect(request.actor, request);
    if (step) return reply.redirect(step, request.method === 'GET' || request.method === 'HEAD' ? 302 : 303);
  });
}

function setUpCsrf(app: FastifyInstance) {
  // Every state-changing request carries the token from its form; reading pages do not need one.
  app.addHook('preHandler', (request, reply, done) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method) || request.url.startsWith('/api/')) {
      done();
      return;
    }
    app.csrfProtection(request, reply, done);
  });
}

function setUpPageLocals(app: FastifyInstance) {
  app.addHook('preHandler', async (request, reply) => {
    const accept = request.headers.accept ?? '';
    if (request.method !== 'GET' && request.method !== 'POST') return;
    if (request.url.startsWith('/api/') || request.url === paths.health || accept === 'application/json')
      return;
    reply.locals.actor = request.actor;
    reply.locals.cspNonce = reply.cspNonce?.script;
    reply.locals.csrfToken = csrfToken(request, reply);
    reply.locals.navigation =
      request.actor?.secondFactor === 'pending' ? [] : navigationFor(request.actor, request.url);
  });
}

export async function renderError(
  reply: FastifyReply,
  status: number,
  pageTitle: string,
  paragraphs: string[],
): Promise<FastifyReply> {
  reply.code(status);
  return reply.view('error.njk', { pageTitle, paragraphs });
}

/**
 * The database could not be reached (a connection closed by the server, a restart, a failover): 503 with a page that
 * says so, and the next request tries again on a fresh connection. A form in flight may or may not have been saved
 * (the connection can close after the commit), so the page says to check.
 */
async function renderUnavailable(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  request.log.warn('database unavailable: answered 503');
  reply.header('Retry-After', '5');
  return renderError(reply, 503, 'Sorry, the service is unavailable', [
    'The service could not reach its database. Try again in a few moments.',
    request.method === 'GET'
      ? 'Nothing was changed.'
      : 'If you were sending a form, check whether it was saved before you send it again.',
  ]);
}

/**
 * Every database connection was in use for the whole wait (ADR 0062): 503 with a page that says the service is busy,
 * and when to try again. Nothing ran: the request waits for its connection before its first query.
 */
async function renderBusy(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  request.log.warn('service busy: answered 503');
  reply.header('Retry-After', '10');
  return renderError(reply, 503, 'Sorry, the service is busy', [
    'Too many people are using the service at the moment. Try again in a few moments.',
    request.method === 'GET'
      ? 'Nothing was changed.'
      : 'If you were sending a form, check whether it was saved before you send it again.',
  ]);
}

function setUpErrors(app: FastifyInstance, db: Database['db']) {
  app.setNotFoundHandler(async (_request, reply) =>
    renderError(reply, 404, 'Page not found', [
      'If you typed the web address, check it is correct.',
      'If you pasted the web address, check you copied the entire address.',
    ]),
  );
  app.setErrorHandler(async (error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error instanceof ServiceBusyError) return renderBusy(request, reply);
    if (isDatabaseUnavailable(error)) return renderUnavailable(request, reply);
    if ((error instanceof NotFoundError || error instanceof ForbiddenError) && error.denied) {
      try {
        await audit(db, error.denied.ctx, error.denied.entry);
      } catch (auditError) {
        if (isDatabaseUnavailable(auditError)) return renderUnavailable(request, reply);
        throw auditError;
      }
    } else if (error instanceof ForbiddenError && request.actor) {
      // Every refusal is audited (issue 16 item 7): a 403 thrown without its own entry is recorded as a refused page,
      // named by its route.
      try {
        await audit(db, auditContext(request.actor), deniedPage(request));
      } catch (auditError) {
        if (isDatabaseUnavailable(auditError)) return renderUnavailable(request, reply);
        throw auditError;
      }
    }
    if (error instanceof UnauthenticatedError) {
      return reply.redirect(
        withQuery(paths.signIn, { returnTo: request.method === 'GET' ? request.url : undefined }),
      );
    }
    if (error instanceof NotFoundError) {
      return renderError(reply, 404, 'Page not found', [
        'If you typed the web address, check it is correct.',
        'If you followed a link, the page may have moved or you may not have access to it.',
      ]);
    }
    if (error instanceof ForbiddenError) {
      return renderError(reply, 403, 'You do not have permission to see this page', [
        'Your account does not give you access to this page. If you think it should, ask your administrator.',
      ]);
    }
    if (error.code?.startsWith('FST_CSRF')) {
      return renderError(reply, 403, 'Your form could not be sent', [
        'For your security, forms expire. Go back, reload the page and try again. Nothing was saved.',
      ]);
    }
    if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT') {
      return renderError(reply, 413, 'The file is too large', [
        'Choose a file smaller than 10 MB, and only one file at a time. Go back and try again. Nothing was saved.',
      ]);
    }
    if (error.statusCode === 429) {
      return renderError(reply, 429, 'Too many attempts', [
        'You have tried too many times. Wait 15 minutes and try again. Nothing was saved.',
      ]);
    }
    if (isBadInput(error)) {
      // A broken request (a multipart body cut short) or data the database refuses: nothing was stored.
      request.log.warn({ err: error }, 'bad input');
      error.statusCode = 400;
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return renderError(reply, error.statusCode, 'Sorry, there is a problem with your request', [
        'Check what you entered and try again. Nothing was saved.',
      ]);
    }
    request.log.error({ err: error }, 'unhandled error');
    return renderError(reply, 500, 'Sorry, there is a problem with the service', [
      'Try again later. Nothing you sent was saved unless you saw a message saying it was.',
    ]);
  });
}

export async function buildApp(deps: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger === false ? false : loggerOptions(deps.config.logLevel),
    // Forwarded headers only from the configured proxies (TRUSTED_PROXIES), never from any client.
    trustProxy: deps.config.trustedProxies.length ? [...deps.config.trustedProxies] : false,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  });
  setUpOneConnectionPerRequest(app, deps.database);
  setUpClosing(app);
  await setUpSecurityHeaders(app);
  await app.register(fastifyCookie, { secret: deps.config.cookieSecret });
  await app.register(fastifyFormbody);
  await setUpFileUploads(app);
  await setUpStaticAssets(app);
  await setUpTemplates(app);
  await app.register(fastifyCsrf, {
    cookieKey: csrfCookieName(deps.config),
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.config.production, signed: true },
    getUserInfo: csrfUserInfo,
    csrfOpts: {
      // A KeyObject, made once: an HMAC keyed with a Buffer prepares the key again on each token (several times slower).
      hmacKey: createSecretKey(
        createHmac('sha256', deps.config.cookieSecret).update('goldthread csrf session').digest(),
      ),
    },
  });
  setUpCurrentUser(app, deps);
  setUpInputChecks(app);
  setUpPageLocals(app);
  setUpRoleChecks(app);
  setUpCsrf(app);
  setUpErrors(app, deps.database.db);
  const { database, config, jobs } = deps;
  for (const register of deps.routes) await register(app, { database, config, jobs });
  return app;
}

/** Handlers' guard: the signed-in user, or a redirect to sign in. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new UnauthenticatedError();
  return request.actor;
}
