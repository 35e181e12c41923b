/**
 * The figures pages' view models, pure: the query read and checked (a broken date or choice is a GOV.UK error with
 * the input kept), labels for every breakdown key and group, links from each number to its children, and each
 * trend's chart with the same numbers as its table.
 */
import { AGENCY_LABELS } from '../../domain/assessment/journey.ts';
import { isRealDate, longDate } from '../../domain/calendar.ts';
import {
  AGE_BAND_LABELS,
  barChart,
  DIMENSION_LABELS,
  DIMENSIONS,
  ETHNIC_GROUP_LABELS,
  GROUP_LABELS,
  isDimension,
  MEASURE_IDS,
  MEASURES,
  monthName,
  NOT_RECORDED,
  type Dimension,
  type MeasureId,
  type Show,
  type Tally,
} from '../../domain/figures/index.ts';
import { dateInputValues, readDateInput, type FormErrors } from '../../platform/web/forms.ts';
import { govukPagination } from '../../platform/web/pagination.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { PRIMARY_NEED_LABELS } from '../children/index.ts';
import { EPISODE_KIND_LABELS } from '../education/index.ts';
import type { FiguresService } from './service.ts';

type Query = Record<string, string | undefined>;
type Names = { teams: ReadonlyMap<string, string>; settings: ReadonlyMap<string, string> };

const SHOWS: readonly Show[] = ['all', 'met', 'not-met'];

export interface FiguresQuery {
  asOf: string;
  by?: Dimension | undefined;
  /** The figure whose whole breakdown is shown when it has more than BREAKDOWN_ROWS keys. */
  all?: MeasureId | undefined;
  key?: string | undefined;
  group?: string | undefined;
  show: Show;
  page: number;
}

const single = (v: unknown): string | undefined =>
  typeof v === 'string'
    ? v
    : Array.isArray(v) && typeof v[v.length - 1] === 'string'
      ? (v.at(-1) as string)
      : undefined;

/** Reads the query: the "as of" date (today when not given; not in the future), the breakdown, the cell, the page. */
export function readQuery(
  raw: unknown,
  today: string,
):
  | { ok: true; query: FiguresQuery; values: Record<string, string> }
  | { ok: false; errors: FormErrors; values: Record<string, string> } {
  const q: Query = {};
  if (raw && typeof raw === 'object')
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) q[k] = single(v);
  const values: Record<string, string> = {
    'asOf-day': q['asOf-day'] ?? '',
    'asOf-month': q['asOf-month'] ?? '',
    'asOf-year': q['asOf-year'] ?? '',
    by: q.by ?? '',
  };
  const list: FormErrors['list'] = [];
  const fields: FormErrors['fields'] = {};
  const fail = (field: string, href: string, text: string) => {
    list.push({ text, href });
    fields[field] = { text };
  };
  const date = readDateInput(values, 'asOf', 'The date');
  let asOf = today;
  if (date.error) fail('asOf', '#asOf-day', date.error);
  else if (date.value && !isRealDate(date.value))
    fail('asOf', '#asOf-day', 'The date must be a real date, for example 27 3 2026');
  else if (date.value && date.value > today)
    fail('asOf', '#asOf-day', 'The date must be today or in the past');
  else if (date.value && date.value < '2000-01-01')
    fail('asOf', '#asOf-day', 'The date must be in 2000 or later');
  else if (date.value) asOf = date.value;
  if (values.by && !isDimension(values.by))
    fail('by', '#by', 'Choose team, school, primary need, ethnicity, age or no breakdown');
  const show = q.show ?? 'all';
  if (!(SHOWS as readonly string[]).includes(show))
    fail('show', '#show', 'Choose all, within the time limit or not');
  const pageText = q.page ?? '1';
  const page = /^\d{1,6}$/.test(pageText) ? Math.max(1, Number(pageText)) : 0;
  if (!page) fail('page', '#page', 'The page must be a whole number');
  const key = q.key && q.key.length <= 100 ? q.key : undefined;
  const group = q.group && q.group.length <= 100 ? q.group : undefined;
  if (list.length) return { ok: false, errors: { list, fields }, values };
  if (!date.value) Object.assign(values, dateInputValues('asOf', today));
  return {
    ok: true,
    values,
    query: {
      asOf,
      by: isDimension(values.by) ? values.by : undefined,
      all: q.all && (MEASURE_IDS as readonly string[]).includes(q.all) ? (q.all as MeasureId) : undefined,
      key,
      group,
      show: show as Show,
      page,
    },
  };
}

