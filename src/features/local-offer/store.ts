/**
 * The Local Offer in the database: writing services (with their search text), reading them back as the model of
 * `oruk/model.ts`, and the search itself (full text with weights, typos corrected by the nearest word the
 * directory uses, found with a pg_trgm index, then a trigram fallback). No access rules here: see the rule files
 * that service.ts names.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/audit/audit.ts';
import { usersByIds } from '../../platform/people/users.ts';
import type {
  CategoryCode,
  Contact,
  Cost,
  LocalOfferService,
  NeedCode,
  Organisation,
  OrganisationKind,
  Schedule,
  ServiceLocation,
} from './oruk/model.ts';
import { normaliseText, searchDocument } from './search-text.ts';

// ---------------------------------------------------------------------------------------------------------------
// Writing.

/** The columns a service's content fills (everything but keys and bookkeeping). */
export function serviceColumns(service: LocalOfferService, org: Organisation) {
  const doc = searchDocument(service, org);
  return {
    organisation_id: service.organisationId,
    name: service.name,
    description: service.description,
    how_to_get_it: service.howToGetIt ?? null,
    min_age: service.minAge,
    max_age: service.maxAge,
    needs: [...service.needs],
    needs_note: service.needsNote ?? null,
    staff_training: [...service.staffTraining],
    categories: [...service.categories],
    cost: JSON.stringify(service.cost),
    is_free: service.cost.kind === 'free',
    schedules: JSON.stringify(service.schedules),
    contacts: JSON.stringify(service.contacts),
    service_area: service.serviceArea ?? null,
    areas: [...new Set(service.locations.map((l) => l.town))],
    url: service.url,
    search_name: doc.name,
    search_needs: doc.needs,
    search_categories: doc.categories,
    search_training: doc.training,
    search_organisation: doc.organisation,
    search_description: doc.description,
    trigram: doc.trigram,
  };
}

export function organisationColumns(laCode: string, org: Organisation) {
  return {
    la_code: laCode,
    id: org.id,
    name: org.name,
    description: org.description,
    kind: org.kind,
    website: org.website ?? null,
    email: org.email ?? null,
    phone: org.phone ?? null,
  };
}

export function locationColumns(laCode: string, organisationId: string, loc: ServiceLocation) {
  return {
    la_code: laCode,
    id: loc.id,
    organisation_id: organisationId,
    name: loc.name,
    address_line1: loc.addressLine1,
    address_line2: loc.addressLine2 ?? null,
    town: loc.town,
    county: loc.county,
    postcode: loc.postcode,
    latitude: loc.latitude,
    longitude: loc.longitude,
    accessibility: loc.accessibility ?? null,
  };
}

