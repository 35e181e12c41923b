/**
 * Lists of actions that can grow (a plan's actions, an officer's actions, the flags): filters by area, status, owner
 * and flag read from the query string, and pages of PAGE_SIZE. A filter value that is not one of the choices offered
 * (an old link, a hand-typed address) is ignored rather than refused, so a list page never fails on its filters.
 */
import type { Flag } from '../../domain/improvement/flags.ts';
import { FLAGS } from '../../domain/improvement/flags.ts';
import type { Status } from '../../domain/improvement/types.ts';
import { STATUSES } from '../../domain/improvement/types.ts';
import type { ActionRow } from './compute.ts';
import { FLAG_TEXT, STATUS_TEXT } from './compute.ts';
import type { AreaData } from './store.ts';

export const PAGE_SIZE = 25;

export interface ListFilters {
  area?: string | undefined;
  status?: Status | undefined;
  owner?: string | undefined;
  flag?: Flag | undefined;
  page: number;
}

/** Reads the filters from a query string; `areas` are the areas on offer (by id). */
export function readListFilters(query: Record<string, string>, areas: readonly AreaData[] = []): ListFilters {
  const page = Number(query.page);
  return {
    area: areas.some((a) => a.id === query.area) ? query.area : undefined,
    status: (STATUSES as readonly string[]).includes(query.status ?? '')
      ? (query.status as Status)
      : undefined,
    owner: query.owner?.trim() ? query.owner.trim().slice(0, 300) : undefined,
    flag: (FLAGS as readonly string[]).includes(query.flag ?? '') ? (query.flag as Flag) : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** Rows matching every filter that is set. An owner matches by job title, ignoring case. */
export function filterRows<T extends ActionRow>(rows: readonly T[], filters: ListFilters): T[] {
  const owner = filters.owner?.toLowerCase();
  return rows.filter(
    (r) =>
      (filters.area === undefined || r.action.areaId === filters.area) &&
      (filters.status === undefined || r.status === filters.status) &&
      (filters.flag === undefined || r.flags.includes(filters.flag)) &&
      (owner === undefined || r.action.owners.some((o) => o.jobTitle.toLowerCase() === owner)),
  );
}

export interface Page<T> {
  rows: T[];
  page: number;
  pages: number;
  total: number;
  /** 1-based positions of the first and last rows shown (0 and 0 when empty). */
  from: number;
  to: number;
}

/** One page of the items; a page past the end shows the last page. */
export function paginate<T>(items: readonly T[], page: number, size = PAGE_SIZE): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, page), pages);
  const start = (current - 1) * size;
  const rows = items.slice(start, start + size);
  return {
    rows,
    page: current,
    pages,
    total: items.length,
    from: rows.length ? start + 1 : 0,
    to: start + rows.length,
  };
}

/** Every accountable officer's job title among the rows, once each, sorted. */
export function ownerTitles(rows: readonly ActionRow[]): string[] {
  const seen = new Map<string, string>();
  for (const r of rows) {
    for (const o of r.action.owners) {
      const key = o.jobTitle.toLowerCase();
      if (!seen.has(key)) seen.set(key, o.jobTitle);
    }
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b, 'en-GB'));
}

type Item = { value: string; text: string; selected?: boolean };

/** govukSelect items for each filter, with "Any" first and the current choice selected. */
export function filterItems(filters: ListFilters, areas: readonly AreaData[], owners: readonly string[]) {
  const any = (text: string): Item => ({ value: '', text });
  return {
    areaItems: [
      any('All areas'),
      ...areas.map((a) => ({
        value: a.id,
        text: `${a.key}. ${a.title}`.slice(0, 90),
        selected: a.id === filters.area,
      })),
    ],
    statusItems: [
      any('Any status'),
      ...STATUSES.map((s) => ({ value: s, text: STATUS_TEXT[s], selected: s === filters.status })),
    ],
    ownerItems: [
      any('Any officer'),
      ...owners.map((o) => ({
        value: o,
        text: o.slice(0, 90),
        selected: o.toLowerCase() === filters.owner?.toLowerCase(),
      })),
    ],
    flagItems: [
      any('Any flag'),
      ...FLAGS.map((f) => ({ value: f, text: FLAG_TEXT[f], selected: f === filters.flag })),
    ],
  };
}

/** Whether any filter (other than the page) is set. */
export function filtering(filters: ListFilters): boolean {
  return (
    filters.area !== undefined ||
    filters.status !== undefined ||
    filters.owner !== undefined ||
    filters.flag !== undefined
  );
}
