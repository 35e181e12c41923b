import { describe, expect, it } from 'vitest';
import { parseQuery, QUERY_SCHEMAS } from './query.ts';
import { orukOpenApi } from './validate.ts';

type OpenApiParameter = { $ref?: string; name?: string };

function openApiParameterNames(path: string): string[] {
  const doc = orukOpenApi() as unknown as {
    paths: Record<string, { get: { parameters?: OpenApiParameter[] } }>;
    components: { parameters: Record<string, { name: string }> };
  };
  return (doc.paths[path]!.get.parameters ?? []).map((p) =>
    p.$ref ? doc.components.parameters[p.$ref.split('/').at(-1)!]!.name : p.name!,
  );
}

describe('the query parameters of each list endpoint', () => {
  it.each(Object.keys(QUERY_SCHEMAS) as (keyof typeof QUERY_SCHEMAS)[])(
    '%s accepts every parameter openapi.json lists for it',
    (endpoint) => {
      const names = Object.keys(QUERY_SCHEMAS[endpoint].shape);
      for (const name of openApiParameterNames(endpoint)) expect(names).toContain(name);
    },
  );

  it('covers every list endpoint of openapi.json', () => {
    const lists = Object.keys(orukOpenApi().paths).filter((p) => p !== '/' && !p.includes('{'));
    expect(Object.keys(QUERY_SCHEMAS).sort()).toEqual(lists.sort());
  });
});

