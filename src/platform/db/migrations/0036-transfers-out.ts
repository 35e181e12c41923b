/**
 * Issue 12 item 5 (S11 outbound), owned by src/features/ceasing (ADR 0018): a plan leaving for another authority.
 * When the council learned of the move, the day of the move when known, the receiving authority (name and its
 * three-digit code), the day the plan was sent (the transfer, reg 15(2)) and the day the health commissioner was
 * told (reg 16). The day to send it by is the clock's `transferOutSendBy`, computed, never stored; `left_on` records
 * that the child's plan status was changed once the plan was sent.
 */
export const statements: string[] = [
  `create table plan_transfer_out (
    la_code text not null references local_authority (la_code),
    plan_id uuid not null,
    child_id uuid not null,
    learned_on date not null,
    move_date date,
    to_authority text not null,
    to_authority_code text check (to_authority_code ~ '^[0-9]{3}$'),
    sent_on date,
    health_told_on date,
    left_on date,
    recorded_by uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (la_code, plan_id),
    check (left_on is null or sent_on is not null),
    foreign key (la_code, plan_id) references ehc_plan (la_code, id),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, recorded_by) references app_user (la_code, id)
  )`,
  `create index plan_transfer_out_child on plan_transfer_out (la_code, child_id)`,
];
