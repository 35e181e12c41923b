/**
 * Families by GOV.UK One Login (issue 19 item 2; docs/adr/0011-second-factor.md, "One Login"). Owned by
 * src/features/one-login.
 *
 * - `one_login_link_code`: a one-time code a caseworker makes for a family member on a child's record (kept as a
 *   hash), which the family types after signing in with One Login: the only way a One Login account is linked to a
 *   family member (never an email alone). Spent once; it expires.
 * - `one_login_identity`: a One Login subject linked to a Goldthread account, with the email and phone One Login's
 *   user info gave at the last sign-in.
 * - `one_login_sign_in`: an authorisation request in flight (state, nonce and PKCE verifier on the server), found by
 *   the hash of a random cookie and used once; after the callback, a One Login account not linked yet waits on it for
 *   its code (subject, email, phone). Sign-in comes before any authority is known, so la_code is ''.
 */
export const statements: string[] = [
  `create table one_login_link_code (
    la_code text not null,
    id uuid not null default gen_random_uuid(),
    code_hash text not null,
    child_id uuid not null,
    family_member_id uuid not null,
    created_by uuid not null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at timestamptz,
    used_by_subject text,
    primary key (la_code, id),
    unique (la_code, code_hash),
    foreign key (la_code, family_member_id) references family_member (la_code, id),
    foreign key (la_code, created_by) references app_user (la_code, id)
  )`,
  `create index one_login_link_code_hash on one_login_link_code (code_hash)`,
  `create table one_login_identity (
    la_code text not null,
    subject text not null,
    user_id uuid not null,
    email text,
    phone text,
    linked_at timestamptz not null default now(),
    last_signed_in_at timestamptz,
    primary key (la_code, subject),
    unique (la_code, user_id),
    foreign key (la_code, user_id) references app_user (la_code, id)
  )`,
  `create index one_login_identity_subject on one_login_identity (subject)`,
  `create table one_login_sign_in (
    la_code text not null default '',
    id text not null,
    state text not null,
    nonce text not null,
    code_verifier text not null,
    return_to text not null default '/',
    created_at timestamptz not null default now(),
    used_at timestamptz,
    subject text,
    email text,
    phone text,
    primary key (la_code, id)
  )`,
  `create index one_login_sign_in_created on one_login_sign_in (created_at)`,
];
