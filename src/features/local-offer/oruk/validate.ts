/**
 * Validates Open Referral UK JSON against the standard's own JSON Schemas, copied unchanged into `schema/`.
 *
 * The endpoint validators are built from `schema/openapi.json` itself: each path's 200 response schema, with its
 * `$ref`s to the published schema URLs answered from the local copies and `#/components/...` inlined. So a test
 * that validates a response for `/services` checks exactly what the standard says that endpoint returns.
 *
 * The schemas carry no `$schema`; openapi.json declares the 2020-12 dialect, so this uses Ajv's 2020-12 class
 * (the schemas use only keywords that mean the same in draft-07). Their non-JSON-Schema annotations (`name`,
 * `constraints`, `example`, `datapackage_metadata` ...) are declared as a vocabulary so Ajv stays strict about
 * anything else.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/** Where openapi.json says the schemas live; the local copies answer for these URLs. */
export const SCHEMA_BASE_URL = 'https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/';

const SCHEMA_FILES = [
  'compiled/service.json',
  'compiled/service_list.json',
  'compiled/service_at_location.json',
  'compiled/service_at_location_list.json',
  'compiled/organization.json',
  'compiled/organization_list.json',
  'taxonomy.json',
  'taxonomy_term.json',
  'phone.json',
  'language.json',
] as const;

/** A schema by its file name without `.json` (`compiled/` dropped): `service`, `service_list`, `taxonomy` ... */
export type OrukSchemaName =
  | 'service'
  | 'service_list'
  | 'service_at_location'
  | 'service_at_location_list'
  | 'organization'
  | 'organization_list'
  | 'taxonomy'
  | 'taxonomy_term'
  | 'phone'
  | 'language';

/** The GET endpoints of openapi.json. */
export const ORUK_ENDPOINTS = [
  '/',
  '/services',
  '/services/{id}',
  '/service_at_locations',
  '/service_at_locations/{id}',
  '/taxonomies',
  '/taxonomies/{id}',
  '/taxonomy_terms',
  '/taxonomy_terms/{id}',
] as const;
export type OrukEndpoint = (typeof ORUK_ENDPOINTS)[number];

/**
 * Endpoints HSDS 3.0 defines but the UK openapi.json does not; Goldthread may serve them as extensions. They are
 * validated like the others: the full compiled organisation, and the paged envelope of `organization_list`.
 */
export const EXTENSION_ENDPOINTS = ['/organizations', '/organizations/{id}'] as const;
export type ExtensionEndpoint = (typeof EXTENSION_ENDPOINTS)[number];

export interface ValidationResult {
  readonly valid: boolean;
  /** One line per problem: where in the document, and what is wrong. */
  readonly errors: readonly string[];
}

const ANNOTATIONS = [
  'name',
  'path',
  'datapackage_metadata',
  'datapackage_type',
  'constraints',
  'example',
  'core',
  'tabular_required',
];

interface Validators {
  readonly bySchema: ReadonlyMap<OrukSchemaName, ValidateFunction>;
  readonly byEndpoint: ReadonlyMap<OrukEndpoint | ExtensionEndpoint, ValidateFunction>;
  readonly openapi: OpenApiDocument;
}

interface OpenApiDocument {
  paths: Record<
    string,
    { get?: { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> } }
  >;
  components: { schemas: Record<string, unknown> };
}

let validators: Validators | undefined;

export function readSchemaFile(relativePath: string): unknown {
  return JSON.parse(readFileSync(new URL(`./schema/${relativePath}`, import.meta.url), 'utf8')) as unknown;
}

function schemaName(file: string): OrukSchemaName {
  return file.replace(/^compiled\//, '').replace(/\.json$/, '') as OrukSchemaName;
}

/** Replaces `{ "$ref": "#/components/..." }` with the component itself (Ajv cannot see the OpenAPI document). */
function inlineComponents(node: unknown, doc: OpenApiDocument): unknown {
  if (Array.isArray(node)) return node.map((n) => inlineComponents(n, doc));
  if (node === null || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  const ref = obj['$ref'];
  if (typeof ref === 'string' && ref.startsWith('#/')) {
    let target: unknown = doc;
    for (const part of ref.slice(2).split('/')) {
      target = (target as Record<string, unknown> | undefined)?.[part];
    }
    if (target === undefined) throw new Error(`openapi.json: unresolved ${ref}`);
    return inlineComponents(target, doc);
  }
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, inlineComponents(v, doc)]));
}

function build(): Validators {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  addFormatsModule.default(ajv);
  ajv.addVocabulary(ANNOTATIONS);
  for (const file of SCHEMA_FILES) {
    ajv.addSchema(readSchemaFile(file) as object, SCHEMA_BASE_URL + file);
  }
  const bySchema = new Map<OrukSchemaName, ValidateFunction>();
  for (const file of SCHEMA_FILES) {
    const fn = ajv.getSchema(SCHEMA_BASE_URL + file);
    if (!fn) throw new Error(`schema did not compile: ${file}`);
    bySchema.set(schemaName(file), fn);
  }

  const openapi = readSchemaFile('openapi.json') as OpenApiDocument;
  const byEndpoint = new Map<OrukEndpoint | ExtensionEndpoint, ValidateFunction>();
  for (const endpoint of ORUK_ENDPOINTS) {
    const schema = openapi.paths[endpoint]?.get?.responses?.['200']?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`openapi.json has no 200 JSON response for GET ${endpoint}`);
    byEndpoint.set(endpoint, ajv.compile(inlineComponents(schema, openapi) as object));
  }
  byEndpoint.set('/organizations/{id}', bySchema.get('organization')!);
  byEndpoint.set(
    '/organizations',
    ajv.compile({
      properties: {
        contents: { type: 'array', items: { $ref: `${SCHEMA_BASE_URL}compiled/organization_list.json` } },
      },
      allOf: [openapi.components.schemas['Page']],
    }),
  );
  return { bySchema, byEndpoint, openapi };
}

function get(): Validators {
  validators ??= build();
  return validators;
}

function result(fn: ValidateFunction, value: unknown): ValidationResult {
  if (fn(value)) return { valid: true, errors: [] };
  return { valid: false, errors: (fn.errors ?? []).map(describe) };
}

function describe(e: ErrorObject): string {
  const where = e.instancePath === '' ? '(document)' : e.instancePath;
  const detail =
    e.keyword === 'enum'
      ? `: ${JSON.stringify((e.params as { allowedValues: unknown }).allowedValues)}`
      : e.keyword === 'required' || e.keyword === 'format' || e.keyword === 'type'
        ? ''
        : ` ${JSON.stringify(e.params)}`;
  return `${where} ${e.message ?? e.keyword}${detail}`;
}

/** Validates against one of the standard's schemas by name (`service` is `compiled/service.json`). */
export function validateOrukSchema(name: OrukSchemaName, value: unknown): ValidationResult {
  const fn = get().bySchema.get(name);
  if (!fn) throw new Error(`unknown Open Referral UK schema: ${name}`);
  return result(fn, value);
}

/** Validates a response body against what openapi.json says the endpoint returns. */
export function validateOrukResponse(
  endpoint: OrukEndpoint | ExtensionEndpoint,
  value: unknown,
): ValidationResult {
  const fn = get().byEndpoint.get(endpoint);
  if (!fn) throw new Error(`unknown Open Referral UK endpoint: ${endpoint}`);
  return result(fn, value);
}

/** The parsed openapi.json (for the query parameter tests and for serving it at `/openapi.json`). */
export function orukOpenApi(): OpenApiDocument {
  return get().openapi;
}
