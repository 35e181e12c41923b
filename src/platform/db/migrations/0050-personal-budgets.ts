/**
 * Personal budgets and direct payments (issue 15 item 3; statutory-work.md S8; docs/personal-budgets.md). Owned by
 * src/features/personal-budgets.
 *
 * `pb_request` is a family's request for a personal budget (at a draft plan, a review or a reassessment: PB Regs
 * reg 4), made by the family online or recorded by staff from a call or letter; `elements` is the provision asked
 * about ('education,health,social-care' or a part of it). `pb_decision` is the council's decision on it: the amount
 * identified per element (pence a year; null where not agreed) and how each is held (reg 8), `refuses` when any of
 * what was asked for (an element, or a direct payment) was refused, which needs reasons (reg 7: the database refuses
 * a refusal without them too), and the review of a refusal the family may ask for. A request has one decision, or
 * a second after a review changed the first. `dp_agreement` is a direct payment agreed for one element (reg 6):
 * the recipient, a nominee, the provision it buys, the amount, the start, and the head's or principal's agreement
 * where the support is on a school's or college's premises. `dp_review` is a monitoring review (reg 11). `dp_change`
 * is a reduction or a stop with its notice, reasons and the one reconsideration (regs 12 and 14).
 */
const ARRANGEMENT = `text check (%s in ('direct-payment', 'notional', 'third-party'))`;
const element = (name: string) => `${name}_pence integer check (${name}_pence between 0 and 100000000),
    ${name}_arrangement ${ARRANGEMENT.replace('%s', `${name}_arrangement`)},`;

export const statements: string[] = [
  `create table pb_request (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    child_id uuid not null,
    requested_on date not null,
    stage text not null check (stage in ('draft', 'review', 'reassessment')),
    elements text not null check (elements ~ '^(education|health|social-care)(,(education|health|social-care)){0,2}$'),
    wants_direct_payment boolean not null default false,
    made_by text not null check (made_by in ('family', 'staff')),
    details text check (length(details) <= 2000),
    plan_due date,
    recorded_by uuid,
    created_at timestamptz not null default now(),
    primary key (la_code, id),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, recorded_by) references app_user (la_code, id)
  )`,
  `create index pb_request_child on pb_request (la_code, child_id)`,
  `create table pb_decision (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    request_id uuid not null,
    decided_on date not null,
    ${element('education')}
    ${element('health')}
    ${element('social_care')}
    refuses boolean not null,
    reasons text check (length(reasons) <= 4000),
    review_requested_on date,
    reviewed_on date,
    review_outcome text check (review_outcome in ('upheld', 'changed')),
    review_notes text check (length(review_notes) <= 4000),
    recorded_by uuid,
    created_at timestamptz not null default now(),
    primary key (la_code, id),
    foreign key (la_code, request_id) references pb_request (la_code, id),
    foreign key (la_code, recorded_by) references app_user (la_code, id),
    check (not refuses or length(trim(reasons)) > 0),
    check (review_requested_on is null or review_requested_on >= decided_on),
    check ((reviewed_on is null) = (review_outcome is null)),
    check (reviewed_on is null or (review_requested_on is not null and reviewed_on >= review_requested_on))
  )`,
  `create index pb_decision_request on pb_decision (la_code, request_id)`,
  `create table dp_agreement (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    decision_id uuid not null,
    element text not null check (element in ('education', 'health', 'social-care')),
    recipient text not null check (length(recipient) between 1 and 200),
    nominee text check (length(nominee) <= 200),
    provision text not null check (length(provision) between 1 and 2000),
    pence integer not null check (pence > 0 and pence <= 100000000),
    start_on date not null,
    on_premises boolean not null default false,
    setting_name text check (length(setting_name) <= 200),
    setting_agreed_on date,
    recorded_by uuid,
    created_at timestamptz not null default now(),
    primary key (la_code, id),
    foreign key (la_code, decision_id) references pb_decision (la_code, id),
    foreign key (la_code, recorded_by) references app_user (la_code, id),
    check (not on_premises or (setting_agreed_on is not null and setting_name is not null))
  )`,
  `create index dp_agreement_decision on dp_agreement (la_code, decision_id)`,
  `create table dp_review (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    agreement_id uuid not null,
    reviewed_on date not null,
    outcome text not null check (outcome in ('continue', 'change-terms', 'reduce', 'stop')),
    notes text not null check (length(notes) between 1 and 4000),
    recorded_by uuid,
    created_at timestamptz not null default now(),
    primary key (la_code, id),
    foreign key (la_code, agreement_id) references dp_agreement (la_code, id),
    foreign key (la_code, recorded_by) references app_user (la_code, id)
  )`,
  `create index dp_review_agreement on dp_review (la_code, agreement_id)`,
  `create table dp_change (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    agreement_id uuid not null,
    kind text not null check (kind in ('reduce', 'stop')),
    notice_on date not null,
    effective_on date not null,
    reasons text not null check (length(trim(reasons)) between 1 and 4000),
    new_pence integer check (new_pence > 0 and new_pence <= 100000000),
    reconsideration_requested_on date,
    reconsideration_decided_on date,
    reconsideration_outcome text check (reconsideration_outcome in ('confirmed', 'withdrawn')),
    recorded_by uuid,
    created_at timestamptz not null default now(),
    primary key (la_code, id),
    foreign key (la_code, agreement_id) references dp_agreement (la_code, id),
    foreign key (la_code, recorded_by) references app_user (la_code, id),
    check (effective_on > notice_on),
    check ((kind = 'reduce') = (new_pence is not null)),
    check ((reconsideration_decided_on is null) = (reconsideration_outcome is null)),
    check (reconsideration_decided_on is null or reconsideration_requested_on is not null)
  )`,
  `create index dp_change_agreement on dp_change (la_code, agreement_id)`,
];
