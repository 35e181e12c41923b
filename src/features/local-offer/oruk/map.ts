/**
 * Pure mapping from Goldthread's Local Offer model to Open Referral UK v3 JSON. Every output is checked against
 * the standard's JSON Schemas in `map.test.ts`.
 *
 * Decisions where the standard is silent (see docs/local-offer.md):
 * - ids Goldthread does not store (schedules, contacts, phones, cost options, service areas, addresses,
 *   accessibility, taxonomy links, service_at_location) are name-based UUIDs from the parent's id, so they are
 *   stable between requests.
 * - what the staff are trained in goes in `accreditations`; how to get the service in `application_process`
 *   (an HSDS 3.0 core field the UK profile leaves out, allowed as an extension).
 * - needs and categories are `attributes` linking to the Goldthread taxonomy (`link_type` "need_supported" and
 *   "service_type").
 * - a stale entry (review-by date passed) carries an `alert` saying when it was last checked.
 */
import { costText, isStale, NEEDS, trainingText } from './model.ts';
import type { LocalOfferService, Organisation, Schedule, ServiceLocation } from './model.ts';
import {
  categoryTermId,
  findTerm,
  needTermId,
  TAXONOMY_ID,
  TAXONOMY_NAME,
  TAXONOMY_TERMS,
  TAXONOMY_VERSION,
} from './taxonomy.ts';
import type { TaxonomyTerm } from './taxonomy.ts';
import type {
  OrukApiMeta,
  OrukAttribute,
  OrukContact,
  OrukCostOption,
  OrukLocation,
  OrukLocationSummary,
  OrukNestedServiceAtLocation,
  OrukOrganization,
  OrukOrganizationSummary,
  OrukPage,
  OrukSchedule,
  OrukService,
  OrukServiceArea,
  OrukServiceAtLocation,
  OrukServiceAtLocationSummary,
  OrukServiceSummary,
  OrukTaxonomy,
  OrukTaxonomyTerm,
} from './types.ts';
import { uuidV5 } from './uuid.ts';

export const ORUK_VERSION = '3.0';
/** Where the UK profile is documented (as named in the standard's profile_compliance.md). */
export const ORUK_PROFILE_URL = 'https://open-referral-uk-profile.readthedocs.io/en/latest/';

export interface MapOptions {
  /** Today's date (YYYY-MM-DD) in the authority's time zone; when given, stale entries carry an `alert`. */
  readonly today?: string;
}

/** The `/` endpoint: `baseUrl` is the public API root, such as https://council.example/api/open-referral/v3. */
export function toApiMeta(baseUrl: string): OrukApiMeta {
  const root = baseUrl.replace(/\/+$/, '');
  return { version: ORUK_VERSION, profile: ORUK_PROFILE_URL, openapi_url: `${root}/openapi.json` };
}

export function toOrukOrganizationSummary(org: Organisation): OrukOrganizationSummary {
  return {
    id: org.id,
    name: org.name,
    description: org.description,
    ...(org.email ? { email: org.email } : {}),
    ...(org.website ? { website: org.website } : {}),
  };
}

export function toOrukOrganization(
  org: Organisation,
  services: readonly LocalOfferService[],
  options: MapOptions = {},
): OrukOrganization {
  return {
    ...toOrukOrganizationSummary(org),
    services: services.map((s) => toOrukService(s, org, options)),
  };
}

/** A page of the list endpoint: the one-to-one fields and the organisation. */
export function toOrukServiceSummary(
  service: LocalOfferService,
  org: Organisation,
  options: MapOptions = {},
): OrukServiceSummary {
  if (service.organisationId !== org.id) {
    throw new Error(`service ${service.id} belongs to organisation ${service.organisationId}, not ${org.id}`);
  }
  const email = service.contacts.find((c) => c.email)?.email;
  const training = trainingText(service.staffTraining);
  const stale = options.today !== undefined && isStale(service, options.today);
  return {
    id: service.id,
    organization_id: service.organisationId,
    name: service.name,
    description: service.description,
    ...(service.url ? { url: service.url } : {}),
    ...(email ? { email } : {}),
    status: service.status,
    fees: costText(service.cost),
    ...(training ? { accreditations: `${training}.` } : {}),
    ...(service.minAge !== null ? { minimum_age: service.minAge } : {}),
    ...(service.maxAge !== null ? { maximum_age: service.maxAge } : {}),
    assured_date: service.lastChecked.on,
    ...(service.lastChecked.byEmail ? { assurer_email: service.lastChecked.byEmail } : {}),
    ...(stale
      ? {
          alert:
            `This information was due to be checked by ${service.reviewBy} and has not been checked since ` +
            `${service.lastChecked.on}. Contact the service before you go.`,
        }
      : {}),
    last_modified: service.lastModified,
    organization: toOrukOrganizationSummary(org),
  };
}

