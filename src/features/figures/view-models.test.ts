/** The links from the figures page's numbers: built from one base per figure, the same URLs as the definition. */
import { describe, expect, it } from 'vitest';
import { DIMENSIONS, MEASURE_IDS, type Show } from '../../domain/figures/index.ts';
import { childrenHref, childrenHrefs } from './view-models.ts';

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
