/** Unit tests: agreement between auditors, good-or-better shares and the chart. */
import { describe, expect, it } from 'vitest';
import { agreement, barChartSvg, quarterOf, shareBy, type Grades } from './stats.ts';

const g = (grades: Record<string, 1 | 2 | 3 | 4>): Grades =>
  Object.fromEntries(Object.entries(grades).map(([k, v]) => [k, { grade: v, evidence: '' }]));

describe('agreement between auditors', () => {
  it('counts exact and within-one-grade agreement per section and overall', () => {
    const rows = agreement([
      { first: g({ A: 2, B: 1 }), firstOverall: 2, second: g({ A: 2, B: 3 }), secondOverall: 3 },
      { first: g({ A: 1, B: 2 }), firstOverall: 2, second: g({ A: 2, B: 2 }), secondOverall: 2 },
      { first: g({ A: 3 }), firstOverall: 3, second: g({ A: 3, B: 4 }), secondOverall: 4 },
    ]);
    const a = rows.find((r) => r.key === 'A')!;
    expect(a).toMatchObject({ n: 3, exact: 2, withinOne: 3, exactPercent: 66.7, withinOnePercent: 100 });
    const b = rows.find((r) => r.key === 'B')!;
    expect(b).toMatchObject({
      n: 2,
      exact: 1,
      withinOne: 1,
      exactPercent: 50,
      withinOnePercent: 50,
      meanDifference: 1,
    });
    const overall = rows.find((r) => r.key === 'overall')!;
    expect(overall).toMatchObject({ n: 3, exact: 1, withinOne: 3, meanDifference: 0.67 });
    expect(rows.find((r) => r.key === 'K')).toMatchObject({ n: 0, exactPercent: null, meanDifference: null });
  });
});

describe('share graded good or better', () => {
  it('groups by quarter, team or writer', () => {
    expect(quarterOf('2025-03-31')).toBe('2025 Q1');
    expect(quarterOf('2025-10-01')).toBe('2025 Q4');
    const audits = [
      { overall: 1, on: '2025-01-10', team: 'North' },
      { overall: 3, on: '2025-02-10', team: 'North' },
      { overall: 2, on: '2025-04-10', team: 'South' },
      { overall: 4, on: '2025-05-10', team: 'South' },
      { overall: 2, on: '2025-05-11', team: 'South' },
    ];
    expect(shareBy(audits, (a) => quarterOf(a.on))).toEqual([
      { label: '2025 Q1', audited: 2, goodOrBetter: 1, percent: 50 },
      { label: '2025 Q2', audited: 3, goodOrBetter: 2, percent: 66.7 },
    ]);
    expect(shareBy(audits, (a) => a.team).map((r) => r.percent)).toEqual([50, 66.7]);
  });
  it('draws an SVG with a title, a description of every number, and escaped labels', () => {
    const svg = barChartSvg(
      [{ label: '<Team & co>', audited: 4, goodOrBetter: 3, percent: 75 }],
      'Share good',
      'c1',
    );
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="c1-title">Share good</title>');
    expect(svg).toContain('75%');
    expect(svg).not.toContain('<Team');
    // The Content Security Policy refuses style attributes, and a sans-serif font is named for the labels.
    expect(svg).not.toContain('style=');
    expect(svg).toContain('font-family="arial, sans-serif"');
  });
  it('leaves room for the longest label, so none is cut off', () => {
    const label = 'Early Years and Primary South';
    const svg = barChartSvg([{ label, audited: 2, goodOrBetter: 1, percent: 50 }], 'By team', 'c2');
    const x = Number(/<text x="(\d+)"[^>]*text-anchor="end"/.exec(svg)?.[1]);
    // 14-pixel Arial averages under 7.5 pixels a character, so the label's width fits left of its right-aligned end
    expect(x).toBeGreaterThanOrEqual(label.length * 7.5);
  });
});
