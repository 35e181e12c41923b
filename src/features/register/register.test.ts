/**
 * The register against the database, on both engines: staff recording (errors with the input kept, nothing stored;
 * a double submit stores one item; the child's history, the audit entry and, for provision not delivered, the s42
 * task for the child's caseworker with its date); moves with their dates checked; families raising online and
 * seeing only their own; the public form without an account (CSRF, one-use token, rate limit, input kept); the
 * counts and "You said, we did"; and every role's access, with 403s for those who must not see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { signedIn } from '../../../test/helpers/feature-test.ts';
import {
  createAuthority,
  createChild,
  createTeam,
  createUser,
  grant,
  TEST_PASSWORD,
} from '../../../test/helpers/factories.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { dateInputValues } from '../../platform/web/forms.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { addWorkingDays } from '../../domain/clock/index.ts';

/** GETs the form, then POSTs the fields with its CSRF and one-use form tokens (the same twice when `twice`). */
async function submitForm(
  client: TestClient,
  url: string,
  fields: Record<string, string | string[]>,
  twice = false,
) {
  const page = await client.get(url);
  const formToken = /name="formToken" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const body = { ...fields, formToken, _csrf: TestClient.csrfFrom(page.body) };
  const first = await client.post(url, body);
  return twice ? [first, await client.post(url, body)] : [first];
}

