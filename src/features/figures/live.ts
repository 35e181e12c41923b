/**
 * One figure counted live from the casework as of a day (issue 14 item 6): what the improvement plan shows beside an
 * action whose evidence is a performance indicator, so the indicator is never a typed value (docs/figures.md).
 */
import type { Executor } from '../../platform/audit/audit.ts';
import { longDate } from '../../domain/calendar.ts';
import { isMeasureId, MEASURE_IDS, MEASURES, type Measure } from '../../domain/figures/index.ts';
import { dateInputValues } from '../../platform/web/forms.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { createFiguresService } from './service.ts';

export interface LiveFigure {
  readonly measure: Measure;
  readonly asOfText: string;
  /** "57%" or "12 children"; null when the figure is not recorded yet (measure.why says why). */
  readonly headline: string | null;
  /** "40 of 70 in time in the 12 months to 5 December 2026"; null when not recorded. */
  readonly detail: string | null;
  /** The figures page at this figure, as of the day. */
  readonly href: string;
}

/** The figures an action may follow: those the casework records. */
export const FIGURE_CHOICES = MEASURE_IDS.filter((id) => MEASURES[id].kind !== 'not-recorded').map((id) => ({
  value: id,
  text: MEASURES[id].title,
}));

export async function liveFigure(
  db: Executor,
  laCode: string,
  id: string,
  asOf: string,
): Promise<LiveFigure | null> {
  if (!isMeasureId(id)) return null;
  const measure = MEASURES[id];
  const service = createFiguresService({ db: db, today: () => asOf });
  const tally = await service.headline(laCode, id, asOf);
  const href = `${withQuery(paths.figures.index, dateInputValues('asOf', asOf))}#${id}`;
  const asOfText = longDate(asOf);
  if (!tally) return { measure, asOfText, headline: null, detail: null, href };
  if (measure.kind === 'registered')
    return {
      measure,
      asOfText,
      headline: `${tally.counted} ${tally.counted === 1 ? 'appeal' : 'appeals'}`,
      detail: `registered in the 12 months to ${asOfText}`,
      href,
    };
  if (measure.kind === 'count')
    return {
      measure,
      asOfText,
      headline: `${tally.counted} ${tally.counted === 1 ? 'child' : 'children'}`,
      detail: `on ${asOfText}`,
      href,
    };
  return {
    measure,
    asOfText,
    headline: tally.percent === null ? 'None counted' : `${tally.percent}%`,
    detail: `${tally.met} of ${tally.counted} ${measure.metLabel.toLowerCase()} in the 12 months to ${asOfText}`,
    href,
  };
}
