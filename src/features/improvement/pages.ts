/**
 * The improvement tracker's page models: pure functions from a plan's data and the query to what a page shows, so
 * the handlers in routes.ts read the request, call the service and render (issue 11: handlers under 30 lines).
 */
import { BRAG_STATUSES } from '../../platform/db/schema/index.ts';
import { paginationItems } from '../../platform/web/pagination.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import {
  actionRows,
  AUDIENCE_TEXT,
  EVIDENCE_KIND_TEXT,
  FLAG_TEXT,
  flagged,
  KIND_TEXT,
  lastReportBefore,
  overview,
  ownersText,
  STATUS_FILL,
  STATUS_TAG,
  STATUS_TEXT,
} from './compute.ts';
import { readAsOf } from './forms.ts';
import { filterItems, filtering, filterRows, ownerTitles, paginate, readListFilters } from './listing.ts';
import type { ListFilters } from './listing.ts';
import type { PlanData } from './store.ts';

export const labels = {
  statusText: STATUS_TEXT,
  statusTag: STATUS_TAG,
  statusFill: STATUS_FILL,
  flagText: FLAG_TEXT,
  audienceText: AUDIENCE_TEXT,
  kindText: KIND_TEXT,
  evidenceKindText: EVIDENCE_KIND_TEXT,
  statuses: BRAG_STATUSES,
};

/** The links along the top of every plan page. */
export function planNav(data: PlanData, current: string, manager: boolean) {
  const id = data.plan.id;
  const items = [
    { href: paths.improvement.plan(id), text: 'Overview' },
    { href: paths.improvement.actions(id), text: 'Actions' },
    { href: paths.improvement.flags(id), text: 'Flags' },
    { href: paths.improvement.timeline(id), text: 'Timeline' },
    { href: paths.improvement.changes(id), text: 'Changes since the last report' },
    { href: paths.improvement.governance(id), text: 'Governance' },
    { href: paths.improvement.reports(id), text: 'Report packs' },
  ];
  const all: Array<{ href: string; text: string; download?: boolean }> = items;
  if (manager) all.push({ href: paths.improvement.export(id), text: 'Export as CSV', download: true });
  return all.map((i) => ({ ...i, current: i.href === current }));
}

/** govukPagination's parameters for a page of a list, keeping the filters in every link. */
export function pagination(
  result: { page: number; pages: number },
  path: string,
  filters: ListFilters,
  extra: Record<string, string | undefined> = {},
) {
  const link = (page: number) =>
    withQuery(path, {
      ...extra,
      area: filters.area,
      status: filters.status,
      owner: filters.owner,
      flag: filters.flag,
      page: page === 1 ? undefined : page,
    });
  return {
    previous: result.page > 1 ? { href: link(result.page - 1) } : undefined,
    next: result.page < result.pages ? { href: link(result.page + 1) } : undefined,
    items: paginationItems(result.page, result.pages, link),
  };
}

/** "Your actions": the actions this person owns across plans, filtered and paged, grouped under their plan. */
export function myActionsPage(plans: readonly PlanData[], query: Record<string, string>, today: string) {
  const many = plans.length > 1;
  const areas = plans.flatMap((data) =>
    data.areas.map((a) => ({ ...a, title: many ? `${a.title} (${data.plan.title})` : a.title })),
  );
  const filters = readListFilters(query, areas);
  const all = plans.flatMap((data) => {
    const last = lastReportBefore(data.reports, today);
    return actionRows(data, today, last?.meetingDate ?? null).map((row) => ({ ...row, plan: data.plan }));
  });
  const result = paginate(filterRows(all, filters), filters.page);
  // The page's rows, grouped under their plan's heading in the order they come.
  const groups: Array<{ plan: PlanData['plan']; rows: typeof result.rows }> = [];
  for (const row of result.rows) {
    const group = groups.at(-1);
    if (group?.plan.id === row.plan.id) group.rows.push(row);
    else groups.push({ plan: row.plan, rows: [row] });
  }
  return {
    pageTitle: 'Your actions',
    today,
    hasActions: all.length > 0,
    groups,
    result,
    filters,
    filtered: filtering(filters),
    ...filterItems(filters, areas, []),
    pagination: pagination(result, paths.improvement.myActions, filters),
    ...labels,
  };
}

/** A plan's overview as of a day (today, or the date asked for: `errors` when it is not a date). */
export function planPage(data: PlanData, query: Record<string, string>, today: string, manager: boolean) {
  const planId = data.plan.id;
  const { asOf, errors } = readAsOf(query, today);
  const summary = overview(data, asOf);
  return {
    pageTitle: data.plan.title,
    data,
    asOf,
    values: query,
    errors,
    summary,
    areaRows: [
      ...summary.areas.map((a) => ({
        area: a.area,
        label: a.area ? `${a.area.key}. ${a.area.title}` : 'No area',
        counts: a.counts,
        onTime: a.onTime,
        focusRows: a.focusAreas.map((f) => ({
          label: `${f.focus.key}. ${f.focus.title}`,
          counts: f.counts,
          onTime: f.onTime,
        })),
      })),
      { area: null, label: 'All areas', counts: summary.totals, onTime: summary.onTime, focusRows: [] },
    ],
    nav: planNav(data, paths.improvement.plan(planId), manager),
    manager,
    published: query.published,
    imported: query.imported === '1',
    ...labels,
  };
}

/** A plan's flagged actions as of a day, filtered and paged, the date kept in every link. */
export function flagsPage(data: PlanData, query: Record<string, string>, today: string, manager: boolean) {
  const planId = data.plan.id;
  const { asOf, errors } = readAsOf(query, today);
  const flags = flagged(data, asOf);
  const lastReport = flags.lastReport;
  const rows = actionRows(data, asOf, lastReport?.meetingDate ?? null).filter((r) => r.flags.length > 0);
  const filters = readListFilters(query, data.areas);
  const result = paginate(filterRows(rows, filters), filters.page);
  // The date chosen stays in every filter and page link.
  const asOfQuery = errors
    ? {}
    : { 'asOf-day': query['asOf-day'], 'asOf-month': query['asOf-month'], 'asOf-year': query['asOf-year'] };
  return {
    pageTitle: `Flags: ${data.plan.title}`,
    data,
    asOf,
    values: query,
    asOfQuery,
    errors,
    flags,
    flagLinks: flags.groups.map((g) => ({
      ...g,
      href: withQuery(paths.improvement.flags(planId), { ...asOfQuery, flag: g.flag }),
    })),
    result,
    filters,
    filtered: filtering(filters),
    ...filterItems(filters, data.areas, ownerTitles(rows)),
    pagination: pagination(result, paths.improvement.flags(planId), filters, asOfQuery),
    nav: planNav(data, paths.improvement.flags(planId), manager),
    ownersText,
    ...labels,
  };
}
