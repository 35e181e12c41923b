/**
 * A figure's trend as a bar chart's geometry, for an SVG the page draws with the same numbers in a table beside it.
 * Pure: one bar per month, its height from the month's value (a percentage, or a count scaled to the largest).
 */

export interface ChartPoint {
  /** 'YYYY-MM'. */
  readonly month: string;
  /** The month's value; null when nothing was counted (no bar, said in the table). */
  readonly value: number | null;
}

export interface ChartBar {
  readonly month: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly value: number | null;
}

export interface Chart {
  readonly width: number;
  readonly height: number;
  /** The plot area's bottom (the baseline) and the top value of the axis. */
  readonly baseline: number;
  readonly top: number;
  readonly bars: readonly ChartBar[];
  /** Axis labels: every sixth month's short name, and the axis's top and middle values. */
  readonly ticks: ReadonlyArray<{ readonly x: number; readonly text: string }>;
  readonly gridlines: ReadonlyArray<{ readonly y: number; readonly text: string }>;
  /** The national figure as a line across the chart, for percentages where one is given. */
  readonly reference: { readonly y: number; readonly text: string } | null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function monthName(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1] ?? '?'} ${month.slice(0, 4)}`;
}

export function barChart(
  points: readonly ChartPoint[],
  options: { percent: boolean; reference?: number | null | undefined },
): Chart {
  const width = 720;
  const height = 240;
  const left = 48;
  const right = 8;
  const topPad = 12;
  const baseline = height - 32;
  const largest = Math.max(0, ...points.map((p) => p.value ?? 0));
  const top = options.percent ? 100 : Math.max(1, niceCeiling(largest));
  const plot = baseline - topPad;
  const step = (width - left - right) / Math.max(1, points.length);
  const scale = (v: number) => (v / top) * plot;
  const bars = points.map((p, i) => {
    const h = p.value === null ? 0 : scale(p.value);
    return {
      month: p.month,
      x: round(left + i * step + step * 0.15),
      y: round(baseline - h),
      width: round(step * 0.7),
      height: round(h),
      value: p.value,
    };
  });
  const ticks = points
    .map((p, i) => ({ i, p }))
    .filter(({ i }) => i % 6 === points.length % 6 || i === points.length - 1)
    .map(({ i, p }) => ({ x: round(left + i * step + step / 2), text: monthName(p.month) }));
  const suffix = options.percent ? '%' : '';
  const gridlines = [0, top / 2, top].map((v) => ({
    y: round(baseline - scale(v)),
    text: `${Math.round(v)}${suffix}`,
  }));
  const ref = options.percent && options.reference != null ? options.reference : null;
  return {
    width,
    height,
    baseline,
    top,
    bars,
    ticks,
    gridlines,
    reference: ref === null ? null : { y: round(baseline - scale(ref)), text: `England ${ref}%` },
  };
}

/** The smallest of 1, 2 or 5 times a power of ten at or above n. */
export function niceCeiling(n: number): number {
  if (n <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 5, 10]) if (m * power >= n) return m * power;
  return 10 * power;
}

const round = (n: number) => Math.round(n * 10) / 10;
