/** Errors the service layer throws and the web layer turns into GOV.UK error pages. */
import type { AuditContext, AuditEntry } from './audit/audit.ts';

/**
 * A denial to write to the audit log. It travels with the error and is written by the web layer's error handler
 * after any transaction has rolled back, so a refused request is always recorded.
 */
export interface DeniedAccess {
  readonly ctx: AuditContext;
  readonly entry: AuditEntry;
}

/** The record does not exist, or the user may not know it exists: both answer 404. */
export class NotFoundError extends Error {
  readonly denied: DeniedAccess | undefined;
  constructor(message = 'Not found', denied?: DeniedAccess) {
    super(message);
    this.denied = denied;
    this.name = 'NotFoundError';
  }
}

/** The user is signed in but their role may not use this page (whose existence is no secret). */
export class ForbiddenError extends Error {
  readonly denied: DeniedAccess | undefined;
  constructor(message = 'Forbidden', denied?: DeniedAccess) {
    super(message);
    this.denied = denied;
    this.name = 'ForbiddenError';
  }
}

/** No one is signed in: the web layer sends them to sign in. */
export class UnauthenticatedError extends Error {
  constructor() {
    super('Sign in required');
    this.name = 'UnauthenticatedError';
  }
}

/**
 * A unique key refused an insert (PostgreSQL's 23505, on both engines): two requests made the same record at the same
 * instant. The caller runs its transaction again, which then finds the record the other made.
 */
export const isUniqueViolation = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
