/**
 * The Open Referral UK v3 (HSDS 3.0 UK profile) JSON shapes Goldthread publishes: only the fields it fills.
 * The authority is the JSON Schemas in `schema/`; `validate.ts` checks outputs against them.
 */

export interface OrukTaxonomyTerm {
  id: string;
  name: string;
  description: string;
  parent_id?: string;
  taxonomy: string;
  taxonomy_id: string;
  term: string;
}

export interface OrukTaxonomy {
  id: string;
  name: string;
  description: string;
  version: string;
  taxonomy_terms?: OrukTaxonomyTerm[];
}

export interface OrukAttribute {
  id: string;
  link_id: string;
  taxonomy_term_id: string;
  link_type: string;
  taxonomy_term: OrukTaxonomyTerm;
}

export interface OrukOrganizationSummary {
  id: string;
  name: string;
  description: string;
  email?: string;
  website?: string;
}

export interface OrukServiceSummary {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  url?: string;
  email?: string;
  status: 'active' | 'inactive' | 'defunct' | 'temporarily closed';
  fees: string;
  accreditations?: string;
  minimum_age?: number;
  maximum_age?: number;
  assured_date: string;
  assurer_email?: string;
  /** Set when the entry is past its review-by date. */
  alert?: string;
  last_modified: string;
  organization: OrukOrganizationSummary;
}

export interface OrukSchedule {
  id: string;
  service_id: string;
  valid_from?: string;
  valid_to?: string;
  freq?: 'WEEKLY' | 'MONTHLY';
  interval?: number;
  byday?: string;
  description: string;
  opens_at?: string;
  closes_at?: string;
}

export interface OrukServiceArea {
  id: string;
  service_id: string;
  name: string;
  service_area: string;
  extent_type: string;
}

export interface OrukAddress {
  id: string;
  location_id: string;
  address_1: string;
  city: string;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: 'physical' | 'postal' | 'virtual';
}

export interface OrukAccessibility {
  id: string;
  location_id: string;
  description: string;
}

export interface OrukLocationSummary {
  id: string;
  location_type: 'physical' | 'postal' | 'virtual';
  name: string;
  latitude: number;
  longitude: number;
}

export interface OrukLocation extends OrukLocationSummary {
  addresses: OrukAddress[];
  accessibility: OrukAccessibility[];
}

/** A service at one location, as nested inside a full service (no `service`: the parent is the service). */
export interface OrukNestedServiceAtLocation {
  id: string;
  service_id: string;
  location_id: string;
  location: OrukLocation;
}

export interface OrukCostOption {
  id: string;
  service_id: string;
  option?: string;
  amount?: number;
  amount_description?: string;
}

/** HSDS 3.0 phone, nested in a contact as HSDS 3.0 core does (the UK compiled contact allows extra properties). */
export interface OrukPhone {
  id: string;
  contact_id: string;
  number: string;
}

export interface OrukContact {
  id: string;
  service_id: string;
  name?: string;
  title?: string;
  /** HSDS 3.0 core field, not in the UK contact schema; allowed as an extension. */
  email?: string;
  /** HSDS 3.0 core field, items shaped by the UK `phone.json`; allowed as an extension. */
  phones?: OrukPhone[];
}

export interface OrukService extends Omit<OrukServiceSummary, 'organization'> {
  /** HSDS 3.0 core field (how to get it), not in the UK profile; allowed as an extension. */
  application_process?: string;
  schedules: OrukSchedule[];
  service_areas: OrukServiceArea[];
  service_at_locations: OrukNestedServiceAtLocation[];
  organization: OrukOrganizationSummary;
  cost_options: OrukCostOption[];
  contacts: OrukContact[];
  attributes: OrukAttribute[];
}

/** A full service without its own `service_at_locations`, as nested inside a service_at_location. */
export type OrukServiceInLocation = Omit<OrukService, 'service_at_locations'>;

export interface OrukServiceAtLocation {
  id: string;
  service_id: string;
  location_id: string;
  /**
   * The service's name and status repeated at the top level. Not in the service_at_location schema (extra
   * properties are allowed) but needed because openapi.json gives `/service_at_locations/{id}` the compiled
   * *service* schema, which requires them: with them the response validates against both.
   */
  name: string;
  status: OrukServiceSummary['status'];
  location: OrukLocation;
  service: OrukServiceInLocation;
}

export interface OrukServiceAtLocationSummary {
  id: string;
  service_id: string;
  location_id: string;
  location: OrukLocationSummary;
  service: OrukServiceSummary;
}

export interface OrukOrganization extends OrukOrganizationSummary {
  services: OrukService[];
}

/** The paged envelope of every list endpoint (openapi.json `#/components/schemas/Page`). */
export interface OrukPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

/** The `/` endpoint. */
export interface OrukApiMeta {
  version: string;
  profile: string;
  openapi_url: string;
}
