/**
 * What families say about the service (issue 15 item 4; docs/register.md "What families say"; ADR 0034). Owned by
 * src/features/register.
 *
 * `survey_offer` is one invitation to a child's family after a milestone (a request decided, a plan issued, a
 * review decided), made from the child's history (`event_id`, unique: one offer per milestone). `token` is the
 * capability in the family's link (random, 128 bits): whoever holds it may answer once, signed in or not. `team_id`,
 * `ethnicity` and `first_language` are copied when the offer is made, so "families offered" is counted as things
 * stood. `answered` says only that the family answered: never which answer.
 *
 * `survey_response` is one answer. It holds no child, no user, no offer and no moment: only the milestone, the team
 * and community copied from the offer, the month it was given, the answers and the free text (and a name and contact
 * only when the family chose to give them). So nothing links an answer to the person. `survey_response_theme` codes
 * the free text into the register's themes. The index on `case_event` serves the job that finds recent milestones.
 */
export const statements: string[] = [
  // The survey's job reads recent milestones from the children's histories by kind (src/platform/people).
  `create index case_event_kind_at on case_event (la_code, kind, at)`,
  `create table survey_offer (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    token text not null check (length(token) between 20 and 100),
    child_id uuid not null,
    event_id bigint not null,
    milestone text not null check (milestone in ('request-decided', 'plan-issued', 'review-decided')),
    milestone_on date not null,
    offered_on date not null,
    team_id uuid,
    ethnicity text,
    first_language text,
    answered boolean not null default false,
    primary key (la_code, id),
    unique (la_code, token),
    unique (la_code, event_id),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, team_id) references team (la_code, id),
    check (offered_on >= milestone_on)
  )`,
  `create index survey_offer_child on survey_offer (la_code, child_id)`,
  `create index survey_offer_offered on survey_offer (la_code, offered_on)`,
  `create table survey_response (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    milestone text not null check (milestone in ('request-decided', 'plan-issued', 'review-decided')),
    month text not null check (month ~ '^[0-9]{4}-[0-9]{2}$'),
    team_id uuid,
    ethnicity text,
    first_language text,
    overall text not null check (overall in ('very-good', 'good', 'neither', 'poor', 'very-poor')),
    listened text not null check (listened in ('yes', 'partly', 'no')),
    comment text check (length(comment) between 1 and 2000),
    contact_name text check (length(contact_name) between 1 and 200),
    contact text check (length(contact) between 1 and 200),
    primary key (la_code, id),
    foreign key (la_code, team_id) references team (la_code, id),
    check ((contact_name is null) = (contact is null))
  )`,
  `create index survey_response_month on survey_response (la_code, month)`,
  `create table survey_response_theme (
    la_code text not null references local_authority (la_code),
    response_id uuid not null,
    theme text not null check (theme in ('communication', 'delay', 'provision-not-delivered', 'placement',
      'assessment-and-plans', 'health', 'social-care', 'transport', 'other')),
    primary key (la_code, response_id, theme),
    foreign key (la_code, response_id) references survey_response (la_code, id)
  )`,
];
