/**
 * Quality-audit arithmetic, pure: the areas graded and their written criteria, agreement between a first auditor
 * and a blind moderator (exact and within one grade, per area), and the share of audited plans graded good or
 * better over time, by team and by writer.
 */

/** 1 outstanding, 2 good, 3 requires improvement, 4 inadequate. */
export type Grade = 1 | 2 | 3 | 4;
export const GRADES: readonly Grade[] = [1, 2, 3, 4];
export const GRADE_LABELS: Readonly<Record<Grade, string>> = {
  1: 'Outstanding',
  2: 'Good',
  3: 'Requires improvement',
  4: 'Inadequate',
};
export const isGoodOrBetter = (g: number) => g <= 2;

export interface AuditArea {
  key: string;
  title: string;
  /** What "good" looks like: the written criterion the grade is given against. */
  criterion: string;
}

export const AUDIT_AREAS: readonly AuditArea[] = [
  {
    key: 'A',
    title: 'A: views, interests and aspirations',
    criterion:
      "The child's and family's own words; what matters to them and their hopes, so the rest of the plan can lead towards them.",
  },
  {
    key: 'B',
    title: 'B: special educational needs',
    criterion:
      'Every need is described, by area, from the advice, specific enough that provision can be matched to it.',
  },
  {
    key: 'C',
    title: 'C: health care needs',
    criterion:
      'Health needs related to the special educational needs or disability are described, or the section says why there are none.',
  },
  {
    key: 'D',
    title: 'D: social care needs',
    criterion: 'Social care needs are described, or the section says why there are none.',
  },
  {
    key: 'E',
    title: 'E: outcomes',
    criterion:
      'Three to eight outcomes, each following from needs, saying the difference made (not the service), with a timescale and a measure; preparing for adulthood from year 9.',
  },
  {
    key: 'F',
    title: 'F: special educational provision',
    criterion:
      'Every need in B has provision that says what, how much, how often, who (with training), grouping and who oversees it; no "access to" or "as appropriate".',
  },
  {
    key: 'G',
    title: 'G: health provision',
    criterion: 'Health provision meets every need in C, is quantified and cites the health advice.',
  },
  {
    key: 'H',
    title: 'H1 and H2: social care provision',
    criterion: 'Social care provision meets every need in D, is quantified and says under which law.',
  },
  { key: 'I', title: 'I: placement', criterion: 'The final plan names the setting and its type.' },
  {
    key: 'J',
    title: 'J: personal budget',
    criterion: 'Says whether a personal budget was asked for and what any direct payment secures.',
  },
  {
    key: 'K',
    title: 'K: advice',
    criterion:
      'Every piece of advice gathered is appended, and its recommendations can be traced into the plan.',
  },
];

export type Grades = Record<string, { grade: Grade; evidence: string }>;

export interface AgreementRow {
  key: string;
  title: string;
  /** Pairs where both auditors graded this area. */
  n: number;
  exact: number;
  withinOne: number;
  exactPercent: number | null;
  withinOnePercent: number | null;
  /** Moderator's grade minus first auditor's, averaged: positive means the first auditor was more generous. */
  meanDifference: number | null;
}

const pct = (a: number, n: number) => (n ? Math.round((a / n) * 1000) / 10 : null);

/** Agreement per area and overall between each first audit and its blind moderation. */
export function agreement(
  pairs: readonly { first: Grades; firstOverall: number; second: Grades; secondOverall: number }[],
): AgreementRow[] {
  const areas = [...AUDIT_AREAS, { key: 'overall', title: 'The plan overall', criterion: '' }];
  return areas.map(({ key, title }) => {
    let n = 0;
    let exact = 0;
    let withinOne = 0;
    let diff = 0;
    for (const p of pairs) {
      const a = key === 'overall' ? p.firstOverall : p.first[key]?.grade;
      const b = key === 'overall' ? p.secondOverall : p.second[key]?.grade;
      if (a === undefined || b === undefined) continue;
      n++;
      if (a === b) exact++;
      if (Math.abs(a - b) <= 1) withinOne++;
      diff += b - a;
    }
    return {
      key,
      title,
      n,
      exact,
      withinOne,
      exactPercent: pct(exact, n),
      withinOnePercent: pct(withinOne, n),
      meanDifference: n ? Math.round((diff / n) * 100) / 100 : null,
    };
  });
}

export interface ShareRow {
  label: string;
  audited: number;
  goodOrBetter: number;
  percent: number | null;
}

/** The quarter a date falls in, as "2025 Q3" (calendar quarters). */
export function quarterOf(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return `${y} Q${Math.floor((m - 1) / 3) + 1}`;
}

/** Share of audits graded good or better overall, grouped by a key, in the key's sort order. */
export function shareBy<T extends { overall: number }>(
  audits: readonly T[],
  keyOf: (a: T) => string,
): ShareRow[] {
  const groups = new Map<string, { audited: number; good: number }>();
  for (const a of audits) {
    const k = keyOf(a);
    const g = groups.get(k) ?? { audited: 0, good: 0 };
    g.audited++;
    if (isGoodOrBetter(a.overall)) g.good++;
    groups.set(k, g);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, g]) => ({
      label,
      audited: g.audited,
      goodOrBetter: g.good,
      percent: pct(g.good, g.audited),
    }));
}

/** An accessible bar chart as SVG: each bar's value is also written beside it; the page repeats them in a table. */
export function barChartSvg(rows: readonly ShareRow[], title: string, id: string): string {
  const barH = 22;
  const gap = 8;
  // Room for the longest label at 14 px (about 7.5 px a character in Arial), so none is cut off ("y Years and Primary").
  const longest = Math.max(0, ...rows.map((r) => r.label.length));
  const left = Math.min(320, Math.max(120, Math.ceil(longest * 7.5) + 16));
  const width = left + 400;
  const plot = width - left - 60;
  const height = rows.length * (barH + gap) + 30;
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const bars = rows
    .map((r, i) => {
      const y = i * (barH + gap) + 10;
      const w = r.percent === null ? 0 : Math.round((r.percent / 100) * plot);
      return `<g><text x="${left - 8}" y="${y + 15}" text-anchor="end" font-size="14" font-family="arial, sans-serif" fill="#0b0c0c">${esc(r.label)}</text><rect x="${left}" y="${y}" width="${w}" height="${barH}" fill="#1d70b8"></rect><text x="${left + w + 6}" y="${y + 15}" font-size="14" font-family="arial, sans-serif" fill="#0b0c0c">${r.percent === null ? 'none' : `${r.percent}%`}</text></g>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(rows.map((r) => `${r.label}: ${r.percent === null ? 'none' : `${r.percent}%`} of ${r.audited}`).join('; '))}</desc><line x1="${left}" y1="0" x2="${left}" y2="${height - 20}" stroke="#0b0c0c"></line>${bars}</svg>`;
}