/** The words for a key in a dimension. */
export function keyLabel(dimension: Dimension, key: string, names: Names): string {
  if (key === NOT_RECORDED) return 'Not recorded';
  switch (dimension) {
    case 'team':
      return names.teams.get(key) ?? 'Unknown team';
    case 'school':
      return names.settings.get(key) ?? 'Unknown setting';
    case 'need':
      return PRIMARY_NEED_LABELS[key as keyof typeof PRIMARY_NEED_LABELS] ?? key;
    case 'ethnicity':
      return ETHNIC_GROUP_LABELS[key as keyof typeof ETHNIC_GROUP_LABELS] ?? key;
    case 'age':
      return AGE_BAND_LABELS[key as keyof typeof AGE_BAND_LABELS] ?? key;
  }
}

/** The words for a figure's group: an agency, a kind of episode, moderated or not. */
export function groupLabel(measure: MeasureId, key: string): string {
  if (measure === 'advice-6-weeks') return AGENCY_LABELS[key] ?? key;
  if (measure === 'not-in-full-time-education')
    return EPISODE_KIND_LABELS[key as keyof typeof EPISODE_KIND_LABELS] ?? key;
  return GROUP_LABELS[key] ?? key;
}

/** A figure shown as a number (children on the day, or things registered in the 12 months), not a share. */
const isCountOf = (id: MeasureId) => MEASURES[id].kind === 'count' || MEASURES[id].kind === 'registered';

/** The words beside a counted figure's numbers: children on the day, or appeals registered in the 12 months. */
function countWords(id: MeasureId) {
  return MEASURES[id].kind === 'registered'
    ? { unit: 'Appeals', month: 'Registered in the month', on: 'Registered on' }
    : { unit: 'Children', month: 'Children at the month’s end', on: 'On' };
}

const percentText = (t: Tally) => (t.percent === null ? 'None counted' : `${t.percent}%`);

/**
 * The query of a link to the children behind a number (the day, and the cell, group and kind asked for): the
 * definition, which the page's `childrenHrefs` builds faster.
 */
export function childrenHref(
  id: MeasureId,
  asOf: string,
  extra: { by?: Dimension | undefined; key?: string; group?: string; show?: Show },
): string {
  return withQuery(paths.figures.measure(id), {
    ...dateInputValues('asOf', asOf),
    by: extra.key !== undefined ? extra.by : undefined,
    key: extra.key,
    group: extra.group,
    show: extra.show === 'all' ? undefined : extra.show,
  });
}

/**
 * The links from a figure's numbers to their children, built from one base per figure and day: the page by school
 * draws three links for each of about 880 cells, and building each through `withQuery` and `dateInputValues` was a
 * tenth of its time (docs/figures.md, "Measured"). The same URLs as `childrenHref`, parameter for parameter
 * (view-models.test.ts checks them).
 */
export function childrenHrefs(id: MeasureId, asOf: string, by: Dimension | undefined) {
  const base = withQuery(paths.figures.measure(id), dateInputValues('asOf', asOf));
  const part = (name: string, value: string | undefined) =>
    value === undefined || value === '' ? '' : `&${new URLSearchParams([[name, value]]).toString()}`;
  const byPart = part('by', by);
  return (extra: { key?: string; group?: string; show?: Show } = {}) =>
    base +
    (extra.key !== undefined ? byPart + part('key', extra.key) : '') +
    part('group', extra.group) +
    (extra.show === 'all' ? '' : part('show', extra.show));
}

