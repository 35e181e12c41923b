/**
 * A family's first screen and their own views online (issue 18 item 1), on both engines: what the family must do
 * comes first, never "late"; the parent sends their views (the error summary, their input kept, one change for a
 * double post, the officer told); what others did since their last visit; a second request says it joined the first.
 * Who may not: another parent (404) and staff (403).
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

describe.each(ENGINES)("a family's next step first, and their views online, on %s", (engine) => {
  let t: TestApp;
  const la = '904';
  let parentEmail = '';
  let otherParentEmail = '';
  let caseworkerEmail = '';
  let caseId = '';
  let childId = '';
  let parentId = '';
  let team = '';

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    await createAuthority(db, la);
    const { teamId } = await createTeam(db, la);
    team = teamId;
    const cw = await createUser(db, la, 'caseworker', { teamId });
    const parent = await createUser(db, la, 'parent');
    const other = await createUser(db, la, 'parent');
    const child = await createChild(db, la, { givenName: 'Robin', familyName: 'Tester' });
    await grant(db, la, parent.id, child.id, 'parent');
    parentEmail = parent.email;
    parentId = parent.id;
    otherParentEmail = other.email;
    caseworkerEmail = cw.email;
    childId = child.id;
    const { id } = await db
      .insertInto('assessment_case')
      .values({
        la_code: la,
        child_id: child.id,
        request_received: daysAgo(100),
        request_method: 'letter',
        requested_by: 'parent',
        idempotency_key: 'next-step-test',
        team_id: teamId,
        officer_id: cw.id,
        stage: 'assessment',
        decision_date: daysAgo(95),
        decision_outcome: 'assess',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    caseId = id;
    await db
      .insertInto('assessment_advice')
      .values({
        la_code: la,
        case_id: caseId,
        child_id: child.id,
        agency: 'family',
        requested: daysAgo(90),
        due: daysAgo(48),
      })
      .execute();
  }, 120_000);
  afterAll(async () => t?.close());

  it('the first screen leads with what the family must do, never calling them late', async () => {
    const parent = new TestClient(t.app);
    await parent.signIn(parentEmail, TEST_PASSWORD);
    const home = text((await parent.get(paths.home)).body);
    const next = home.indexOf('What you need to do');
    expect(next).toBeGreaterThan(0);
    expect(home.indexOf('What the council is doing')).toBeGreaterThan(next);
    expect(home).toContain(
      `Send your views about Robin. The council asked for them by ${formatLong(daysAgo(48))}: you can still send them.`,
    );
    expect(home.slice(next, home.indexOf('What the council is doing'))).not.toMatch(
      /\blate\b|overdue|adviser/i,
    );
    const page = text((await parent.get(paths.assessments.family(caseId))).body);
    expect(page).toContain('education, health and care (EHC) needs assessment');
    expect(page).toContain('Give your views');
  });

  it('only the family of the child may open the form: another parent 404, staff 403', async () => {
    const other = new TestClient(t.app);
    await other.signIn(otherParentEmail, TEST_PASSWORD);
    expect((await other.get(paths.assessments.familyViews(caseId))).statusCode).toBe(404);
    const cw = new TestClient(t.app);
    await cw.signIn(caseworkerEmail, TEST_PASSWORD);
    expect((await cw.get(paths.assessments.familyViews(caseId))).statusCode).toBe(403);
    const anonymous = new TestClient(t.app);
    expect((await anonymous.get(paths.assessments.familyViews(caseId))).statusCode).toBe(302);
  });

  it('the parent sends their views: errors with input kept, one change for a double post, the officer told', async () => {
    const parent = new TestClient(t.app);
    await parent.signIn(parentEmail, TEST_PASSWORD);
    const form = await parent.get(paths.assessments.familyViews(caseId));
    expect(form.statusCode).toBe(200);
    expect(text(form.body)).toContain('This is not a legal deadline');
    const empty = await parent.submit(paths.assessments.familyViews(caseId), { about: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Answer at least one question');
    const long = await parent.submit(paths.assessments.familyViews(caseId), {
      about: 'Kind.',
      hard: 'x'.repeat(5001),
    });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('must be 5,000 characters or fewer');
    expect(long.body).toContain('Kind.');

    const page = await parent.get(paths.assessments.familyViews(caseId));
    const fields = {
      _csrf: TestClient.csrfFrom(page.body),
      formToken: /name="formToken" value="([^"]+)"/.exec(page.body)![1]!,
      about: 'Robin is kind and loves drawing.',
      hopes: 'To read with friends.',
    };
    expect((await parent.post(paths.assessments.familyViews(caseId), fields)).statusCode).toBe(303);
    expect((await parent.post(paths.assessments.familyViews(caseId), fields)).statusCode).toBe(303);
    const db = t.database.db;
    const advice = await db
      .selectFrom('assessment_advice')
      .select(['status', 'received', 'document_text', 'outcomes', 'submitted_by'])
      .where('case_id', '=', caseId)
      .where('agency', '=', 'family')
      .executeTakeFirstOrThrow();
    expect(advice).toMatchObject({ status: 'received', received: today, outcomes: 'To read with friends.' });
    expect(advice.document_text).toContain('Robin is kind and loves drawing.');
    expect(advice.submitted_by).toBe(parentId);
    const audits = await db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'assessment.advice.submit')
      .where('child_id', '=', childId)
      .execute();
    expect(audits).toHaveLength(1);
    const told = await db
      .selectFrom('notification')
      .select('recipient')
      .where('template', '=', 'advice-received')
      .where('recipient', '=', caseworkerEmail)
      .execute();
    expect(told).toHaveLength(1);
    expect(text((await parent.get(paths.assessments.familyViews(caseId))).body)).toContain(
      `You sent your views on ${formatLong(today)}`,
    );
    expect(text((await parent.get(paths.home)).body)).not.toContain('Send your views about Robin');
  });

  it('what others did since the last visit, and not what the family did themselves', async () => {
    const db = t.database.db;
    const first = new TestClient(t.app);
    await first.signIn(parentEmail, TEST_PASSWORD);
    // Something the council did after that visit (a moment later than the session was last seen).
    await db
      .insertInto('case_event')
      .values({
        la_code: la,
        child_id: childId,
        actor_user_id: null,
        kind: 'test',
        summary: 'Advice received: Educational psychology',
        detail: '{}',
        at: new Date(Date.now() + 1000),
      })
      .execute();
    const again = new TestClient(t.app);
    await again.signIn(parentEmail, TEST_PASSWORD);
    const home = text((await again.get(paths.home)).body);
    expect(home).toContain('New since your last visit');
    expect(home).toContain('Robin: Advice received: Educational psychology');
    expect(home).not.toContain("Robin: Advice received: Parent's");
  });

  it('a second request says on screen that it joined the first, and is listed among the requests sent', async () => {
    const db = t.database.db;
    await db
      .insertInto('assessment_case')
      .values({
        la_code: la,
        child_id: childId,
        request_received: today,
        request_method: 'online',
        requested_by: 'parent',
        idempotency_key: 'next-step-joined',
        team_id: team,
        stage: 'linked',
        linked_case_id: caseId,
        is_open: false,
        requester_user_id: parentId,
        requester_link: 'known',
      })
      .execute();
    const parent = new TestClient(t.app);
    await parent.signIn(parentEmail, TEST_PASSWORD);
    const sent = text((await parent.get(paths.assessments.requestSent(caseId))).body);
    expect(sent).toContain('This request joined the request for Robin that is already open');
    const home = text((await parent.get(paths.home)).body);
    expect(home).toContain('Requests you sent');
    expect(home).toContain('it joined the request already open for the same child');
  });
});