export function toOrukService(
  service: LocalOfferService,
  org: Organisation,
  options: MapOptions = {},
): OrukService {
  const { organization, ...summary } = toOrukServiceSummary(service, org, options);
  return {
    ...summary,
    ...(service.howToGetIt ? { application_process: service.howToGetIt } : {}),
    schedules: service.schedules.map((s, i) => toOrukSchedule(service.id, s, i)),
    service_areas: serviceAreas(service),
    service_at_locations: service.locations.map((loc): OrukNestedServiceAtLocation => ({
      id: serviceAtLocationId(service.id, loc.id),
      service_id: service.id,
      location_id: loc.id,
      location: toOrukLocation(loc),
    })),
    organization,
    cost_options: costOptions(service),
    contacts: contacts(service),
    attributes: attributes(service),
  };
}

/** The id of a service at one of its locations: stable, derived from both. */
export function serviceAtLocationId(serviceId: string, locationId: string): string {
  return uuidV5(`service-at-location:${serviceId}:${locationId}`);
}

/** `/service_at_locations/{id}`: the location in full and the service in full. */
export function toOrukServiceAtLocation(
  service: LocalOfferService,
  location: ServiceLocation,
  org: Organisation,
  options: MapOptions = {},
): OrukServiceAtLocation {
  assertLocationOf(service, location);
  const { service_at_locations: _nested, ...full } = toOrukService(service, org, options);
  return {
    id: serviceAtLocationId(service.id, location.id),
    service_id: service.id,
    location_id: location.id,
    name: service.name,
    status: service.status,
    location: toOrukLocation(location),
    service: full,
  };
}

/** An item of `/service_at_locations`: one-to-one fields of the location and the service. */
export function toOrukServiceAtLocationSummary(
  service: LocalOfferService,
  location: ServiceLocation,
  org: Organisation,
  options: MapOptions = {},
): OrukServiceAtLocationSummary {
  assertLocationOf(service, location);
  return {
    id: serviceAtLocationId(service.id, location.id),
    service_id: service.id,
    location_id: location.id,
    location: toOrukLocationSummary(location),
    service: toOrukServiceSummary(service, org, options),
  };
}

/** Every (service, location) pair of the given services, in order: the rows of `/service_at_locations`. */
export function serviceAtLocationPairs(
  services: readonly LocalOfferService[],
): { service: LocalOfferService; location: ServiceLocation }[] {
  return services.flatMap((service) => service.locations.map((location) => ({ service, location })));
}

export function toOrukTaxonomyTerm(term: TaxonomyTerm): OrukTaxonomyTerm {
  return {
    id: term.id,
    name: term.name,
    description: term.description,
    ...(term.parentId !== undefined ? { parent_id: term.parentId } : {}),
    taxonomy: TAXONOMY_NAME,
    taxonomy_id: TAXONOMY_ID,
    term: term.code,
  };
}

/** The Goldthread taxonomy; with its terms for `/taxonomies/{id}`, without for the list. */
export function toOrukTaxonomy(withTerms: boolean): OrukTaxonomy {
  return {
    id: TAXONOMY_ID,
    name: TAXONOMY_NAME,
    description:
      'How Goldthread sorts the SEND Local Offer: the type of service, and the special educational needs and ' +
      'disabilities (by SEN2 primary need) that its staff can meet.',
    version: TAXONOMY_VERSION,
    ...(withTerms ? { taxonomy_terms: TAXONOMY_TERMS.map(toOrukTaxonomyTerm) } : {}),
  };
}

/**
 * The paged envelope: `page` is 1-based. `size` is the number of items on this page, as the standard defines
 * it; `empty` is true when this page has no items; an empty result has 0 pages and is both first and last.
 */
export function toPage<T>(
  contents: readonly T[],
  page: { page: number; perPage: number; totalItems: number },
): OrukPage<T> {
  if (!Number.isInteger(page.page) || page.page < 1)
    throw new Error(`page must be a whole number from 1: ${page.page}`);
  if (!Number.isInteger(page.perPage) || page.perPage < 1)
    throw new Error(`perPage must be at least 1: ${page.perPage}`);
  const totalPages = Math.ceil(page.totalItems / page.perPage);
  return {
    total_items: page.totalItems,
    total_pages: totalPages,
    page_number: page.page,
    size: contents.length,
    first_page: page.page === 1,
    last_page: page.page >= totalPages,
    empty: contents.length === 0,
    contents: [...contents],
  };
}

