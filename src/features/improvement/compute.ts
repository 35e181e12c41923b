/**
 * What the improvement plan's pages, report packs and the families' page show, computed from one loaded plan
 * (`PlanData`) and a date. Pure functions over the domain rules (flags.ts), so the board pack, the Word document and
 * the public page come from the same data and are right as of any date.
 */
import { flagsFor, lastUpdateAsOf, statusAsOf } from '../../domain/improvement/flags.ts';
import type { Flag, TrackedAction } from '../../domain/improvement/flags.ts';
import { FLAGS } from '../../domain/improvement/flags.ts';
import type { Status } from '../../domain/improvement/types.ts';
import { STATUSES } from '../../domain/improvement/types.ts';
import type { ReportAudience } from '../../platform/db/schema/index.ts';
import type { ActionData, AreaData, FocusAreaData, PlanData, ReportData, UpdateData } from './store.ts';

export const STATUS_TEXT: Record<Status, string> = {
  complete: 'Complete',
  'on-track': 'On track',
  'significant-risk': 'Significant risk, plan in place',
  'high-risk': 'High risk, escalation required',
  'not-started': 'Not started',
};

/** GOV.UK tag colours; the tag always carries the words, never colour alone. */
export const STATUS_TAG: Record<Status, string> = {
  complete: 'govuk-tag--blue',
  'on-track': 'govuk-tag--green',
  'significant-risk': 'govuk-tag--yellow',
  'high-risk': 'govuk-tag--red',
  'not-started': 'govuk-tag--grey',
};

/** Colours for the SVG timeline (with the status also in each bar's title and in the table). */
export const STATUS_FILL: Record<Status, string> = {
  complete: '#1d70b8',
  'on-track': '#00703c',
  'significant-risk': '#ffdd00',
  'high-risk': '#d4351c',
  'not-started': '#b1b4b6',
};

export const FLAG_TEXT: Record<Flag, string> = {
  overdue: 'Overdue',
  'due-this-month': 'Due this month',
  'no-update-six-weeks': 'No update for six weeks',
  'complete-without-evidence': 'Complete without evidence',
  'ongoing-not-updated-since-report': 'Ongoing, not updated since the last report',
};

export const AUDIENCE_TEXT: Record<ReportAudience, string> = {
  'programme-group': 'Programme group',
  board: 'Improvement board',
  families: 'Families',
  government: 'Government (Department for Education and NHS England)',
};

export const KIND_TEXT = {
  'written-statement-of-action': 'Written statement of action',
  'priority-action-plan': 'Priority action plan',
  'send-strategy': 'SEND strategy',
} as const;

export const EVIDENCE_KIND_TEXT = {
  text: 'Note',
  link: 'Link',
  file: 'File',
  minutes: 'Meeting minutes',
  indicator: 'Performance indicator',
} as const;

export function tracked(action: ActionData): TrackedAction {
  return {
    ref: action.ref,
    start: action.start,
    end: action.end,
    ongoing: action.ongoing,
    status: action.initialStatus,
    updates: action.updates.map((u) => ({
      date: u.date,
      status: u.status ?? undefined,
      evidence: u.evidence.length,
    })),
  };
}

export type StatusCounts = Record<Status, number> & { total: number };

function emptyCounts(): StatusCounts {
  return { complete: 0, 'on-track': 0, 'significant-risk': 0, 'high-risk': 0, 'not-started': 0, total: 0 };
}

function count(actions: readonly ActionData[], asOf: string): StatusCounts {
  const counts = emptyCounts();
  for (const a of actions) {
    counts[statusAsOf(tracked(a), asOf)] += 1;
    counts.total += 1;
  }
  return counts;
}

export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}

/**
 * Complete on time: of the actions whose end date is on or before the as-of date, the share that were complete by
 * their end date (their status as of the end date was complete). Ongoing actions and actions with no end are left out.
 */
export function onTime(actions: readonly ActionData[], asOf: string) {
  const due = actions.filter((a) => a.end !== null && a.end <= asOf && !a.ongoing);
  const done = due.filter((a) => statusAsOf(tracked(a), a.end ?? asOf) === 'complete');
  return { due: due.length, onTime: done.length, percent: percent(done.length, due.length) };
}

export interface AreaOverview {
  area: AreaData | null;
  counts: StatusCounts;
  onTime: ReturnType<typeof onTime>;
  focusAreas: Array<{ focus: FocusAreaData; counts: StatusCounts; onTime: ReturnType<typeof onTime> }>;
}

