/**
 * Children not in full-time education against the database, on both engines: recording, changing and closing
 * episodes and attendance (one transaction with its audit entry and the child's history; bad input answers the
 * GOV.UK error summary with the input kept and stores nothing); an open qualifying episode for a child with a plan
 * raises the review (reg 29(2)) the same day and the s19 duty, and tells the family; the list counts by school and
 * need, opens the children behind each number, is audited, and is refused to everyone but casework staff; the hook
 * the review backlog uses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import {
  createAuthority,
  createChild,
  createUser,
  grant,
  TEST_PASSWORD,
} from '../../../test/helpers/factories.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { dateInputValues } from '../../platform/web/forms.ts';
import { notInFullTimeEducation } from './index.ts';

const TODAY = '2026-03-02'; // a Monday

const dateFields = dateInputValues;

async function signedIn(t: TestApp, la: string, role: Role) {
  const user = await createUser(t.database.db, la, role);
  const client = new TestClient(t.app);
  await client.signIn(user.email, TEST_PASSWORD);
  return { user, client };
}

/** GETs the form, then POSTs the fields with its CSRF and one-use form tokens. */
async function submitForm(client: TestClient, url: string, fields: Record<string, string>) {
  const page = await client.get(url);
  const formToken = /name="formToken" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  return client.post(url, { ...fields, formToken, _csrf: TestClient.csrfFrom(page.body) });
}

