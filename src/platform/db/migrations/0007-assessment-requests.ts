/**
 * Issue 4, second part: online requests for a child Goldthread does not know yet (the requester's link to the child
 * waits for the caseworker to confirm it) and documents attached to professionals' advice.
 */
export const statements: string[] = [
  `alter table assessment_case add column requester_user_id uuid`,
  `alter table assessment_case add column requester_link text
    check (requester_link in ('known', 'pending', 'confirmed', 'declined'))`,
  `alter table assessment_case add constraint assessment_case_requester_fk
    foreign key (la_code, requester_user_id) references app_user (la_code, id)`,
  `alter table assessment_case add constraint assessment_case_requester_pair
    check ((requester_link is null) = (requester_user_id is null))`,
  `create index assessment_case_requester on assessment_case (la_code, requester_user_id)
    where requester_user_id is not null`,
  `create index assessment_case_pending_link on assessment_case (la_code, team_id)
    where requester_link = 'pending'`,
  `alter table assessment_advice add column document_name text`,
  `alter table assessment_advice add column document_type text`,
  `alter table assessment_advice add column document_size integer`,
  // The bytes live apart so that reading advice (task lists, the case page) never loads them.
  `create table assessment_advice_document (
    la_code text not null references local_authority (la_code),
    advice_id uuid not null,
    content bytea not null,
    created_at timestamptz not null default now(),
    primary key (la_code, advice_id),
    foreign key (la_code, advice_id) references assessment_advice (la_code, id)
  )`,
];
