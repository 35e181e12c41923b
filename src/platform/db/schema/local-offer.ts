/**
 * The SEND Local Offer (migration 0004). Owned by src/features/local-offer.
 */
import type { ColumnType, Generated } from 'kysely';
import type { DateString, Timestamp, Json } from './types.ts';

export interface LocalOfferOrganisationTable {
  la_code: string;
  id: Generated<string>;
  name: string;
  description: Generated<string>;
  kind: 'council' | 'nhs' | 'school' | 'college' | 'early-years' | 'charity' | 'community-group' | 'business';
  website: string | null;
  email: string | null;
  phone: string | null;
  created_at: Generated<Date>;
}

export interface LocalOfferProviderUserTable {
  la_code: string;
  user_id: string;
  organisation_id: string;
  created_at: Generated<Date>;
}

export interface LocalOfferLocationTable {
  la_code: string;
  id: Generated<string>;
  organisation_id: string;
  name: string;
  address_line1: string;
  address_line2: string | null;
  town: string;
  county: string;
  postcode: string;
  latitude: number;
  longitude: number;
  accessibility: string | null;
}

export interface LocalOfferServiceTable {
  la_code: string;
  id: Generated<string>;
  organisation_id: string;
  name: string;
  description: string;
  how_to_get_it: string | null;
  min_age: number | null;
  max_age: number | null;
  needs: Generated<string[]>;
  needs_note: string | null;
  staff_training: Generated<string[]>;
  categories: Generated<string[]>;
  cost: Json;
  is_free: boolean;
  schedules: Json;
  contacts: Json;
  service_area: string | null;
  areas: Generated<string[]>;
  url: string | null;
  owner_organisation_id: string | null;
  owner_user_id: string | null;
  review_by: DateString;
  last_checked_on: DateString;
  last_checked_by: string;
  last_checked_by_email: string | null;
  status: Generated<'active' | 'inactive'>;
  last_modified: Timestamp;
  search_name: Generated<string>;
  search_needs: Generated<string>;
  search_categories: Generated<string>;
  search_training: Generated<string>;
  search_organisation: Generated<string>;
  search_description: Generated<string>;
  trigram: Generated<string>;
  search_vector: ColumnType<string, never, never>;
}

export interface LocalOfferServiceLocationTable {
  la_code: string;
  service_id: string;
  location_id: string;
  position: Generated<number>;
}

export interface LocalOfferSearchWordTable {
  la_code: string;
  word: string;
}

export interface LocalOfferPendingEditTable {
  la_code: string;
  id: Generated<string>;
  service_id: string;
  submitted_by: string;
  submitted_at: Timestamp;
  changes: Json;
  previous: Json;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
}

export interface LocalOfferLinkCheckTable {
  la_code: string;
  id: Generated<string>;
  url: string;
  status: 'ok' | 'broken' | 'redirected' | 'timeout' | 'error';
  http_status: number | null;
  final_url: string | null;
  permanent: Generated<boolean>;
  error: string | null;
  checked_at: Timestamp;
}

export interface LocalOfferReminderTable {
  la_code: string;
  service_id: string;
  review_by: DateString;
  stage: string;
  recipient: string;
  sent_at: Generated<Date>;
}

export interface LocalOfferYouSaidTable {
  la_code: string;
  id: Generated<string>;
  year: number;
  title: string;
  you_said: string;
  response: string;
  action: string;
  owner: string;
  status: Generated<'planned' | 'in-progress' | 'done'>;
  published: Generated<boolean>;
  published_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface LocalOfferFeedbackTable {
  la_code: string;
  id: Generated<string>;
  created_at: Timestamp;
  kind: 'rating' | 'problem' | 'comment';
  page_path: string;
  service_id: string | null;
  useful: boolean | null;
  accurate: boolean | null;
  body: string | null;
  triage: 'new' | 'publishable' | 'complaint' | 'vexatious' | null;
  triaged_by: string | null;
  triaged_at: Timestamp | null;
  you_said_id: string | null;
}

export interface LocalOfferUsageDailyTable {
  la_code: string;
  day: DateString;
  metric: 'search' | 'zero-result' | 'page-view' | 'feedback';
  count: Generated<number>;
}

/** The directory's version (migration 0082): a new random token with every write to what the search reads. */
export interface LocalOfferDirectoryVersionTable {
  la_code: string;
  version: Generated<string>;
  changed_at: Generated<Date>;
}

export interface LocalOfferZeroResultTermTable {
  la_code: string;
  day: DateString;
  term: string;
  count: Generated<number>;
}

export interface LocalOfferTables {
  local_offer_organisation: LocalOfferOrganisationTable;
  local_offer_provider_user: LocalOfferProviderUserTable;
  local_offer_location: LocalOfferLocationTable;
  local_offer_service: LocalOfferServiceTable;
  local_offer_service_location: LocalOfferServiceLocationTable;
  local_offer_search_word: LocalOfferSearchWordTable;
  local_offer_pending_edit: LocalOfferPendingEditTable;
  local_offer_link_check: LocalOfferLinkCheckTable;
  local_offer_reminder: LocalOfferReminderTable;
  local_offer_you_said: LocalOfferYouSaidTable;
  local_offer_feedback: LocalOfferFeedbackTable;
  local_offer_usage_daily: LocalOfferUsageDailyTable;
  local_offer_zero_result_term: LocalOfferZeroResultTermTable;
  local_offer_directory_version: LocalOfferDirectoryVersionTable;
}
