import { describe, expect, it } from 'vitest';
import {
  loadReport,
  portFor,
  PUBLIC_PAGES,
  thinkTime,
  nearestRank,
  pageFigures,
  ROLE_MIX,
  roundFor,
  sessionsByRole,
  type Sample,
} from './load-mix.ts';

describe('the load mix', () => {
  it('has shares that add up to one', () => {
    expect(ROLE_MIX.reduce((s, m) => s + m.share, 0)).toBeCloseTo(1, 10);
  });

  it('gives 200 sessions by role, adding up to 200 (largest remainder)', () => {
    const byRole = sessionsByRole(200);
    expect(Object.fromEntries(byRole)).toEqual({
      caseworker: 80,
      'team-manager': 16,
      'send-leader': 4,
      adviser: 10,
      senco: 10,
      family: 20,
      'local-offer-staff': 4,
      public: 56,
    });
    for (const n of [0, 1, 7, 13, 199, 201])
      expect([...sessionsByRole(n).values()].reduce((a, b) => a + b, 0)).toBe(n);
  });

  it('rounds remainders up by the largest first', () => {
    // 3 sessions: caseworker 1.2, public 0.84, family 0.3, ... : caseworker 1, then public and caseworker's .2 lose to .84.
    const byRole = sessionsByRole(3);
    expect(byRole.get('caseworker')).toBe(1);
    expect(byRole.get('public')).toBe(1);
    expect([...byRole.values()].reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('asks for each page of a role as often as its weight, interleaved, rotated per session', () => {
    const round = roundFor('send-leader', 0);
    expect(round).toEqual(['leader_home', 'figures', 'figures']);
    expect(roundFor('send-leader', 1)).toEqual(['figures', 'figures', 'leader_home']);
    const caseworker = roundFor('caseworker', 0);
    expect(caseworker).toHaveLength(12);
    expect(caseworker.slice(0, 5)).toEqual([
      'caseworker_home',
      'workspace',
      'workspace_all',
      'child_record',
      'plan_editor',
    ]);
    expect(caseworker.filter((p) => p === 'child_record')).toHaveLength(3);
  });

  it('gives each role only pages of its own', () => {
    expect(
      roundFor('public', 0).every((p) => p.startsWith('local_offer') || p.startsWith('open_referral')),
    ).toBe(true);
    expect(roundFor('family', 0).every((p) => p === 'parent_home' || p === 'young_person_home')).toBe(true);
  });
});

describe('the public directory’s own process', () => {
  it('takes the public pages (every page of the public role, none of anyone else’s) when there is one', () => {
    const publicRound = new Set(roundFor('public', 0));
    expect([...PUBLIC_PAGES].sort()).toEqual([...publicRound].sort());
    const staffPages = ROLE_MIX.filter((r) => r.role !== 'public').flatMap((r) => r.pages.map(([p]) => p));
    expect(staffPages.some((p) => PUBLIC_PAGES.has(p))).toBe(false);
    const ports = { main: 3000, public: 3001 };
    expect(portFor('local_offer_common_word', ports)).toBe(3001);
    expect(portFor('open_referral_search', ports)).toBe(3001);
    expect(portFor('caseworker_home', ports)).toBe(3000);
  });

  it('leaves every page to the one server when there is no public process', () => {
    expect(portFor('local_offer_search', { main: 3000 })).toBe(3000);
    expect(portFor('figures', { main: 3000 })).toBe(3000);
  });
});

describe('the load report', () => {
  const samples: Sample[] = [
    ...Array.from({ length: 100 }, (_, i): Sample => ({ page: 'figures', ms: i + 1, status: 200 })),
    { page: 'workspace', ms: 40, status: 200 },
    { page: 'workspace', ms: 900, status: 500 },
  ];

  it('takes percentiles by nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(nearestRank(sorted, 50)).toBe(50);
    expect(nearestRank(sorted, 95)).toBe(95);
    expect(nearestRank(sorted, 99)).toBe(99);
    expect(nearestRank([], 50)).toBeNaN();
  });

  it('gives figures per page, counting answers other than 200 as errors', () => {
    expect(pageFigures(samples, 10)).toEqual([
      {
        page: 'figures',
        requests: 100,
        per_second: 10,
        p50_ms: 50,
        p95_ms: 95,
        p99_ms: 99,
        max_ms: 100,
        errors: 0,
      },
      {
        page: 'workspace',
        requests: 2,
        per_second: 0.2,
        p50_ms: 40,
        p95_ms: 900,
        p99_ms: 900,
        max_ms: 900,
        errors: 1,
      },
    ]);
  });

  it('prints a JSON line per page and one for the whole run, with errors, memory and load', () => {
    const lines = loadReport(
      {
        engine: 'postgres',
        sessions: 200,
        seconds: 10,
        laCode: '101',
        plans: 28000,
        memory: { rss_mb_max: 400, heap_used_mb_max: 150 },
        load: { before: '1.00, 1.00, 1.00', after: '2.00, 1.50, 1.00' },
      },
      samples,
      3,
    ).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ bench: 'load', engine: 'postgres', page: 'figures', sessions: 200 });
    expect(lines[2]).toMatchObject({
      page: 'all',
      requests: 102,
      per_second: 10.2,
      errors: 4,
      worst_page_p95_ms: 900,
      rss_mb_max: 400,
      load_before: '1.00, 1.00, 1.00',
      target_p95_ms: 500,
    });
    expect(lines[2]).not.toHaveProperty('connections_taken');
  });

  it('says the think time and the connections the server took', () => {
    const [line] = loadReport(
      {
        engine: 'pglite',
        sessions: 200,
        thinkSeconds: 10,
        seconds: 10,
        laCode: '101',
        plans: 1,
        memory: { rss_mb_max: 1, heap_used_mb_max: 1 },
        load: { before: '1', after: '1' },
        connectionsTaken: 97,
      },
      [],
    ).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(line).toMatchObject({ page: 'all', think_s: 10, connections_taken: 97 });
  });
});

describe('think time', () => {
  it('is drawn evenly between half and one and a half times the mean', () => {
    expect(thinkTime(10, () => 0)).toBe(5000);
    expect(thinkTime(10, () => 0.5)).toBe(10000);
    expect(thinkTime(10, () => 0.999)).toBe(14990);
    expect(thinkTime(0, () => 0.7)).toBe(0);
    expect(() => thinkTime(-1)).toThrow();
  });
});