/** BRAG counts for the whole plan, each area and each focus area, as of a date. */
export function overview(data: PlanData, asOf: string) {
  const areas: AreaOverview[] = data.areas.map((area) => {
    const inArea = data.actions.filter((a) => a.areaId === area.id);
    return {
      area,
      counts: count(inArea, asOf),
      onTime: onTime(inArea, asOf),
      focusAreas: data.focusAreas
        .filter((f) => f.areaId === area.id)
        .map((focus) => {
          const inFocus = inArea.filter((a) => a.focusAreaId === focus.id);
          return { focus, counts: count(inFocus, asOf), onTime: onTime(inFocus, asOf) };
        }),
    };
  });
  const orphans = data.actions.filter((a) => a.areaId === null);
  if (orphans.length > 0) {
    areas.push({ area: null, counts: count(orphans, asOf), onTime: onTime(orphans, asOf), focusAreas: [] });
  }
  return { totals: count(data.actions, asOf), onTime: onTime(data.actions, asOf), areas };
}

/** The date of the last report before the as-of date (any audience), or null. */
export function lastReportBefore(
  reports: readonly ReportData[],
  asOf: string,
  audience?: ReportAudience,
): ReportData | null {
  let last: ReportData | null = null;
  for (const r of reports) {
    if (r.meetingDate < asOf && (audience === undefined || r.audience === audience)) last = r;
  }
  return last;
}

export interface ActionRow {
  action: ActionData;
  status: Status;
  flags: Flag[];
  lastUpdate: string | null;
  evidenceCount: number;
  area: AreaData | undefined;
  focus: FocusAreaData | undefined;
}

export function actionRows(data: PlanData, asOf: string, lastReportDate: string | null): ActionRow[] {
  const areas = new Map(data.areas.map((a) => [a.id, a]));
  const focus = new Map(data.focusAreas.map((f) => [f.id, f]));
  return data.actions.map((action) => {
    const t = tracked(action);
    return {
      action,
      status: statusAsOf(t, asOf),
      flags: flagsFor(t, { asOf, lastReportDate }),
      lastUpdate: lastUpdateAsOf(t, asOf),
      evidenceCount: action.updates.filter((u) => u.date <= asOf).reduce((n, u) => n + u.evidence.length, 0),
      area: action.areaId === null ? undefined : areas.get(action.areaId),
      focus: action.focusAreaId === null ? undefined : focus.get(action.focusAreaId),
    };
  });
}

/** The actions raising each flag as of a date, in the order of FLAGS. */
export function flagged(data: PlanData, asOf: string) {
  const lastReport = lastReportBefore(data.reports, asOf);
  const rows = actionRows(data, asOf, lastReport?.meetingDate ?? null);
  return {
    lastReport,
    groups: FLAGS.map((flag) => ({
      flag,
      text: FLAG_TEXT[flag],
      rows: rows.filter((r) => r.flags.includes(flag)),
    })),
  };
}

export interface Change {
  action: ActionData;
  /** Updates dated in the window, oldest first. */
  updates: UpdateData[];
  from: Status;
  to: Status;
  evidence: number;
}

/**
 * What changed between two dates: every action with an update dated on or after `since` (an update on the last
 * meeting's day counts as new, since the pack was prepared before it) and on or before `until`, with its status
 * before and after. With no `since`, every update up to `until` counts.
 */
export function changesBetween(data: PlanData, since: string | null, until: string): Change[] {
  const changes: Change[] = [];
  for (const action of data.actions) {
    const updates = action.updates.filter((u) => (since === null || u.date >= since) && u.date <= until);
    if (updates.length === 0) continue;
    const t = tracked(action);
    const before = since === null ? action.initialStatus : statusBefore(t, since);
    changes.push({
      action,
      updates,
      from: before,
      to: statusAsOf(t, until),
      evidence: updates.reduce((n, u) => n + u.evidence.length, 0),
    });
  }
  return changes;
}

