/**
 * The Open Referral UK query parameters, one zod schema per list endpoint of `schema/openapi.json`, parsed from a
 * query string object (as Fastify gives it: values are strings, or arrays when a name repeats).
 *
 * openapi.json gives the types; what it leaves open is decided here:
 * - `page` is a whole number from 1 (default 1); `per_page` from 1 to 100 (default 50).
 * - `minimum_age`/`maximum_age` are numbers from 0 to 130, and `minimum_age` may not be above `maximum_age`.
 * - `start_time`/`end_time` ("time") are HH:MM or HH:MM:SS, 24-hour; `day` is an iCal day code (MO ... SU) or an
 *   English day name, returned as the code.
 * - `postcode` must look like a UK postcode and comes back upper case with one space; `proximity` (metres, a string
 *   in openapi.json) is a whole number from 1 to 100000 and needs a postcode.
 * - `organization_id` and `modified_after` are defined in openapi.json's components but not listed on any UK
 *   endpoint; Goldthread accepts them on `/services` and `/service_at_locations` as HSDS 3.0 does.
 * - Parameters the standard defines that Goldthread does not support (`minimal`, `full`, `format`, ...) and
 *   unknown parameters are ignored, as most APIs do, so a client asking for more still gets an answer.
 * - `modified_after` ("datetime") is an ISO 8601 date or date and time; without a zone it is taken as UTC.
 * - A parameter given twice is an error: the answer would otherwise depend on which one we picked.
 */
import { z } from 'zod';
import { DAY_CODES } from './model.ts';
import type { DayCode } from './model.ts';

export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 100;
export const MAX_PROXIMITY_METRES = 100_000;

const DAY_NAMES: Readonly<Record<string, DayCode>> = {
  monday: 'MO',
  tuesday: 'TU',
  wednesday: 'WE',
  thursday: 'TH',
  friday: 'FR',
  saturday: 'SA',
  sunday: 'SU',
};

/** A UK postcode: outward code (area, district, optional sub-district letter), optional space, inward code. */
const POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$/;