describe('parseQuery', () => {
  it('gives the defaults when nothing is asked', () => {
    expect(parseQuery('/services', {})).toEqual({ ok: true, query: { page: 1, per_page: 50 } });
    expect(parseQuery('/taxonomies', {})).toEqual({ ok: true, query: { page: 1, per_page: 50 } });
  });

  it('parses every /service_at_locations parameter', () => {
    const result = parseQuery('/service_at_locations', {
      search: '  autism swimming ',
      page: '3',
      per_page: '20',
      taxonomy_term_id: 'c1c5c2de-6d58-5b3e-9c55-000000000000',
      taxonomy_id: 'tax-1',
      minimum_age: '2.5',
      maximum_age: '11',
      start_time: '09:30',
      end_time: '17:00:00',
      day: 'saturday',
      postcode: 'dm4  2ab',
      proximity: '1500',
      organization_id: 'org-1',
      modified_after: '2026-01-31',
    });
    expect(result).toEqual({
      ok: true,
      query: {
        search: 'autism swimming',
        page: 3,
        per_page: 20,
        taxonomy_term_id: 'c1c5c2de-6d58-5b3e-9c55-000000000000',
        taxonomy_id: 'tax-1',
        minimum_age: 2.5,
        maximum_age: 11,
        start_time: '09:30',
        end_time: '17:00',
        day: 'SA',
        postcode: 'DM4 2AB',
        proximity: 1500,
        organization_id: 'org-1',
        modified_after: new Date('2026-01-31T00:00:00Z'),
      },
    });
  });

  it('treats empty values as not given and ignores parameters it does not know or support', () => {
    expect(
      parseQuery('/services', { search: '', page: ' ', full: 'true', format: 'ndjson', utm_source: 'x' }),
    ).toEqual({ ok: true, query: { page: 1, per_page: 50 } });
    // postcode belongs to /service_at_locations only
    expect(parseQuery('/services', { postcode: 'nonsense' })).toEqual({
      ok: true,
      query: { page: 1, per_page: 50 },
    });
  });

  it.each([
    [{ page: '0' }, 'page', 'page must be 1 or more'],
    [{ page: 'two' }, 'page', 'page must be a whole number'],
    [{ page: '1.5' }, 'page', 'page must be a whole number'],
    [{ per_page: '101' }, 'per_page', 'per_page must be 100 or less'],
    [{ minimum_age: '-1' }, 'minimum_age', 'minimum_age must be a number of years, like 5 or 2.5'],
    [{ maximum_age: '200' }, 'maximum_age', 'maximum_age must be 130 or less'],
    [{ minimum_age: '12', maximum_age: '5' }, 'minimum_age', 'minimum_age must not be more than maximum_age'],
    [{ start_time: '9am' }, 'start_time', 'start_time must be a 24-hour time, like 09:30 or 17:00:00'],
    [{ end_time: '24:00' }, 'end_time', 'end_time must be a 24-hour time, like 09:30 or 17:00:00'],
    [{ day: 'funday' }, 'day', 'day must be a day of the week, like MO or Monday'],
    [
      { modified_after: 'last week' },
      'modified_after',
      'modified_after must be a date or date and time, like 2026-01-31 or 2026-01-31T09:00:00Z',
    ],
    [
      { modified_after: '2026-02-31' },
      'modified_after',
      'modified_after must be a date or date and time, like 2026-01-31 or 2026-01-31T09:00:00Z',
    ],
    [{ search: 'x'.repeat(201) }, 'search', 'search must be 200 characters or fewer'],
  ])('answers 400 for %j on /services', (raw, parameter, message) => {
    expect(parseQuery('/services', raw)).toEqual({
      ok: false,
      status: 400,
      body: { error: 'invalid_query', message, errors: [{ parameter, message }] },
    });
  });

  it.each([
    [{ postcode: 'not a postcode' }, 'postcode', 'postcode must be a UK postcode, like DM1 4AB'],
    [{ proximity: '500' }, 'proximity', 'proximity needs a postcode to measure from'],
    [{ postcode: 'DM1 4AB', proximity: '500000' }, 'proximity', 'proximity must be 100000 or less'],
    [{ postcode: 'DM1 4AB', proximity: '2km' }, 'proximity', 'proximity must be a whole number'],
  ])('answers 400 for %j on /service_at_locations', (raw, parameter, message) => {
    expect(parseQuery('/service_at_locations', raw)).toEqual({
      ok: false,
      status: 400,
      body: { error: 'invalid_query', message, errors: [{ parameter, message }] },
    });
  });

  it('reads modified_after with and without a time zone', () => {
    const at = (v: string) => {
      const r = parseQuery('/services', { modified_after: v });
      return r.ok ? r.query.modified_after?.toISOString() : r.body.message;
    };
    expect(at('2026-01-31T09:00:00Z')).toBe('2026-01-31T09:00:00.000Z');
    expect(at('2026-01-31T09:00')).toBe('2026-01-31T09:00:00.000Z');
    expect(at('2026-06-30T10:00:00+01:00')).toBe('2026-06-30T09:00:00.000Z');
    expect(at('2026-01-31T25:00')).toBe(
      'modified_after must be a date or date and time, like 2026-01-31 or 2026-01-31T09:00:00Z',
    );
  });

  it('lists every problem at once', () => {
    const result = parseQuery('/taxonomy_terms', { page: '-2', per_page: '1000' });
    expect(result).toEqual({
      ok: false,
      status: 400,
      body: {
        error: 'invalid_query',
        message: '2 query parameters are wrong: page must be a whole number; per_page must be 100 or less',
        errors: [
          { parameter: 'page', message: 'page must be a whole number' },
          { parameter: 'per_page', message: 'per_page must be 100 or less' },
        ],
      },
    });
  });

  it('refuses a parameter given twice', () => {
    expect(parseQuery('/services', { page: ['1', '2'] })).toEqual({
      ok: false,
      status: 400,
      body: {
        error: 'invalid_query',
        message: 'page must be given only once',
        errors: [{ parameter: 'page', message: 'page must be given only once' }],
      },
    });
  });

  it('accepts the London-style postcodes and day codes in any case', () => {
    const result = parseQuery('/service_at_locations', { postcode: 'ec1a1bb', day: 'tu' });
    expect(result).toEqual({ ok: true, query: { page: 1, per_page: 50, postcode: 'EC1A 1BB', day: 'TU' } });
  });
});