const collator = new Intl.Collator('en-GB');
const byKeyLabel = <T extends { label: string }>(rows: T[]) =>
  rows.sort((a, b) =>
    a.label === 'Not recorded' ? 1 : b.label === 'Not recorded' ? -1 : collator.compare(a.label, b.label),
  );

type FiguresData = Awaited<ReturnType<FiguresService['countFigures']>>;

/**
 * A breakdown with more keys than this (by school: one row a setting) shows the keys with the most counted, and a link
 * to the figure's whole breakdown: 880 rows with three links each made the page by school 470 kB.
 */
export const BREAKDOWN_ROWS = 15;

/** A figure's whole breakdown (`all=<figure>`) is shown this many keys a page, in the order of their labels. */
export const BREAKDOWN_PAGE_SIZE = 50;

/** The figures page. */
export function figuresView(data: FiguresData, query: FiguresQuery, values: Record<string, string>) {
  const { asOf } = data;
  const summaries = new Map(data.figures.map((f) => [f.id, f]));
  const figures = MEASURE_IDS.map((id) => {
    const measure = MEASURES[id];
    const f = summaries.get(id);
    if (!f) return { measure, recorded: false };
    const isCount = isCountOf(id);
    const href = childrenHrefs(id, asOf, query.by);
    const rows = (
      list: ReadonlyArray<{ key: string; tally: Tally }>,
      label: (k: string) => string,
      cell: (k: string) => { key?: string; group?: string },
    ) =>
      byKeyLabel(
        list.map((r) => ({
          label: label(r.key),
          counted: r.tally.counted,
          met: r.tally.met,
          notMet: r.tally.counted - r.tally.met,
          percent: percentText(r.tally),
          href: href(cell(r.key)),
          metHref: href({ ...cell(r.key), show: 'met' }),
          notMetHref: href({ ...cell(r.key), show: 'not-met' }),
        })),
      );
    // The keys with the most counted (then by key), unless this figure's whole breakdown was asked for: then every
    // key in the order of its label, a page of BREAKDOWN_PAGE_SIZE at a time (the page asked for, clamped).
    const long = f.breakdown.length > BREAKDOWN_ROWS;
    const whole = long && query.all === id;
    const pages = whole ? Math.ceil(f.breakdown.length / BREAKDOWN_PAGE_SIZE) : 1;
    const page = Math.min(query.page, pages);
    const pageHref = (p: number) =>
      `${withQuery(paths.figures.index, { ...values, by: query.by, all: id, page: p > 1 ? String(p) : undefined })}#${id}`;
    const shown = whole
      ? byKeyLabel(f.breakdown.map((r) => ({ ...r, label: keyLabel(query.by!, r.key, data.names) }))).slice(
          (page - 1) * BREAKDOWN_PAGE_SIZE,
          page * BREAKDOWN_PAGE_SIZE,
        )
      : long
        ? [...f.breakdown]
            .sort((a, b) => b.tally.counted - a.tally.counted || a.key.localeCompare(b.key))
            .slice(0, BREAKDOWN_ROWS)
        : f.breakdown;
    const trend = f.trend.map((m) => ({
      month: monthName(m.month),
      counted: m.tally.counted,
      met: m.tally.met,
      value: isCount ? m.tally.counted : m.tally.percent,
      text: isCount ? String(m.tally.counted) : percentText(m.tally),
    }));
    const chart = barChart(
      f.trend.map((m) => ({ month: m.month, value: isCount ? m.tally.counted : m.tally.percent })),
      { percent: !isCount, reference: measure.national?.percent },
    );
    return {
      measure,
      recorded: true,
      isCount,
      registered: measure.kind === 'registered',
      words: countWords(id),
      headline: {
        counted: f.year.counted,
        met: f.year.met,
        notMet: f.year.counted - f.year.met,
        percent: percentText(f.year),
        href: href(),
        metHref: href({ show: 'met' }),
        notMetHref: href({ show: 'not-met' }),
      },
      breakdown: query.by
        ? rows(
            shown,
            (k) => keyLabel(query.by!, k, data.names),
            (k) => ({ key: k }),
          )
        : [],
      breakdownAll:
        long && !whole
          ? {
              n: f.breakdown.length,
              href: `${withQuery(paths.figures.index, { ...values, by: query.by, all: id })}#${id}`,
            }
          : null,
      breakdownPage: whole
        ? {
            from: (page - 1) * BREAKDOWN_PAGE_SIZE + 1,
            to: (page - 1) * BREAKDOWN_PAGE_SIZE + shown.length,
            n: f.breakdown.length,
            top: BREAKDOWN_ROWS,
            pagination: {
              ...govukPagination(page, pages, pageHref),
              landmarkLabel: `${measure.title} by ${DIMENSION_LABELS[query.by!].toLowerCase()}: pages`,
            },
            topHref: `${withQuery(paths.figures.index, { ...values, by: query.by })}#${id}`,
          }
        : null,
      groups: rows(
        f.groups,
        (k) => groupLabel(id, k),
        (k) => ({ group: k }),
      ),
      trend,
      chart: { ...chart, id: `chart-${id}` },
      trendSummary: trendSummary(trend, isCount),
    };
  });
  return {
    pageTitle: 'Figures',
    asOf,
    asOfText: longDate(asOf),
    yearText: `${longDate(data.year.from)} to ${longDate(data.year.to)}`,
    withPlan: data.withPlan,
    countedAt: data.countedAt,
    by: query.by,
    byLabel: query.by ? DIMENSION_LABELS[query.by] : null,
    values,
    byItems: [
      { value: '', text: 'No breakdown' },
      ...DIMENSIONS.map((d) => ({ value: d, text: DIMENSION_LABELS[d], selected: values.by === d })),
    ],
    figures,
  };
}

