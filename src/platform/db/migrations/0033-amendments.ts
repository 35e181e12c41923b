/**
 * Issue 12 item 3: amending an issued plan (owned by src/features/amendments, ADR 0017). Same rules as 0001: la_code
 * on every table, in every key and every foreign key.
 *
 * - plan_amendment: one amendment of a plan (S1, reg 22): why (a review's decision to amend, with the review and its
 *   meeting, or a reason outside a review with details), the plan version in force it amends, the proposal (a draft
 *   version of the same plan, written by the plans feature) and the day it was sent, and its end: the amended
 *   version and its day, or the decision not to amend with its day and reasons. The state is derived from the dates
 *   (src/domain/review/amendment.ts). At most one amendment of a plan is open at a time.
 */
export const statements: string[] = [
  `create table plan_amendment (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    plan_id uuid not null,
    child_id uuid not null,
    trigger text not null check (trigger in ('review', 'change-of-need', 'change-of-placement', 'other')),
    review_id uuid,
    meeting_date date,
    details text,
    started_on date not null,
    started_by uuid,
    in_force_version_id uuid not null,
    proposal_version_id uuid,
    proposal_sent date,
    amended_version_id uuid,
    amended_issued date,
    not_amended_on date,
    not_amended_reasons text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (la_code, id),
    check ((trigger = 'review') = (review_id is not null)),
    check ((review_id is null) = (meeting_date is null)),
    check ((proposal_version_id is null) = (proposal_sent is null)),
    check ((amended_version_id is null) = (amended_issued is null)),
    check ((not_amended_on is null) = (not_amended_reasons is null)),
    check (amended_issued is null or not_amended_on is null),
    check (proposal_sent is not null or (amended_issued is null and not_amended_on is null)),
    check (amended_issued is null or amended_issued > proposal_sent + 14),
    foreign key (la_code, plan_id) references ehc_plan (la_code, id),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, review_id) references plan_review (la_code, id),
    foreign key (la_code, started_by) references app_user (la_code, id),
    foreign key (la_code, in_force_version_id) references ehc_plan_version (la_code, id),
    foreign key (la_code, proposal_version_id) references ehc_plan_version (la_code, id),
    foreign key (la_code, amended_version_id) references ehc_plan_version (la_code, id)
  )`,
  `create unique index plan_amendment_open on plan_amendment (la_code, plan_id)
    where amended_issued is null and not_amended_on is null`,
  `create index plan_amendment_child on plan_amendment (la_code, child_id)`,
];
