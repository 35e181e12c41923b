/**
 * Consultation and naming the placement on both engines (S3, J7): the family's preference recorded by a caseworker;
 * the draft served on 2026-04-20 consults the requested school the same day with the answer due 2026-05-05; a school
 * maintained by another authority is consulted with that authority; the school answers in Goldthread (errors kept,
 * double submits safe, never answered twice); the caseworker sees who was consulted, who answered and who is late;
 * the final plan is refused when it names a setting not consulted or leaves the preference without a ground.
 * Access: a school sees only the consultations addressed to it; families and other schools get 404, audited.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { countRows, ENGINES } from '../../../test/helpers/db.ts';
import {
  createAuthority,
  createChild,
  createSenco,
  createUser,
  grant,
  TEST_PASSWORD,
} from '../../../test/helpers/factories.ts';
import type { DB } from '../../platform/db/schema/index.ts';
import { paths } from '../../platform/web/paths.ts';
import { finalPlacementProblems } from './placement-checks.ts';

async function school(db: Kysely<DB>, la: string, name: string, outOfArea?: string) {
  const setting = await db
    .insertInto('setting')
    .values({
      la_code: la,
      name,
      kind: 'school',
      type: 'Community school',
      phase: 'Primary',
      first_year_group: 0,
      last_year_group: 6,
      in_area: !outOfArea,
      urn: null,
      location_authority: outOfArea ?? null,
      postcode: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: setting.id, senco: await createSenco(db, la, name) };
}

async function draftStageCase(
  db: Kysely<DB>,
  la: string,
  childId: string,
  teamId: string,
  officerId: string,
) {
  const { id } = await db
    .insertInto('assessment_case')
    .values({
      la_code: la,
      child_id: childId,
      request_received: '2025-11-03',
      request_method: 'email',
      requested_by: 'parent',
      request_answers: '{}',
      idempotency_key: `fixture-${randomUUID()}`,
      team_id: teamId,
      officer_id: officerId,
      allocated_at: new Date('2025-11-04T10:00:00Z'),
      stage: 'draft',
      decision_date: '2025-12-01',
      decision_outcome: 'assess',
      outcome_date: '2026-03-02',
      outcome: 'issue-plan',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** GETs a form page, then POSTs the fields with its CSRF token and its one-use form token. */
async function submitForm(
  client: TestClient,
  pageUrl: string,
  postUrl: string,
  fields: Record<string, string>,
) {
  const page = await client.get(pageUrl);
  const formToken = /name="formToken" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const body = { ...fields, formToken, _csrf: TestClient.csrfFrom(page.body) };
  return { response: await client.post(postUrl, body), body };
}

