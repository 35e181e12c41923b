/**
 * Letters about a plan sent to organisations (issue 12 item 2; docs/reviews.md "Letters"; ADR 0008), owned by
 * src/features/notices. A review's decision goes to the head of the child's school or setting (S1: "notified to
 * family and head"); a decision to stop a plan to the institution the plan names and the health commissioning body
 * (reg 31(2)). The letter itself is written from the record it is about (the review, the ceasing procedure, the
 * amendment or the transfer in), so only who was sent it, why and whether they have read it are kept: one item per
 * organisation, letter and record. The assessment decisions keep `organisation_inbox_item` (migration 0018), which
 * is keyed on an assessment case.
 */
export const statements: string[] = [
  `create table plan_letter_inbox_item (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    organisation_id uuid not null,
    child_id uuid not null,
    plan_id uuid not null,
    kind text not null check (kind in ('review-decision', 'to-cease', 'not-to-amend', 'transfer-in')),
    record_id uuid not null,
    letter_date date not null,
    reason text not null check (reason in ('commissioner', 'social-care', 'school', 'named-setting')),
    email text,
    created_at timestamptz not null default now(),
    read_at timestamptz,
    read_by uuid,
    primary key (la_code, id),
    unique (la_code, organisation_id, kind, record_id),
    foreign key (la_code, organisation_id) references organisation (la_code, id),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, plan_id) references ehc_plan (la_code, id),
    foreign key (la_code, read_by) references app_user (la_code, id)
  )`,
  `create index plan_letter_inbox_item_organisation on plan_letter_inbox_item (la_code, organisation_id, created_at)`,
];
