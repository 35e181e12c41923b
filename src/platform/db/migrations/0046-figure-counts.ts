/**
 * Issue 14 item 2 (the figures page's target, docs/figures.md, ADR 0026): the leaders' figures as counted by a job,
 * so the page reads tallies in SQL instead of counting the casework on every request. Owned by src/features/figures.
 *
 * - figure_count: one count of every figure for an authority as of a day (`as_of`), made at `counted_at` from the
 *   casework as it stood then; the children with a plan on the day, and the children out of full-time education at
 *   each month's end (the count's trend), by month. The job keeps only the newest count of each authority.
 * - figure_item: the count's items, one per thing counted (the same items the live count makes, src/domain/figures),
 *   in the order the children's list shows them (`seq`), with the key each falls under in every breakdown as of the
 *   day (`k_team`, `k_school`, `k_need`, `k_ethnicity`, `k_age`; 'none' when not recorded). Only the 24 months the
 *   page shows are kept. The children behind a number are read from them.
 * - figure_tally: the page's numbers, summed from the items when the count is made: each figure's items in the 12
 *   months by group (`dimension` ''), by group and each breakdown's key (`dimension` the breakdown), and in each of
 *   the 24 months (`dimension` 'month', `key` the month). The page reads a few hundred of these, not the items.
 */
export const statements: string[] = [
  `create table figure_count (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    as_of date not null,
    counted_at timestamptz not null default now(),
    with_plan integer not null check (with_plan >= 0),
    not_in_education_by_month jsonb not null,
    items integer not null check (items >= 0),
    primary key (la_code, id)
  )`,
  `create unique index figure_count_day on figure_count (la_code, as_of)`,
  `create table figure_item (
    la_code text not null,
    count_id uuid not null,
    seq integer not null,
    measure text not null,
    child_id uuid not null,
    record_id text not null,
    grp text,
    day date not null,
    due date,
    met boolean not null,
    exception boolean not null,
    k_team text not null,
    k_school text not null,
    k_need text not null,
    k_ethnicity text not null,
    k_age text not null,
    primary key (la_code, count_id, seq),
    foreign key (la_code, count_id) references figure_count (la_code, id) on delete cascade
  )`,
  `create index figure_item_measure on figure_item (la_code, count_id, measure, day)`,
  `create table figure_tally (
    la_code text not null,
    count_id uuid not null,
    seq integer not null,
    dimension text not null,
    measure text not null,
    grp text,
    key text,
    counted integer not null check (counted >= 0),
    met integer not null check (met between 0 and counted),
    primary key (la_code, count_id, seq),
    foreign key (la_code, count_id) references figure_count (la_code, id) on delete cascade
  )`,
  `create index figure_tally_dimension on figure_tally (la_code, count_id, dimension)`,
];
