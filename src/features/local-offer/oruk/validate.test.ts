import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ORUK_ENDPOINTS,
  orukOpenApi,
  readSchemaFile,
  validateOrukResponse,
  validateOrukSchema,
} from './validate.ts';
import type { ExtensionEndpoint, OrukEndpoint } from './validate.ts';

const example = (file: string): unknown => readSchemaFile(`examples/${file}`);

describe('the Open Referral UK schema loader', () => {
  it('knows every GET endpoint of openapi.json', () => {
    expect([...ORUK_ENDPOINTS].sort()).toEqual(Object.keys(orukOpenApi().paths).sort());
  });

  const cases: [OrukEndpoint | ExtensionEndpoint, string][] = [
    ['/services', 'service_list.json'],
    ['/services/{id}', 'service_full.json'],
    ['/service_at_locations', 'service_at_location_list.json'],
    ['/taxonomies', 'taxonomy_list.json'],
    ['/taxonomies/{id}', 'taxonomy.json'],
    ['/taxonomy_terms', 'taxonomy_term_list.json'],
    ['/taxonomy_terms/{id}', 'taxonomy_term.json'],
    ['/organizations', 'organization_list.json'],
    ['/organizations/{id}', 'organization_full.json'],
  ];
  it.each(cases)('accepts the standard example for %s (%s)', (endpoint, file) => {
    expect(validateOrukResponse(endpoint, example(file))).toEqual({ valid: true, errors: [] });
  });

  it('accepts the full service_at_location example against its own schema', () => {
    expect(validateOrukSchema('service_at_location', example('service_at_location_full.json')).valid).toBe(
      true,
    );
  });

  it("shows the standard's own slip: openapi.json gives /service_at_locations/{id} the service schema", () => {
    // The example has no name or status, which compiled/service.json requires. Goldthread's mapping adds both
    // (see map.ts) so its responses pass either reading.
    expect(
      validateOrukResponse('/service_at_locations/{id}', example('service_at_location_full.json')),
    ).toEqual({
      valid: false,
      errors: [
        "(document) must have required property 'name'",
        "(document) must have required property 'status'",
      ],
    });
  });

  it('rejects bad documents with messages that say where and what', () => {
    const bad = { total_items: 'ten', contents: [{ id: 'not-a-uuid', name: 'Club', status: 'open' }] };
    expect(validateOrukResponse('/services', bad)).toEqual({
      valid: false,
      errors: [
        '/total_items must be integer',
        '/contents/0/id must match format "uuid"',
        '/contents/0/status must be equal to one of the allowed values: ["active","inactive","defunct","temporarily closed"]',
      ],
    });
  });

  it('checks formats: uri, email and date-time', () => {
    const service = {
      id: '0b5e1f4c-8a4f-4a57-9d1b-1b7f3e0c2d11',
      name: 'Club',
      status: 'active',
      url: 'not a url',
      email: 'nobody-at-example',
      last_modified: 'yesterday',
    };
    expect(validateOrukSchema('service', service).errors).toEqual([
      '/url must match format "uri"',
      '/email must match format "email"',
      '/last_modified must match format "date-time"',
    ]);
  });

  const shared = new URL('../../../../../shared/standards/open-referral-uk/', import.meta.url);
  it.runIf(existsSync(shared))('keeps the copied schemas byte for byte equal to shared/', () => {
    const local = new URL('./schema/', import.meta.url);
    const files = [
      ...readdirSync(new URL('compiled/', local)).map((f) => [`compiled/${f}`, `schema/compiled/${f}`]),
      ...readdirSync(new URL('examples/', local)).map((f) => [`examples/${f}`, `examples/${f}`]),
      ...readdirSync(local)
        .filter((f) => f.endsWith('.json'))
        .map((f) => [f, `schema/${f}`]),
      ['LICENSE', 'LICENSE'],
    ];
    expect(files.length).toBe(6 + 10 + 5 + 1);
    for (const [mine, theirs] of files) {
      expect(readFileSync(new URL(mine!, local), 'utf8'), mine).toBe(
        readFileSync(new URL(theirs!, shared), 'utf8'),
      );
    }
  });
});
