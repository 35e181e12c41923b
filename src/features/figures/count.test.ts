/**
 * The job's count of the day (ADR 0026) against counting live, on the demo authority on both engines: every figure,
 * in every breakdown and group, and the children behind each headline (all, within and not), are the same whichever
 * way they are read; the scheduled job counts every authority as of the day it is given; and a day not counted is
 * never counted on the request: its count is queued once and kept (ADR 0061).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { actorFor } from '../../../test/helpers/factories.ts';
import { analyzeNow, plannerRows } from '../../../test/helpers/planner-statistics.ts';
import { DEMO_IMAGE_TODAY } from '../../../test/helpers/images.ts';
import { DIMENSIONS, type Dimension } from '../../domain/figures/index.ts';
import type { Actor } from '../../platform/access/access.ts';
import type { Handler, JobDeps } from '../../platform/jobs/jobs.ts';
import { userByEmail } from '../../platform/people/users.ts';
import { FIGURES_COUNT_QUEUE, registerFiguresJobs } from './jobs.ts';
import { createFiguresService, keptDay, keptUntilFor, type FiguresService } from './service.ts';

type Page = Awaited<ReturnType<FiguresService['countFigures']>>;

/** The page without when it was counted, its breakdowns and groups in key order (the view sorts them). */
const comparable = (page: Page) => ({
  ...page,
  countedAt: undefined,
  figures: page.figures.map((f) => ({
    ...f,
    breakdown: [...f.breakdown].sort((a, b) => a.key.localeCompare(b.key)),
    groups: [...f.groups].sort((a, b) => a.key.localeCompare(b.key)),
  })),
});

