/**
 * Notifications: every message the service sends, kept as an outbox. In demo mode and tests the outbox is all
 * there is (administrators can read it); in production each row also records GOV.UK Notify's id and status.
 */
export const statements: string[] = [
  `create table notification (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    created_at timestamptz not null default now(),
    sent_at timestamptz,
    channel text not null check (channel in ('email', 'sms', 'letter')),
    recipient text not null,
    template text not null,
    subject text,
    body text not null,
    child_id uuid,
    user_id uuid,
    reference text,
    status text not null default 'queued' check (status in ('queued', 'sent', 'delivered', 'failed')),
    provider_id text,
    error text,
    primary key (la_code, id),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, user_id) references app_user (la_code, id)
  )`,
  `create index notification_created on notification (la_code, created_at desc)`,
  `create index notification_child on notification (la_code, child_id, created_at desc)`,
];