/** One sentence for screen readers and the chart's description: the first and last months with figures. */
function trendSummary(
  trend: ReadonlyArray<{ month: string; counted: number; text: string }>,
  isCount: boolean,
): string {
  const counted = trend.filter((m) => isCount || m.counted > 0);
  if (!counted.length) return 'Nothing was counted in the 24 months.';
  const first = counted[0]!;
  const last = counted[counted.length - 1]!;
  return `${first.month}: ${first.text}; ${last.month}: ${last.text}.`;
}

/** The figures page when its query is broken: the form with the errors and the input kept, no figures. */
/**
 * The figures page while the day asked for is being counted (ADR 0061): the form, and what is happening, with a link
 * to check again (the same figures asked for).
 */
export function figuresCountingView(query: FiguresQuery, values: Record<string, string>) {
  return {
    pageTitle: 'Figures',
    values,
    byItems: [
      { value: '', text: 'No breakdown' },
      ...DIMENSIONS.map((d) => ({ value: d, text: DIMENSION_LABELS[d], selected: values.by === d })),
    ],
    figures: [],
    counting: countingView(
      query.asOf,
      withQuery(paths.figures.index, {
        ...dateInputValues('asOf', query.asOf),
        by: query.by,
        all: query.all,
      }),
    ),
  };
}

/** What a page says while the day's figures are being counted, and where to check again. */
export function countingView(asOf: string, refreshHref: string) {
  return { asOfText: longDate(asOf), refreshHref };
}

export function figuresErrorView(errors: FormErrors, values: Record<string, string>) {
  return {
    pageTitle: 'Error: Figures',
    errors,
    values,
    byItems: [
      { value: '', text: 'No breakdown' },
      ...DIMENSIONS.map((d) => ({ value: d, text: DIMENSION_LABELS[d], selected: values.by === d })),
    ],
    figures: [],
  };
}

type ChildrenData = Awaited<ReturnType<FiguresService['countChildren']>>;

