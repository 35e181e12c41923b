/**
 * The job's count of the day (ADR 0026) against counting live, on the demo authority on both engines: every figure,
 * in every breakdown and group, and the children behind each headline (all, within and not), are the same whichever
 * way they are read; the scheduled job counts every authority as of the day it is given; and a day not counted is
 * counted live once, its count queued and kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { actorFor } from '../../../test/helpers/factories.ts';
import { DEMO_IMAGE_TODAY } from '../../../test/helpers/images.ts';
import { DIMENSIONS, type Dimension } from '../../domain/figures/index.ts';
import type { Actor } from '../../platform/access/access.ts';
import type { Handler, JobDeps } from '../../platform/jobs/jobs.ts';
import { userByEmail } from '../../platform/people/users.ts';
import { FIGURES_COUNT_QUEUE, registerFiguresJobs } from './jobs.ts';
import { createFiguresService, keptDay, type FiguresService } from './service.ts';

type Page = Awaited<ReturnType<FiguresService['figures']>>;

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
      const page = await service.figures(leader, { asOf, by });
      pages.push(comparable(page));
      if (by) continue;
      for (const f of page.figures)
        for (const show of ['all', 'met', 'not-met'] as const) {
          const list = await service.children(leader, f.id, { asOf, show, page: 1 });
          lists.push({ id: f.id, show, total: list.total, tally: list.tally, rows: list.rows });
          const last = await service.children(leader, f.id, { asOf, show, page: list.pages });
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
    expect((await service.figures(leader, { asOf })).countedAt).not.toBeNull();
    expect(await everything()).toEqual(live);
    expect(await service.headline('999', 'requests-6-weeks', asOf)).toEqual(
      first.figures.find((f) => f.id === 'requests-6-weeks')!.year,
    );
  }, 120_000);

  it('the scheduled job counts every authority as of its day', async () => {
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
    expect((await service.figures(leader, { asOf: '2026-10-31' })).countedAt).not.toBeNull();
    // The day counted before is kept (ADR 0036); a day never counted is counted live.
    expect((await service.figures(leader, { asOf })).countedAt).not.toBeNull();
    expect((await service.figures(leader, { asOf: '2026-10-30' })).countedAt).toBeNull();
  }, 120_000);

  it('counts a day not counted live once, queues its count, and reads the kept count after the job made it', async () => {
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
    const first = await asking.figures(leader, { asOf: day });
    expect(first).toMatchObject({ countedAt: null, keeping: true });
    expect(sent).toEqual([
      { queue: FIGURES_COUNT_QUEUE, data: { laCode: '999', asOf: day }, key: `999:${day}` },
    ]);
    await handlers.get(FIGURES_COUNT_QUEUE)!(sent[0]!.data);
    const kept = await asking.figures(leader, { asOf: day });
    expect(kept.countedAt).not.toBeNull();
    expect(kept.keeping).toBe(false);
    expect(comparable(kept)).toEqual({ ...comparable(first), keeping: false });
    expect(sent).toHaveLength(1);
    // A day whose count would not be kept (over 92 days before, not a month's last day) is counted live each time.
    const old = await asking.figures(leader, { asOf: '2025-06-14' });
    expect(old).toMatchObject({ countedAt: null, keeping: false });
    expect(sent).toHaveLength(1);
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
