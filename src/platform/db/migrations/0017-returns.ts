/**
 * Issue 14: the SEN2 return both ways (docs/sen2.md). `sen2_extra` keeps, per child, the SEN2 items a return read
 * in that the casework does not hold yet (a request's source and mediation, a plan's ceasing, annual reviews,
 * secondary needs, placement flags), so that the return written again from the casework is the one read in.
 * `sen2_export` is one run of the export job: its progress, its pre-submission problems and the file it made.
 */
export const statements: string[] = [
  `create table sen2_extra (
    la_code text not null references local_authority (la_code),
    child_id uuid not null,
    items jsonb not null default '{}'::jsonb,
    updated_at timestamptz not null default now(),
    primary key (la_code, child_id),
    foreign key (la_code, child_id) references child (la_code, id)
  )`,
  `create table sen2_export (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    census date not null,
    format text not null check (format in ('csv', 'xml')),
    status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
    persons integer,
    problems jsonb,
    content text,
    error text,
    requested_by uuid,
    created_at timestamptz not null default now(),
    finished_at timestamptz,
    primary key (la_code, id),
    foreign key (la_code, requested_by) references app_user (la_code, id)
  )`,
];
