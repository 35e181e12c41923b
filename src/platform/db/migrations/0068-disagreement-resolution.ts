/**
 * Disagreement resolution (issue 15; statutory-work.md S12 `disagreement_resolution`; docs/register.md "Disagreement
 * resolution"; ADR 0047). Owned by src/features/register.
 *
 * `disagreement_resolution` is the record of one disagreement resolution meeting about a child (CFA 2014 s57, the
 * arrangements offered in every decision letter; not mediation, which src/features/tribunal keeps): who asked and
 * when, the provider, the parties, what it was about, the meeting's date, the outcome and what was agreed; linked to
 * the register item it came from where there is one. `disagreement_resolution_obligation` is one thing an agreement
 * obliges someone to do by a date, a task for the child's caseworker (`assigned_to`) until it is done.
 */
export const statements: string[] = [
  `create table disagreement_resolution (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    child_id uuid not null,
    item_id uuid,
    requested_by text not null check (requested_by in ('parent', 'young-person', 'school', 'council', 'health', 'other')),
    requested_on date not null,
    provider text not null check (length(provider) between 1 and 200),
    parties text not null check (length(parties) between 1 and 1000),
    about text not null check (length(about) between 1 and 5000),
    held_on date,
    outcome text not null check (outcome in ('agreed', 'partly-agreed', 'not-agreed', 'not-held')),
    agreement text check (length(agreement) between 1 and 5000),
    recorded_by uuid,
    created_at timestamptz not null default now(),
    primary key (la_code, id),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, item_id) references register_item (la_code, id),
    foreign key (la_code, recorded_by) references app_user (la_code, id),
    check ((outcome = 'not-held') = (held_on is null)),
    check (held_on is null or held_on >= requested_on),
    check ((outcome in ('agreed', 'partly-agreed')) = (agreement is not null))
  )`,
  `create index disagreement_resolution_child on disagreement_resolution (la_code, child_id)`,
  `create index disagreement_resolution_requested on disagreement_resolution (la_code, requested_on)`,
  `create table disagreement_resolution_obligation (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    resolution_id uuid not null,
    child_id uuid not null,
    what text not null check (length(what) between 1 and 1000),
    due date not null,
    assigned_to uuid,
    done_on date,
    done_note text check (length(done_note) between 1 and 2000),
    primary key (la_code, id),
    foreign key (la_code, resolution_id) references disagreement_resolution (la_code, id),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, assigned_to) references app_user (la_code, id),
    check ((done_on is null) = (done_note is null))
  )`,
  `create index disagreement_resolution_obligation_open on disagreement_resolution_obligation (la_code, assigned_to)
    where done_on is null`,
  `create index disagreement_resolution_obligation_of on disagreement_resolution_obligation (la_code, resolution_id)`,
];
