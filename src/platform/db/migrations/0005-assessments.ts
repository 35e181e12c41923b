/**
 * The EHC needs assessment journey (issue 4): the case from request to final plan, the advice asked of each agency,
 * the exceptions relied on, and form tokens that stop a double-submitted form doing anything twice. Every change to a
 * case also writes a case_event (migration 0001), so the case has one history.
 *
 * "Never without a named officer and a team contact": team_id is NOT NULL from the moment a request is recorded (the
 * team's contact shows until an officer is named); once a case has been allocated its officer can be changed but
 * never removed (check constraint), and an account that still holds open cases cannot be switched off (trigger).
 *
 * next_step / next_due / next_adjusted_due are the clock's answer (computeTimeline) for the earliest step not yet
 * done, written by the service with every change, so the workspaces can filter, sort and page in SQL.
 */
export const statements: string[] = [
  `create table assessment_case (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    child_id uuid not null,
    request_received date not null,
    request_method text not null check (request_method in ('letter', 'email', 'phone', 'online')),
    requested_by text not null check (requested_by in ('parent', 'young-person', 'school', 'other')),
    requester_name text,
    request_answers jsonb not null default '{}'::jsonb,
    idempotency_key text not null,
    linked_case_id uuid,
    team_id uuid not null,
    officer_id uuid,
    allocated_at timestamptz,
    stage text not null default 'request' check (stage in ('request', 'assessment', 'draft', 'final', 'not-assessed', 'no-plan', 'linked')),
    is_open boolean not null default true,
    decision_date date,
    decision_outcome text check (decision_outcome in ('assess', 'not-assess')),
    decision_reasons text,
    panel_notes text,
    outcome_date date,
    outcome text check (outcome in ('issue-plan', 'no-plan')),
    outcome_reasons text,
    draft_served date,
    family_response_date date,
    family_comments text,
    school_requested text,
    final_issued date,
    plan_reference text,
    next_step text,
    next_owner text,
    next_due date,
    next_adjusted_due date,
    created_by uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (la_code, id),
    unique (la_code, idempotency_key),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, team_id) references team (la_code, id),
    foreign key (la_code, officer_id) references app_user (la_code, id),
    foreign key (la_code, created_by) references app_user (la_code, id),
    foreign key (la_code, linked_case_id) references assessment_case (la_code, id),
    check (allocated_at is null or officer_id is not null),
    check ((decision_date is null) = (decision_outcome is null)),
    check ((outcome_date is null) = (outcome is null))
  )`,
  `create index assessment_case_child on assessment_case (la_code, child_id, created_at desc)`,
  `create index assessment_case_officer_due on assessment_case (la_code, officer_id, next_due) where is_open`,
  `create index assessment_case_team_due on assessment_case (la_code, team_id, next_due) where is_open`,
  `create index assessment_case_open_due on assessment_case (la_code, next_due) where is_open`,
  `create table assessment_advice (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    case_id uuid not null,
    child_id uuid not null,
    agency text not null check (agency in ('family', 'educational', 'educational-psychology', 'health', 'social-care',
      'setting', 'preparation-for-adulthood', 'other')),
    service_name text,
    professional_user_id uuid,
    requested date not null,
    due date not null,
    received date,
    status text not null default 'requested' check (status in ('requested', 'received')),
    answer text check (answer in ('advice', 'no-involvement', 'existing-advice-current')),
    needs jsonb,
    outcomes text,
    provision jsonb,
    document_text text,
    submitted_by uuid,
    submitted_at timestamptz,
    reminder_two_weeks_at timestamptz,
    reminder_three_days_at timestamptz,
    escalated_at timestamptz,
    requested_by uuid,
    created_at timestamptz not null default now(),
    primary key (la_code, id),
    foreign key (la_code, case_id) references assessment_case (la_code, id),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, professional_user_id) references app_user (la_code, id),
    foreign key (la_code, submitted_by) references app_user (la_code, id),
    foreign key (la_code, requested_by) references app_user (la_code, id),
    check ((status = 'received') = (received is not null))
  )`,
  `create index assessment_advice_case on assessment_advice (la_code, case_id)`,
  `create index assessment_advice_professional on assessment_advice (la_code, professional_user_id, due)`,
  `create index assessment_advice_waiting on assessment_advice (la_code, due) where received is null`,
  `create table assessment_exception (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    case_id uuid not null,
    kind text not null check (kind in ('school-closure', 'personal-circumstances', 'absence-from-area', 'missed-appointment')),
    from_date date not null,
    to_date date,
    reason text not null,
    applies_to jsonb not null default '[]'::jsonb,
    recorded_by uuid,
    recorded_at timestamptz not null default now(),
    primary key (la_code, id),
    foreign key (la_code, case_id) references assessment_case (la_code, id),
    foreign key (la_code, recorded_by) references app_user (la_code, id),
    check (to_date is null or to_date >= from_date)
  )`,
  `create index assessment_exception_case on assessment_exception (la_code, case_id)`,
  `create table assessment_request_draft (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    user_id uuid not null,
    answers jsonb not null default '{}'::jsonb,
    submitted_case_id uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (la_code, id),
    foreign key (la_code, user_id) references app_user (la_code, id),
    foreign key (la_code, submitted_case_id) references assessment_case (la_code, id)
  )`,
  `create index assessment_request_draft_user on assessment_request_draft (la_code, user_id, updated_at desc)`,
  `create table assessment_form_token (
    la_code text not null references local_authority (la_code),
    token text not null,
    case_id uuid,
    used_at timestamptz not null default now(),
    primary key (la_code, token)
  )`,
  `create function assessment_officer_still_needed() returns trigger language plpgsql as $$
    begin
      if new.active = false and old.active = true and exists (
        select 1 from assessment_case c where c.la_code = new.la_code and c.officer_id = new.id and c.is_open
      ) then
        raise exception 'This officer still holds open assessments: move them to another officer first'
          using errcode = 'check_violation';
      end if;
      return new;
    end
  $$`,
  `create trigger app_user_keeps_no_open_assessments before update of active on app_user
    for each row execute function assessment_officer_still_needed()`,
];
