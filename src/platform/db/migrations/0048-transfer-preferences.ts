/**
 * Issue 13 items 1 and 5 (docs/transfers.md, ADR 0028): what the phase-transfer cohort needs that no other feature
 * records. Owned by src/features/transfers.
 *
 * - transfer_preference: the school, college or other setting a family wants named for a child's next phase, for
 *   the cohort of the school year starting 1 September `school_year`: a setting from the register (`setting_id`) or,
 *   for one not in it, its name in words (`setting_text`); why, in the family's words; the day received; where it
 *   came from (`family`: stated online by the family; `review`: recorded by the council from the transfer review).
 *   A setting is recorded once a child and year.
 * - transfer_destination: where a child goes after this year when that changes the law's date (S2): another
 *   school's sixth form (not a statutory phase transfer: local deadline), a post-16 institution, or a school; and
 *   the date of a move between post-16 institutions at another time (reg 18(2): 5 months before it). One a child
 *   and year, replaced when corrected.
 * - transfer_notice: the family told at the start of the cohort what will happen and by when (S2 "Family must be
 *   told"), once a child and year: the day, who sent it, how many people it went to.
 */
export const statements: string[] = [
  `create table transfer_preference (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    child_id uuid not null,
    school_year integer not null check (school_year between 2000 and 2100),
    setting_id uuid,
    setting_text text check (length(setting_text) between 1 and 200),
    reasons text check (length(reasons) <= 2000),
    received date not null,
    source text not null check (source in ('family', 'review')),
    recorded_by uuid,
    created_at timestamptz not null default now(),
    primary key (la_code, id),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, setting_id) references setting (la_code, id),
    foreign key (la_code, recorded_by) references app_user (la_code, id),
    check ((setting_id is null) <> (setting_text is null))
  )`,
  `create unique index transfer_preference_setting on transfer_preference (la_code, child_id, school_year, setting_id)
    where setting_id is not null`,
  `create index transfer_preference_child on transfer_preference (la_code, child_id, received)`,
  `create table transfer_destination (
    la_code text not null references local_authority (la_code),
    child_id uuid not null,
    school_year integer not null check (school_year between 2000 and 2100),
    destination text not null check (destination in ('school', 'school-sixth-form', 'post-16-institution')),
    move_date date,
    recorded_on date not null,
    recorded_by uuid,
    updated_at timestamptz not null default now(),
    primary key (la_code, child_id, school_year),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, recorded_by) references app_user (la_code, id),
    check (move_date is null or destination = 'post-16-institution')
  )`,
  `create index transfer_destination_year on transfer_destination (la_code, school_year)`,
  `create table transfer_notice (
    la_code text not null references local_authority (la_code),
    child_id uuid not null,
    school_year integer not null check (school_year between 2000 and 2100),
    sent_on date not null,
    sent_by uuid,
    recipients integer not null check (recipients >= 0),
    primary key (la_code, child_id, school_year),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, sent_by) references app_user (la_code, id)
  )`,
];
