/**
 * Issue 16 item 4: failed sign-ins, kept in the database so that the throttle holds across restarts and instances
 * (it lived in one process's memory). One row per failed attempt: the account it named (SHA-256 of the email as
 * typed, lower case, so no typed address is kept) and the address it came from. Sign-in comes before any authority
 * is known, so la_code is '' (the schema's rule that every key includes la_code still holds). Rows older than the
 * throttle's window are deleted as new ones come (src/platform/auth/throttle.ts).
 */
export const statements: string[] = [
  `create table sign_in_attempt (
    la_code text not null default '',
    id bigint generated always as identity,
    at timestamptz not null default now(),
    account text not null,
    ip text not null,
    primary key (la_code, id)
  )`,
  `create index sign_in_attempt_account on sign_in_attempt (account, at)`,
  `create index sign_in_attempt_ip on sign_in_attempt (ip, at)`,
  `create index sign_in_attempt_at on sign_in_attempt (at)`,
];
