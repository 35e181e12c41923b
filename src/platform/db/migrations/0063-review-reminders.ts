/**
 * Reminders before a review's dates (issue 12 item 2; docs/reviews.md "Reminders"), owned by src/features/reviews: a
 * professional whose review advice is due, a family whose views for the review are asked for, and a family whose
 * comments on proposed amendments are due (the amendments feature claims its reminders here through the reviews
 * feature's `claimReminder`). One row per reminder sent: the kind, the record it is about (the advice request, the
 * review, the amendment), who was reminded and the date they were reminded of. Claimed by inserting the row in the
 * same transaction as the message, so a job run twice, or two at once, never sends twice; a date that moves (the
 * meeting rearranged) earns a new reminder.
 */
export const statements: string[] = [
  `create table plan_review_reminder (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    kind text not null check (kind in ('review-advice', 'review-views', 'proposal-comments')),
    record_id uuid not null,
    child_id uuid not null,
    user_id uuid not null,
    due date not null,
    sent_at timestamptz not null default now(),
    primary key (la_code, id),
    unique (la_code, kind, record_id, user_id, due),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, user_id) references app_user (la_code, id)
  )`,
];
