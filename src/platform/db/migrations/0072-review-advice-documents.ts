/**
 * A document attached to a professional's review advice (issue 12; docs/reviews.md "Views and advice"), as assessment
 * advice has one (migration 0007): its name, type and size on `plan_review_advice` (migration 0032, owned by
 * src/features/reviews), and its bytes apart, so reading advice (the review pages, the task lists) never loads them.
 * Sent round with the review's papers: the family and the others asked for advice read it once the council has.
 */
export const statements: string[] = [
  `alter table plan_review_advice add column document_name text`,
  `alter table plan_review_advice add column document_type text`,
  `alter table plan_review_advice add column document_size integer`,
  `alter table plan_review_advice add constraint plan_review_advice_document_check
    check ((document_name is null) = (document_type is null) and (document_name is null) = (document_size is null))`,
  `create table plan_review_advice_document (
    la_code text not null references local_authority (la_code),
    advice_id uuid not null,
    content bytea not null,
    created_at timestamptz not null default now(),
    primary key (la_code, advice_id),
    foreign key (la_code, advice_id) references plan_review_advice (la_code, id)
  )`,
];
