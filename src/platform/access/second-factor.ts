/**
 * The second-factor gate (issue 19 item 3), applied to every request by the platform, not by each route: a session
 * whose password was right but whose second factor is still owed ("half signed in") reaches only the second-factor
 * pages and signing out. Every other request, page or form, goes to the second-factor step; a page's address is kept
 * to return to afterwards.
 */
import { paths, withQuery } from '../web/paths.ts';
import type { Actor } from './access.ts';

const STEP_PREFIX = paths.secondFactor.verify;

/** Where a request must go instead, or null when it may go on. */
export function secondFactorRedirect(
  actor: Actor | null,
  request: { method: string; url: string },
): string | null {
  if (actor?.secondFactor !== 'pending') return null;
  const path = request.url.split('?')[0] ?? request.url;
  if (path === STEP_PREFIX || path.startsWith(`${STEP_PREFIX}/`)) return null;
  if (path === paths.signOut && request.method === 'POST') return null;
  if (request.method === 'GET' || request.method === 'HEAD')
    return withQuery(paths.secondFactor.verify, { returnTo: request.url });
  return paths.secondFactor.verify;
}
