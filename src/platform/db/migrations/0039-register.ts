/**
 * The register of what families raise (issue 15 item 1; statutory-work.md S12; docs/register.md). Owned by
 * src/features/register.
 *
 * `register_policy` is the authority's own complaints policy in working days (acknowledgement, a concern's answer,
 * stage 1 and stage 2 answers, the s42 provision task): local policy, not law. No row means the defaults in
 * src/domain/register.
 *
 * `register_item` is one thing a family raised: a concern, a complaint, a compliment, or provision in section F not
 * being delivered. `child_id` is null for a general concern; `raised_by` is the family account that raised it
 * online, `recorded_by` the officer who recorded it from a call or letter (one of the two, or neither for the public
 * form). `team_id`, `ethnicity` and `first_language` are copied when it is received (the child's lead officer's team
 * and the child's community, or what a family without an account chose to tell us), so leaders' counts are as things
 * stood. `address_key` is a keyed hash of the public form's sender address for its rate limit (never the address).
 * The stage dates make its state (src/domain/register).
 *
 * `register_item_theme` codes each item into the fixed themes. `register_task` is the s42 task a report of
 * provision not delivered raises for the child's caseworker. `register_you_said` is the service's "You said, we
 * did", published beside the Local Offer's.
 */
export const statements: string[] = [
  `create table register_policy (
    la_code text not null references local_authority (la_code),
    acknowledge_days integer not null check (acknowledge_days between 1 and 65),
    concern_days integer not null check (concern_days between 1 and 65),
    stage1_days integer not null check (stage1_days between 1 and 65),
    stage2_days integer not null check (stage2_days between 1 and 65),
    provision_task_days integer not null check (provision_task_days between 1 and 65),
    updated_by uuid,
    updated_at timestamptz not null default now(),
    primary key (la_code),
    foreign key (la_code, updated_by) references app_user (la_code, id)
  )`,
  `create table register_item (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    reference text not null,
    kind text not null check (kind in ('concern', 'complaint', 'provision-not-delivered', 'compliment')),
    channel text not null check (channel in ('online', 'online-public', 'phone', 'letter', 'email', 'in-person')),
    child_id uuid,
    raised_by uuid,
    recorded_by uuid,
    raiser_name text not null check (length(raiser_name) between 1 and 200),
    raiser_contact text check (length(raiser_contact) <= 200),
    summary text not null check (length(summary) between 1 and 5000),
    provision text check (length(provision) <= 1000),
    received_on date not null,
    owner_id uuid,
    team_id uuid,
    ethnicity text,
    first_language text,
    acknowledged_on date,
    answered_on date,
    answer text check (length(answer) <= 5000),
    outcome text check (outcome in ('upheld', 'partly-upheld', 'not-upheld', 'resolved')),
    stage2_requested_on date,
    stage2_answered_on date,
    stage2_answer text check (length(stage2_answer) <= 5000),
    stage2_outcome text check (stage2_outcome in ('upheld', 'partly-upheld', 'not-upheld', 'resolved')),
    ombudsman_on date,
    withdrawn_on date,
    address_key text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (la_code, id),
    unique (la_code, reference),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, raised_by) references app_user (la_code, id),
    foreign key (la_code, recorded_by) references app_user (la_code, id),
    foreign key (la_code, owner_id) references app_user (la_code, id),
    foreign key (la_code, team_id) references team (la_code, id),
    check (kind <> 'provision-not-delivered' or (child_id is not null and provision is not null)),
    check (acknowledged_on is null or acknowledged_on >= received_on),
    check (answered_on is null or answered_on >= received_on),
    check (stage2_requested_on is null or answered_on is not null),
    check (stage2_answered_on is null or stage2_requested_on is not null)
  )`,
  `create index register_item_child on register_item (la_code, child_id)`,
  `create index register_item_raised_by on register_item (la_code, raised_by)`,
  `create index register_item_received on register_item (la_code, received_on)`,
  `create index register_item_address on register_item (la_code, address_key, created_at)
    where address_key is not null`,
  `create table register_item_theme (
    la_code text not null references local_authority (la_code),
    item_id uuid not null,
    theme text not null check (theme in ('communication', 'delay', 'provision-not-delivered', 'placement',
      'assessment-and-plans', 'health', 'social-care', 'transport', 'other')),
    primary key (la_code, item_id, theme),
    foreign key (la_code, item_id) references register_item (la_code, id)
  )`,
  `create table register_task (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    item_id uuid not null,
    child_id uuid not null,
    assigned_to uuid,
    raised_on date not null,
    due_date date not null,
    done_on date,
    done_note text check (length(done_note) <= 2000),
    primary key (la_code, id),
    unique (la_code, item_id),
    foreign key (la_code, item_id) references register_item (la_code, id),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, assigned_to) references app_user (la_code, id),
    check (done_on is null or done_on >= raised_on)
  )`,
  `create index register_task_assigned on register_task (la_code, assigned_to) where done_on is null`,
  `create table register_you_said (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    theme text not null check (theme in ('communication', 'delay', 'provision-not-delivered', 'placement',
      'assessment-and-plans', 'health', 'social-care', 'transport', 'other')),
    you_said text not null check (length(you_said) between 1 and 2000),
    we_did text not null check (length(we_did) between 1 and 2000),
    published_on date,
    created_by uuid,
    updated_at timestamptz not null default now(),
    primary key (la_code, id),
    foreign key (la_code, created_by) references app_user (la_code, id)
  )`,
];