async function inChunks<T>(rows: readonly T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Inserts organisations and services (with locations). Services owned by an officer are given to
 * `officerUserId` (the officer's account): the model's officer owner is a name and a mailbox, the table's an account.
 */
export async function insertLocalOffer(
  trx: Executor,
  laCode: string,
  data: { organisations: readonly Organisation[]; services: readonly LocalOfferService[] },
  officerUserId: string | null,
): Promise<void> {
  const orgs = new Map(data.organisations.map((o) => [o.id, o]));
  await inChunks(data.organisations, 500, (c) =>
    trx
      .insertInto('local_offer_organisation')
      .values(c.map((o) => organisationColumns(laCode, o)))
      .execute(),
  );
  const locations = new Map<string, { orgId: string; loc: ServiceLocation }>();
  for (const s of data.services)
    for (const loc of s.locations) locations.set(loc.id, { orgId: s.organisationId, loc });
  await inChunks([...locations.values()], 500, (c) =>
    trx
      .insertInto('local_offer_location')
      .values(c.map(({ orgId, loc }) => locationColumns(laCode, orgId, loc)))
      .execute(),
  );
  const rows = data.services.map((s) => {
    const org = orgs.get(s.organisationId);
    if (!org) throw new Error(`service ${s.id} has no organisation`);
    const ownerOrg = s.owner.kind === 'organisation' ? s.owner.organisationId : null;
    if (!ownerOrg && !officerUserId)
      throw new Error(`service ${s.id} is owned by an officer with no account`);
    return {
      la_code: laCode,
      id: s.id,
      ...serviceColumns(s, org),
      owner_organisation_id: ownerOrg,
      owner_user_id: ownerOrg ? null : officerUserId,
      review_by: s.reviewBy,
      last_checked_on: s.lastChecked.on,
      last_checked_by: s.lastChecked.by,
      last_checked_by_email: s.lastChecked.byEmail ?? null,
      status: s.status,
      last_modified: s.lastModified,
    };
  });
  await inChunks(rows, 200, (c) => trx.insertInto('local_offer_service').values(c).execute());
  const links = data.services.flatMap((s) =>
    s.locations.map((l, position) => ({ la_code: laCode, service_id: s.id, location_id: l.id, position })),
  );
  await inChunks(links, 1000, (c) => trx.insertInto('local_offer_service_location').values(c).execute());
  await refreshSearchWords(trx, laCode);
  await touchDirectory(trx, laCode);
}

/**
 * Gives the authority's directory a new version (migration 0082, ADR 0069): every write to what the search reads
 * (services, organisations, locations and their links) calls it in its own transaction, so a search answer cached
 * under the old version is never served again, in this process or any other.
 */
export async function touchDirectory(trx: Executor, laCode: string): Promise<void> {
  await trx
    .insertInto('local_offer_directory_version')
    .values({ la_code: laCode })
    .onConflict((oc) =>
      oc.column('la_code').doUpdateSet({ version: sql`gen_random_uuid()`, changed_at: sql`now()` }),
    )
    .execute();
}

/** The authority's directory version ('none' before its first write since migration 0082). */
export async function directoryVersion(db: Executor, laCode: string): Promise<string> {
  const row = await db
    .selectFrom('local_offer_directory_version')
    .select('version')
    .where('la_code', '=', laCode)
    .executeTakeFirst();
  return row?.version ?? 'none';
}

/** Adds the words of the authority's services (or the given ones) to the vocabulary used to correct typos. */
export async function refreshSearchWords(trx: Executor, laCode: string, serviceIds?: readonly string[]) {
  const only = serviceIds ? sql`and s.id = any(${sql.val([...serviceIds])}::uuid[])` : sql``;
  await sql`
    insert into local_offer_search_word (la_code, word)
    select distinct s.la_code, w.lexeme
    from local_offer_service s,
      unnest(to_tsvector('simple', s.search_name || ' ' || s.search_needs || ' ' || s.search_categories || ' ' ||
        s.search_training || ' ' || s.search_organisation || ' ' || s.search_description)) w
    where s.la_code = ${laCode} ${only} and length(w.lexeme) between 3 and 30 and w.lexeme ~ '^[a-z]+$'
    on conflict do nothing`.execute(trx);
}

// ---------------------------------------------------------------------------------------------------------------
// Reading.

interface ServiceRow {
  id: string;
  organisation_id: string;
  name: string;
  description: string;
  how_to_get_it: string | null;
  min_age: number | null;
  max_age: number | null;
  needs: string[];
  needs_note: string | null;
  staff_training: string[];
  categories: string[];
  cost: unknown;
  schedules: unknown;
  contacts: unknown;
  service_area: string | null;
  url: string | null;
  owner_organisation_id: string | null;
  owner_user_id: string | null;
  owner_name: string | null;
  owner_email: string | null;
  review_by: string;
  last_checked_on: string;
  last_checked_by: string;
  last_checked_by_email: string | null;
  status: 'active' | 'inactive';
  last_modified: Date;
}

const json = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

function toService(row: ServiceRow, locations: ServiceLocation[]): LocalOfferService {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    description: row.description,
    ...(row.how_to_get_it ? { howToGetIt: row.how_to_get_it } : {}),
    minAge: row.min_age,
    maxAge: row.max_age,
    needs: row.needs as NeedCode[],
    ...(row.needs_note ? { needsNote: row.needs_note } : {}),
    staffTraining: row.staff_training,
    categories: row.categories as CategoryCode[],
    cost: json<Cost>(row.cost),
    schedules: json<Schedule[]>(row.schedules),
    locations,
    ...(row.service_area ? { serviceArea: row.service_area } : {}),
    contacts: json<Contact[]>(row.contacts),
    url: row.url,
    owner: row.owner_organisation_id
      ? { kind: 'organisation', organisationId: row.owner_organisation_id }
      : { kind: 'officer', name: row.owner_name ?? 'Local Offer officer', email: row.owner_email ?? '' },
    reviewBy: row.review_by,
    lastChecked: {
      on: row.last_checked_on,
      by: row.last_checked_by,
      ...(row.last_checked_by_email ? { byEmail: row.last_checked_by_email } : {}),
    },
    status: row.status,
    lastModified: new Date(row.last_modified).toISOString(),
  };
}

interface OrgRow {
  id: string;
  name: string;
  description: string;
  kind: string;
  website: string | null;
  email: string | null;
  phone: string | null;
}

export function toOrganisation(row: OrgRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    kind: row.kind as OrganisationKind,
    ...(row.website ? { website: row.website } : {}),
    ...(row.email ? { email: row.email } : {}),
    ...(row.phone ? { phone: row.phone } : {}),
  };
}

