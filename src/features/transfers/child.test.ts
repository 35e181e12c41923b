/**
 * One child's phase transfer against the database, on both engines (docs/transfers.md): the family states a
 * preference online (the error summary with the input kept, one transaction with an audit entry and a history line,
 * a double submit stored once, the board then counting the preference); the caseworker records one from the review
 * and where a child goes; every role's access to each page; and S2's acceptance examples through the records (the
 * 15 February and 31 March deadlines, the 11-18 school, the move to another school's sixth form, the reg 18(2) move).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import {
  createAuthority,
  createChild,
  createSetting,
  createUser,
  grant,
  TEST_PASSWORD,
} from '../../../test/helpers/factories.ts';
import { ROLES, type Role } from '../../platform/db/schema/index.ts';
import { paths } from '../../platform/web/paths.ts';
import { cohortOn } from './service.ts';

const READERS: readonly Role[] = ['caseworker', 'team-manager', 'send-leader'];
const FAMILY: readonly Role[] = ['parent', 'young-person'];

describe.each(ENGINES)('one child’s phase transfer on %s', (engine) => {
  let t: TestApp;
  let today = '2025-10-01';
  const la = '943';
  const kids: Record<string, string> = {};
  const settings: Record<string, string> = {};
  const clients = new Map<Role, TestClient>();
  let otherParent: TestClient;

  beforeAll(async () => {
    t = await createTestApp(engine, {}, { today: () => today });
    const db = t.database.db;
    await createAuthority(db, la);
    const users = new Map<Role, string>();
    for (const role of ROLES) {
      const user = await createUser(db, la, role);
      users.set(role, user.id);
      const client = new TestClient(t.app);
      await client.signIn(user.email, TEST_PASSWORD);
      clients.set(role, client);
    }
    const setting = async (name: string, kind: 'school' | 'college', first: number, last: number) => {
      settings[name] = await createSetting(db, la, name, kind, { first, last });
    };
    await setting('Alder Primary', 'school', 0, 6);
    await setting('Birch High', 'school', 7, 11);
    await setting('Cedar Academy', 'school', 7, 13);
    await setting('Dunmore College', 'college', 12, 12);
    await setting('Elm College', 'college', 12, 14);
    const child = async (name: string, dateOfBirth: string, at: string) => {
      const c = await createChild(db, la, { givenName: name, familyName: 'Mover', dateOfBirth });
      await db
        .insertInto('child_setting')
        .values({
          la_code: la,
          child_id: c.id,
          setting_id: settings[at]!,
          start_date: '2024-09-01',
          end_date: null,
          attendance: 'full-time',
        })
        .execute();
      kids[name] = c.id;
    };
    await child('Ada', '2015-03-01', 'Alder Primary');
    await child('Bo', '2010-05-01', 'Birch High');
    await child('Cy', '2010-05-01', 'Cedar Academy');
    await child('Di', '2010-06-01', 'Birch High');
    await child('Ed', '2009-01-15', 'Dunmore College');
    await grant(db, la, users.get('parent')!, kids.Ada!, 'parent');
    // Ada's plan: issued 2024-03-01, read in with no assessment case and no version on record (as a SEN2 import)
    await db
      .insertInto('ehc_plan')
      .values({
        la_code: la,
        child_id: kids.Ada!,
        case_id: null,
        status: 'final',
        final_issued: '2024-03-01',
      })
      .execute();
    const other = await createUser(db, la, 'parent');
    otherParent = new TestClient(t.app);
    await otherParent.signIn(other.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  const rowOf = async (name: string) =>
    (await cohortOn(t.database.db, la, today)).find((r) => r.child.id === kids[name]);

  it('S2: born 2015-03-01 at a 0-6 primary on 2025-10-01 moves in 2026, deadline 14 February 2026', async () => {
    expect((await rowOf('Ada'))?.dates.deadline.date).toBe('2026-02-14');
  });

  it('S2: born 2010-05-01 at an 11-16 school: 30 March 2026; at an 11-18 school: not in the cohort', async () => {
    expect((await rowOf('Bo'))?.dates.deadline.date).toBe('2026-03-30');
    expect(await rowOf('Cy')).toBeUndefined();
    const page = await clients.get('caseworker')!.get(paths.transfers.child(kids.Cy!));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Not in this school year’s phase-transfer cohort');
  });

  it('shows the family what will happen and by when, with the Local Offer linked', async () => {
    const page = await clients.get('parent')!.get(paths.transfers.family(kids.Ada!));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('14 February 2026');
    expect(page.body).toContain('15 January 2026');
    expect(page.body).toContain('/local-offer/search?category=education');
    const form = await clients.get('parent')!.get(paths.transfers.familyPreference(kids.Ada!));
    expect(form.body).toContain('Birch High');
    expect(form.body).toContain('Cedar Academy');
    expect(form.body).not.toContain('>Alder Primary<');
  });

  it('asks the family on their home page for the preference, by its day, linking their transfer page', async () => {
    const home = await clients.get('parent')!.get('/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(
      'Tell the council which school or college you want for Ada by 15 January 2026.',
    );
    expect(home.body).toContain(`href="${paths.transfers.family(kids.Ada!)}"`);
    expect(home.body).toContain('Moving school or college');
    expect(home.body).toContain('next school or college by 14 February 2026');
    // The board, read now, keeps the cohort as of today (the preference below reaches it at the next reading).
    const board = await clients.get('caseworker')!.get('/transfers?stage=in-cohort');
    expect(board.body).toContain('Ada Mover');
  });

  it('refuses an empty preference with the error summary, keeping what was typed', async () => {
    const url = paths.transfers.familyPreference(kids.Ada!);
    const r = await clients.get('parent')!.submitOnce(url, { settingId: '', reasons: 'Near our home' });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('There is a problem');
    expect(r.body).toContain('href="#settingId"');
    expect(r.body).toContain('Near our home');
    const other = await clients.get('parent')!.submitOnce(url, { settingId: 'other', settingText: '' });
    expect(other.statusCode).toBe(400);
    expect(other.body).toContain('Enter the name of the school, college or setting');
  });

  it('records the family’s preference once, audited and in the history, and the board counts it', async () => {
    const client = clients.get('parent')!;
    const url = paths.transfers.familyPreference(kids.Ada!);
    const page = await client.get(url);
    const fields = {
      settingId: settings['Birch High']!,
      reasons: 'Her brother goes there',
      ...TestClient.formTokensFrom(page.body, url),
    };
    const first = await client.post(url, fields);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`${paths.transfers.family(kids.Ada!)}?sent=1`);
    const again = await client.post(url, fields);
    expect(again.statusCode).toBe(303);
    const db = t.database.db;
    const rows = await db
      .selectFrom('transfer_preference')
      .selectAll()
      .where('child_id', '=', kids.Ada!)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: 'family', received: '2025-10-01', school_year: 2025 });
    const audits = await db
      .selectFrom('audit_log')
      .select('action')
      .where('child_id', '=', kids.Ada!)
      .where('action', '=', 'transfers.preference')
      .execute();
    expect(audits).toHaveLength(1);
    const events = await db
      .selectFrom('case_event')
      .select('summary')
      .where('child_id', '=', kids.Ada!)
      .where('kind', '=', 'transfer-preference')
      .execute();
    expect(events.map((e) => e.summary)).toEqual([
      'The family asked online for Birch High to be named in the plan for the move in 2026',
    ]);
    const shown = await client.get(`${paths.transfers.family(kids.Ada!)}?sent=1`);
    expect(shown.body).toContain('Birch High');
    expect(shown.body).toContain('Her brother goes there');
    const row = await rowOf('Ada');
    expect(row?.facts.preferenceReceived).toBe('2025-10-01');
    const mail = await db
      .selectFrom('notification')
      .select('body')
      .where('child_id', '=', kids.Ada!)
      .where('template', '=', 'transfer-preference')
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body).toContain('by 30 January 2026');
    const repeat = await client.submitOnce(url, { settingId: settings['Birch High']! });
    expect(repeat.statusCode).toBe(400);
    expect(repeat.body).toContain('Birch High has already been asked for');
    // the setting is consulted at once on the plan in force, through the consultation flow (ADR 0032), once
    const consulted = await db
      .selectFrom('consultation')
      .select(['setting_id', 'consultee', 'sent', 'case_id', 'plan_in_force'])
      .where('child_id', '=', kids.Ada!)
      .execute();
    expect(consulted).toEqual([
      {
        setting_id: settings['Birch High']!,
        consultee: 'setting',
        sent: '2025-10-01',
        case_id: null,
        plan_in_force: '2024-03-01',
      },
    ]);
    expect((await rowOf('Ada'))?.stage).toBe('consulting');
    const staffPage = await clients.get('caseworker')!.get(paths.transfers.child(kids.Ada!));
    expect(staffPage.body).toContain('data-consultations');
    expect(staffPage.body).toMatch(
      /Birch High<\/a>: consulted 1 October 2025, no answer yet, due 16 October 2025/,
    );
    const board = await clients.get('caseworker')!.get('/transfers?stage=consulting');
    expect(board.body).toContain('Ada Mover');
    const home = await client.get('/');
    expect(home.body).not.toContain('Tell the council which school or college you want for Ada');
    expect(home.body).toContain('Moving school or college');
  });

  it('records a preference from the review with its day, and refuses a day in the future', async () => {
    const client = clients.get('caseworker')!;
    const page = paths.transfers.child(kids.Bo!);
    const post = paths.transfers.childPreference(kids.Bo!);
    const late = await client.submitOnce(
      page,
      {
        settingId: 'other',
        settingText: 'Fernhill Sixth Form College, Oldtown',
        'received-day': '2',
        'received-month': '10',
        'received-year': '2025',
      },
      post,
    );
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('The day must be today or in the past');
    expect(late.body).toContain('Fernhill Sixth Form College, Oldtown');
    const ok = await client.submitOnce(
      page,
      {
        settingId: 'other',
        settingText: 'Fernhill Sixth Form College, Oldtown',
        'received-day': '29',
        'received-month': '9',
        'received-year': '2025',
      },
      post,
    );
    expect(ok.statusCode).toBe(303);
    expect((await rowOf('Bo'))?.facts.preferenceReceived).toBe('2025-09-29');
    const shown = await client.get(page);
    expect(shown.body).toContain('Given at the transfer review');
  });

  it('S2: a Year 11 going to another school’s sixth form is not a statutory phase transfer (local deadline)', async () => {
    expect((await rowOf('Di'))?.dates.deadline.date).toBe('2026-03-30');
    const client = clients.get('caseworker')!;
    const r = await client.submitOnce(
      paths.transfers.child(kids.Di!),
      { destination: 'school-sixth-form' },
      paths.transfers.childDestination(kids.Di!),
    );
    expect(r.statusCode).toBe(303);
    expect(await rowOf('Di')).toBeUndefined();
    const page = await client.get(paths.transfers.child(kids.Di!));
    expect(page.body).toContain('not a statutory phase transfer');
    const events = await t.database.db
      .selectFrom('case_event')
      .select('kind')
      .where('child_id', '=', kids.Di!)
      .execute();
    expect(events.map((e) => e.kind)).toEqual(['transfer-destination']);
    const bad = await client.submitOnce(
      paths.transfers.child(kids.Di!),
      { destination: 'school', 'moveDate-day': '4', 'moveDate-month': '1', 'moveDate-year': '2027' },
      paths.transfers.childDestination(kids.Di!),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#moveDate-day"');
  });

  it('S2: a college student moving to another post-16 institution on 2027-01-04 must be named by 2026-08-04 (reg 18(2))', async () => {
    today = '2026-06-01';
    try {
      expect(await rowOf('Ed')).toBeUndefined();
      const r = await clients.get('team-manager')!.submitOnce(
        paths.transfers.child(kids.Ed!),
        {
          destination: 'post-16-institution',
          'moveDate-day': '4',
          'moveDate-month': '1',
          'moveDate-year': '2027',
        },
        paths.transfers.childDestination(kids.Ed!),
      );
      expect(r.statusCode).toBe(303);
      const row = await rowOf('Ed');
      expect(row?.dates.deadline).toMatchObject({
        date: '2026-08-04',
        source: 'SEND Regulations 2014, reg 18(2)',
      });
      const board = await clients.get('team-manager')!.get('/transfers?deadline=2026-08-04');
      expect(board.body).toContain('Ed Mover');
    } finally {
      today = '2025-10-01';
    }
  });

  it('lets only casework staff see a child’s transfer, and only caseworkers and team managers change it', async () => {
    for (const role of ROLES) {
      const page = await clients.get(role)!.get(paths.transfers.child(kids.Ada!));
      expect(page.statusCode, role).toBe(READERS.includes(role) ? 200 : 403);
    }
    const manager = await clients.get('send-leader')!.get(paths.transfers.child(kids.Ada!));
    expect(manager.body).not.toContain('Record the preference');
    const leader = await clients.get('send-leader')!.post(paths.transfers.childDestination(kids.Ada!), {
      destination: 'school',
      _csrf: TestClient.csrfFrom(manager.body),
    });
    expect(leader.statusCode).toBe(403);
  });

  it('lets only the child’s own family use the family pages (another parent gets 404, every other role 403)', async () => {
    for (const role of ROLES) {
      const page = await clients.get(role)!.get(paths.transfers.family(kids.Ada!));
      const expected = role === 'parent' ? 200 : FAMILY.includes(role) ? 404 : 403;
      expect(page.statusCode, role).toBe(expected);
    }
    expect((await otherParent.get(paths.transfers.family(kids.Ada!))).statusCode).toBe(404);
    expect((await otherParent.get(paths.transfers.familyPreference(kids.Ada!))).statusCode).toBe(404);
    const denied = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'transfers.family.read.denied')
      .execute();
    expect(denied.length).toBeGreaterThan(0);
  });

  it('tells the families of the cohort once what will happen and by when, from the board', async () => {
    const client = clients.get('caseworker')!;
    const board = await client.get(paths.transfers.board);
    expect(board.body).toContain('Tell these families');
    const r = await client.post(
      paths.transfers.tell,
      TestClient.formTokensFrom(board.body, paths.transfers.tell),
    );
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe('/transfers?told=3');
    const db = t.database.db;
    const mail = await db
      .selectFrom('notification')
      .select('body')
      .where('child_id', '=', kids.Ada!)
      .where('template', '=', 'transfer-start')
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body).toContain('by 14 February 2026 (the legal deadline)');
    expect(mail[0]!.body).toContain('by 15 January 2026');
    const history = await db
      .selectFrom('case_event')
      .select(['child_id', 'summary'])
      .where('kind', '=', 'transfer-told')
      .execute();
    // Ed's move between colleges on 2027-01-04, recorded for this school year, puts him in the cohort (reg 18(2))
    expect(history.map((h) => h.child_id).sort()).toEqual([kids.Ada!, kids.Bo!, kids.Ed!].sort());
    expect(history.find((h) => h.child_id === kids.Bo)?.summary).toContain('No email address for the family');
    const again = await client.post(
      paths.transfers.tell,
      TestClient.formTokensFrom(board.body, paths.transfers.tell),
    );
    expect(again.headers.location).toBe('/transfers?told=3');
    const stale = await client.post(paths.transfers.tell, { _csrf: TestClient.csrfFrom(board.body) });
    expect(stale.statusCode).toBe(400);
    expect(stale.body).toContain('This form has expired');
    const twice = await db
      .selectFrom('notification')
      .select('id')
      .where('child_id', '=', kids.Ada!)
      .where('template', '=', 'transfer-start')
      .execute();
    expect(twice).toHaveLength(1);
    expect((await client.get(paths.transfers.board)).body).not.toContain('Tell these families');
    const leader = await clients.get('send-leader')!.get(paths.transfers.board);
    expect(leader.body).not.toContain('Tell these families');
    const refused = await clients.get('send-leader')!.post(paths.transfers.tell, {
      _csrf: TestClient.csrfFrom(leader.body),
    });
    expect(refused.statusCode).toBe(403);
  });
});
