/**
 * The 20-week measure (reporting.md "Timeliness"; SEN2 module 3): the share of new EHC plans issued within 20 weeks
 * of the request, reported both including and excluding cases where an exception applied. An exception "applies"
 * only once a caseworker has confirmed it caused the delay (J10): the clock then gives the `final-plan` step an
 * `exception`, and that plan leaves the excluding-exceptions figure. Pure: the caller passes the cases' timelines,
 * so the team view and the later figures page (issue 14) count the same way.
 */
import type { Step, Timeline } from '../clock/types.ts';

export interface TwentyWeekFigure {
  /** Plans counted. */
  issued: number;
  /** Of those, issued within 20 weeks (on or before the statutory due date). */
  within: number;
  /** within / issued as a whole percentage, rounded; null when nothing was issued. */
  percent: number | null;
}

export interface TwentyWeekTimeliness {
  /** Every new plan issued in the period. */
  including: TwentyWeekFigure;
  /** Leaving out the plans whose 20 weeks a confirmed exception relieved. */
  excluding: TwentyWeekFigure;
  /** Plans left out of `excluding` because a confirmed exception applied. */
  withException: number;
}

function figure(steps: readonly Step[]): TwentyWeekFigure {
  const within = steps.filter((s) => s.status === 'met').length;
  return {
    issued: steps.length,
    within,
    percent: steps.length ? Math.round((within / steps.length) * 100) : null,
  };
}

/**
 * The 20-week figures for the final plans issued from `from` to `to` inclusive (either end open when null), from
 * each case's timeline. Only initial assessments have a `final-plan` step; a reassessment's 14 weeks are another
 * measure.
 */
export function twentyWeekTimeliness(
  timelines: Iterable<Pick<Timeline, 'steps'>>,
  period: { from: string | null; to: string | null } = { from: null, to: null },
): TwentyWeekTimeliness {
  const issued: Step[] = [];
  for (const t of timelines) {
    const step = t.steps.find((s) => s.id === 'final-plan');
    if (!step?.completed) continue;
    if (period.from !== null && step.completed < period.from) continue;
    if (period.to !== null && step.completed > period.to) continue;
    issued.push(step);
  }
  const excluding = issued.filter((s) => s.exception === null);
  return {
    including: figure(issued),
    excluding: figure(excluding),
    withException: issued.length - excluding.length,
  };
}
