/**
 * The pure parts of `goldthread bench load`: who the concurrent sessions are (the mix of roles at the busiest time),
 * what each role asks for and how often, and the report of per-page latencies. No I/O; tested in load-mix.test.ts.
 */

export type PageKey =
  | 'caseworker_home'
  | 'manager_home'
  | 'leader_home'
  | 'adviser_home'
  | 'senco_home'
  | 'parent_home'
  | 'young_person_home'
  | 'editor_home'
  | 'provider_home'
  | 'admin_home'
  | 'workspace'
  | 'workspace_all'
  | 'review_backlog'
  | 'transfer_board'
  | 'plan_editor'
  | 'child_record'
  | 'figures'
  | 'local_offer_search'
  | 'local_offer_common_word'
  | 'local_offer_filters'
  | 'open_referral_services'
  | 'open_referral_search';

export type LoadRole =
  | 'caseworker'
  | 'team-manager'
  | 'send-leader'
  | 'adviser'
  | 'senco'
  | 'family'
  | 'local-offer-staff'
  | 'public';

export interface RoleMix {
  readonly role: LoadRole;
  /** Share of the concurrent sessions (the shares add up to 1). */
  readonly share: number;
  /** The pages this role asks for, with relative weights. */
  readonly pages: readonly (readonly [PageKey, number])[];
}

/**
 * The weeks before 15 February: caseworkers are most of the signed-in staff, families and the public read the Local
 * Offer, leaders look at the figures. Each role asks only for pages its role may use.
 */
export const ROLE_MIX: readonly RoleMix[] = [
  {
    role: 'caseworker',
    share: 0.4,
    pages: [
      ['caseworker_home', 3],
      ['workspace', 3],
      ['workspace_all', 1],
      ['child_record', 3],
      ['plan_editor', 2],
    ],
  },
  {
    role: 'team-manager',
    share: 0.08,
    pages: [
      ['manager_home', 2],
      ['review_backlog', 2],
      ['transfer_board', 2],
      ['workspace_all', 1],
    ],
  },
  {
    role: 'send-leader',
    share: 0.02,
    pages: [
      ['leader_home', 1],
      ['figures', 2],
    ],
  },
  { role: 'adviser', share: 0.05, pages: [['adviser_home', 1]] },
  { role: 'senco', share: 0.05, pages: [['senco_home', 1]] },
  {
    role: 'family',
    share: 0.1,
    pages: [
      ['parent_home', 2],
      ['young_person_home', 1],
    ],
  },
  {
    role: 'local-offer-staff',
    share: 0.02,
    pages: [
      ['editor_home', 2],
      ['provider_home', 1],
      ['admin_home', 1],
    ],
  },
  {
    role: 'public',
    share: 0.28,
    pages: [
      ['local_offer_search', 3],
      ['local_offer_common_word', 3],
      ['local_offer_filters', 2],
      ['open_referral_services', 1],
      ['open_referral_search', 1],
    ],
  },
];

/** How many of `total` sessions each role has: shares rounded by largest remainder, so they add up to `total`. */
export function sessionsByRole(total: number, mix: readonly RoleMix[] = ROLE_MIX): Map<LoadRole, number> {
  if (!Number.isInteger(total) || total < 0) throw new Error('total must be a whole number');
  const exact = mix.map((m) => ({ role: m.role, n: m.share * total }));
  const counts = exact.map((e) => ({ role: e.role, n: Math.floor(e.n), rest: e.n - Math.floor(e.n) }));
  let left = total - counts.reduce((s, c) => s + c.n, 0);
  for (const c of [...counts].sort((a, b) => b.rest - a.rest)) {
    if (left <= 0) break;
    c.n++;
    left--;
  }
  return new Map(counts.map((c) => [c.role, c.n]));
}

/**
 * The round of pages one session of `role` asks for, in turn: each page repeated by its weight, interleaved so a
 * session does not ask for the same page twice running when it has others, and rotated by the session's number so
 * sessions of a role do not move in step.
 */
export function roundFor(role: LoadRole, session: number, mix: readonly RoleMix[] = ROLE_MIX): PageKey[] {
  const entry = mix.find((m) => m.role === role);
  if (!entry) throw new Error(`no mix for ${role}`);
  const left = new Map(entry.pages.map(([k, w]) => [k, w]));
  const round: PageKey[] = [];
  while ([...left.values()].some((w) => w > 0)) {
    for (const [k] of entry.pages) {
      const w = left.get(k)!;
      if (w > 0) {
        round.push(k);
        left.set(k, w - 1);
      }
    }
  }
  const shift = round.length === 0 ? 0 : session % round.length;
  return [...round.slice(shift), ...round.slice(0, shift)];
}

