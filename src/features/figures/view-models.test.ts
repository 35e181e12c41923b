/** The links from the figures page's numbers: built from one base per figure, the same URLs as the definition. */
import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { DIMENSIONS, MEASURE_IDS, type Show } from '../../domain/figures/index.ts';
import {
  BREAKDOWN_PAGE_SIZE,
  BREAKDOWN_ROWS,
  childrenHref,
  childrenHrefs,
  figuresView,
} from './view-models.ts';
import { configureViewEnvironment, viewOptions, viewTemplates } from '../../platform/web/views.ts';

describe('childrenHrefs', () => {
  it('gives the same link as childrenHref for every figure, breakdown, cell, group and kind', () => {
    const shows: Array<Show | undefined> = [undefined, 'all', 'met', 'not-met'];
    for (const id of MEASURE_IDS) {
      for (const by of [undefined, ...DIMENSIONS]) {
        const fast = childrenHrefs(id, '2026-03-07', by);
        for (const cell of [
          {},
          { key: 'a6f1c0de-0000-4000-8000-000000000001' },
          { key: 'not-recorded' },
          { key: 'a b&c' },
          { group: 'named-late' },
        ]) {
          for (const show of shows) {
            const extra = { ...cell, ...(show ? { show } : {}) };
            expect(fast(extra), JSON.stringify({ id, by, extra })).toBe(
              childrenHref(id, '2026-03-07', { by, ...extra }),
            );
          }
        }
      }
    }
  });
});

describe('figuresView: a long breakdown', () => {
  const tally = (n: number) => ({ counted: n, met: n, percent: n ? 100 : null });
  const keys = Array.from({ length: 20 }, (_, i) => `s${String(i).padStart(2, '0')}`);
  const data = {
    asOf: '2026-03-07',
    year: { from: '2025-03-08', to: '2026-03-07' },
    withPlan: 100,
    countedAt: null,
    names: { teams: new Map(), settings: new Map(keys.map((k) => [k, `Setting ${k}`])) },
    figures: [
      {
        id: 'requests-6-weeks' as const,
        year: tally(210),
        trend: [],
        groups: [],
        breakdown: keys.map((key, i) => ({ key, tally: tally(i + 1) })),
      },
    ],
  };
  const view = (all?: 'requests-6-weeks') =>
    figuresView(
      data as never,
      { asOf: '2026-03-07', by: 'school', all, show: 'all', page: 1 },
      {
        by: 'school',
      },
    ).figures.find((f) => f.measure.id === 'requests-6-weeks') as {
      breakdown: Array<{ label: string; counted: number }>;
      breakdownAll: { n: number; href: string } | null;
      breakdownPage: unknown;
    };

  it('shows the settings with the most counted and links to the whole breakdown', () => {
    const f = view();
    expect(f.breakdown).toHaveLength(BREAKDOWN_ROWS);
    expect(Math.min(...f.breakdown.map((r) => r.counted))).toBe(20 - BREAKDOWN_ROWS + 1);
    expect(f.breakdownAll).toEqual({
      n: 20,
      href: '/figures?by=school&all=requests-6-weeks#requests-6-weeks',
    });
  });

  it('shows every setting when the figure’s whole breakdown is asked for', () => {
    const f = view('requests-6-weeks');
    expect(f.breakdown).toHaveLength(20);
    expect(f.breakdownAll).toBeNull();
    expect(f.breakdownPage).toMatchObject({ from: 1, to: 20, n: 20, pagination: { items: [] } });
  });
});

describe('figuresView: the whole breakdown of a figure by school, paged', () => {
  const tally = (n: number) => ({ counted: n, met: 0, percent: 0 });
  const n = 2 * BREAKDOWN_PAGE_SIZE + 7;
  const keys = Array.from({ length: n }, (_, i) => `s${String(i).padStart(3, '0')}`);
  const data = {
    asOf: '2026-03-07',
    year: { from: '2025-03-08', to: '2026-03-07' },
    withPlan: 100,
    countedAt: null,
    names: { teams: new Map(), settings: new Map(keys.map((k) => [k, `Setting ${k}`])) },
    figures: [
      {
        id: 'requests-6-weeks' as const,
        year: tally(n),
        trend: [],
        groups: [],
        breakdown: [...keys].reverse().map((key, i) => ({ key, tally: tally(i + 1) })),
      },
    ],
  };
  const view = (page: number) =>
    figuresView(
      data as never,
      { asOf: '2026-03-07', by: 'school', all: 'requests-6-weeks', show: 'all', page },
      { by: 'school' },
    ).figures.find((f) => f.measure.id === 'requests-6-weeks') as {
      breakdown: Array<{ label: string; counted: number }>;
      breakdownAll: unknown;
      breakdownPage: {
        from: number;
        to: number;
        n: number;
        topHref: string;
        pagination: {
          previous?: { href: string };
          next?: { href: string };
          items: Array<{ number?: number; href?: string; current?: boolean }>;
        };
      };
    };

  it('draws one page of settings at a time, in the order of their names, with the platform pagination', () => {
    const pages = [1, 2, 3].map(view);
    expect(pages.map((f) => f.breakdown.length)).toEqual([BREAKDOWN_PAGE_SIZE, BREAKDOWN_PAGE_SIZE, 7]);
    // every setting once, in name order across the pages
    expect(pages.flatMap((f) => f.breakdown.map((r) => r.label))).toEqual(keys.map((k) => `Setting ${k}`));
    expect(pages[1]!.breakdownPage).toMatchObject({
      from: BREAKDOWN_PAGE_SIZE + 1,
      to: 2 * BREAKDOWN_PAGE_SIZE,
      n,
      topHref: '/figures?by=school#requests-6-weeks',
    });
    expect(pages[1]!.breakdownPage.pagination.previous?.href).toBe(
      '/figures?by=school&all=requests-6-weeks#requests-6-weeks',
    );
    expect(pages[1]!.breakdownPage.pagination.next?.href).toBe(
      '/figures?by=school&all=requests-6-weeks&page=3#requests-6-weeks',
    );
    expect(pages[1]!.breakdownPage.pagination.items.find((i) => i.current)?.number).toBe(2);
    expect(pages[0]!.breakdownAll).toBeNull();
  });

  it('renders the page of the breakdown with its pagination and the way back to the 15', () => {
    const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(viewTemplates), viewOptions);
    configureViewEnvironment(env);
    const view = figuresView(
      data,
      { asOf: '2026-03-07', by: 'school', all: 'requests-6-weeks', show: 'all', page: 2 },
      { by: 'school' },
    );
    const html = env.render('figures/index.njk', view);
    expect(html).toContain(`${BREAKDOWN_PAGE_SIZE + 1} to ${2 * BREAKDOWN_PAGE_SIZE} of ${n}, by name.`);
    expect(html).toContain('govuk-pagination');
    expect(html).toContain('href="/figures?by=school&amp;all=requests-6-weeks&amp;page=3#requests-6-weeks"');
    expect(html).toContain('Setting s050');
    expect(html).not.toContain('Setting s049');
  });

  it('clamps a page past the last to the last', () => {
    expect(view(99).breakdown).toHaveLength(7);
    expect(view(99).breakdownPage.from).toBe(2 * BREAKDOWN_PAGE_SIZE + 1);
  });
});
