/**
 * The leaders' figures as of a past day, against the database, on both engines, over the casework of
 * test/helpers/figures-casework.ts: a child's team, need and ethnicity and an exception's confirmation are taken as
 * they were that day (and an officer's move of team moves their children's from that day); a plan ceased since is
 * still counted on the days it was in force, in the children with a plan, out of education, and the transfer cohort.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import {
  buildFiguresCasework,
  figuresLookups,
  type FiguresCasework,
} from '../../../test/helpers/figures-casework.ts';
import type { MeasureId } from '../../domain/figures/index.ts';
import type { Actor } from '../../platform/access/access.ts';

describe.each(ENGINES)('the leaders’ figures on %s: as of a past day', (engine) => {
  let t: TestApp;
  let casework: FiguresCasework;
  let la: string;
  let leader: Actor;
  let kids: FiguresCasework['kids'];
  let teams: FiguresCasework['teams'];

  beforeAll(async () => {
    t = await createTestApp(engine);
    casework = await buildFiguresCasework(t.database.db);
    ({ la, leader, kids, teams } = casework);
  });
  afterAll(() => t?.close());

  const { service, names, listed } = figuresLookups(() => ({ t, casework }));

  it('as of a past day, takes the child’s team, need and ethnicity and the exception’s confirmation as they were then', async () => {
    const db = t.database.db;
    const history = () => db.selectFrom('child_key_history').where('child_id', '=', kids.Ben!);
    // Ben's records so far, as if made long ago; then his lead officer (so his team), need and ethnicity change,
    // recorded by the database on the day of the change, taken here as 15 October 2026.
    await db
      .updateTable('child_key_history')
      .set({ changed_on: '2025-01-01' })
      .where('child_id', '=', kids.Ben!)
      .execute();
    const northOfficer = await db
      .selectFrom('app_user')
      .select('id')
      .where('la_code', '=', la)
      .where('team_id', '=', teams.north!)
      .where('role', '=', 'caseworker')
      .executeTakeFirstOrThrow();
    const southOfficer = await db
      .selectFrom('child')
      .select('lead_officer_id')
      .where('id', '=', kids.Ben!)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('child')
      .set({ lead_officer_id: northOfficer.id, primary_need: 'ASD', ethnicity: 'WBRI' })
      .where('id', '=', kids.Ben!)
      .execute();
    const changed = await history()
      .select(['id', 'team_id', 'primary_need'])
      .where('changed_on', '>', '2025-01-01')
      .execute();
    expect(changed).toEqual([expect.objectContaining({ team_id: teams.north, primary_need: 'ASD' })]);
    await db
      .updateTable('child_key_history')
      .set({ changed_on: '2026-10-15' })
      .where('id', '=', changed[0]!.id)
      .execute();

    // A day after the change that the job has not counted (a kept count is the casework as it stood then).
    const AFTER = '2026-10-30';
    const appealsBy = async (asOf: string, by: 'team' | 'need' | 'ethnicity') =>
      (await service().countFigures(leader, { asOf, by })).figures
        .find((f) => f.id === 'tribunal-appeals')!
        .breakdown.map((r) => [r.key, r.tally.counted])
        .sort();
    // Ben's appeal (March 2026): before the change under the south team, SEMH, Asian; after it, north, ASD, White.
    expect(await appealsBy('2026-10-14', 'team')).toEqual([[teams.south, 2]].sort());
    expect(await appealsBy('2026-10-14', 'need')).toEqual(
      [
        ['SEMH', 1],
        ['MLD', 1],
      ].sort(),
    );
    expect(await appealsBy('2026-10-14', 'ethnicity')).toEqual(
      [
        ['asian', 1],
        ['white', 1],
      ].sort(),
    );
    expect(await appealsBy(AFTER, 'team')).toEqual(
      [
        [teams.north, 1],
        [teams.south, 1],
      ].sort(),
    );
    expect(await appealsBy(AFTER, 'need')).toEqual(
      [
        ['ASD', 1],
        ['MLD', 1],
      ].sort(),
    );
    expect(await appealsBy(AFTER, 'ethnicity')).toEqual([['white', 2]]);
    // Ben's request (decided in February 2026) is his case's: its team on the day is his lead officer's team then
    // (allocation names the case's officer his lead officer); Ava's stays north; the list behind each cell agrees.
    const requestsBy = async (asOf: string) =>
      (await service().countFigures(leader, { asOf, by: 'team' })).figures
        .find((f) => f.id === 'requests-6-weeks')!
        .breakdown.map((r) => [r.key, r.tally.counted])
        .sort();
    expect(await requestsBy('2026-10-14')).toEqual(
      [
        [teams.north, 1],
        [teams.south, 1],
      ].sort(),
    );
    expect(await requestsBy(AFTER)).toEqual([[teams.north, 2]]);
    const requestsOf = async (asOf: string, key: string) =>
      names(
        (
          await service().countChildren(leader, 'requests-6-weeks', {
            asOf,
            by: 'team',
            key,
            show: 'all',
            page: 1,
          })
        ).rows,
      );
    expect(await requestsOf('2026-10-14', teams.south!)).toEqual(['Ben']);
    expect(await requestsOf(AFTER, teams.north!)).toEqual(['Ava', 'Ben']);
    expect(await requestsOf(AFTER, teams.south!)).toEqual([]);
    // The list behind a cell is the same children.
    const listedBy = (asOf: string, key: string) =>
      service().countChildren(leader, 'tribunal-appeals', { asOf, by: 'need', key, show: 'all', page: 1 });
    expect(names((await listedBy('2026-10-14', 'SEMH')).rows)).toEqual(['Ben']);
    expect(names((await listedBy(AFTER, 'ASD')).rows)).toEqual(['Ben']);
    // The job's count of a day keeps the keys as they were that day.
    await service().recount(la, '2026-10-14');
    expect(await appealsBy('2026-10-14', 'need')).toEqual(
      [
        ['SEMH', 1],
        ['MLD', 1],
      ].sort(),
    );
    await db.deleteFrom('figure_count').where('la_code', '=', la).where('as_of', '=', '2026-10-14').execute();

    // An officer moving team moves their children's team from that day.
    await db
      .updateTable('app_user')
      .set({ team_id: teams.south! })
      .where('id', '=', northOfficer.id)
      .execute();
    const moved = await history()
      .select(['team_id', 'changed_on'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(moved.team_id).toBe(teams.south);
    await db
      .updateTable('app_user')
      .set({ team_id: teams.north! })
      .where('id', '=', northOfficer.id)
      .execute();

    // Ben's exception was confirmed on 1 July 2026: before that his late plan counts in "excluding exceptions".
    const excluding = async (asOf: string) =>
      (await service().countFigures(leader, { asOf })).figures.find(
        (f) => f.id === 'plans-20-weeks-excluding',
      )!.year;
    expect(await excluding('2026-06-30')).toEqual({ counted: 2, met: 1, percent: 50 });
    expect(await excluding('2026-07-01')).toEqual({ counted: 1, met: 1, percent: 100 });

    // Put Ben back as he was, and forget the change.
    await db
      .updateTable('child')
      .set({ lead_officer_id: southOfficer.lead_officer_id, primary_need: 'SEMH', ethnicity: 'APKN' })
      .where('id', '=', kids.Ben!)
      .execute();
    await db
      .deleteFrom('child_key_history')
      .where('child_id', '=', kids.Ben!)
      .where('changed_on', '>', '2025-01-01')
      .execute();
  }, 120_000);

  it('as of a past day, counts a plan ceased since: the children with a plan, out of education, and the transfer cohort', async () => {
    const db = t.database.db;
    const ended = async (childId: string, kind: string, on: string | null, at: string) => {
      await db.updateTable('child').set({ plan_status: 'ceased' }).where('id', '=', childId).execute();
      await db
        .insertInto('case_event')
        .values({
          la_code: la,
          child_id: childId,
          at: new Date(`${at}T10:00:00Z`),
          kind,
          summary: 'The plan stopped',
          detail: JSON.stringify(on ? { on } : {}),
        })
        .execute();
    };
    const figure = async (asOf: string, id: MeasureId) => {
      const page = await service().countFigures(leader, { asOf });
      return { withPlan: page.withPlan, year: page.figures.find((f) => f.id === id)!.year };
    };
    const before = await figure('2026-10-19', 'not-in-full-time-education');
    expect(before.year.counted).toBe(1);
    // Dee's plan ceased on 20 October 2026 (the ceasing feature's entry, recorded a day later, says the day).
    await ended(kids.Dee!, 'plan.ceased', '2026-10-20', '2026-10-21');
    // The day before, Dee still had a plan and was out of full-time education: the number and its list agree.
    const onTheEve = await figure('2026-10-19', 'not-in-full-time-education');
    expect(onTheEve).toEqual(before);
    expect(names((await listed('not-in-full-time-education', { asOf: '2026-10-19' })).rows)).toEqual(['Dee']);
    // From the day it ceased, not.
    const after = await figure('2026-10-20', 'not-in-full-time-education');
    expect(after.withPlan).toBe(before.withPlan - 1);
    expect(after.year.counted).toBe(0);
    expect((await listed('not-in-full-time-education', { asOf: '2026-10-20' })).rows).toEqual([]);
    // The month's-end trend: September (Dee then had a plan) counts her.
    // (Days the job has not counted: a kept count is the casework as it stood when counted.)
    const LATER = '2026-10-30';
    const trend = (await service().countFigures(leader, { asOf: LATER })).figures.find(
      (f) => f.id === 'not-in-full-time-education',
    )!.trend;
    expect(trend.find((m) => m.month === '2026-09')!.tally.counted).toBe(1);
    expect(trend.at(-1)!.tally.counted).toBe(0);

    // Gus's plan was sent to another council in September 2026, after his cohort's deadline (an older history's
    // entry, dated by when it was recorded): he is still in the cohort he moved with, named in time.
    await ended(kids.Gus!, 'plan-ceased', null, '2026-09-20');
    expect(names((await listed('phase-transfers', { asOf: LATER })).rows)).toEqual(['Gus', 'Hal']);
    expect(names((await listed('phase-transfers', { asOf: LATER, show: 'met' })).rows)).toEqual(['Gus']);
    // Had it ended before 1 February 2026 (his setting's day for the cohort), he had no plan to name a school in.
    await db
      .updateTable('case_event')
      .set({ at: new Date('2026-01-10T10:00:00Z') })
      .where('child_id', '=', kids.Gus!)
      .where('kind', '=', 'plan-ceased')
      .execute();
    expect(names((await listed('phase-transfers', { asOf: LATER })).rows)).toEqual(['Hal']);
    // A ceased plan whose end is not dated anywhere counts as ended on every day, as before.
    await db
      .deleteFrom('case_event')
      .where('child_id', '=', kids.Gus!)
      .where('kind', '=', 'plan-ceased')
      .execute();
    expect(names((await listed('phase-transfers', { asOf: LATER })).rows)).toEqual(['Hal']);

    // Put them back.
    for (const id of [kids.Dee!, kids.Gus!]) {
      await db.updateTable('child').set({ plan_status: 'plan' }).where('id', '=', id).execute();
      await db
        .deleteFrom('case_event')
        .where('child_id', '=', id)
        .where('kind', 'in', ['plan.ceased', 'plan-ceased'])
        .execute();
    }
  }, 120_000);
});