export interface LoadedServices {
  /** In the order of the ids asked for (unknown ids left out). */
  readonly services: LocalOfferService[];
  readonly organisations: Map<string, Organisation>;
  /** The owner's account for officer-owned services (id, name, email), by service id. */
  readonly ownerUsers: Map<string, { id: string; name: string; email: string }>;
}

/** Loads services in full (locations, organisation, owner) by id. */
export async function loadServices(
  db: Executor,
  laCode: string,
  ids: readonly string[],
): Promise<LoadedServices> {
  if (ids.length === 0) return { services: [], organisations: new Map(), ownerUsers: new Map() };
  const selected = await db
    .selectFrom('local_offer_service as s')
    .select([
      's.id',
      's.organisation_id',
      's.name',
      's.description',
      's.how_to_get_it',
      's.min_age',
      's.max_age',
      's.needs',
      's.needs_note',
      's.staff_training',
      's.categories',
      's.cost',
      's.schedules',
      's.contacts',
      's.service_area',
      's.url',
      's.owner_organisation_id',
      's.owner_user_id',
      's.review_by',
      's.last_checked_on',
      's.last_checked_by',
      's.last_checked_by_email',
      's.status',
      's.last_modified',
    ])
    .where('s.la_code', '=', laCode)
    .where('s.id', 'in', [...ids])
    .execute();
  // The owner's account (officer-owned services), from the core records.
  const owners = await usersByIds(
    db,
    laCode,
    selected.map((r) => r.owner_user_id),
  );
  const rows = selected.map((r) => {
    const owner = r.owner_user_id ? owners.get(r.owner_user_id) : undefined;
    return { ...r, owner_name: owner?.display_name ?? null, owner_email: owner?.email ?? null };
  }) as ServiceRow[];
  const locRows = await db
    .selectFrom('local_offer_service_location as sl')
    .innerJoin('local_offer_location as l', (j) =>
      j.onRef('l.la_code', '=', 'sl.la_code').onRef('l.id', '=', 'sl.location_id'),
    )
    .selectAll('l')
    .select(['sl.service_id', 'sl.position'])
    .where('sl.la_code', '=', laCode)
    .where('sl.service_id', 'in', [...ids])
    .orderBy('sl.service_id')
    .orderBy('sl.position')
    .execute();
  const locs = new Map<string, ServiceLocation[]>();
  for (const l of locRows) {
    const list = locs.get(l.service_id) ?? [];
    list.push({
      id: l.id,
      name: l.name,
      addressLine1: l.address_line1,
      ...(l.address_line2 ? { addressLine2: l.address_line2 } : {}),
      town: l.town,
      county: l.county,
      postcode: l.postcode,
      latitude: Number(l.latitude),
      longitude: Number(l.longitude),
      ...(l.accessibility ? { accessibility: l.accessibility } : {}),
    });
    locs.set(l.service_id, list);
  }
  const orgIds = [...new Set(rows.map((r) => r.organisation_id))];
  const orgRows = orgIds.length
    ? await db
        .selectFrom('local_offer_organisation')
        .select(['id', 'name', 'description', 'kind', 'website', 'email', 'phone'])
        .where('la_code', '=', laCode)
        .where('id', 'in', orgIds)
        .execute()
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ownerUsers = new Map<string, { id: string; name: string; email: string }>();
  for (const r of rows) {
    if (r.owner_user_id)
      ownerUsers.set(r.id, { id: r.owner_user_id, name: r.owner_name ?? '', email: r.owner_email ?? '' });
  }
  return {
    services: ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toService(row, locs.get(id) ?? [])] : [];
    }),
    organisations: new Map(orgRows.map((o) => [o.id, toOrganisation(o)])),
    ownerUsers,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Search.

