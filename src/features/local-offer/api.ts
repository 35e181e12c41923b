/**
 * The Open Referral UK v3 API under /api/open-referral/v3: public, no key, `Access-Control-Allow-Origin: *`,
 * JSON errors (400 for bad parameters, 404 for unknown ids and paths). Every endpoint of the standard's
 * openapi.json; only active services are published. Filter meanings are those of docs/local-offer.md.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/web/app.ts';
import { paths } from '../../platform/web/paths.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import {
  pageOf,
  serviceAtLocationId,
  toApiMeta,
  toOrukService,
  toOrukServiceAtLocation,
  toOrukServiceAtLocationSummary,
  toOrukServiceSummary,
  toOrukTaxonomy,
  toOrukTaxonomyTerm,
  toPage,
} from './oruk/map.ts';
import { parseQuery } from './oruk/query.ts';
import type { ServiceAtLocationsQuery, ServicesQuery } from './oruk/query.ts';
import { findTerm, TAXONOMY_ID, TAXONOMY_TERMS, termFilter } from './oruk/taxonomy.ts';
import { publicAuthority } from './public.ts';
import { DirectoryCache } from './search-cache.ts';
import { directoryVersion, loadServices } from './store.ts';

const API = paths.localOffer.api;
const OPENAPI = readFileSync(new URL('./oruk/schema/openapi.json', import.meta.url), 'utf8');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function notFound(reply: FastifyReply, what: string) {
  return reply.code(404).send({ error: 'not_found', message: `${what} was not found` });
}

/** The WHERE of the service filters both list endpoints share (the standard's meanings). */
function serviceWhere(
  laCode: string,
  q: ServicesQuery | ServiceAtLocationsQuery,
): RawBuilder<unknown> | null {
  const parts: RawBuilder<unknown>[] = [sql`s.la_code = ${laCode}`, sql`s.status = 'active'`];
  if (q.search) parts.push(sql`s.search_vector @@ websearch_to_tsquery('english', ${q.search})`);
  if (q.taxonomy_term_id) {
    const f = termFilter(q.taxonomy_term_id);
    if (!f) return null;
    if (f.kind === 'category') parts.push(sql`s.categories @> array[${f.code}]::text[]`);
    else if (f.kind === 'need') parts.push(sql`s.needs @> array[${f.code}]::text[]`);
    else if (f.group === 'need') parts.push(sql`cardinality(s.needs) > 0`);
  }
  if (q.taxonomy_id && q.taxonomy_id !== TAXONOMY_ID) return null;
  if (q.minimum_age !== undefined) parts.push(sql`s.min_age >= ${q.minimum_age}`);
  if (q.maximum_age !== undefined) parts.push(sql`s.max_age <= ${q.maximum_age}`);
  if (q.organization_id) {
    if (!UUID.test(q.organization_id)) return null;
    parts.push(sql`s.organisation_id = ${q.organization_id}::uuid`);
  }
  if (q.modified_after) parts.push(sql`s.last_modified > ${q.modified_after}`);
  if (q.day || q.start_time || q.end_time) {
    const conds: RawBuilder<unknown>[] = [sql`true`];
    if (q.day) conds.push(sql`coalesce(e->'byDay', '[]'::jsonb) ? ${q.day}`);
    if (q.start_time) conds.push(sql`coalesce(e->>'closesAt', '24:00') > ${q.start_time.slice(0, 5)}`);
    if (q.end_time) conds.push(sql`coalesce(e->>'opensAt', '00:00') < ${q.end_time.slice(0, 5)}`);
    parts.push(
      sql`exists (select 1 from jsonb_array_elements(s.schedules) e where ${sql.join(conds, sql` and `)})`,
    );
  }
  return sql.join(parts, sql` and `);
}

function order(q: { search?: string | undefined }): RawBuilder<unknown> {
  return q.search
    ? sql`ts_rank_cd(s.search_vector, websearch_to_tsquery('english', ${q.search})) desc, s.name, s.id`
    : sql`s.name, s.id`;
}

/** A page of `/services`' ids and the count, found and ranked in SQL. */
async function serviceIds(
  db: Executor,
  laCode: string,
  q: ServicesQuery,
): Promise<{ ids: string[]; total: number }> {
  const where = serviceWhere(laCode, q);
  if (!where) return { ids: [], total: 0 };
  const { rows } = await sql<{ id: string; total: number }>`
    select s.id, count(*) over () as total from local_offer_service s where ${where}
    order by ${order(q)} limit ${q.per_page} offset ${(q.page - 1) * q.per_page}`.execute(db);
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && q.page > 1) {
    const { rows: c } = await sql<{
      n: number;
    }>`select count(*) as n from local_offer_service s where ${where}`.execute(db);
    total = Number(c[0]?.n ?? 0);
  }
  return { ids: rows.map((r) => r.id), total };
}