describe.each(ENGINES)('consultation and naming the placement on %s', (engine) => {
  let t: TestApp;
  const la = '931';
  let caseId: string;
  let childId: string;
  let northgate: Awaited<ReturnType<typeof school>>;
  let eastfield: Awaited<ReturnType<typeof school>>;
  let southside: Awaited<ReturnType<typeof school>>;
  let caseworker: TestClient;
  let leader: TestClient;
  let parent: TestClient;
  let parent2: TestClient;
  let northgateSenco: TestClient;
  let eastfieldSenco: TestClient;
  let southsideSenco: TestClient;
  let northgateConsultation: string;
  const signIn = async (email: string) => {
    const c = new TestClient(t.app);
    await c.signIn(email, TEST_PASSWORD);
    return c;
  };
  const consultations = () =>
    t.database.db
      .selectFrom('consultation')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .execute();

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    await createAuthority(db, la);
    const org = await db
      .insertInto('organisation')
      .values({ la_code: la, name: 'Testshire Council', kind: 'local-authority' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const team = await db
      .insertInto('team')
      .values({
        la_code: la,
        organisation_id: org.id,
        name: 'SEND north',
        email: 'n@council.example',
        phone: '1',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cw = await createUser(db, la, 'caseworker', { displayName: 'Casey Worker', teamId: team.id });
    const lead = await createUser(db, la, 'send-leader', { teamId: team.id });
    const p = await createUser(db, la, 'parent');
    const child = await createChild(db, la, { givenName: 'Rowan', familyName: 'Tester' });
    childId = child.id;
    await grant(db, la, p.id, child.id, 'parent');
    caseId = await draftStageCase(db, la, child.id, team.id, cw.id);
    const p2 = await createUser(db, la, 'parent');
    const child2 = await createChild(db, la, { givenName: 'Sky', familyName: 'Asker', leadOfficerId: cw.id });
    await db
      .updateTable('child')
      .set({ plan_status: 'none', plan_first_issued: null })
      .where('id', '=', child2.id)
      .execute();
    await grant(db, la, p2.id, child2.id, 'parent');
    northgate = await school(db, la, 'Northgate Primary');
    eastfield = await school(db, la, 'Eastfield School', 'Otherborough Council');
    southside = await school(db, la, 'Southside Academy');
    caseworker = await signIn(cw.email);
    leader = await signIn(lead.email);
    parent = await signIn(p.email);
    parent2 = await signIn(p2.email);
    northgateSenco = await signIn(northgate.senco.email);
    eastfieldSenco = await signIn(eastfield.senco.email);
    southsideSenco = await signIn(southside.senco.email);
  });
  afterAll(() => t?.close());

  it('records the family’s preference with GOV.UK errors and input kept, once per form', async () => {
    const page = paths.consultation.case(caseId);
    const post = paths.consultation.preference(caseId);
    const empty = await submitForm(caseworker, page, post, { kind: 'setting', settingId: '' });
    expect(empty.response.statusCode).toBe(400);
    expect(empty.response.body).toContain('govuk-error-summary');
    expect(empty.response.body).toContain('Choose a school, college or nursery from the list');
    expect(empty.response.body).toMatch(/value="setting" checked/);
    const impossible = await submitForm(caseworker, page, post, {
      kind: 'otherwise',
      'received-day': '31',
      'received-month': '2',
      'received-year': '2026',
    });
    expect(impossible.response.statusCode).toBe(400);
    // the date field's summary link goes to its day input, which exists
    expect(impossible.response.body).toContain('href="#received-day"');
    expect(impossible.response.body).toContain('id="received-day"');
    const ok = await submitForm(caseworker, page, post, {
      kind: 'setting',
      settingId: northgate.id,
      'received-day': '10',
      'received-month': '4',
      'received-year': '2026',
    });
    expect(ok.response.statusCode).toBe(303);
    const again = await caseworker.post(post, ok.body);
    expect(again.statusCode).toBe(303);
    const otherwise = await submitForm(caseworker, page, post, {
      kind: 'otherwise',
      'received-day': '11',
      'received-month': '4',
      'received-year': '2026',
    });
    expect((await caseworker.post(post, otherwise.body)).statusCode).toBe(303); // the same form twice
    const rows = await t.database.db
      .selectFrom('placement_preference')
      .selectAll()
      .where('case_id', '=', caseId)
      .execute();
    expect(rows.map((r) => r.kind).sort()).toEqual(['otherwise', 'setting']);
    const casePage = await caseworker.get(paths.assessments.case(caseId));
    expect(casePage.body).toContain('Northgate Primary; Education otherwise than in a school');
    expect(await consultations()).toEqual([]); // no draft yet: nothing to consult on
  });

  it('S3 acceptance: the draft served 2026-04-20 consults the requested school that day, answer due 2026-05-05', async () => {
    const res = await caseworker.submitWithFormToken(paths.assessments.action(caseId, 'draft'), {
      'date-day': '20',
      'date-month': '4',
      'date-year': '2026',
    });
    expect(res.statusCode).toBe(303);
    const [c, ...rest] = await consultations();
    expect(rest).toEqual([]);
    expect(c).toMatchObject({
      setting_id: northgate.id,
      consultee: 'setting',
      sent: '2026-04-20',
      answered: null,
    });
    northgateConsultation = c!.id;
    const page = await caseworker.get(paths.consultation.case(caseId));
    expect(page.body).toContain('5 May 2026');
    expect(page.body).toContain('Past the 15 days');
    expect(page.body).toContain('Children and Families Act 2014, s39(2)');
    const sent = await t.database.db
      .selectFrom('notification')
      .select(['recipient', 'template'])
      .where('child_id', '=', childId)
      .where('template', 'like', 'consultation-%')
      .execute();
    expect(sent.map((n) => n.template).sort()).toEqual(['consultation-family-sent', 'consultation-sent']);
    expect(sent.find((n) => n.template === 'consultation-sent')!.recipient).toBe(northgate.senco.email);
    const history = await caseworker.get(paths.assessments.case(caseId));
    expect(history.body).toContain('Northgate Primary consulted on the draft plan and the advice');
  });

  it('consults another school with the authority that maintains it, once', async () => {
    const page = paths.consultation.case(caseId);
    const post = paths.consultation.consult(caseId);
    const ok = await submitForm(caseworker, page, post, { consultSettingId: eastfield.id });
    expect(ok.response.statusCode).toBe(303);
    expect((await caseworker.post(post, ok.body)).statusCode).toBe(303);
    const again = await submitForm(caseworker, page, post, { consultSettingId: northgate.id });
    expect(again.response.statusCode).toBe(400);
    expect(again.response.body).toContain('Northgate Primary has already been consulted');
    const rows = await consultations();
    expect(rows.map((r) => [r.consultee, r.authority_name])).toEqual([
      ['setting', null],
      ['setting', null],
      ['maintaining-authority', 'Otherborough Council'],
    ]);
  });

  it('a school sees only the consultations addressed to it; families and other schools get 404, audited', async () => {
    const home = await northgateSenco.get(paths.home);
    expect(home.body).toContain('Consultations waiting for your answer');
    expect(home.body).toContain('Rowan Tester');
    const list = await northgateSenco.get(paths.consultation.list);
    expect(list.body).toContain(paths.consultation.show(northgateConsultation));
    const other = await southsideSenco.get(paths.consultation.list);
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain('Rowan');
    expect(other.body).toContain('No council has consulted Southside Academy yet');
    const eastList = await eastfieldSenco.get(paths.consultation.list);
    expect(eastList.body).toContain('Rowan Tester');
    expect(eastList.body).not.toContain(paths.consultation.show(northgateConsultation));
    for (const client of [southsideSenco, eastfieldSenco]) {
      expect((await client.get(paths.consultation.show(northgateConsultation))).statusCode).toBe(404);
      expect((await client.get(paths.consultation.draft(northgateConsultation))).statusCode).toBe(404);
    }
    // A family never answers consultations: a role refusal (403, audited), whatever the consultation.
    expect((await parent.get(paths.consultation.show(northgateConsultation))).statusCode).toBe(403);
    expect((await parent.get(paths.consultation.draft(northgateConsultation))).statusCode).toBe(403);
    // The same for a consultation that does not exist: the answer tells the family nothing (docs/consultation.md).
    const none = '00000000-0000-4000-8000-00000000c0de';
    expect((await parent.get(paths.consultation.show(none))).statusCode).toBe(403);
    expect((await southsideSenco.get(paths.consultation.show(none))).statusCode).toBe(404);
    const authority = (await consultations()).find((c) => c.consultee === 'maintaining-authority')!;
    expect((await eastfieldSenco.get(paths.consultation.show(authority.id))).statusCode).toBe(404);
    expect((await parent.get(paths.consultation.list)).statusCode).toBe(403);
    expect((await caseworker.get(paths.consultation.list)).statusCode).toBe(403);
    expect((await northgateSenco.get(paths.consultation.case(caseId))).statusCode).toBe(403);
    expect((await parent.get(paths.consultation.case(caseId))).statusCode).toBe(403);
    expect((await leader.get(paths.consultation.case(caseId))).statusCode).toBe(200);
    const denied = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['consultation.read.denied', 'page.denied'])
      .execute();
    // Record refusals (404) as consultation.read.denied, the parent's role refusals (403) as page.denied.
    expect(denied.length).toBeGreaterThanOrEqual(6);
  });

  it('the school answers: a ground needs reasons, the answer is kept once, and the caseworker sees it', async () => {
    const url = paths.consultation.show(northgateConsultation);
    const page = await northgateSenco.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Can Northgate Primary meet this child’s needs?');
    expect(page.body).toContain('5 May 2026');
    expect(page.body).not.toContain(paths.consultation.draft(northgateConsultation)); // no draft plan in Goldthread here
    const bad = await submitForm(northgateSenco, url, url, {
      answer: 'cannot-meet',
      reasons: 'Full classes',
    });
    expect(bad.response.statusCode).toBe(400);
    expect(bad.response.body).toContain('Select the legal ground');
    expect(bad.response.body).toContain('Full classes');
    const ok = await submitForm(northgateSenco, url, url, { answer: 'can-meet' });
    expect(ok.response.statusCode).toBe(303);
    expect((await northgateSenco.post(url, ok.body)).statusCode).toBe(303); // the same form twice
    const later = await northgateSenco.get(url);
    expect(later.body).toContain('Can meet the needs');
    expect(later.body).not.toContain('Send your answer');
    const second = await northgateSenco.post(url, {
      ...ok.body,
      formToken: randomUUID(),
      answer: 'cannot-meet',
      ground: 'resources',
      reasons: 'Changed our mind',
    });
    expect(second.statusCode).toBe(400);
    expect(second.body).toContain('already been answered');
    const row = (await consultations()).find((c) => c.id === northgateConsultation)!;
    expect(row).toMatchObject({ answer: 'can-meet', answered_by: northgate.senco.id, ground: null });
    const summary = await caseworker.get(paths.consultation.case(caseId));
    expect(summary.body).toContain('Can meet the needs');
    expect(summary.body).toMatch(/Eastfield School[\s\S]*Waiting/);
    expect(await countRows(t.database.db, 'audit_log')).toBeGreaterThan(0);
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', northgateConsultation)
      .where('action', '=', 'consultation.answer')
      .execute();
    expect(audited).toHaveLength(1);
  });

  it('the caseworker records the other authority’s answer but never the school’s', async () => {
    const rows = await consultations();
    const authority = rows.find((c) => c.consultee === 'maintaining-authority')!;
    const school = rows.find((c) => c.consultee === 'setting' && c.setting_id === eastfield.id)!;
    const page = await caseworker.get(paths.consultation.show(school.id));
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Send your answer');
    const forbidden = await caseworker.post(paths.consultation.show(school.id), {
      _csrf: TestClient.csrfFrom(page.body),
      formToken: randomUUID(),
      answer: 'can-meet',
    });
    expect(forbidden.statusCode).toBe(403);
    const ok = await submitForm(
      caseworker,
      paths.consultation.show(authority.id),
      paths.consultation.show(authority.id),
      {
        answer: 'cannot-meet',
        ground: 'resources',
        reasons: 'The placement would cost twice the local special school.',
      },
    );
    expect(ok.response.statusCode).toBe(303);
    expect((await consultations()).find((c) => c.id === authority.id)).toMatchObject({
      answer: 'cannot-meet',
      ground: 'resources',
    });
  });

  it('S3 acceptance: a final plan naming a different school without a recorded ground is refused', async () => {
    const db = t.database.db;
    const named = (s: { id: string }, name: string) => ({
      kind: 'setting' as const,
      settingId: s.id,
      settingName: name,
    });
    expect(
      (await finalPlacementProblems(db, la, caseId, named(eastfield, 'Eastfield School'))).map((p) => p.rule),
    ).toEqual(['preference-refused-without-ground', 'preference-refused-without-ground']);
    expect(
      (await finalPlacementProblems(db, la, caseId, named(southside, 'Southside Academy'))).map(
        (p) => p.rule,
      ),
    ).toEqual(['not-consulted', 'preference-refused-without-ground', 'preference-refused-without-ground']);
    // The case page records a final plan without section I: refused while the family has asked for something.
    const caseFinal = await caseworker.submitWithFormToken(paths.assessments.action(caseId, 'final'), {
      'date-day': '1',
      'date-month': '12',
      'date-year': '2026',
    });
    expect(caseFinal.statusCode).toBe(400);
    expect(caseFinal.body).toContain('govuk-error-summary');
    expect(caseFinal.body).toContain('with section I naming the setting');
    // Record the ground for each preference: the reasons are required.
    const preferences = await db
      .selectFrom('placement_preference')
      .selectAll()
      .where('case_id', '=', caseId)
      .execute();
    for (const p of preferences) {
      const url = paths.consultation.refuse(caseId, p.id);
      const bad = await submitForm(caseworker, url, url, { ground: 'resources', reasons: '' });
      expect(bad.response.statusCode).toBe(400);
      expect(bad.response.body).toContain('Give your reasons');
      const ok = await submitForm(caseworker, url, url, {
        ground: p.kind === 'setting' ? 'resources' : 'unsuitable',
        reasons: 'Eastfield School can meet the needs at a lower cost; the family was told why.',
      });
      expect(ok.response.statusCode).toBe(303);
    }
    expect(await finalPlacementProblems(db, la, caseId, named(eastfield, 'Eastfield School'))).toEqual([]);
    expect(await finalPlacementProblems(db, la, caseId, named(southside, 'Southside Academy'))).toHaveLength(
      1,
    );
    const page = await caseworker.get(paths.consultation.case(caseId));
    expect(page.body).toContain(
      'Attending the school would be incompatible with the efficient use of resources',
    );
    // The family is told who was consulted, each answer's outcome, and the ground and reasons.
    const family = await parent.get(paths.assessments.family(caseId));
    expect(family.body).toContain('Northgate Primary answered on');
    expect(family.body).toContain('they can meet your child');
    expect(family.body).toContain('We asked Eastfield School on your behalf');
    expect(family.body).toContain('The council has decided not to name it');
    expect(family.body).toContain('Eastfield School can meet the needs at a lower cost');
  });

  it('the family asks for a school in the online request: kept as a structured preference on the new case', async () => {
    const step = (s: string) => `/request-assessment/${s}`;
    const start = await parent2.get(step('child'));
    const childValue = /name="childId" type="radio" value="([0-9a-f-]{36})"/.exec(start.body)![1]!;
    await parent2.submit(step('child'), { childId: childValue, detailsCorrect: 'yes' });
    await parent2.submit(step('why'), { why: 'Finding school very hard' });
    await parent2.submit(step('support'), { support: 'None' });
    const involved = await parent2.submit(step('involved'), { involved: ['school'] });
    expect(involved.headers.location).toBe(step('school'));
    const page = await parent2.get(step('school'));
    expect(page.body).toContain('Which school or college would you like?');
    const missing = await parent2.submit(step('school'), { schoolKind: 'setting', schoolSettingId: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Choose the school, college or nursery from the list');
    expect(missing.body).toMatch(/value="setting" checked/);
    const unknown = await parent2.submit(step('school'), {
      schoolKind: 'setting',
      schoolSettingId: randomUUID(),
    });
    expect(unknown.statusCode).toBe(400);
    const ok = await parent2.submit(step('school'), { schoolKind: 'setting', schoolSettingId: northgate.id });
    expect(ok.headers.location).toBe(step('consent'));
    await parent2.submit(step('consent'), { consent: 'yes' });
    const check = await parent2.get(step('check'));
    expect(check.body).toContain('School or college you would like');
    expect(check.body).toContain('Northgate Primary');
    const draft = /name="draft" value="([^"]+)"/.exec(check.body)![1]!;
    const sent = await parent2.post(step('check'), { draft, _csrf: TestClient.csrfFrom(check.body) });
    expect(sent.statusCode).toBe(303);
    const newCase = /sent\/([0-9a-f-]{36})/.exec(sent.headers.location as string)![1]!;
    const preferences = await t.database.db
      .selectFrom('placement_preference')
      .selectAll()
      .where('case_id', '=', newCase)
      .execute();
    expect(preferences).toEqual([
      expect.objectContaining({ kind: 'setting', setting_id: northgate.id, source: 'request' }),
    ]);
    const family = await parent2.get(paths.assessments.family(newCase));
    expect(family.body).toContain('You asked for Northgate Primary');
    const staff = await caseworker.get(paths.consultation.case(newCase));
    expect(staff.body).toContain('(in the request)');
    expect(
      await t.database.db.selectFrom('consultation').select('id').where('case_id', '=', newCase).execute(),
    ).toEqual([]);
  });

  it('only staff record preferences, consult and refuse', async () => {
    for (const client of [leader, northgateSenco, parent]) {
      const res = await client.post(paths.consultation.consult(caseId), {
        _csrf: TestClient.csrfFrom((await client.get(paths.home)).body),
        consultSettingId: southside.id,
        formToken: randomUUID(),
      });
      expect([403, 404]).toContain(res.statusCode);
    }
    expect((await consultations()).some((c) => c.setting_id === southside.id)).toBe(false);
  });
});
