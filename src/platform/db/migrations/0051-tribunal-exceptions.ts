/**
 * reg 44(3) exceptions after a tribunal order or concession (issue 15 item 2's gap; docs/tribunal.md). Owned by
 * src/features/tribunal.
 *
 * `disagreement_exception` is one exception a caseworker records against one of the council's compliance dates
 * (`step_id`, the clock's id: 'order:draft-plan', 'concession:notify', ...): exceptional personal circumstances of
 * the child or family, or their absence from the area, from `from_on` to `to_on` (open while it lasts). The clock
 * checks whether it falls in the period (and, for an absence, for at least 2 weeks); it excuses the date only once
 * `confirmed` (the caseworker confirms it made the date impractical).
 */
export const statements: string[] = [
  `create table disagreement_exception (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    disagreement_id uuid not null,
    step_id text not null check (length(step_id) between 1 and 100),
    kind text not null check (kind in ('personal-circumstances', 'absence')),
    from_on date not null,
    to_on date,
    confirmed boolean not null default false,
    details text check (length(details) <= 2000),
    recorded_by uuid,
    created_at timestamptz not null default now(),
    primary key (la_code, id),
    foreign key (la_code, disagreement_id) references disagreement (la_code, id),
    foreign key (la_code, recorded_by) references app_user (la_code, id),
    check (to_on is null or to_on >= from_on)
  )`,
  `create index disagreement_exception_of on disagreement_exception (la_code, disagreement_id)`,
];
