/**
 * Disagreement resolution records against the database, on both engines (ADR 0047): recording a meeting (every
 * problem at once with what was typed kept and nothing stored; the order of dates; an agreement's text; a register
 * item only about the same child; a double submit stores one), the child's history and the audit, what an agreement
 * obliges as a task on the caseworker's first screen until marked done (a second "done" changes nothing), and every
 * role's access.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { signedIn } from '../../../test/helpers/feature-test.ts';
import { createAuthority, createChild, createTeam, grant } from '../../../test/helpers/factories.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { dateInputValues } from '../../platform/web/forms.ts';
import { todayInLondon } from '../../platform/web/views.ts';

/** GETs the form, then POSTs the fields with its CSRF and one-use form tokens (the same twice when `twice`). */
async function submitForm(
  client: TestClient,
  url: string,
  fields: Record<string, string | string[]>,
  twice = false,
  postTo = url,
) {
  const page = await client.get(url);
  const formToken = /name="formToken" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const body = { ...fields, formToken, _csrf: TestClient.csrfFrom(page.body) };
  const first = await client.post(postTo, body);
  return twice ? [first, await client.post(postTo, body)] : [first];
}

const daysAgo = (today: string, n: number) =>
  new Date(Date.parse(`${today}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

describe.each(ENGINES)('disagreement resolution records on %s', (engine) => {
  let t: TestApp;
  let la: string;
  let child: string;
  let childRef: string;
  let otherRef: string;
  let caseworkerId: string;
  let parentId: string;
  const clients = {} as Record<Role, TestClient>;
  const today = todayInLondon();

  beforeAll(async () => {
    t = await createTestApp(engine);
    la = await createAuthority(t.database.db, '902');
    const db = t.database.db;
    const team = (await createTeam(db, la, { name: 'Secondary team' })).teamId;
    for (const role of [
      'caseworker',
      'team-manager',
      'send-leader',
      'professional',
      'parent',
      'young-person',
      'local-offer-editor',
      'administrator',
    ] as const) {
      const s = await signedIn(t, la, role, role === 'caseworker' ? team : undefined);
      clients[role] = s.client;
      if (role === 'caseworker') caseworkerId = s.user.id;
      if (role === 'parent') parentId = s.user.id;
    }
    const c = await createChild(db, la, {
      givenName: 'Cara',
      familyName: 'Dunmore',
      leadOfficerId: caseworkerId,
    });
    child = c.id;
    await grant(db, la, parentId, child, 'parent');
    const reference = async (id: string) =>
      (await db.selectFrom('child').select('reference').where('id', '=', id).executeTakeFirstOrThrow())
        .reference;
    childRef = await reference(child);
    otherRef = await reference((await createChild(db, la, { givenName: 'Dan', familyName: 'Other' })).id);
  });
  afterAll(() => t?.close());

  const fields = (over: Record<string, string> = {}) => ({
    childReference: childRef,
    requestedBy: 'parent',
    ...dateInputValues('requestedOn', daysAgo(today, 20)),
    provider: 'Independent Resolution Service',
    parties: 'Parent, SENCO, caseworker',
    about: 'How many hours of teaching assistant support the school gives.',
    outcome: 'agreed',
    ...dateInputValues('heldOn', daysAgo(today, 6)),
    agreement: 'The school will give 10 hours a week; the council will fund them.',
    obligationWhat: 'Confirm the funding to the school in writing',
    ...dateInputValues('obligationDue', daysAgo(today, 1)),
    ...over,
  });
  const count = async (table: 'disagreement_resolution' | 'disagreement_resolution_obligation') =>
    (await t.database.db.selectFrom(table).select('id').execute()).length;

  it('refuses an incomplete record with every problem, keeps what was typed, stores nothing', async () => {
    const [r] = await submitForm(clients.caseworker, '/register/disagreement-resolution/new', {
      childReference: '',
      itemReference: 'twelve',
      ...dateInputValues('requestedOn', '2026-02-30'),
      about: 'Typed and kept',
      outcome: 'agreed',
      obligationWhat: 'Something to do',
    });
    expect(r!.statusCode).toBe(400);
    for (const message of [
      'There is a problem',
      'Enter the child’s reference',
      'Enter a register reference like FR-00012',
      'Select who asked for disagreement resolution',
      'must be a real date',
      'Enter who provided the disagreement resolution service',
      'Enter who took part',
      'Enter the date it must be done by',
      'Typed and kept',
      'Something to do',
    ])
      expect(r!.body).toContain(message);
    expect(await count('disagreement_resolution')).toBe(0);
  });

  it.each([
    [
      { ...dateInputValues('heldOn', daysAgo(today, 30)) },
      'must be the same as or after the date it was asked for',
    ],
    [
      { ...dateInputValues('heldOn', daysAgo(today, -3)) },
      'The date of the meeting must be today or in the past',
    ],
    [{ ...dateInputValues('heldOn', '') }, 'Enter the date of the meeting'],
    [{ agreement: '' }, 'Enter what was agreed'],
    [
      { outcome: 'not-agreed', obligationWhat: '', ...dateInputValues('obligationDue', '') },
      'Only record what was agreed when there was an agreement',
    ],
    [{ outcome: 'not-agreed', agreement: '' }, 'Only an agreement can oblige anyone to act'],
    [
      { outcome: 'not-held', agreement: '', obligationWhat: '', ...dateInputValues('obligationDue', '') },
      'Leave the meeting date empty when the meeting was not held',
    ],
    [{ ...dateInputValues('obligationDue', daysAgo(today, 10)) }, 'must be the same as or after the meeting'],
    [{ childReference: 'NOPE-1' }, 'Enter the reference of a child known to the service'],
    [{ itemReference: 'FR-99999' }, 'Enter the reference of a register item about this child'],
  ])('refuses a record that breaks a rule (%j: %s), storing nothing', async (over, message) => {
    const [r] = await submitForm(clients.caseworker, '/register/disagreement-resolution/new', fields(over));
    expect(r!.statusCode).toBe(400);
    expect(r!.body).toContain(message);
    expect(r!.body).toContain('Independent Resolution Service');
    expect(await count('disagreement_resolution')).toBe(0);
  });

  it('a register item about another child is refused', async () => {
    const [item] = await submitForm(clients.caseworker, '/register/new', {
      kind: 'concern',
      channel: 'phone',
      ...dateInputValues('receivedOn', daysAgo(today, 25)),
      raiserName: 'A parent',
      childReference: otherRef,
      summary: 'About the other child',
      themes: ['communication'],
    });
    expect(item!.statusCode).toBe(303);
    const [r] = await submitForm(
      clients.caseworker,
      '/register/disagreement-resolution/new',
      fields({ itemReference: 'FR-00001' }),
    );
    expect(r!.statusCode).toBe(400);
    expect(r!.body).toContain('Enter the reference of a register item about this child');
  });

  it('records a meeting once on a double submit, with the child’s history, the audit and the caseworker’s task', async () => {
    const [item] = await submitForm(clients.caseworker, '/register/new', {
      kind: 'complaint',
      channel: 'letter',
      ...dateInputValues('receivedOn', daysAgo(today, 25)),
      raiserName: 'A parent',
      childReference: childRef,
      summary: 'Support hours cut',
      themes: ['provision-not-delivered'],
    });
    expect(item!.statusCode).toBe(303);
    const [first, second] = await submitForm(
      clients.caseworker,
      '/register/disagreement-resolution/new',
      fields({ itemReference: 'FR-00002' }),
      true,
    );
    expect(first!.statusCode).toBe(303);
    expect(second!.headers.location).toBe(first!.headers.location);
    expect(await count('disagreement_resolution')).toBe(1);
    expect(await count('disagreement_resolution_obligation')).toBe(1);
    const db = t.database.db;
    const row = await db.selectFrom('disagreement_resolution').selectAll().executeTakeFirstOrThrow();
    const itemRow = await db
      .selectFrom('register_item')
      .select('id')
      .where('reference', '=', 'FR-00002')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      child_id: child,
      item_id: itemRow.id,
      outcome: 'agreed',
      held_on: daysAgo(today, 6),
    });
    const obligation = await db
      .selectFrom('disagreement_resolution_obligation')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(obligation).toMatchObject({ assigned_to: caseworkerId, due: daysAgo(today, 1), done_on: null });
    const events = await db
      .selectFrom('case_event')
      .select('kind')
      .where('child_id', '=', child)
      .where('kind', 'like', 'register.resolution%')
      .execute();
    expect(events.map((e) => e.kind).sort()).toEqual([
      'register.resolution',
      'register.resolution-obligation',
    ]);
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'register.resolution.%')
      .where('action', 'not like', '%read%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'register.resolution.create',
      'register.resolution.obligation.create',
    ]);

    const page = await clients.caseworker.get(String(first!.headers.location));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('The school will give 10 hours a week');
    expect(page.body).toContain('FR-00002');
    expect(page.body).toContain('Overdue');
    const home = await clients.caseworker.get('/');
    expect(home.body).toContain('Disagreement resolution agreements');
    expect(home.body).toContain('Confirm the funding to the school in writing');
    expect((await clients['team-manager'].get('/')).body).not.toContain('Confirm the funding to the school');
    const list = await clients.caseworker.get('/register/disagreement-resolution');
    expect(list.body).toContain('Cara Dunmore');
    expect(list.body).toContain('1 overdue');
  });

  it('adds what an agreement obliges (once), and marks one done (a second tab changes nothing)', async () => {
    const db = t.database.db;
    const record = await db.selectFrom('disagreement_resolution').select('id').executeTakeFirstOrThrow();
    const url = `/register/disagreement-resolution/${record.id}`;
    const [bad] = await submitForm(
      clients.caseworker,
      url,
      { obligationWhat: 'Review the hours' },
      false,
      `${url}/obligation`,
    );
    expect(bad!.statusCode).toBe(400);
    expect(bad!.body).toContain('Enter the date it must be done by');
    expect(bad!.body).toContain('Review the hours');
    const [first, second] = await submitForm(
      clients.caseworker,
      url,
      {
        obligationWhat: 'Review the hours at the next review',
        ...dateInputValues('obligationDue', daysAgo(today, -30)),
      },
      true,
      `${url}/obligation`,
    );
    expect(first!.statusCode).toBe(303);
    expect(second!.statusCode).toBe(303);
    expect(await count('disagreement_resolution_obligation')).toBe(2);

    const open = await db
      .selectFrom('disagreement_resolution_obligation')
      .select('id')
      .where('what', '=', 'Confirm the funding to the school in writing')
      .executeTakeFirstOrThrow();
    const page = await clients.caseworker.get(url);
    const done = `${url}/obligation/${open.id}/done`;
    const empty = await clients.caseworker.post(done, { note: '', _csrf: TestClient.csrfFrom(page.body) });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter what was done');
    expect(empty.body).toContain(`#note-${open.id}`);
    const ok = await clients.caseworker.post(done, {
      note: 'Letter sent',
      _csrf: TestClient.csrfFrom(page.body),
    });
    expect(ok.statusCode).toBe(303);
    const again = await clients.caseworker.post(done, {
      note: 'Again',
      _csrf: TestClient.csrfFrom(page.body),
    });
    expect(again.statusCode).toBe(303);
    const row = await db
      .selectFrom('disagreement_resolution_obligation')
      .select(['done_on', 'done_note'])
      .where('id', '=', open.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ done_on: today, done_note: 'Letter sent' });
    const dones = await db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'register.resolution.obligation.done')
      .execute();
    expect(dones).toHaveLength(1);
    expect((await clients.caseworker.get('/')).body).not.toContain(
      'Confirm the funding to the school in writing',
    );
    expect((await clients.caseworker.get(url)).body).toContain('Done after the date');
  });

  it('the family sees the meetings about their child in plain words, without staff notes; others see none', async () => {
    const page = await clients.parent.get('/your-say');
    expect(page.statusCode).toBe(200);
    const body = page.body.replace(/&#39;|&rsquo;|’/g, "'");
    for (const text of [
      'Meetings to sort out a disagreement',
      `Cara Dunmore: meeting asked for on`,
      'Independent Resolution Service',
      'Everyone reached an agreement',
      'The school will give 10 hours a week; the council will fund them.',
      'What the council must do',
      'Confirm the funding to the school in writing',
      'after the date agreed',
      'Review the hours at the next review',
      'To do',
    ])
      expect(body).toContain(text);
    for (const staffOnly of [
      'Parent, SENCO, caseworker',
      'How many hours of teaching assistant support',
      'Letter sent',
      'Overdue',
    ])
      expect(body).not.toContain(staffOnly);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['child_id', 'user_id'])
      .where('action', '=', 'register.resolution.family.read')
      .execute();
    expect(audit).toEqual([{ child_id: child, user_id: parentId }]);
    const stranger = await clients['young-person'].get('/your-say');
    expect(stranger.statusCode).toBe(200);
    expect(stranger.body).not.toContain('Meetings to sort out a disagreement');
    expect(stranger.body).not.toContain('Independent Resolution Service');
  });

  it('a meeting not held has no date, no agreement and nothing to add', async () => {
    const [r] = await submitForm(
      clients['team-manager'],
      '/register/disagreement-resolution/new',
      fields({
        outcome: 'not-held',
        requestedBy: 'school',
        ...dateInputValues('heldOn', ''),
        agreement: '',
        obligationWhat: '',
        ...dateInputValues('obligationDue', ''),
      }),
    );
    expect(r!.statusCode).toBe(303);
    const page = await clients['team-manager'].get(String(r!.headers.location));
    expect(page.body).toContain('Not held (withdrawn or declined)');
    expect(page.body).not.toContain('Add something the agreement obliges');
  });

  it('leaders count the meetings by month and outcome, and the agreed actions overdue; each number opens a list of its size', async () => {
    const [r] = await submitForm(
      clients.caseworker,
      '/register/disagreement-resolution/new',
      fields({ obligationWhat: 'Send the new timetable' }),
    );
    expect(r!.statusCode).toBe(303);
    const counts = await clients['send-leader'].get('/register/counts');
    expect(counts.statusCode).toBe(200);
    const section = counts.body.slice(counts.body.indexOf('id="disagreement-resolution"'));
    const links = [...section.matchAll(/href="(\/register\/disagreement-resolution\?[^"]+)">(\d+)</g)].map(
      (m) => ({ href: m[1]!.replace(/&amp;/g, '&'), n: Number(m[2]) }),
    );
    const overdue = links.find((l) => l.href.includes('overdue=yes'));
    const outcomes = links.filter((l) => l.href.includes('outcome='));
    const months = links.filter((l) => !l.href.includes('outcome=') && !l.href.includes('overdue='));
    expect(overdue?.n).toBe(1);
    expect(outcomes.map((l) => [new URL(l.href, 'http://x').searchParams.get('outcome'), l.n])).toEqual([
      ['agreed', 2],
      ['not-held', 1],
    ]);
    expect(months.reduce((sum, l) => sum + l.n, 0)).toBe(3);
    for (const l of links) {
      const list = await clients['send-leader'].get(l.href);
      expect(list.statusCode).toBe(200);
      const shown = l.href.includes('overdue=yes')
        ? `${l.n} agreed ${l.n === 1 ? 'action' : 'actions'} overdue`
        : `${l.n} ${l.n === 1 ? 'meeting' : 'meetings'}`;
      expect([l.href, list.body.includes(shown)]).toEqual([l.href, true]);
    }
    const overdueList = await clients['team-manager'].get(overdue!.href);
    expect(overdueList.body).toContain('Send the new timetable');
    expect(overdueList.body).not.toContain('Confirm the funding to the school in writing');
    expect((await clients.caseworker.get('/register/counts')).statusCode).toBe(403);
  });

  it('every role: casework staff and leaders, 403 for the rest, 404 for no record', async () => {
    const record = await t.database.db
      .selectFrom('disagreement_resolution')
      .select('id')
      .executeTakeFirstOrThrow();
    const staff: readonly Role[] = ['caseworker', 'team-manager', 'send-leader'];
    for (const url of [
      '/register/disagreement-resolution',
      '/register/disagreement-resolution/new',
      `/register/disagreement-resolution/${record.id}`,
    ])
      for (const role of Object.keys(clients) as Role[]) {
        const response = await clients[role].get(url);
        expect([url, role, response.statusCode]).toEqual([url, role, staff.includes(role) ? 200 : 403]);
      }
    const page = await clients.parent.get('/');
    const post = await clients.parent.post(`/register/disagreement-resolution/${record.id}/obligation`, {
      obligationWhat: 'x',
      _csrf: TestClient.csrfFrom(page.body),
    });
    expect(post.statusCode).toBe(403);
    expect((await clients.caseworker.get('/register/disagreement-resolution/not-a-uuid')).statusCode).toBe(
      404,
    );
    expect(
      (await clients.caseworker.get('/register/disagreement-resolution/00000000-0000-4000-8000-000000000000'))
        .statusCode,
    ).toBe(404);
    expect((await new TestClient(t.app).get('/register/disagreement-resolution')).statusCode).toBe(302);
  });
});
