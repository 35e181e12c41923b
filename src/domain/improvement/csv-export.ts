/**
 * Writes a plan back to its CSV form, in the same columns the import reads, so that export then import gives the
 * same plan. Titles are written on the first row of each area and focus area, as in the spreadsheets plans live
 * in; each action's row carries its own overall impact text; areas and focus areas with no actions follow as heading
 * rows.
 */
import { csvLine } from '../csv.ts';
import { OWNER_SEPARATOR, STATUS_LABELS } from './cells.ts';
import { IMPACT_SEPARATOR } from './csv-import.ts';
import { COLUMNS } from './types.ts';
import type { Column, PlanAction, PlanArea, PlanFocusArea } from './types.ts';

const MONTH_ABBREVIATIONS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
];
const ONGOING_WORD = /\b(?:on[\s-]?going|onwards?|under[\s-]?way)\b/i;

function isLastDayOfMonth(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, m ?? 0, 0)).getUTCDate() === d;
}

/** "2022-03-01" as a start and "2022-03-31" as an end become "Mar 2022"; any other day is written exactly. */
function dateText(date: string, edge: 'start' | 'end'): string {
  const whole = edge === 'start' ? date.endsWith('-01') : isLastDayOfMonth(date);
  if (!whole) return date;
  return `${MONTH_ABBREVIATIONS[Number(date.slice(5, 7)) - 1] ?? ''} ${date.slice(0, 4)}`;
}

export interface ExportablePlan {
  areas: readonly PlanArea[];
  focusAreas: readonly PlanFocusArea[];
  actions: readonly PlanAction[];
}

export interface ExportOptions {
  /** Start with a UTF-8 byte order mark, which spreadsheet programs need to show non-ASCII text. Default false. */
  bom?: boolean;
}

type ExportAction = Pick<
  PlanAction,
  | 'ref'
  | 'area'
  | 'focusArea'
  | 'action'
  | 'owners'
  | 'start'
  | 'end'
  | 'startNote'
  | 'endNote'
  | 'ongoing'
  | 'status'
  | 'evidenceOfImpact'
> &
  Partial<Pick<PlanAction, 'overallImpact'>>;

const sameText = (a: string, b: string) =>
  a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

/** Writes the plan as CSV text with a header row, CRLF line endings and a final line break. */
export function exportPlanCsv(
  plan: Omit<ExportablePlan, 'actions'> & { actions: readonly ExportAction[] },
  options: ExportOptions = {},
): string {
  const areaByKey = new Map(plan.areas.map((a) => [a.key, a]));
  const focusKey = (area: string | null, key: string) => `${area ?? ''}\u0000${key}`;
  const focusByKey = new Map(plan.focusAreas.map((f) => [focusKey(f.area, f.key), f]));
  const writtenAreas = new Set<string>();
  const writtenFocus = new Set<string>();
  const lines = [csvLine(COLUMNS)];
  // The one CSV writer (src/domain/csv.ts): cells a spreadsheet would read as formulas are neutralised.
  const line = (values: Partial<Record<Column, string>>) =>
    lines.push(csvLine(COLUMNS.map((c) => values[c] ?? '')));

  // The actions' own overall impact texts, by focus area.
  const actionImpacts = new Map<string, string[]>();
  for (const a of plan.actions) {
    if (a.focusArea === null || !a.overallImpact) continue;
    const key = focusKey(a.area, a.focusArea);
    actionImpacts.set(key, [...(actionImpacts.get(key) ?? []), a.overallImpact]);
  }
  /** The focus area's overall impact texts that no action's row carries (a heading row's, or a plan's saved whole). */
  const focusOnlyImpact = (key: string): string => {
    const own = actionImpacts.get(key) ?? [];
    return (focusByKey.get(key)?.overallImpact ?? '')
      .split(IMPACT_SEPARATOR)
      .filter((t) => t.trim() !== '' && !own.some((o) => sameText(o, t)))
      .join(IMPACT_SEPARATOR);
  };

  const headings = (
    area: string | null,
    focus: string | null,
    impact?: string,
  ): Partial<Record<Column, string>> => {
    const values: Partial<Record<Column, string>> = {
      area: area ?? '',
      focus_area: focus ?? '',
      overall_impact: impact ?? '',
    };
    if (area !== null && !writtenAreas.has(area)) {
      writtenAreas.add(area);
      values.area_title = areaByKey.get(area)?.title ?? '';
    }
    if (focus !== null && !writtenFocus.has(focusKey(area, focus))) {
      writtenFocus.add(focusKey(area, focus));
      const f = focusByKey.get(focusKey(area, focus));
      values.focus_area_title = f?.title ?? '';
      const only = focusOnlyImpact(focusKey(area, focus));
      if (only !== '' && impact !== undefined) {
        // A heading row first, so that the text stays the focus area's and becomes no action's.
        line({ ...values, overall_impact: only });
        return { area: area ?? '', focus_area: focus ?? '', overall_impact: impact };
      }
      if (only !== '') values.overall_impact = only;
    }
    return values;
  };

  for (const a of plan.actions) {
    const start = a.start === null ? (a.startNote ?? '') : dateText(a.start, 'start');
    let end = a.end === null ? (a.endNote ?? '') : dateText(a.end, 'end');
    if (a.ongoing && !ONGOING_WORD.test(start) && !ONGOING_WORD.test(end)) {
      end = end === '' ? 'On-going' : `${end} and on-going`;
    }
    line({
      ...headings(a.area, a.focusArea, a.focusArea === null ? undefined : (a.overallImpact ?? '')),
      ref: a.ref,
      action: a.action,
      owner: a.owners.join(OWNER_SEPARATOR),
      start,
      end,
      status: STATUS_LABELS[a.status],
      evidence_of_impact: a.evidenceOfImpact,
    });
  }
  for (const area of plan.areas) {
    if (!writtenAreas.has(area.key)) line(headings(area.key, null));
  }
  for (const focus of plan.focusAreas) {
    if (!writtenFocus.has(focusKey(focus.area, focus.key))) line(headings(focus.area, focus.key));
  }
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
