/**
 * Issue 12 item 4 (S9), owned by src/features/ceasing (ADR 0018): a procedure to cease a plan. Same rules as 0001:
 * la_code on every table, in every key and every foreign key.
 *
 * plan_cessation: one procedure: when the council started considering it and why (and the review it came from, if
 * any), the consultation of reg 31(1) (the family, and the head or principal of the named institution, each with the
 * day and their response), the decision (cease, with its ground and the SEN2 module 4a reason code; or not to cease,
 * with the reasons), the appeal (registered, ended, outcome), and the day the plan was recorded as ceased. Where the
 * procedure stands is derived from these dates (src/domain/review/ending.ts), never stored twice; `ceased_on` records
 * that the child's plan status was changed, on the clock's `ceasesOn`.
 */
export const statements: string[] = [
  `create table plan_cessation (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    plan_id uuid not null,
    child_id uuid not null,
    review_id uuid,
    started_on date not null,
    reason text not null,
    family_consulted date,
    family_response text,
    institution_consulted date,
    institution_response text,
    decision text check (decision in ('cease', 'not-cease')),
    decision_date date,
    ground text check (ground in ('no-longer-necessary', 'higher-education', 'paid-employment', 'left-education', 'maximum-age', 'left-england')),
    sen2_reason text,
    decision_reasons text,
    review_establishing_no_return date,
    appeal_registered date,
    appeal_ended date,
    appeal_outcome text check (appeal_outcome in ('dismissed', 'withdrawn', 'decision-overturned')),
    ceased_on date,
    created_by uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (la_code, id),
    check ((decision is null) = (decision_date is null)),
    check ((decision = 'cease') = (ground is not null and sen2_reason is not null)),
    check (decision = 'cease' or appeal_registered is null),
    check (ceased_on is null or decision = 'cease'),
    foreign key (la_code, plan_id) references ehc_plan (la_code, id),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, review_id) references plan_review (la_code, id),
    foreign key (la_code, created_by) references app_user (la_code, id)
  )`,
  `create index plan_cessation_plan on plan_cessation (la_code, plan_id)`,
  `create index plan_cessation_child on plan_cessation (la_code, child_id)`,
];