/** The children behind one number while the day is being counted (ADR 0061), with a link to check again. */
export function childrenCountingView(id: MeasureId, query: FiguresQuery, values: Record<string, string>) {
  const again = withQuery(paths.figures.measure(id), {
    ...dateInputValues('asOf', query.asOf),
    by: query.by,
    key: query.key,
    group: query.group,
    show: query.show === 'all' ? undefined : query.show,
    page: query.page > 1 ? query.page : undefined,
  });
  return { ...childrenView(id, null, query), values, counting: countingView(query.asOf, again) };
}

/** The children behind one number. */
export function childrenView(id: MeasureId, data: ChildrenData | null, query: FiguresQuery) {
  const measure = MEASURES[id];
  const narrowed = [
    query.by && query.key !== undefined && data
      ? `${DIMENSION_LABELS[query.by]}: ${keyLabel(query.by, query.key, data.names)}`
      : null,
    query.group ? `${measure.groupLabel ?? 'Group'}: ${groupLabel(id, query.group)}` : null,
    query.show === 'met' ? measure.metLabel : query.show === 'not-met' ? measure.notMetLabel : null,
  ].filter((s): s is string => s !== null);
  const base = {
    ...dateInputValues('asOf', query.asOf),
    by: query.by,
    key: query.key,
    group: query.group,
    show: query.show === 'all' ? undefined : query.show,
  };
  return {
    pageTitle: measure.title,
    measure,
    isCount: isCountOf(id),
    registered: measure.kind === 'registered',
    asOfText: longDate(query.asOf),
    backHref: withQuery(paths.figures.index, { ...dateInputValues('asOf', query.asOf), by: query.by }),
    narrowed: narrowed.join('; '),
    clearHref: withQuery(paths.figures.measure(id), dateInputValues('asOf', query.asOf)),
    csvHref: withQuery(paths.figures.csv(id), base),
    ...(data
      ? {
          yearText: `${longDate(data.year.from)} to ${longDate(data.year.to)}`,
          total: data.total,
          tally: { ...data.tally, percent: percentText(data.tally) },
          rows: data.rows.map((r) => ({
            childId: r.childId,
            name: r.name,
            reference: r.reference,
            href: paths.children.show(r.childId),
            dateText: longDate(r.date),
            dueText: r.due ? longDate(r.due) : '',
            outcome: r.met ? measure.metLabel : measure.notMetLabel,
            group: r.group ? groupLabel(id, r.group) : '',
            exception: r.exception,
            setting: r.settingId ? (data.names.settings.get(r.settingId) ?? '') : '',
          })),
          pagination: govukPagination(data.page, data.pages, (p) =>
            withQuery(paths.figures.measure(id), { ...base, page: p }),
          ),
        }
      : { rows: [] }),
  };
}

type ExportData = NonNullable<Awaited<ReturnType<FiguresService['childrenExport']>>>;

/** The children behind one number as CSV rows: a header, then one row per thing counted (as the list shows them). */
export function childrenCsv(id: MeasureId, data: ExportData): string[][] {
  const measure = MEASURES[id];
  const isCount = isCountOf(id);
  const header = [
    'Reference',
    'Name',
    ...(isCount
      ? [countWords(id).on]
      : [measure.dateLabel ?? 'Done on', 'Due by', 'Outcome', 'Confirmed exception']),
    ...(measure.groupLabel ? [measure.groupLabel] : []),
    'Setting',
    'Primary need',
  ];
  return [
    header,
    ...data.rows.map((r) => [
      r.reference,
      r.name,
      ...(isCount
        ? [r.date]
        : [r.date, r.due ?? '', r.met ? measure.metLabel : measure.notMetLabel, r.exception ? 'Yes' : 'No']),
      ...(measure.groupLabel ? [r.group ? groupLabel(id, r.group) : ''] : []),
      r.settingId ? (data.names.settings.get(r.settingId) ?? '') : '',
      r.need ? (PRIMARY_NEED_LABELS[r.need as keyof typeof PRIMARY_NEED_LABELS] ?? r.need) : '',
    ]),
  ];
}
