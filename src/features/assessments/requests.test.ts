/**
 * Issue 4, second part, through the web layer on both engines: online requests for a child Goldthread does not know
 * (new record, or a quiet match joined for the caseworker to confirm), SENCO requests for their school, advice
 * documents (types checked, downloads for the caseworker and the adviser only), every journey form against empty,
 * too long, impossible and hostile input, and switching off an officer who still holds open cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { countRows, ENGINES } from '../../../test/helpers/db.ts';
import {
  createAuthority,
  createChild,
  createUser,
  grant,
  TEST_PASSWORD,
} from '../../../test/helpers/factories.ts';
import { dateInputValues } from '../../platform/web/forms.ts';
import { todayInLondon } from '../../platform/web/views.ts';

const today = todayInLondon();
const parts = (iso: string, name: string) => dateInputValues(name, iso);
const HOSTILE = '<script>alert("x")</script>';
const ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;';
const LONG = 'a'.repeat(5001);
const IMPOSSIBLE = { 'date-day': '30', 'date-month': '2', 'date-year': '2026' };

describe.each(ENGINES)('online requests, advice documents and hostile input on %s', (engine) => {
  let t: TestApp;
  const la = '902';
  const ids: Record<string, string> = {};
  const emails: Record<string, string> = {};
  const clients: Record<string, TestClient> = {};
  const count = (table: 'assessment_case' | 'child' | 'family_member' | 'assessment_advice') =>
    countRows(t.database.db, table);
  const caseRow = (id: string) =>
    t.database.db.selectFrom('assessment_case').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    await createAuthority(db, la);
    const org = async (name: string, kind: 'local-authority' | 'school' | 'educational-psychology') =>
      (
        await db
          .insertInto('organisation')
          .values({ la_code: la, name, kind })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const team = async (organisationId: string, name: string) =>
      (
        await db
          .insertInto('team')
          .values({ la_code: la, organisation_id: organisationId, name, email: 'team@council.example' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const council = await team(await org('Council', 'local-authority'), 'SEND casework');
    const epTeam = await team(await org('EP service', 'educational-psychology'), 'EPs');
    const schoolTeam = await team(await org('Hill Primary School', 'school'), 'Hill Primary SEN');
    const { id: settingId } = await db
      .insertInto('setting')
      .values({
        la_code: la,
        name: 'Hill Primary School',
        kind: 'school',
        type: 'Community school',
        phase: 'Primary',
        first_year_group: 0,
        last_year_group: 6,
        in_area: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const users = {
      admin: await createUser(db, la, 'administrator'),
      manager: await createUser(db, la, 'team-manager', { teamId: council }),
      cw: await createUser(db, la, 'caseworker', { teamId: council, displayName: 'Casey Worker' }),
      cw2: await createUser(db, la, 'caseworker', { teamId: council }),
      ep: await createUser(db, la, 'professional', { teamId: epTeam }),
      ep2: await createUser(db, la, 'professional', { teamId: epTeam }),
      senco: await createUser(db, la, 'professional', { teamId: schoolTeam }),
      parent: await createUser(db, la, 'parent', { displayName: 'Pat Newparent' }),
      stranger: await createUser(db, la, 'parent', { displayName: 'Sol Stranger' }),
      linkedParent: await createUser(db, la, 'parent'),
    };
    for (const [k, u] of Object.entries(users)) {
      ids[k] = u.id;
      emails[k] = u.email;
      clients[k] = new TestClient(t.app);
      await clients[k].signIn(u.email, TEST_PASSWORD);
    }
    const known = await createChild(db, la, {
      givenName: 'Robin',
      familyName: 'Known',
      dateOfBirth: '2015-05-05',
      leadOfficerId: users.cw.id,
    });
    const pupil = await createChild(db, la, {
      givenName: 'Pip',
      familyName: 'Pupil',
      dateOfBirth: '2016-01-01',
    });
    const elsewhere = await createChild(db, la, { givenName: 'Ela', familyName: 'Elsewhere' });
    await db
      .updateTable('child')
      .set({ plan_status: 'none', plan_first_issued: null })
      .where('la_code', '=', la)
      .execute();
    await db
      .insertInto('child_setting')
      .values({
        la_code: la,
        child_id: pupil.id,
        setting_id: settingId,
        start_date: '2024-09-01',
        attendance: 'full-time',
      })
      .execute();
    await grant(db, la, users.linkedParent.id, known.id, 'parent');
    Object.assign(ids, { settingId, known: known.id, pupil: pupil.id, elsewhere: elsewhere.id, council });
  }, 180_000);
  afterAll(async () => t?.close());

  /** Answers every question after the child one. */
  async function answerRest(
    client: TestClient,
    involved: string[] = ['school'],
    why = 'Struggling at school',
  ) {
    await client.submit('/request-assessment/why', { why });
    await client.submit('/request-assessment/support', { support: 'Reading group' });
    const answered = await client.submit('/request-assessment/involved', { involved });
    expect(answered.statusCode).toBe(303);
    await client.submit('/request-assessment/school', { schoolKind: 'undecided' });
    const r = await client.submit('/request-assessment/consent', { consent: 'yes' });
    expect(r.headers.location).toBe('/request-assessment/check');
  }
  async function send(client: TestClient) {
    const check = await client.get('/request-assessment/check');
    expect(check.statusCode).toBe(200);
    const draft = /name="draft" value="([^"]+)"/.exec(check.body)![1]!;
    const csrf = TestClient.csrfFrom(check.body);
    const first = await client.post('/request-assessment/check', { draft, _csrf: csrf });
    const second = await client.post('/request-assessment/check', { draft, _csrf: csrf });
    expect(first.statusCode).toBe(303);
    expect(second.headers.location).toBe(first.headers.location);
    return /sent\/([0-9a-f-]{36})/.exec(first.headers.location as string)![1]!;
  }

  it('a parent asks for a child Goldthread does not know: errors kept and escaped, then one child, family member and pending request', async () => {
    const parent = clients.parent!;
    const start = await parent.get('/request-assessment');
    expect(start.body).toContain('Start now');
    let r = await parent.submit('/request-assessment/child', { childId: 'new' });
    expect(r.headers.location).toBe('/request-assessment/new-child');
    const before = { child: await count('child'), member: await count('family_member') };
    const empty = await parent.submit('/request-assessment/new-child', {});
    expect(empty.statusCode).toBe(400);
    for (const m of [
      'Enter their first name',
      'Enter their last name',
      'Enter the date of birth',
      'Select their sex',
      'Enter the address',
      'Enter the postcode',
      'Select the school, college or nursery from the list',
      'Select how you are related to the child',
      'Select yes if you have parental responsibility',
    ])
      expect(empty.body).toContain(m);
    const bad = await parent.submit('/request-assessment/new-child', {
      givenName: HOSTILE,
      familyName: 'b'.repeat(101),
      'dob-day': '30',
      'dob-month': '2',
      'dob-year': '2026',
      sex: 'X',
      addressLine: '1 High Street',
      postcode: 'NOT A POSTCODE',
      settingId: '00000000-0000-4000-8000-000000000000',
      relationship: 'emperor',
      parentalResponsibility: 'yes',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Date of birth must be a real date');
    expect(bad.body).toContain('Last name must be 100 characters or fewer');
    expect(bad.body).toContain('Enter a real postcode');
    expect(bad.body).toContain(ESCAPED);
    expect(bad.body).not.toContain(HOSTILE);
    expect(bad.body).toContain('value="1 High Street"');
    expect(await count('child')).toBe(before.child);
    r = await parent.submit('/request-assessment/new-child', {
      givenName: 'Nia',
      familyName: 'Newchild',
      ...parts('2017-04-02', 'dob'),
      sex: 'F',
      addressLine: '1 High Street, Testtown',
      postcode: 'tt1 1aa',
      settingId: ids.settingId!,
      relationship: 'parent',
      parentalResponsibility: 'yes',
    });
    expect(r.headers.location).toBe('/request-assessment/why');
    await answerRest(parent);
    const check = await parent.get('/request-assessment/check');
    expect(check.body).toContain('Nia Newchild');
    expect(check.body).toContain('Hill Primary School');
    expect(await count('child')).toBe(before.child);
    const caseId = await send(parent);

    const child = await t.database.db
      .selectFrom('child')
      .selectAll()
      .where('family_name', '=', 'Newchild')
      .execute();
    expect(child).toHaveLength(1);
    expect(child[0]!.postcode).toBe('TT1 1AA');
    const member = await t.database.db
      .selectFrom('family_member')
      .selectAll()
      .where('child_id', '=', child[0]!.id)
      .execute();
    expect(member).toHaveLength(1);
    expect(member[0]!.parental_responsibility).toBe(true);
    expect(member[0]!.user_id).toBeNull();
    const row = await caseRow(caseId);
    expect(row.requester_link).toBe('pending');
    expect(row.requester_user_id).toBe(ids.parent);
    expect(row.is_open).toBe(true);
    const actions = (
      await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('child_id', '=', child[0]!.id)
        .execute()
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['child.create', 'family-member.create', 'assessment.request.create']),
    );

    // The parent sees the request's status and their answers, and nothing else about the child yet.
    const sent = await parent.get(`/request-assessment/sent/${caseId}`);
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('A caseworker is checking the details');
    expect(sent.body).toContain('Struggling at school');
    expect((await parent.get(`/your-assessment/${caseId}`)).statusCode).toBe(404);
    expect((await parent.get(`/children/${child[0]!.id}`)).statusCode).toBe(404);
    expect((await clients.stranger!.get(`/request-assessment/sent/${caseId}`)).statusCode).toBe(404);
    expect((await parent.get('/request-assessment')).body).toContain('Requests you have sent');

    // The caseworker confirms the link; then the parent follows the case as its family.
    const manager = clients.manager!;
    const casePage = await manager.get(`/assessments/${caseId}`);
    expect(casePage.body).toContain('Check who asked online');
    r = await manager.submit(
      `/assessments/${caseId}`,
      { request: caseId, decision: 'confirm' },
      `/assessments/${caseId}/requester`,
    );
    expect(r.statusCode).toBe(303);
    expect((await caseRow(caseId)).requester_link).toBe('confirmed');
    expect((await parent.get(`/your-assessment/${caseId}`)).statusCode).toBe(200);
    // The parent is told by email that their link was confirmed (issue 18, finding 19), once, and it is audited.
    const told = await t.database.db
      .selectFrom('notification')
      .select(['recipient', 'subject', 'body'])
      .where('template', '=', 'requester-link-confirmed')
      .where('child_id', '=', child[0]!.id)
      .execute();
    expect(told).toHaveLength(1);
    expect(told[0]!.recipient).toBe(emails.parent);
    expect(told[0]!.subject).toMatch(/^You can now follow the request for \S+$/);
    expect(told[0]!.body).toContain('has checked and confirmed your link to');
    const confirmAudit = await t.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'assessment.requester.confirm')
      .where('record_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(confirmAudit.detail)).toContain('requester-link-confirmed');
    const linkedMember = await t.database.db
      .selectFrom('family_member')
      .select('user_id')
      .where('child_id', '=', child[0]!.id)
      .executeTakeFirstOrThrow();
    expect(linkedMember.user_id).toBe(ids.parent);
  });

  it('details matching a child on record reveal nothing and are joined, never a second open request', async () => {
    // The known child has an open request recorded by the caseworker.
    const cw = clients.cw!;
    const ref = (
      await t.database.db
        .selectFrom('child')
        .select('reference')
        .where('id', '=', ids.known!)
        .executeTakeFirstOrThrow()
    ).reference;
    const recorded = await cw.submitWithFormToken('/assessments/record', {
      child: ref,
      method: 'letter',
      requestedBy: 'parent',
      why: 'Letter from mum',
      ...parts(today, 'received'),
    });
    expect(recorded.statusCode).toBe(303);
    const openId = /\/assessments\/([0-9a-f-]{36})/.exec(recorded.headers.location as string)![1]!;
    const childrenBefore = await count('child');

    const stranger = clients.stranger!;
    await stranger.submit('/request-assessment/child', { childId: 'new' });
    await stranger.submit('/request-assessment/new-child', {
      givenName: ' robin ',
      familyName: 'KNOWN',
      ...parts('2015-05-05', 'dob'),
      sex: 'M',
      addressLine: '2 Low Road',
      postcode: 'TT2 2BB',
      settingId: 'none',
      relationship: 'grandparent',
      parentalResponsibility: 'no',
    });
    await answerRest(stranger, ['school'], 'Robin stopped sleeping after the move');
    const own = await send(stranger);
    expect(own).not.toBe(openId);
    expect(await count('child')).toBe(childrenBefore);
    const open = await t.database.db
      .selectFrom('assessment_case')
      .select(['id', 'stage', 'is_open', 'requester_link', 'linked_case_id'])
      .where('child_id', '=', ids.known!)
      .execute();
    expect(open.filter((o) => o.is_open)).toHaveLength(1);
    const mine = open.find((o) => o.id === own)!;
    expect(mine.stage).toBe('linked');
    expect(mine.linked_case_id).toBe(openId);
    expect(mine.requester_link).toBe('pending');
    const sent = await stranger.get(`/request-assessment/sent/${own}`);
    expect(sent.statusCode).toBe(200);
    for (const secret of [ref, 'Casey Worker', 'Letter from mum', openId, 'already an open'])
      expect(sent.body).not.toContain(secret);
    expect((await stranger.get(`/your-assessment/${openId}`)).statusCode).toBe(404);
    // The caseworker sees it on the open case, and can decline: the stranger still sees nothing more.
    const page = await cw.get(`/assessments/${openId}`);
    expect(page.body).toContain('Check who asked online');
    expect(page.body).toContain('Sol Stranger');
    // The joined request's own answers are on the open case (issue 18, finding 9), beside the first request's.
    const joined = page.body.slice(page.body.indexOf('id="joined-requests"'));
    expect(page.body).toContain('Another request joined to this one');
    expect(joined).toContain('Robin stopped sleeping after the move');
    expect(joined).toContain('from a parent or carer, Sol Stranger');
    expect(page.body).not.toMatch(/<dd[^>]*>\s*(parent|young-person|school|other)\b/);
    expect(page.body).toContain('Letter from mum');
    const r = await cw.submit(
      `/assessments/${openId}`,
      { request: own, decision: 'decline' },
      `/assessments/${openId}/requester`,
    );
    expect(r.statusCode).toBe(303);
    expect((await caseRow(own)).requester_link).toBe('declined');
    expect((await stranger.get(`/your-assessment/${openId}`)).statusCode).toBe(404);
    const declinedTold = await t.database.db
      .selectFrom('notification')
      .select('id')
      .where('template', '=', 'requester-link-confirmed')
      .where('child_id', '=', ids.known!)
      .execute();
    expect(declinedTold).toHaveLength(0);
  });

  it('a family with no one else involved answers "No one else" and sends the request (issue 16 item 10)', async () => {
    const parent = clients.linkedParent!;
    await parent.submit('/request-assessment/child', { childId: ids.known!, detailsCorrect: 'yes' });
    // "No one else" with someone ticked too (no JavaScript to untick them) is a clear error, input kept.
    const both = await parent.submit('/request-assessment/involved', { involved: ['school', 'none'] });
    expect(both.statusCode).toBe(400);
    expect(both.body).toContain('Select who else is involved, or &quot;No one else&quot;, not both');
    await answerRest(parent, ['none']);
    const again = await parent.get('/request-assessment/involved');
    expect(again.body).toMatch(/value="none" checked/);
    const check = await parent.get('/request-assessment/check');
    expect(check.body).toContain('No one else');
    expect(check.body).not.toContain('Select who else is involved');
    await send(parent);
  });

  it('a SENCO asks for children at their school, and for a new child', async () => {
    const senco = clients.senco!;
    const step = await senco.get('/request-assessment/child');
    expect(step.body).toContain('Pip Pupil');
    expect(step.body).not.toContain('Ela Elsewhere');
    const refused = await senco.submit('/request-assessment/child', {
      childId: ids.elsewhere!,
      detailsCorrect: 'yes',
    });
    expect(refused.statusCode).toBe(400);
    let r = await senco.submit('/request-assessment/child', { childId: ids.pupil!, detailsCorrect: 'yes' });
    expect(r.headers.location).toBe('/request-assessment/why');
    await answerRest(senco);
    const caseId = await send(senco);
    const row = await caseRow(caseId);
    expect(row.requested_by).toBe('school');
    expect(row.requester_link).toBe('known');
    expect((await senco.get(`/request-assessment/sent/${caseId}`)).body).toContain('Struggling at school');
    // A new pupil: no relationship questions; the school is chosen for them.
    r = await senco.submit('/request-assessment/child', { childId: 'new' });
    const form = await senco.get('/request-assessment/new-child');
    expect(form.body).not.toContain('parental responsibility');
    r = await senco.submit('/request-assessment/new-child', {
      givenName: 'Sky',
      familyName: 'Starter',
      ...parts('2018-09-09', 'dob'),
      sex: 'M',
      addressLine: '3 Lane',
      postcode: 'TT3 3CC',
      settingId: ids.settingId!,
    });
    expect(r.headers.location).toBe('/request-assessment/why');
    await answerRest(senco);
    const second = await send(senco);
    expect((await caseRow(second)).requester_link).toBe('pending');
  });

  it('every casework form: clear errors, input kept and escaped, nothing half-saved', async () => {
    const cw = clients.cw!;
    const manager = clients.manager!;
    // Record a request.
    const cases = await count('assessment_case');
    let r = await cw.submitWithFormToken('/assessments/record', {
      child: HOSTILE,
      method: 'pigeon',
      requestedBy: '',
      why: LONG,
      'received-day': '30',
      'received-month': '2',
      'received-year': '2026',
    });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('must be a real date');
    expect(r.body).toContain('Why an assessment is needed must be 5,000 characters or fewer');
    expect(r.body).toContain(ESCAPED);
    expect(r.body).not.toContain(HOSTILE);
    expect(await count('assessment_case')).toBe(cases);
    const ref = (
      await t.database.db
        .selectFrom('child')
        .select('reference')
        .where('id', '=', ids.elsewhere!)
        .executeTakeFirstOrThrow()
    ).reference;
    const good = {
      child: ref,
      method: 'phone',
      requestedBy: 'parent',
      why: HOSTILE,
      ...parts(today, 'received'),
    };
    const page = await cw.get('/assessments/record');
    const token = /name="token" value="([^"]+)"/.exec(page.body)![1]!;
    const csrf = TestClient.csrfFrom(page.body);
    r = await cw.post('/assessments/record', { ...good, token, _csrf: csrf });
    const again = await cw.post('/assessments/record', { ...good, token, _csrf: csrf });
    expect(r.statusCode).toBe(303);
    expect(again.statusCode).toBe(303);
    expect(await count('assessment_case')).toBe(cases + 1);
    const caseId = /\/assessments\/([0-9a-f-]{36})/.exec(r.headers.location as string)![1]!;
    const shown = await cw.get(`/assessments/${caseId}`);
    expect(shown.body).not.toContain(HOSTILE);

    // Allocation and moving a leaver's cases.
    r = await manager.submit(`/assessments/${caseId}/allocate`, { officer: HOSTILE });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('Select an officer from the list');
    r = await manager.submit('/assessments/team', { from: '' }, '/assessments/team/move-cases');
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('Select the officer who is leaving');
    r = await manager.submit(
      '/assessments/team',
      { from: ids.cw!, to: ids.cw! },
      '/assessments/team/move-cases',
    );
    expect(r.statusCode).toBe(400);
    expect((await caseRow(caseId)).officer_id).toBe(ids.cw);

    // Decision.
    r = await cw.submit(`/assessments/${caseId}/decision`, {
      outcome: 'maybe',
      reasons: HOSTILE + LONG,
      ...IMPOSSIBLE,
    });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('Select whether the council will assess');
    expect(r.body).toContain('Reasons must be 5,000 characters or fewer');
    expect(r.body).toContain('must be a real date');
    expect(r.body).toContain(ESCAPED);
    expect((await caseRow(caseId)).decision_date).toBeNull();
    r = await cw.submit(`/assessments/${caseId}/decision`, {
      outcome: 'assess',
      reasons: 'Complex needs',
      ...parts(today, 'date'),
    });
    expect(r.statusCode).toBe(303);

    // Advice request.
    const adviceBefore = await count('assessment_advice');
    r = await cw.submitWithFormToken(`/assessments/${caseId}/advice`, { ...IMPOSSIBLE });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('Select at least one person or service to ask for advice');
    r = await cw.submitWithFormToken(`/assessments/${caseId}/advice`, {
      agencies: ['health'],
      'service-health': HOSTILE,
      ...IMPOSSIBLE,
    });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('must be a real date');
    expect(r.body).toContain(ESCAPED);
    expect(await count('assessment_advice')).toBe(adviceBefore);
    r = await cw.submitWithFormToken(`/assessments/${caseId}/advice`, {
      agencies: ['educational-psychology'],
      'professional-educational-psychology': ids.ep!,
      ...parts(today, 'date'),
    });
    expect(r.statusCode).toBe(303);
    const advice = await t.database.db
      .selectFrom('assessment_advice')
      .selectAll()
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();

    // Advice submission: errors, kept input, a wrong file, then a real PDF.
    const ep = clients.ep!;
    r = await ep.submitMultipart(`/advice/${advice.id}`, {
      answer: 'advice',
      outcomes: HOSTILE,
      'need-cognition': LONG,
    });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('must be 5,000 characters or fewer');
    expect(r.body).toContain(ESCAPED);
    r = await ep.submitMultipart(
      `/advice/${advice.id}`,
      { answer: 'advice', 'need-cognition': 'Reading age 6', outcomes: 'Reads well' },
      {
        name: 'document',
        filename: 'report.exe',
        type: 'application/pdf',
        content: Buffer.from('MZ binary'),
      },
    );
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('The selected file must be a PDF, a Word document');
    expect(r.body).toContain('Reading age 6');
    r = await ep.submitMultipart(
      `/advice/${advice.id}`,
      { answer: 'advice', 'need-cognition': 'Reading age 6' },
      {
        name: 'document',
        filename: 'report.pdf',
        type: 'application/pdf',
        content: Buffer.from('<html>not a pdf'),
      },
    );
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('is not a real .pdf file');
    expect(
      (
        await t.database.db
          .selectFrom('assessment_advice')
          .select('status')
          .where('id', '=', advice.id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('requested');
    const pdf = Buffer.from('%PDF-1.4\n% report\n');
    r = await ep.submitMultipart(
      `/advice/${advice.id}`,
      { answer: 'advice', 'need-cognition': 'Reading age 6' },
      { name: 'document', filename: 'EP report.pdf', type: 'text/html', content: pdf },
    );
    expect(r.statusCode).toBe(303);
    for (const who of ['ep', 'cw']) {
      const dl = await clients[who]!.get(`/advice/${advice.id}/document`);
      expect(dl.statusCode).toBe(200);
      expect(dl.headers['content-type']).toContain('application/pdf');
      expect(dl.headers['content-disposition']).toContain('attachment');
      expect(dl.headers['x-content-type-options']).toBe('nosniff');
      expect(dl.rawPayload.equals(pdf)).toBe(true);
    }
    for (const who of ['ep2', 'senco']) {
      expect((await clients[who]!.get(`/advice/${advice.id}/document`)).statusCode).toBe(404);
    }
    // A family never reads advice documents here: a role refusal (403), whatever the document.
    expect((await clients.parent!.get(`/advice/${advice.id}/document`)).statusCode).toBe(403);
    const denied = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('user_id', '=', ids.ep2!)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.map((d) => d.action)).toContain('advice.read.denied');
    expect((await cw.get(`/assessments/${caseId}`)).body).toContain('Download EP report.pdf');

    // Exception.
    r = await cw.submitWithFormToken(`/assessments/${caseId}/exception`, {
      kind: 'volcano',
      reason: '',
      ...{ 'from-day': '30', 'from-month': '2', 'from-year': '2026' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('Select the kind of exception');
    r = await cw.submitWithFormToken(`/assessments/${caseId}/exception`, {
      kind: 'personal-circumstances',
      reason: HOSTILE,
      'from-day': '30',
      'from-month': '2',
      'from-year': '2026',
    });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('must be a real date');
    expect(r.body).toContain(ESCAPED);
    expect(
      await t.database.db
        .selectFrom('assessment_exception')
        .select('id')
        .where('case_id', '=', caseId)
        .execute(),
    ).toHaveLength(0);

    // Outcome, draft, response, final.
    r = await cw.submit(`/assessments/${caseId}/outcome`, { outcome: '', reasons: HOSTILE, ...IMPOSSIBLE });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('Select whether the council will issue a plan');
    expect(r.body).toContain(ESCAPED);
    expect((await caseRow(caseId)).outcome).toBeNull();
    for (const agency of ['family', 'setting', 'health', 'social-care']) {
      r = await cw.submitWithFormToken(`/assessments/${caseId}/reuse-advice`, {
        agency,
        existingAdvice: 'Advice from the SEN support review',
        agreed: 'yes',
        ...parts(today, 'familyAgreed'),
      });
      expect(r.statusCode).toBe(303);
    }
    r = await cw.submit(`/assessments/${caseId}/outcome`, {
      outcome: 'issue-plan',
      reasons: 'Needs a plan',
      ...parts(today, 'date'),
    });
    expect(r.statusCode).toBe(303);
    r = await cw.submit(`/assessments/${caseId}/draft`, { ...IMPOSSIBLE });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('must be a real date');
    r = await cw.submit(`/assessments/${caseId}/draft`, {});
    expect(r.statusCode).toBe(400);
    expect((await caseRow(caseId)).draft_served).toBeNull();
    r = await cw.submit(`/assessments/${caseId}/draft`, parts(today, 'date'));
    expect(r.statusCode).toBe(303);
    r = await cw.submit(`/assessments/${caseId}/response`, {
      comments: '',
      school: HOSTILE + 'x'.repeat(200),
      ...IMPOSSIBLE,
    });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain("Enter a summary of the family's comments".replace("'", '&#39;'));
    expect(r.body).toContain('School or college must be 200 characters or fewer');
    expect(r.body).toContain(ESCAPED);
    expect((await caseRow(caseId)).family_response_date).toBeNull();
    r = await cw.submit(`/assessments/${caseId}/final`, {
      planReference: HOSTILE + 'x'.repeat(50),
      ...IMPOSSIBLE,
    });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('Plan reference must be 50 characters or fewer');
    expect(r.body).toContain('must be a real date');
    expect(r.body).toContain(ESCAPED);
    expect((await caseRow(caseId)).final_issued).toBeNull();
  });

  it('an administrator cannot switch off an officer who holds open cases, and is told how many and where to move them', async () => {
    const admin = clients.admin!;
    const open = Number(
      (
        await t.database.db
          .selectFrom('assessment_case')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('officer_id', '=', ids.cw!)
          .where('is_open', '=', true)
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(open).toBeGreaterThan(0);
    const r = await admin.submit(`/admin/users/${ids.cw}`, { role: 'caseworker', active: 'no' });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('govuk-error-summary');
    expect(r.body).toContain(`This officer still holds ${open} open`);
    expect(r.body).toContain(`/assessments/team?from=${ids.cw}#move-cases`);
    expect(r.body).toMatch(/value="no" checked/);
    const user = await t.database.db
      .selectFrom('app_user')
      .select('active')
      .where('id', '=', ids.cw!)
      .executeTakeFirstOrThrow();
    expect(user.active).toBe(true);
    // The manager's page opens with the leaver chosen.
    const team = await clients.manager!.get(`/assessments/team?from=${ids.cw}`);
    expect(team.body).toMatch(new RegExp(`value="${ids.cw}" selected`));
    // An officer with no open cases can be switched off.
    const ok = await admin.submit(`/admin/users/${ids.cw2}`, { role: 'caseworker', active: 'no' });
    expect(ok.statusCode).toBe(303);
  });
});
