/** Errors the service layer throws and the web layer turns into GOV.UK error pages. */

/** The record does not exist, or the user may not know it exists: both answer 404. */
export class NotFoundError extends Error {
  constructor(message = 'Not found') {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The user is signed in but their role may not use this page (whose existence is no secret). */
export class ForbiddenError extends Error {
  constructor(message = 'Forbidden') {
    super(message);
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
