/**
 * Children not in full-time education (issue 14 item 1; statutory-work.md S4; docs/education.md). Owned by
 * src/features/education.
 *
 * `education_episode` is one time-stamped episode on a child's record: a suspension (first day and school days), a
 * permanent exclusion (its date), a part-time timetable (start, hours a week, reason, agreed end or review date), a
 * child missing education (referral date, reason) or elective home education (start). `end_date` is the day it
 * ended (closed), null while it lasts. `setting_id` is the school the child attended when it began (how leaders count
 * by school), null when there was none.
 *
 * `education_attendance` is a child's attendance percentage for a term of a school year (from the school census or
 * the school), one row per child, year and term.
 *
 * `education_duty` is what an open qualifying episode raised for a child with a plan: the plan's review (reg 29(2)
 * under 18, reg 30 at 18 or over; `due_date` the product's 4 weeks) and the s19 duty (`due_date` the day suitable
 * full-time education must start). One of each kind per episode.
 */
export const statements: string[] = [
  `create table education_episode (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    child_id uuid not null,
    kind text not null check (kind in ('suspension', 'permanent-exclusion', 'part-time-timetable',
      'missing-education', 'home-education')),
    start_date date not null,
    end_date date,
    days integer check (days between 1 and 45),
    hours_a_week numeric(4, 1) check (hours_a_week >= 0 and hours_a_week < 32.5),
    reason text check (length(reason) <= 500),
    review_date date,
    setting_id uuid,
    recorded_on date not null,
    recorded_by uuid not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (la_code, id),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, setting_id) references setting (la_code, id),
    foreign key (la_code, recorded_by) references app_user (la_code, id),
    check (end_date is null or end_date >= start_date),
    check (kind <> 'suspension' or (days is not null and end_date is null)),
    check (kind <> 'part-time-timetable' or (hours_a_week is not null and review_date is not null
      and review_date >= start_date and reason is not null)),
    check (kind <> 'missing-education' or reason is not null)
  )`,
  `create index education_episode_child on education_episode (la_code, child_id, start_date)`,
  `create index education_episode_open on education_episode (la_code, kind, start_date) where end_date is null`,
  `create table education_attendance (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    child_id uuid not null,
    school_year integer not null check (school_year between 2000 and 2100),
    term text not null check (term in ('autumn', 'spring', 'summer')),
    percent numeric(4, 1) not null check (percent between 0 and 100),
    recorded_by uuid not null,
    updated_at timestamptz not null default now(),
    primary key (la_code, id),
    unique (la_code, child_id, school_year, term),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, recorded_by) references app_user (la_code, id)
  )`,
  `create table education_duty (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    child_id uuid not null,
    episode_id uuid not null,
    kind text not null check (kind in ('review', 's19')),
    regulation text not null check (regulation in ('reg-29-2', 'reg-30', 's19')),
    raised_on date not null,
    due_date date not null,
    done_on date,
    primary key (la_code, id),
    unique (la_code, episode_id, kind),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, episode_id) references education_episode (la_code, id),
    check (done_on is null or done_on >= raised_on)
  )`,
  `create index education_duty_child on education_duty (la_code, child_id)`,
];