export interface SearchFilters {
  readonly q?: string | undefined;
  readonly category?: CategoryCode | undefined;
  readonly need?: NeedCode | undefined;
  /** A child's age: services whose age range includes it. */
  readonly age?: number | undefined;
  readonly free?: boolean | undefined;
  /** A town or neighbourhood where the service has a location. */
  readonly area?: string | undefined;
  readonly provider?: string | undefined;
}

export interface SearchResult {
  readonly ids: string[];
  readonly total: number;
  /** Words the search understood differently ("autsim" → "autism"), to say so on the page. */
  readonly corrections: { from: string; to: string }[];
}

const STOP_WORDS = new Set(
  'a an and are as at be by for from has have i in is it its me my of on or our so that the their them they this to was we what with you your near about'.split(
    ' ',
  ),
);

/** Optimal string alignment distance (Levenshtein with swapped neighbours counting once). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The words of a query worth searching for: normalised, no stop words, at most eight. */
export function queryWords(q: string): string[] {
  return normaliseText(q)
    .split(' ')
    .filter((w) => w.length > 0 && !STOP_WORDS.has(w))
    .slice(0, 8);
}

/** For each word the directory does not use, the nearest word it does (trigram index, then edit distance). */
async function corrections(db: Executor, laCode: string, words: readonly string[]) {
  const candidates = words.filter((w) => /^[a-z]{4,}$/.test(w));
  if (candidates.length === 0) return [];
  const known = await db
    .selectFrom('local_offer_search_word')
    .select('word')
    .where('la_code', '=', laCode)
    .where('word', 'in', candidates)
    .execute();
  const knownSet = new Set(known.map((k) => k.word));
  const out: { from: string; to: string }[] = [];
  for (const word of candidates) {
    if (knownSet.has(word)) continue;
    const { rows } = await sql<{ word: string }>`
      select word from local_offer_search_word where la_code = ${laCode}
      order by word <-> ${word} limit 12`.execute(db);
    const allowed = word.length <= 5 ? 1 : 2;
    let best: { word: string; d: number } | undefined;
    for (const r of rows) {
      const d = editDistance(word, r.word);
      if (d <= allowed && (!best || d < best.d)) best = { word: r.word, d };
    }
    if (best) out.push({ from: word, to: best.word });
  }
  return out;
}

function filterSql(laCode: string, f: SearchFilters): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`s.la_code = ${laCode}`, sql`s.status = 'active'`];
  if (f.category) parts.push(sql`s.categories @> array[${f.category}]::text[]`);
  if (f.need) parts.push(sql`s.needs @> array[${f.need}]::text[]`);
  if (f.age !== undefined)
    parts.push(
      sql`(s.min_age is null or s.min_age <= ${f.age}) and (s.max_age is null or s.max_age >= ${f.age})`,
    );
  if (f.free) parts.push(sql`s.is_free`);
  if (f.area) parts.push(sql`${f.area} = any(s.areas)`);
  if (f.provider) {
    // An organisation's id (from a link), or words of its name (from the search form).
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(f.provider))
      parts.push(sql`s.organisation_id = ${f.provider}::uuid`);
    else
      parts.push(sql`s.search_organisation ilike ${`%${f.provider.replace(/[%_\\]/g, (c) => `\\${c}`)}%`}`);
  }
  return sql.join(parts, sql` and `);
}

