/**
 * The assessment journey through the web layer on both engines: a parent asks online, the manager allocates, the
 * caseworker decides and asks for advice, professionals answer, the draft, response and final plan; with access,
 * hostile input, CSRF, double submits, exceptions and the reminder job.
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
import { dateInputValues } from '../../platform/web/forms.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { ADVICE_REMINDER_QUEUE, runAdviceReminders } from './jobs.ts';

const today = todayInLondon();
const parts = (iso: string, name: string) => dateInputValues(name, iso);
const caseIdFrom = (location: string) =>
  /\/assessments\/([0-9a-f-]{36})/.exec(location)?.[1] ?? /sent\/([0-9a-f-]{36})/.exec(location)?.[1];

describe.each(ENGINES)('assessment journey on %s', (engine) => {
  let t: TestApp;
  const la = '901';
  let ids: Record<string, string> = {};
  let emails: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    await createAuthority(db, la);
    const { id: epOrg } = await db
      .insertInto('organisation')
      .values({ la_code: la, name: 'EP service', kind: 'educational-psychology' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { teamId } = await createTeam(db, la, {
      email: 'casework@council.example',
      phone: '0300 111 1111',
    });
    const { id: epTeam } = await db
      .insertInto('team')
      .values({ la_code: la, organisation_id: epOrg, name: 'Educational psychology' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const manager = await createUser(db, la, 'team-manager', { teamId });
    const cw = await createUser(db, la, 'caseworker', { teamId });
    const cw2 = await createUser(db, la, 'caseworker', { teamId });
    const ep = await createUser(db, la, 'professional', { teamId: epTeam });
    const ep2 = await createUser(db, la, 'professional', { teamId: epTeam });
    const parent = await createUser(db, la, 'parent');
    const otherParent = await createUser(db, la, 'parent');
    const child = await createChild(db, la, {
      givenName: 'Sam',
      familyName: 'Tester',
      dateOfBirth: '2016-03-01',
    });
    const other = await createChild(db, la, { givenName: 'Other', familyName: 'Child' });
    await db
      .updateTable('child')
      .set({ plan_status: 'none', plan_first_issued: null })
      .where('la_code', '=', la)
      .execute();
    await grant(db, la, parent.id, child.id, 'parent');
    await grant(db, la, otherParent.id, other.id, 'parent');
    ids = {
      teamId,
      manager: manager.id,
      cw: cw.id,
      cw2: cw2.id,
      ep: ep.id,
      ep2: ep2.id,
      child: child.id,
      other: other.id,
    };
    emails = {
      manager: manager.email,
      cw: cw.email,
      cw2: cw2.email,
      ep: ep.email,
      ep2: ep2.email,
      parent: parent.email,
      otherParent: otherParent.email,
    };
  }, 120_000);
  afterAll(async () => t?.close());

  it('runs from an online request to the final plan, with every due date from the clock', async () => {
    const parent = new TestClient(t.app);
    await parent.signIn(emails.parent!, TEST_PASSWORD);
    expect((await parent.get('/request-assessment')).statusCode).toBe(200);
    // Validation: nothing chosen, errors shown.
    const bad = await parent.submit('/request-assessment/child', {});
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Select yes if these details are right');
    let r = await parent.submit('/request-assessment/child', { childId: ids.child!, detailsCorrect: 'yes' });
    expect(r.headers.location).toBe('/request-assessment/why');
    const empty = await parent.submit('/request-assessment/why', { why: '' });
    expect(empty.statusCode).toBe(400);
    r = await parent.submit('/request-assessment/why', {
      why: '<script>alert(1)</script> struggles with reading',
    });
    expect(r.headers.location).toBe('/request-assessment/support');
    r = await parent.submit('/request-assessment/support', { support: 'Reading group' });
    expect(r.headers.location).toBe('/request-assessment/involved');
    r = await parent.submit('/request-assessment/involved', { involved: ['school', 'health'] });
    expect(r.headers.location).toBe('/request-assessment/school');
    r = await parent.submit('/request-assessment/school', { schoolKind: 'undecided' });
    expect(r.headers.location).toBe('/request-assessment/consent');
    r = await parent.submit('/request-assessment/consent', { consent: 'yes' });
    expect(r.headers.location).toBe('/request-assessment/check');
    const check = await parent.get('/request-assessment/check');
    expect(check.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(check.body).not.toContain('<script>alert(1)');
    const draft = /name="draft" value="([^"]+)"/.exec(check.body)![1]!;
    const token = TestClient.csrfFrom(check.body);
    const sent = await parent.post('/request-assessment/check', { draft, _csrf: token });
    expect(sent.statusCode).toBe(303);
    const again = await parent.post('/request-assessment/check', { draft, _csrf: token });
    expect(again.headers.location).toBe(sent.headers.location);
    const caseId = caseIdFrom(sent.headers.location as string)!;
    const count = await t.database.db
      .selectFrom('assessment_case')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    const home = await parent.get('/');
    expect(home.body).toContain('Your council must decide whether to assess Sam by');
    expect(home.body).toContain('Today is day');

    // CSRF: a post without the token changes nothing.
    const manager = new TestClient(t.app);
    await manager.signIn(emails.manager!, TEST_PASSWORD);
    const noCsrf = await manager.post(`/assessments/${caseId}/allocate`, { officer: ids.cw! });
    expect(noCsrf.statusCode).toBe(403);
    const team = await manager.get('/');
    expect(team.body).toContain('Requests with no caseworker');
    expect(team.body).toContain('Sam Tester');
    // The child's named officer is suggested (checked, and said so); with none, nothing is checked.
    const setNamed = (officer: string | null) =>
      t.database.db
        .updateTable('child')
        .set({ lead_officer_id: officer })
        .where('id', '=', ids.child!)
        .execute();
    await setNamed(ids.cw2!);
    const suggested = await manager.get(`/assessments/${caseId}/allocate`);
    expect(suggested.body).toMatch(new RegExp(`value="${ids.cw2}" checked`));
    expect(suggested.body).toContain('The child&#39;s named officer.');
    await setNamed(null);
    expect((await manager.get(`/assessments/${caseId}/allocate`)).body).not.toMatch(/" checked/);
    r = await manager.submit(`/assessments/${caseId}/allocate`, { officer: ids.cw! });
    expect(r.statusCode).toBe(303);

    const cw = new TestClient(t.app);
    await cw.signIn(emails.cw!, TEST_PASSWORD);
    const ws = await cw.get('/');
    expect(ws.body).toContain('Sam Tester');
    expect(ws.body).toContain('Decide whether to assess');
    // The decision form explains the decision's own step (found by its id in the view model, issue 18).
    const decisionForm = await cw.get(`/assessments/${caseId}/decision`);
    expect(decisionForm.body).toMatch(/Request received [^.]+\. The council must decide by /);
    const badDecision = await cw.submit(`/assessments/${caseId}/decision`, {
      outcome: 'assess',
      reasons: '',
      'date-day': '40',
      'date-month': '1',
      'date-year': '2026',
    });
    expect(badDecision.statusCode).toBe(400);
    expect(badDecision.body).toContain('Enter the reasons for the decision');
    expect(badDecision.body).toContain('must be a real date');
    r = await cw.submit(`/assessments/${caseId}/decision`, {
      outcome: 'assess',
      reasons: 'Needs are complex',
      panelNotes: 'Panel agreed',
      ...parts(today, 'date'),
    });
    expect(r.statusCode).toBe(303);
    // A second decision is refused (the stage has moved on).
    const second = await cw.submit(`/assessments/${caseId}/decision`, {
      outcome: 'not-assess',
      reasons: 'x',
      ...parts(today, 'date'),
    });
    expect(second.statusCode).toBe(400);
    const adviceForm = await cw.get(`/assessments/${caseId}/advice`);
    const adviceToken = /name="token" value="([^"]+)"/.exec(adviceForm.body)![1]!;
    const fields = {
      agencies: ['educational-psychology', 'health'],
      'professional-educational-psychology': ids.ep!,
      'service-health': 'Community paediatrics',
      ...parts(today, 'date'),
      token: adviceToken,
      _csrf: TestClient.csrfFrom(adviceForm.body),
    };
    r = await cw.post(`/assessments/${caseId}/advice`, fields);
    expect(r.statusCode).toBe(303);
    r = await cw.post(`/assessments/${caseId}/advice`, fields); // double submit
    const advice = await t.database.db
      .selectFrom('assessment_advice')
      .selectAll()
      .where('case_id', '=', caseId)
      .execute();
    expect(advice).toHaveLength(2);
    const epAdvice = advice.find((a) => a.agency === 'educational-psychology')!;
    const casePage = await cw.get(`/assessments/${caseId}`);
    expect(casePage.statusCode).toBe(200);
    expect(casePage.body).toContain('Educational psychology');
    // Two asked, none arrived yet: the count is of the advice received, not of every request with a status.
    expect((await cw.get(`/assessments/${caseId}/outcome`)).body).toContain(
      '2 pieces of advice asked for; 0 arrived.',
    );

    // The professional sees only their task; the other EP sees nothing.
    const ep = new TestClient(t.app);
    await ep.signIn(emails.ep!, TEST_PASSWORD);
    const tasks = await ep.get('/');
    expect(tasks.body).toContain('Sam Tester');
    const ep2 = new TestClient(t.app);
    await ep2.signIn(emails.ep2!, TEST_PASSWORD);
    expect((await ep2.get(`/advice/${epAdvice.id}`)).statusCode).toBe(404);
    expect((await ep2.get(`/children/${ids.child}`)).statusCode).toBe(404);
    expect((await ep.get(`/assessments/${caseId}`)).statusCode).toBe(403);
    // The task gives the child's context: age, and why the assessment was asked for in the family's words (escaped).
    const task = await ep.get(`/advice/${epAdvice.id}`);
    expect(task.body).toMatch(/\(aged \d+\)/);
    expect(task.body).toContain('Why the assessment was asked for');
    expect(task.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; struggles with reading');
    expect(task.body).toContain('Reading group');
    // A draft (issue 18 item 4): "Save as draft" keeps the words typed without JavaScript, the form shows them again,
    // the autosave script's post answers with the time, another professional cannot save one, and sending clears it.
    const drafted = await ep.submit(`/advice/${epAdvice.id}`, {
      action: 'save-draft',
      answer: 'advice',
      'need-communication': 'Half-typed thoughts on <b>speech</b>',
    });
    expect(drafted.statusCode).toBe(303);
    expect(drafted.headers.location).toBe(`/advice/${epAdvice.id}?saved=1`);
    const reopened = await ep.get(drafted.headers.location as string);
    expect(reopened.body).toContain('Your draft has been saved');
    expect(reopened.body).toContain('Half-typed thoughts on &lt;b&gt;speech&lt;/b&gt;');
    expect(reopened.body).toMatch(/Draft saved \d/);
    const auto = await ep.submit(`/advice/${epAdvice.id}`, {
      action: 'autosave',
      'need-communication': 'More typed',
    });
    expect(auto.statusCode).toBe(200);
    const answer = auto.json<{ saved: boolean; savedAt: string }>();
    expect(answer.saved).toBe(true);
    expect(answer.savedAt).toMatch(/^\d\d:\d\d$/);
    expect(
      (
        await ep2.post(`/advice/${epAdvice.id}`, {
          _csrf: TestClient.csrfFrom((await ep2.get('/')).body),
          action: 'autosave',
        })
      ).statusCode,
    ).toBe(404);
    const badAdvice = await ep.submit(`/advice/${epAdvice.id}`, {
      answer: 'advice',
      'provision-1-description': 'Speech therapy',
    });
    expect(badAdvice.statusCode).toBe(400);
    expect(badAdvice.body).toContain('Help 1: enter how much');
    expect(badAdvice.body).toContain('Speech therapy');
    r = await ep.submit(`/advice/${epAdvice.id}`, {
      answer: 'advice',
      'need-cognition': 'Reading age 6',
      outcomes: 'Reads fluently',
      'provision-1-description': 'Reading intervention',
      'provision-1-quantity': '30 minutes',
      'provision-1-frequency': 'Daily',
      'provision-1-deliverer': 'Teaching assistant',
    });
    expect(r.statusCode).toBe(303);
    const sentAdvice = await t.database.db
      .selectFrom('assessment_advice')
      .select(['draft', 'draft_saved_at'])
      .where('id', '=', epAdvice.id)
      .executeTakeFirstOrThrow();
    expect(sentAdvice).toEqual({ draft: null, draft_saved_at: null });
    // Health advice recorded by the caseworker as no involvement.
    const health = advice.find((a) => a.agency === 'health')!;
    r = await cw.submit(`/advice/${health.id}`, { answer: 'no-involvement', ...parts(today, 'received') });
    expect(r.statusCode).toBe(303);

    // Other parent cannot see this case.
    const other = new TestClient(t.app);
    await other.signIn(emails.otherParent!, TEST_PASSWORD);
    expect((await other.get(`/your-assessment/${caseId}`)).statusCode).toBe(404);

    const outcome = {
      outcome: 'issue-plan',
      reasons: 'Needs cannot be met from school resources',
      ...parts(today, 'date'),
    };
    // J3: only educational psychology and health were asked: the outcome waits for the rest of reg 6(1).
    r = await cw.submit(`/assessments/${caseId}/outcome`, outcome);
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('social care advice (reg 6(1)(e))');
    const beforeOutcome = await cw.get(`/assessments/${caseId}`);
    expect(beforeOutcome.body).toContain('Advice the law requires before the outcome');
    for (const agency of ['family', 'setting', 'social-care']) {
      r = await cw.submitWithFormToken(`/assessments/${caseId}/reuse-advice`, {
        agency,
        existingAdvice: 'Advice from the annual SEN support review, January',
        agreed: 'yes',
        ...parts(today, 'familyAgreed'),
      });
      expect(r.statusCode).toBe(303);
    }
    r = await cw.submit(`/assessments/${caseId}/outcome`, outcome);
    expect(r.statusCode).toBe(303);
    r = await cw.submit(`/assessments/${caseId}/draft`, parts(today, 'date'));
    expect(r.statusCode).toBe(303);
    // J1: the final plan is refused inside the 15 days until the family's comments are complete.
    r = await cw.submit(`/assessments/${caseId}/final`, { planReference: 'P-1', ...parts(today, 'date') });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('to comment on the draft plan (15 days');
    r = await cw.submit(`/assessments/${caseId}/response`, {
      comments: 'Agree',
      school: 'Hill Primary',
      commentsComplete: 'yes',
      ...parts(today, 'date'),
    });
    expect(r.statusCode).toBe(303);
    r = await cw.submit(`/assessments/${caseId}/final`, { planReference: 'P-1', ...parts(today, 'date') });
    expect(r.statusCode).toBe(303);
    const final = await cw.get(`/assessments/${caseId}`);
    expect(final.body).toContain('Final plan issued');
    const fam = await parent.get(`/your-assessment/${caseId}`);
    expect(fam.body).toContain('The final plan has been issued');
    expect(fam.body).toContain('You can appeal to the tribunal by');
    const childPage = await cw.get(`/children/${ids.child}`);
    expect(childPage.body).toContain('Final EHC plan issued');
    const outbox = await t.database.db.selectFrom('notification').select('template').execute();
    expect(outbox.map((o) => o.template)).toEqual(
      expect.arrayContaining([
        'assessment-request-received',
        'assessment-allocated',
        'advice-requested',
        'assessment-final-issued',
      ]),
    );
  });

  it("records a request by letter, links a second open request and moves a leaver's cases all at once", async () => {
    const cw = new TestClient(t.app);
    await cw.signIn(emails.cw!, TEST_PASSWORD);
    const ref = (
      await t.database.db
        .selectFrom('child')
        .select('reference')
        .where('id', '=', ids.other!)
        .executeTakeFirstOrThrow()
    ).reference;
    const empty = await cw.submit('/assessments/record', {});
    expect(empty.statusCode).toBe(400);
    let r = await cw.submitWithFormToken('/assessments/record', {
      child: ref,
      method: 'letter',
      requestedBy: 'school',
      why: 'Falling behind',
      ...parts(today, 'received'),
    });
    expect(r.statusCode).toBe(303);
    const first = caseIdFrom(r.headers.location as string)!;
    r = await cw.submitWithFormToken('/assessments/record', {
      child: ref,
      method: 'email',
      requestedBy: 'parent',
      why: 'Same',
      ...parts(today, 'received'),
    });
    expect(r.headers.location).toContain(first);
    expect(r.headers.location).toContain('linked=1');
    const open = await t.database.db
      .selectFrom('assessment_case')
      .select(['id', 'stage', 'officer_id'])
      .where('child_id', '=', ids.other!)
      .execute();
    expect(open.filter((o) => o.stage !== 'linked')).toHaveLength(1);
    expect(open.find((o) => o.stage !== 'linked')!.officer_id).toBe(ids.cw);

    // The officer cannot be switched off while holding open cases.
    await expect(
      t.database.db.updateTable('app_user').set({ active: false }).where('id', '=', ids.cw!).execute(),
    ).rejects.toThrow();
    const manager = new TestClient(t.app);
    await manager.signIn(emails.manager!, TEST_PASSWORD);
    const refused = await manager.submit('/', { from: ids.cw! }, '/assessments/team/move-cases');
    expect(refused.statusCode).toBe(400);
    // The leaver is also named officer for Sam, who has no open assessment of theirs.
    await t.database.db
      .updateTable('child')
      .set({ lead_officer_id: ids.cw! })
      .where('id', '=', ids.child!)
      .execute();
    const sentBefore = await t.database.db
      .selectFrom('notification')
      .select('id')
      .where('template', '=', 'named-officer-changed')
      .execute();
    // First the confirmation page: what will move, and nothing moved yet.
    r = await manager.submit('/', { from: ids.cw!, to: [ids.cw2!] }, '/assessments/team/move-cases');
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('Move the work and tell the families');
    expect(r.body).toMatch(
      /named officer for 2 children and young people, and caseworker for 1 open assessment/,
    );
    const still = await t.database.db
      .selectFrom('assessment_case')
      .select('officer_id')
      .where('is_open', '=', true)
      .where('child_id', '=', ids.other!)
      .execute();
    expect(still.every((a) => a.officer_id === ids.cw)).toBe(true);
    const confirm = {
      ...TestClient.formTokensFrom(r.body, '/assessments/team/move-cases'),
      confirm: 'yes',
      from: ids.cw!,
      to: [ids.cw2!],
    };
    r = await manager.post('/assessments/team/move-cases', confirm);
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe('/assessments/team?moved=2&cases=1');
    // A second post of the same confirmation moves nothing twice and tells no family twice.
    r = await manager.post('/assessments/team/move-cases', confirm);
    expect(r.headers.location).toBe('/assessments/team?moved=2&cases=1');
    expect((await manager.get(r.headers.location as string)).body).toContain(
      'Each family has been told who their new contact is',
    );
    const after = await t.database.db
      .selectFrom('assessment_case')
      .select('officer_id')
      .where('is_open', '=', true)
      .execute();
    expect(after.every((a) => a.officer_id === ids.cw2)).toBe(true);
    const led = await t.database.db
      .selectFrom('child')
      .select('lead_officer_id')
      .where('id', 'in', [ids.child!, ids.other!])
      .execute();
    expect(led.map((c) => c.lead_officer_id)).toEqual([ids.cw2, ids.cw2]);
    const told = await t.database.db
      .selectFrom('notification')
      .select(['recipient', 'subject', 'child_id'])
      .where('template', '=', 'named-officer-changed')
      .execute();
    // One message to each child's family (both have a linked parent), naming the new contact.
    expect(told.length - sentBefore.length).toBe(2);
    expect(told.every((m) => m.subject!.includes('is now your contact for'))).toBe(true);
    const history = await t.database.db
      .selectFrom('case_event')
      .select('summary')
      .where('child_id', '=', ids.child!)
      .where('kind', '=', 'named-officer-changed')
      .execute();
    expect(history).toHaveLength(1);
  });

  it('sends advice reminders and escalates overdue advice once only', async () => {
    const db = t.database.db;
    const open = await db
      .selectFrom('assessment_case')
      .select(['id', 'child_id'])
      .where('is_open', '=', true)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('assessment_case')
      .set({
        decision_date: '2026-01-05',
        decision_outcome: 'assess',
        request_received: '2026-01-02',
        stage: 'assessment',
      })
      .where('id', '=', open.id)
      .execute();
    await db
      .insertInto('assessment_advice')
      .values({
        la_code: la,
        case_id: open.id,
        child_id: open.child_id,
        agency: 'educational-psychology',
        professional_user_id: ids.ep!,
        requested: '2026-01-05',
        due: '2026-02-16',
      })
      .execute();
    const before = await db
      .selectFrom('notification')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const twoWeeks = await runAdviceReminders(db, t.jobs, '2026-02-03');
    expect(twoWeeks).toEqual({ reminders: 1, escalations: 0 });
    expect(await runAdviceReminders(db, t.jobs, '2026-02-03')).toEqual({ reminders: 0, escalations: 0 });
    expect(await runAdviceReminders(db, t.jobs, '2026-02-14')).toEqual({ reminders: 1, escalations: 0 });
    expect(await runAdviceReminders(db, t.jobs, '2026-02-17')).toEqual({ reminders: 0, escalations: 1 });
    expect(await runAdviceReminders(db, t.jobs, '2026-02-18')).toEqual({ reminders: 0, escalations: 0 });
    const after = await db.selectFrom('notification').select(['template', 'recipient']).execute();
    expect(after.length - Number(before.n)).toBe(3);
    expect(after.filter((n) => n.template === 'advice-overdue').map((n) => n.recipient)).toEqual([
      emails.manager,
    ]);
    expect(await t.jobs.runPending(ADVICE_REMINDER_QUEUE)).toBe(0);
  });
});