/**
 * `/services`' ids and count from the cache under the directory's version (ADR 0069): every filter reads only the
 * directory, so an answer holds until the next edit. The services are loaded for each request.
 */
export async function cachedServiceIds(
  db: Executor,
  cache: DirectoryCache,
  laCode: string,
  q: ServicesQuery,
): Promise<{ ids: string[]; total: number }> {
  const version = await directoryVersion(db, laCode);
  return cache.get(laCode, version, JSON.stringify(['oruk-services', q]), () => serviceIds(db, laCode, q));
}

async function servicesPage(
  db: Executor,
  cache: DirectoryCache,
  laCode: string,
  q: ServicesQuery,
  today: string,
) {
  const { ids, total } = await cachedServiceIds(db, cache, laCode, q);
  const loaded = await loadServices(db, laCode, ids);
  const contents = loaded.services.map((s) =>
    toOrukServiceSummary(s, loaded.organisations.get(s.organisationId)!, { today }),
  );
  return toPage(contents, { page: q.page, perPage: q.per_page, totalItems: total });
}

async function serviceAtLocationsPage(
  db: Executor,
  laCode: string,
  q: ServiceAtLocationsQuery,
  today: string,
) {
  const where = serviceWhere(laCode, q);
  const empty = () => toPage([], { page: q.page, perPage: q.per_page, totalItems: 0 });
  if (!where) return { ok: true as const, page: empty() };
  let distance: RawBuilder<unknown> | null = null;
  if (q.postcode) {
    const centre = await db
      .selectFrom('local_offer_location')
      .select([
        (eb) => eb.fn.avg<number>('latitude').as('lat'),
        (eb) => eb.fn.avg<number>('longitude').as('lon'),
      ])
      .where('la_code', '=', laCode)
      .where(sql`replace(upper(postcode), ' ', '')`, '=', q.postcode.replace(' ', ''))
      .executeTakeFirst();
    if (!centre || centre.lat === null) {
      return {
        ok: false as const,
        body: {
          error: 'invalid_query',
          message: 'postcode is not one this directory knows',
          errors: [{ parameter: 'postcode', message: 'postcode is not one this directory knows' }],
        },
      };
    }
    const lat = Number(centre.lat);
    const lon = Number(centre.lon);
    // Equirectangular distance in metres: accurate to well under 1% over a local authority's area.
    distance = sql`6371000 * sqrt(power(radians(l.latitude - ${lat}), 2) + power(radians(l.longitude - ${lon}) * cos(radians(${lat})), 2))`;
  }
  const near = distance && q.proximity !== undefined ? sql`and ${distance} <= ${q.proximity}` : sql``;
  const { rows } = await sql<{ service_id: string; location_id: string; total: number }>`
    select sl.service_id, sl.location_id, count(*) over () as total
    from local_offer_service s
    join local_offer_service_location sl on sl.la_code = s.la_code and sl.service_id = s.id
    join local_offer_location l on l.la_code = sl.la_code and l.id = sl.location_id
    where ${where} ${near}
    order by ${distance ? sql`${distance}, ` : sql``}${order(q)}, sl.position
    limit ${q.per_page} offset ${(q.page - 1) * q.per_page}`.execute(db);
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && q.page > 1) {
    const { rows: c } = await sql<{ n: number }>`
      select count(*) as n from local_offer_service s
      join local_offer_service_location sl on sl.la_code = s.la_code and sl.service_id = s.id
      join local_offer_location l on l.la_code = sl.la_code and l.id = sl.location_id
      where ${where} ${near}`.execute(db);
    total = Number(c[0]?.n ?? 0);
  }
  const loaded = await loadServices(db, laCode, [...new Set(rows.map((r) => r.service_id))]);
  const byId = new Map(loaded.services.map((s) => [s.id, s]));
  const contents = rows.flatMap((r) => {
    const s = byId.get(r.service_id);
    const loc = s?.locations.find((l) => l.id === r.location_id);
    return s && loc
      ? [toOrukServiceAtLocationSummary(s, loc, loaded.organisations.get(s.organisationId)!, { today })]
      : [];
  });
  return {
    ok: true as const,
    page: toPage(contents, { page: q.page, perPage: q.per_page, totalItems: total }),
  };
}