/** A tsquery from the words (each word or its correction; `&` or `|` between words; the last word as a prefix). */
function tsQueryText(
  words: readonly string[],
  fixes: readonly { from: string; to: string }[],
  op: '&' | '|',
) {
  return words
    .map((w, i) => {
      const alternatives = [w, ...fixes.filter((f) => f.from === w).map((f) => f.to)];
      const last = i === words.length - 1 && w.length >= 3;
      return `(${alternatives.map((a) => (last ? `${a}:*` : a)).join(' | ')})`;
    })
    .join(` ${op} `);
}

/**
 * Searches the authority's active services. With words: full text (every word, then any word), ranked by
 * weighted cover density (name A, needs and categories B, training and organisation C, the rest D); with nothing
 * found, trigram likeness of the name, organisation, needs and categories alone.
 * Without words: every service that passes the filters, by name.
 */
export async function searchServices(
  db: Executor,
  laCode: string,
  filters: SearchFilters,
  page: { page: number; perPage: number },
): Promise<SearchResult> {
  const where = filterSql(laCode, filters);
  const offset = (page.page - 1) * page.perPage;
  const words = queryWords(filters.q ?? '');
  const run = async (query: RawBuilder<unknown>, countQuery: RawBuilder<unknown>) => {
    const { rows } = await sql<{
      id: string;
      total: number;
    }>`${query} limit ${page.perPage} offset ${offset}`.execute(db);
    if (rows.length > 0) return { ids: rows.map((r) => r.id), total: Number(rows[0]!.total) };
    if (offset === 0) return { ids: [], total: 0 };
    const { rows: c } = await sql<{ n: number }>`${countQuery}`.execute(db);
    return { ids: [], total: Number(c[0]?.n ?? 0) };
  };
  if (words.length === 0) {
    const r = await run(
      sql`select s.id, count(*) over () as total from local_offer_service s where ${where} order by s.name, s.id`,
      sql`select count(*) as n from local_offer_service s where ${where}`,
    );
    return { ...r, corrections: [] };
  }
  const fixes = await corrections(db, laCode, words);
  const text = words.join(' ');
  for (const op of words.length > 1 ? (['&', '|'] as const) : (['&'] as const)) {
    const tsq = sql`to_tsquery('english', ${tsQueryText(words, fixes, op)})`;
    const r = await run(
      sql`select s.id, count(*) over () as total,
            ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', s.search_vector, ${tsq}) as rank
          from local_offer_service s
          where ${where} and s.search_vector @@ ${tsq}
          order by rank desc, s.name, s.id`,
      sql`select count(*) as n from local_offer_service s where ${where} and s.search_vector @@ ${tsq}`,
    );
    if (r.total > 0) return { ...r, corrections: fixes };
  }
  const r = await run(
    sql`select s.id, count(*) over () as total from local_offer_service s
        where ${where} and ${text} <% s.trigram
        order by word_similarity(${text}, s.trigram) desc, s.name, s.id`,
    sql`select count(*) as n from local_offer_service s where ${where} and ${text} <% s.trigram`,
  );
  return { ...r, corrections: fixes };
}

/** The towns where services have locations, for the area filter. */
export async function serviceAreas(db: Executor, laCode: string): Promise<string[]> {
  const { rows } = await sql<{ area: string }>`
    select distinct l.town as area from local_offer_location l
    where l.la_code = ${laCode} and exists (select 1 from local_offer_service_location sl
      where sl.la_code = l.la_code and sl.location_id = l.id)
    order by area`.execute(db);
  return rows.map((r) => r.area);
}

export async function providerList(db: Executor, laCode: string) {
  return db
    .selectFrom('local_offer_organisation as o')
    .select(['o.id', 'o.name'])
    .where('o.la_code', '=', laCode)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('local_offer_service as s')
          .select('s.id')
          .whereRef('s.la_code', '=', 'o.la_code')
          .whereRef('s.organisation_id', '=', 'o.id')
          .where('s.status', '=', 'active'),
      ),
    )
    .orderBy('o.name')
    .execute();
}

/** The authorities that have Local Offer organisations (the public site's authority is the first of them). */
export async function authoritiesWithOrganisations(db: Executor): Promise<Set<string>> {
  const rows = await db.selectFrom('local_offer_organisation').select('la_code').distinct().execute();
  return new Set(rows.map((r) => r.la_code));
}
