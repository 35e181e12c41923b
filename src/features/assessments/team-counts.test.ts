/**
 * Issue 20 (national scale): the team manager's and the caseworker's first screens count in fewer queries (each
 * officer's children once for both columns, the team's three case counts in one query, the caseworker's children
 * as a count). These are the numbers those screens show, on both engines: each officer's children led (every plan
 * status) and caseload (being assessed or with a plan), the officers who left kept, other teams left out; the team's
 * unallocated, overdue and due-soon cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/access/access.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import {
  actorFor,
  createAuthority,
  createChild,
  createSetting,
  createTeam,
  createUser,
} from '../../../test/helpers/factories.ts';
import { teamPage } from './routes.ts';
import { createRequest } from './requests.ts';
import type { ChangeContext } from './case-support.ts';
import { workspace } from './workspace.ts';

let tokens = 0;
const token = () => `team-counts-token-${++tokens}`;

/** The day `days` before today in London. */
function daysAgo(days: number): string {
  const d = new Date(`${todayInLondon()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

describe.each(ENGINES)('team and caseworker counts on %s', (engine) => {
  let t: TestApp;
  const la = '934';
  let manager: Actor;
  let caseworker: Actor;
  let left: { id: string };
  let otherTeam: Actor;
  let mine: { today: string; soon: string; overdue: string };

  const run = <T>(actor: Actor, fn: (ctx: ChangeContext) => Promise<T>) =>
    t.database.db.transaction().execute((trx) => fn({ trx, actor, jobs: t.jobs, today: todayInLondon() }));

  /** A child led by `officer` (none: unallocated) with a request received on `received`, made by `actor`. */
  async function withRequest(actor: Actor, officer: string | null, received: string) {
    const child = await createChild(t.database.db, la, { leadOfficerId: officer });
    await setStatus(child.id, 'none');
    await run(actor, (ctx) =>
      createRequest(ctx, {
        childId: child.id,
        received,
        method: 'letter',
        requestedBy: 'parent',
        answers: {},
        idempotencyKey: token(),
      }),
    );
    return child.id;
  }

  const setStatus = (childId: string, status: 'none' | 'assessment' | 'plan' | 'ceased') =>
    t.database.db
      .updateTable('child')
      .set({ plan_status: status })
      .where('la_code', '=', la)
      .where('id', '=', childId)
      .execute();

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    await createAuthority(db, la);
    const { teamId } = await createTeam(db, la);
    const { teamId: secondTeam } = await createTeam(db, la, { name: 'Second team' });
    manager = actorFor(
      await createUser(db, la, 'team-manager', { teamId, displayName: 'A Manager' }),
      teamId,
    );
    caseworker = actorFor(
      await createUser(db, la, 'caseworker', { teamId, displayName: 'B Caseworker' }),
      teamId,
    );
    left = await createUser(db, la, 'caseworker', { teamId, displayName: 'C Left', active: false });
    otherTeam = actorFor(
      await createUser(db, la, 'caseworker', { teamId: secondTeam, displayName: 'D Other' }),
      secondTeam,
    );
    // The caseworker's own requests: one received today (due in weeks), one 5 weeks ago (its decision due within 14
    // days), one 10 weeks ago (its decision overdue); then the children's plan statuses as the test needs them.
    const today = await withRequest(caseworker, caseworker.userId, daysAgo(0));
    const soon = await withRequest(caseworker, caseworker.userId, daysAgo(35));
    const overdue = await withRequest(caseworker, caseworker.userId, daysAgo(70));
    await setStatus(today, 'assessment');
    await setStatus(soon, 'plan');
    await setStatus(overdue, 'ceased');
    mine = { today, soon, overdue };
    await createChild(db, la, { leadOfficerId: caseworker.userId }); // with a plan, no request
    // An unallocated request in the manager's team, and the other team's own request (not counted for this team).
    await withRequest(manager, null, daysAgo(1));
    await withRequest(otherTeam, otherTeam.userId, daysAgo(70));
    // The officer who left still leads a child with a plan.
    await createChild(db, la, { leadOfficerId: left.id });
  }, 120_000);
  afterAll(async () => t?.close());

  it("counts each officer's children led and caseload, the team's officers only, those who left kept", async () => {
    const team = await teamPage(t.database.db, manager);
    expect(
      team.officers.map((o) => [o.display_name, o.active, o.led_children, o.caseload, o.open_cases]),
    ).toEqual([
      ['A Manager', true, 0, 0, 0],
      ['B Caseworker', true, 4, 3, 3],
      ['C Left', false, 1, 1, 0],
    ]);
    const home = await t.services.home.manager(manager);
    expect(
      home.childrenOverview.officers.map((o) => [o.display_name, o.active, o.job_title, o.caseload]),
    ).toEqual([
      ['A Manager', true, null, 0],
      ['B Caseworker', true, null, 3],
      ['C Left', false, null, 1],
    ]);
  });

  it("counts the team's unallocated, overdue and due-soon cases in one query, other teams left out", async () => {
    const team = await teamPage(t.database.db, manager);
    expect(team.unallocatedTotal).toBe(1);
    expect(team.unallocated).toHaveLength(1);
    expect(team.overdueTotal).toBe(1);
    expect(team.soonTotal).toBe(1);
    expect(team.due.map((r) => r.officer_id)).toEqual([caseworker.userId, caseworker.userId]);
  });

  it("names each workspace row's child, setting, officer and team, and filters by the child's need and setting", async () => {
    const db = t.database.db;
    const school = await createSetting(db, la, 'Workspace Primary', 'school', { first: 0, last: 6 });
    const left = await createSetting(db, la, 'Left Primary', 'school', { first: 0, last: 6 });
    await db
      .insertInto('child_setting')
      .values([
        {
          la_code: la,
          child_id: mine.soon,
          setting_id: school,
          start_date: '2024-09-01',
          attendance: 'full-time',
        },
        // An ended placement: not the child's setting now, and not found by the setting filter.
        {
          la_code: la,
          child_id: mine.overdue,
          setting_id: left,
          start_date: '2020-09-01',
          end_date: '2024-07-20',
          attendance: 'full-time',
        },
      ])
      .execute();
    await db
      .updateTable('child')
      .set({ primary_need: 'SLCN' })
      .where('la_code', '=', la)
      .where('id', '=', mine.overdue)
      .execute();
    const today = todayInLondon();
    const all = await workspace(db, caseworker, { page: 1 }, today);
    expect(all.total).toBe(3);
    // Most urgent first: the overdue request, then the one due soon, then today's.
    expect(
      all.rows.map((r) => [r.child_id, r.primary_need, r.setting_name, r.officer_name, r.team_name]),
    ).toEqual([
      [mine.overdue, 'SLCN', null, 'B Caseworker', 'SEND casework'],
      [mine.soon, 'ASD', 'Workspace Primary', 'B Caseworker', 'SEND casework'],
      [mine.today, 'ASD', null, 'B Caseworker', 'SEND casework'],
    ]);
    expect(all.rows.every((r) => r.reference.startsWith('GT-T') && r.given_name.startsWith('Child'))).toBe(
      true,
    );
    const byNeed = await workspace(db, caseworker, { need: 'SLCN', page: 1 }, today);
    expect([byNeed.total, byNeed.rows.map((r) => r.child_id)]).toEqual([1, [mine.overdue]]);
    const bySetting = await workspace(db, caseworker, { setting: school, page: 1 }, today);
    expect([bySetting.total, bySetting.rows.map((r) => r.child_id)]).toEqual([1, [mine.soon]]);
    expect((await workspace(db, caseworker, { setting: left, page: 1 }, today)).total).toBe(0);
  });

  it('gives the caseworker the number of children they are named officer for, every plan status', async () => {
    const home = await t.services.home.caseworker(caseworker, {});
    expect(home.childrenTotal).toBe(4);
    const other = await t.services.home.caseworker(otherTeam, {});
    expect(other.childrenTotal).toBe(1);
  });
});