/** The status just before a date (updates dated on the day are not counted). */
function statusBefore(t: TrackedAction, date: string): Status {
  const previousDay = addDays(date, -1);
  return statusAsOf(t, previousDay);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------------------------
// Timeline

export interface TimelineBar {
  action: ActionData;
  status: Status;
  x: number;
  width: number;
  y: number;
  /** The bar runs on past the chart (ongoing, or no end date). */
  open: boolean;
  label: string;
}

export interface Timeline {
  width: number;
  height: number;
  left: number;
  from: string;
  to: string;
  months: Array<{ x: number; label: string; year: boolean }>;
  today: { x: number; label: string } | null;
  areaLabels: Array<{ y: number; text: string }>;
  bars: TimelineBar[];
}

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Lays the actions out on a month grid: one row per action, grouped by area, a bar from start to end. Actions with
 * no dates at all are left off the chart (they are still in the table).
 */
export function timeline(data: PlanData, asOf: string, areaId?: string): Timeline {
  const actions = data.actions.filter((a) => areaId === undefined || a.areaId === areaId);
  const dates = actions.flatMap((a) => [a.start, a.end]).filter((d): d is string => d !== null);
  const first = dates.length ? dates.reduce((a, b) => (a < b ? a : b)) : asOf;
  const lastDate = dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : asOf;
  const fromIndex = Math.min(monthIndex(first), monthIndex(asOf));
  const toIndex = Math.max(monthIndex(lastDate), monthIndex(asOf)) + 1;
  const left = 70;
  const monthWidth = 28;
  const rowHeight = 16;
  const top = 30;
  const width = left + (toIndex - fromIndex) * monthWidth + 20;
  const xOf = (date: string, edge: 'start' | 'end') => {
    const idx = monthIndex(date) - fromIndex;
    const day = Number(date.slice(8, 10));
    const daysIn = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate();
    const fraction = edge === 'start' ? (day - 1) / daysIn : day / daysIn;
    return left + (idx + fraction) * monthWidth;
  };
  const t = (a: ActionData) => tracked(a);
  const bars: TimelineBar[] = [];
  const areaLabels: Timeline['areaLabels'] = [];
  let y = top;
  const areaOrder = [...data.areas.map((a) => a.id), null];
  for (const id of areaOrder) {
    const inArea = actions.filter((a) => a.areaId === id && (a.start !== null || a.end !== null));
    if (inArea.length === 0) continue;
    const area = data.areas.find((a) => a.id === id);
    areaLabels.push({ y: y + 12, text: area ? `Area ${area.key}` : 'No area' });
    y += rowHeight;
    for (const action of inArea) {
      const start = action.start ?? action.end ?? asOf;
      const open = action.end === null || action.ongoing;
      const x = xOf(start, 'start');
      const endX = action.end === null ? width - 20 : open ? width - 20 : xOf(action.end, 'end');
      const status = statusAsOf(t(action), asOf);
      bars.push({
        action,
        status,
        x,
        width: Math.max(3, endX - x),
        y,
        open,
        label: `${action.ref}: ${STATUS_TEXT[status]}`,
      });
      y += rowHeight;
    }
  }
  const months = [];
  for (let i = fromIndex; i < toIndex; i++) {
    const month = i % 12;
    months.push({
      x: left + (i - fromIndex) * monthWidth,
      label: month === 0 ? String(Math.floor(i / 12)) : (MONTH_ABBR[month] ?? '').slice(0, 1),
      year: month === 0,
    });
  }
  return {
    width,
    height: y + 10,
    left,
    from: `${Math.floor(fromIndex / 12)}-${String((fromIndex % 12) + 1).padStart(2, '0')}-01`,
    to: addDays(`${Math.floor(toIndex / 12)}-${String((toIndex % 12) + 1).padStart(2, '0')}-01`, -1),
    months,
    today: { x: xOf(asOf, 'start'), label: 'Today' },
    areaLabels,
    bars,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The families' page: progress each quarter, in plain English

/** The calendar quarter a date is in, and its last day: 2022-05-10 → { label: 'April to June 2022', end: ... }. */
export function quarterOf(date: string): { start: string; end: string; label: string } {
  const year = Number(date.slice(0, 4));
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3);
  const names = ['January to March', 'April to June', 'July to September', 'October to December'];
  const start = `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  const end = addDays(q === 3 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 4).padStart(2, '0')}-01`, -1);
  return { start, end, label: `${names[q] ?? ''} ${year}` };
}

export interface QuarterProgress {
  label: string;
  end: string;
  done: number;
  total: number;
  percent: number;
  /** Actions finished in this quarter (their status became complete during it). */
  finished: ActionData[];
}

/**
 * For each quarter from the plan's first dated action to the quarter holding `asOf`: how many actions were done by the
 * end of the quarter (or by `asOf` for the current quarter), and which were finished in it.
 */
export function quarterlyProgress(data: PlanData, asOf: string): QuarterProgress[] {
  const starts = data.actions.map((a) => a.start ?? a.end).filter((d): d is string => d !== null);
  const first = starts.length ? starts.reduce((a, b) => (a < b ? a : b)) : asOf;
  const quarters: QuarterProgress[] = [];
  let q = quarterOf(first < asOf ? first : asOf);
  for (let guard = 0; guard < 80; guard++) {
    const end = q.end < asOf ? q.end : asOf;
    const before = addDays(q.start, -1);
    const finished = data.actions.filter(
      (a) => statusAsOf(tracked(a), end) === 'complete' && statusAsOf(tracked(a), before) !== 'complete',
    );
    const done = data.actions.filter((a) => statusAsOf(tracked(a), end) === 'complete').length;
    quarters.push({
      label: q.label,
      end,
      done,
      total: data.actions.length,
      percent: percent(done, data.actions.length),
      finished,
    });
    if (q.end >= asOf) break;
    q = quarterOf(addDays(q.end, 1));
  }
  return quarters;
}

export function ownersText(action: ActionData): string {
  return action.owners.map((o) => o.jobTitle).join(', ');
}

export { STATUSES };
