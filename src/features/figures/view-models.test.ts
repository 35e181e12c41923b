/** The links from the figures page's numbers: built from one base per figure, the same URLs as the definition. */
import { describe, expect, it } from 'vitest';
import { DIMENSIONS, MEASURE_IDS, type Show } from '../../domain/figures/index.ts';
import { BREAKDOWN_ROWS, childrenHref, childrenHrefs, figuresView } from './view-models.ts';

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
  });
});
