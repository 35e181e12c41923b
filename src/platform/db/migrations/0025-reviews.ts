/**
 * Issue 12: annual reviews (owned by src/features/reviews, ADR 0012). Same rules as 0001: la_code on every table, in
 * every key and every foreign key.
 *
 * - plan_review: one review of a plan (S1): its number, kind, who arranges it, the meeting date (planned until it is
 *   held), the dated steps (invitations, advice, held, report, decision) and the decision. The state is derived from
 *   the dates (src/domain/review/lifecycle.ts), never stored twice.
 * - plan_review_early_request: a request for an early review, with its reason and details, and the review it led to.
 * - plan_review_schedule: one row per plan with a final plan: the next review's due date as the rules compute it, and
 *   the facts the backlog ranks by, read from their owners (plans, people, plan audits) when the schedule is
 *   refreshed. The backlog is ranked and paged in SQL on this table alone.
 */
export const statements: string[] = [
  `create table plan_review (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    plan_id uuid not null,
    child_id uuid not null,
    number integer not null check (number > 0),
    kind text not null check (kind in ('annual', 'early', 'phase-transfer', 'transfer-in')),
    arranged_by text not null check (arranged_by in ('school', 'authority')),
    meeting_date date,
    invitations_sent date,
    advice_circulated date,
    held date,
    report_sent date,
    decision text check (decision in ('maintain', 'amend', 'cease')),
    decision_date date,
    created_by uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (la_code, id),
    unique (la_code, plan_id, number),
    check ((decision is null) = (decision_date is null)),
    check (held is not null or (report_sent is null and decision is null)),
    foreign key (la_code, plan_id) references ehc_plan (la_code, id),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, created_by) references app_user (la_code, id)
  )`,
  `create index plan_review_child on plan_review (la_code, child_id)`,
  `create table plan_review_early_request (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    plan_id uuid not null,
    child_id uuid not null,
    reason text not null check (reason in
      ('school-request', 'family-request', 'not-in-education', 'change-of-need', 'placement-at-risk', 'other')),
    details text not null,
    requested_on date not null,
    requested_by uuid,
    review_id uuid,
    created_at timestamptz not null default now(),
    primary key (la_code, id),
    foreign key (la_code, plan_id) references ehc_plan (la_code, id),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, requested_by) references app_user (la_code, id),
    foreign key (la_code, review_id) references plan_review (la_code, id)
  )`,
  `create index plan_review_early_request_plan on plan_review_early_request (la_code, plan_id)`,
  `create table plan_review_schedule (
    la_code text not null references local_authority (la_code),
    plan_id uuid not null,
    child_id uuid not null,
    first_issued date not null,
    next_number integer not null,
    next_due date not null,
    basis text not null check (basis in ('first-plan', 'last-meeting', 'transfer-in')),
    counted_from date not null,
    open_review_id uuid,
    stage text not null check (stage in ('not-arranged', 'scheduled', 'arranged')),
    officer_id uuid,
    setting_id uuid,
    setting_name text,
    phase_transfer_deadline date,
    not_in_full_time_education boolean,
    out_of_area_or_independent boolean not null default false,
    looked_after boolean not null default false,
    quality_grade text check (quality_grade in ('outstanding', 'good', 'requires-improvement', 'inadequate')),
    refreshed_on date not null,
    primary key (la_code, plan_id),
    foreign key (la_code, plan_id) references ehc_plan (la_code, id),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, open_review_id) references plan_review (la_code, id),
    foreign key (la_code, officer_id) references app_user (la_code, id),
    foreign key (la_code, setting_id) references setting (la_code, id)
  )`,
  `create index plan_review_schedule_due on plan_review_schedule (la_code, next_due)`,
  `create index plan_review_schedule_officer on plan_review_schedule (la_code, officer_id, next_due)`,
  `create index plan_review_schedule_setting on plan_review_schedule (la_code, setting_id, next_due)`,
];
