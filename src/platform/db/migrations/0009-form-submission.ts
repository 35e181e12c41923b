/**
 * Issue 11: one mechanism against double submits. A form carries a one-use token (a UUID made when the page was
 * drawn); the change it posts records the token here in its own transaction, so a second submission of the same
 * form (a double click, a resend after a slow answer) finds it and changes nothing (src/platform/change/once.ts).
 * `result_id` is what the first submission made, so the second can show the same page.
 */
export const statements: string[] = [
  `create table form_submission (
    la_code text not null references local_authority (la_code),
    token uuid not null,
    user_id uuid,
    result_id text,
    created_at timestamptz not null default now(),
    primary key (la_code, token),
    foreign key (la_code, user_id) references app_user (la_code, id)
  )`,
];
