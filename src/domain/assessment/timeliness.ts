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
  return counted(steps.length, steps.filter((s) => s.status === 'met').length);
}

function counted(issued: number, within: number): TwentyWeekFigure {
  return { issued, within, percent: issued ? Math.round((within / issued) * 100) : null };
}

/** Counts of final plans issued and within 20 weeks, including and excluding those a confirmed exception relieved. */
export interface TwentyWeekCounts {
  issued: number;
  within: number;
  issuedExcluding: number;
  withinExcluding: number;
}

/**
 * The figures from counts already made (the kept final-plan summaries, ADR 0063) added to those of some timelines
 * counted live (cases with no summary kept): the same figures as `twentyWeekTimeliness` over all of them.
 */
export function twentyWeekFromCounts(
  kept: TwentyWeekCounts,
  live: TwentyWeekTimeliness = twentyWeekTimeliness([]),
): TwentyWeekTimeliness {
  const issued = kept.issued + live.including.issued;
  const issuedExcluding = kept.issuedExcluding + live.excluding.issued;
  return {
    including: counted(issued, kept.within + live.including.within),
    excluding: counted(issuedExcluding, kept.withinExcluding + live.excluding.within),
    withException: issued - issuedExcluding,
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
