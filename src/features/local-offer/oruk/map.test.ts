import { describe, expect, it } from 'vitest';
import { generateDemoLocalOffer } from '../demo-services.ts';
import {
  pageOf,
  serviceAtLocationId,
  serviceAtLocationPairs,
  toApiMeta,
  toOrukOrganization,
  toOrukOrganizationSummary,
  toOrukService,
  toOrukServiceAtLocation,
  toOrukServiceAtLocationSummary,
  toOrukServiceSummary,
  toOrukTaxonomy,
  toOrukTaxonomyTerm,
  toPage,
} from './map.ts';
import { categoryTermId, needTermId, TAXONOMY_ID, TAXONOMY_TERMS } from './taxonomy.ts';
import { BARE_SERVICE, ORG, SERVICE } from './test-fixtures.ts';
import { isUuid, uuidV5 } from './uuid.ts';
import { validateOrukResponse, validateOrukSchema } from './validate.ts';
import type { ValidationResult } from './validate.ts';

const VALID: ValidationResult = { valid: true, errors: [] };
const demo = generateDemoLocalOffer({ today: '2026-03-01' });
const orgsById = new Map(demo.organisations.map((o) => [o.id, o]));
const orgOf = (organisationId: string) => orgsById.get(organisationId)!;

describe('uuidV5', () => {
  it('matches the RFC 9562 test vector', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
  it('rejects a namespace that is not a UUID', () => {
    expect(() => uuidV5('x', 'nope')).toThrow('namespace is not a UUID: nope');
  });
});

describe('a full service', () => {
  const oruk = toOrukService(SERVICE, ORG);

  it('validates against what /services/{id} returns', () => {
    expect(validateOrukResponse('/services/{id}', oruk)).toEqual(VALID);
    expect(validateOrukSchema('service', oruk)).toEqual(VALID);
  });

  it('carries the one-to-one fields as the standard names them', () => {
    expect(oruk).toMatchObject({
      id: SERVICE.id,
      organization_id: ORG.id,
      name: 'Saturday Sensory Club',
      url: 'https://kelby-moor-autism-family-network.example.org/sensory-club',
      email: 'bookings@kelby-moor.example.org',
      status: 'active',
      fees: '£5 per session. Carers go free.',
      accreditations: 'Staff trained in Makaton and autism awareness (level 2).',
      minimum_age: 4,
      maximum_age: 11,
      assured_date: '2025-06-30',
      assurer_email: 'localoffer@dunmarsh-council.example.org',
      last_modified: '2025-06-30T10:15:00.000Z',
      application_process: 'Book a place by phone or email. You do not need a referral.',
      organization: {
        id: ORG.id,
        name: ORG.name,
        description: ORG.description,
        email: ORG.email,
        website: ORG.website,
      },
    });
    expect(oruk).not.toHaveProperty('alert');
  });

  it('maps schedules to iCal fields, with the week of the month on MONTHLY days', () => {
    expect(oruk.schedules.map(({ id: _id, ...s }) => s)).toEqual([
      {
        service_id: SERVICE.id,
        freq: 'WEEKLY',
        byday: 'SA',
        description: 'Saturdays, 10am to 12 noon',
        opens_at: '10:00',
        closes_at: '12:00',
      },
      {
        service_id: SERVICE.id,
        valid_from: '2026-01-01',
        valid_to: '2026-12-31',
        freq: 'MONTHLY',
        byday: '1TU',
        description: 'First Tuesday of each month, 6pm to 7pm',
        opens_at: '18:00',
        closes_at: '19:00',
      },
    ]);
  });

  it('nests each location with a UK address and its accessibility', () => {
    expect(oruk.service_at_locations).toHaveLength(2);
    const [first, second] = oruk.service_at_locations;
    expect(first!.id).toBe(serviceAtLocationId(SERVICE.id, SERVICE.locations[0]!.id));
    expect(first!.location.addresses).toEqual([
      {
        id: uuidV5(`address:${SERVICE.locations[0]!.id}`),
        location_id: SERVICE.locations[0]!.id,
        address_1: '12 Kestrel Way, Upper Hall',
        city: 'Kelby Moor',
        state_province: 'Dunmarsh',
        postal_code: 'DM5 4QT',
        country: 'GB',
        address_type: 'physical',
      },
    ]);
    expect(first!.location.accessibility.map((a) => a.description)).toEqual([
      'Step-free entrance. Accessible toilet. Quiet room.',
    ]);
    expect(second!.location.accessibility).toEqual([]);
    expect(first!.location).toMatchObject({
      location_type: 'physical',
      latitude: 52.6703,
      longitude: -1.9261,
    });
  });

  it('gives cost options with amounts, and contacts with phones that validate as phones', () => {
    expect(oruk.cost_options.map(({ id: _id, ...c }) => c)).toEqual([
      { service_id: SERVICE.id, amount: 5, amount_description: 'per session' },
    ]);
    expect(oruk.contacts.map((c) => [c.name, c.title, c.email, c.phones?.map((p) => p.number)])).toEqual([
      ['Bookings team', 'Bookings', 'bookings@kelby-moor.example.org', ['01632 960456']],
      [undefined, 'Out of hours', undefined, ['07700 900123']],
    ]);
    for (const phone of oruk.contacts.flatMap((c) => c.phones ?? [])) {
      expect(validateOrukSchema('phone', phone)).toEqual(VALID);
    }
  });

  it('links categories and needs to the Goldthread taxonomy', () => {
    expect(oruk.attributes.map((a) => [a.link_type, a.taxonomy_term.term, a.taxonomy_term_id])).toEqual([
      ['service_type', 'short-breaks', categoryTermId('short-breaks')],
      ['service_type', 'leisure', categoryTermId('leisure')],
      ['need_supported', 'ASD', needTermId('ASD')],
      ['need_supported', 'SLCN', needTermId('SLCN')],
    ]);
    expect(
      oruk.attributes.every((a) => a.link_id === SERVICE.id && a.taxonomy_term.taxonomy_id === TAXONOMY_ID),
    ).toBe(true);
    expect(oruk.service_areas.map((a) => a.service_area)).toEqual(['All of Dunmarsh']);
  });

  it('gives the same ids every time, all of them UUIDs and all different', () => {
    expect(toOrukService(SERVICE, ORG)).toEqual(oruk);
    const ids: string[] = [];
    JSON.stringify(oruk, (key, value: unknown) => {
      if (key === 'id' && typeof value === 'string') ids.push(value);
      return value;
    });
    expect(ids.every(isUuid)).toBe(true);
    // The taxonomy term ids repeat by design (a term is the same term wherever it is used); nothing else does.
    const termIds = new Set(TAXONOMY_TERMS.map((t) => t.id));
    const own = ids.filter((i) => !termIds.has(i) && i !== ORG.id);
    expect(new Set(own).size).toBe(own.length);
  });

  it('carries an alert when the review-by date has passed, and not on the review-by day', () => {
    expect(toOrukService(SERVICE, ORG, { today: '2026-06-30' })).not.toHaveProperty('alert');
    expect(toOrukService(SERVICE, ORG, { today: '2026-07-01' }).alert).toBe(
      'This information was due to be checked by 2026-06-30 and has not been checked since 2025-06-30. ' +
        'Contact the service before you go.',
    );
  });

  it('leaves out what a bare service does not have, and still validates', () => {
    const bare = toOrukService(BARE_SERVICE, ORG);
    expect(validateOrukResponse('/services/{id}', bare)).toEqual(VALID);
    for (const key of ['url', 'email', 'minimum_age', 'maximum_age', 'accreditations', 'assurer_email']) {
      expect(bare).not.toHaveProperty(key);
    }
    expect(bare).toMatchObject({ status: 'inactive', fees: 'Free', schedules: [], service_at_locations: [] });
    expect(bare.cost_options.map((c) => [c.option, c.amount])).toEqual([['Free', 0]]);
  });

  it('refuses a service with the wrong organisation', () => {
    expect(() => toOrukService(SERVICE, { ...ORG, id: BARE_SERVICE.id })).toThrow(
      `service ${SERVICE.id} belongs to organisation ${ORG.id}, not ${BARE_SERVICE.id}`,
    );
  });
});

describe('service at location', () => {
  const loc = SERVICE.locations[1]!;

  it('validates in full against its own schema and against what openapi.json names for /service_at_locations/{id}', () => {
    const sal = toOrukServiceAtLocation(SERVICE, loc, ORG);
    expect(validateOrukSchema('service_at_location', sal)).toEqual(VALID);
    expect(validateOrukResponse('/service_at_locations/{id}', sal)).toEqual(VALID);
    expect(sal).toMatchObject({
      id: serviceAtLocationId(SERVICE.id, loc.id),
      service_id: SERVICE.id,
      location_id: loc.id,
      name: SERVICE.name,
      status: 'active',
    });
    expect(sal.service).not.toHaveProperty('service_at_locations');
    expect(sal.location.addresses[0]!.postal_code).toBe('DM4 2AB');
  });

  it('refuses a location the service does not use', () => {
    expect(() => toOrukServiceAtLocation(BARE_SERVICE, loc, ORG)).toThrow(
      `location ${loc.id} is not one of service ${BARE_SERVICE.id}'s locations`,
    );
  });

  it('pages every demo service at every location, and the page validates', () => {
    const pairs = serviceAtLocationPairs(demo.services);
    expect(pairs.length).toBe(demo.services.reduce((n, s) => n + s.locations.length, 0));
    const items = pairs.map(({ service, location }) =>
      toOrukServiceAtLocationSummary(service, location, orgOf(service.organisationId), {
        today: '2026-03-01',
      }),
    );
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(validateOrukResponse('/service_at_locations', pageOf(items, 1, items.length))).toEqual(VALID);
    const first = pairs[0]!;
    expect(
      validateOrukResponse(
        '/service_at_locations/{id}',
        toOrukServiceAtLocation(first.service, first.location, orgOf(first.service.organisationId)),
      ),
    ).toEqual(VALID);
  });
});

describe('every demo service', () => {
  it('maps to a full service that validates (400 of them)', () => {
    const failures = demo.services
      .map((s) => ({
        id: s.id,
        result: validateOrukResponse(
          '/services/{id}',
          toOrukService(s, orgOf(s.organisationId), { today: '2026-03-01' }),
        ),
      }))
      .filter((r) => !r.result.valid);
    expect(failures).toEqual([]);
  });

  it('pages as a /services list that validates, and carries alerts only on stale entries', () => {
    const summaries = demo.services.map((s) =>
      toOrukServiceSummary(s, orgOf(s.organisationId), { today: '2026-03-01' }),
    );
    const page = pageOf(summaries, 2, 50);
    expect(validateOrukResponse('/services', page)).toEqual(VALID);
    expect(page).toMatchObject({
      total_items: 400,
      total_pages: 8,
      page_number: 2,
      size: 50,
      first_page: false,
    });
    const alerted = summaries.filter((s) => 'alert' in s).length;
    expect(alerted).toBe(demo.services.filter((s) => s.reviewBy < '2026-03-01').length);
    expect(alerted).toBeGreaterThan(0);
  });
});

describe('organisations', () => {
  it('maps an organisation with its services in full, validating against compiled/organization.json', () => {
    const org = toOrukOrganization(ORG, [SERVICE, BARE_SERVICE]);
    expect(validateOrukResponse('/organizations/{id}', org)).toEqual(VALID);
    expect(org.services.map((s) => s.name)).toEqual(['Saturday Sensory Club', 'Phone Advice Line']);
  });

  it('pages the demo organisations as a list that validates', () => {
    const page = pageOf(demo.organisations.map(toOrukOrganizationSummary), 1, 200);
    expect(validateOrukResponse('/organizations', page)).toEqual(VALID);
    expect(page.size).toBe(120);
    expect(validateOrukSchema('organization_list', page.contents[0])).toEqual(VALID);
  });
});

describe('taxonomy', () => {
  it('publishes one taxonomy with 2 parents, 9 categories and 12 needs, validating as the endpoints say', () => {
    const full = toOrukTaxonomy(true);
    expect(validateOrukResponse('/taxonomies/{id}', full)).toEqual(VALID);
    expect(full.taxonomy_terms).toHaveLength(2 + 9 + 12);
    expect(validateOrukResponse('/taxonomies', pageOf([toOrukTaxonomy(false)], 1, 50))).toEqual(VALID);
    expect(toOrukTaxonomy(false)).not.toHaveProperty('taxonomy_terms');
    const terms = TAXONOMY_TERMS.map(toOrukTaxonomyTerm);
    expect(validateOrukResponse('/taxonomy_terms', pageOf(terms, 1, 100))).toEqual(VALID);
    for (const term of terms) expect(validateOrukResponse('/taxonomy_terms/{id}', term)).toEqual(VALID);
  });

  it('nests needs under "Needs supported" with their SEN2 codes', () => {
    const asd = toOrukTaxonomyTerm(TAXONOMY_TERMS.find((t) => t.code === 'ASD')!);
    expect(asd).toEqual({
      id: needTermId('ASD'),
      name: 'Autism',
      description: 'Autistic spectrum disorder (SEN2 primary need code ASD).',
      parent_id: uuidV5('taxonomy-term:need'),
      taxonomy: 'Goldthread SEND Local Offer',
      taxonomy_id: TAXONOMY_ID,
      term: 'ASD',
    });
  });
});

describe('the paged envelope', () => {
  const letters = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];

  it('counts pages, with size the number of items on this page', () => {
    expect(pageOf(letters, 4, 3)).toEqual({
      total_items: 10,
      total_pages: 4,
      page_number: 4,
      size: 1,
      first_page: false,
      last_page: true,
      empty: false,
      contents: ['j'],
    });
    expect(pageOf(letters, 1, 3)).toMatchObject({ size: 3, first_page: true, last_page: false });
  });

  it('says an empty result has no pages and is first, last and empty', () => {
    expect(toPage([], { page: 1, perPage: 50, totalItems: 0 })).toEqual({
      total_items: 0,
      total_pages: 0,
      page_number: 1,
      size: 0,
      first_page: true,
      last_page: true,
      empty: true,
      contents: [],
    });
  });

  it('answers a page past the end with no items', () => {
    expect(pageOf(letters, 9, 3)).toMatchObject({
      total_pages: 4,
      page_number: 9,
      size: 0,
      last_page: true,
      empty: true,
    });
  });

  it('refuses nonsense paging', () => {
    expect(() => toPage([], { page: 0, perPage: 10, totalItems: 0 })).toThrow(
      'page must be a whole number from 1: 0',
    );
    expect(() => toPage([], { page: 1, perPage: 0, totalItems: 0 })).toThrow('perPage must be at least 1: 0');
  });
});

describe('the / endpoint', () => {
  it('says the version and where the openapi document is, and validates', () => {
    const meta = toApiMeta('https://dunmarsh-council.example.org/api/open-referral/v3/');
    expect(meta).toEqual({
      version: '3.0',
      profile: 'https://open-referral-uk-profile.readthedocs.io/en/latest/',
      openapi_url: 'https://dunmarsh-council.example.org/api/open-referral/v3/openapi.json',
    });
    expect(validateOrukResponse('/', meta)).toEqual(VALID);
  });
});
