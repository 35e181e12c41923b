/**
 * Issue 19 item 3: a second factor for password accounts (src/platform/auth/second-factor.ts, docs/adr/0011).
 *
 * - second_factor: a user's time-based one-time code (TOTP) secret, encrypted at rest (AES-256-GCM with
 *   SECOND_FACTOR_KEY, bound to the user), unconfirmed until the user types a code from it; last_step is the
 *   30-second step of the last code accepted, so a code is never accepted twice.
 * - recovery_code: ten single-use codes per user, kept only as HMACs; used_at once used.
 * - session.second_factor: 'none' (no second factor owed), 'pending' (the password was right, the second factor is
 *   owed: the session reaches only the second-factor pages) or 'done'. Sessions open before this migration are ended,
 *   so none that began without the second factor goes on.
 */
export const statements: string[] = [
  `create table second_factor (
    la_code text not null,
    user_id uuid not null,
    secret text not null,
    confirmed_at timestamptz,
    last_step bigint,
    created_at timestamptz not null default now(),
    primary key (la_code, user_id),
    foreign key (la_code, user_id) references app_user (la_code, id)
  )`,
  `create table recovery_code (
    la_code text not null,
    id bigint generated always as identity,
    user_id uuid not null,
    code_hash text not null,
    created_at timestamptz not null default now(),
    used_at timestamptz,
    primary key (la_code, id),
    foreign key (la_code, user_id) references app_user (la_code, id)
  )`,
  `create index recovery_code_user on recovery_code (la_code, user_id)`,
  `alter table session add column second_factor text not null default 'none'
    check (second_factor in ('none', 'pending', 'done'))`,
  `update session set ended_at = now() where ended_at is null`,
];
