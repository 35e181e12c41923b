/**
 * The EHC plan pages' database tests' case (src/features/plans/plans-*.test.ts): Rowan, a child with an assessment at
 * the draft stage and three pieces of received advice, the people who work on the plan or may not see it, each with a
 * signed-in client; and the steps the earlier files test, taken through the same pages, so a later file starts where
 * the earlier one left the plan: started with every recommendation pulled in and the child's words in section A, then
 * its draft shared on 2 January 2026. Made afresh by each test file (nothing kept between files).
 */
import type { TestApp } from './app.ts';
import { clientFor } from './feature-test.ts';
import { createAuthority, createChild, createUser, grant } from './factories.ts';
import { draftStageCase, teamFor, THREE_ADVICE } from './plan-fixtures.ts';
import { paths } from '../../src/platform/web/paths.ts';
import { TestClient } from './client.ts';

export interface PlanPagesCase {
  readonly caseworker: TestClient;
  readonly manager: TestClient;
  /** Rowan's parent. */
  readonly parent: TestClient;
  /** Another child's parent. */
  readonly otherParent: TestClient;
  /** Rowan's community paediatrician (an adviser on the case). */
  readonly health: TestClient;
  /** Another child's adviser. */
  readonly otherAdviser: TestClient;
  readonly childRef: string;
  readonly childId: string;
  readonly caseId: string;
}

export async function planPagesCase(t: TestApp, la: string): Promise<PlanPagesCase> {
  const db = t.database.db;
  await createAuthority(db, la);
  const teamId = await teamFor(db, la);
  const cw = await createUser(db, la, 'caseworker', { displayName: 'Casey Worker', teamId });
  const mgr = await createUser(db, la, 'team-manager', { displayName: 'Morgan Manager', teamId });
  const p = await createUser(db, la, 'parent');
  const p2 = await createUser(db, la, 'parent');
  const ep = await createUser(db, la, 'professional');
  const h = await createUser(db, la, 'professional', { displayName: 'Dr Hale' });
  const other = await createUser(db, la, 'professional');
  await db
    .updateTable('app_user')
    .set({ job_title: 'Community paediatrician' })
    .where('id', '=', h.id)
    .execute();
  const child = await createChild(db, la, {
    givenName: 'Rowan',
    familyName: 'Tester',
    dateOfBirth: '2017-02-10',
  });
  const otherChild = await createChild(db, la);
  const childRef = (
    await db.selectFrom('child').select('reference').where('id', '=', child.id).executeTakeFirstOrThrow()
  ).reference;
  await grant(db, la, p.id, child.id, 'parent');
  await grant(db, la, p2.id, otherChild.id, 'parent');
  await grant(db, la, h.id, child.id, 'adviser');
  await grant(db, la, ep.id, child.id, 'adviser');
  await grant(db, la, other.id, otherChild.id, 'adviser');
  const caseId = await draftStageCase(db, la, {
    childId: child.id,
    teamId,
    officerId: cw.id,
    advice: THREE_ADVICE(ep.id, h.id, null),
  });
  return {
    caseworker: await clientFor(t, cw),
    manager: await clientFor(t, mgr),
    parent: await clientFor(t, p),
    otherParent: await clientFor(t, p2),
    health: await clientFor(t, h),
    otherAdviser: await clientFor(t, other),
    childRef,
    childId: child.id,
    caseId,
  };
}

/**
 * What plans-editing.test.ts does that stays in the plan, done the same way: the plan started from the child's
 * reference, one recommendation pulled in and then all the others, and the child's words added to section A.
 * Resolves to the plan's id.
 */
export async function startedPlan(s: PlanPagesCase): Promise<string> {
  const { caseworker } = s;
  const started = await caseworker.submit(paths.plans.start, { childReference: s.childRef });
  if (started.statusCode !== 303) throw new Error(`starting the plan answered ${started.statusCode}`);
  const planId = started.headers.location!.split('/').pop()!;
  const page = await caseworker.get(paths.plans.plan(planId));
  const single = [
    ...page.body.matchAll(
      /name="adviceId" value="([^"]+)">\s*<input type="hidden" name="key" value="([^"]+)"/g,
    ),
  ].filter(([, , key]) => key !== 'all');
  const token = TestClient.csrfFrom(page.body);
  for (const fields of [
    { adviceId: single[0]![1]!, key: single[0]![2]! },
    { adviceId: 'all', key: 'all' },
  ]) {
    const pulled = await caseworker.post(paths.plans.pull(planId), { _csrf: token, ...fields });
    if (pulled.statusCode !== 303) throw new Error(`pulling advice answered ${pulled.statusCode}`);
  }
  const added = await caseworker.submit(paths.plans.newItem(planId, 'A'), {
    text: '<script>alert(1)</script> I want to be a vet',
    whose: 'Rowan',
  });
  if (added.statusCode !== 303) throw new Error(`adding to section A answered ${added.statusCode}`);
  return planId;
}

/** What plans-sharing.test.ts does that stays in the plan: the draft shared on 2 January 2026. */
export async function sharedDraft(s: PlanPagesCase, planId: string): Promise<void> {
  const shared = await s.caseworker.submit(paths.plans.issueDraft(planId), {
    'date-day': '2',
    'date-month': '1',
    'date-year': '2026',
  });
  if (shared.statusCode !== 303) throw new Error(`sharing the draft answered ${shared.statusCode}`);
}

/** The classes of the link to `href` on a page (which of the page's buttons is primary). */
export const buttonClass = (body: string, href: string) =>
  new RegExp(`<a class="([^"]+)" href="${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).exec(body)?.[1];
