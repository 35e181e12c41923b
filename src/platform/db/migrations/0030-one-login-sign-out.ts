/**
 * Signing out of GOV.UK One Login too (issue 19 item 2), owned by src/features/one-login. One Login's sign-out is its
 * end_session endpoint with the session's ID token as `id_token_hint`, so the ID token is kept beside the session.
 *
 * - `one_login_session`: the ID token behind a Goldthread session a One Login sign-in began; taken (deleted) when the
 *   family signs out, and gone with the session. The staff single sign-on's `sso_session` names an identity provider
 *   of an authority, which One Login is not, so One Login keeps its own.
 * - `one_login_sign_in.id_token`: an account not linked yet keeps its ID token while it enters its code, for the
 *   session the code then begins.
 */
export const statements: string[] = [
  `create table one_login_session (
    la_code text not null,
    session_id text not null,
    id_token text not null,
    primary key (la_code, session_id),
    foreign key (la_code, session_id) references session (la_code, id) on delete cascade
  )`,
  `alter table one_login_sign_in add column id_token text`,
];