const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${what} must not be empty` })
    .max(max, { error: `${what} must be ${max} characters or fewer` });

const wholeNumber = (name: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, { error: `${name} must be a whole number` })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `${name} must be ${min} or more` })
        .max(max, { error: `${name} must be ${max} or less` }),
    );

const age = (name: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, { error: `${name} must be a number of years, like 5 or 2.5` })
    .transform(Number)
    .pipe(z.number().max(130, { error: `${name} must be 130 or less` }));

const time = (name: string) =>
  z
    .string()
    .trim()
    .regex(/^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$/, {
      error: `${name} must be a 24-hour time, like 09:30 or 17:00:00`,
    })
    .transform((t) => t.slice(0, 5));

const day = z
  .string()
  .trim()
  .transform((d, ctx) => {
    const upper = d.toUpperCase();
    if ((DAY_CODES as readonly string[]).includes(upper)) return upper as DayCode;
    const named = DAY_NAMES[d.toLowerCase()];
    if (named) return named;
    ctx.addIssue({ code: 'custom', message: 'day must be a day of the week, like MO or Monday' });
    return z.NEVER;
  });

const postcode = z.string().transform((p, ctx) => {
  const match = POSTCODE.exec(p.trim().toUpperCase().replace(/\s+/g, ' '));
  if (!match) {
    ctx.addIssue({ code: 'custom', message: 'postcode must be a UK postcode, like DM1 4AB' });
    return z.NEVER;
  }
  return `${match[1]} ${match[2]}`;
});

const dateTime = z
  .string()
  .trim()
  .transform((v, ctx) => {
    // A date alone means its start, in UTC; a time without a zone is taken as UTC too.
    const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)(Z|[+-]\d{2}:\d{2})?)?$/.exec(
      v,
    );
    const date = m?.[1];
    const iso = date ? `${date}T${m[2] ?? '00:00'}${m[3] ?? 'Z'}` : '';
    const when = new Date(iso);
    const realDay = date !== undefined && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
    if (!realDay || Number.isNaN(when.getTime())) {
      ctx.addIssue({
        code: 'custom',
        message: 'modified_after must be a date or date and time, like 2026-01-31 or 2026-01-31T09:00:00Z',
      });
      return z.NEVER;
    }
    return when;
  });

const paging = {
  page: wholeNumber('page', 1, 100_000).default(1),
  per_page: wholeNumber('per_page', 1, MAX_PER_PAGE).default(DEFAULT_PER_PAGE),
};

const serviceFilters = {
  search: text(200, 'search').optional(),
  taxonomy_term_id: text(100, 'taxonomy_term_id').optional(),
  taxonomy_id: text(100, 'taxonomy_id').optional(),
  minimum_age: age('minimum_age').optional(),
  maximum_age: age('maximum_age').optional(),
  start_time: time('start_time').optional(),
  end_time: time('end_time').optional(),
  day: day.optional(),
  organization_id: text(100, 'organization_id').optional(),
  modified_after: dateTime.optional(),
};

function checkAges(
  q: { minimum_age?: number | undefined; maximum_age?: number | undefined },
  ctx: z.RefinementCtx,
): void {
  if (q.minimum_age !== undefined && q.maximum_age !== undefined && q.minimum_age > q.maximum_age) {
    ctx.addIssue({
      code: 'custom',
      path: ['minimum_age'],
      message: 'minimum_age must not be more than maximum_age',
    });
  }
}

export const servicesQuery = z.object({ ...paging, ...serviceFilters }).superRefine(checkAges);

export const serviceAtLocationsQuery = z
  .object({
    ...paging,
    ...serviceFilters,
    postcode: postcode.optional(),
    proximity: wholeNumber('proximity', 1, MAX_PROXIMITY_METRES).optional(),
  })
  .superRefine((q, ctx) => {
    checkAges(q, ctx);
    if (q.proximity !== undefined && q.postcode === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['proximity'],
        message: 'proximity needs a postcode to measure from',
      });
    }
  });

export const taxonomiesQuery = z.object({ ...paging });
export const taxonomyTermsQuery = z.object({ ...paging });

export type ServicesQuery = z.infer<typeof servicesQuery>;
export type ServiceAtLocationsQuery = z.infer<typeof serviceAtLocationsQuery>;
export type TaxonomiesQuery = z.infer<typeof taxonomiesQuery>;
export type TaxonomyTermsQuery = z.infer<typeof taxonomyTermsQuery>;

/** The parameters each list endpoint takes, by the names openapi.json uses. */
export const QUERY_SCHEMAS = {
  '/services': servicesQuery,
  '/service_at_locations': serviceAtLocationsQuery,
  '/taxonomies': taxonomiesQuery,
  '/taxonomy_terms': taxonomyTermsQuery,
} as const;
export type ListEndpoint = keyof typeof QUERY_SCHEMAS;

/** The JSON body of a 400 answer. */
export interface QueryErrorBody {
  readonly error: 'invalid_query';
  readonly message: string;
  readonly errors: readonly { readonly parameter: string; readonly message: string }[];
}

export type QueryResult<E extends ListEndpoint> =
  | { readonly ok: true; readonly query: z.infer<(typeof QUERY_SCHEMAS)[E]> }
  | { readonly ok: false; readonly status: 400; readonly body: QueryErrorBody };

/**
 * Parses a query string object for one endpoint. Empty values (`?search=`) count as not given, since HTML forms
 * and many clients send them.
 */
export function parseQuery<E extends ListEndpoint>(
  endpoint: E,
  raw: Readonly<Record<string, unknown>>,
): QueryResult<E> {
  const schema = QUERY_SCHEMAS[endpoint];
  const known = new Set(Object.keys(schema.shape));
  const input: Record<string, string> = {};
  const repeated: { parameter: string; message: string }[] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (!known.has(name)) continue;
    if (Array.isArray(value)) {
      repeated.push({ parameter: name, message: `${name} must be given only once` });
      continue;
    }
    if (typeof value !== 'string') continue;
    if (value.trim() === '') continue;
    input[name] = value;
  }
  if (repeated.length > 0) return failure(repeated);
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, query: parsed.data as z.infer<(typeof QUERY_SCHEMAS)[E]> };
  return failure(
    parsed.error.issues.map((issue) => ({ parameter: String(issue.path[0] ?? ''), message: issue.message })),
  );
}

function failure(errors: { parameter: string; message: string }[]): {
  ok: false;
  status: 400;
  body: QueryErrorBody;
} {
  const message =
    errors.length === 1
      ? errors[0]!.message
      : `${errors.length} query parameters are wrong: ${errors.map((e) => e.message).join('; ')}`;
  return { ok: false, status: 400, body: { error: 'invalid_query', message, errors } };
}
