/**
 * The leaders' figures counted against the database, on both engines, over the casework of
 * test/helpers/figures-casework.ts (children built one by one: requests, advice, plans, exceptions, reviews, audits,
 * education episodes, transfers, appeals): each figure's number to the clock's day; the children behind every number
 * (the headline, each breakdown cell, each group, within and not) are exactly the list the number counts; the job's
 * count of a day gives the same numbers and lists and is kept (every day for 92 days, then months' last days); figures
 * and trends as of another day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import {
  AS_OF,
  buildFiguresCasework,
  comparable,
  figuresLookups,
  plus,
  TRANSFER_DEADLINE,
  type FiguresCasework,
} from '../../../test/helpers/figures-casework.ts';
import { DIMENSIONS, MEASURE_IDS, MEASURES, type MeasureId } from '../../domain/figures/index.ts';
import type { Actor } from '../../platform/access/access.ts';

describe.each(ENGINES)('the leaders’ figures on %s: counts and the children behind them', (engine) => {
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

  it('counts each figure from the casework, to the clock’s day', async () => {
    const page = await service().countFigures(leader, { asOf: AS_OF });
    const year = (id: MeasureId) => page.figures.find((f) => f.id === id)!.year;
    expect(year('requests-6-weeks')).toEqual({ counted: 2, met: 1, percent: 50 });
    expect(year('plans-20-weeks')).toEqual({ counted: 2, met: 1, percent: 50 });
    expect(year('plans-20-weeks-excluding')).toEqual({ counted: 1, met: 1, percent: 100 });
    expect(year('advice-6-weeks')).toEqual({ counted: 2, met: 1, percent: 50 });
    expect(year('reviews-12-months')).toEqual({ counted: 1, met: 0, percent: 0 });
    expect(year('review-decisions-4-weeks')).toEqual({ counted: 1, met: 1, percent: 100 });
    expect(year('plan-quality')).toEqual({ counted: 2, met: 1, percent: 50 });
    expect(year('amendments-12-weeks')).toEqual({ counted: 2, met: 1, percent: 50 });
    expect(year('not-in-full-time-education').counted).toBe(1);
    expect(year('tribunal-appeals')).toEqual({ counted: 2, met: 2, percent: 100 });
    expect(year('phase-transfers')).toEqual({ counted: 2, met: 1, percent: 50 });
    expect(page.withPlan).toBe(7); // Ava, Ben, Dee, Eve, Fay, Gus and Hal (Cal is being assessed)
    expect(page.figures.map((f) => f.id)).toEqual(
      MEASURE_IDS.filter((m) => MEASURES[m].kind !== 'not-recorded'),
    );
  });

  it('lists exactly the children behind each number', async () => {
    expect(names((await listed('requests-6-weeks')).rows)).toEqual(['Ava', 'Ben']);
    expect(names((await listed('requests-6-weeks', { show: 'met' })).rows)).toEqual(['Ava']);
    expect(names((await listed('requests-6-weeks', { show: 'not-met' })).rows)).toEqual(['Ben']);
    expect(names((await listed('plans-20-weeks')).rows)).toEqual(['Ava', 'Ben']);
    expect(names((await listed('plans-20-weeks', { show: 'met' })).rows)).toEqual(['Ava']);
    expect(names((await listed('plans-20-weeks-excluding')).rows)).toEqual(['Ava']);
    expect((await listed('plans-20-weeks', { show: 'not-met' })).rows[0]).toMatchObject({ exception: true });
    expect(names((await listed('advice-6-weeks', { group: 'educational-psychology' })).rows)).toEqual([
      'Ben',
    ]);
    expect(names((await listed('reviews-12-months')).rows)).toEqual(['Dee']);
    expect(names((await listed('review-decisions-4-weeks', { show: 'met' })).rows)).toEqual(['Dee']);
    expect(names((await listed('plan-quality')).rows)).toEqual(['Ava', 'Eve']);
    expect(names((await listed('advice-6-weeks', { show: 'met' })).rows)).toEqual(['Ava']);
    expect(names((await listed('plan-quality', { show: 'not-met' })).rows)).toEqual(['Eve']);
    expect((await listed('plan-quality', { show: 'not-met' })).rows[0]).toMatchObject({ group: 'moderated' });
    expect(names((await listed('not-in-full-time-education')).rows)).toEqual(['Dee']);
    expect(names((await listed('amendments-12-weeks')).rows)).toEqual(['Dee', 'Dee']);
    expect((await listed('amendments-12-weeks', { show: 'not-met' })).rows[0]).toMatchObject({
      date: '2025-12-01',
    });
    expect(names((await listed('requests-6-weeks', { by: 'team', key: teams.south })).rows)).toEqual(['Ben']);
    expect(names((await listed('tribunal-appeals')).rows)).toEqual(['Ben', 'Eve']);
    expect(names((await listed('tribunal-appeals', { group: 'pending' })).rows)).toEqual(['Eve']);
    expect((await listed('tribunal-appeals', { group: 'allowed' })).rows[0]).toMatchObject({
      childId: kids.Ben,
      date: '2026-03-10',
    });
    expect(names((await listed('tribunal-appeals', { by: 'need', key: 'MLD' })).rows)).toEqual(['Eve']);
    // Phase transfers: on the deadline day; Gus named in time, Hal after; each counted in the cohort he moved with.
    const transfers = await listed('phase-transfers');
    expect(names(transfers.rows)).toEqual(['Gus', 'Hal']);
    expect(transfers.rows.map((r) => r.date)).toEqual([TRANSFER_DEADLINE, TRANSFER_DEADLINE]);
    expect(names((await listed('phase-transfers', { show: 'met' })).rows)).toEqual(['Gus']);
    expect(names((await listed('phase-transfers', { group: 'named-late' })).rows)).toEqual(['Hal']);
    expect(names((await listed('phase-transfers', { by: 'team', key: teams.south })).rows)).toEqual(['Hal']);
    // As of the day before the deadline neither is counted; as of the deadline Hal is not named yet.
    const before = await service().countFigures(leader, { asOf: plus(TRANSFER_DEADLINE, -1) });
    expect(before.figures.find((f) => f.id === 'phase-transfers')!.year.counted).toBe(0);
    const onTheDay = await service().countChildren(leader, 'phase-transfers', {
      asOf: TRANSFER_DEADLINE,
      show: 'all',
      page: 1,
    });
    expect(onTheDay.rows.map((r) => [names([r])[0], r.met, r.group]).sort()).toEqual([
      ['Gus', true, 'in-time'],
      ['Hal', false, 'not-named'],
    ]);
  });

  /** Every number on the page, in every breakdown, group and "within or not", with the list behind it. */
  const everyNumber = async () => {
    const seen: Array<{ page: unknown; lists: unknown[] }> = [];
    for (const by of [undefined, ...DIMENSIONS]) {
      const page = await service().countFigures(leader, { asOf: AS_OF, by });
      const lists: unknown[] = [];
      for (const f of comparable(page).figures) {
        const cells = [
          { input: {}, tally: f.year },
          ...f.breakdown.map((r) => ({ input: { by, key: r.key }, tally: r.tally })),
          ...f.groups.map((r) => ({ input: { group: r.key }, tally: r.tally })),
        ];
        for (const cell of cells) {
          for (const [show, n] of [
            ['all', cell.tally.counted],
            ['met', cell.tally.met],
            ['not-met', cell.tally.counted - cell.tally.met],
          ] as const) {
            const list = await listed(f.id, { ...cell.input, show: show });
            expect(list.total, `${f.id} ${JSON.stringify(cell.input)} ${show}`).toBe(n);
            expect(list.rows).toHaveLength(Math.min(n, 50));
            lists.push({
              id: f.id,
              ...cell.input,
              show,
              total: list.total,
              tally: list.tally,
              rows: list.rows,
            });
          }
        }
      }
      seen.push({ page: comparable(page), lists });
    }
    return seen;
  };

  it('every number on the page, in every breakdown, agrees with its list of children', async () => {
    await everyNumber();
  }, 240_000);

  it('the job’s count of the day gives the same numbers and the same lists as counting live', async () => {
    const live = await everyNumber();
    expect((await service().countFigures(leader, { asOf: AS_OF })).countedAt).toBeNull();
    const made = await service().recount(la, AS_OF);
    expect(made.items).toBeGreaterThan(10);
    const page = await service().countFigures(leader, { asOf: AS_OF });
    expect(page.countedAt).not.toBeNull();
    const counted = await everyNumber();
    expect(counted).toEqual(live);
    const logged = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'record_id', 'detail'])
      .where('la_code', '=', la)
      .where('action', '=', 'figures.counted')
      .execute();
    expect(logged).toHaveLength(1);
    expect(logged[0]!.record_id).toBe(made.id);
    // A second count of the day replaces the first; a day never counted is still counted live.
    await service().recount(la, AS_OF);
    const days = () =>
      t.database.db
        .selectFrom('figure_count')
        .select('as_of')
        .where('la_code', '=', la)
        .orderBy('as_of')
        .execute()
        .then((rows) => rows.map((r) => r.as_of));
    expect(await days()).toEqual([AS_OF]);
    expect((await service().countFigures(leader, { asOf: '2026-11-30' })).countedAt).toBeNull();
  }, 240_000);

  it('keeps each day’s count: a past day the job counted is read from its count, the same as live', async () => {
    const past = '2026-09-15';
    const live = comparable(await service().countFigures(leader, { asOf: past, by: 'team' }));
    const liveList = await listed('requests-6-weeks', { asOf: past, show: 'not-met' });
    await service().recount(la, past);
    await service().recount(la, AS_OF);
    const page = await service().countFigures(leader, { asOf: past, by: 'team' });
    expect(page.countedAt).not.toBeNull();
    expect(comparable(page)).toEqual(live);
    const list = await listed('requests-6-weeks', { asOf: past, show: 'not-met' });
    expect(list).toEqual(liveList);
    expect((await service().countFigures(leader, { asOf: AS_OF })).countedAt).not.toBeNull();
    // A count made after the casework changed stays as counted: it is the casework as it stood then.
    const counted = await t.database.db
      .selectFrom('figure_count')
      .select('as_of')
      .where('la_code', '=', la)
      .orderBy('as_of')
      .execute();
    expect(counted.map((r) => r.as_of)).toEqual([past, AS_OF]);
    // Tidy: the other tests count these days live.
    await t.database.db
      .deleteFrom('figure_count')
      .where('la_code', '=', la)
      .where('as_of', '=', past)
      .execute();
  }, 240_000);

  it('keeps every day’s count for 92 days, then only months’ last days, for 25 months', async () => {
    const other = '932';
    for (const day of ['2024-09-30', '2024-10-31', '2026-06-29', '2026-06-30', '2026-08-01', '2026-10-30'])
      await service().recount(other, day);
    await service().recount(other, '2026-10-31');
    const kept = await t.database.db
      .selectFrom('figure_count')
      .select('as_of')
      .where('la_code', '=', other)
      .orderBy('as_of')
      .execute();
    // 2024-09-30 is over 25 months before; 2026-06-29 over 92 days and not a month's end.
    expect(kept.map((r) => r.as_of)).toEqual([
      '2024-10-31',
      '2026-06-30',
      '2026-08-01',
      '2026-10-30',
      '2026-10-31',
    ]);
    await t.database.db.deleteFrom('figure_count').where('la_code', '=', other).execute();
  }, 240_000);

  it('counts as of another day: a later decision appears, the trend keeps each month', async () => {
    const later = await service().countFigures(leader, { asOf: '2026-11-30' });
    expect(later.figures.find((f) => f.id === 'requests-6-weeks')!.year.counted).toBe(3);
    const before = await service().countFigures(leader, { asOf: '2026-01-31' });
    expect(before.figures.find((f) => f.id === 'requests-6-weeks')!.year.counted).toBe(0);
    const page = await service().countFigures(leader, { asOf: AS_OF });
    const nfte = page.figures.find((f) => f.id === 'not-in-full-time-education')!;
    expect(nfte.trend).toHaveLength(24);
    expect(nfte.trend.find((m) => m.month === '2026-07')!.tally.counted).toBe(1); // Fay, missing education
    expect(nfte.trend.find((m) => m.month === '2026-10')!.tally.counted).toBe(1); // Dee
    const reviews = page.figures.find((f) => f.id === 'reviews-12-months')!;
    expect(reviews.trend.reduce((sum, m) => sum + m.tally.counted, 0)).toBe(2);
    // Appeals by the month registered: Ava's (June 2025) is in the 24 months though not in the 12.
    const appeals = page.figures.find((f) => f.id === 'tribunal-appeals')!;
    expect(appeals.trend.filter((m) => m.tally.counted).map((m) => m.month)).toEqual([
      '2025-06',
      '2026-03',
      '2026-10',
    ]);
    // As of the day before Ben's appeal was decided it was not decided yet; Fay's counts once registered.
    const beforeDecision = (await service().countFigures(leader, { asOf: '2026-08-31' })).figures.find(
      (f) => f.id === 'tribunal-appeals',
    )!;
    expect(beforeDecision.groups).toEqual([{ key: 'pending', tally: { counted: 1, met: 1, percent: 100 } }]);
    const after = (await service().countFigures(leader, { asOf: '2026-11-30' })).figures.find(
      (f) => f.id === 'tribunal-appeals',
    )!;
    expect(after.year.counted).toBe(3);
  });
});
