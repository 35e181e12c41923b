/**
 * Rights in every decision and who is told (issue 10 items 5 and 6; statutory-work.md, the rights block;
 * journey-corrections.md J4-J6; docs/rights.md).
 *
 * The authority's settings gain the contacts every rights block names (reg 32): the mediation adviser (32(c)), the
 * council's own contact for mediation (32(f)) and the disagreement resolution service (5(3)(d)(i)); SENDIASS was
 * already there. They also say which organisations are told of decisions: the health commissioning body (regs 5(2),
 * 10(2), 13(2)) and the council's social care for children with SEN (reg 4(2) via 5(2)), each with an email address
 * for Notify. The columns belong to the authority (owned by src/platform/people).
 *
 * `organisation_inbox_item` is a decision sent to an organisation: the commissioner, social care, the child's school
 * or the setting a final plan names. Its users (a SENCO, a commissioner's officer) read it in Goldthread. Owned by
 * src/features/notices. One item per organisation, case and decision.
 */
export const statements: string[] = [
  `alter table local_authority
    add column mediation_adviser_name text not null default '',
    add column mediation_adviser_phone text not null default '',
    add column mediation_adviser_email text not null default '',
    add column mediation_adviser_url text not null default '',
    add column mediation_contact_name text not null default '',
    add column mediation_contact_phone text not null default '',
    add column mediation_contact_email text not null default '',
    add column disagreement_name text not null default '',
    add column disagreement_phone text not null default '',
    add column disagreement_email text not null default '',
    add column disagreement_url text not null default '',
    add column commissioner_organisation_id uuid,
    add column commissioner_email text not null default '',
    add column social_care_organisation_id uuid,
    add column social_care_email text not null default ''`,
  `alter table local_authority
    add constraint local_authority_commissioner_fk foreign key (la_code, commissioner_organisation_id)
      references organisation (la_code, id),
    add constraint local_authority_social_care_fk foreign key (la_code, social_care_organisation_id)
      references organisation (la_code, id)`,
  `create table organisation_inbox_item (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    organisation_id uuid not null,
    child_id uuid not null,
    case_id uuid not null,
    kind text not null check (kind in ('decision-to-assess', 'not-to-assess', 'not-to-issue', 'final-plan',
      'amended-plan', 'not-to-amend', 'to-cease')),
    decision_date date not null,
    reason text not null check (reason in ('commissioner', 'social-care', 'school', 'named-setting')),
    email text,
    created_at timestamptz not null default now(),
    read_at timestamptz,
    read_by uuid,
    primary key (la_code, id),
    unique (la_code, organisation_id, case_id, kind),
    foreign key (la_code, organisation_id) references organisation (la_code, id),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, case_id) references assessment_case (la_code, id),
    foreign key (la_code, read_by) references app_user (la_code, id)
  )`,
  `create index organisation_inbox_item_organisation on organisation_inbox_item (la_code, organisation_id, created_at)`,
  `create index organisation_inbox_item_case on organisation_inbox_item (la_code, case_id)`,
];
