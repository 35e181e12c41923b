/**
 * Issue 12 item 5 (S11), owned by src/features/reviews: a plan transferred in from another authority. The date the
 * old authority transferred it (reg 15(2), not the date of the move: D8), which authority, and when this authority
 * told the family (reg 15(4), within 6 weeks). The next review is due by the later of its normal date and the end of
 * the 3 months beginning with the transfer (reg 15(5)); the schedule reads this row.
 */
export const statements: string[] = [
  `create table plan_review_transfer_in (
    la_code text not null references local_authority (la_code),
    plan_id uuid not null,
    child_id uuid not null,
    transferred_on date not null,
    from_authority text not null,
    notice_sent date,
    recorded_by uuid,
    created_at timestamptz not null default now(),
    primary key (la_code, plan_id),
    foreign key (la_code, plan_id) references ehc_plan (la_code, id),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, recorded_by) references app_user (la_code, id)
  )`,
];