describe.each(ENGINES)('the figures’ count on the demo (%s)', (engine) => {
  let database: TestDatabase;
  let service: FiguresService;
  let leader: Actor;
  const asOf = DEMO_IMAGE_TODAY;

  beforeAll(async () => {
    database = await createTestDatabase(engine, { image: 'demo' });
    service = createFiguresService({ db: database.db, today: () => asOf });
    const user = await userByEmail(database.db, '999', 'leader@demo.example');
    leader = actorFor({ id: user!.id, email: 'leader@demo.example', laCode: '999', role: 'send-leader' });
  }, 120_000);
  afterAll(() => database?.close());

  const everything = async () => {
    const pages: unknown[] = [];
    const lists: unknown[] = [];
    for (const by of [undefined, ...DIMENSIONS] as Array<Dimension | undefined>) {
      const page = await service.countFigures(leader, { asOf, by });
      pages.push(comparable(page));
      if (by) continue;
      for (const f of page.figures)
        for (const show of ['all', 'met', 'not-met'] as const) {
          const list = await service.countChildren(leader, f.id, { asOf, show, page: 1 });
          lists.push({ id: f.id, show, total: list.total, tally: list.tally, rows: list.rows });
          const last = await service.countChildren(leader, f.id, { asOf, show, page: list.pages });
          lists.push({ id: f.id, show, page: last.page, rows: last.rows });
        }
    }
    return { pages, lists };
  };

  it('gives the same figures and the same children as counting live', async () => {
    const live = await everything();
    const first = live.pages[0] as ReturnType<typeof comparable>;
    expect(first.figures.find((f) => f.id === 'reviews-12-months')!.year.counted).toBeGreaterThan(10);
    const made = await service.recount('999', asOf);
    expect(made.items).toBeGreaterThan(100);
    expect((await service.countFigures(leader, { asOf })).countedAt).not.toBeNull();
    expect(await everything()).toEqual(live);
    expect(await service.headline('999', 'requests-6-weeks', asOf)).toEqual(
      first.figures.find((f) => f.id === 'requests-6-weeks')!.year,
    );
  }, 120_000);

  it('the scheduled job counts every authority as of its day, and analyses the counts after', async () => {
    // The statistics taken before the job adds a day's count (autovacuum may be late or off).
    for (const table of ['figure_count', 'figure_item', 'figure_tally'] as const)
      await analyzeNow(database.db, table);
    const before = await plannerRows(database.db, 'figure_item');
    const handlers = new Map<string, Handler>();
    const schedules: string[] = [];
    registerFiguresJobs({
      database,
      jobs: {
        handle: (queue: string, handler: Handler) => handlers.set(queue, handler),
        schedule: (queue: string) => schedules.push(queue),
      },
    } as unknown as JobDeps);
    expect(schedules).toEqual([FIGURES_COUNT_QUEUE]);
    await handlers.get(FIGURES_COUNT_QUEUE)!({ today: '2026-10-31' });
    const counts = await database.db.selectFrom('figure_count').select(['la_code', 'as_of']).execute();
    expect(counts).toContainEqual({ la_code: '999', as_of: '2026-10-31' });
    const after = await plannerRows(database.db, 'figure_item');
    expect(after.rows).toBeGreaterThan(before.rows);
    for (const table of ['figure_count', 'figure_item', 'figure_tally'] as const) {
      const rows = await plannerRows(database.db, table);
      expect(rows.planned, table).toBe(rows.rows);
    }
    expect((await service.countFigures(leader, { asOf: '2026-10-31' })).countedAt).not.toBeNull();
    // The day counted before is kept (ADR 0036); a day never counted is counted live.
    expect((await service.countFigures(leader, { asOf })).countedAt).not.toBeNull();
    expect((await service.countFigures(leader, { asOf: '2026-10-30' })).countedAt).toBeNull();
  }, 120_000);

  it('never counts a day not counted on the request: queues its count once, and reads the kept count after the job made it', async () => {
    const handlers = new Map<string, Handler>();
    const sent: Array<{ queue: string; data: object; key: string | undefined }> = [];
    const jobs = {
      handle: (queue: string, handler: Handler) => handlers.set(queue, handler),
      schedule: () => undefined,
      send: (_trx: unknown, queue: string, data: object, options?: { singletonKey?: string }) => {
        sent.push({ queue, data, key: options?.singletonKey });
        return Promise.resolve();
      },
    } as unknown as JobDeps['jobs'];
    registerFiguresJobs({ database, jobs } as unknown as JobDeps);
    const asking = createFiguresService({ db: database.db, today: () => asOf, jobs });
    const day = '2026-10-29';
    expect(await asking.figures(leader, { asOf: day })).toEqual({ ready: false, asOf: day });
    expect(await asking.children(leader, 'requests-6-weeks', { asOf: day, show: 'all', page: 1 })).toEqual({
      ready: false,
      asOf: day,
    });
    expect(
      await asking.childrenExport(leader, 'requests-6-weeks', { asOf: day, show: 'all', page: 1 }),
    ).toBeNull();
    const asked = {
      queue: FIGURES_COUNT_QUEUE,
      data: { laCode: '999', asOf: day, today: asOf },
      key: `999:${day}`,
    };
    expect(sent).toEqual([asked, asked, asked]);
    await handlers.get(FIGURES_COUNT_QUEUE)!(sent[0]!.data);
    const kept = await asking.figures(leader, { asOf: day });
    if (!kept.ready) throw new Error('The day was counted');
    expect(kept.countedAt).not.toBeNull();
    expect(comparable(kept)).toEqual({
      ...comparable(await service.countFigures(leader, { asOf: day })),
      ready: true,
    });
    expect(sent).toHaveLength(3);
    // A second job for the day (sent while the first waited) finds it counted and does nothing.
    await handlers.get(FIGURES_COUNT_QUEUE)!(sent[1]!.data);
    const again = await asking.figures(leader, { asOf: day });
    expect(again.ready && again.countedAt).toEqual(kept.countedAt);
    // A day the usual rules would not keep (over 92 days before, not a month's last day) is counted by the job too,
    // and kept for a week after it was asked for: the scheduled count of today does not delete it, a later one does.
    const old = '2025-06-14';
    expect(await asking.figures(leader, { asOf: old })).toEqual({ ready: false, asOf: old });
    await handlers.get(FIGURES_COUNT_QUEUE)!(sent[3]!.data);
    const keptUntil = await database.db
      .selectFrom('figure_count')
      .select('kept_until')
      .where('la_code', '=', '999')
      .where('as_of', '=', old)
      .executeTakeFirstOrThrow();
    expect(keptUntil.kept_until).toBe(keptUntilFor(old, asOf));
    expect(keptUntilFor(old, asOf)).toBe('2026-11-08');
    expect(keptUntilFor(day, asOf)).toBeNull();
    await service.recount('999', asOf);
    expect((await asking.figures(leader, { asOf: old })).ready).toBe(true);
    await service.recount('999', '2026-11-09');
    expect(await asking.figures(leader, { asOf: old })).toEqual({ ready: false, asOf: old });
    await database.db.deleteFrom('figure_count').where('as_of', 'in', [day, '2026-11-09']).execute();
  }, 240_000);
});

describe('keptDay', () => {
  it('keeps every day of the last 92 and each month’s last day for 25 months', () => {
    const today = '2026-12-06';
    expect(keptDay(today, today)).toBe(true);
    expect(keptDay('2026-09-05', today)).toBe(true);
    expect(keptDay('2026-09-04', today)).toBe(false);
    expect(keptDay('2026-08-31', today)).toBe(true);
    expect(keptDay('2024-12-31', today)).toBe(true);
    expect(keptDay('2024-11-30', today)).toBe(false);
    expect(keptDay('2024-02-29', '2024-12-06')).toBe(true);
    expect(keptDay('2026-12-07', today)).toBe(false);
  });
});
