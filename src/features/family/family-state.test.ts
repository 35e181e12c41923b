/**
 * What a family's pages say about where things stand (issue 18 walk-through findings 5, 8 and 17), on both engines:
 * after the final plan the assessment page says so (the issue date, the appeal date, the next review) and no longer
 * offers comments on the draft; the request's first question says when the child already has a plan, and that an
 * early review may be the better route, with whom to ask; a request for a child the council does not know yet shows
 * on the family's home while a caseworker checks it. Who may not: another parent (404), staff (403).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import {
  createAuthority,
  createChild,
  createTeam,
  createUser,
  grant,
  TEST_PASSWORD,
} from '../../../test/helpers/factories.ts';
import { formatDate, formatLong as longOf, parseDate } from '../../domain/clock/dates.ts';
import { paths } from '../../platform/web/paths.ts';
import { todayInLondon } from '../../platform/web/views.ts';

const today = todayInLondon();
const daysAgo = (n: number) => formatDate(parseDate(today) - n);
const formatLong = (iso: string) => longOf(parseDate(iso));
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe.each(ENGINES)("what a family's pages say about where things stand, on %s", (engine) => {
  let t: TestApp;
  const la = '905';
  let parentEmail = '';
  let otherParentEmail = '';
  let caseworkerEmail = '';
  let caseworkerAddress = '';
  let finalCaseId = '';
  const reviewBy = daysAgo(-340);

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    await createAuthority(db, la);
    const { teamId } = await createTeam(db, la);
    const cw = await createUser(db, la, 'caseworker', { teamId, displayName: 'Casey Worker' });
    caseworkerEmail = cw.email;
    caseworkerAddress = cw.email;
    const parent = await createUser(db, la, 'parent');
    const other = await createUser(db, la, 'parent');
    parentEmail = parent.email;
    otherParentEmail = other.email;
    const child = await createChild(db, la, { givenName: 'Ada', familyName: 'Tester', leadOfficerId: cw.id });
    await grant(db, la, parent.id, child.id, 'parent');
    const { id } = await db
      .insertInto('assessment_case')
      .values({
        la_code: la,
        child_id: child.id,
        request_received: daysAgo(150),
        request_method: 'letter',
        requested_by: 'parent',
        idempotency_key: 'family-state-final',
        team_id: teamId,
        officer_id: cw.id,
        stage: 'final',
        decision_date: daysAgo(120),
        decision_outcome: 'assess',
        outcome_date: daysAgo(60),
        outcome: 'issue-plan',
        draft_served: daysAgo(30),
        final_issued: daysAgo(5),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    finalCaseId = id;
    const plan = await db
      .insertInto('ehc_plan')
      .values({ la_code: la, child_id: child.id, status: 'final', final_issued: daysAgo(5) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('plan_review_schedule')
      .values({
        la_code: la,
        plan_id: plan.id,
        child_id: child.id,
        first_issued: daysAgo(5),
        next_number: 1,
        next_due: reviewBy,
        basis: 'first-plan',
        counted_from: daysAgo(5),
        stage: 'not-arranged',
        refreshed_on: today,
      })
      .execute();
  }, 120_000);
  afterAll(async () => t?.close());

  it('after the final plan: the issue date, the appeal date and the next review, and no more draft comments', async () => {
    const parent = new TestClient(t.app);
    await parent.signIn(parentEmail, TEST_PASSWORD);
    const r = await parent.get(paths.assessments.family(finalCaseId));
    expect(r.statusCode).toBe(200);
    const page = text(r.body);
    expect(page).toContain(
      `The council issued Ada's final education, health and care (EHC) plan on ${formatLong(daysAgo(5))}. The time to comment on the draft plan has ended.`,
    );
    expect(page).toMatch(
      /You can appeal to the tribunal by \d{1,2} \w+ \d{4} if you disagree with the plan\./,
    );
    expect(page).toContain(`The council must review the plan by ${formatLong(reviewBy)}`);
    expect(page).not.toContain('You can comment on the draft plan');
    // one appeal sentence, not the same right twice
    expect(page.match(/appeal to the tribunal by/g)).toHaveLength(1);
  });

  it('only the family may read it: another parent 404, staff 403', async () => {
    const other = new TestClient(t.app);
    await other.signIn(otherParentEmail, TEST_PASSWORD);
    expect((await other.get(paths.assessments.family(finalCaseId))).statusCode).toBe(404);
    const cw = new TestClient(t.app);
    await cw.signIn(caseworkerEmail, TEST_PASSWORD);
    expect((await cw.get(paths.assessments.family(finalCaseId))).statusCode).toBe(403);
  });

  it('the first question says the child already has a plan, and that an early review may be better, with whom to ask', async () => {
    const parent = new TestClient(t.app);
    await parent.signIn(parentEmail, TEST_PASSWORD);
    const r = await parent.get(paths.assessments.requestStep('child'));
    expect(r.statusCode).toBe(200);
    const page = text(r.body);
    expect(page).toContain('Ada already has an education, health and care (EHC) plan.');
    expect(page).toContain('an early review of the plan may be the better way');
    expect(page).toContain(`Ask for an early review by emailing Casey Worker (${caseworkerAddress}).`);
    expect(r.body).toContain(
      `href="mailto:${caseworkerAddress}?subject=Asking%20for%20an%20early%20review%20of%20Ada&#39;s%20EHC%20plan"`,
    );
  });

  it("a request for a child the council does not know yet shows on the family's home while it is checked", async () => {
    const db = t.database.db;
    const parent = await createUser(db, la, 'parent');
    const { teamId } = await createTeam(db, la);
    // The child the request created: not linked to the parent until a caseworker confirms the link.
    const child = await createChild(db, la, { givenName: 'Kit', familyName: 'Newcomer' });
    await db
      .insertInto('assessment_case')
      .values({
        la_code: la,
        child_id: child.id,
        request_received: today,
        request_method: 'online',
        requested_by: 'parent',
        idempotency_key: 'family-state-pending',
        team_id: teamId,
        stage: 'request',
        requester_user_id: parent.id,
        requester_link: 'pending',
        request_answers: JSON.stringify({
          childId: 'new',
          newChild: { givenName: 'Kit', familyName: 'Newcomer', dateOfBirth: '2018-02-03' },
        }),
      })
      .execute();
    const client = new TestClient(t.app);
    await client.signIn(parent.email, TEST_PASSWORD);
    const home = text((await client.get(paths.home)).body);
    expect(home).toContain('Requests you sent');
    expect(home).toContain('Kit Newcomer');
    expect(home).toContain('a caseworker is checking the details you gave');
  });
});
