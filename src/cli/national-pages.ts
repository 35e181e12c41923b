/**
 * What the national benchmarks share (`bench national`, `bench load`): the main pages of one authority in a national
 * data set (`goldthread national`), each with the demo account that uses it and a session opened for that account,
 * and the common role mix. The pure parts (the mix of requests per role, the load report) are in load-mix.ts.
 */
import type { Kysely } from 'kysely';
import { createSession } from '../platform/auth/sessions.ts';
import type { DB } from '../platform/db/schema/index.ts';
import { SESSION_COOKIE_DEV } from '../platform/web/app.ts';
import { childrenLedBy } from '../platform/people/children.ts';
import { accountByEmail, authorityCounts, firstByReference } from '../platform/people/samples.ts';
import { planIdsOfChildren } from '../features/plans/index.ts';
import type { PageKey } from './load-mix.ts';

/** One page to measure: its key, URL, and the demo account it is read as (none: a public page). */
export interface BenchPage {
  readonly key: PageKey;
  readonly url: string;
  readonly email: string | null;
}

export interface AuthorityUnderTest {
  readonly laCode: string;
  readonly name: string;
  readonly plans: number;
}

/** The authority with the most plans, and the one with the fewest (a small one). */
export async function largestAndSmallest(db: Kysely<DB>): Promise<AuthorityUnderTest[]> {
  const rows = await authorityCounts(db);
  if (rows.length === 0)
    throw new Error('the database holds no authority: build one with `goldthread national`');
  const pick = rows.length === 1 ? [rows[0]!] : [rows[0]!, rows.at(-1)!];
  return pick.map((r) => ({ laCode: r.la_code, name: r.name, plans: r.plans }));
}

/** The main pages of one authority: each role's home page and the pages the issue names. */
export async function mainPages(db: Kysely<DB>, laCode: string): Promise<BenchPage[]> {
  const caseworker = await accountByEmail(db, laCode, 'caseworker@demo.example');
  // A plan and a child of the caseworker's own caseload, as they would open them from their workspace.
  const caseload = await childrenLedBy(db, laCode, caseworker.id);
  const plans = await planIdsOfChildren(
    db,
    laCode,
    caseload.map((c) => c.id),
  );
  const child = await firstByReference(db, laCode, [...plans.keys()]);
  if (!child) throw new Error(`no child of caseworker@demo.example in LA ${laCode} has a plan`);
  const plan = { planId: plans.get(child.id)!, childId: child.id };
  const home = (key: PageKey, email: string): BenchPage => ({ key, url: '/', email });
  return [
    home('caseworker_home', 'caseworker@demo.example'),
    home('manager_home', 'manager@demo.example'),
    home('leader_home', 'leader@demo.example'),
    home('adviser_home', 'ep@demo.example'),
    home('senco_home', 'senco@demo.example'),
    home('parent_home', 'parent@demo.example'),
    home('young_person_home', 'youngperson@demo.example'),
    home('editor_home', 'editor@demo.example'),
    home('provider_home', 'provider@demo.example'),
    home('admin_home', 'admin@demo.example'),
    { key: 'workspace', url: '/assessments', email: 'caseworker@demo.example' },
    { key: 'workspace_all', url: '/assessments?officer=any&page=2', email: 'caseworker@demo.example' },
    { key: 'review_backlog', url: '/reviews', email: 'manager@demo.example' },
    { key: 'transfer_board', url: '/transfers', email: 'manager@demo.example' },
    { key: 'plan_editor', url: `/plans/${plan.planId}`, email: 'caseworker@demo.example' },
    { key: 'child_record', url: `/children/${plan.childId}`, email: 'caseworker@demo.example' },
    { key: 'figures', url: '/figures', email: 'leader@demo.example' },
    { key: 'local_offer_search', url: '/local-offer/search?q=autism+swimming', email: null },
    { key: 'local_offer_common_word', url: '/local-offer/search?q=support', email: null },
    { key: 'local_offer_filters', url: '/local-offer/search?need=ASD&age=7', email: null },
    { key: 'open_referral_services', url: '/api/open-referral/v3/services?page=3', email: null },
    { key: 'open_referral_search', url: '/api/open-referral/v3/services?search=therapy', email: null },
  ];
}

/** Opens a session for each demo account the pages use: the cookie header per email. */
export async function sessionsFor(
  db: Kysely<DB>,
  laCode: string,
  emails: readonly string[],
  userAgent: string,
): Promise<Map<string, string>> {
  const cookies = new Map<string, string>();
  for (const email of new Set(emails)) {
    const user = await accountByEmail(db, laCode, email);
    const { token } = await createSession(
      db,
      { laCode: user.la_code, userId: user.id },
      { ip: null, userAgent },
    );
    cookies.set(email, `${SESSION_COOKIE_DEV}=${token}`);
  }
  return cookies;
}
