/**
 * The SEND Local Offer (issue 6): the public directory of services (organisations, services, locations), who keeps
 * each entry current (an owner: a provider organisation or an officer) and when it must be checked again; provider
 * accounts linked to their organisations; edits waiting for the editor's approval; link check results; reminders
 * sent; feedback and comments with their triage; "You said, we did" entries; and daily usage counts (no person,
 * no cookie). Search: a weighted `tsvector` (English) generated from the search text columns, and pg_trgm indexes
 * for typos (a GiST index on the vocabulary for nearest-word look-ups, a GIN index on the short trigram text).
 * Same rules as 0001: la_code on every table, in every key and every foreign key. PostgreSQL 15 and PGlite.
 */
export const statements: string[] = [
  `create extension if not exists pg_trgm`,
  // Providers sign in with their own role; they see no child records.
  `alter table app_user drop constraint if exists app_user_role_check`,
  `alter table app_user add constraint app_user_role_check check (role in ('caseworker', 'team-manager',
    'send-leader', 'professional', 'parent', 'young-person', 'local-offer-editor', 'administrator',
    'local-offer-provider'))`,
  `create table local_offer_organisation (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    name text not null,
    description text not null default '',
    kind text not null check (kind in ('council', 'nhs', 'school', 'college', 'early-years', 'charity',
      'community-group', 'business')),
    website text,
    email text,
    phone text,
    created_at timestamptz not null default now(),
    primary key (la_code, id)
  )`,
  `create index local_offer_organisation_name on local_offer_organisation (la_code, name)`,
  // Which Local Offer organisations a provider account may edit for.
  `create table local_offer_provider_user (
    la_code text not null references local_authority (la_code),
    user_id uuid not null,
    organisation_id uuid not null,
    created_at timestamptz not null default now(),
    primary key (la_code, user_id, organisation_id),
    foreign key (la_code, user_id) references app_user (la_code, id),
    foreign key (la_code, organisation_id) references local_offer_organisation (la_code, id)
  )`,
  `create index local_offer_provider_user_org on local_offer_provider_user (la_code, organisation_id)`,
  `create table local_offer_location (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    organisation_id uuid not null,
    name text not null,
    address_line1 text not null,
    address_line2 text,
    town text not null,
    county text not null,
    postcode text not null,
    latitude double precision not null,
    longitude double precision not null,
    accessibility text,
    primary key (la_code, id),
    foreign key (la_code, organisation_id) references local_offer_organisation (la_code, id)
  )`,
  `create table local_offer_service (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    organisation_id uuid not null,
    name text not null,
    description text not null,
    how_to_get_it text,
    min_age integer check (min_age between 0 and 130),
    max_age integer check (max_age between 0 and 130),
    needs text[] not null default '{}' check (needs <@ array['ASD', 'SLCN', 'SEMH', 'MLD', 'SPLD', 'SLD', 'PD',
      'PMLD', 'HI', 'VI', 'MSI', 'OTH']::text[]),
    needs_note text,
    staff_training text[] not null default '{}',
    categories text[] not null default '{}' check (categories <@ array['education', 'health', 'social-care',
      'short-breaks', 'leisure', 'support-groups', 'preparing-for-adulthood', 'transport',
      'information-and-advice']::text[]),
    cost jsonb not null,
    is_free boolean not null,
    schedules jsonb not null default '[]',
    contacts jsonb not null default '[]',
    service_area text,
    areas text[] not null default '{}',
    url text,
    owner_organisation_id uuid,
    owner_user_id uuid,
    review_by date not null,
    last_checked_on date not null,
    last_checked_by text not null,
    last_checked_by_email text,
    status text not null default 'active' check (status in ('active', 'inactive')),
    last_modified timestamptz not null default now(),
    search_name text not null default '',
    search_needs text not null default '',
    search_categories text not null default '',
    search_training text not null default '',
    search_organisation text not null default '',
    search_description text not null default '',
    trigram text not null default '',
    search_vector tsvector generated always as (
      setweight(to_tsvector('english'::regconfig, search_name), 'A') ||
      setweight(to_tsvector('english'::regconfig, search_needs), 'B') ||
      setweight(to_tsvector('english'::regconfig, search_categories), 'B') ||
      setweight(to_tsvector('english'::regconfig, search_training), 'C') ||
      setweight(to_tsvector('english'::regconfig, search_organisation), 'C') ||
      setweight(to_tsvector('english'::regconfig, search_description), 'D')
    ) stored,
    primary key (la_code, id),
    foreign key (la_code, organisation_id) references local_offer_organisation (la_code, id),
    foreign key (la_code, owner_organisation_id) references local_offer_organisation (la_code, id),
    foreign key (la_code, owner_user_id) references app_user (la_code, id),
    check ((owner_organisation_id is null) <> (owner_user_id is null)),
    check (min_age is null or max_age is null or min_age <= max_age)
  )`,
  `create index local_offer_service_search on local_offer_service using gin (search_vector)`,
  `create index local_offer_service_trigram on local_offer_service using gin (trigram gin_trgm_ops)`,
  `create index local_offer_service_needs on local_offer_service using gin (needs)`,
  `create index local_offer_service_categories on local_offer_service using gin (categories)`,
  `create index local_offer_service_org on local_offer_service (la_code, organisation_id)`,
  `create index local_offer_service_review on local_offer_service (la_code, review_by)`,
  `create index local_offer_service_name on local_offer_service (la_code, status, name)`,
  `create table local_offer_service_location (
    la_code text not null references local_authority (la_code),
    service_id uuid not null,
    location_id uuid not null,
    position integer not null default 0,
    primary key (la_code, service_id, location_id),
    foreign key (la_code, service_id) references local_offer_service (la_code, id),
    foreign key (la_code, location_id) references local_offer_location (la_code, id)
  )`,
  // Every word the services use (unstemmed), for correcting typos by the nearest word (trigram distance).
  `create table local_offer_search_word (
    la_code text not null references local_authority (la_code),
    word text not null,
    primary key (la_code, word)
  )`,
  `create index local_offer_search_word_trgm on local_offer_search_word using gist (word gist_trgm_ops)`,
  // A provider's change, kept until the editor approves or rejects it. One waiting change per service.
  `create table local_offer_pending_edit (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    service_id uuid not null,
    submitted_by uuid not null,
    submitted_at timestamptz not null default now(),
    changes jsonb not null,
    previous jsonb not null,
    status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
    decided_by uuid,
    decided_at timestamptz,
    decision_note text,
    primary key (la_code, id),
    foreign key (la_code, service_id) references local_offer_service (la_code, id),
    foreign key (la_code, submitted_by) references app_user (la_code, id),
    foreign key (la_code, decided_by) references app_user (la_code, id)
  )`,
  `create unique index local_offer_pending_edit_one on local_offer_pending_edit (la_code, service_id)
    where status = 'pending'`,
  `create table local_offer_link_check (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    url text not null,
    status text not null check (status in ('ok', 'broken', 'redirected', 'timeout', 'error')),
    http_status integer,
    final_url text,
    permanent boolean not null default false,
    error text,
    checked_at timestamptz not null,
    primary key (la_code, id)
  )`,
  `create index local_offer_link_check_url on local_offer_link_check (la_code, url, checked_at desc)`,
  // Reminders sent, one per service, review-by date and stage, so a reminder never goes twice.
  `create table local_offer_reminder (
    la_code text not null references local_authority (la_code),
    service_id uuid not null,
    review_by date not null,
    stage text not null,
    recipient text not null,
    sent_at timestamptz not null default now(),
    primary key (la_code, service_id, review_by, stage),
    foreign key (la_code, service_id) references local_offer_service (la_code, id)
  )`,
  `create table local_offer_you_said (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    year integer not null,
    title text not null,
    you_said text not null,
    response text not null,
    action text not null,
    owner text not null,
    status text not null default 'planned' check (status in ('planned', 'in-progress', 'done')),
    published boolean not null default false,
    published_at timestamptz,
    created_by uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (la_code, id),
    unique (la_code, year, title),
    foreign key (la_code, created_by) references app_user (la_code, id)
  )`,
  // Feedback from anyone: no account, no cookie, nothing that names the sender.
  `create table local_offer_feedback (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    created_at timestamptz not null default now(),
    kind text not null check (kind in ('rating', 'problem', 'comment')),
    page_path text not null,
    service_id uuid,
    useful boolean,
    accurate boolean,
    body text,
    triage text check (triage in ('new', 'publishable', 'complaint', 'vexatious')),
    triaged_by uuid,
    triaged_at timestamptz,
    you_said_id uuid,
    primary key (la_code, id),
    foreign key (la_code, service_id) references local_offer_service (la_code, id),
    foreign key (la_code, triaged_by) references app_user (la_code, id),
    foreign key (la_code, you_said_id) references local_offer_you_said (la_code, id),
    check ((body is null) = (triage is null))
  )`,
  `create index local_offer_feedback_triage on local_offer_feedback (la_code, triage, created_at)`,
  `create index local_offer_feedback_service on local_offer_feedback (la_code, service_id)`,
  `create table local_offer_usage_daily (
    la_code text not null references local_authority (la_code),
    day date not null,
    metric text not null check (metric in ('search', 'zero-result', 'page-view', 'feedback')),
    count integer not null default 0,
    primary key (la_code, day, metric)
  )`,
  `create table local_offer_zero_result_term (
    la_code text not null references local_authority (la_code),
    day date not null,
    term text not null,
    count integer not null default 0,
    primary key (la_code, day, term)
  )`,
];
