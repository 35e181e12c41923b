/**
 * Issue 12 items 2 and 7 (owned by src/features/reviews): the voices before a review meeting. Same rules as 0001:
 * la_code on every table, in every key and every foreign key.
 *
 * - plan_review_view: the family's views (about 'family') or the child's or young person's own views (about
 *   'child') for one review, written by a linked parent or young person account: a draft until sent (sent_on and
 *   sent_at set), one per review, author and kind. Drafts are the author's alone; the council reads what is sent.
 * - plan_review_advice: advice asked of a professional for one review: the kind of advice, who is asked, what the
 *   council wants to know, the due date (when the advice must be sent round, 2 weeks before the meeting: the clock's
 *   date, stored when asked), and the answer (progress, what is working and not, recommended changes) with the day it
 *   arrived.
 */
export const statements: string[] = [
  `create table plan_review_view (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    review_id uuid not null,
    plan_id uuid not null,
    child_id uuid not null,
    about text not null check (about in ('family', 'child')),
    author_user_id uuid not null,
    easy_read boolean not null default false,
    going_well text not null default '',
    hard text not null default '',
    changed text not null default '',
    next text not null default '',
    future text not null default '',
    meeting text not null default '',
    sent_on date,
    sent_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (la_code, id),
    unique (la_code, review_id, author_user_id, about),
    check ((sent_on is null) = (sent_at is null)),
    foreign key (la_code, review_id) references plan_review (la_code, id),
    foreign key (la_code, plan_id) references ehc_plan (la_code, id),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, author_user_id) references app_user (la_code, id)
  )`,
  `create index plan_review_view_child on plan_review_view (la_code, child_id)`,
  `create table plan_review_advice (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    review_id uuid not null,
    plan_id uuid not null,
    child_id uuid not null,
    agency text not null check (agency in ('health', 'social-care', 'educational-psychology', 'setting', 'other')),
    professional_user_id uuid not null,
    question text not null default '',
    requested date not null,
    due date not null,
    received date,
    progress text,
    working text,
    not_working text,
    changes text,
    requested_by uuid,
    submitted_by uuid,
    created_at timestamptz not null default now(),
    primary key (la_code, id),
    unique (la_code, review_id, professional_user_id, agency),
    check (received is null or (progress is not null and changes is not null)),
    foreign key (la_code, review_id) references plan_review (la_code, id),
    foreign key (la_code, plan_id) references ehc_plan (la_code, id),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, professional_user_id) references app_user (la_code, id),
    foreign key (la_code, requested_by) references app_user (la_code, id),
    foreign key (la_code, submitted_by) references app_user (la_code, id)
  )`,
  `create index plan_review_advice_professional on plan_review_advice (la_code, professional_user_id, due)`,
  `create index plan_review_advice_review on plan_review_advice (la_code, review_id)`,
];