export function localOfferApiRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;
  const directory = new DirectoryCache();

  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith(`${API}/`) || request.url === API) {
      reply.header('Access-Control-Allow-Origin', '*');
      reply.header('Access-Control-Allow-Methods', 'GET, OPTIONS');
    }
  });

  async function laCode(reply: FastifyReply): Promise<string | null> {
    const a = await publicAuthority(db, deps.config.localOfferLa);
    if (!a) {
      await reply.code(404).send({ error: 'not_found', message: 'There is no Local Offer here' });
      return null;
    }
    return a.la_code;
  }

  const baseUrl = (request: FastifyRequest) => `${request.protocol}://${request.host}${API}`;

  app.get(API, async (request, reply) => reply.send(toApiMeta(baseUrl(request))));
  app.get(`${API}/openapi.json`, async (_request, reply) => reply.type('application/json').send(OPENAPI));

  app.get(`${API}/services`, async (request, reply) => {
    const parsed = parseQuery('/services', request.query as Record<string, unknown>);
    if (!parsed.ok) return reply.code(400).send(parsed.body);
    const la = await laCode(reply);
    if (!la) return reply;
    return reply.send(await servicesPage(db, directory, la, parsed.query, todayInLondon()));
  });

  app.get(`${API}/services/:id`, async (request, reply) => {
    const { id } = request.params as { id: string };
    const la = await laCode(reply);
    if (!la) return reply;
    if (!UUID.test(id)) return notFound(reply, 'The service');
    const loaded = await loadServices(db, la, [id]);
    const s = loaded.services[0];
    if (!s || s.status !== 'active') return notFound(reply, 'The service');
    return reply.send(
      toOrukService(s, loaded.organisations.get(s.organisationId)!, { today: todayInLondon() }),
    );
  });

  app.get(`${API}/service_at_locations`, async (request, reply) => {
    const parsed = parseQuery('/service_at_locations', request.query as Record<string, unknown>);
    if (!parsed.ok) return reply.code(400).send(parsed.body);
    const la = await laCode(reply);
    if (!la) return reply;
    const result = await serviceAtLocationsPage(db, la, parsed.query, todayInLondon());
    if (!result.ok) return reply.code(400).send(result.body);
    return reply.send(result.page);
  });

  app.get(`${API}/service_at_locations/:id`, async (request, reply) => {
    const { id } = request.params as { id: string };
    const la = await laCode(reply);
    if (!la) return reply;
    if (!UUID.test(id)) return notFound(reply, 'The service at a location');
    // Ids are derived from the service and location ids (v5 UUIDs), so find the pair that gives this one.
    const pairs = await db
      .selectFrom('local_offer_service_location as sl')
      .innerJoin('local_offer_service as s', (j) =>
        j.onRef('s.la_code', '=', 'sl.la_code').onRef('s.id', '=', 'sl.service_id'),
      )
      .select(['sl.service_id', 'sl.location_id'])
      .where('sl.la_code', '=', la)
      .where('s.status', '=', 'active')
      .execute();
    const pair = pairs.find((p) => serviceAtLocationId(p.service_id, p.location_id) === id.toLowerCase());
    if (!pair) return notFound(reply, 'The service at a location');
    const loaded = await loadServices(db, la, [pair.service_id]);
    const s = loaded.services[0]!;
    const loc = s.locations.find((l) => l.id === pair.location_id)!;
    return reply.send(
      toOrukServiceAtLocation(s, loc, loaded.organisations.get(s.organisationId)!, {
        today: todayInLondon(),
      }),
    );
  });

  app.get(`${API}/taxonomies`, async (request, reply) => {
    const parsed = parseQuery('/taxonomies', request.query as Record<string, unknown>);
    if (!parsed.ok) return reply.code(400).send(parsed.body);
    return reply.send(pageOf([toOrukTaxonomy(false)], parsed.query.page, parsed.query.per_page));
  });

  app.get(`${API}/taxonomies/:id`, async (request, reply) => {
    const { id } = request.params as { id: string };
    if (id.toLowerCase() !== TAXONOMY_ID) return notFound(reply, 'The taxonomy');
    return reply.send(toOrukTaxonomy(true));
  });

  app.get(`${API}/taxonomy_terms`, async (request, reply) => {
    const parsed = parseQuery('/taxonomy_terms', request.query as Record<string, unknown>);
    if (!parsed.ok) return reply.code(400).send(parsed.body);
    return reply.send(
      pageOf(TAXONOMY_TERMS.map(toOrukTaxonomyTerm), parsed.query.page, parsed.query.per_page),
    );
  });

  app.get(`${API}/taxonomy_terms/:id`, async (request, reply) => {
    const { id } = request.params as { id: string };
    const term = findTerm(id.toLowerCase());
    if (!term) return notFound(reply, 'The taxonomy term');
    return reply.send(toOrukTaxonomyTerm(term));
  });

  app.options(`${API}/*`, async (_request, reply) => reply.code(204).send());
  app.get(`${API}/*`, async (_request, reply) => notFound(reply, 'This address'));
}
