/**
 * The Local Offer's search page (`search.njk`): the query read into filters, and the page's view model from the
 * search's results. Pure: the handler runs the search and passes its results in.
 */
import { z } from 'zod';
import type { FormErrors } from '../../platform/web/forms.ts';
import { formValues, toFormErrors } from '../../platform/web/forms.ts';
import { selectItems } from '../../platform/web/items.ts';
import { govukPagination } from '../../platform/web/pagination.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { CATEGORIES, CATEGORY_CODES, costText, isStale, NEED_CODES, NEEDS } from './oruk/model.ts';
import { queryHints } from './search-text.ts';
import type { LoadedServices, SearchFilters, SearchResult } from './store.ts';

/** Results a page. */
export const PER_PAGE = 20;

const lo = paths.localOffer;

const searchSchema = z.object({
  q: z.string().trim().max(200, { error: 'Search words must be 200 characters or fewer' }).optional(),
  category: z
    .union([z.literal(''), z.enum(CATEGORY_CODES, { error: 'Select a type of service from the list' })])
    .optional(),
  need: z.union([z.literal(''), z.enum(NEED_CODES, { error: 'Select a need from the list' })]).optional(),
  age: z
    .string()
    .trim()
    .regex(/^(\d{1,2})?$/, { error: 'Age must be a whole number of years, like 7' })
    .refine((v) => v === '' || Number(v) <= 25, { error: 'Age must be 25 or under' })
    .optional(),
  free: z.union([z.literal(''), z.literal('yes')]).optional(),
  area: z.string().trim().max(100).optional(),
  provider: z.string().trim().max(100, { error: 'Provider must be 100 characters or fewer' }).optional(),
  page: z
    .string()
    .regex(/^\d{1,5}$/)
    .optional(),
});

/** A page number from the query: a whole number from 1 to 100,000, else 1. */
export function pageNumber(raw: unknown): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

/** The need filter's items, "Any need" first. */
export function needItems(selected: string) {
  const needs = NEED_CODES.map((n) => ({ value: n, text: NEEDS[n].label }));
  return selectItems(needs, selected, { any: 'Any need' });
}

/** An age range in words. */
export function ageText(min: number | null, max: number | null): string {
  if (min === null && max === null) return 'All ages';
  if (min === null) return `Up to ${max} years`;
  if (max === null) return `${min} years and over`;
  return `${min} to ${max} years`;
}

/** The search's query: the values as typed, their errors (nothing is searched then), the filters and the page. */
export interface SearchQuery {
  readonly raw: Record<string, string>;
  readonly errors: FormErrors | undefined;
  readonly filters: SearchFilters;
  readonly page: number;
}

export function readSearch(query: unknown): SearchQuery {
  const raw = formValues(query);
  const parsed = searchSchema.safeParse(raw);
  const errors = parsed.success
    ? undefined
    : toFormErrors(parsed.error.issues, ['q', 'category', 'need', 'age', 'free', 'area', 'provider']);
  const f = parsed.success ? parsed.data : {};
  const filters = {
    q: f.q || undefined,
    category: f.category || undefined,
    need: f.need || undefined,
    age: f.age ? Number(f.age) : undefined,
    free: f.free === 'yes',
    area: f.area || undefined,
    provider: f.provider || undefined,
  };
  return { raw, errors, filters, page: pageNumber(raw.page) };
}

/**
 * The search page's model (without the authority and the feedback links, which every Local Offer page has): the
 * results, the words the search understood differently, suggestions to narrow by a need or type the words name,
 * the filters as select items, and the pages.
 */
export function searchPageModel(
  { raw, errors, filters, page }: SearchQuery,
  result: SearchResult,
  loaded: LoadedServices,
  areas: readonly string[],
  today: string,
) {
  const results = loaded.services.map((s) => ({
    id: s.id,
    name: s.name,
    organisation: loaded.organisations.get(s.organisationId)?.name ?? '',
    description: s.description,
    ages: ageText(s.minAge, s.maxAge),
    cost: costText(s.cost),
    needs: s.needs.map((n) => NEEDS[n].label).join(', '),
    stale: isStale(s, today),
    lastChecked: s.lastChecked.on,
  }));
  const pages = Math.max(1, Math.ceil(result.total / PER_PAGE));
  const hints = queryHints(filters.q ?? '');
  const suggestions = [
    ...hints.needs
      .filter((n) => n !== filters.need)
      .map((n) => ({
        text: `Show only services for ${NEEDS[n].label.toLowerCase()}`,
        href: withQuery(lo.search, { ...raw, need: n, page: undefined }),
      })),
    ...hints.categories
      .filter((c) => c !== filters.category)
      .map((c) => ({
        text: `Show only ${CATEGORIES[c].label.toLowerCase()}`,
        href: withQuery(lo.search, { ...raw, category: c, page: undefined }),
      })),
  ];
  const active = [
    filters.category,
    filters.need,
    filters.age,
    filters.free || undefined,
    filters.area,
    filters.provider,
  ].filter((v) => v !== undefined).length;
  return {
    pageTitle: result.total === 0 && !errors ? 'No services found' : 'Search the Local Offer',
    values: raw,
    errors,
    results,
    total: result.total,
    corrections: result.corrections,
    suggestions: result.total > 0 ? suggestions : [],
    hints,
    activeFilters: active,
    clearFiltersHref: withQuery(lo.search, { q: raw.q }),
    categoryItems: selectItems(
      CATEGORY_CODES.map((c) => ({ value: c, text: CATEGORIES[c].label })),
      raw.category,
      { any: 'Any type' },
    ),
    needItems: needItems(raw.need ?? ''),
    areaItems: selectItems(
      areas.map((x) => ({ value: x, text: x })),
      raw.area,
      { any: 'Anywhere' },
    ),
    pagination: govukPagination(page, pages, (p) => withQuery(lo.search, { ...raw, page: p })),
    page,
    pages,
  };
}