/** Slices an in-memory list into one page (for the taxonomy endpoints and tests; services page in SQL). */
export function pageOf<T>(all: readonly T[], page: number, perPage: number): OrukPage<T> {
  const start = (page - 1) * perPage;
  return toPage(all.slice(start, start + perPage), { page, perPage, totalItems: all.length });
}

function assertLocationOf(service: LocalOfferService, location: ServiceLocation): void {
  if (!service.locations.some((l) => l.id === location.id)) {
    throw new Error(`location ${location.id} is not one of service ${service.id}'s locations`);
  }
}

export function toOrukLocationSummary(loc: ServiceLocation): OrukLocationSummary {
  return {
    id: loc.id,
    location_type: 'physical',
    name: loc.name,
    latitude: loc.latitude,
    longitude: loc.longitude,
  };
}

export function toOrukLocation(loc: ServiceLocation): OrukLocation {
  return {
    ...toOrukLocationSummary(loc),
    addresses: [
      {
        id: uuidV5(`address:${loc.id}`),
        location_id: loc.id,
        address_1: loc.addressLine2 ? `${loc.addressLine1}, ${loc.addressLine2}` : loc.addressLine1,
        city: loc.town,
        state_province: loc.county,
        postal_code: loc.postcode,
        country: 'GB',
        address_type: 'physical',
      },
    ],
    accessibility: loc.accessibility
      ? [{ id: uuidV5(`accessibility:${loc.id}`), location_id: loc.id, description: loc.accessibility }]
      : [],
  };
}

function toOrukSchedule(serviceId: string, s: Schedule, index: number): OrukSchedule {
  return {
    id: uuidV5(`schedule:${serviceId}:${index}`),
    service_id: serviceId,
    ...(s.validFrom ? { valid_from: s.validFrom } : {}),
    ...(s.validTo ? { valid_to: s.validTo } : {}),
    ...(s.freq ? { freq: s.freq } : {}),
    ...(s.interval !== undefined ? { interval: s.interval } : {}),
    ...(s.byDay && s.byDay.length > 0
      ? { byday: s.byDay.map((d) => (s.weekOfMonth !== undefined ? `${s.weekOfMonth}${d}` : d)).join(',') }
      : {}),
    description: s.description,
    ...(s.opensAt ? { opens_at: s.opensAt } : {}),
    ...(s.closesAt ? { closes_at: s.closesAt } : {}),
  };
}

function serviceAreas(service: LocalOfferService): OrukServiceArea[] {
  if (!service.serviceArea) return [];
  return [
    {
      id: uuidV5(`service-area:${service.id}`),
      service_id: service.id,
      name: service.serviceArea,
      service_area: service.serviceArea,
      extent_type: 'text',
    },
  ];
}

function costOptions(service: LocalOfferService): OrukCostOption[] {
  const { cost } = service;
  if (cost.kind === 'free') {
    return [
      {
        id: uuidV5(`cost-option:${service.id}:0`),
        service_id: service.id,
        option: cost.note ? `Free. ${cost.note}` : 'Free',
        amount: 0,
      },
    ];
  }
  // A note such as "Carers go free" is not a condition of one price: it stays in `fees` only.
  return cost.options.map((o, i) => ({
    id: uuidV5(`cost-option:${service.id}:${i}`),
    service_id: service.id,
    ...(o.amount !== null ? { amount: o.amount } : {}),
    amount_description: o.description,
  }));
}

function contacts(service: LocalOfferService): OrukContact[] {
  return service.contacts.map((c, i) => {
    const id = uuidV5(`contact:${service.id}:${i}`);
    return {
      id,
      service_id: service.id,
      ...(c.name ? { name: c.name } : {}),
      ...(c.role ? { title: c.role } : {}),
      ...(c.email ? { email: c.email } : {}),
      ...(c.phone ? { phones: [{ id: uuidV5(`phone:${id}`), contact_id: id, number: c.phone }] } : {}),
    };
  });
}

function attributes(service: LocalOfferService): OrukAttribute[] {
  const link = (termId: string, linkType: string): OrukAttribute => {
    const term = findTerm(termId);
    if (!term) throw new Error(`unknown taxonomy term ${termId}`);
    return {
      id: uuidV5(`attribute:${service.id}:${termId}`),
      link_id: service.id,
      taxonomy_term_id: termId,
      link_type: linkType,
      taxonomy_term: toOrukTaxonomyTerm(term),
    };
  };
  return [
    ...service.categories.map((c) => link(categoryTermId(c), 'service_type')),
    ...service.needs.map((n) => link(needTermId(n), 'need_supported')),
  ];
}

/** The needs a service supports, in the plain words of its page ("Autism, Deaf or hearing loss"). */
export function needsText(service: Pick<LocalOfferService, 'needs'>): string {
  return service.needs.map((n) => NEEDS[n].label).join(', ');
}
