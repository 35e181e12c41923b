/**
 * Issue 18, on both engines: the caseworker's case page shows who else is involved (the family's own answer with its
 * details, the child's school now, the professionals asked, the family) and how the family wants to be contacted; the
 * advice request offers school staff only at the child's own school (not every SENCO in the authority), and refuses
 * another school's SENCO sent by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import {
  createAuthority,
  createChild,
  createSenco,
  createSetting,
  createTeam,
  createUser,
  grant,
  TEST_PASSWORD,
} from '../../../test/helpers/factories.ts';
import { dateInputValues } from '../../platform/web/forms.ts';
import { todayInLondon } from '../../platform/web/views.ts';

const today = todayInLondon();

describe.each(ENGINES)('case page contacts and the advisers offered on %s', (engine) => {
  let t: TestApp;
  const la = '903';
  const ids: Record<string, string> = {};
  const emails: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    await createAuthority(db, la);
    const { teamId } = await createTeam(db, la);
    const manager = await createUser(db, la, 'team-manager', { teamId });
    const cw = await createUser(db, la, 'caseworker', { teamId });
    const parent = await createUser(db, la, 'parent');
    const child = await createChild(db, la, { givenName: 'Robin', familyName: 'Example' });
    await db
      .updateTable('child')
      .set({ plan_status: 'none', plan_first_issued: null })
      .where('la_code', '=', la)
      .execute();
    await grant(db, la, parent.id, child.id, 'parent');
    const own = await createSetting(db, la, 'Brook Primary School', 'school', { first: 0, last: 6 });
    const earlier = await createSetting(db, la, 'Acorn Nursery', 'early-years', { first: -2, last: 0 });
    await createSetting(db, la, 'Far Hill Academy', 'school', { first: 0, last: 6 });
    await db
      .insertInto('child_setting')
      .values([
        {
          la_code: la,
          child_id: child.id,
          setting_id: own,
          start_date: '2021-09-01',
          end_date: null,
          attendance: 'full-time',
        },
        {
          la_code: la,
          child_id: child.id,
          setting_id: earlier,
          start_date: '2019-09-01',
          end_date: '2021-07-20',
          attendance: 'part-time',
        },
      ])
      .execute();
    await db
      .insertInto('family_member')
      .values([
        {
          la_code: la,
          child_id: child.id,
          given_name: 'Pat',
          family_name: 'Example',
          relationship: 'Mother',
          parental_responsibility: true,
          email: 'pat@family.example',
          phone: '07700 900123',
          contact_preference: 'text',
          preferred_language: 'Polish',
          needs_interpreter: true,
        },
        {
          la_code: la,
          child_id: child.id,
          given_name: 'Lee',
          family_name: 'Example',
          relationship: 'Grandparent',
          parental_responsibility: false,
          address_line: '4 Mill Lane',
          town: 'Northtown',
          postcode: 'NT1 2AB',
          contact_preference: 'letter',
        },
      ])
      .execute();
    const ownSenco = await createSenco(db, la, 'Brook Primary School');
    const otherSenco = await createSenco(db, la, 'Far Hill Academy');
    const epOrg = await db
      .insertInto('organisation')
      .values({ la_code: la, name: 'EP service', kind: 'educational-psychology' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const epTeam = await db
      .insertInto('team')
      .values({ la_code: la, organisation_id: epOrg.id, name: 'Educational psychology' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ep = await createUser(db, la, 'professional', { teamId: epTeam.id, displayName: 'Dr Ellis' });
    Object.assign(ids, {
      cw: cw.id,
      child: child.id,
      ownSenco: ownSenco.id,
      otherSenco: otherSenco.id,
      ep: ep.id,
    });
    Object.assign(emails, { manager: manager.email, cw: cw.email, parent: parent.email });
  }, 120_000);
  afterAll(async () => t?.close());

  it('shows who else is involved and the contact preferences, and offers only the own school’s SENCO', async () => {
    const parent = new TestClient(t.app);
    await parent.signIn(emails.parent!, TEST_PASSWORD);
    await parent.submit('/request-assessment/child', { childId: ids.child!, detailsCorrect: 'yes' });
    await parent.submit('/request-assessment/why', { why: 'Reading is hard' });
    await parent.submit('/request-assessment/support', { support: 'A reading group' });
    await parent.submit('/request-assessment/involved', {
      involved: ['school', 'other'],
      involvedDetail: 'Mrs Rowe, class teacher, 01632 960000 <b>bold</b>',
    });
    await parent.submit('/request-assessment/school', { schoolKind: 'undecided' });
    await parent.submit('/request-assessment/consent', { consent: 'yes' });
    const check = await parent.get('/request-assessment/check');
    const sent = await parent.post('/request-assessment/check', {
      draft: /name="draft" value="([^"]+)"/.exec(check.body)![1]!,
      _csrf: TestClient.csrfFrom(check.body),
    });
    const caseId = /([0-9a-f-]{36})/.exec(sent.headers.location as string)![1]!;

    const manager = new TestClient(t.app);
    await manager.signIn(emails.manager!, TEST_PASSWORD);
    expect((await manager.submit(`/assessments/${caseId}/allocate`, { officer: ids.cw! })).statusCode).toBe(
      303,
    );
    const cw = new TestClient(t.app);
    await cw.signIn(emails.cw!, TEST_PASSWORD);
    const decided = await cw.submit(`/assessments/${caseId}/decision`, {
      outcome: 'assess',
      reasons: 'Needs are complex',
      ...dateInputValues('date', today),
    });
    expect(decided.statusCode).toBe(303);

    // The advice request: the EP and the own school's SENCO are offered, another school's SENCO is not.
    const form = await cw.get(`/assessments/${caseId}/advice`);
    expect(form.body).toContain(`value="${ids.ownSenco}"`);
    expect(form.body).toContain(`value="${ids.ep}"`);
    expect(form.body).not.toContain(`value="${ids.otherSenco}"`);
    const ask = (professional: string) => ({
      agencies: ['setting'],
      'professional-setting': professional,
      ...dateInputValues('date', today),
      token: /name="token" value="([^"]+)"/.exec(form.body)![1]!,
      _csrf: TestClient.csrfFrom(form.body),
    });
    const refused = await cw.post(`/assessments/${caseId}/advice`, ask(ids.otherSenco!));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Select a professional from the list');
    expect(refused.body).toContain('There is a problem');
    const asked = await cw.post(`/assessments/${caseId}/advice`, ask(ids.ownSenco!));
    expect(asked.statusCode).toBe(303);

    const page = await cw.get(`/assessments/${caseId}`);
    expect(page.statusCode).toBe(200);
    const body = page.body;
    expect(body).toContain('Who else is involved');
    expect(body).toContain('School, college or nursery, Someone else');
    expect(body).toContain('Mrs Rowe, class teacher, 01632 960000 &lt;b&gt;bold&lt;/b&gt;');
    expect(body).toContain('Brook Primary School (full time, since 1 September 2021)');
    expect(body).not.toContain('Acorn Nursery'); // left in 2021
    expect(body).toContain('SENCO of Brook Primary School, The school, college or nursery');
    expect(body).toContain('How the family wants to be contacted');
    expect(body).toContain('Pat Example, Mother (parental responsibility)');
    expect(body).toContain('Text message: 07700 900123');
    expect(body).toContain('Also: email pat@family.example');
    expect(body).toContain('Language: Polish, needs an interpreter');
    expect(body).toContain('Lee Example, Grandparent');
    expect(body).toContain('Letter: 4 Mill Lane, Northtown, NT1 2AB');
  });
});
