/** The education pages' view models: pure, no server. */
import { describe, expect, it } from 'vitest';
import { episodeDetail, listView } from './view-models.ts';
import type { EpisodeView } from './service.ts';

const base: EpisodeView = {
  id: 'e1',
  child_id: 'c1',
  kind: 'suspension',
  start_date: '2026-03-05',
  end_date: null,
  days: 3,
  hours_a_week: null,
  reason: null,
  review_date: null,
  setting_id: null,
  recorded_on: '2026-03-05',
  label: 'Suspension',
  lastDay: '2026-03-09',
  open: true,
};

describe('education view models', () => {
  it("says what each episode's row shows beyond its dates", () => {
    expect(episodeDetail(base)).toBe('3 school days, to 9 March 2026');
    expect(
      episodeDetail({
        ...base,
        kind: 'part-time-timetable',
        days: null,
        hours_a_week: 12.5,
        reason: 'Anxiety',
        review_date: '2026-04-17',
      }),
    ).toBe('12.5 hours a week; agreed end or review 17 April 2026. Reason: Anxiety');
    expect(episodeDetail({ ...base, kind: 'home-education', days: null })).toBe('');
  });

  it('links each count to its children, keeping the other filter, and names the filter shown', () => {
    const view = listView(
      {
        today: '2026-03-02',
        total: 3,
        bySchool: [
          { settingId: 's1', name: 'Alder Primary', n: 2 },
          { settingId: null, name: null, n: 1 },
        ],
        byNeed: [
          { need: 'ASD', n: 2 },
          { need: null, n: 1 },
        ],
        result: { rows: [], total: 2, page: 1, pages: 1 },
      },
      { school: 's1' },
    );
    expect(view.bySchool.map((s) => [s.name, s.href])).toEqual([
      ['Alder Primary', '/education?school=s1'],
      ['No school recorded', '/education?school=none'],
    ]);
    expect(view.byNeed.map((r) => [r.name, r.href])).toEqual([
      ['Autistic spectrum disorder', '/education?school=s1&need=ASD'],
      ['Not recorded', '/education?school=s1&need=none'],
    ]);
    expect(view.filtered).toBe('Alder Primary');
    expect(view.shown).toBe(2);
  });
});
