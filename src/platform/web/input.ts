/**
 * Broken requests answer 400, never 500 (issue 16 item 5). A NUL character (which PostgreSQL cannot store in text)
 * or half of a UTF-16 surrogate pair (which it cannot store in jsonb) in any field, query value or path segment is
 * refused before any handler runs; a multipart body cut short is refused by the error handler; and a value the
 * database itself refuses as data (SQLSTATE class 22: invalid syntax for a uuid, a number out of range, ...) answers
 * 400 too, its transaction rolled back, so nothing half-done is stored. Forms check their own fields first, with the
 * GOV.UK error summary; these are the backstop for what a browser would never send.
 */
import type { FastifyInstance } from 'fastify';

const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A request no form of ours could have sent: answered with the 400 page. */
export class BrokenRequestError extends Error {
  readonly statusCode = 400;
  constructor(message = 'The request holds characters that cannot be stored') {
    super(message);
    this.name = 'BrokenRequestError';
  }
}

/** True when a string anywhere in the value (objects and arrays walked, uploaded files' bytes skipped) is unstorable. */
export function holdsUnstorable(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return UNSTORABLE.test(value);
  if (depth > 5 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  if (Array.isArray(value)) return value.some((v) => holdsUnstorable(v, depth + 1));
  return Object.entries(value).some(
    ([k, v]) => UNSTORABLE.test(k) || (k !== 'data' && holdsUnstorable(v, depth + 1)),
  );
}

/** Refuses, before any handler, a request whose path, query or body holds an unstorable character. */
export function setUpInputChecks(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    const broken =
      holdsUnstorable(request.params) || holdsUnstorable(request.query) || holdsUnstorable(request.body);
    done(broken ? new BrokenRequestError() : undefined);
  });
}

const BROKEN_MULTIPART =
  /^(Unexpected end of multipart data|.* terminated early due to unexpected end of multipart data|Multipart: Boundary not found|Boundary required)$/;

/**
 * An error that says the request, not the service, is broken: a multipart body cut short or without a boundary
 * (the parser's errors carry no status), or data the database refuses as such (SQLSTATE class 22).
 */
export function isBadInput(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (BROKEN_MULTIPART.test(error.message)) return true;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}
