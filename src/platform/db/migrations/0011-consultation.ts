/**
 * Consultation and naming the placement (issue 10 item 4; statutory-work.md S3; journey-corrections.md J7). Owned by
 * src/features/consultation.
 *
 * `placement_preference` is the family's preference, structured: a setting on the register, a type of setting, or
 * education otherwise than in a school; where the council does not name it, the s39(4) ground and reasons are
 * recorded on the row (refusal_*), and a final plan cannot be issued without them.
 *
 * `consultation` is one consultee asked about one setting on one case: the setting itself (its governing body,
 * proprietor or principal, who answers in Goldthread through a SENCO or head teacher account) or, where the setting
 * is maintained by another authority, that authority. It was sent the draft plan and the advice; the answer is "can
 * meet the needs" or an s39(4) ground with reasons. Once answered it is not answered again (check and service).
 */
export const statements: string[] = [
  `create table placement_preference (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    case_id uuid not null,
    child_id uuid not null,
    kind text not null check (kind in ('setting', 'type', 'otherwise')),
    setting_id uuid,
    setting_type text,
    received date not null,
    source text not null check (source in ('request', 'caseworker')),
    recorded_by uuid,
    refusal_ground text check (refusal_ground in ('unsuitable', 'others-education', 'resources')),
    refusal_reasons text,
    refused_on date,
    refused_by uuid,
    created_at timestamptz not null default now(),
    primary key (la_code, id),
    foreign key (la_code, case_id) references assessment_case (la_code, id),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, setting_id) references setting (la_code, id),
    foreign key (la_code, recorded_by) references app_user (la_code, id),
    foreign key (la_code, refused_by) references app_user (la_code, id),
    check ((kind = 'setting') = (setting_id is not null)),
    check ((kind = 'type') = (setting_type is not null)),
    check ((refusal_ground is null) = (refusal_reasons is null)),
    check ((refusal_ground is null) = (refused_on is null))
  )`,
  `create unique index placement_preference_setting on placement_preference (la_code, case_id, setting_id)
    where setting_id is not null`,
  `create index placement_preference_case on placement_preference (la_code, case_id)`,
  `create table consultation (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    case_id uuid not null,
    child_id uuid not null,
    setting_id uuid not null,
    consultee text not null check (consultee in ('setting', 'maintaining-authority')),
    authority_name text,
    sent date not null,
    sent_by uuid,
    answer text check (answer in ('can-meet', 'cannot-meet')),
    ground text check (ground in ('unsuitable', 'others-education', 'resources')),
    reasons text,
    answered date,
    answered_by uuid,
    answered_by_name text,
    created_at timestamptz not null default now(),
    primary key (la_code, id),
    unique (la_code, case_id, setting_id, consultee),
    foreign key (la_code, case_id) references assessment_case (la_code, id),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, setting_id) references setting (la_code, id),
    foreign key (la_code, sent_by) references app_user (la_code, id),
    foreign key (la_code, answered_by) references app_user (la_code, id),
    check ((consultee = 'maintaining-authority') = (authority_name is not null)),
    check ((answer is null) = (answered is null)),
    check (answer is distinct from 'cannot-meet' or (ground is not null and reasons is not null)),
    check (answer is distinct from 'can-meet' or ground is null)
  )`,
  `create index consultation_setting on consultation (la_code, setting_id, consultee, answered)`,
];