/**
 * The public directory's pages: the Local Offer and the Open Referral API, which anyone may read. A national
 * deployment serves them from processes of their own (ADR 0038: read replicas serve the public directory; ADR 0069),
 * so a family's search never waits behind a caseworker's page on one event loop; `bench load --public-process` does.
 */
export const PUBLIC_PAGES: ReadonlySet<PageKey> = new Set<PageKey>([
  'local_offer_search',
  'local_offer_common_word',
  'local_offer_filters',
  'open_referral_services',
  'open_referral_search',
]);

/** The port a page is asked of: the public directory's own process when there is one, else the one server. */
export function portFor(page: PageKey, ports: { readonly main: number; readonly public?: number }): number {
  return ports.public !== undefined && PUBLIC_PAGES.has(page) ? ports.public : ports.main;
}

/** One measured response. */
export interface Sample {
  readonly page: PageKey;
  readonly ms: number;
  readonly status: number;
}

export interface PageFigures {
  readonly page: PageKey;
  readonly requests: number;
  readonly per_second: number;
  readonly p50_ms: number;
  readonly p95_ms: number;
  readonly p99_ms: number;
  readonly max_ms: number;
  /** Responses other than 200, and requests that got no answer. */
  readonly errors: number;
}

/** The p-th percentile (nearest rank) of numbers sorted ascending; NaN for none. */
export function nearestRank(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[at]!;
}

const one = (n: number) => Math.round(n * 10) / 10;

/** Per-page figures from the samples of a run that lasted `seconds`, pages in the order first seen. */
export function pageFigures(samples: readonly Sample[], seconds: number): PageFigures[] {
  const byPage = new Map<PageKey, Sample[]>();
  for (const s of samples) byPage.set(s.page, [...(byPage.get(s.page) ?? []), s]);
  return [...byPage].map(([page, list]) => {
    const ms = list.map((s) => s.ms).sort((a, b) => a - b);
    return {
      page,
      requests: list.length,
      per_second: seconds > 0 ? one(list.length / seconds) : 0,
      p50_ms: one(nearestRank(ms, 50)),
      p95_ms: one(nearestRank(ms, 95)),
      p99_ms: one(nearestRank(ms, 99)),
      max_ms: one(ms.at(-1) ?? Number.NaN),
      errors: list.filter((s) => s.status !== 200).length,
    };
  });
}

/**
 * A user's pause between two pages (reading, typing), in milliseconds: drawn evenly between half and one and a half
 * times the mean, so sessions do not move in step. A mean of 0 is no pause: back to back, the saturation run.
 */
export function thinkTime(meanSeconds: number, random: () => number = Math.random): number {
  if (!(meanSeconds >= 0)) throw new Error('the think time must be 0 or more seconds');
  return Math.round(meanSeconds * 1000 * (0.5 + random()));
}

/** The JSON lines of a load run: one per page, then the whole run's line (`page: "all"`). */
export function loadReport(
  run: {
    engine: string;
    sessions: number;
    /** The mean pause between a user's pages (0: back to back). */
    thinkSeconds?: number;
    seconds: number;
    laCode: string;
    plans: number;
    /** The main server's peak memory, and the public directory's process's when there is one. */
    memory: { rss_mb_max: number; heap_used_mb_max: number; public_rss_mb_max?: number };
    load: { before: string; after: string };
    /** Database connections the server took from its pool while the run lasted (one per request that read). */
    connectionsTaken?: number;
  },
  samples: readonly Sample[],
  errorsWithoutAnswer = 0,
): string[] {
  const pages = pageFigures(samples, run.seconds);
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const common = {
    bench: 'load',
    engine: run.engine,
    la_code: run.laCode,
    sessions: run.sessions,
    think_s: run.thinkSeconds ?? 0,
  };
  const errors = samples.filter((s) => s.status !== 200).length + errorsWithoutAnswer;
  return [
    ...pages.map((p) => JSON.stringify({ ...common, ...p })),
    JSON.stringify({
      ...common,
      page: 'all',
      plans: run.plans,
      seconds: run.seconds,
      requests: samples.length,
      per_second: run.seconds > 0 ? one(samples.length / run.seconds) : 0,
      p50_ms: one(nearestRank(ms, 50)),
      p95_ms: one(nearestRank(ms, 95)),
      p99_ms: one(nearestRank(ms, 99)),
      errors,
      worst_page_p95_ms: pages.length ? Math.max(...pages.map((p) => p.p95_ms)) : null,
      ...run.memory,
      ...(run.connectionsTaken !== undefined ? { connections_taken: run.connectionsTaken } : {}),
      load_before: run.load.before,
      load_after: run.load.after,
      target_p95_ms: 500,
    }),
  ];
}
