/**
 * The phase-transfer board against the database, on both engines: who the core records put in this year's cohort
 * (the last year group of a primary, an 11-16 school, a nursery; not an 11-18 school's Year 11, not a child below the
 * last year, not a child without a plan or a current setting, not another council's children); the page's access
 * for every role (403 for all but caseworkers, team managers and the SEND leader); and the list audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { createAuthority, createChild, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.ts';
import { schoolYearStart } from '../../domain/calendar.ts';
import { ROLES, type Role } from '../../platform/db/schema/index.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { addDays, formatDate, parseDate } from '../../domain/clock/dates.ts';
import { audit } from '../../platform/audit/audit.ts';
import { analyzeNow, plannerRows } from '../../../test/helpers/planner-statistics.ts';
import type { Handler, JobDeps } from '../../platform/jobs/jobs.ts';
import { registerTransferJobs, TRANSFER_COHORT_QUEUE } from './jobs.ts';
import { boardFromTable, boardOf, cohortOn, refreshCohort, type BoardQuery } from './service.ts';

const READERS: readonly Role[] = ['caseworker', 'team-manager', 'send-leader'];

describe.each(ENGINES)('the phase-transfer board on %s', (engine) => {
  let t: TestApp;
  const la = '941';
  const kids: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const clients = new Map<Role, TestClient>();
  const today = todayInLondon();
  const S = schoolYearStart(today);
  const plus = (d: string, n: number) => formatDate(addDays(parseDate(d), n));
  /** A date of birth in year group N of this school year. */
  const bornInYear = (n: number) => `${S - 5 - n}-12-01`;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    await createAuthority(db, la);
    await createAuthority(db, '942');
    for (const role of ROLES) {
      const user = await createUser(db, la, role);
      const client = new TestClient(t.app);
      await client.signIn(user.email, TEST_PASSWORD);
      clients.set(role, client);
    }
    const officer = await createUser(db, la, 'caseworker', { displayName: 'Olive Transfer' });
    let urn = 0;
    const setting = async (
      laCode: string,
      name: string,
      kind: 'school' | 'early-years',
      first: number,
      last: number,
    ) =>
      (
        await db
          .insertInto('setting')
          .values({
            la_code: laCode,
            name,
            urn: `${laCode}${String(++urn).padStart(3, '0')}`,
            kind,
            type: 'Community school',
            phase: 'Mixed',
            first_year_group: first,
            last_year_group: last,
            in_area: true,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const primary = await setting(la, 'Alder Primary', 'school', 0, 6);
    ids.primary = primary;
    ids.officer = officer.id;
    const high = await setting(la, 'Birch High (11-16)', 'school', 7, 11);
    const withSixth = await setting(la, 'Cedar Academy (11-18)', 'school', 7, 13);
    const nursery = await setting(la, 'Daisy Nursery', 'early-years', -2, -1);
    const elsewhere = await setting('942', 'Elm Primary', 'school', 0, 6);
    const child = async (
      name: string,
      laCode: string,
      settingId: string | null,
      yearGroup: number,
      over: Record<string, unknown> = {},
    ) => {
      const c = await createChild(db, laCode, {
        givenName: name,
        familyName: 'Transfer',
        dateOfBirth: bornInYear(yearGroup),
        leadOfficerId: laCode === la ? officer.id : null,
      });
      if (Object.keys(over).length) {
        await db
          .updateTable('child')
          .set(over)
          .where('la_code', '=', laCode)
          .where('id', '=', c.id)
          .execute();
      }
      if (settingId) {
        await db
          .insertInto('child_setting')
          .values({
            la_code: laCode,
            child_id: c.id,
            setting_id: settingId,
            start_date: `${S - 1}-09-01`,
            end_date: null,
            attendance: 'full-time',
          })
          .execute();
      }
      kids[name] = c.id;
    };
    await child('Ada', la, primary, 6);
    await child('Bo', la, high, 11);
    await child('Cy', la, withSixth, 11);
    await child('Di', la, nursery, -1);
    await child('Ed', la, primary, 5);
    await child('Flo', la, primary, 6, { plan_status: 'assessment' });
    await child('Gus', la, null, 6);
    await child('Hal', '942', elsewhere, 6);
    // Ivy moved this year from a primary (ended) to the 11-18 academy's Year 7: not in the cohort.
    await child('Ivy', la, withSixth, 7);
    await db
      .insertInto('child_setting')
      .values({
        la_code: la,
        child_id: kids.Ivy!,
        setting_id: primary,
        start_date: `${S - 7}-09-01`,
        end_date: `${S}-07-20`,
        attendance: 'full-time',
      })
      .execute();
  });
  afterAll(() => t?.close());

  it('draws the cohort from the last year group of each child’s current setting', async () => {
    const rows = await cohortOn(t.database.db, la, today);
    const names = rows.map((r) => r.child.givenName).sort();
    expect(names).toEqual(['Ada', 'Bo', 'Di']);
    const bo = rows.find((r) => r.child.givenName === 'Bo')!;
    expect(bo.dates.deadline.date).toBe(`${S + 1}-03-30`);
    expect(bo.child.officerName).toBe('Olive Transfer');
    expect(rows.find((r) => r.child.givenName === 'Ada')!.dates.deadline.date).toBe(`${S + 1}-02-14`);
    expect(rows.find((r) => r.child.givenName === 'Di')!.dates.deadline.date).toBe(`${S + 1}-02-14`);
    expect(rows.every((r) => r.stage === 'in-cohort' || r.stage === 'late')).toBe(true);
  });

  it('shows the board to caseworkers, team managers and the SEND leader and refuses every other role (403)', async () => {
    for (const role of ROLES) {
      const res = await clients.get(role)!.get('/transfers');
      expect([role, res.statusCode]).toEqual([role, READERS.includes(role) ? 200 : 403]);
    }
    const page = await clients.get('team-manager')!.get('/transfers');
    expect(page.body).toContain('Ada Transfer');
    expect(page.body).toContain('Birch High (11-16)');
    expect(page.body).not.toContain('Cy Transfer');
    expect(page.body).not.toContain('Hal Transfer');
    expect(page.body).toContain('3 children, the most urgent first');
  });

  it('audits the children the list showed', async () => {
    await clients.get('send-leader')!.get('/transfers');
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select(['detail', 'record_id'])
      .where('la_code', '=', la)
      .where('action', '=', 'transfers.board.read')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.record_id).toBe('/transfers');
    expect([...(entry.detail as { children: string[] }).children].sort()).toEqual(
      [kids.Ada, kids.Bo, kids.Di].sort(),
    );
  });

  it('keeps the cohort for the board: every count and list the same as the cohort derived afresh', async () => {
    const db = t.database.db;
    await db.transaction().execute((trx) => refreshCohort(trx, la, today));
    const derived = await cohortOn(db, la, today);
    const queries: BoardQuery[] = [
      { page: 1 },
      { page: 1, school: ids.primary! },
      { page: 1, officer: ids.officer! },
      { page: 1, officer: 'none' },
      { page: 1, stage: 'in-cohort' },
      { page: 1, deadline: `${S + 1}-03-30` },
      { page: 1, week: 'due' },
      { page: 1, week: 'overdue' },
      { page: 1, week: 'this-week' },
      { page: 9 },
    ];
    const listed = (b: Awaited<ReturnType<typeof boardFromTable>>) => ({
      ...b,
      list: { ...b.list, rows: b.list.rows.map((r) => r.child.id).sort() },
    });
    for (const q of queries) {
      expect(listed(await boardFromTable(db, la, today, q)), JSON.stringify(q)).toEqual(
        listed(boardOf(derived, today, q)),
      );
    }
  });

  it('on a day the nightly job did not run, derives only what the day moves and still equals the cohort derived afresh', async () => {
    const db = t.database.db;
    await db.transaction().execute((trx) => refreshCohort(trx, la, today, { whole: true }));
    const queries: BoardQuery[] = [
      { page: 1 },
      { page: 1, week: 'due' },
      { page: 1, week: 'overdue' },
      { page: 1, week: 'this-week' },
      { page: 1, stage: 'late' },
      { page: 1, stage: 'in-cohort' },
    ];
    // The next day, a week on, the day after each deadline: each reading derives only the children whose row moves
    // with the calendar (and those the audit log names), and the whole board (rows included) is as derived afresh.
    for (const day of [plus(today, 1), plus(today, 8), `${S + 1}-02-15`, `${S + 1}-03-31`]) {
      await db.transaction().execute((trx) => refreshCohort(trx, la, day));
      const derived = await cohortOn(db, la, day);
      for (const q of queries) {
        const kept = await boardFromTable(db, la, day, q);
        const fresh = boardOf(derived, day, q);
        expect({ ...kept, list: { ...kept.list, rows: [] } }, `${day} ${JSON.stringify(q)}`).toEqual({
          ...fresh,
          list: { ...fresh.list, rows: [] },
        });
        const byChild = <R extends { child: { id: string } }>(rows: readonly R[]) =>
          [...rows].sort((a, b) => a.child.id.localeCompare(b.child.id));
        expect(byChild(kept.list.rows), `${day} ${JSON.stringify(q)}`).toEqual(byChild(fresh.list.rows));
      }
    }
    const late = await boardFromTable(db, la, `${S + 1}-03-31`, { page: 1 });
    expect(late.byStage.find((c) => c.key === 'late')!.n).toBeGreaterThan(0);
    await db.transaction().execute((trx) => refreshCohort(trx, la, today, { whole: true }));
  });

  it('reads the kept board in one statement while only readings happened, moving its mark on after 200 of them', async () => {
    const db = t.database.db;
    const manager = clients.get('team-manager')!;
    const state = () =>
      db
        .selectFrom('transfer_cohort_state')
        .select(['derived_on', 'audit_seen'])
        .where('la_code', '=', la)
        .where('school_year', '=', S)
        .executeTakeFirstOrThrow();
    expect((await manager.get('/transfers')).statusCode).toBe(200);
    const before = await state();
    expect(before.derived_on).toBe(today);
    // Readings only since (the board's own among them): the board is read without touching its state.
    expect((await manager.get('/transfers')).statusCode).toBe(200);
    expect((await manager.get('/transfers?week=due')).statusCode).toBe(200);
    expect(Number((await state()).audit_seen)).toBe(Number(before.audit_seen));
    const ctx = { laCode: la, userId: null, sessionId: null, ip: null };
    for (let i = 0; i < 201; i++)
      await audit(db, ctx, {
        action: 'child.read',
        recordType: 'child',
        recordId: kids.Ada!,
        childId: kids.Ada!,
      });
    const page = await manager.get('/transfers');
    expect(page.statusCode).toBe(200);
    expect(Number((await state()).audit_seen)).toBeGreaterThan(Number(before.audit_seen) + 200);
    expect(page.body).toContain('Ada Transfer');
  });

  it('derives the whole cohort at the next reading after a SEN2 return read in (children and placements audited once)', async () => {
    const db = t.database.db;
    const manager = clients.get('team-manager')!;
    expect((await manager.get('/transfers')).body).not.toContain('Kit Imported');
    const kit = await createChild(db, la, {
      givenName: 'Kit',
      familyName: 'Imported',
      dateOfBirth: bornInYear(6),
      leadOfficerId: null,
    });
    await db
      .insertInto('child_setting')
      .values({
        la_code: la,
        child_id: kit.id,
        setting_id: ids.primary!,
        start_date: `${S - 1}-09-01`,
        end_date: null,
        attendance: 'full-time',
      })
      .execute();
    // Written without an entry naming the child: the kept cohort does not know of it yet.
    expect((await manager.get('/transfers')).body).not.toContain('Kit Imported');
    await audit(
      db,
      { laCode: la, userId: null, sessionId: null, ip: null },
      { action: 'sen2.import', recordType: 'sen2-return', recordId: `${S + 1}-01-15` },
    );
    expect((await manager.get('/transfers')).body).toContain('Kit Imported');
    await db.deleteFrom('child_setting').where('child_id', '=', kit.id).execute();
    await db.transaction().execute((trx) => refreshCohort(trx, la, today, { whole: true }));
  });

  it('derives again at the next reading a child whose records changed (audited with the child)', async () => {
    const db = t.database.db;
    const before = await clients.get('team-manager')!.get('/transfers');
    expect(before.body).not.toContain('Jo Transfer');
    const jo = await createChild(db, la, {
      givenName: 'Jo',
      familyName: 'Transfer',
      dateOfBirth: bornInYear(6),
      leadOfficerId: null,
    });
    await db
      .insertInto('child_setting')
      .values({
        la_code: la,
        child_id: jo.id,
        setting_id: ids.primary!,
        start_date: `${S - 1}-09-01`,
        end_date: null,
        attendance: 'full-time',
      })
      .execute();
    // Not yet audited: the kept cohort does not know of the change.
    expect((await clients.get('team-manager')!.get('/transfers')).body).not.toContain('Jo Transfer');
    await audit(
      db,
      { laCode: la, userId: null, sessionId: null, ip: null },
      { action: 'children.setting', recordType: 'child_setting', recordId: jo.id, childId: jo.id },
    );
    const after = await clients.get('team-manager')!.get('/transfers');
    expect(after.body).toContain('Jo Transfer');
    expect(after.body).toContain('4 children, the most urgent first');
  });

  it('derives again at the next reading the children of an officer whose account an administrator changed', async () => {
    const db = t.database.db;
    await clients.get('team-manager')!.get('/transfers');
    await db
      .updateTable('app_user')
      .set({ display_name: 'Renamed Officer' })
      .where('id', '=', ids.officer!)
      .execute();
    await audit(
      db,
      { laCode: la, userId: null, sessionId: null, ip: null },
      { action: 'user.update', recordType: 'user', recordId: ids.officer! },
    );
    const after = await clients.get('team-manager')!.get('/transfers');
    expect(after.body).toContain('Renamed Officer');
    const board = await boardFromTable(db, la, today, { page: 1 });
    expect(board.byOfficer.find((c) => c.key === ids.officer)!.name).toBe('Renamed Officer');
  });

  it('analyses the kept cohort after deriving it whole: at a first reading, and once after the nightly job', async () => {
    const db = t.database.db;
    // Statistics taken before the cohort is derived (as a data set analysed before its first board reading).
    const empty = async () => {
      await db.deleteFrom('transfer_cohort').where('la_code', '=', la).execute();
      await db.deleteFrom('transfer_cohort_state').where('la_code', '=', la).execute();
      await analyzeNow(db, 'transfer_cohort');
      return (await plannerRows(db, 'transfer_cohort')).rows;
    };
    const before = await empty();
    await db.transaction().execute((trx) => refreshCohort(trx, la, today));
    const derived = await plannerRows(db, 'transfer_cohort');
    expect(derived.rows).toBeGreaterThan(before);
    expect(derived.planned).toBe(derived.rows);

    const handlers = new Map<string, Handler>();
    registerTransferJobs({
      database: t.database,
      jobs: {
        handle: (queue: string, handler: Handler) => handlers.set(queue, handler),
        schedule: () => undefined,
      },
    } as unknown as JobDeps);
    expect(await empty()).toBe(before);
    await handlers.get(TRANSFER_COHORT_QUEUE)!({ today });
    const job = await plannerRows(db, 'transfer_cohort');
    expect(job.rows).toBeGreaterThanOrEqual(derived.rows);
    expect(job.planned).toBe(job.rows);
  });
});
