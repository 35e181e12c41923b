/**
 * Staff single sign-on by OpenID Connect (issue 19 items 1, 4, 5; docs/adr/0010-single-sign-on.md). Owned by
 * src/features/sso.
 *
 * - `identity_provider`: an authority's identity provider (the council's Entra ID, an NHS trust's), as its
 *   administrator configured it: the issuer, the client id, the NAME of the environment variable that holds the
 *   client secret (never the secret), the claim that carries groups, and whether it is on.
 * - `identity_provider_domain`: the email domains it signs in. Password sign-in is refused for an email of a domain
 *   whose provider is on.
 * - `identity_provider_group_role`: the administrator's mapping from a group the provider sends to a Goldthread role.
 * - `sso_identity`: a provider's subject linked to a Goldthread account.
 * - `sso_pending_account`: a person the provider signed in whom no mapping placed, waiting for an administrator.
 * - `sso_sign_in`: an authorisation request in flight (state, nonce and PKCE verifier kept on the server), found by the
 *   hash of a random cookie; used once.
 * - `sso_session`: the ID token behind a Goldthread session, for the provider's sign-out (id_token_hint).
 */
export const statements: string[] = [
  `create table identity_provider (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    name text not null,
    issuer text not null,
    client_id text not null,
    secret_env text not null check (secret_env ~ '^OIDC_CLIENT_SECRET_[A-Z0-9_]{1,64}$'),
    groups_claim text not null default 'groups',
    enabled boolean not null default true,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (la_code, id),
    unique (la_code, issuer, client_id)
  )`,
  `create index identity_provider_id on identity_provider (id)`,
  `create table identity_provider_domain (
    la_code text not null,
    provider_id uuid not null,
    domain text not null check (domain = lower(domain)),
    primary key (la_code, domain),
    foreign key (la_code, provider_id) references identity_provider (la_code, id) on delete cascade
  )`,
  `create index identity_provider_domain_domain on identity_provider_domain (domain)`,
  `create table identity_provider_group_role (
    la_code text not null,
    provider_id uuid not null,
    group_name text not null,
    role text not null check (role not in ('parent', 'young-person')),
    primary key (la_code, provider_id, group_name),
    foreign key (la_code, provider_id) references identity_provider (la_code, id) on delete cascade
  )`,
  `create table sso_identity (
    la_code text not null,
    provider_id uuid not null,
    subject text not null,
    user_id uuid not null,
    created_at timestamptz not null default now(),
    primary key (la_code, provider_id, subject),
    unique (la_code, provider_id, user_id),
    foreign key (la_code, provider_id) references identity_provider (la_code, id),
    foreign key (la_code, user_id) references app_user (la_code, id)
  )`,
  `create table sso_pending_account (
    la_code text not null,
    id uuid not null default gen_random_uuid(),
    provider_id uuid not null,
    subject text not null,
    email text not null,
    display_name text not null,
    groups jsonb not null default '[]',
    requested_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    decided_at timestamptz,
    decided_by uuid,
    decision text check (decision in ('approved', 'refused')),
    user_id uuid,
    primary key (la_code, id),
    unique (la_code, provider_id, subject),
    foreign key (la_code, provider_id) references identity_provider (la_code, id),
    foreign key (la_code, user_id) references app_user (la_code, id)
  )`,
  `create index sso_pending_account_id on sso_pending_account (id)`,
  `create index sso_pending_account_open on sso_pending_account (la_code, requested_at) where decided_at is null`,
  `create table sso_sign_in (
    la_code text not null,
    id text not null,
    provider_id uuid not null,
    state text not null,
    nonce text not null,
    code_verifier text not null,
    return_to text not null,
    created_at timestamptz not null default now(),
    used_at timestamptz,
    primary key (la_code, id),
    foreign key (la_code, provider_id) references identity_provider (la_code, id) on delete cascade
  )`,
  `create index sso_sign_in_id on sso_sign_in (id)`,
  `create index sso_sign_in_created on sso_sign_in (created_at)`,
  `create table sso_session (
    la_code text not null,
    session_id text not null,
    provider_id uuid not null,
    id_token text not null,
    primary key (la_code, session_id),
    foreign key (la_code, session_id) references session (la_code, id) on delete cascade,
    foreign key (la_code, provider_id) references identity_provider (la_code, id) on delete cascade
  )`,
];
