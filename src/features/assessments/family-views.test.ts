/**
 * D4/J9: the family's own views and advice (reg 6(1)(a)) have no statutory time limit, so the family's page never
 * shows them as late and the daily job never reminds anyone about them or escalates them to managers; advice from a
 * body asked to co-operate (reg 8(1)) still is.
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
import { todayInLondon } from '../../platform/web/views.ts';
import { runAdviceReminders } from './jobs.ts';

const today = todayInLondon();
const daysAgo = (n: number) => formatDate(parseDate(today) - n);
const formatLong = (iso: string) => longOf(parseDate(iso));

describe.each(ENGINES)("the family's own views are never late on %s", (engine) => {
  let t: TestApp;
  const la = '903';
  let parentEmail = '';
  let managerEmail = '';
  let caseworkerEmail = '';
  let familyAdviceId = '';
  let caseId = '';
  let childId = '';

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    await createAuthority(db, la);
    const { teamId } = await createTeam(db, la);
    const manager = await createUser(db, la, 'team-manager', { teamId });
    const cw = await createUser(db, la, 'caseworker', { teamId });
    const parent = await createUser(db, la, 'parent');
    const child = await createChild(db, la, { givenName: 'Robin', familyName: 'Tester' });
    await grant(db, la, parent.id, child.id, 'parent');
    parentEmail = parent.email;
    managerEmail = manager.email;
    caseworkerEmail = cw.email;
    childId = child.id;
    // Asked 100 days ago for the decision, 90 days ago for the family's views: 6 weeks from then is long past, and
    // the final plan (140 days from the request) is still to come.
    const { id } = await db
      .insertInto('assessment_case')
      .values({
        la_code: la,
        child_id: child.id,
        request_received: daysAgo(100),
        request_method: 'letter',
        requested_by: 'parent',
        idempotency_key: 'family-views-test',
        team_id: teamId,
        officer_id: cw.id,
        stage: 'assessment',
        decision_date: daysAgo(95),
        decision_outcome: 'assess',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    caseId = id;
    const advice = await db
      .insertInto('assessment_advice')
      .values({
        la_code: la,
        case_id: caseId,
        child_id: child.id,
        agency: 'family',
        requested: daysAgo(90),
        due: daysAgo(48),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    familyAdviceId = advice.id;
  }, 120_000);

  it("the caseworker's case page and the advice page show the date asked by, with no legal time limit", async () => {
    const cw = new TestClient(t.app);
    await cw.signIn(caseworkerEmail, TEST_PASSWORD);
    const page = await cw.get(`/assessments/${caseId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Asked by ${formatLong(daysAgo(48))} (no legal time limit)`);
    expect(page.body).not.toMatch(/Overdue by/);
    const task = await cw.get(`/advice/${familyAdviceId}`);
    expect(task.statusCode).toBe(200);
    expect(task.body).toContain(
      `Asked by ${formatLong(daysAgo(48))} (the family's own views: no legal time limit)`,
    );
  });
  afterAll(async () => t?.close());

  it("the family's page shows the date the council asked for their views by, never as late or overdue", async () => {
    const parent = new TestClient(t.app);
    await parent.signIn(parentEmail, TEST_PASSWORD);
    const page = await parent.get(`/your-assessment/${caseId}`);
    expect(page.statusCode).toBe(200);
    const text = page.body
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ');
    expect(text).toContain("Parent's or young person's own views and advice");
    expect(text).toContain('This is not a legal deadline: you can still send them.');
    expect(text).not.toMatch(/overdue|\blate\b/i);
    // the next step the family is told about is the council's final plan, not their own views
    expect(text).toContain("Your council must send you Robin's final plan by");
  });

  it('the daily job neither reminds anyone about the family’s views nor escalates them; an adviser’s overdue advice still escalates', async () => {
    const db = t.database.db;
    const before = await db.selectFrom('notification').select(['template', 'recipient']).execute();
    expect(await runAdviceReminders(db, t.jobs, today)).toEqual({ reminders: 0, escalations: 0 });
    const events = await db
      .selectFrom('case_event')
      .select('kind')
      .where('child_id', '=', childId)
      .where('kind', '=', 'advice-escalated')
      .execute();
    expect(events).toEqual([]);

    // The control: advice from an educational psychologist asked on the same day is overdue and is escalated.
    await db
      .insertInto('assessment_advice')
      .values({
        la_code: la,
        case_id: caseId,
        child_id: childId,
        agency: 'educational-psychology',
        requested: daysAgo(90),
        due: daysAgo(48),
      })
      .execute();
    expect(await runAdviceReminders(db, t.jobs, today)).toEqual({ reminders: 0, escalations: 1 });
    const after = await db.selectFrom('notification').select(['template', 'recipient']).execute();
    const added = after.slice(before.length);
    expect(added.map((n) => [n.template, n.recipient])).toEqual([['advice-overdue', managerEmail]]);
  });
});