describe.each(ENGINES)('children not in full-time education on %s', (engine) => {
  let t: TestApp;
  let la: string;
  let caseworker: TestClient;
  let child: string;
  let noPlan: string;
  let schoolA: string;
  let parentEmail: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    la = await createAuthority(t.database.db, '901');
    await createAuthority(t.database.db, '902');
    const db = t.database.db;
    const settings = await db
      .insertInto('setting')
      .values([
        {
          la_code: la,
          name: 'Alder Primary',
          urn: '900001',
          kind: 'school',
          type: 'Community school',
          phase: 'Primary',
          first_year_group: 0,
          last_year_group: 6,
          in_area: true,
        },
        {
          la_code: la,
          name: 'Birch Academy',
          urn: '900002',
          kind: 'school',
          type: 'Academy',
          phase: 'Secondary',
          first_year_group: 7,
          last_year_group: 11,
          in_area: false,
          location_authority: 'Northshire',
        },
      ])
      .returning(['id', 'name'])
      .execute();
    schoolA = settings.find((s) => s.name === 'Alder Primary')!.id;
    child = (
      await createChild(db, la, { givenName: 'Ava', familyName: 'Ashdown', dateOfBirth: '2016-04-12' })
    ).id;
    noPlan = (
      await createChild(db, la, { givenName: 'Noah', familyName: 'Noplan', dateOfBirth: '2015-01-20' })
    ).id;
    await db.updateTable('child').set({ plan_status: 'none' }).where('id', '=', noPlan).execute();
    await db
      .insertInto('child_setting')
      .values([
        {
          la_code: la,
          child_id: child,
          setting_id: schoolA,
          start_date: '2021-09-01',
          attendance: 'full-time',
        },
        {
          la_code: la,
          child_id: noPlan,
          setting_id: schoolA,
          start_date: '2020-09-01',
          attendance: 'full-time',
        },
      ])
      .execute();
    const parent = await createUser(db, la, 'parent');
    parentEmail = parent.email;
    await grant(db, la, parent.id, child, 'parent');
    caseworker = (await signedIn(t, la, 'caseworker')).client;
  });
  afterAll(() => t?.close());

  const education = () => `/children/${child}/education`;

  it('refuses an incomplete part-time timetable with every problem, keeps the input, stores nothing', async () => {
    const response = await submitForm(caseworker, `${education()}/new?kind=part-time-timetable`, {
      ...dateFields('start', '2026-02-30'),
      hoursAWeek: '40',
      reason: '',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('must be a real date');
    expect(response.body).toContain('href="#start"');
    expect(response.body).toContain('Hours a week must be 0 or more and fewer than 32.5');
    expect(response.body).toContain('Enter the date the timetable is agreed to end or be reviewed');
    expect(response.body).toContain('Enter why the child is on a part-time timetable');
    expect(response.body).toContain('value="40"');
    expect(response.body).toContain('value="30"');
    const n = await t.database.db
      .selectFrom('education_episode')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('refuses a permanent exclusion in the future (checked against today)', async () => {
    const future = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const response = await submitForm(
      caseworker,
      `${education()}/new?kind=permanent-exclusion`,
      dateFields('start', future),
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('The date of the exclusion must be today or in the past');
  });

  it('S4: a part-time timetable recorded raises the review (reg 29(2)) the same day, the s19 duty, the history, the audit and the family’s message', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const response = await submitForm(caseworker, `${education()}/new?kind=part-time-timetable`, {
      ...dateFields('start', TODAY),
      hoursAWeek: '12.5',
      reason: 'Anxiety after a move of school',
      ...dateFields('reviewDate', '2026-04-17'),
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${education()}?done=recorded`);
    const db = t.database.db;
    const episode = await db.selectFrom('education_episode').selectAll().executeTakeFirstOrThrow();
    expect(episode).toMatchObject({
      kind: 'part-time-timetable',
      start_date: TODAY,
      setting_id: schoolA,
      recorded_on: today,
    });
    expect(Number(episode.hours_a_week)).toBe(12.5);
    const duties = await db.selectFrom('education_duty').selectAll().orderBy('kind').execute();
    expect(duties.map((d) => [d.kind, d.regulation, d.raised_on])).toEqual([
      ['review', 'reg-29-2', today],
      ['s19', 's19', today],
    ]);
    expect(duties[1]!.due_date).toBe(TODAY);
    const events = await db.selectFrom('case_event').select('kind').where('child_id', '=', child).execute();
    expect(events.map((e) => e.kind).sort()).toEqual([
      'education.episode',
      'education.review-raised',
      'education.s19-raised',
    ]);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'record_id'])
      .where('action', '=', 'education.episode.create')
      .execute();
    expect(audit).toEqual([{ action: 'education.episode.create', record_id: episode.id }]);
    const message = await db
      .selectFrom('notification')
      .select(['recipient', 'template', 'body'])
      .where('child_id', '=', child)
      .executeTakeFirstOrThrow();
    expect(message).toMatchObject({ recipient: parentEmail, template: 'education-review-raised' });
    expect(message.body).toContain('is on a part-time timetable, so the council must review');
    expect(message.body).toContain('from 2 March 2026');

    const page = await caseworker.get(`${education()}?done=recorded`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Review the plan (reg 29(2))');
    expect(page.body).toContain('Arrange suitable full-time education (s19)');
    expect(page.body).toContain('12.5 hours a week');
    expect(page.body).toContain('In area');
  });

  it('a second submission of the same form records nothing more', async () => {
    const url = `${education()}/new?kind=suspension`;
    const page = await caseworker.get(url);
    const formToken = /name="formToken" value="([^"]+)"/.exec(page.body)![1]!;
    const fields = {
      ...dateFields('start', '2026-02-23'),
      days: '3',
      formToken,
      _csrf: TestClient.csrfFrom(page.body),
    };
    expect((await caseworker.post(url, fields)).statusCode).toBe(303);
    expect((await caseworker.post(url, fields)).statusCode).toBe(303);
    const rows = await t.database.db
      .selectFrom('education_episode')
      .select('id')
      .where('kind', '=', 'suspension')
      .execute();
    expect(rows).toHaveLength(1);
    // a suspension raises nothing
    expect(await t.database.db.selectFrom('education_duty').select('id').execute()).toHaveLength(2);
  });

  it('a permanent exclusion shows full-time provision from the sixth school day', async () => {
    const response = await submitForm(
      caseworker,
      `${education()}/new?kind=permanent-exclusion`,
      dateFields('start', TODAY),
    );
    expect(response.statusCode).toBe(303);
    const s19 = await t.database.db
      .selectFrom('education_duty as d')
      .innerJoin('education_episode as e', 'e.id', 'd.episode_id')
      .select('d.due_date')
      .where('e.kind', '=', 'permanent-exclusion')
      .where('d.kind', '=', 's19')
      .executeTakeFirstOrThrow();
    expect(s19.due_date).toBe('2026-03-09');
    const page = await caseworker.get(education());
    expect(page.body).toContain('From 9 March 2026');
    expect(page.body).toContain('working assumption, not yet checked');
  });

  it('no review for a child without a plan', async () => {
    const response = await submitForm(
      caseworker,
      `/children/${noPlan}/education/new?kind=missing-education`,
      {
        ...dateFields('start', TODAY),
        reason: 'Not attending since the family moved',
      },
    );
    expect(response.statusCode).toBe(303);
    const duties = await t.database.db
      .selectFrom('education_duty')
      .select('id')
      .where('child_id', '=', noPlan)
      .execute();
    expect(duties).toEqual([]);
  });

  it('changes and closes an episode, each audited and in the history; the s19 duty is done when it closes', async () => {
    const db = t.database.db;
    const ptt = await db
      .selectFrom('education_episode')
      .select('id')
      .where('kind', '=', 'part-time-timetable')
      .executeTakeFirstOrThrow();
    const edit = await caseworker.submit(`${education()}/${ptt.id}`, {
      ...dateFields('start', TODAY),
      hoursAWeek: '15',
      reason: 'Anxiety after a move of school',
      ...dateFields('reviewDate', '2026-04-24'),
    });
    expect(edit.statusCode).toBe(303);
    const changed = await db
      .selectFrom('education_episode')
      .selectAll()
      .where('id', '=', ptt.id)
      .executeTakeFirstOrThrow();
    expect(Number(changed.hours_a_week)).toBe(15);
    expect(changed.review_date).toBe('2026-04-24');

    const bad = await caseworker.submit(`${education()}/${ptt.id}/close`, dateFields('end', '2026-03-01'));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('The end date must be the same as or after the start date');
    expect(bad.body).toContain('value="2026"');

    const close = await caseworker.submit(`${education()}/${ptt.id}/close`, dateFields('end', '2026-03-20'));
    expect(close.statusCode).toBe(303);
    const closed = await db
      .selectFrom('education_episode')
      .select('end_date')
      .where('id', '=', ptt.id)
      .executeTakeFirstOrThrow();
    expect(closed.end_date).toBe('2026-03-20');
    const s19 = await db
      .selectFrom('education_duty')
      .select(['done_on', 'kind'])
      .where('episode_id', '=', ptt.id)
      .orderBy('kind')
      .execute();
    expect(s19[0]!.done_on).toBeNull(); // the review stays until held
    expect(s19[1]!.done_on).not.toBeNull();
    const actions = await db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', ptt.id)
      .execute();
    expect(actions.map((a) => a.action).sort()).toEqual([
      'education.episode.close',
      'education.episode.create',
      'education.episode.update',
    ]);
    // a closed episode cannot be closed again
    expect((await caseworker.get(`${education()}/${ptt.id}/close`)).statusCode).toBe(200);
    expect(
      (await caseworker.submit(`${education()}/${ptt.id}/close`, dateFields('end', '2026-03-21'))).statusCode,
    ).toBe(404);
  });

  it('records attendance for a term, replacing the same term; refuses bad input', async () => {
    const bad = await caseworker.submit(`${education()}/attendance`, {
      schoolYear: '25',
      term: '',
      percent: '120',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the year the school year began');
    expect(bad.body).toContain('Select the term');
    expect(bad.body).toContain('Enter attendance as a percentage from 0 to 100');
    expect(
      (
        await caseworker.submit(`${education()}/attendance`, {
          schoolYear: '2025',
          term: 'autumn',
          percent: '91',
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await caseworker.submit(`${education()}/attendance`, {
          schoolYear: '2025',
          term: 'autumn',
          percent: '87.5',
        })
      ).statusCode,
    ).toBe(303);
    const rows = await t.database.db.selectFrom('education_attendance').select('percent').execute();
    expect(rows.map((r) => Number(r.percent))).toEqual([87.5]);
    const page = await caseworker.get(education());
    expect(page.body).toContain('Autumn term 2025 to 2026');
    expect(page.body).toContain('87.5% (persistently absent)');
  });

  it('the child record shows the open episodes and duties to staff, not to the family (told by message)', async () => {
    const record = await caseworker.get(`/children/${child}`);
    expect(record.body).toContain('Not in full-time education:');
    expect(record.body).toContain('Permanent exclusion since 2 March 2026');
    expect(record.body).toContain('Review the plan (reg 29(2)) by');
    const parent = new TestClient(t.app);
    await parent.signIn(parentEmail, TEST_PASSWORD);
    const theirs = await parent.get(`/children/${child}`);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.body).not.toContain('Not in full-time education:');
  });

  it('the list counts by school and need, each number opening its children, paged and audited', async () => {
    const { client: leader, user } = await signedIn(t, la, 'send-leader');
    const page = await leader.get('/education');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('1 child or young person');
    expect(page.body).toContain('Alder Primary');
    expect(page.body).toContain('Autistic spectrum disorder');
    expect(page.body).toContain('Ava Ashdown');
    expect(page.body).not.toContain('Noah Noplan'); // no plan
    expect(page.body).toContain(`href="/education?school=${schoolA}"`);
    const bySchool = await leader.get(`/education?school=${schoolA}`);
    expect(bySchool.body).toContain('Ava Ashdown');
    const byOther = await leader.get('/education?school=none');
    expect(byOther.body).not.toContain('Ava Ashdown');
    const byNeed = await leader.get('/education?need=SEMH');
    expect(byNeed.body).not.toContain('Ava Ashdown');
    const entries = await t.database.db
      .selectFrom('audit_log')
      .select(['detail', 'record_id'])
      .where('action', '=', 'education.list.read')
      .where('user_id', '=', user.id)
      .execute();
    expect(entries).toHaveLength(2); // pages that showed no child are not recorded
    expect(JSON.stringify(entries[0]!.detail)).toContain(child);
  });

  it('the review backlog’s hook: which children are not in full-time education, and why', async () => {
    const map = await notInFullTimeEducation(t.database.db, la, [child, noPlan], '2026-03-05');
    expect(map.get(child)).toEqual(['permanent-exclusion', 'part-time-timetable']);
    expect(map.get(noPlan)).toEqual(['missing-education']);
    expect((await notInFullTimeEducation(t.database.db, la, [child], '2026-03-25')).get(child)).toEqual([
      'permanent-exclusion',
    ]);
    expect((await notInFullTimeEducation(t.database.db, '902', [child], '2026-03-05')).size).toBe(0);
  });

  const refused: Role[] = [
    'professional',
    'parent',
    'young-person',
    'local-offer-editor',
    'local-offer-provider',
    'administrator',
  ];
  it.each(refused)('a %s may not see the list, the child’s page or change anything', async (role) => {
    const { client, user } = await signedIn(t, la, role);
    if (role === 'parent' || role === 'professional')
      await grant(t.database.db, la, user.id, child, role === 'parent' ? 'parent' : 'adviser');
    expect((await client.get('/education')).statusCode).toBe(403);
    expect((await client.get(education())).statusCode).toBe(403);
    const home = await client.get('/');
    const post = await client.post(`${education()}/new?kind=missing-education`, {
      ...dateFields('start', TODAY),
      reason: 'Hijack',
      _csrf: TestClient.csrfFrom(home.body),
    });
    expect(post.statusCode).toBe(403);
    const hijack = await t.database.db
      .selectFrom('education_episode')
      .select('id')
      .where('reason', '=', 'Hijack')
      .execute();
    expect(hijack).toEqual([]);
  });

  it('a SEND leader sees but may not change', async () => {
    const { client } = await signedIn(t, la, 'send-leader');
    const page = await client.get(education());
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Record permanent exclusion');
    expect((await client.get(`${education()}/new?kind=suspension`)).statusCode).toBe(403);
  });

  it('another authority’s caseworker sees none of it: an empty list and 404 for the child', async () => {
    const { client } = await signedIn(t, '902', 'caseworker');
    const list = await client.get('/education');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('0 children and young people');
    expect(list.body).not.toContain('Ava Ashdown');
    expect((await client.get(education())).statusCode).toBe(404);
    expect((await client.get(`${education()}/new?kind=suspension`)).statusCode).toBe(404);
  });
});