const count = async (t: TestApp, table: 'register_item' | 'register_task' | 'register_you_said') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe.each(ENGINES)('the register of what families raise on %s', (engine) => {
  let t: TestApp;
  let la: string;
  let child: string;
  let otherChild: string;
  let childRef: string;
  const clients = {} as Record<Role, TestClient>;
  let caseworkerId: string;
  let parentId: string;
  let team: string;
  const today = todayInLondon();
  const lastWorkingDay = (() => {
    // a working day a week or so back, so every date is in the past
    let d = new Date(Date.parse(`${today}T12:00:00Z`) - 8 * 86_400_000).toISOString().slice(0, 10);
    while (
      addWorkingDays(new Date(Date.parse(`${d}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10), 1) !== d
    )
      d = new Date(Date.parse(`${d}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    return d;
  })();

  beforeAll(async () => {
    t = await createTestApp(engine, { GOLDTHREAD_LOCAL_OFFER_LA: '901' });
    la = await createAuthority(t.database.db, '901');
    const db = t.database.db;
    team = (await createTeam(db, la, { name: 'Primary team' })).teamId;
    for (const role of [
      'caseworker',
      'team-manager',
      'send-leader',
      'professional',
      'parent',
      'young-person',
      'local-offer-editor',
      'local-offer-provider',
      'administrator',
    ] as const) {
      const s = await signedIn(t, la, role, role === 'caseworker' ? team : undefined);
      clients[role] = s.client;
      if (role === 'caseworker') caseworkerId = s.user.id;
      if (role === 'parent') parentId = s.user.id;
    }
    const c = await createChild(db, la, {
      givenName: 'Ava',
      familyName: 'Ashdown',
      leadOfficerId: caseworkerId,
    });
    child = c.id;
    await db
      .updateTable('child')
      .set({ ethnicity: 'WBRI', first_language: 'ENG' })
      .where('id', '=', child)
      .execute();
    childRef = (
      await db.selectFrom('child').select('reference').where('id', '=', child).executeTakeFirstOrThrow()
    ).reference;
    otherChild = (await createChild(db, la, { givenName: 'Ben', familyName: 'Other' })).id;
    await grant(db, la, parentId, child, 'parent');
  });
  afterAll(() => t?.close());

  const staffFields = (over: Record<string, string | string[]> = {}) => ({
    kind: 'provision-not-delivered',
    channel: 'phone',
    ...dateInputValues('receivedOn', lastWorkingDay),
    raiserName: 'A parent',
    raiserContact: '07700 900000',
    childReference: childRef,
    summary: 'Speech and language therapy has not happened for three weeks.',
    provision: 'Speech and language therapy weekly',
    themes: ['provision-not-delivered', 'communication'],
    ...over,
  });

  it('refuses an incomplete record with every problem, keeps what was typed, stores nothing', async () => {
    const [r] = await submitForm(clients.caseworker, '/register/new', {
      kind: 'provision-not-delivered',
      channel: 'phone',
      ...dateInputValues('receivedOn', '2026-02-30'),
      raiserName: '',
      summary: 'Typed and kept',
      childReference: '',
    });
    expect(r!.statusCode).toBe(400);
    expect(r!.body).toContain('There is a problem');
    expect(r!.body).toContain('must be a real date');
    expect(r!.body).toContain('Enter the name of the person who raised it');
    expect(r!.body).toContain('Enter the reference of the child whose provision is not being made');
    expect(r!.body).toContain('Enter which provision in section F is not being made');
    expect(r!.body).toContain('Select at least one theme');
    expect(r!.body).toContain('Typed and kept');
    expect(await count(t, 'register_item')).toBe(0);
  });

  it('refuses an unknown child reference and a future date, keeping the input', async () => {
    const [r] = await submitForm(
      clients.caseworker,
      '/register/new',
      staffFields({ childReference: 'GT-NOPE' }),
    );
    expect(r!.statusCode).toBe(400);
    expect(r!.body).toContain('Enter the reference of a child known to the service');
    expect(r!.body).toContain('value="GT-NOPE"');
    expect(r!.body).toMatch(/value="provision-not-delivered" checked/);
    const [f] = await submitForm(
      clients.caseworker,
      '/register/new',
      staffFields({ ...dateInputValues('receivedOn', addWorkingDays(today, 3)) }),
    );
    expect(f!.statusCode).toBe(400);
    expect(f!.body).toContain('The date received must be today or in the past');
    expect(await count(t, 'register_item')).toBe(0);
  });

  it('records provision not delivered once (double submit), with the s42 task, the history and the audit entry', async () => {
    const [first, second] = await submitForm(clients.caseworker, '/register/new', staffFields(), true);
    expect(first!.statusCode).toBe(303);
    expect(second!.statusCode).toBe(303);
    expect(second!.headers.location).toBe(first!.headers.location);
    expect(await count(t, 'register_item')).toBe(1);
    const db = t.database.db;
    const item = await db.selectFrom('register_item').selectAll().executeTakeFirstOrThrow();
    expect(item).toMatchObject({
      kind: 'provision-not-delivered',
      channel: 'phone',
      child_id: child,
      owner_id: caseworkerId,
      team_id: team,
      ethnicity: 'WBRI',
      first_language: 'ENG',
      received_on: lastWorkingDay,
      reference: 'FR-00001',
    });
    const task = await db.selectFrom('register_task').selectAll().executeTakeFirstOrThrow();
    expect(task).toMatchObject({ child_id: child, assigned_to: caseworkerId, raised_on: lastWorkingDay });
    expect(task.due_date).toBe(addWorkingDays(lastWorkingDay, 5));
    const events = await db.selectFrom('case_event').select('kind').where('child_id', '=', child).execute();
    expect(events.map((e) => e.kind).sort()).toEqual(['register.item', 'register.s42-task']);
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'register.%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['register.item.create', 'register.task.raise']);
    const page = await clients.caseworker.get(String(first!.headers.location));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('section 42');
    expect(page.body).toContain('Speech and language therapy has not happened');
  });

  it('walks the item: acknowledged, answered (outcome required), stage 2, with dates checked', async () => {
    const db = t.database.db;
    const item = await db.selectFrom('register_item').select('id').executeTakeFirstOrThrow();
    const url = (a: string) => `/register/${item.id}/${a}`;
    const [early] = await submitForm(
      clients.caseworker,
      url('acknowledge'),
      dateInputValues('on', '2020-01-01'),
    );
    expect(early!.statusCode).toBe(400);
    expect(early!.body).toContain('The date must be on or after');
    const [ack] = await submitForm(
      clients.caseworker,
      url('acknowledge'),
      dateInputValues('on', lastWorkingDay),
    );
    expect(ack!.statusCode).toBe(303);
    const [noOutcome] = await submitForm(clients.caseworker, url('answer'), {
      ...dateInputValues('on', today),
      text: 'We spoke to the school and the therapist starts again next week.',
    });
    expect(noOutcome!.statusCode).toBe(400);
    expect(noOutcome!.body).toContain('Select the outcome');
    expect(noOutcome!.body).toContain('the therapist starts again');
    const [answered] = await submitForm(clients.caseworker, url('answer'), {
      ...dateInputValues('on', today),
      outcome: 'upheld',
      text: 'We spoke to the school and the therapist starts again next week.',
    });
    expect(answered!.statusCode).toBe(303);
    const notAllowed = await clients.caseworker.get(url('answer-stage-2'));
    expect(notAllowed.statusCode).toBe(200);
    const [refused] = await submitForm(clients.caseworker, url('answer-stage-2'), {
      ...dateInputValues('on', today),
      text: 'x',
      outcome: 'upheld',
    });
    expect(refused!.statusCode).toBe(400);
    expect(refused!.body).toContain('That cannot be done to this item now');
    const row = await db.selectFrom('register_item').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ acknowledged_on: lastWorkingDay, answered_on: today, outcome: 'upheld' });
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['register.item.acknowledge', 'register.item.answer'])
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('marks the s42 task done with a note (required), in the history', async () => {
    const db = t.database.db;
    const item = await db.selectFrom('register_item').select('id').executeTakeFirstOrThrow();
    const page = await clients.caseworker.get(`/register/${item.id}`);
    const csrf = TestClient.csrfFrom(page.body);
    const empty = await clients.caseworker.post(`/register/${item.id}/task-done`, { note: '', _csrf: csrf });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter what was done to put the provision right');
    const ok = await clients.caseworker.post(`/register/${item.id}/task-done`, {
      note: 'Agency therapist booked from Monday',
      _csrf: csrf,
    });
    expect(ok.statusCode).toBe(303);
    const task = await db.selectFrom('register_task').selectAll().executeTakeFirstOrThrow();
    expect(task.done_on).toBe(today);
  });

  it('a family raises an item on their phone: once on a double submit, linked to their child; errors keep the input', async () => {
    const [bad] = await submitForm(clients.parent, '/your-say/new', {
      kind: 'provision-not-delivered',
      summary: 'Kept text',
    });
    expect(bad!.statusCode).toBe(400);
    expect(bad!.body).toContain('Select the child whose support is not being given');
    expect(bad!.body).toContain('Kept text');
    const [notMine] = await submitForm(clients.parent, '/your-say/new', {
      kind: 'complaint',
      childId: otherChild,
      summary: 'About someone else',
    });
    expect(notMine!.statusCode).toBe(400);
    expect(notMine!.body).toContain('Select a child from the list');
    const before = await count(t, 'register_item');
    const [first, second] = await submitForm(
      clients.parent,
      '/your-say/new',
      { kind: 'complaint', childId: child, summary: 'Nobody replied to my emails.', themes: 'communication' },
      true,
    );
    expect(first!.statusCode).toBe(303);
    expect(second!.headers.location).toBe(first!.headers.location);
    expect(await count(t, 'register_item')).toBe(before + 1);
    const page = await clients.parent.get(String(first!.headers.location));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('We have your message');
    expect(page.body).toContain('We will reply by');
    expect(page.body).toContain('Local Government and Social Care Ombudsman');
    const list = await clients.parent.get('/your-say');
    expect(list.body).toContain('FR-00001'); // the item staff recorded about their child
    expect(list.body).toContain('FR-00002');
  });

  it('families see only their own items: another family and a young person get 404', async () => {
    const db = t.database.db;
    const stranger = await createUser(db, la, 'parent');
    const client = new TestClient(t.app);
    await client.signIn(stranger.email, TEST_PASSWORD);
    const item = await db
      .selectFrom('register_item')
      .select('id')
      .where('reference', '=', 'FR-00002')
      .executeTakeFirstOrThrow();
    expect((await client.get(`/your-say/${item.id}`)).statusCode).toBe(404);
    expect((await clients['young-person'].get(`/your-say/${item.id}`)).statusCode).toBe(404);
    expect((await client.get('/your-say')).body).not.toContain('FR-0000');
    const denied = await db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'register.item.read.denied')
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(2);
  });

  it('the family who raised it is emailed the acknowledgement and the answer, and sees both on their page', async () => {
    const db = t.database.db;
    const item = await db
      .selectFrom('register_item')
      .selectAll()
      .where('reference', '=', 'FR-00002')
      .executeTakeFirstOrThrow();
    const parentEmail = (
      await db.selectFrom('app_user').select('email').where('id', '=', parentId).executeTakeFirstOrThrow()
    ).email;
    const messages = () =>
      db
        .selectFrom('notification')
        .select(['recipient', 'template', 'subject', 'body', 'user_id', 'child_id'])
        .where('template', 'like', 'register-%')
        .orderBy('created_at')
        .execute();
    const before = (await messages()).length;
    const [ack] = await submitForm(
      clients.caseworker,
      `/register/${item.id}/acknowledge`,
      dateInputValues('on', today),
    );
    expect(ack!.statusCode).toBe(303);
    const [acknowledged] = (await messages()).slice(before);
    expect(acknowledged).toMatchObject({
      recipient: parentEmail,
      template: 'register-acknowledged',
      user_id: parentId,
      child_id: child,
    });
    expect(acknowledged!.subject).toContain('FR-00002');
    // who handles it (the child's caseworker owns a family's item about the child), the reply date with its rule
    expect(acknowledged!.body).toMatch(/Who is handling it: (?!the SEND team)/);
    expect(acknowledged!.body).toContain(
      'Answer a complaint at stage 1 within 10 working days of receiving it',
    );
    expect(acknowledged!.body).toContain('local policy');
    expect(acknowledged!.body).toContain('Local Government and Social Care Ombudsman');
    expect(acknowledged!.body).toContain(`/your-say/${item.id}`);
    const [answered] = await submitForm(clients.caseworker, `/register/${item.id}/answer`, {
      ...dateInputValues('on', today),
      outcome: 'partly-upheld',
      text: 'We are sorry: your caseworker will now reply to emails within 2 working days.',
    });
    expect(answered!.statusCode).toBe(303);
    const [answer] = (await messages()).slice(before + 1);
    expect(answer).toMatchObject({ recipient: parentEmail, template: 'register-answered' });
    expect(answer!.body).toContain('at stage 1');
    expect(answer!.body).toContain('reply to emails within 2 working days');
    expect(answer!.body).toContain('ask for your complaint to go to stage 2');
    expect(answer!.body).toContain('0300 061 0614');
    const audit = await db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'register.item.answer')
      .where('record_id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ emailed: true });
    const page = await clients.parent.get(`/your-say/${item.id}`);
    expect(page.body).toContain('Our answer');
    expect(page.body).toContain('reply to emails within 2 working days');
    expect(page.body).toContain('stage 2');
    // Someone who gave a phone number is not emailed: staff recorded FR-00001 from a call
    const phoned = await db
      .selectFrom('register_item')
      .select(['id', 'raiser_contact'])
      .where('reference', '=', 'FR-00001')
      .executeTakeFirstOrThrow();
    expect(phoned.raiser_contact).toBe('07700 900000');
    expect((await messages()).filter((m) => m.recipient === '07700 900000')).toEqual([]);
  });

  it('the public form without an account: CSRF, errors kept, one item on a double submit, then the rate limit', async () => {
    const anon = new TestClient(t.app);
    const noCsrf = await anon.post('/send-service/tell-us', {
      kind: 'concern',
      raiserName: 'X',
      summary: 'Y',
    });
    expect(noCsrf.statusCode).toBe(403);
    const [bad] = await submitForm(anon, '/send-service/tell-us', {
      kind: 'concern',
      summary: 'My typed words',
    });
    expect(bad!.statusCode).toBe(400);
    expect(bad!.body).toContain('Enter your name');
    expect(bad!.body).toContain('Enter an email address or phone number so we can reply');
    expect(bad!.body).toContain('My typed words');
    const before = await count(t, 'register_item');
    const fields = {
      kind: 'concern',
      raiserName: 'A parent',
      raiserContact: 'a@example.com',
      summary: 'Buses late',
    };
    const [first, second] = await submitForm(anon, '/send-service/tell-us', fields, true);
    expect(first!.statusCode).toBe(303);
    expect(second!.headers.location).toBe(first!.headers.location);
    expect(String(first!.headers.location)).toMatch(/\/send-service\/tell-us\/sent\?reference=FR-\d{5}/);
    expect(await count(t, 'register_item')).toBe(before + 1);
    const row = await t.database.db
      .selectFrom('register_item')
      .selectAll()
      .where('channel', '=', 'online-public')
      .executeTakeFirstOrThrow();
    expect(row.child_id).toBeNull();
    expect(row.address_key).toMatch(/^[0-9a-f]{32}$/);
    const sent = await anon.get(String(first!.headers.location));
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('within 3 working days');
    for (let i = 0; i < 4; i++) await submitForm(anon, '/send-service/tell-us', fields);
    const [limited] = await submitForm(anon, '/send-service/tell-us', fields);
    expect(limited!.statusCode).toBe(429);
    expect(await count(t, 'register_item')).toBe(before + 5);
  });

  it('owner and themes; the policy (leaders and administrators) changes the dates', async () => {
    const db = t.database.db;
    const item = await db
      .selectFrom('register_item')
      .select('id')
      .where('reference', '=', 'FR-00002')
      .executeTakeFirstOrThrow();
    const page = await clients['team-manager'].get(`/register/${item.id}/owner-and-themes`);
    const bad = await clients['team-manager'].post(`/register/${item.id}/owner-and-themes`, {
      ownerId: '00000000-0000-4000-8000-000000000009',
      themes: ['delay'],
      _csrf: TestClient.csrfFrom(page.body),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Select an officer from the list');
    const ok = await clients['team-manager'].post(`/register/${item.id}/owner-and-themes`, {
      ownerId: caseworkerId,
      themes: ['delay', 'communication'],
      _csrf: TestClient.csrfFrom(page.body),
    });
    expect(ok.statusCode).toBe(303);
    const themes = await db
      .selectFrom('register_item_theme')
      .select('theme')
      .where('item_id', '=', item.id)
      .orderBy('theme')
      .execute();
    expect(themes.map((r) => r.theme)).toEqual(['communication', 'delay']);

    const policy = await clients.administrator.get('/register/policy');
    expect(policy.statusCode).toBe(200);
    const csrf = TestClient.csrfFrom(policy.body);
    const badPolicy = await clients.administrator.post('/register/policy', {
      acknowledgeDays: '0',
      concernDays: 'ten',
      stage1Days: '10',
      stage2Days: '20',
      provisionTaskDays: '5',
      _csrf: csrf,
    });
    expect(badPolicy.statusCode).toBe(400);
    expect(badPolicy.body).toContain('Enter a whole number of working days from 1 to 65');
    expect(badPolicy.body).toContain('value="ten"');
    const saved = await clients.administrator.post('/register/policy', {
      acknowledgeDays: '5',
      concernDays: '10',
      stage1Days: '15',
      stage2Days: '20',
      provisionTaskDays: '5',
      _csrf: csrf,
    });
    expect(saved.statusCode).toBe(303);
    const anon = new TestClient(t.app);
    expect((await anon.get('/send-service/tell-us/sent')).body).toContain('within 5 working days');
    expect(
      await db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'register.policy.update')
        .execute(),
    ).toHaveLength(1);
  });

  it('the leaders’ first screens show open items, overdue answers and the top themes, each opening its list', async () => {
    const db = t.database.db;
    // one item left unacknowledged for a fortnight: overdue
    const old = new Date(Date.parse(`${today}T12:00:00Z`) - 20 * 86_400_000).toISOString().slice(0, 10);
    const [late] = await submitForm(
      clients.caseworker,
      '/register/new',
      staffFields({
        kind: 'concern',
        ...dateInputValues('receivedOn', old),
        childReference: '',
        themes: ['transport'],
        summary: 'The taxi did not come.',
      }),
    );
    expect(late!.statusCode).toBe(303);
    const itemsOf = (body: string) => Number(/role="status">(\d+) items?/.exec(body)?.[1]);
    for (const role of ['send-leader', 'team-manager'] as const) {
      const home = await clients[role].get('/');
      expect(home.statusCode).toBe(200);
      expect(home.body).toContain('What families raise');
      const open = /href="\/register\?status=open">(\d+)</.exec(home.body)?.[1];
      const overdue = /href="\/register\?status=overdue">(\d+)</.exec(home.body)?.[1];
      expect(Number(open)).toBeGreaterThanOrEqual(1);
      expect(Number(overdue)).toBeGreaterThanOrEqual(1);
      // each number is the count of the list it opens
      expect(itemsOf((await clients[role].get('/register?status=open')).body)).toBe(Number(open));
      const overdueList = await clients[role].get('/register?status=overdue');
      expect(itemsOf(overdueList.body)).toBe(Number(overdue));
      expect(overdueList.body).toContain('Overdue');
      const theme = /href="(\/register\?theme=[a-z-]+&amp;from=[0-9-]+)">([^:]+): (\d+) items?/.exec(
        home.body,
      );
      expect(theme, 'a top theme with its link').not.toBeNull();
      const themeList = await clients[role].get(theme![1]!.replaceAll('&amp;', '&'));
      expect(themeList.statusCode).toBe(200);
      expect(itemsOf(themeList.body)).toBe(Number(theme![3]));
    }
    const openRows = await db
      .selectFrom('register_item')
      .select('id')
      .where('acknowledged_on', 'is', null)
      .execute();
    expect(openRows.length).toBeGreaterThanOrEqual(1);
    // a caseworker's first screen has no leaders' counts
    expect((await clients.caseworker.get('/')).body).not.toContain('Acknowledgements or answers overdue');
  });

  it('counts by theme, team, community and month for leaders; You said, we did published publicly', async () => {
    const counts = await clients['send-leader'].get('/register/counts');
    expect(counts.statusCode).toBe(200);
    expect(counts.body).toContain('Provision not delivered');
    expect(counts.body).toContain('Primary team');
    expect(counts.body).toContain('WBRI');
    expect(counts.body).toContain(today.slice(0, 7));
    const [bad] = await submitForm(clients['send-leader'], '/register/you-said-we-did', {
      theme: '',
      youSaid: 'Kept',
    });
    expect(bad!.statusCode).toBe(400);
    expect(bad!.body).toContain('Enter what the service did');
    expect(bad!.body).toContain('Kept');
    const [first, second] = await submitForm(
      clients['send-leader'],
      '/register/you-said-we-did',
      {
        theme: 'communication',
        youSaid: 'Calls were not returned',
        weDid: 'A team phone line',
        publish: 'no',
      },
      true,
    );
    expect(first!.statusCode).toBe(303);
    expect(second!.statusCode).toBe(303);
    expect(await count(t, 'register_you_said')).toBe(1);
    const anon = new TestClient(t.app);
    expect((await anon.get('/send-service/you-said-we-did')).body).not.toContain('A team phone line');
    const entry = await t.database.db.selectFrom('register_you_said').select('id').executeTakeFirstOrThrow();
    const manage = await clients['send-leader'].get('/register/you-said-we-did');
    const published = await clients['send-leader'].post(`/register/you-said-we-did/${entry.id}/publish`, {
      publish: 'yes',
      _csrf: TestClient.csrfFrom(manage.body),
    });
    expect(published.statusCode).toBe(303);
    const page = await anon.get('/send-service/you-said-we-did');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('A team phone line');
  });

  it('every role: staff pages for casework staff, counts for leaders, family pages for families, 403 for the rest', async () => {
    const item = await t.database.db
      .selectFrom('register_item')
      .select('id')
      .where('reference', '=', 'FR-00001')
      .executeTakeFirstOrThrow();
    const pages: Array<[string, readonly Role[]]> = [
      ['/register', ['caseworker', 'team-manager', 'send-leader']],
      ['/register/new', ['caseworker', 'team-manager', 'send-leader']],
      [`/register/${item.id}`, ['caseworker', 'team-manager', 'send-leader']],
      [`/register/${item.id}/owner-and-themes`, ['caseworker', 'team-manager', 'send-leader']],
      [`/register/${item.id}/stage-2`, ['caseworker', 'team-manager', 'send-leader']],
      ['/register/counts', ['team-manager', 'send-leader']],
      ['/register/you-said-we-did', ['team-manager', 'send-leader']],
      ['/register/policy', ['send-leader', 'administrator']],
      ['/your-say', ['parent', 'young-person']],
      ['/your-say/new', ['parent', 'young-person']],
    ];
    for (const [url, allowed] of pages) {
      for (const role of Object.keys(clients) as Role[]) {
        const response = await clients[role].get(url);
        expect([url, role, response.statusCode]).toEqual([url, role, allowed.includes(role) ? 200 : 403]);
      }
    }
    const anon = new TestClient(t.app);
    expect((await anon.get('/register')).statusCode).toBe(302);
    expect((await anon.get('/your-say')).statusCode).toBe(302);
    expect((await anon.get('/send-service/tell-us')).statusCode).toBe(200);
    expect((await anon.get('/send-service/you-said-we-did')).statusCode).toBe(200);
    expect((await clients.caseworker.get('/register/not-a-uuid')).statusCode).toBe(404);
  });
});
