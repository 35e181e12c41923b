/**
 * Issue 12 item 2: the review meeting (owned by src/features/reviews, ADR 0015).
 *
 * - plan_review_invitee: who was invited to a review meeting (reg 20(2)-(3), 21(2)-(3)): the family, the setting, the
 *   health professional named by the commissioner, social care, the authority and anyone appropriate; an account when
 *   the person has one, otherwise a name and email; the day they were invited (each invitation is checked against the
 *   meeting's 2 weeks' notice) and, once the meeting is recorded, whether they came or sent apologies.
 * - plan_review_meeting: the meeting's record, which is the review report: what is working and what is not from each
 *   point of view, progress toward each outcome of the plan (by the outcome's id and its text at the meeting),
 *   recommended changes by plan section, differences of opinion, and preparation for adulthood (from year 9).
 */
export const statements: string[] = [
  `create table plan_review_invitee (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    review_id uuid not null,
    child_id uuid not null,
    kind text not null check (kind in ('family', 'setting', 'health', 'social-care', 'authority', 'other')),
    user_id uuid,
    name text not null,
    email text not null,
    invited_on date not null,
    invited_by uuid,
    attendance text check (attendance in ('attended', 'apologies', 'absent')),
    created_at timestamptz not null default now(),
    primary key (la_code, id),
    unique (la_code, review_id, email),
    foreign key (la_code, review_id) references plan_review (la_code, id),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, user_id) references app_user (la_code, id),
    foreign key (la_code, invited_by) references app_user (la_code, id)
  )`,
  `create index plan_review_invitee_user on plan_review_invitee (la_code, user_id)`,
  `create table plan_review_meeting (
    la_code text not null references local_authority (la_code),
    review_id uuid not null,
    child_id uuid not null,
    views jsonb not null,
    outcome_progress jsonb not null,
    recommended_changes jsonb not null,
    differences text not null default '',
    pfa_considered boolean not null,
    pfa jsonb,
    recorded_by uuid,
    recorded_at timestamptz not null default now(),
    primary key (la_code, review_id),
    foreign key (la_code, review_id) references plan_review (la_code, id),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, recorded_by) references app_user (la_code, id)
  )`,
];
